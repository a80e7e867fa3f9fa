import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage, ChangePasswordPage } from '@/features/auth';
import { RequireAccess, RequireLogin } from './routes/guards';
import { PhoneLayout } from './layouts/phone-layout';
import { HomeRedirect } from './routes/home-redirect';
import { NotFoundPage } from '@/components/not-found-page';
import { RouteError } from '@/components/route-error';

/** Each page is its own chunk, loaded when first opened. */
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/change-password',
    element: (
      <RequireLogin allowPendingPassword>
        <ChangePasswordPage />
      </RequireLogin>
    ),
  },
  {
    // The desk pages: a wide screen, antd, loaded only by the roles that work there.
    path: '/desk',
    element: <RequireLogin />,
    errorElement: <RouteError />,
    children: [
      {
        lazy: page(() => import('@/desk/desk-layout')),
        children: [
          {
            element: <RequireAccess page="deskHome" />,
            children: [{ index: true, lazy: page(() => import('@/desk/home/desk-home-page')) }],
          },
          {
            path: 'approvals',
            element: <RequireAccess page="approvals" />,
            children: [{ index: true, lazy: page(() => import('@/desk/approvals/approvals-page')) }],
          },
          {
            path: 'cycles',
            element: <RequireAccess page="cycleBoard" />,
            children: [{ index: true, lazy: page(() => import('@/desk/cycles/cycle-board-page')) }],
          },
          {
            path: 'quotas',
            element: <RequireAccess page="quotas" />,
            children: [{ index: true, lazy: page(() => import('@/desk/quotas/quotas-page')) }],
          },
          {
            path: 'kpis',
            element: <RequireAccess page="centerKpis" />,
            children: [{ index: true, lazy: page(() => import('@/desk/kpis/center-kpis-page')) }],
          },
          {
            path: 'guidance-checks',
            element: <RequireAccess page="guidanceChecks" />,
            children: [{ index: true, lazy: page(() => import('@/desk/guidance/guidance-checks-page')) }],
          },
          {
            path: 'staff',
            element: <RequireAccess page="staff" />,
            children: [{ index: true, lazy: page(() => import('@/desk/people/staff-page')) }],
          },
          {
            path: 'order-days',
            element: <RequireAccess page="orderDays" />,
            children: [{ index: true, lazy: page(() => import('@/desk/people/order-days-page')) }],
          },
          {
            path: 'supply',
            element: <RequireAccess page="supply" />,
            children: [{ index: true, lazy: page(() => import('@/desk/supply/supply-page')) }],
          },
          {
            path: 'retailers',
            element: <RequireAccess page="retailers" />,
            children: [{ index: true, lazy: page(() => import('@/desk/retailers/retailers-page')) }],
          },
          {
            path: 'retailers/:id/timeline',
            element: <RequireAccess page="deskTimeline" />,
            children: [{ index: true, lazy: page(() => import('@/desk/retailers/retailer-timeline-page')) }],
          },
          {
            path: 'problems',
            element: <RequireAccess page="deskProblems" />,
            children: [{ index: true, lazy: page(() => import('@/desk/problems/problems-page')) }],
          },
          {
            path: 'retailer-import',
            element: <RequireAccess page="retailerImport" />,
            children: [{ index: true, lazy: page(() => import('@/desk/retailers/retailer-import-page')) }],
          },
          {
            path: 'month-close',
            element: <RequireAccess page="monthClose" />,
            children: [{ index: true, lazy: page(() => import('@/desk/month-close/month-close-page')) }],
          },
          {
            path: 'anomalies',
            element: <RequireAccess page="anomalies" />,
            children: [{ index: true, lazy: page(() => import('@/desk/inspection/anomalies-page')) }],
          },
          {
            path: 'prohibitions',
            element: <RequireAccess page="prohibitions" />,
            children: [{ index: true, lazy: page(() => import('@/desk/inspection/prohibitions-page')) }],
          },
          {
            path: 'lead-escalations',
            element: <RequireAccess page="leadEscalations" />,
            children: [{ index: true, lazy: page(() => import('@/desk/inspection/lead-escalations-page')) }],
          },
          {
            path: 'audit',
            element: <RequireAccess page="audit" />,
            children: [{ index: true, lazy: page(() => import('@/desk/inspection/audit-page')) }],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
  {
    element: (
      <RequireLogin>
        <PhoneLayout />
      </RequireLogin>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'me', lazy: page(() => import('./routes/me')) },
      {
        path: 'am',
        children: [
          { index: true, element: <Navigate to="/am/today" replace /> },
          {
            path: 'today',
            element: <RequireAccess page="amToday" />,
            children: [{ index: true, lazy: page(() => import('./routes/am/today')) }],
          },
          {
            path: 'retailers',
            element: <RequireAccess page="retailerList" />,
            children: [{ index: true, lazy: page(() => import('./routes/am/retailers')) }],
          },
          {
            path: 'collect',
            element: <RequireAccess page="collectDemand" />,
            children: [
              { index: true, lazy: page(() => import('./routes/am/collected-list')) },
              { path: 'new', lazy: page(() => import('./routes/am/collect-new')) },
            ],
          },
          {
            path: 'visits',
            element: <RequireAccess page="visits" />,
            children: [
              { index: true, lazy: page(() => import('./routes/am/visits')) },
              { path: 'new', lazy: page(() => import('./routes/am/visit-new')) },
            ],
          },
          {
            path: 'forecasts',
            element: <RequireAccess page="forecasts" />,
            children: [{ index: true, lazy: page(() => import('./routes/am/forecasts')) }],
          },
          {
            path: 'kpis',
            element: <RequireAccess page="myKpis" />,
            children: [{ index: true, lazy: page(() => import('./routes/am/kpis')) }],
          },
        ],
      },
      {
        path: 'eo',
        children: [
          { index: true, element: <Navigate to="/eo/leads" replace /> },
          {
            path: 'leads',
            element: <RequireAccess page="officerLeads" />,
            children: [
              { index: true, lazy: page(() => import('./routes/eo/leads')) },
              { path: ':id', lazy: page(() => import('./routes/eo/lead')) },
            ],
          },
        ],
      },
      {
        path: 'dv',
        element: <RequireAccess page="driverRun" />,
        children: [
          { index: true, element: <Navigate to="/dv/run" replace /> },
          { path: 'run', lazy: page(() => import('./routes/dv/run')) },
          { path: 'stops/:id', lazy: page(() => import('./routes/dv/stop')) },
        ],
      },
      {
        path: 'retailers/:id',
        element: <RequireAccess page="retailerCard" />,
        children: [{ index: true, lazy: page(() => import('./routes/retailer-card')) }],
      },
      {
        path: 'retailers/:id/timeline',
        element: <RequireAccess page="timeline" />,
        children: [{ index: true, lazy: page(() => import('./routes/retailer-timeline')) }],
      },
      {
        path: 'problems',
        element: <RequireAccess page="problems" />,
        children: [
          { index: true, lazy: page(() => import('./routes/problems/list')) },
          { path: 'new', lazy: page(() => import('./routes/problems/new')) },
        ],
      },
      {
        path: 'outbox',
        element: <RequireAccess page="outbox" />,
        children: [{ index: true, lazy: page(() => import('./routes/outbox')) }],
      },
      {
        path: 'shop',
        children: [
          { index: true, element: <Navigate to="/shop/order" replace /> },
          {
            path: 'order',
            element: <RequireAccess page="order" />,
            children: [{ index: true, lazy: page(() => import('./routes/shop/order')) }],
          },
          {
            path: 'confirm',
            element: <RequireAccess page="confirmDemand" />,
            children: [{ index: true, lazy: page(() => import('./routes/shop/confirm')) }],
          },
          {
            path: 'receipt',
            element: <RequireAccess page="receipt" />,
            children: [{ index: true, lazy: page(() => import('./routes/shop/receipt')) }],
          },
          {
            path: 'history',
            element: <RequireAccess page="orderHistory" />,
            children: [{ index: true, lazy: page(() => import('./routes/shop/history')) }],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
