/**
 * More free-text limits shared by a server contract and its web forms (see text-limits.ts). These
 * are not yet probed by test/text-limits.test.ts; move each into textLimits with its probe.
 */
export const formLimits = {
  /** 微心愿: what is wished for, its description, the delivery address, a contact name. */
  wishTitle: 40,
  wishDescription: 1000,
  wishAddress: 200,
  wishName: 50,
  /** A reason, a delivery note or a thank-you on a wish. */
  wishMessage: 500,
  /** A pickup code as typed at the store desk (8 digits, a space a scanner may add). */
  storePickupCodeInput: 9,
} as const;
