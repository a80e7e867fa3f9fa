import type { CSSProperties, ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { sentenceOf } from '@/lib/errors';

/**
 * A dialog with a form saved by one call: the form is checked, `save` called with its values, the refusal shown
 * in words above it, `onSaved` given what the call answered. `readOnly`: only `before` is shown, with a close
 * button (the caller may look but not change).
 */
export function FormModal<V extends object, T>(props: {
  title: string;
  okText: string;
  onClose: () => void;
  save: (values: V) => Promise<T>;
  onSaved: (result: T, values: V) => void;
  children?: ReactNode;
  before?: ReactNode;
  readOnly?: boolean;
  width?: number;
  initialValues?: Partial<V>;
  formStyle?: CSSProperties;
  form?: FormInstance<V>;
}) {
  const [own] = Form.useForm<V>();
  const form = props.form ?? own;
  const save = useMutation({
    mutationFn: async (values: V) => ({ result: await props.save(values), values }),
    onSuccess: ({ result, values }) => props.onSaved(result, values),
  });
  return (
    <Modal
      open
      title={props.title}
      okText={props.readOnly ? '关闭' : props.okText}
      cancelText="取消"
      width={props.width}
      confirmLoading={save.isPending}
      onOk={() =>
        props.readOnly ? props.onClose() : void form.validateFields().then((values) => save.mutate(values))
      }
      onCancel={props.onClose}
    >
      {props.before}
      {save.isError && <Alert type="error" showIcon role="alert" title={sentenceOf(save.error)} />}
      {!props.readOnly && (
        <Form<V>
          form={form}
          layout="vertical"
          initialValues={props.initialValues}
          style={{ marginTop: 16, ...props.formStyle }}
        >
          {props.children}
        </Form>
      )}
    </Modal>
  );
}
