import { useQuery } from '@tanstack/react-query';
import { api, ask, type Schemas } from '@/lib/api';

export type Brand = Schemas['BrandResponse'];

/** Every specification on sale (80 in the demo county: one page). Key brands first, then by name. */
export async function allBrands(): Promise<Brand[]> {
  const items: Brand[] = [];
  for (let page = 1; ; page++) {
    const answer = await ask(
      api.GET('/api/brands', { params: { query: { page, pageSize: 200, active: true } } }),
    );
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) break;
  }
  return items.sort(
    (a, b) =>
      Number(b.keyBrand !== null) - Number(a.keyBrand !== null) || a.name.localeCompare(b.name, 'zh-CN'),
  );
}

export function useBrands() {
  return useQuery({ queryKey: ['brands'], queryFn: allBrands, staleTime: 10 * 60_000 });
}
