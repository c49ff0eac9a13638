/**
 * The check-in geofence of an order. The order's map point is a geocoded address, so the fence is
 * generous: CHECK_IN_RADIUS_M. A phone reports its position with an accuracy (the radius, in metres,
 * of the circle it is probably in); the fence allows for it as the activities' geofence does — the
 * position may be as far as radius + accuracy — but credits at most ACCURACY_ALLOWANCE_M of it, so a
 * vague position (a cell-tower fix of several kilometres) cannot check in from across the district.
 * Without an accuracy nothing is credited. Such a volunteer can still check in on a typed note (无定位).
 */
export const CHECK_IN_RADIUS_M = 1000;
export const ACCURACY_ALLOWANCE_M = 500;

/** How far the reported position may be from the order's point, given its accuracy. */
export function checkInReachM(accuracyM: number | null | undefined): number {
  const credit =
    accuracyM === null || accuracyM === undefined ? 0 : Math.min(Math.max(0, accuracyM), ACCURACY_ALLOWANCE_M);
  return CHECK_IN_RADIUS_M + credit;
}

export function withinCheckInFence(distanceM: number, accuracyM: number | null | undefined): boolean {
  return distanceM <= checkInReachM(accuracyM);
}
