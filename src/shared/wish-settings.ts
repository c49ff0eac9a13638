/**
 * A tenant's micro-wish settings, one declaration for server and web. Pure.
 *
 * A giver holds a wish from claiming until the keeper confirms its delivery; the limits keep one
 * person (or one caring merchant) from taking the wall and then not delivering.
 */
export interface WishSettings {
  /** Wishes one volunteer may hold claimed and not yet confirmed. */
  personClaimLimit: number;
  /** Wishes one organisation (a caring merchant…) may hold claimed in its name and not yet confirmed. */
  organisationClaimLimit: number;
}

export const DEFAULT_WISH_SETTINGS: WishSettings = { personClaimLimit: 3, organisationClaimLimit: 10 };

export const WISH_SETTING_BOUNDS = {
  personClaimLimit: { min: 1, max: 20 },
  organisationClaimLimit: { min: 1, max: 200 },
} as const;
