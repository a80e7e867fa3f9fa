import { useState } from 'react';
import { Button, Card, Dialog, ErrorBlock, List, Skeleton, Space, Tabs, Tag, Toast } from 'antd-mobile';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { countdown, dateWithWeekday, dayAndTime, percent } from '@/lib/format';
import { sentenceOf } from '@/lib/errors';
import { useNow } from '@/hooks/use-now';
import { cycleState, type OrderCycle, recordNoDemand } from '@/lib/queries/ordering';
import type { Retailer } from '@/lib/queries/retailers';
import type { KpiCells, KpiCode } from '@/lib/queries/kpis';
import { DUE_SOON_DAYS, type DueSoonVisit, type OverdueVisit, useTodaySummary } from '../api/today-api';

const KPI_LABELS: [KpiCode, string][] = [
  ['guidanceCoverage', '经营指导面'],
  ['effectiveGuidance', '有效指导率'],
  ['visitAttainment', '拜访达成率'],
  ['callAttainment', '电话回访达成率'],
];

function CycleCard({ cycle, now }: { cycle: OrderCycle | undefined; now: Date }) {
  if (!cycle) {
    return (
      <section aria-label="本周订货周期">
        <Card title="本周订货周期">
          <p>本周没有订货周期（可能因节假日调整），请留意通知。</p>
        </Card>
      </section>
    );
  }
  const open = cycleState(cycle, now) === 'open';
  return (
    <section aria-label="本周订货周期">
      <Card title="本周订货周期">
        <div className="row">
          <strong>订货日 {dateWithWeekday(cycle.orderDate)}</strong>
          <Tag color={open ? 'success' : 'default'}>{open ? '订货中' : '未开放'}</Tag>
        </div>
        <p className="muted">
          开放 {dayAndTime(cycle.opensAt)}，截单 {dayAndTime(cycle.cutoffAt)}
        </p>
        <p>
          {open ? '距截单还有 ' : '距开放还有 '}
          <strong>{countdown(open ? cycle.cutoffAt : cycle.opensAt, now)}</strong>
        </p>
      </Card>
    </section>
  );
}

function KpiGlance({ kpis }: { kpis: KpiCells }) {
  const shown = KPI_LABELS.flatMap(([code, label]) => {
    const cell = kpis[code];
    return cell ? [{ code, label, cell }] : [];
  });
  return (
    <Card title="本月考核">
      <div className="figures">
        {shown.map(({ code, label, cell }) => (
          <div key={code}>
            <div className={cell.status === 'below' ? 'figure danger-text' : 'figure'}>
              {percent(cell.value)}
            </div>
            <div className="muted">
              {label}
              {cell.target?.value !== undefined && `（目标 ${percent(cell.target.value)}）`}
            </div>
          </div>
        ))}
      </div>
      <Link to="/am/kpis">查看考核图表</Link>
    </Card>
  );
}

/**
 * A retailer that has not answered this cycle: call it, and when it needs nothing, say so (无需求) so it leaves
 * the list; tapping the row collects its demand.
 */
function WaitingRetailer({ retailer, open }: { retailer: Retailer; open: boolean }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const noDemand = async () => {
    const yes = await Dialog.confirm({
      content: `确认“${retailer.shopName}”本周期无需求？截单前零售户仍可自行提报。`,
    });
    if (!yes) return;
    setBusy(true);
    try {
      await recordNoDemand(retailer.id);
      Toast.show({ content: `已登记“${retailer.shopName}”本周期无需求。` });
      await queryClient.invalidateQueries({ queryKey: ['today'] });
    } catch (failure) {
      Toast.show({ content: sentenceOf(failure) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <List.Item
      description={`${retailer.ownerName} · ${retailer.phone ?? '无电话'}`}
      extra={
        // The row opens the collection page: the buttons beside it act on their own.
        <Space onClick={(event) => event.stopPropagation()}>
          {retailer.phone && (
            <a href={`tel:${retailer.phone}`} aria-label={`致电${retailer.shopName}`}>
              致电
            </a>
          )}
          {open && (
            <Button
              size="mini"
              loading={busy}
              aria-label={`${retailer.shopName}无需求`}
              onClick={() => void noDemand()}
            >
              无需求
            </Button>
          )}
        </Space>
      }
      onClick={() => navigate(`/am/collect/new?retailerId=${retailer.id}`)}
    >
      {retailer.shopName}
    </List.Item>
  );
}

function dueSoonText(visit: DueSoonVisit): string {
  const when = visit.daysLeft === 0 ? '今天到期' : `还有 ${visit.daysLeft} 天`;
  return `应于 ${dateWithWeekday(visit.dueOn)} 前拜访，${when}${visit.bigAccount ? ' · 大户' : ''}`;
}

function overdueText(visit: OverdueVisit): string {
  const when = visit.dueOn
    ? `应于 ${dateWithWeekday(visit.dueOn)} 前拜访，已逾期 ${visit.daysOverdue} 天`
    : '从未拜访';
  return `${when}${visit.bigAccount ? ' · 大户' : ''}`;
}

/**
 * Visits by cadence: 已逾期 (past the due day, never visited first) beside 即将到期 (due within the week, the
 * due day itself the last on time); tapping one records the visit.
 */
function VisitsDue(props: {
  overdue: OverdueVisit[];
  overdueTotal: number;
  dueSoon: DueSoonVisit[];
  dueSoonTotal: number;
  shopName: (retailerId: number) => string;
}) {
  const navigate = useNavigate();
  const [tab, setTab] = useState('overdue');
  const rows = (visits: Array<{ retailerId: number; text: string }>) =>
    visits.slice(0, 10).map(({ retailerId, text }) => (
      <List.Item
        key={retailerId}
        description={text}
        onClick={() => navigate(`/am/visits/new?retailerId=${retailerId}`)}
      >
        {props.shopName(retailerId)}
      </List.Item>
    ));
  return (
    <section aria-label="按周期待拜访">
      <Card title="待拜访">
        <Tabs activeKey={tab} onChange={setTab}>
          <Tabs.Tab title={`已逾期（${props.overdueTotal}）`} key="overdue">
            <List aria-label="已逾期">
              {rows(props.overdue.map((visit) => ({ ...visit, text: overdueText(visit) })))}
              {props.overdueTotal === 0 && <List.Item>没有逾期的拜访。</List.Item>}
            </List>
          </Tabs.Tab>
          <Tabs.Tab title={`即将到期（${props.dueSoonTotal}）`} key="dueSoon">
            <List aria-label="即将到期">
              {rows(props.dueSoon.map((visit) => ({ ...visit, text: dueSoonText(visit) })))}
              {props.dueSoonTotal === 0 && (
                <List.Item>{`未来 ${DUE_SOON_DAYS} 天没有到期的拜访。`}</List.Item>
              )}
            </List>
          </Tabs.Tab>
        </Tabs>
      </Card>
    </section>
  );
}

/** The account manager's home: the day at a glance. */
export function TodayPage() {
  const now = useNow();
  const navigate = useNavigate();
  const summary = useTodaySummary(now);
  if (summary.isPending) return <Skeleton.Paragraph lineCount={8} animated />;
  if (summary.isError)
    return <ErrorBlock status="default" title="加载失败" description={sentenceOf(summary.error)} />;
  const {
    cycle,
    notSubmitted,
    overdue,
    overdueTotal,
    dueSoon,
    dueSoonTotal,
    retailers,
    openTasks,
    leadResults,
    kpis,
  } = summary.data;
  const open = cycle !== undefined && cycleState(cycle, now) === 'open';
  return (
    <div className="section" style={{ display: 'grid', gap: 12 }}>
      <h1 style={{ fontSize: 20, margin: 0 }}>今日工作</h1>
      <CycleCard cycle={cycle} now={now} />
      <section aria-label="尚未提报的零售户">
        <List header={`尚未提报（${notSubmitted.length} 户）`}>
          {notSubmitted.slice(0, 20).map((r) => (
            <WaitingRetailer key={r.id} retailer={r} open={open} />
          ))}
          {notSubmitted.length === 0 && <List.Item>本周期的零售户都已提报或登记无需求。</List.Item>}
        </List>
      </section>
      <VisitsDue
        overdue={overdue}
        overdueTotal={overdueTotal}
        dueSoon={dueSoon}
        dueSoonTotal={dueSoonTotal}
        shopName={(id) => retailers.get(id)?.shopName ?? `零售户 ${id}`}
      />
      <Card title="待办">
        <p>新品分析待提交：{openTasks} 项</p>
        <p>线索查处结果待阅：{leadResults} 条</p>
        <Button size="small" onClick={() => navigate('/am/forecasts')}>
          需求预测
        </Button>
      </Card>
      <KpiGlance kpis={kpis} />
    </div>
  );
}
