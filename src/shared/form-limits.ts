/**
 * More free-text limits shared by a server contract and its web forms (see text-limits.ts). These
 * are not yet probed by test/text-limits.test.ts; move each into textLimits with its probe.
 */
export const formLimits = {
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
  /** Why a sale is reversed or a disbursement rejected; a note on reconciliation or a disbursement. */
  charityReason: 200,
  charityNote: 500,
  /** A beneficiary's name as registered, and their situation (困难情况). */
  charityBeneficiaryName: 40,
  charitySituation: 200,
  charityDonorName: 60,
} as const;
