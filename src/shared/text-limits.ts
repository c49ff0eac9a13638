/**
 * Free-text limits, one declaration for the server's contracts and the web's forms.
 *
 * A limit counts UTF-16 code units: what JavaScript's `length`, zod's `max()` and the web counters
 * count. A Chinese character or a Latin letter is one; an emoji is two (a family emoji more), so a
 * counter in the form shows exactly what the server will measure. `test/text-limits.test.ts` sends
 * every field here at its limit (accepted) and one over (refused, naming the field).
 */
export const textLimits = {
  /** 个人简介 of a volunteer. */
  volunteerIntro: 500,
  /** A volunteer's home address. */
  volunteerAddress: 200,
  siteName: 100,
  siteAddress: 200,
  siteOpeningHours: 200,
  /** A site's public description (the detail page). */
  siteDescription: 1000,
  organisationName: 60,
  organisationDescription: 2000,
  /** A volunteer family's name (e.g. 王家志愿之家). */
  familyName: 40,
  /** The message with a request to join a team. */
  joinMessage: 500,
  orderTitle: 60,
  orderDescription: 2000,
  orderAddress: 200,
  orderContactName: 50,
  /** Why an order is cancelled, rejected, declined or recalled. */
  orderReason: 500,
  /** The dispatcher's note to whoever gets the order. */
  orderDispatchNote: 500,
  /** The volunteer's account of the service, at completion. */
  orderSummary: 2000,
  /** The volunteer's note when checking in without a position (无定位签到). */
  orderCheckInNote: 500,
  /** The resident's comment with the stars. */
  ratingComment: 500,
  activityTitle: 80,
  activityDescription: 5000,
  /** Where an activity without a site happens. */
  activityAddress: 200,
  /** A themed series, e.g. 蓝色周六. */
  activitySeries: 40,
  activityContactName: 50,
  /** Why an activity is cancelled or a sign-up refused or withdrawn. */
  activityReason: 500,
  serviceCategoryName: 20,
  serviceCategoryNameEn: 60,
  menuItemTitle: 60,
  menuItemDescription: 2000,
  menuItemProjectName: 100,
  bookTitle: 200,
  bookAuthor: 100,
  bookDonor: 100,
  /** The name of someone borrowing a book by phone. */
  borrowerName: 50,
  selfHelpItemName: 50,
  selfHelpItemUnit: 10,
  /** A note with a restock or a take of a self-help item. */
  selfHelpMoveNote: 200,
  /** The title of a site's staff member (专管员). */
  siteStaffTitle: 40,
  /** Why a volunteer's status is changed (needed to suspend). */
  statusReason: 200,
  /** Why staff corrected a volunteer's record (kept in the audit log). */
  correctionReason: 200,
  /** Why a request to join a team is declined. */
  joinDeclineReason: 500,
  /** The message with a team's invitation. */
  invitationMessage: 500,
  /** 微心愿: what is wished for, its description, the delivery address, a contact name. */
  wishTitle: 40,
  wishDescription: 1000,
  wishAddress: 200,
  wishName: 50,
  /** A reason, a delivery note or a thank-you on a wish. */
  wishMessage: 500,
  /** Why staff refuse a pending service record (the volunteer reads it). */
  hoursRejectReason: 200,
  /** Why a volunteer or staff ask to correct confirmed hours. */
  hoursCorrectionReason: 500,
  /** The note with approving or refusing a correction. */
  hoursDecisionNote: 500,
  /** What a volunteer needs a certificate for. */
  certificatePurpose: 100,
  /** The issuing organisation, its person in charge and a contact, as printed on a certificate. */
  certificateOrganisation: 100,
  certificatePersonInCharge: 50,
  certificateContact: 50,
  /** Why staff revoke an issued service certificate (audited, told to the volunteer). */
  certificateRevokeReason: 500,
  /** Why staff do not issue a requested certificate (audited, told to the volunteer). */
  certificateRefuseReason: 500,
  academyPartnerName: 100,
  academyPartnerDescription: 1000,
  academyCourseTitle: 100,
  academyCourseDescription: 4000,
  /** One teacher's name (and affiliation) on a course. */
  academyTeacher: 50,
  /** The title of a course material (a document or a video link). */
  academyMaterialTitle: 100,
  academyQuestionPrompt: 500,
  academyQuestionOption: 200,
  academySessionPlace: 200,
  /** Why a session is cancelled or a course withdrawn (sent to the enrolled). */
  academyCancelReason: 500,
  /** Who issued a qualification obtained elsewhere. */
  academyIssuer: 100,
  academyCertificateNo: 50,
  academyRejectReason: 200,
  /** 项目化: a project's name; its objectives, beneficiaries and expected outputs; its plan; its contact. */
  projectName: 60,
  projectSummary: 2000,
  projectPlan: 5000,
  projectContactName: 50,
  /** A reviewer's comment on a project (needed to return or reject). */
  projectReviewComment: 1000,
  /** A call for projects (项目征集): its title and description. */
  projectCallTitle: 100,
  projectCallDescription: 2000,
  /** 品牌化: a brand's name and description; a themed series' name. */
  brandName: 40,
  brandDescription: 2000,
  brandSeriesName: 40,
  /** 评选: a round's title, a criterion's name, an award's honour title (e.g. 十佳志愿服务项目). */
  evaluationTitle: 100,
  evaluationCriterionName: 40,
  evaluationHonour: 40,
  /** Why a manual points award or deduction is asked for. */
  pointsAdjustmentReason: 500,
  /** 爱心义卖: an event's title and address, a fund's name, a stall's name and holder, an item sold. */
  charityTitle: 80,
  charityAddress: 200,
  charityFundName: 60,
  charityStallName: 40,
  charityHolderName: 60,
  charityCategoryLabel: 20,
  charityItem: 60,
  /** A WeChat Pay or Alipay transaction number, a bank transfer reference. */
  charityPaymentRef: 64,
  /** Why a sale is reversed or a disbursement rejected; a note on reconciliation. */
  charityReason: 200,
  /** A fund's description, a note with a disbursement. */
  charityNote: 500,
  /** A beneficiary's name as registered, and their situation (困难情况). */
  charityBeneficiaryName: 40,
  charitySituation: 200,
  charityDonorName: 60,
  /** The name of a siting proposal kept as a planned rollout batch (15分钟服务圈). */
  coverageProposalName: 60,
} as const;

export type TextField = keyof typeof textLimits;

/**
 * Inputs for a code rather than free text: the form lets through what a scanner may add, and the
 * server checks the code's format (so these are not probed as free text).
 */
export const codeInputLimits = {
  /** A pickup code as typed at the store desk (8 digits, a space a scanner may add). */
  storePickupCode: 9,
} as const;

/**
 * The text cut to at most `limit` code units, never between the two halves of a surrogate pair
 * (a lone half is refused by the server's edge guard).
 */
export function clipText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const high = text.charCodeAt(limit - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? limit - 1 : limit);
}
