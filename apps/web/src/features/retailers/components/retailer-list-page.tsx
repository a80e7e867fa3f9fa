import { useDeferredValue, useMemo, useState } from 'react';
import { List, SearchBar, Skeleton, Tag } from 'antd-mobile';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { allRetailers } from '@/lib/queries/retailers';

/** The territory's retailers, searched on the phone (300 retailers: filtered in memory, first 60 shown). */
export function RetailerListPage() {
  const navigate = useNavigate();
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
        零售户
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
              onClick={() => navigate(`/retailers/${r.id}`)}
            >
              {r.shopName}
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}
