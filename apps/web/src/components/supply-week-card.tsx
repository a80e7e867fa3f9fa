import { Card } from 'antd-mobile';
import { cartons } from '@/lib/format';
import type { Brand } from '@/lib/queries/brands';
import { type SupplyRatio, tightSentences } from '@/lib/queries/supply';

interface Props {
  grade: number;
  /** Spec id → cartons a cycle at this grade, this order week. */
  limits: Map<number, number>;
  tight: SupplyRatio[];
  brands: Brand[];
}

/** 本周供应信息: the scarce-spec limits at the retailer's grade and the tightly balanced class IV/V specs. */
export function SupplyWeekCard({ grade, limits, tight, brands }: Props) {
  const names = new Map(brands.map((brand) => [brand.id, brand.name]));
  return (
    <section aria-label="本周供应信息">
      <Card title="本周供应信息">
        <p style={{ margin: '0 0 4px' }}>{`紧俏卷烟限量（${grade} 档，每个订货周期）：`}</p>
        {limits.size ? (
          <ul aria-label="紧俏卷烟限量" style={{ margin: '0 0 8px', paddingLeft: 20 }}>
            {[...limits].map(([brandId, limit]) => (
              <li key={brandId}>{`${names.get(brandId) ?? `规格 ${brandId}`}：限 ${cartons(limit)}`}</li>
            ))}
          </ul>
        ) : (
          <p className="muted" style={{ margin: '0 0 8px' }}>
            本周没有紧俏卷烟限量。
          </p>
        )}
        {tight.length ? (
          tightSentences(tight, brands).map((sentence) => <p key={sentence}>{sentence}</p>)
        ) : (
          <p>本周四、五类烟按需供应。</p>
        )}
        <p className="muted" style={{ margin: 0 }}>
          限量是供应上限，不是订购任务；按自身经营需要提报。
        </p>
      </Card>
    </section>
  );
}
