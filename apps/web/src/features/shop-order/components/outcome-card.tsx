import { Card } from 'antd-mobile';
import { cartons, dateWithWeekday } from '@/lib/format';
import { type Demand, DEMAND_STATUS_LABELS, type OrderCycle } from '@/lib/queries/ordering';
import { type DemandOutcome, ratioText } from '@/lib/queries/supply';

interface Props {
  cycle: OrderCycle;
  demand: Demand;
  outcome: DemandOutcome;
  brandName: (brandId: number) => string;
}

/** One line of the outcome in words: ordered in full, or rationed — by how much and why. */
function lineSentence(line: DemandOutcome['lines'][number], name: string): string {
  if (line.allotted === line.asked) {
    const rationed =
      line.supplyRatioBp === null ? '' : `（稍紧平衡按 ${ratioText(line.supplyRatioBp)} 供应，足额）`;
    return `${name}：订购 ${cartons(line.allotted)}${rationed}`;
  }
  const why = line.supplyRatioBp === null ? '' : `稍紧平衡按 ${ratioText(line.supplyRatioBp)} 比例供应，`;
  return `${name}：提报 ${cartons(line.asked)}，${why}订购 ${cartons(line.allotted)}（少 ${cartons(line.asked - line.allotted)}）`;
}

/** 上一订货日结果: what the unified order made of the retailer's demand. */
export function OutcomeCard({ cycle, demand, outcome, brandName }: Props) {
  const title = `上一订货日结果 · ${dateWithWeekday(cycle.orderDate)}`;
  return (
    <section aria-label="上一订货日结果">
      <Card title={title}>
        {outcome.ordered ? (
          <>
            <p style={{ marginTop: 0 }}>
              {outcome.allottedCartons === outcome.askedCartons
                ? `已按提报全部订购，共 ${cartons(outcome.allottedCartons)}。`
                : `提报 ${cartons(outcome.askedCartons)}，订购 ${cartons(outcome.allottedCartons)}，少 ${cartons(outcome.askedCartons - outcome.allottedCartons)}。`}
            </p>
            <ul aria-label="各规格订购结果" style={{ margin: 0, paddingLeft: 20 }}>
              {outcome.lines.map((line) => (
                <li key={line.brandId}>{lineSentence(line, brandName(line.brandId))}</li>
              ))}
            </ul>
          </>
        ) : (
          <p style={{ margin: 0 }}>
            {`本次需求 ${cartons(demand.totalCartons)} 未订购（${DEMAND_STATUS_LABELS[demand.status] ?? demand.status}）。`}
          </p>
        )}
      </Card>
    </section>
  );
}
