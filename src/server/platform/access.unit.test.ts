import { describe, expect, it } from 'vitest';
import { type Actor, inScope, isStaff, regionScope } from './access.js';

const actor = (...grants: Actor['grants']): Actor => ({ tenantId: '371002', userId: 'u', displayName: 'x', grants });
const keeper = (regionCode: string) => ({ role: 'station_keeper' as const, regionCode, organisationId: null });

describe('region scope', () => {
  it('is the subtree of every staff grant, without roots nested in other roots', () => {
    const a = actor(keeper('371002002005'), { role: 'institute_admin', regionCode: '371002002', organisationId: null });
    expect(regionScope(a)).toEqual(['371002002']);
    expect(inScope(a, '371002002005')).toBe(true);
    expect(inScope(a, '371002002013')).toBe(true);
    expect(inScope(a, '371002003001')).toBe(false);
  });

  it('keeps a station keeper inside their community', () => {
    const a = actor(keeper('371002002005'));
    expect(inScope(a, '371002002005')).toBe(true);
    expect(inScope(a, '371002002')).toBe(false);
    expect(inScope(a, '371002002006')).toBe(false);
    expect(inScope(a, null)).toBe(false);
  });

  it('gives volunteers, residents and judges no staff scope', () => {
    const a = actor(
      { role: 'volunteer', regionCode: null, organisationId: null },
      { role: 'judge', regionCode: '371002', organisationId: null },
    );
    expect(isStaff(a)).toBe(false);
    expect(regionScope(a)).toEqual([]);
    expect(inScope(a, '371002002005')).toBe(false);
  });
});
