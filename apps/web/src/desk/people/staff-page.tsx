import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ROLE_LABELS, type Role } from '@/lib/access';
import { ApiError, sentenceOf } from '@/lib/errors';
import { dayAndTime } from '@/lib/format';
import { useSessionUser } from '@/hooks/use-session';
import {
  assignableRoles,
  changeUser,
  createUser,
  resetPassword,
  ROLE_UNIT_TYPE,
  useOrgUnits,
  useStaff,
  type NewUser,
  type OrgUnit,
  type StaffFilter,
  type StaffUser,
} from './people-api';

/**
 * A refusal in words. A unit outside the caller's department is "not found" to the API (no existence leak): the
 * page says what that means here.
 */
function refusalOf(error: unknown): string {
  const details = error instanceof ApiError && !Array.isArray(error.details) ? error.details : undefined;
  if (error instanceof ApiError && error.code === 'NOT_FOUND' && details?.entity === 'org unit')
    return '所选单位不在本部门（或已不存在）：只能在本部门内建账号和调动人员。';
  return sentenceOf(error);
}

/** The units a role may sit in, by name (a territory with its code). */
function unitOptions(units: OrgUnit[], role: Role | undefined) {
  const type = role ? ROLE_UNIT_TYPE[role] : undefined;
  return units
    .filter((unit) => unit.active && unit.type === type)
    .map((unit) => ({ value: unit.id, label: `${unit.name}（${unit.code}）` }));
}

/**
 * The department's staff (a department head: its centers', supply points', squads' and routes' people; an admin:
 * everyone): create an account, move someone to another territory or unit, disable or enable, reset a password.
 */
export default function StaffPage() {
  const user = useSessionUser();
  const [filter, setFilter] = useState<StaffFilter>({ page: 1 });
  const staff = useStaff(filter);
  const units = useOrgUnits();
  const [creating, setCreating] = useState(false);
  const [moving, setMoving] = useState<StaffUser>();
  const [resetting, setResetting] = useState<StaffUser>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  if (!user) return null;
  const roles = assignableRoles(user.role);
  const unitName = new Map((units.data ?? []).map((unit) => [unit.id, unit.name]));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['staff'] });

  const toggle = async (row: StaffUser) => {
    const status = row.status === 'active' ? 'disabled' : 'active';
    try {
      await changeUser(row.id, { status });
      void message.success(`${row.displayName}已${status === 'active' ? '启用' : '停用'}`);
      refresh();
    } catch (error) {
      void message.error(refusalOf(error));
    }
  };

  const columns: ColumnsType<StaffUser> = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', render: (_, row) => ROLE_LABELS[row.role] },
    {
      title: '所在单位',
      render: (_, row) => (row.orgUnitId === null ? '—' : (unitName.get(row.orgUnitId) ?? row.orgUnitId)),
    },
    { title: '电话', render: (_, row) => row.phone ?? '—' },
    {
      title: '状态',
      render: (_, row) =>
        row.status === 'active' ? (
          <Badge status="success" text="在岗" />
        ) : (
          <Badge status="default" text="已停用" />
        ),
    },
    { title: '最近登录', render: (_, row) => (row.lastLoginAt ? dayAndTime(row.lastLoginAt) : '从未登录') },
    {
      title: '操作',
      render: (_, row) =>
        // Heads, inspectors and admins are not this page's to change (the API answers "not found").
        roles.includes(row.role) && row.id !== user.id ? (
          <Space size="small">
            <Button size="small" onClick={() => setMoving(row)} aria-label={`调动${row.displayName}`}>
              调动
            </Button>
            <Button
              size="small"
              danger={row.status === 'active'}
              onClick={() => void toggle(row)}
              aria-label={`${row.status === 'active' ? '停用' : '启用'}${row.displayName}`}
            >
              {row.status === 'active' ? '停用' : '启用'}
            </Button>
            <Button
              size="small"
              onClick={() => setResetting(row)}
              aria-label={`重置密码：${row.displayName}`}
            >
              重置密码
            </Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        人员管理
      </Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select<Role>
          aria-label="按角色筛选"
          placeholder="全部角色"
          allowClear
          style={{ width: 160 }}
          options={[...roles, ...(user.role === 'admin' ? (['admin'] as Role[]) : [])].map((role) => ({
            value: role,
            label: ROLE_LABELS[role],
          }))}
          onChange={(role) => setFilter((f) => ({ ...f, role, page: 1 }))}
        />
        <Select<'active' | 'disabled'>
          aria-label="按状态筛选"
          placeholder="全部状态"
          allowClear
          style={{ width: 120 }}
          options={[
            { value: 'active', label: '在岗' },
            { value: 'disabled', label: '已停用' },
          ]}
          onChange={(status) => setFilter((f) => ({ ...f, status, page: 1 }))}
        />
        <Input.Search
          aria-label="搜索用户名或姓名"
          placeholder="用户名或姓名"
          allowClear
          onSearch={(search) => setFilter((f) => ({ ...f, search: search || undefined, page: 1 }))}
        />
        <Button type="primary" onClick={() => setCreating(true)}>
          新建账号
        </Button>
      </Space>
      {staff.isError && <Alert type="error" showIcon title={sentenceOf(staff.error)} />}
      <Card>
        <Table<StaffUser>
          aria-label="人员"
          rowKey="id"
          size="small"
          loading={staff.isFetching}
          columns={columns}
          dataSource={staff.data?.items ?? []}
          pagination={{
            current: filter.page,
            pageSize: 20,
            total: staff.data?.total ?? 0,
            showSizeChanger: false,
            onChange: (page) => setFilter((f) => ({ ...f, page })),
          }}
        />
      </Card>
      {creating && (
        <CreateUserModal
          roles={roles}
          units={units.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            void message.success(`已建账号 ${created.username}（${created.displayName}）`);
            refresh();
          }}
        />
      )}
      {moving && (
        <MoveUserModal
          user={moving}
          units={units.data ?? []}
          onClose={() => setMoving(undefined)}
          onMoved={() => {
            setMoving(undefined);
            void message.success(`${moving.displayName}已调动`);
            refresh();
          }}
        />
      )}
      {resetting && (
        <ResetPasswordModal
          user={resetting}
          onClose={() => setResetting(undefined)}
          onDone={() => {
            setResetting(undefined);
            void message.success(`已重置${resetting.displayName}的密码，下次登录请使用新密码`);
          }}
        />
      )}
    </>
  );
}

function CreateUserModal(props: {
  roles: Role[];
  units: OrgUnit[];
  onClose: () => void;
  onCreated: (user: StaffUser) => void;
}) {
  const [form] = Form.useForm<NewUser>();
  const role = Form.useWatch('role', form) as Role | undefined;
  const save = useMutation({ mutationFn: createUser, onSuccess: props.onCreated });
  return (
    <Modal
      open
      title="新建账号"
      okText="建账号"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => void form.validateFields().then((values) => save.mutate(values))}
      onCancel={props.onClose}
    >
      {save.isError && <Alert type="error" showIcon role="alert" title={refusalOf(save.error)} />}
      <Form form={form} layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            { required: true, message: '请填写用户名' },
            { pattern: /^[A-Za-z0-9._-]{3,32}$/, message: '3–32 位字母、数字、点、横线或下划线' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select
            options={props.roles.map((value) => ({ value, label: ROLE_LABELS[value] }))}
            onChange={() => form.setFieldValue('orgUnitId', undefined)}
          />
        </Form.Item>
        <Form.Item name="orgUnitId" label="所在单位" rules={[{ required: true, message: '请选择所在单位' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            disabled={!role}
            placeholder={role ? '请选择' : '先选择角色'}
            options={unitOptions(props.units, role)}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label="初始密码"
          rules={[{ required: true, min: 8, max: 128, message: '密码 8–128 个字符' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="phone" label="电话">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MoveUserModal(props: {
  user: StaffUser;
  units: OrgUnit[];
  onClose: () => void;
  onMoved: () => void;
}) {
  const [orgUnitId, setOrgUnitId] = useState<number>();
  const save = useMutation({
    mutationFn: () => changeUser(props.user.id, { orgUnitId }),
    onSuccess: props.onMoved,
  });
  const options = unitOptions(props.units, props.user.role).filter((o) => o.value !== props.user.orgUnitId);
  return (
    <Modal
      open
      title={`调动${props.user.displayName}`}
      okText="调动"
      cancelText="取消"
      okButtonProps={{ disabled: orgUnitId === undefined }}
      confirmLoading={save.isPending}
      onOk={() => save.mutate()}
      onCancel={props.onClose}
    >
      {save.isError && <Alert type="error" showIcon role="alert" title={refusalOf(save.error)} />}
      <Typography.Paragraph style={{ marginTop: 16 }}>
        调动后其原有登录失效；客户经理调入的片区须没有其他在岗客户经理。
      </Typography.Paragraph>
      <Select
        aria-label="调往单位"
        style={{ width: '100%' }}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="调往单位"
        options={options}
        value={orgUnitId}
        onChange={setOrgUnitId}
      />
    </Modal>
  );
}

function ResetPasswordModal(props: { user: StaffUser; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ newPassword: string }>();
  const save = useMutation({
    mutationFn: (newPassword: string) => resetPassword(props.user.id, newPassword),
    onSuccess: props.onDone,
  });
  return (
    <Modal
      open
      title={`重置${props.user.displayName}的密码`}
      okText="重置"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => void form.validateFields().then((values) => save.mutate(values.newPassword))}
      onCancel={props.onClose}
    >
      {save.isError && <Alert type="error" showIcon role="alert" title={refusalOf(save.error)} />}
      <Form form={form} layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item
          name="newPassword"
          label="新密码"
          extra="其原有登录随即失效。"
          rules={[{ required: true, min: 8, max: 128, message: '密码 8–128 个字符' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
