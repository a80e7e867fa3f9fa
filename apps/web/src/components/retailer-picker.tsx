import { useMemo, useState } from 'react';
import { List, SearchBar, Skeleton } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { allRetailers } from '@/lib/queries/retailers';

/** Choosing the retailer a demand is collected for (search by shop, owner, licence or phone). */
export function RetailerPicker({ onPick }: { onPick: (id: number) => void }) {
  const [search, setSearch] = useState('');
  const retailers = useQuery({ queryKey: ['retailers'], queryFn: allRetailers });
  const shown = useMemo(() => {
    const term = search.trim();
    const all = retailers.data ?? [];
    return term
      ? all.filter((r) =>
          [r.shopName, r.ownerName, r.licenseNo, r.phone ?? ''].some((text) => text.includes(term)),
        )
      : all;
  }, [retailers.data, search]);
  return (
    <>
      <h1 className="section" style={{ fontSize: 20 }}>
        选择零售户
      </h1>
      <SearchBar
        clearable={false}
        placeholder="店铺、负责人、许可证号或电话"
        value={search}
        onChange={setSearch}
        aria-label="搜索零售户"
      />
      {retailers.isPending ? (
        <Skeleton.Paragraph lineCount={6} animated />
      ) : (
        <List>
          {shown.slice(0, 50).map((r) => (
            <List.Item
              key={r.id}
              description={`${r.ownerName} · ${r.licenseNo}`}
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
