import { describe, expect, it } from 'vitest';
import { ACCURACY_ALLOWANCE_M, CHECK_IN_RADIUS_M, checkInReachM, withinCheckInFence } from './check-in-fence.js';

describe('order check-in geofence', () => {
  it('is the radius when the phone gives no accuracy', () => {
    expect(withinCheckInFence(CHECK_IN_RADIUS_M, undefined)).toBe(true);
    expect(withinCheckInFence(CHECK_IN_RADIUS_M + 1, undefined)).toBe(false);
    expect(withinCheckInFence(CHECK_IN_RADIUS_M + 1, null)).toBe(false);
  });

  it('allows for the reported accuracy: the position may be radius + accuracy away', () => {
    expect(withinCheckInFence(1150, 200)).toBe(true);
    expect(withinCheckInFence(1201, 200)).toBe(false);
    expect(withinCheckInFence(1000, 0)).toBe(true);
    expect(withinCheckInFence(1001, 0)).toBe(false);
  });

  it('credits at most the allowance, however vague the position', () => {
    expect(checkInReachM(5000)).toBe(CHECK_IN_RADIUS_M + ACCURACY_ALLOWANCE_M);
    expect(withinCheckInFence(CHECK_IN_RADIUS_M + ACCURACY_ALLOWANCE_M, 5000)).toBe(true);
    expect(withinCheckInFence(CHECK_IN_RADIUS_M + ACCURACY_ALLOWANCE_M + 1, 5000)).toBe(false);
    expect(withinCheckInFence(3000, 4000)).toBe(false);
  });
});
