import { Card } from 'antd-mobile';
import { cartons, dateWithWeekday } from '@/lib/format';
import { type Demand, DEMAND_STATUS_LABELS, type OrderCycle } from '@/lib/queries/ordering';
import { type DemandOutcome, outcomeSentence, outcomeTotalSentence } from '@/lib/queries/supply';

interface Props {
  cycle: OrderCycle;
  demand: Demand;
  outcome: DemandOutcome;
  brandName: (brandId: number) => string;
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
              {outcomeTotalSentence(outcome.askedCartons, outcome.allottedCartons)}
            </p>
            <ul aria-label="各规格订购结果" style={{ margin: 0, paddingLeft: 20 }}>
              {outcome.lines.map((line) => (
                <li key={line.brandId}>
                  {outcomeSentence({ ...line, ordered: line.allotted }, brandName(line.brandId))}
                </li>
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
