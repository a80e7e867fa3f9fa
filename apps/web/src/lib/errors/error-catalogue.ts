/**
 * The one catalogue of what an API error means to a person: every error `code` the API can answer → a
 * Simplified Chinese sentence with the error's `details` worked in (which field, which limit, how many
 * cartons are left). `error-catalogue.spec.ts` fails when a code declared in any lib has no entry here.
 */

/** An error's `details` as the API sends them: a record, a list (VALIDATION_FAILED) or nothing. */
export type ErrorDetails = Record<string, unknown> | unknown[] | undefined;

type Sentence = (details: Record<string, unknown>) => string;

/** Chinese names of the request fields a person fills in (VALIDATION_FAILED names fields by their API name). */
export const FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  password: '密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  retailerId: '零售户',
  brandId: '规格',
  cartons: '数量（条）',
  lines: '订货明细',
  confirmationCode: '确认码',
  reason: '原因',
  comment: '意见',
  kind: '拜访类型',
  visitedAt: '拜访时间',
  guidance: '经营指导',
  'guidance.topics': '指导主题',
  'guidance.advice': '指导建议',
  priceChecks: '价格检查',
  shelfCheck: '上柜检查',
  awareness: '政策知晓',
  note: '备注',
  month: '月份',
  phone: '联系电话',
  shopName: '店铺名称',
  ownerName: '负责人',
  address: '经营地址',
  licenseNo: '专卖许可证号',
  grade: '档位',
  file: '文件',
  position: '位置',
  'position.latitude': '纬度',
  'position.longitude': '经度',
  'position.accuracyMeters': '定位精度',
};

const num = (value: unknown): string =>
  typeof value === 'number' ? value.toLocaleString('zh-CN') : String(value ?? '');

/** A size limit as people read it: 8 MB, 512 KB. */
const fileSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;

function fieldName(field: unknown): string {
  const name = String(field ?? '');
  const withoutIndex = name.replace(/\[\d+\]|\.\d+(?=\.|$)/g, '');
  return (
    FIELD_LABELS[name] ??
    FIELD_LABELS[withoutIndex] ??
    FIELD_LABELS[withoutIndex.split('.').pop() ?? ''] ??
    name
  );
}

function validationSentence(details: unknown): string {
  const fields = Array.isArray(details)
    ? details.map((entry) => fieldName((entry as { field?: unknown })?.field)).filter(Boolean)
    : [];
  const unique = [...new Set(fields)];
  return unique.length
    ? `填写有误，请检查：${unique.join('、')}。`
    : '提交的内容不完整或格式不对，请检查后重试。';
}

/** Names a specification in a sentence when the page told us its name (details carry its id). */
export type BrandNames = (brandId: number) => string | undefined;

const CATALOGUE: Record<string, Sentence> = {
  // shared by every context
  VALIDATION_FAILED: () => '填写有误，请检查后重试。',
  BAD_REQUEST: () => '请求格式有误，请刷新页面后重试。',
  BODY_TOO_DEEP: () => '提交的内容层级过深，无法处理。',
  UNAUTHENTICATED: () => '请先登录。',
  FORBIDDEN: () => '您的角色无权进行此操作。',
  NOT_FOUND: () => '未找到该记录，或您无权查看。',
  REQUEST_TIMEOUT: () => '请求超时，请检查网络后重试。',
  CONFLICT: () => '数据已被他人修改或与现有记录冲突，请刷新后重试。',
  PAYLOAD_TOO_LARGE: () => '提交的内容或文件过大。',
  URI_TOO_LONG: () => '查询条件过长，请减少条件后重试。',
  UNSUPPORTED_MEDIA_TYPE: () => '不支持该文件或内容类型。',
  TOO_MANY_REQUESTS: () => '操作过于频繁，请稍后再试。',
  HEADERS_TOO_LARGE: () => '请求过大，请重新登录后重试。',
  INTERNAL_ERROR: () => '系统出现异常，请稍后重试；如持续出现请联系管理员。',
  SERVICE_UNAVAILABLE: () => '服务暂时不可用，请稍后重试。',
  DATABASE_UNAVAILABLE: () => '数据库暂时不可用，请稍后重试。',
  IDEMPOTENCY_KEY_INVALID: () => '提交标识无效，请重新提交。',
  IDEMPOTENCY_KEY_REUSED: () => '这次提交与之前的一次重复但内容不同，请重新填写后提交。',
  IDEMPOTENCY_KEY_IN_FLIGHT: () => '上一次提交仍在处理中，请稍候。',
  // Excel imports
  IMPORT_FILE_NOT_XLSX: () => '文件不是 Excel（.xlsx）工作簿。',
  IMPORT_FILE_EMPTY: () => '第一个工作表没有表头或没有数据行。',
  IMPORT_TOO_MANY_ROWS: (d) => `行数超过单次导入上限${d.limit ? `（${num(d.limit)} 行）` : ''}。`,
  IMPORT_ROWS_INVALID: (d) =>
    `有 ${num(Array.isArray(d.errors) ? d.errors.length : (d.count ?? '若干'))} 处数据有误，全部未导入，请按错误明细修改后重试。`,
  IMPORT_FILE_MISSING: () => '请选择要上传的文件。',
  // attachments (photos, signatures)
  ATTACHMENT_MISSING: () => '没有收到文件，请重新拍照或选择图片。',
  ATTACHMENT_UPLOAD_MALFORMED: () => '上传中断或格式有误，请重新上传。',
  ATTACHMENT_EMPTY: () => '文件是空的，请重新拍照或选择图片。',
  ATTACHMENT_TOO_LARGE: (d) =>
    typeof d.maxBytes === 'number' ? `文件太大，不能超过 ${fileSize(d.maxBytes)}。` : '文件太大。',
  ATTACHMENT_TYPE_NOT_ALLOWED: () => '文件格式不支持：照片请用 JPEG、PNG 或 WebP，签名须为 PNG 图片。',
  ATTACHMENT_UNREADABLE: () => '图片已损坏或无法识别，请重新拍照。',
  IMPORT_UPLOAD_MALFORMED: () => '上传未完成或格式有误，请重新上传。',
  IMPORT_HEADERS_INVALID: (d) =>
    `表头与模板不一致${Array.isArray(d.missing) && d.missing.length ? `，缺少：${d.missing.join('、')}` : ''}；未导入任何数据。`,
  // auth
  INVALID_CREDENTIALS: () => '用户名或密码不正确。',
  TOKEN_INVALID: () => '登录已过期，请重新登录。',
  ORIGIN_FORBIDDEN: () => '请求不是从本系统页面发出的，已被拒绝。请在本系统中重新操作。',
  CSRF_TOKEN_INVALID: () => '页面的安全校验已失效，请刷新页面后重试。',
  TOO_MANY_ATTEMPTS: (d) =>
    `登录失败次数过多，请${d.retryAfterSeconds ? ` ${Math.ceil(Number(d.retryAfterSeconds) / 60)} 分钟后` : '稍后'}再试。`,
  PASSWORD_TOO_SHORT: () => '密码至少需要 8 个字符。',
  PASSWORD_TOO_LONG: () => '密码最多 128 个字符。',
  PASSWORD_EQUALS_USERNAME: () => '密码不能与用户名相同。',
  USERNAME_TAKEN: () => '该用户名已被使用。',
  USER_PLACEMENT_INVALID: () => '该角色不能放在所选的组织单位下。',
  TERRITORY_HAS_ACCOUNT_MANAGER: () => '该片区已有在岗的客户经理。',
  RETAILER_USERS_MANAGED_BY_RETAILERS: () => '零售户账号随零售户建档自动创建，不能单独新建。',
  PASSWORD_CHANGE_REQUIRED: () => '请先修改一次性密码。',
  RETAILER_ACCOUNT_MISSING: () => '该零售户还没有自助账号。',
  CANNOT_DISABLE_SELF: () => '不能停用或降级自己的账号。',
  USER_ROLE_NOT_MANAGED: () =>
    '营销部负责人只能管理本部门的市场经理、支点、客户经理、专卖管理员和送货员账号。',
  // ordering reports
  REPORT_RANGE_INVALID: (d) => `请给出起止日期，开始不晚于结束，跨度不超过 ${d.maxDays ?? 92} 天。`,
  // org
  DEPARTMENT_REQUIRED: () => '请选择营销部。',
  ORG_PARENT_REQUIRED: () => '该类组织单位必须有上级。',
  ORG_PARENT_NOT_ALLOWED: () => '该类组织单位不能有上级。',
  ORG_PARENT_TYPE_MISMATCH: () => '该类组织单位不能挂在所选上级下。',
  ORG_ROUTE_INVALID: () => '送货线路必须属于同一客户服务部。',
  ORG_TERRITORY_ONLY: () => '检查队和送货线路只能设置在片区上。',
  ORG_CODE_TAKEN: () => '该编码已被其他组织单位使用。',
  ORG_SQUAD_INVALID: () => '检查队必须是同一营销部的专卖检查队。',
  ORG_UNIT_MOVE_IN_FLIGHT: (d) =>
    `有${Array.isArray(d.blockers) ? ` ${d.blockers.length} 个` : ''}已截单待次日统一订购的订货周期，完成后才能调整。`,
  // retailers
  RETAILER_LICENSE_NO_TAKEN: () => '该专卖许可证号已登记在其他零售户名下。',
  RETAILER_DISTRICT_TYPE_UNKNOWN: () => '商圈类型不存在或已停用。',
  RETAILER_FIELDS_NOT_EDITABLE: (d) =>
    `您的角色不能修改${Array.isArray(d.fields) && d.fields.length ? `：${d.fields.map(fieldName).join('、')}` : '这些信息'}。`,
  RETAILER_CLOSED: () => '该零售户已歇业，请先恢复营业。',
  RETAILER_STATUS_UNCHANGED: () => '零售户已是该状态。',
  RETAILER_STATUS_TRANSITION_FORBIDDEN: () => '不允许这样变更零售户状态。',
  RETAILER_STATUS_REASON_REQUIRED: () => '变更状态需要填写原因。',
  RETAILER_LICENSE_NO_INVALID: (d) => `专卖许可证号应为${d.length ? ` ${num(d.length)} 位` : ''}数字。`,
  RETAILER_USERNAME_TAKEN: () => '该许可证号已是其他账号的用户名。',
  RETAILER_TERRITORY_INVALID: () => '片区必须是您管辖范围内的有效片区。',
  RETAILER_LICENSE_DATES_INVALID: () => '许可证有效期止不能早于有效期起。',
  RETAILER_GRADE_LOCKED: () => '本期档位已锁定，请提交档位变更申请（下期生效）。',
  RETAILER_GRADE_UNCHANGED: () => '下期档位已是该值。',
  RETAILER_STATUS_NOT_EDITABLE_HERE: () => '请通过“变更状态”修改零售户状态（需填写原因）。',
  RETAILER_BIG_ACCOUNT_NOT_EDITABLE_HERE: () => '大户标识由系统计算，如需调整请使用“大户认定调整”。',
  BIG_ACCOUNT_OVERRIDE_REASON_REQUIRED: () => '调整大户认定需要填写原因。',
  DISTRICT_TYPE_CODE_TAKEN: () => '已有相同编码或名称的商圈类型。',
  // catalogue of specifications
  BRAND_CODE_TAKEN: () => '该规格编码已被其他规格使用。',
  KEY_BRANDS_TOO_MANY: () => '全国重点品牌名单最多 20 个。',
  KEY_BRAND_UNKNOWN: () => '名单中有规格不存在或已停售。',
  KEY_BRAND_YEAR_CLOSED: () => '往年的重点品牌名单不能修改。',
  FOCUS_TIER_INVALID: () => '价位段的上限不能低于下限。',
  BRAND_PRICES_INCONSISTENT: () => '零售指导价（条）不能低于批发价，单盒价不能高于单条价。',
  KEY_BRAND_ALREADY_NATIONAL: () => '全国前 20 重点品牌不能再设为同类替代品牌。',
  // quotas
  QUOTA_FLOOR_FORBIDDEN: (d) => `销量只设上限，不设下限${d.field ? `（不接受“${String(d.field)}”）` : ''}。`,
  QUOTA_PER_BRAND_AGREEMENT_FORBIDDEN: () => '不得按规格约定销量。',
  QUOTA_FLOAT_OUT_OF_BAND: () => '浮动比例超出允许范围。',
  QUOTA_GRADE_POLICY_INVALID: () => '档位政策设置有误。',
  QUOTA_CAP_INVALID: () => '上限必须是不小于 0 的整数条数。',
  QUOTA_REBALANCE_DUPLICATE_RETAILER: () => '同一零售户出现了两次。',
  QUOTA_REBALANCE_UNKNOWN_RETAILER: () => '有零售户在该月没有您管辖范围内的额度。',
  QUOTA_REBALANCE_SCOPE: () => '额度只能在同一片区或同一客户服务部内调剂。',
  QUOTA_REBALANCE_TOTAL_CHANGED: (d) =>
    `调剂前后上限合计必须相等${d.before !== undefined && d.after !== undefined ? `（调剂前 ${num(d.before)} 条，调剂后 ${num(d.after)} 条）` : ''}。`,
  QUOTA_BELOW_USED: (d) =>
    `上限不能低于已订货量${d.used !== undefined ? `（已订 ${num(d.used)} 条）` : ''}。`,
  QUOTA_MONTH_CLOSED: () => '该月已结束，额度不能再调整。',
  QUOTA_EXCEEDED: (d) =>
    `超出本周期可订量：本次申报 ${num(d.requested)} 条，本周期最多还可订 ${num(d.remaining)} 条` +
    (d.monthlyRemaining !== undefined ? `（本月剩余 ${num(d.monthlyRemaining)} 条）` : '') +
    '。',
  SCARCE_LIMIT_EXCEEDED: (d) =>
    `${d.brandName ? `“${String(d.brandName)}”` : '紧俏规格'}超出限量：${d.grade ? `${num(d.grade)} 档` : '本档位'}每周期限 ${num(d.limit)} 条，本次申报 ${num(d.requested)} 条。`,
  SCARCE_LIMIT_VECTOR_INVALID: () => '限量须覆盖 30 个档位，且高档位不低于低档位（D30 ≥ … ≥ D1）。',
  SCARCE_BRAND_NOT_SCARCE: () => '只有紧俏规格才能设置限量。',
  // ordering
  CYCLE_CLOSED: (d) =>
    d.cutoffAt ? '本订货周期已截单，不能再提交或修改。' : '当前没有开放的订货周期，请在订货窗口内提交。',
  CYCLE_CONSOLIDATED: () => '本周期已统一订购，代收需求不能再加入。请在下一个订货周期为零售户代收。',
  CYCLE_INVALID_TRANSITION: () => '订货周期当前状态不允许此操作。',
  CYCLE_WINDOW_INVALID: () => '订货窗口须在截单前开放，且在订货日截单。',
  CYCLE_DATE_TAKEN: () => '该片区在这一订货日已有订货周期。',
  CYCLE_WEEK_TAKEN: () => '该片区这一订货周已有订货周期，请调整已有的周期，不要另加。',
  CYCLE_WINDOW_OVERLAP: (d) =>
    `订货窗口与${d.neighbour === 'next' ? '下一' : '上一'}周期（${String(d.orderDate ?? '')}）重叠：须在上一周期截单后开放，在下一周期开放前截单。`,
  // job board
  MONTH_CLOSE_WAITING: (d) =>
    `${String(d.month ?? '该月')}尚不能月结：${
      Array.isArray(d.waitingFor)
        ? d.waitingFor.map((w) => String((w as { text?: unknown }).text ?? '')).join('；')
        : '等待输入数据'
    }。管理员可填写原因后强制月结。`,
  JOB_NOT_DEPARTMENTAL: () => '该任务一次处理全部部门，只有管理员可以手动运行。',
  JOB_NOT_FORCEABLE: () => '该任务不等待输入数据，无需强制运行。',
  JOB_FORCE_ADMIN_ONLY: () => '只有管理员可以强制运行等待输入数据的任务。',
  JOB_FORCE_REASON_REQUIRED: () => '强制运行任务须填写原因。',
  // holiday calendar
  CALENDAR_DAYS_INVALID: (d) =>
    `节假日清单有 ${num(Array.isArray(d.problems) ? d.problems.length : '若干')} 处错误，未保存，请按明细修改。`,
  RETAILER_SUSPENDED: () => '该零售户目前不是正常营业状态，不能订货。',
  RETAILER_LICENSE_EXPIRED: () => '该零售户的专卖许可证已过期，不能订货。',
  DEMAND_ALREADY_EXISTS: () => '本周期已有一份需求，请修改已有需求。',
  NO_DEMAND_HAS_DEMAND: () => '该零售户本周期已有需求，不能登记为无需求；如确无需求，请零售户先撤回需求。',
  DEMAND_INVALID_TRANSITION: () => '需求当前状态不允许此操作。',
  DEMAND_CHANNEL_NOT_ALLOWED: () => '您的角色不能通过这一渠道提交需求。',
  DEMAND_NOT_EDITABLE: () => '只有零售户本人可以修改自主提报的需求。',
  BRAND_UNKNOWN: () => '有规格不存在。',
  BRAND_INACTIVE: (d) =>
    `有规格已停售${Array.isArray(d.brandIds) ? `（${d.brandIds.length} 个）` : ''}，请从清单中移除。`,
  CONFIRMATION_CODE_INVALID: () => '确认码不正确、已使用或已过期，请让零售户重新生成。',
  SUPPLY_RATIO_INVALID: () => '供应比例只适用于四、五类烟，且在 0.01% 至 100% 之间。',
  // field work
  FIELD_TIME_IN_FUTURE: () => '不能记录未来时间的工作。',
  FIELD_TIME_TOO_OLD: (d) => `只能补录最近${d.maxDays ? ` ${num(d.maxDays)} 天` : '几天'}的工作。`,
  FIELD_PERIOD_INVALID: () => '起始日期不能晚于结束日期。',
  FIELD_PERIOD_NOT_STARTED: () => '该期间尚未开始。',
  FIELD_RETAILER_CLOSED: () => '该零售户已歇业。',
  FIELD_BRAND_UNKNOWN: () => '有规格不存在。',
  FIELD_NO_TERRITORY: () => '您的账号尚未分配片区，请联系管理员。',
  FIELD_POLICY_INVALID: () => '大户的拜访频次不能低于普通零售户。',
  VISIT_GUIDANCE_NOT_ALLOWED: () => '只有经营指导类拜访才能填写指导内容。',
  VISIT_GUIDANCE_REQUIRED: () => '经营指导拜访需要填写指导主题和建议。',
  VISIT_NOT_BIG_ACCOUNT: () => '大户检查只能针对大户。',
  VISIT_NOT_GUIDANCE: () => '只有经营指导拜访需要核查。',
  VISIT_ALREADY_CHECKED: () => '该拜访已核查过。',
  VISIT_PHOTO_ALREADY_ADDED: () => '该拜访已有货架照片，每次拜访只能上传一张。',
  FORECAST_MONTH_TOO_FAR: () => '最多只能预测未来 12 个月。',
  FORECAST_LOCKED: (d) =>
    `${d.month ? `${String(d.month).replace('-', '年')}月` : '该月'}已开始，预测已锁定。`,
  FORECAST_MONTH_NOT_OVER: () => '月份结束后才能计算预测准确率。',
  FORECAST_ACTUALS_UNAVAILABLE: () => '实际需求（已审批并汇总）尚未产生，请稍后再看。',
  // enforcement
  LEAD_TRANSITION_FORBIDDEN: () => '线索当前状态不允许此操作。',
  LEAD_NO_SQUAD: () => '该片区没有对应的专卖检查队。',
  LEAD_TERRITORY_REQUIRED: () => '请选择线索所属片区。',
  LEAD_TERRITORY_MISMATCH: () => '该零售户不在所选片区。',
  LEAD_ALREADY_REPORTED: () => '该异常已转为线索。',
  LEAD_NOT_YOUR_SQUAD: () => '只有线索所属检查队的专卖管理员可以操作。',
  LEAD_NOT_REPORTER: () => '只有线索的报告人可以关闭线索。',
  LEAD_OFFICER_INVALID: () => '所选人员不是该检查队的在岗专卖管理员。',
  LEAD_ACTION_DUE_INVALID: () => '新的期限必须晚于现在。',
  LEAD_RESULT_MISSING: () => '请先录入核查结果，再上传照片。',
  LEAD_NOT_VERIFIER: () => '只有录入核查结果的专卖管理员可以上传照片。',
  LEAD_RESULT_PHOTOS_FULL: () => '核查结果的照片已达上限（3 张）。',
  LEAD_POLICY_INVALID: () => '办理期限为 1 至 90 整天，重要线索不得长于普通线索。',
  // three-role problems
  PROBLEM_TRANSITION_FORBIDDEN: () =>
    '问题当前状态不允许此操作（已答复的问题才能关闭，已关闭的问题不能再答复）。',
  PROBLEM_ABOUT_REQUIRED: () => '“其他”类问题请选择涉及的岗位。',
  PROBLEM_ABOUT_MISMATCH: () => '所选岗位与问题类型不符。',
  PROBLEM_ABOUT_OWN_ROLE: () => '不能对本岗位提出问题，请选择其他岗位。',
  PROBLEM_POLICY_INVALID: () => '答复期限为 1 至 720 整小时。',
  // delivery
  DELIVERY_TRANSITION_FORBIDDEN: () => '送货当前状态不允许此操作。',
  DELIVERY_ARRIVAL_INVALID: () => '到达时间无效。',
  DELIVERY_ARRIVED_IN_FUTURE: () => '到达时间不能晚于现在。',
  DELIVERY_RECEIVER_INVALID: () => '收货人只能是零售户本人或代接货人。',
  DELIVERY_PROXY_REASON_REQUIRED: () => '代接货必须填写原因。',
  DELIVERY_PROXY_RECEIVER_NAME_REQUIRED: () => '代接货必须填写代收人姓名。',
  DELIVERY_PROXY_RELATION_REQUIRED: () => '代接货必须填写代收人与店主的关系。',
  DELIVERY_DOOR_CODE_INVALID: () => '到户确认码不对，或不是在送货当天输入的。',
  DELIVERY_CONFIRM_NOT_DELIVERY_DATE: () => '只能在送货当天确认收货。',
  DELIVERY_SIGNATURE_NOT_DELIVERED: () => '请先确认交货，再保存零售户签名。',
  DELIVERY_NOT_YOUR_ROUTE: () => '只有该线路的送货员可以操作。',
  DELIVERY_PLAN_RANGE_INVALID: () => '只能安排最近 31 天内（截至昨天）的订货日。',
  FEEDBACK_TRANSITION_FORBIDDEN: () => '反馈当前状态不允许此操作。',
  FEEDBACK_NOT_RAISER: () => '只有提出反馈的人可以关闭。',
  FEEDBACK_NOT_DELIVERY_SIDE: () => '只有该线路的送货员或支点可以答复。',
  // KPIs and cultivation
  KPI_MONTH_NOT_STARTED: () => '该月尚未开始。',
  KPI_MONTH_NOT_OVER: () => '月份结束后才能关账。',
  KPI_MONTH_NOT_CLOSED: () => '只有已结账的月份才能更正。',
  KPI_CORRECTION_ALREADY_OPEN: () => '该月已有一项待审批的更正，请先审批或驳回。',
  KPI_CORRECTION_NOT_OPEN: () => '该月没有待审批的更正。',
  KPI_TARGET_INVALID: () => '考核目标设置有误。',
  KPI_TARGET_DUPLICATE: () => '同一指标在同一范围内设置了两个目标。',
  CULTIVATION_NOT_LAUNCHED: () => '该规格尚未上市。',
  CULTIVATION_NO_TERRITORY: () => '您的账号尚未分配片区。',
  CULTIVATION_NOT_A_NEW_SPEC: () => '该规格没有上市日期，不作为新品跟踪。',
  CULTIVATION_TASK_ALREADY_SUBMITTED: () => '该新品分析已提交。',
};

/** Whether the catalogue has a sentence for a code (the completeness test asks). */
export function hasSentence(code: string): boolean {
  return Object.hasOwn(CATALOGUE, code);
}

/** Every code the catalogue covers. */
export const CATALOGUE_CODES: readonly string[] = Object.keys(CATALOGUE);

/**
 * The Chinese sentence for an API error. `names` lets a page say which specification it means
 * (details carry brand ids). An unknown code still reads as Chinese, with the code for support.
 */
export function errorSentence(code: string, details?: ErrorDetails, names?: BrandNames): string {
  if (code === 'VALIDATION_FAILED') return validationSentence(details);
  const record = details && !Array.isArray(details) ? { ...details } : {};
  if (names && typeof record.brandId === 'number' && record.brandName === undefined) {
    record.brandName = names(record.brandId);
  }
  const sentence = CATALOGUE[code];
  return sentence ? sentence(record) : `操作未成功（错误代码 ${code}），请稍后重试或联系管理员。`;
}
