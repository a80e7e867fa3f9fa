import { Fragment, type ReactNode, useDeferredValue, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { InfiniteScroll, List, SearchBar, Skeleton, Tag } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { allRetailers } from '@/lib/queries/retailers';

/** Rows drawn at first and added each time the list is scrolled to its end. */
const ROWS_AT_A_TIME = 60;

/**
 * The territory's retailers with a search by shop, owner, licence or phone: the Retailers page and the choice of
 * whom a demand or a visit is for. A territory's 150–400 retailers are filtered in memory; the matches are drawn
 * 60 at a time as the list scrolls (`npm run bench:web` measures it with 300).
 */
export function RetailerPicker({ title, onPick }: { title: string; onPick: (id: number) => void }) {
  const [search, setSearch] = useState('');
  const term = useDeferredValue(search.trim());
  const [drawn, setDrawn] = useState({ term, count: ROWS_AT_A_TIME });
  // A new search starts again from the first rows.
  const count = drawn.term === term ? drawn.count : ROWS_AT_A_TIME;
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
        <section aria-label="零售户列表">
          <List header={`共 ${shown.length} 户`}>
            {shown.slice(0, count).map((r) => (
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
          <InfiniteScroll
            hasMore={count < shown.length}
            loadMore={async () => setDrawn({ term, count: count + ROWS_AT_A_TIME })}
          >
            {count < shown.length ? '加载中…' : `已显示全部 ${shown.length} 户`}
          </InfiniteScroll>
        </section>
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
