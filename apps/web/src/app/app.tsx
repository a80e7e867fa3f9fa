import { useEffect, useState } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, SpinLoading } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { RouterProvider } from 'react-router';
import { ApiError } from '@/lib/errors';
import { resumeSession } from '@/features/auth';
import { registerSender, startOutbox } from '@/lib/offline/outbox';
import { sendCollected } from '@/features/collected-demand';
import type { NewDemand } from '@/lib/queries/ordering';
import { sendDoorStep, type DoorStep } from '@/features/delivery-run';
import { router } from './router';

// Queued collected demands go out with the Idempotency-Key they were given when first sent, then the
// signature queued with them.
registerSender('collected-demand', async (entry) => {
  await sendCollected(entry.body as NewDemand, entry.key, entry.file);
});

// Steps at the door queued without a signal go out with their Idempotency-Key and the phone's times, then
// the retailer's signature queued with a hand-over.
registerSender('door-step', async (entry) => {
  await sendDoorStep(entry.body as DoorStep, entry.key, entry.file);
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A refusal will not change by asking again; a dropped connection may.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400),
      refetchOnWindowFocus: false,
    },
  },
});

export function App() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void resumeSession().finally(() => setReady(true));
    startOutbox();
  }, []);
  return (
    <ConfigProvider locale={zhCN}>
      <QueryClientProvider client={queryClient}>
        {ready ? (
          <RouterProvider router={router} />
        ) : (
          <div
            style={{ display: 'grid', placeItems: 'center', height: '100%' }}
            role="status"
            aria-label="加载中"
          >
            <SpinLoading />
          </div>
        )}
      </QueryClientProvider>
    </ConfigProvider>
  );
}
