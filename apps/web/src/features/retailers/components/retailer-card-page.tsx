import { Card, List, Result, Skeleton, Tag } from 'antd-mobile';
import { Link, useParams } from 'react-router';
import type { EChartsCoreOption } from 'echarts/core';
import { Chart } from '@/components/chart/chart';
import { NotFoundPage } from '@/components/not-found-page';
import { ApiError, sentenceOf } from '@/lib/errors';
import { cartons, chineseDate, chineseMonth } from '@/lib/format';
import { BUSINESS_TYPE_LABELS, MARKET_LABELS, SCALE_LABELS, STATUS_LABELS } from '@/lib/queries/retailers';
import { useNow } from '@/hooks/use-now';
import { useSessionUser } from '@/hooks/use-session';
import { SupplyWeekCard } from '@/components/supply-week-card';
import { useBrands } from '@/lib/queries/brands';
import { useOrderWeeks, useRetailerCard, useRetailerVisits, useSupplyWeek } from '../api/card-api';

function OrderWeeks({ id }: { id: number }) {
  const weeks = useOrderWeeks(id);
  if (weeks.isPending) return <Skeleton.Paragraph lineCount={4} animated />;
  if (weeks.isError || weeks.data.weeks.every((week) => week.orderedCartons === 0))
    return <p className="muted">近 12 个订货周没有订货。</p>;
  const { weeks: history, brands } = weeks.data;
  const specs = [...new Set(history.flatMap((week) => week.lines.map((line) => line.brandId)))];
  const option: EChartsCoreOption = {
    grid: { left: 36, right: 8, top: 24, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: history.map((week) => chineseDate(week.orderDate).replace(/^\d+年/, '')),
    },
    yAxis: { type: 'value', name: '条' },
    series: specs.map((brandId) => ({
      type: 'bar',
      stack: 'cartons',
      name: brands.get(brandId)?.name ?? String(brandId),
      data: history.map((week) => week.lines.find((line) => line.brandId === brandId)?.ordered ?? 0),
    })),
  };
  return (
    <>
      <Chart option={option} label={`近 ${history.length} 个订货周的订货量（按规格堆叠）`} />
      <p className="muted">
        {history
          .map((week) =>
            week.askedCartons > week.orderedCartons
              ? `${chineseDate(week.orderDate)} 订 ${cartons(week.orderedCartons)}（报 ${cartons(week.askedCartons)}）`
              : `${chineseDate(week.orderDate)} ${cartons(week.orderedCartons)}`,
          )
          .join('；')}
      </p>
    </>
  );
}

/** The retailer card: profile, this month's quota explained, last 12 order weeks, visits and checks. */
export function RetailerCardPage() {
  const id = Number(useParams().id);
  const now = useNow();
  const user = useSessionUser();
  const card = useRetailerCard(id, now);
  const staff = user?.role !== 'retailer';
  const visits = useRetailerVisits(id, staff && card.isSuccess);
  const supply = useSupplyWeek(id, card.data?.profile.territoryId, now);
  const brands = useBrands();
  if (card.isPending) return <Skeleton.Paragraph lineCount={10} animated />;
  if (card.isError) {
    if (card.error instanceof ApiError && card.error.status === 404) return <NotFoundPage what="零售户" />;
    return <Result status="error" title="加载失败" description={sentenceOf(card.error)} />;
  }
  const { profile, quota } = card.data;
  return (
    <div style={{ display: 'grid', gap: 12, paddingBottom: 24 }}>
      <div className="section">
        <h1 style={{ fontSize: 20, margin: 0 }}>{profile.shopName}</h1>
        <p className="muted" style={{ margin: '4px 0' }}>
          {profile.ownerName} · 许可证号 {profile.licenseNo}
        </p>
        <Tag color="primary">{profile.grade} 档</Tag> {profile.bigAccount && <Tag color="warning">大户</Tag>}{' '}
        <Tag>{STATUS_LABELS[profile.status]}</Tag>
      </div>
      <List header="基本信息">
        <List.Item extra={profile.phone ? <a href={`tel:${profile.phone}`}>{profile.phone}</a> : '无'}>
          联系电话
        </List.Item>
        <List.Item extra={profile.address}>经营地址</List.Item>
        <List.Item
          extra={`${BUSINESS_TYPE_LABELS[profile.businessType] ?? profile.businessType} · ${MARKET_LABELS[profile.marketType]} · 规模${SCALE_LABELS[profile.scale]}`}
        >
          业态
        </List.Item>
        <List.Item extra={profile.territoryName}>片区</List.Item>
      </List>
      {staff && (
        <List header="三员互动">
          <List.Item>
            <Link to={`/retailers/${id}/timeline`}>三员互动记录</Link>
          </List.Item>
          <List.Item>
            <Link to={`/problems/new?retailerId=${id}`}>反映问题</Link>
          </List.Item>
        </List>
      )}
      <Card title={`本月额度（${chineseMonth(quota.month)}）`}>
        <List>
          <List.Item extra={cartons(quota.agreedTotal)}>商定月度总量</List.Item>
          <List.Item extra={`${quota.floatPercent}%`}>
            浮动比例（规模{SCALE_LABELS[profile.scale]}）
          </List.Item>
          <List.Item extra={cartons(quota.cap)}>本月上限（总量 ×（1 + 浮动））</List.Item>
          <List.Item extra={cartons(quota.used)}>已订购</List.Item>
          <List.Item extra={cartons(quota.reserved)}>已提报占用</List.Item>
          <List.Item extra={cartons(quota.remaining)}>剩余</List.Item>
          <List.Item extra={cartons(quota.cycleAllowance)}>本周期还可订</List.Item>
        </List>
        <p className="muted">
          只设上限、不设下限；本周期可订量 = 剩余 ÷ 本月剩余 {quota.remainingCycles} 个订货周期 ×
          1.5（向上取整，不超过剩余）。
        </p>
      </Card>
      {supply.data && brands.data && (
        <SupplyWeekCard
          grade={profile.grade}
          limits={supply.data.limits}
          tight={supply.data.tight}
          brands={brands.data}
        />
      )}
      <Card title="近 12 个订货周">
        <OrderWeeks id={id} />
      </Card>
      {staff && (
        <List header="拜访与核查">
          {(visits.data?.items ?? []).map((visit) => (
            <List.Item key={visit.id} description={chineseDate(visit.visitedAt)}>
              {visit.kind}
            </List.Item>
          ))}
          {visits.data?.items.length === 0 && <List.Item>暂无拜访记录。</List.Item>}
        </List>
      )}
    </div>
  );
}
