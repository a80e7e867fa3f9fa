import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { sentenceOf } from '@/lib/errors';
import { businessMonth, chineseDate, chineseMonth } from '@/lib/format';
import { useSessionUser } from '@/hooks/use-session';
import { useNow } from '@/hooks/use-now';
import { useTerritories } from '../desk-api';
import { FormModal } from '../form-modal';
import { useOrgUnits } from '../people/people-api';
import {
  changeGrade,
  changeStatus,
  createRetailer,
  exportRetailers,
  issueActivation,
  overrideBigAccount,
  setAgreedTotal,
  updateRetailer,
  useBigAccount,
  useClassifications,
  useDistrictTypes,
  useGradeHistory,
  useRetailers,
  type Activation,
  type BigAccount,
  type GradeHistory,
  type Classifications,
  type NewRetailer,
  type Retailer,
  type RetailerFilter,
  type RetailerStatus,
} from './retailers-api';

const PAGE_SIZE = 20;
type Action = 'edit' | 'status' | 'grade' | 'bigAccount' | 'activation' | 'agreedTotal';
type Option<V> = { value: V; label: string };

const BIG_ACCOUNT_SOURCE: Record<Retailer['bigAccountSource'], string> = {
  override: '人工认定',
  computed: '按月测算',
  none: '—',
};

/**
 * Retailers 零售户 of the caller's scope (a market manager: its center; a department head: its department): the
 * list with every filter the API has, the filtered list exported, a retailer created or edited, its status
 * changed, its grade for the next period decided (department heads and admins), its big-account flag overruled,
 * a one-time password issued for its self-service account, and (a market manager) its agreed monthly total.
 */
export default function RetailersPage() {
  const user = useSessionUser();
  const now = useNow(60_000);
  const [filter, setFilter] = useState<RetailerFilter>({});
  const [page, setPage] = useState(1);
  const retailers = useRetailers(filter, page, PAGE_SIZE);
  const codes = useClassifications();
  const districts = useDistrictTypes();
  const territories = useTerritories();
  const units = useOrgUnits();
  const [creating, setCreating] = useState(false);
  const [acting, setActing] = useState<{ action: Action; retailer: Retailer }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const exporting = useMutation({
    mutationFn: () => exportRetailers(filter),
    onError: (error) => void message.error(sentenceOf(error)),
  });
  if (!user) return null;
  const manager = user.role === 'market_manager';
  const grader = user.role === 'department_head' || user.role === 'admin';
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['desk-retailers'] });
  const done = (text: string) => {
    setActing(undefined);
    void message.success(text);
    refresh();
  };
  const narrow = (change: Partial<RetailerFilter>) => {
    setFilter((f) => ({ ...f, ...change }));
    setPage(1);
  };
  const labels = labelsOf(codes.data);
  const territoryOptions = (territories.data ?? []).map((t) => ({ value: t.id, label: t.name }));
  const centerOptions = (units.data ?? [])
    .filter((unit) => unit.type === 'service_center')
    .map((unit) => ({ value: unit.id, label: unit.name }));
  const departmentOptions = (units.data ?? [])
    .filter((unit) => unit.type === 'department')
    .map((unit) => ({ value: unit.id, label: unit.name }));
  const act = (action: Action, retailer: Retailer, label: string) => (
    <Button
      size="small"
      onClick={() => setActing({ action, retailer })}
      aria-label={`${label}：${retailer.shopName}`}
    >
      {label}
    </Button>
  );

  const columns: ColumnsType<Retailer> = [
    { title: '许可证号', dataIndex: 'licenseNo', key: 'licenseNo', sorter: true },
    {
      title: '店名',
      dataIndex: 'shopName',
      key: 'shopName',
      sorter: true,
      // The retailer's three-role timeline: visits, leads, deliveries, feedback and problems.
      render: (_, r) => (
        <Link to={`/desk/retailers/${r.id}/timeline`} aria-label={`${r.shopName}的三员互动记录`}>
          {r.shopName}
        </Link>
      ),
    },
    { title: '经营者', dataIndex: 'ownerName' },
    { title: '片区', key: 'territory', sorter: true, render: (_, r) => r.territoryName ?? '—' },
    {
      title: '档位',
      key: 'grade',
      sorter: true,
      render: (_, r) =>
        r.pendingGrade
          ? `${r.grade}（${chineseDate(r.pendingGrade.effectiveFrom)}起 ${r.pendingGrade.grade}）`
          : r.grade,
    },
    { title: '业态', render: (_, r) => labels.businessType(r.businessType) },
    { title: '订货日', render: (_, r) => labels.weekday(r.orderWeekday) },
    {
      title: '状态',
      render: (_, r) => (
        <Badge status={r.status === 'active' ? 'success' : 'default'} text={labels.status(r.status)} />
      ),
    },
    { title: '大户', render: (_, r) => (r.bigAccount ? <Tag color="gold">大户</Tag> : '—') },
    {
      title: '操作',
      render: (_, r) => (
        <Space size={4} wrap>
          {act('edit', r, '编辑')}
          {act('status', r, '状态')}
          {act('grade', r, '档位')}
          {act('bigAccount', r, '大户')}
          {act('activation', r, '一次性密码')}
          {manager && act('agreedTotal', r, '商定总量')}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        零售户
      </Typography.Title>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          aria-label="搜索店名、许可证号、经营者或电话"
          placeholder="店名、许可证号、经营者或电话"
          allowClear
          style={{ width: 260 }}
          onSearch={(search) => narrow({ search: search.trim() || undefined })}
        />
        {user.role === 'admin' && (
          <FilterSelect
            label="营销部"
            options={departmentOptions}
            onChange={(departmentId) => narrow({ departmentId })}
          />
        )}
        {!manager && (
          <FilterSelect
            label="客户服务部"
            options={centerOptions}
            onChange={(serviceCenterId) => narrow({ serviceCenterId })}
          />
        )}
        <FilterSelect
          label="片区"
          options={territoryOptions}
          onChange={(territoryId) => narrow({ territoryId })}
        />
        <FilterSelect
          label="状态"
          options={codes.data?.statuses ?? []}
          onChange={(status) => narrow({ status: status as RetailerFilter['status'] })}
        />
        <FilterSelect
          label="业态"
          options={codes.data?.businessTypes ?? []}
          onChange={(businessType) =>
            narrow({ businessType: businessType as RetailerFilter['businessType'] })
          }
        />
        <FilterSelect
          label="市场类型"
          options={codes.data?.marketTypes ?? []}
          onChange={(marketType) => narrow({ marketType: marketType as RetailerFilter['marketType'] })}
        />
        <FilterSelect
          label="经营规模"
          options={codes.data?.scales ?? []}
          onChange={(scale) => narrow({ scale: scale as RetailerFilter['scale'] })}
        />
        <FilterSelect
          label="商圈类型"
          options={(districts.data ?? []).map((d) => ({
            value: d.code,
            label: d.active ? d.name : `${d.name}（已停用）`,
          }))}
          onChange={(districtType) => narrow({ districtType })}
        />
        <FilterSelect
          label="订货日"
          options={codes.data?.orderWeekdays ?? []}
          onChange={(orderWeekday) => narrow({ orderWeekday })}
        />
        <FilterSelect
          label="大户"
          options={[
            { value: 'yes', label: '大户' },
            { value: 'no', label: '非大户' },
          ]}
          onChange={(big) => narrow({ bigAccount: big === undefined ? undefined : big === 'yes' })}
        />
        <FilterSelect
          label="档位"
          options={gradeOptions(codes.data)}
          onChange={(grade) => narrow({ grade, gradeMin: undefined, gradeMax: undefined })}
        />
        <Space.Compact>
          <InputNumber
            aria-label="档位自"
            placeholder="档位自"
            min={codes.data?.grades.min}
            max={codes.data?.grades.max}
            onChange={(gradeMin) => narrow({ gradeMin: gradeMin ?? undefined })}
          />
          <InputNumber
            aria-label="档位至"
            placeholder="档位至"
            min={codes.data?.grades.min}
            max={codes.data?.grades.max}
            onChange={(gradeMax) => narrow({ gradeMax: gradeMax ?? undefined })}
          />
        </Space.Compact>
        <Button loading={exporting.isPending} onClick={() => exporting.mutate()}>
          导出当前筛选结果
        </Button>
        <Button type="primary" onClick={() => setCreating(true)}>
          新建零售户
        </Button>
      </Space>
      {retailers.isError && <Alert type="error" showIcon role="alert" title={sentenceOf(retailers.error)} />}
      <Card>
        <Table<Retailer>
          aria-label="零售户"
          rowKey="id"
          size="small"
          loading={retailers.isFetching}
          columns={columns}
          dataSource={retailers.data?.items ?? []}
          onChange={(_, __, sorter) => {
            const sort = Array.isArray(sorter) ? sorter[0] : sorter;
            narrow({
              sort: sort.order ? (sort.columnKey as RetailerFilter['sort']) : undefined,
              order: sort.order ? (sort.order === 'descend' ? 'desc' : 'asc') : undefined,
            });
          }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: retailers.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 户`,
            onChange: setPage,
          }}
        />
      </Card>
      {creating && (
        <RetailerFormModal
          codes={codes.data}
          territories={territoryOptions}
          districts={districtOptions(districts.data)}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            void message.success(`已建档：${saved.shopName}（${saved.licenseNo}）`);
            refresh();
          }}
        />
      )}
      {acting?.action === 'edit' && (
        <RetailerFormModal
          retailer={acting.retailer}
          codes={codes.data}
          territories={territoryOptions}
          districts={districtOptions(districts.data)}
          onClose={() => setActing(undefined)}
          onSaved={(saved) => done(`已保存${saved.shopName}`)}
        />
      )}
      {acting?.action === 'status' && (
        <StatusModal
          retailer={acting.retailer}
          codes={codes.data}
          onClose={() => setActing(undefined)}
          onSaved={(saved) => done(`${saved.shopName}已改为${labels.status(saved.status)}`)}
        />
      )}
      {acting?.action === 'grade' && (
        <GradeModal
          retailer={acting.retailer}
          codes={codes.data}
          canDecide={grader}
          onClose={() => setActing(undefined)}
          onSaved={(grade, from) => done(`${acting.retailer.shopName}自${chineseDate(from)}起为 ${grade} 档`)}
        />
      )}
      {acting?.action === 'bigAccount' && (
        <BigAccountModal
          retailer={acting.retailer}
          onClose={() => setActing(undefined)}
          onSaved={() => done(`已更新${acting.retailer.shopName}的大户认定`)}
        />
      )}
      {acting?.action === 'activation' && (
        <ActivationModal retailer={acting.retailer} onClose={() => setActing(undefined)} />
      )}
      {acting?.action === 'agreedTotal' && (
        <AgreedTotalModal
          retailer={acting.retailer}
          month={businessMonth(now)}
          onClose={() => setActing(undefined)}
          onSaved={(cartons) => done(`${acting.retailer.shopName}本月商定总量 ${cartons} 条`)}
        />
      )}
    </>
  );
}

/** A filter of the list: cleared, it asks for everything. */
function FilterSelect<V extends string | number>(props: {
  label: string;
  options: Option<V>[] | { code: V; label: string }[];
  onChange: (value: V | undefined) => void;
}) {
  const options = props.options.map((o) => ('code' in o ? { value: o.code, label: o.label } : o));
  return (
    <Select<V>
      aria-label={props.label}
      placeholder={props.label}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: 130 }}
      options={options}
      onChange={(value) => props.onChange(value ?? undefined)}
    />
  );
}

function gradeOptions(codes: Classifications | undefined): Option<number>[] {
  if (!codes) return [];
  const { min, max } = codes.grades;
  return Array.from({ length: max - min + 1 }, (_, i) => ({ value: min + i, label: `${min + i} 档` }));
}

function districtOptions(types: Classifications['districtTypes'] | undefined): Option<string>[] {
  return (types ?? []).filter((d) => d.active).map((d) => ({ value: d.code, label: d.name }));
}

/** The code tables' labels by code (the code itself until they load). */
function labelsOf(codes: Classifications | undefined) {
  const find = (list: { code: string | number; label: string }[] | undefined, code: string | number) =>
    list?.find((entry) => entry.code === code)?.label ?? String(code);
  return {
    businessType: (code: string) => find(codes?.businessTypes, code),
    status: (code: string) => find(codes?.statuses, code),
    weekday: (code: number) => find(codes?.orderWeekdays, code),
  };
}

type RetailerForm = NewRetailer;

/** A new retailer (its self-service account is made with it), or a retailer's particulars changed. */
function RetailerFormModal(props: {
  retailer?: Retailer;
  codes: Classifications | undefined;
  territories: Option<number>[];
  districts: Option<string>[];
  onClose: () => void;
  onSaved: (retailer: Retailer) => void;
}) {
  const editing = props.retailer;
  const save = (values: RetailerForm) => {
    const body = {
      ...values,
      phone: values.phone || null,
      districtType: values.districtType ?? null,
      ownerBirthday: values.ownerBirthday || null,
      licenseValidFrom: values.licenseValidFrom || null,
      licenseValidTo: values.licenseValidTo || null,
    };
    if (!editing) return createRetailer(body);
    const { grade: _grade, ...change } = body;
    return updateRetailer(editing.id, change);
  };
  const codeOptions = (list: { code: string | number; label: string }[] | undefined) =>
    (list ?? []).map((entry) => ({ value: entry.code, label: entry.label }));
  return (
    <FormModal<RetailerForm, Retailer>
      title={editing ? `编辑${editing.shopName}` : '新建零售户'}
      okText="保存"
      width={720}
      onClose={props.onClose}
      save={save}
      onSaved={props.onSaved}
      formStyle={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}
      initialValues={
        editing
          ? { ...editing }
          : { reachableSms: false, reachableWechat: false, reachablePortal: false, orderWeekday: 1 }
      }
    >
      <Form.Item name="licenseNo" label="许可证号" rules={[{ required: true, message: '请填写许可证号' }]}>
        <Input maxLength={64} autoComplete="off" />
      </Form.Item>
      <Form.Item name="shopName" label="店名" rules={[{ required: true, message: '请填写店名' }]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="ownerName" label="经营者" rules={[{ required: true, message: '请填写经营者' }]}>
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item name="phone" label="电话">
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item
        name="address"
        label="经营地址"
        rules={[{ required: true, message: '请填写经营地址' }]}
        style={{ gridColumn: 'span 2' }}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="territoryId" label="所属片区" rules={[{ required: true, message: '请选择片区' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={props.territories} />
      </Form.Item>
      <Form.Item name="orderWeekday" label="订货日" rules={[{ required: true, message: '请选择订货日' }]}>
        <Select options={codeOptions(props.codes?.orderWeekdays)} />
      </Form.Item>
      <Form.Item name="businessType" label="业态" rules={[{ required: true, message: '请选择业态' }]}>
        <Select options={codeOptions(props.codes?.businessTypes)} />
      </Form.Item>
      <Form.Item name="marketType" label="市场类型" rules={[{ required: true, message: '请选择市场类型' }]}>
        <Select options={codeOptions(props.codes?.marketTypes)} />
      </Form.Item>
      <Form.Item name="scale" label="经营规模" rules={[{ required: true, message: '请选择经营规模' }]}>
        <Select options={codeOptions(props.codes?.scales)} />
      </Form.Item>
      {!editing && (
        <Form.Item name="grade" label="初始档位" rules={[{ required: true, message: '请填写档位' }]}>
          <InputNumber
            min={props.codes?.grades.min}
            max={props.codes?.grades.max}
            style={{ width: '100%' }}
          />
        </Form.Item>
      )}
      <Form.Item name="districtType" label="商圈类型">
        <Select allowClear options={props.districts} />
      </Form.Item>
      <Form.Item name="ownerBirthday" label="经营者生日">
        <Input type="date" />
      </Form.Item>
      <Form.Item name="licenseValidFrom" label="许可证有效期自">
        <Input type="date" />
      </Form.Item>
      <Form.Item name="licenseValidTo" label="许可证有效期至">
        <Input type="date" />
      </Form.Item>
      <Space style={{ gridColumn: 'span 2' }}>
        <Form.Item name="reachableSms" valuePropName="checked" noStyle>
          <Checkbox>可短信联系</Checkbox>
        </Form.Item>
        <Form.Item name="reachableWechat" valuePropName="checked" noStyle>
          <Checkbox>可微信联系</Checkbox>
        </Form.Item>
        <Form.Item name="reachablePortal" valuePropName="checked" noStyle>
          <Checkbox>使用自助订货</Checkbox>
        </Form.Item>
      </Space>
    </FormModal>
  );
}

/** A reason and a field or two, saved by one call: the modals below share it. */
function ReasonModal<V extends object, T>(
  props: Omit<Parameters<typeof FormModal<V & { reason: string }, T>>[0], 'form'>,
) {
  return (
    <FormModal<V & { reason: string }, T> {...props}>
      {props.children}
      <Form.Item
        name="reason"
        label="原因"
        rules={[{ required: true, whitespace: true, message: '请填写原因' }]}
      >
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function StatusModal(props: {
  retailer: Retailer;
  codes: Classifications | undefined;
  onClose: () => void;
  onSaved: (retailer: Retailer) => void;
}) {
  const { retailer } = props;
  return (
    <ReasonModal<{ status: RetailerStatus }, Retailer>
      title={`变更${retailer.shopName}的经营状态`}
      okText="变更"
      onClose={props.onClose}
      save={({ status, reason }) => changeStatus(retailer.id, status, reason)}
      onSaved={props.onSaved}
      before={
        <Typography.Paragraph style={{ marginTop: 16 }}>
          当前：{labelsOf(props.codes).status(retailer.status)}
          {retailer.statusReason ? `（${retailer.statusReason}）` : ''}。歇业将停用其自助订货账号。
        </Typography.Paragraph>
      }
    >
      <Form.Item name="status" label="新状态" rules={[{ required: true, message: '请选择新状态' }]}>
        <Select
          options={(props.codes?.statuses ?? [])
            .filter((s) => s.code !== retailer.status)
            .map((s) => ({ value: s.code, label: s.label }))}
        />
      </Form.Item>
    </ReasonModal>
  );
}

/** The grade in force, a decided change, the history; department heads decide the next period's grade. */
function GradeModal(props: {
  retailer: Retailer;
  codes: Classifications | undefined;
  canDecide: boolean;
  onClose: () => void;
  onSaved: (grade: number, from: string) => void;
}) {
  const history = useGradeHistory(props.retailer.id);
  const next = props.codes?.grades.nextPeriodStart;
  const table = (
    <>
      {history.isError && <Alert type="error" showIcon title={sentenceOf(history.error)} />}
      <Table
        aria-label="档位记录"
        rowKey={(entry) => `${entry.effectiveFrom}-${entry.createdAt}`}
        size="small"
        style={{ marginTop: 16 }}
        loading={history.isLoading}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        dataSource={history.data?.history ?? []}
        columns={[
          { title: '档位', dataIndex: 'grade' },
          { title: '生效日', render: (_, e) => chineseDate(e.effectiveFrom) },
          { title: '原因', render: (_, e) => e.reason ?? '—' },
        ]}
      />
    </>
  );
  return (
    <ReasonModal<{ grade: number }, GradeHistory>
      title={`${props.retailer.shopName}的档位`}
      okText="确定下期档位"
      readOnly={!props.canDecide}
      onClose={props.onClose}
      save={({ grade, reason }) => changeGrade(props.retailer.id, grade, reason)}
      onSaved={(saved) =>
        saved.pendingGrade && props.onSaved(saved.pendingGrade.grade, saved.pendingGrade.effectiveFrom)
      }
      before={
        <>
          <Typography.Paragraph style={{ marginTop: 16 }}>
            现行 {props.retailer.grade} 档（{chineseDate(props.retailer.gradeSince)}起）
            {props.retailer.pendingGrade
              ? `；已定 ${chineseDate(props.retailer.pendingGrade.effectiveFrom)}起为 ${props.retailer.pendingGrade.grade} 档`
              : ''}
            。本期档位锁定，调整自下期
            {next ? `（${chineseDate(next)}）` : ''}起生效
            {props.canDecide ? '。' : '，由营销部确定。'}
          </Typography.Paragraph>
          {table}
        </>
      }
    >
      <Form.Item name="grade" label="下期档位" rules={[{ required: true, message: '请填写档位' }]}>
        <InputNumber min={props.codes?.grades.min} max={props.codes?.grades.max} style={{ width: '100%' }} />
      </Form.Item>
    </ReasonModal>
  );
}

/** The big-account flag: the monthly computation, and a manager's override (set, or removed to follow it). */
function BigAccountModal(props: { retailer: Retailer; onClose: () => void; onSaved: () => void }) {
  const details = useBigAccount(props.retailer.id);
  const data = details.data;
  return (
    <ReasonModal<{ choice: 'yes' | 'no' | 'computed' }, BigAccount>
      title={`${props.retailer.shopName}的大户认定`}
      okText="保存"
      onClose={props.onClose}
      save={({ choice, reason }) =>
        overrideBigAccount(props.retailer.id, choice === 'computed' ? null : choice === 'yes', reason)
      }
      onSaved={props.onSaved}
      before={
        <>
          {details.isError && <Alert type="error" showIcon title={sentenceOf(details.error)} />}
          <Descriptions
            style={{ marginTop: 16 }}
            column={1}
            size="small"
            items={[
              { label: '现行', children: data ? (data.bigAccount ? '大户' : '非大户') : '…' },
              { label: '依据', children: data ? BIG_ACCOUNT_SOURCE[data.source] : '…' },
              {
                label: '最近一次测算',
                children: data?.computed === null || !data ? '—' : data.computed ? '大户' : '非大户',
              },
              { label: '人工认定原因', children: data?.override?.reason ?? '—' },
            ]}
          />
          {data && data.history.length > 0 && (
            <Table
              aria-label="按月测算"
              rowKey="month"
              size="small"
              pagination={{ pageSize: 6, hideOnSinglePage: true }}
              dataSource={data.history}
              columns={[
                { title: '月份', render: (_, m) => chineseMonth(m.month) },
                { title: '订购（条）', dataIndex: 'cartons', align: 'right' },
                { title: '结果', render: (_, m) => (m.isBigAccount ? '大户' : '非大户') },
              ]}
            />
          )}
        </>
      }
    >
      <Form.Item name="choice" label="认定" rules={[{ required: true, message: '请选择认定' }]}>
        <Select
          options={[
            { value: 'yes', label: '认定为大户' },
            { value: 'no', label: '认定为非大户' },
            { value: 'computed', label: '取消人工认定，按月测算' },
          ]}
        />
      </Form.Item>
    </ReasonModal>
  );
}

/** A one-time password for the retailer's self-service account, shown once. */
function ActivationModal(props: { retailer: Retailer; onClose: () => void }) {
  const issue = useMutation({ mutationFn: () => issueActivation(props.retailer.id) });
  const issued: Activation | undefined = issue.data;
  return (
    <Modal
      open
      title={`${props.retailer.shopName}的一次性密码`}
      okText={issued ? '完成' : '生成'}
      cancelText="取消"
      confirmLoading={issue.isPending}
      onOk={() => (issued ? props.onClose() : issue.mutate())}
      onCancel={props.onClose}
    >
      {issue.isError && <Alert type="error" showIcon role="alert" title={sentenceOf(issue.error)} />}
      {issued ? (
        <Descriptions
          style={{ marginTop: 16 }}
          column={1}
          size="small"
          items={[
            { label: '用户名', children: issued.username },
            {
              label: '一次性密码',
              children: <Typography.Text copyable>{issued.temporaryPassword}</Typography.Text>,
            },
          ]}
        />
      ) : (
        <Typography.Paragraph style={{ marginTop: 16 }}>
          生成后原密码失效；密码只显示这一次，零售户首次登录须修改。
        </Typography.Paragraph>
      )}
    </Modal>
  );
}

/** A market manager's agreed monthly total 商定总量 for a retailer; the cap floats above it. */
function AgreedTotalModal(props: {
  retailer: Retailer;
  month: string;
  onClose: () => void;
  onSaved: (cartons: number) => void;
}) {
  return (
    <FormModal<{ cartons: number }, unknown>
      title={`${props.retailer.shopName}${chineseMonth(props.month)}商定总量`}
      okText="保存"
      onClose={props.onClose}
      save={({ cartons }) => setAgreedTotal(props.retailer.id, props.month, cartons)}
      onSaved={(_, { cartons }) => props.onSaved(cartons)}
    >
      <Form.Item
        name="cartons"
        label="商定总量（条）"
        extra="月度上限随之调整（上浮比例按政策）。"
        rules={[{ required: true, message: '请填写条数' }]}
      >
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
