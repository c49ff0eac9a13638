import {
  DEFAULT_TIME_ZONE,
  overlaps,
  slotsToIntervals,
  type WeeklyIntervals,
  windowToIntervals,
} from './availability.js';
import type { DispatchOrder, DispatchSettings, DispatchVolunteer } from './types.js';

/** A hard constraint a volunteer fails for an order. */
export type Violation = 'capacity' | 'orderer' | 'blocked' | 'skills' | 'area' | 'availability';

/** A volunteer with its slots turned into weekly intervals, prepared once per index. */
export interface PreparedVolunteer {
  volunteer: DispatchVolunteer;
  slots: WeeklyIntervals;
  blocked: ReadonlySet<string> | null;
}

/** An order with its window turned into weekly intervals in its time zone, prepared once per query. */
export interface PreparedOrder {
  order: DispatchOrder;
  window: WeeklyIntervals;
  blocked: ReadonlySet<string> | null;
  areaMatches: (area: string, regionCode: string) => boolean;
  /** Whether areaMatches is the default prefix match (the search index can then pre-filter by area). */
  prefixMatch: boolean;
}

const prefixMatch = (area: string, regionCode: string) => regionCode.startsWith(area);

export function prepareVolunteer(volunteer: DispatchVolunteer): PreparedVolunteer {
  const blocked = volunteer.blockedUserIds;
  return {
    volunteer,
    slots: slotsToIntervals(volunteer.availability),
    blocked: blocked && blocked.length > 0 ? new Set(blocked) : null,
  };
}

export function prepareOrder(order: DispatchOrder, settings: DispatchSettings = {}): PreparedOrder {
  const blocked = order.blockedUserIds;
  return {
    order,
    window: windowToIntervals(order.window, order.timeZone ?? settings.timeZone ?? DEFAULT_TIME_ZONE),
    blocked: blocked && blocked.length > 0 ? new Set(blocked) : null,
    areaMatches: settings.areaMatches ?? prefixMatch,
    prefixMatch: settings.areaMatches === undefined,
  };
}

function hasSkills(volunteer: DispatchVolunteer, required: readonly string[]): boolean {
  for (const skill of required) if (!volunteer.skills.includes(skill)) return false;
  return true;
}

function servesArea(volunteer: DispatchVolunteer, order: PreparedOrder): boolean {
  for (const area of volunteer.serviceAreas) if (order.areaMatches(area, order.order.regionCode)) return true;
  return false;
}

/** The hot path of the search: cheapest and most selective checks first. */
export function isFeasible(v: PreparedVolunteer, o: PreparedOrder): boolean {
  const volunteer = v.volunteer;
  const order = o.order;
  return (
    volunteer.openTasks < volunteer.capacity &&
    volunteer.userId !== order.ordererUserId &&
    hasSkills(volunteer, order.requiredSkills) &&
    servesArea(volunteer, o) &&
    !v.blocked?.has(order.ordererUserId) &&
    !o.blocked?.has(volunteer.userId) &&
    overlaps(v.slots, o.window)
  );
}

/** Every hard constraint the volunteer fails for the order (empty when the volunteer is a candidate). */
export function violations(v: PreparedVolunteer, o: PreparedOrder): Violation[] {
  const volunteer = v.volunteer;
  const order = o.order;
  const out: Violation[] = [];
  if (!(volunteer.openTasks < volunteer.capacity)) out.push('capacity');
  if (volunteer.userId === order.ordererUserId) out.push('orderer');
  if (v.blocked?.has(order.ordererUserId) || o.blocked?.has(volunteer.userId)) out.push('blocked');
  if (!hasSkills(volunteer, order.requiredSkills)) out.push('skills');
  if (!servesArea(volunteer, o)) out.push('area');
  if (!overlaps(v.slots, o.window)) out.push('availability');
  return out;
}

/** Convenience for one pair: the violations of a volunteer for an order. */
export function checkConstraints(
  volunteer: DispatchVolunteer,
  order: DispatchOrder,
  settings: DispatchSettings = {},
): Violation[] {
  return violations(prepareVolunteer(volunteer), prepareOrder(order, settings));
}
