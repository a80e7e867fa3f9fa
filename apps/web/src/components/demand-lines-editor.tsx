import { useMemo, useState } from 'react';
import { List, SearchBar, Tag } from 'antd-mobile';
import { CartonsStepper } from './cartons-stepper';
import { yuan } from '@/lib/format';
import type { Brand } from '@/lib/queries/brands';

interface Props {
  brands: Brand[];
  lines: Record<number, number>;
  onChange: (lines: Record<number, number>) => void;
  scarceLimits: Map<number, number>;
  overLimit: Set<number>;
}

/** The spec list with prices and a stepper per spec: key brands first, search by name or code. */
export function DemandLinesEditor({ brands, lines, onChange, scarceLimits, overLimit }: Props) {
  const [search, setSearch] = useState('');
  const shown = useMemo(() => {
    const term = search.trim();
    const matching = term ? brands.filter((b) => b.name.includes(term) || b.code.includes(term)) : brands;
    // What is in the cart stays on top, so a change is never scrolled away.
    return [...matching].sort((a, b) => Number((lines[b.id] ?? 0) > 0) - Number((lines[a.id] ?? 0) > 0));
  }, [brands, search, lines]);
  return (
    <>
      <SearchBar
        clearable={false}
        placeholder="搜索规格名称或编码"
        value={search}
        onChange={setSearch}
        aria-label="搜索规格"
      />
      <List header="规格（重点品牌在前）">
        {shown.slice(0, 40).map((brand) => (
          <List.Item
            key={brand.id}
            description={
              <span>
                批发价 {yuan(brand.wholesalePriceFen)}/条 · 零售指导价 {yuan(brand.retailPriceCartonFen)}/条
                {scarceLimits.has(brand.id) && (
                  <span className={overLimit.has(brand.id) ? 'danger-text' : undefined}>
                    {' '}
                    · 限量 {scarceLimits.get(brand.id)} 条
                  </span>
                )}
              </span>
            }
            extra={
              <CartonsStepper
                label={`${brand.name}数量（条）`}
                value={lines[brand.id] ?? 0}
                onChange={(value) => onChange({ ...lines, [brand.id]: value })}
              />
            }
          >
            {brand.name}{' '}
            {brand.keyBrand && (
              <Tag color="primary" fill="outline">
                重点
              </Tag>
            )}{' '}
            {brand.scarce && (
              <Tag color="warning" fill="outline">
                紧俏
              </Tag>
            )}
          </List.Item>
        ))}
      </List>
    </>
  );
}
