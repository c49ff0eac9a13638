/** A weekly availability slot in the tenant's local time. */
export interface WeeklySlot {
  /** 1 (Monday) … 7 (Sunday), as in volunteer_availability; 0 is read as Sunday too. */
  weekday: number;
  /** Minutes after local midnight, 0 … 1439. */
  startMinute: number;
  /** Minutes after local midnight, 1 … 1440, exclusive; a value ≤ startMinute means the slot runs past midnight. */
  endMinute: number;
}

/** What the engine needs to know about one volunteer; the caller loads it (the engine reads no database). */
export interface DispatchVolunteer {
  id: string;
  userId: string;
  lat: number;
  lng: number;
  /** Skill and qualification codes (the tenant's taxonomy). */
  skills: readonly string[];
  /**
   * Region codes the volunteer serves. A code serves itself and every region under it (a street serves its
   * communities): by default a prefix match, see DispatchSettings.areaMatches. An empty list serves nowhere.
   */
  serviceAreas: readonly string[];
  /** Weekly slots; an empty list is never available. */
  availability: readonly WeeklySlot[];
  openTasks: number;
  /** At most this many open tasks. */
  capacity: number;
  /** Average rating 0–5, or null when never rated. */
  rating: number | null;
  /** Services completed in the last 30 days (the fairness term). */
  recentServices: number;
  /** Users this volunteer blocked. */
  blockedUserIds?: readonly string[];
}

export interface DispatchOrder {
  id: string;
  lat: number;
  lng: number;
  /** Every one of these is required (hard constraint). */
  requiredSkills: readonly string[];
  /** Nice to have: the skill-fit term counts the share of these the volunteer lacks. */
  preferredSkills?: readonly string[];
  /** The region (usually a community) the service takes place in. */
  regionCode: string;
  window: { start: Date; end: Date };
  ordererUserId: string;
  /** Users the orderer blocked. */
  blockedUserIds?: readonly string[];
  /** IANA time zone of the tenant; DispatchSettings.timeZone, then Asia/Shanghai, when absent. */
  timeZone?: string;
}

/** Weights of the cost terms; the cost is in "walking-km equivalents". Configurable per tenant. */
export interface DispatchWeights {
  /** Per walking km. */
  distance: number;
  /** Per unit of skill misfit (share of preferred skills missing, 0–1). */
  skill: number;
  /** Per unit of rating shortfall ((5 − rating) / 5, 0–1; unrated counts as 3 stars). */
  rating: number;
  /** Per unit of recent load (services in the last 30 days / 10, capped at 1). */
  fairness: number;
}

export const DEFAULT_WEIGHTS: Readonly<DispatchWeights> = Object.freeze({
  distance: 1,
  skill: 2,
  rating: 1,
  fairness: 1.5,
});

export interface DispatchSettings {
  weights?: Partial<DispatchWeights>;
  /** Walking distance = great-circle distance × this factor (streets are not straight). Default 1.3. */
  walkFactor?: number;
  /** Default time zone for orders without one. Default Asia/Shanghai. */
  timeZone?: string;
  /** Whether a volunteer's service area covers the order's region. Default: regionCode starts with area. */
  areaMatches?: (area: string, regionCode: string) => boolean;
}

/** One part of a candidate's explanation; formatReasons renders them in zh-CN or en. */
export type ReasonPart =
  | { kind: 'distance'; params: { km: number } }
  | { kind: 'skill'; params: { code: string } }
  | { kind: 'recentServices'; params: { count: number } }
  | { kind: 'rating'; params: { rating: number } }
  | { kind: 'openTasks'; params: { open: number; capacity: number } };

export interface CostBreakdown {
  walkKm: number;
  /** Share of preferred skills missing, 0–1. */
  skillMisfit: number;
  /** (5 − rating) / 5, 0–1. */
  ratingShortfall: number;
  /** Recent services / 10, capped at 1. */
  load: number;
}

export interface DispatchCandidate {
  volunteerId: string;
  userId: string;
  /** Position of the volunteer in the list the index was built from. */
  position: number;
  /** Weighted cost, lower is better. */
  cost: number;
  /** cost × COST_SCALE, rounded: what the batch solver minimises. */
  scaledCost: number;
  breakdown: CostBreakdown;
  reasons: ReasonPart[];
}
