import { useInfiniteQuery } from '@tanstack/react-query';
import { api, ask, type Schemas } from '@/lib/api';

export type TimelineEvent = Schemas['TimelineEventResponse'];

/** A retailer's three-role timeline, newest first, 20 steps a page (each page continues after the last). */
export function useTimeline(retailerId: number) {
  return useInfiniteQuery({
    queryKey: ['timeline', retailerId],
    staleTime: 0,
    retry: false,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ask(
        api.GET('/api/retailers/{id}/timeline', {
          params: {
            path: { id: retailerId },
            query: { limit: 20, ...(pageParam ? { before: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (last) => last.next ?? undefined,
  });
}
