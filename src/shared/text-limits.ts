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
  organisationDescription: 2000,
  /** The message with a request to join a team. */
  joinMessage: 500,
  orderTitle: 60,
  orderDescription: 2000,
  orderAddress: 200,
  orderContactName: 50,
} as const;

export type TextField = keyof typeof textLimits;

/**
 * The text cut to at most `limit` code units, never between the two halves of a surrogate pair
 * (a lone half is refused by the server's edge guard).
 */
export function clipText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const high = text.charCodeAt(limit - 1);
  return text.slice(0, high >= 0xd800 && high <= 0xdbff ? limit - 1 : limit);
}
