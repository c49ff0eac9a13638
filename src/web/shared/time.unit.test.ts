/**
 * Wall times typed in a form and day boundaries are the tenant's, whatever the zone of the machine
 * (this test runs in whatever zone the machine has): a New York tenant's 09:00 is 14:00 UTC in
 * winter and 13:00 UTC in summer; Shanghai's is 01:00 UTC all year.
 */
import { afterEach, expect, it, vi } from 'vitest';

// The i18n module reads the page's language; only the formatters need it.
vi.mock('../i18n/index.js', () => ({ currentLanguage: () => 'zh-CN' }));

import { fromTenantWallTime, setTenantTimeZone, tenantMidnight, tenantTimeZone, tenantWallTime } from './time.js';

afterEach(() => setTenantTimeZone('Asia/Shanghai'));

it('reads and writes wall times in the tenant zone', () => {
  expect(fromTenantWallTime('2026-12-05T09:00').toISOString()).toBe('2026-12-05T01:00:00.000Z');
  expect(tenantWallTime('2026-12-05T01:00:00Z')).toBe('2026-12-05T09:00');
  expect(tenantWallTime('2026-12-05T16:30:00Z')).toBe('2026-12-06T00:30');

  setTenantTimeZone('America/New_York');
  expect(fromTenantWallTime('2026-12-05T09:00').toISOString()).toBe('2026-12-05T14:00:00.000Z');
  expect(fromTenantWallTime('2026-07-05T09:00').toISOString()).toBe('2026-07-05T13:00:00.000Z');
  expect(tenantWallTime('2026-07-05T13:00:00Z')).toBe('2026-07-05T09:00');
  // The spring-forward morning: 01:30 is EST, 03:30 is EDT.
  expect(fromTenantWallTime('2026-03-08T01:30').toISOString()).toBe('2026-03-08T06:30:00.000Z');
  expect(fromTenantWallTime('2026-03-08T03:30').toISOString()).toBe('2026-03-08T07:30:00.000Z');
});

it('counts days from midnight in the tenant zone', () => {
  // 23:30 UTC on 4 December is 07:30 on the 5th in Shanghai and 18:30 on the 4th in New York.
  const now = Date.parse('2026-12-04T23:30:00Z');
  expect(tenantMidnight(0, now).toISOString()).toBe('2026-12-04T16:00:00.000Z');
  expect(tenantMidnight(30, now).toISOString()).toBe('2026-11-04T16:00:00.000Z');
  setTenantTimeZone('America/New_York');
  expect(tenantMidnight(0, now).toISOString()).toBe('2026-12-04T05:00:00.000Z');
  expect(tenantMidnight(30, now).toISOString()).toBe('2026-11-04T05:00:00.000Z');
  // Before the clocks went back on 1 November: daylight time.
  expect(tenantMidnight(40, now).toISOString()).toBe('2026-10-25T04:00:00.000Z');
});

it('keeps the zone it had when the browser does not know the one set', () => {
  setTenantTimeZone('Mars/Olympus_Mons');
  expect(tenantTimeZone()).toBe('Asia/Shanghai');
  expect(tenantWallTime('2026-12-05T01:00:00Z')).toBe('2026-12-05T09:00');
  setTenantTimeZone('America/New_York');
  setTenantTimeZone('Mars/Olympus_Mons');
  expect(tenantWallTime('2026-12-05T01:00:00Z')).toBe('2026-12-04T20:00');
  setTenantTimeZone('Mars/Olympus_Mons');
  expect(tenantTimeZone()).toBe('America/New_York');
});
