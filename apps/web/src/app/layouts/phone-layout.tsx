import { Suspense } from 'react';
import { SpinLoading } from 'antd-mobile';
import { NavLink, Outlet } from 'react-router';
import { can, type Page } from '@/lib/access';
import { useSessionUser } from '@/hooks/use-session';
import { OutboxBadge } from '@/features/outbox';

interface Tab {
  path: string;
  title: string;
  page?: Page;
  icon: string;
}

/** The phone's bottom tabs, from the access table: each role sees its own. */
const TABS: Tab[] = [
  { path: '/am/today', title: '今日', page: 'amToday', icon: '☀' },
  { path: '/am/retailers', title: '零售户', page: 'retailerList', icon: '⌂' },
  { path: '/am/collect', title: '代收需求', page: 'collectDemand', icon: '✎' },
  { path: '/am/visits', title: '拜访', page: 'visits', icon: '⚑' },
  { path: '/shop/order', title: '订货', page: 'order', icon: '▤' },
  { path: '/shop/confirm', title: '确认', page: 'confirmDemand', icon: '✔' },
  { path: '/shop/receipt', title: '收货', page: 'receipt', icon: '▣' },
  { path: '/shop/history', title: '历史', page: 'orderHistory', icon: '☰' },
  { path: '/eo/leads', title: '线索', page: 'officerLeads', icon: '⚠' },
  { path: '/dv/run', title: '送货', page: 'driverRun', icon: '▶' },
  { path: '/problems', title: '问题', page: 'problems', icon: '✉' },
  { path: '/me', title: '我的', icon: '☺' },
];

export function PhoneLayout() {
  const user = useSessionUser();
  const tabs = TABS.filter((tab) => !tab.page || can(user?.role, tab.page));
  return (
    <div className="phone">
      <OutboxBadge />
      {/* The page scrolls here: focusable, so a keyboard can scroll a page with nothing else to focus (charts). */}
      <main className="phone-body" tabIndex={0}>
        <Suspense
          fallback={
            <div
              style={{ display: 'grid', placeItems: 'center', height: 200 }}
              role="status"
              aria-label="加载中"
            >
              <SpinLoading />
            </div>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <nav className="phone-tabs" aria-label="主导航">
        {tabs.map((tab) => (
          <NavLink key={tab.path} to={tab.path} className="phone-tab">
            <span aria-hidden="true" className="phone-tab-icon">
              {tab.icon}
            </span>
            {tab.title}
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
