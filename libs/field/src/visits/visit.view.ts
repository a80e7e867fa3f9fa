import type { GuidanceTopic, VisitKind } from '../domain/index.js';

export interface VisitCheckView {
  effective: boolean;
  note: string;
  checkedBy: number;
  checkedAt: Date;
}

/** A visit as lists show it. */
export interface VisitSummary {
  id: number;
  retailerId: number;
  territoryId: number;
  departmentId: number;
  accountManagerId: number;
  kind: VisitKind;
  visitedAt: Date;
  visitedOn: string;
  notes: string | null;
  guidance: { topics: GuidanceTopic[]; advice: string } | null;
  awareness: { floatingQuota: boolean; selfReporting: boolean } | null;
  channelReachable: { sms: boolean; wechat: boolean; portal: boolean } | null;
  priceCheckCount: number;
  priceNonCompliantCount: number;
  shelfChecked: boolean;
  /** Where the phone was, when its user allowed it. */
  position: { latitude: number; longitude: number; accuracyMeters: number | null } | null;
  /** The shelf photo (`GET /api/attachments/{id}`), if one was added. */
  shelfPhotoId: number | null;
  check: VisitCheckView | null;
  createdAt: Date;
}

export interface PriceCheckView {
  brandId: number;
  observedPackFen: number | null;
  observedCartonFen: number | null;
  guidePackFen: number;
  guideCartonFen: number;
  /** observed − guide (positive: charged above the guide price); null when not observed. */
  packDifferenceFen: number | null;
  cartonDifferenceFen: number | null;
  toleranceBp: number;
  compliant: boolean;
}

/** A visit with everything recorded at it. */
export interface VisitView extends VisitSummary {
  priceChecks: PriceCheckView[];
  shelfCheck: { brandIds: number[] } | null;
}

/** The columns a visit summary is read from (`v`: visits, `c`: its check). */
export const VISIT_SUMMARY_COLUMNS = `
  v.id, v.retailer_id AS "retailerId", v.territory_id AS "territoryId", v.department_id AS "departmentId",
  v.account_manager_id AS "accountManagerId", v.kind, v.visited_at AS "visitedAt", v.visited_on::text AS "visitedOn",
  v.notes, v.guidance_topics AS "guidanceTopics", v.guidance_advice AS "guidanceAdvice",
  v.aware_floating_quota AS "awareFloatingQuota", v.aware_self_reporting AS "awareSelfReporting",
  v.reachable_sms AS "reachableSms", v.reachable_wechat AS "reachableWechat", v.reachable_portal AS "reachablePortal",
  v.shelf_checked AS "shelfChecked", v.created_at AS "createdAt",
  v.latitude::float8 AS latitude, v.longitude::float8 AS longitude, v.position_accuracy_m AS "positionAccuracyM",
  (SELECT count(*)::int FROM visit_price_checks p WHERE p.visit_id = v.id) AS "priceCheckCount",
  (SELECT count(*)::int FROM visit_price_checks p WHERE p.visit_id = v.id AND NOT p.compliant) AS "priceNonCompliantCount",
  c.effective AS "checkEffective", c.note AS "checkNote", c.checked_by AS "checkedBy", c.checked_at AS "checkedAt"`;

export interface VisitSummaryRow {
  id: number;
  retailerId: number;
  territoryId: number;
  departmentId: number;
  accountManagerId: number;
  kind: VisitKind;
  visitedAt: Date;
  visitedOn: string;
  notes: string | null;
  guidanceTopics: GuidanceTopic[] | null;
  guidanceAdvice: string | null;
  awareFloatingQuota: boolean | null;
  awareSelfReporting: boolean | null;
  reachableSms: boolean | null;
  reachableWechat: boolean | null;
  reachablePortal: boolean | null;
  shelfChecked: boolean;
  createdAt: Date;
  latitude: number | null;
  longitude: number | null;
  positionAccuracyM: number | null;
  priceCheckCount: number;
  priceNonCompliantCount: number;
  checkEffective: boolean | null;
  checkNote: string | null;
  checkedBy: number | null;
  checkedAt: Date | null;
}

/** A visit summary from its row and its shelf photo's id (the attachment store's answer). */
export function toVisitSummary(row: VisitSummaryRow, shelfPhotoId: number | null): VisitSummary {
  return {
    id: row.id,
    retailerId: row.retailerId,
    territoryId: row.territoryId,
    departmentId: row.departmentId,
    accountManagerId: row.accountManagerId,
    kind: row.kind,
    visitedAt: row.visitedAt,
    visitedOn: row.visitedOn,
    notes: row.notes,
    guidance:
      row.guidanceTopics && row.guidanceAdvice !== null
        ? { topics: row.guidanceTopics, advice: row.guidanceAdvice }
        : null,
    awareness:
      row.awareFloatingQuota === null || row.awareSelfReporting === null
        ? null
        : { floatingQuota: row.awareFloatingQuota, selfReporting: row.awareSelfReporting },
    channelReachable:
      row.reachableSms === null || row.reachableWechat === null || row.reachablePortal === null
        ? null
        : { sms: row.reachableSms, wechat: row.reachableWechat, portal: row.reachablePortal },
    priceCheckCount: row.priceCheckCount,
    priceNonCompliantCount: row.priceNonCompliantCount,
    shelfChecked: row.shelfChecked,
    position:
      row.latitude === null || row.longitude === null
        ? null
        : { latitude: row.latitude, longitude: row.longitude, accuracyMeters: row.positionAccuracyM },
    shelfPhotoId,
    check:
      row.checkEffective === null || row.checkedBy === null || row.checkedAt === null
        ? null
        : {
            effective: row.checkEffective,
            note: row.checkNote ?? '',
            checkedBy: row.checkedBy,
            checkedAt: row.checkedAt,
          },
    createdAt: row.createdAt,
  };
}
