/**
 * Domain errors. Use cases throw AppError with a stable code; one handler (http-errors.ts)
 * turns them into `{ error: { code, message, messageEn, details } }`.
 */

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `body.phone`. */
  field: string;
  message: string;
  messageEn: string;
}

const catalogue = {
  VALIDATION_FAILED: [400, '提交的内容有误，请检查标出的字段', 'Some fields are invalid'],
  UNAUTHENTICATED: [401, '请先登录', 'Please sign in first'],
  INVALID_CREDENTIALS: [401, '手机号或密码不正确', 'Wrong phone number or password'],
  PASSWORD_CHANGE_REQUIRED: [
    403,
    '请先修改密码：初始密码由他人设置，修改后才能继续使用',
    'Change your password first: it was set by someone else',
  ],
  CSRF_INVALID: [403, '页面已过期，请刷新后重试', 'The page has expired; reload and try again'],
  FORBIDDEN: [403, '您没有进行此操作的权限', 'You are not allowed to do this'],
  NOT_FOUND: [404, '未找到该记录，或您无权查看', 'Not found, or not visible to you'],
  ROUTE_NOT_FOUND: [404, '请求的接口不存在', 'No such endpoint'],
  CONFLICT: [409, '该记录已存在或已被修改', 'The record already exists or has changed'],
  // State machines, ledgers and files (platform)
  ILLEGAL_TRANSITION: [409, '当前状态下不能进行此操作', 'This action is not possible in the current state'],
  LEDGER_INSUFFICIENT_BALANCE: [409, '余额不足', 'Not enough balance'],
  LEDGER_ALREADY_REVERSED: [409, '该笔记账已被冲正，不能重复冲正', 'This transaction has already been reversed'],
  LEDGER_NOT_REVERSIBLE: [409, '冲正记录不能再次冲正', 'A reversal cannot itself be reversed'],
  FILE_TOO_LARGE: [413, '文件过大', 'The file is too large'],
  FILE_TYPE_NOT_ALLOWED: [415, '不支持该文件类型', 'This type of file is not accepted'],
  FILE_LINK_INVALID: [403, '文件链接无效', 'This file link is not valid'],
  FILE_LINK_EXPIRED: [410, '文件链接已过期，请重新获取', 'This file link has expired; request a new one'],
  // Organisations, membership, families
  NOT_A_VOLUNTEER: [403, '请先注册成为志愿者，再加入志愿服务队', 'Register as a volunteer before joining a team'],
  VOLUNTEER_NOT_ACTIVE: [
    403,
    '您的志愿者身份尚在审核中或已暂停，暂不能加入',
    'Your volunteer registration is pending review or suspended',
  ],
  ALREADY_MEMBER: [409, '已是该组织的成员', 'Already a member of this organisation'],
  JOIN_REQUEST_PENDING: [409, '已有待处理的加入申请或邀请', 'A join request or invitation is already pending'],
  INVITATION_ONLY: [403, '该组织仅接受邀请加入', 'This organisation accepts members by invitation only'],
  ORGANISATION_INACTIVE: [409, '该组织已停用', 'This organisation is not active'],
  REQUEST_NOT_PENDING: [409, '该申请已处理', 'This request has already been handled'],
  LAST_LEADER: [409, '组织至少需要保留一名队长', 'An organisation needs at least one leader'],
  USER_NOT_FOUND: [404, '未找到该手机号对应的用户', 'No user with this phone number'],
  ALREADY_IN_FAMILY: [409, '该用户已加入一个志愿服务家庭', 'This person already belongs to a volunteer family'],
  FAMILY_MEMBER_EXISTS: [409, '该用户已在本家庭中或已被邀请', 'This person is already in or invited to this family'],
  FAMILY_HEAD_CANNOT_LEAVE: [409, '户主不能退出或被移出家庭', 'The head of the family cannot leave or be removed'],
  PASSWORD_REUSED: [400, '新密码不能与原密码相同', 'The new password must differ from the old one'],
  IDEMPOTENCY_KEY_REUSED: [409, '该幂等键已用于另一个请求', 'This Idempotency-Key was used for a different request'],
  IDEMPOTENCY_IN_PROGRESS: [409, '相同的请求正在处理中，请稍候', 'The same request is still being processed'],
  LOGIN_LOCKED: [429, '登录失败次数过多，请稍后再试', 'Too many failed sign-ins; try again later'],
  RATE_LIMITED: [429, '请求过于频繁，请稍后再试', 'Too many requests; slow down'],
  PAYLOAD_TOO_LARGE: [413, '提交的内容过大', 'The request is too large'],
  URI_TOO_LONG: [414, '请求地址过长', 'The request address is too long'],
  REQUEST_TIMEOUT: [408, '请求超时，请重试', 'The request timed out; try again'],
  UNSUPPORTED_MEDIA_TYPE: [415, '不支持的提交格式，请以 JSON 提交', 'Unsupported content type; send JSON'],
  HEADERS_TOO_LARGE: [
    431,
    '请求头过大，请清除本站 Cookie 后重试',
    'Request headers too large; clear this site’s cookies',
  ],
  SITE_ZONE_NOT_OPEN: [
    409,
    '该阵地未开设此功能区，请先在阵地信息中添加',
    'This site has no such function zone; add it first',
  ],
  BOOK_ALREADY_LENT: [409, '这本书已借出，归还后才能再借', 'This book is already lent out; it must be returned first'],
  BOOK_NOT_LENT: [409, '这本书当前未借出', 'This book is not lent out'],
  SELF_HELP_NOT_ENOUGH: [409, '自助区物品数量不足', 'Not enough of this item left'],
  // Service menu and orders
  MENU_ITEM_NOT_SERVED: [409, '该服务暂不覆盖您所在的社区', 'This service does not reach your community'],
  MENU_ITEM_FULL: [409, '该服务当前预约已满，请稍后再试或选择其他服务', 'This service is fully booked for now'],
  // Notifications: WeChat binding
  WECHAT_NOT_AVAILABLE: [409, '本平台未开通微信通知', 'WeChat notifications are not set up on this platform'],
  WECHAT_STATE_INVALID: [400, '绑定链接已失效，请重新发起绑定', 'This binding link has expired; start again'],
  WECHAT_CODE_INVALID: [400, '微信授权已失效，请重新发起绑定', 'The WeChat authorisation has expired; start again'],
  WECHAT_UNREACHABLE: [503, '暂时无法连接微信，请稍后再试', 'WeChat cannot be reached right now; try again later'],
  DISPATCH_TARGET_INVALID: [409, '派单对象不符合条件', 'This dispatch target is not possible'],
  ORDER_CHECKIN_TOO_FAR: [
    403,
    '您不在服务地点附近，无法签到；如定位不准，请填写说明签到',
    'You are not near the service address; if your position is wrong, check in with a note',
  ],
  // Activities, sign-up and check-in
  ACTIVITY_NOT_OPEN: [
    409,
    '该活动未发布或已取消、已结束',
    'This activity is not open (not published, cancelled or over)',
  ],
  ACTIVITY_SESSION_CANCELLED: [409, '该场次已取消', 'This occurrence has been cancelled'],
  ACTIVITY_SESSION_OVER: [409, '该场次已开始或已结束', 'This occurrence has already started or ended'],
  ACTIVITY_SESSION_NOT_CANCELLABLE: [
    409,
    '该场次已开始或已取消，不能再取消',
    'This occurrence has already started or been cancelled, so it cannot be cancelled',
  ],
  ACTIVITY_LOCKED_WHILE_PUBLISHED: [
    409,
    '已发布的活动不能修改时间、地点和重复规则，请取消后重新发布',
    'A published activity keeps its times, place and recurrence; cancel it and publish a new one',
  ],
  ACTIVITY_QUOTA_BELOW_TAKEN: [409, '名额不能少于已报名人数', 'The quota cannot be below the seats already taken'],
  SIGNUP_NOT_YET_OPEN: [409, '报名尚未开始', 'Sign-up has not opened yet'],
  SIGNUP_CLOSED: [409, '报名已截止', 'Sign-up has closed'],
  SIGNUP_VOLUNTEER_REQUIRED: [
    403,
    '请先注册成为志愿者（审核通过后）再报名活动',
    'Register as a volunteer (and be approved) before signing up',
  ],
  SIGNUP_REQUIREMENTS_NOT_MET: [403, '您不符合该活动的报名条件', 'You do not meet the requirements of this activity'],
  ALREADY_SIGNED_UP: [409, '您已报名该场次', 'You have already signed up for this occurrence'],
  SIGNUP_CANCEL_DEADLINE_PASSED: [
    409,
    '已过取消报名的截止时间，如需取消请联系组织者',
    'The cancellation deadline has passed; contact the organiser',
  ],
  CHECKIN_CODE_INVALID: [
    403,
    '签到码无效，请扫描现场屏幕上的二维码',
    'Invalid check-in code; scan the code on the screen',
  ],
  CHECKIN_CODE_EXPIRED: [
    410,
    '签到码已过期，请扫描屏幕上最新的二维码',
    'This check-in code has expired; scan the current one on the screen',
  ],
  CHECKIN_CODE_LOCKED: [
    429,
    '签到码输错次数过多，请扫描现场屏幕上的二维码，或请队长为您签到',
    'Too many wrong check-in codes; scan the code on the screen or ask the leader to check you in',
  ],
  CHECKIN_OUT_OF_RANGE: [403, '您不在活动地点的签到范围内', 'You are outside the check-in area of this activity'],
  CHECKIN_LOCATION_IMPRECISE: [
    400,
    '定位精度不足，请打开手机定位（GPS）后重试',
    'Your location is too imprecise; turn on GPS and try again',
  ],
  CHECKIN_NOT_SIGNED_UP: [403, '您未报名该场次或报名未通过', 'You have no confirmed sign-up for this occurrence'],
  CHECKIN_NOT_OPEN: [
    409,
    '当前不在签到时间内（开始前 30 分钟至结束）',
    'Check-in is open from 30 minutes before the start until the end',
  ],
  CHECKOUT_WITHOUT_CHECKIN: [409, '请先签到再签退', 'Check in before checking out'],
  // Service hours and certificates
  NO_CONFIRMED_HOURS: [
    409,
    '该期间内没有已确认的服务时长，无法出具证明',
    'No confirmed hours in this period to certify',
  ],
  HOURS_NOT_PENDING: [409, '该服务记录已处理（已确认或已驳回）', 'This service record has already been decided'],
  HOURS_NOT_CONFIRMED: [409, '只有已确认的服务时长才能申请更正', 'Only confirmed hours can be corrected'],
  CORRECTION_PENDING: [409, '该记录已有待审批的更正申请', 'A correction of this record is already waiting'],
  CORRECTION_SELF_APPROVAL: [
    403,
    '更正申请须由申请人以外的人员审批',
    'A correction must be approved by someone other than the person who asked',
  ],
  CERTIFICATE_NOT_ISSUED: [409, '只有已出具且未撤销的证明才能撤销', 'Only an issued certificate can be revoked'],
  // Micro-wishes
  WISH_ALREADY_CLAIMED: [409, '该心愿已被他人认领', 'Someone else has already claimed this wish'],
  WISH_CLAIM_LIMIT: [
    409,
    '您认领且尚未完成的心愿已达上限，请先完成后再认领',
    'You hold the most open claims allowed; fulfil one first',
  ],
  WISH_CLAIMER_NOT_ELIGIBLE: [
    403,
    '请先注册成为志愿者（审核通过后），或以您管理的爱心组织认领',
    'Register as a volunteer (and be approved), or claim for an organisation you manage',
  ],
  // Training academy
  ACADEMY_SESSION_FULL: [409, '该场次名额已满', 'This session is full'],
  ACADEMY_ALREADY_ENROLLED: [409, '您已报名该场次', 'You are already enrolled in this session'],
  ACADEMY_SESSION_STARTED: [409, '该场次已开始、已结束或已取消', 'This session has started, ended or been cancelled'],
  ACADEMY_ATTENDANCE_NOT_OPEN: [
    409,
    '场次开始前 30 分钟起才能登记出勤',
    'Attendance can be marked from 30 minutes before the start',
  ],
  ACADEMY_ATTENDANCE_REQUIRED: [
    409,
    '请先参加本课程的培训（登记出勤）再参加考核',
    'Attend a session of this course before the quiz',
  ],
  ACADEMY_QUIZ_NOT_AVAILABLE: [409, '本课程暂无考核', 'This course has no quiz yet'],
  ACADEMY_QUIZ_ALREADY_PASSED: [409, '您已通过本课程考核', 'You have already passed this quiz'],
  ACADEMY_QUIZ_ATTEMPTS_EXHAUSTED: [409, '考核次数已用完', 'No quiz attempts left'],
  ACADEMY_ATTEMPT_SUBMITTED: [409, '该次考核已交卷', 'This attempt has already been submitted'],
  ACADEMY_SELF_VERIFICATION: [
    403,
    '资质须由录入人以外的工作人员核验',
    'A qualification must be verified by someone other than the person who recorded it',
  ],
  ACADEMY_COURSE_ARCHIVED: [409, '该课程已停办', 'This course has been withdrawn'],
  ACADEMY_NO_CHECKIN_POINT: [
    409,
    '该场次未设置签到地点，请由站长登记出勤',
    'This session has no check-in point; the keeper marks attendance',
  ],
  // Pioneer store (积分兑换先锋超市)
  STORE_OUT_OF_STOCK: [409, '该物品库存不足', 'Not enough of this item in stock'],
  STORE_LIMIT_REACHED: [409, '已达到该物品的限兑数量', 'You have reached the limit for this item'],
  STORE_NOT_ENOUGH_POINTS: [409, '积分不足', 'Not enough points'],
  STORE_GOODS_UNAVAILABLE: [409, '该物品已下架', 'This item is no longer offered'],
  STORE_REDEMPTION_NOT_OPEN: [
    409,
    '该兑换已领取、取消或过期',
    'This redemption was already picked up, cancelled or expired',
  ],
  STORE_CODE_ATTEMPTS: [
    429,
    '取货码错误次数过多，请15分钟后再试',
    'Too many wrong pickup codes; try again in 15 minutes',
  ],
  // Points
  POINTS_ADJUSTMENT_SELF_APPROVAL: [
    403,
    '积分奖励或扣减须由申请人以外的人员审批',
    'A points award or deduction must be approved by someone other than the person who asked',
  ],
  POINTS_DEDUCTION_EXCEEDS_BALANCE: [409, '扣减积分不能超过当前余额', 'A deduction cannot exceed the current balance'],
  // Projects and brands (项目化、品牌化)
  PROJECT_CALL_CLOSED: [409, '该项目征集不在申报时间内', 'This call for projects is not accepting submissions'],
  PROJECT_NOT_ELIGIBLE: [
    403,
    '该组织类型不在本次征集的申报范围内',
    'Organisations of this kind may not apply to this call',
  ],
  PROJECT_INCOMPLETE: [409, '申报信息不完整，请补充后再提交', 'The submission is incomplete; fill in what is missing'],
  PROJECT_NOT_EDITABLE: [409, '项目已提交，审核中或已审结的项目不能修改', 'A submitted project cannot be edited'],
  // Evaluation rounds (评选)
  EVALUATION_WEIGHTS_INVALID: [400, '各项评分标准的权重之和须为 100', 'The weights of the criteria must add up to 100'],
  EVALUATION_JUDGE_CONFLICT: [
    409,
    '评委与该项目同属一个组织或队伍，须回避，不能评审该项目',
    'The judge belongs to the project’s organisation and may not judge it',
  ],
  EVALUATION_NOT_ASSIGNED: [403, '您不是该项目的评委', 'You are not a judge of this project'],
  EVALUATION_JUDGE_LOCKED: [
    409,
    '该评委已为此项目打分，或评分已结束，不能移除',
    'The judge has already scored this project, or scoring has closed; the judge cannot be removed',
  ],
  EVALUATION_NOT_SCORING: [409, '评选不在评分阶段，不能评分', 'The round is not open for scoring'],
  EVALUATION_SETUP_LOCKED: [409, '评分开始后不能修改评分标准', 'The criteria cannot change once scoring has begun'],
  EVALUATION_NOT_READY: [
    409,
    '请先设置评分标准，并为至少一个项目分配评委',
    'Set the criteria and assign judges to at least one project first',
  ],
  EVALUATION_PROJECT_INELIGIBLE: [
    409,
    '该项目不在本次评选范围内（须为本级别、本年度、辖区内已入库的项目）',
    'This project is not eligible: it must be in the library, of the round’s level, year and region',
  ],
  EVALUATION_OVER_BUDGET: [409, '奖励资金合计超出本次评选的预算', 'The awards’ funding exceeds the round’s budget'],
  // Charity sales and funds (爱心义卖)
  CHARITY_EVENT_NOT_OPEN: [
    409,
    '该义卖活动未在进行中，不能记账',
    'This charity sale is not open: nothing can be recorded',
  ],
  CHARITY_SAME_APPROVER: [
    403,
    '善款支出须由两位不同的人员审批',
    'A disbursement must be approved by two different people',
  ],
  CHARITY_NOT_APPROVED: [
    409,
    '该支出尚未经两人审批，不能支付',
    'This disbursement has not been approved by two people and cannot be paid',
  ],
  INTERNAL_ERROR: [500, '系统繁忙，请稍后再试', 'Something went wrong on our side'],
  SERVICE_UNAVAILABLE: [503, '数据库暂时无法连接，请稍后再试', 'The database cannot be reached; try again shortly'],
} as const satisfies Record<string, readonly [number, string, string]>;

export type ErrorCode = keyof typeof catalogue;

export class AppError extends Error {
  readonly status: number;
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(
    readonly code: ErrorCode,
    readonly details?: ErrorDetail[],
    override?: { message?: string; messageEn?: string },
  ) {
    const [status, zh, en] = catalogue[code];
    super(override?.messageEn ?? en);
    this.status = status;
    this.messageZh = override?.message ?? zh;
    this.messageEn = override?.messageEn ?? en;
  }
}

export interface ErrorBody {
  error: { code: string; message: string; messageEn: string; details?: ErrorDetail[] };
}

export function errorBody(code: ErrorCode, details?: ErrorDetail[]): ErrorBody {
  const [, message, messageEn]: readonly [number, string, string] = catalogue[code];
  return { error: { code, message, messageEn, details } };
}

export const errorStatus = (code: ErrorCode) => catalogue[code][0];

/** One validation failure on one field, e.g. `fieldError('body.phone', '手机号格式不正确', 'Invalid phone number')`. */
export function fieldError(field: string, message: string, messageEn: string): AppError {
  return new AppError('VALIDATION_FAILED', [{ field, message, messageEn }]);
}
