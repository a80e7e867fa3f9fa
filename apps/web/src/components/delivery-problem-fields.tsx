import { Form, Selector, TextArea } from 'antd-mobile';
import type { Schemas } from '@/lib/api';

export type DeliveryProblem = Schemas['RaiseFeedbackDto']['kind'];

const LABELS: Record<DeliveryProblem, string> = {
  short: '少送数量',
  damaged: '包装破损',
  refused: '零售户拒收',
  wrongGoods: '错送规格',
  late: '送货不及时',
  other: '其他',
};

/** What a problem with a delivery is and says: the kinds `offered` (as the API names them) and a description. */
export function DeliveryProblemFields({
  offered,
  kind,
  onKind,
  description,
  onDescription,
  placeholder,
}: {
  offered: DeliveryProblem[];
  kind: DeliveryProblem | null;
  onKind: (kind: DeliveryProblem | null) => void;
  description: string;
  onDescription: (description: string) => void;
  placeholder: string;
}) {
  return (
    <>
      <Form.Item label="问题类型">
        <Selector<DeliveryProblem>
          columns={3}
          value={kind ? [kind] : []}
          onChange={(value) => onKind(value[0] ?? null)}
          options={offered.map((value) => ({ label: LABELS[value], value }))}
        />
      </Form.Item>
      <Form.Item label="问题说明">
        <TextArea placeholder={placeholder} rows={2} value={description} onChange={onDescription} />
      </Form.Item>
    </>
  );
}
