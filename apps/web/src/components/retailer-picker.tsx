import { Fragment, type ReactNode, useDeferredValue, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { List, SearchBar, Skeleton, Tag } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { allRetailers } from '@/lib/queries/retailers';

/**
 * The territory's retailers with a search by shop, owner, licence or phone: the Retailers page and the choice of
 * whom a demand or a visit is for. 300 retailers are filtered in memory; the first 60 matches are shown.
 */
export function RetailerPicker({ title, onPick }: { title: string; onPick: (id: number) => void }) {
  const [search, setSearch] = useState('');
  const term = useDeferredValue(search.trim());
  const retailers = useQuery({ queryKey: ['retailers'], queryFn: allRetailers });
  const shown = useMemo(() => {
    const all = retailers.data ?? [];
    return term
      ? all.filter((r) =>
          [r.shopName, r.ownerName, r.licenseNo, r.phone ?? ''].some((text) => text.includes(term)),
        )
      : all;
  }, [retailers.data, term]);
  return (
    <>
      <h1 className="section" style={{ fontSize: 20 }}>
        {title}
      </h1>
      <SearchBar
        clearable={false}
        placeholder="店铺、负责人、许可证号或电话"
        value={search}
        onChange={setSearch}
        aria-label="搜索零售户"
      />
      {retailers.isPending ? (
        <Skeleton.Paragraph lineCount={8} animated />
      ) : (
        <List header={`共 ${shown.length} 户`}>
          {shown.slice(0, 60).map((r) => (
            <List.Item
              key={r.id}
              description={`${r.ownerName} · ${r.licenseNo}`}
              extra={r.bigAccount ? <Tag color="warning">大户</Tag> : `${r.grade} 档`}
              onClick={() => onPick(r.id)}
            >
              {r.shopName}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

/**
 * A page about one retailer (`?retailerId=`): without one, the picker first. Keyed by the retailer, so a
 * different choice starts a fresh form (and its own draft).
 */
export function ForRetailer({
  title,
  children,
}: {
  title: string;
  children: (retailerId: number) => ReactNode;
}) {
  const [params, setParams] = useSearchParams();
  const retailerId = params.get('retailerId') ? Number(params.get('retailerId')) : undefined;
  if (retailerId === undefined) {
    return <RetailerPicker title={title} onPick={(id) => setParams({ retailerId: String(id) })} />;
  }
  return <Fragment key={retailerId}>{children(retailerId)}</Fragment>;
}
