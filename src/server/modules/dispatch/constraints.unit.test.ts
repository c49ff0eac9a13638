import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slotsToIntervals, weekMinute, windowToIntervals } from './availability.js';
import { buildDispatchIndex, type CandidateOptions, checkConstraints, topCandidates } from './index.js';
import type { DispatchOrder, DispatchVolunteer } from './types.js';

const MON = 1;
const TUE = 2;
const SAT = 6;
const SUN = 7;

// 2026-12-02 is a Wednesday.
const at = (iso: string) => new Date(iso);

function volunteer(over: Partial<DispatchVolunteer> = {}): DispatchVolunteer {
  return {
    id: 'v1',
    userId: 'u-v1',
    lat: 37.51,
    lng: 122.11,
    skills: ['first_aid', 'haircut'],
    serviceAreas: ['371002002'],
    availability: [{ weekday: 3, startMinute: 9 * 60, endMinute: 12 * 60 }],
    openTasks: 0,
    capacity: 2,
    rating: 4.5,
    recentServices: 1,
    ...over,
  };
}

function order(over: Partial<DispatchOrder> = {}): DispatchOrder {
  return {
    id: 'o1',
    lat: 37.5,
    lng: 122.1,
    requiredSkills: ['haircut'],
    regionCode: '371002002005',
    window: { start: at('2026-12-02T10:00:00+08:00'), end: at('2026-12-02T11:00:00+08:00') },
    ordererUserId: 'u-resident',
    ...over,
  };
}

describe('hard constraints', () => {
  it('accepts a volunteer who meets every constraint', () => {
    expect(checkConstraints(volunteer(), order())).toEqual([]);
  });

  it('needs every required skill', () => {
    expect(checkConstraints(volunteer({ skills: ['first_aid'] }), order())).toEqual(['skills']);
    expect(checkConstraints(volunteer(), order({ requiredSkills: ['haircut', 'first_aid'] }))).toEqual([]);
    expect(checkConstraints(volunteer(), order({ requiredSkills: ['haircut', 'legal'] }))).toEqual(['skills']);
  });

  it('needs open tasks below capacity', () => {
    expect(checkConstraints(volunteer({ openTasks: 1, capacity: 2 }), order())).toEqual([]);
    expect(checkConstraints(volunteer({ openTasks: 2, capacity: 2 }), order())).toEqual(['capacity']);
    expect(checkConstraints(volunteer({ openTasks: 0, capacity: 0 }), order())).toEqual(['capacity']);
  });

  it('never proposes the orderer to themself', () => {
    expect(checkConstraints(volunteer({ userId: 'u-resident' }), order())).toEqual(['orderer']);
  });

  it('honours blocks from either side', () => {
    expect(checkConstraints(volunteer({ blockedUserIds: ['u-resident'] }), order())).toEqual(['blocked']);
    expect(checkConstraints(volunteer(), order({ blockedUserIds: ['u-v1'] }))).toEqual(['blocked']);
    expect(checkConstraints(volunteer({ blockedUserIds: ['someone-else'] }), order())).toEqual([]);
  });

  it('serves a community through its street, not a neighbouring community or street', () => {
    expect(checkConstraints(volunteer({ serviceAreas: ['371002'] }), order())).toEqual([]);
    expect(checkConstraints(volunteer({ serviceAreas: ['371002002005'] }), order())).toEqual([]);
    expect(checkConstraints(volunteer({ serviceAreas: ['371002002006'] }), order())).toEqual(['area']);
    expect(checkConstraints(volunteer({ serviceAreas: ['371002003'] }), order())).toEqual(['area']);
    expect(checkConstraints(volunteer({ serviceAreas: [] }), order())).toEqual(['area']);
    expect(checkConstraints(volunteer({ serviceAreas: ['371002003', '371002002'] }), order())).toEqual([]);
  });

  it('takes a tenant predicate for service areas', () => {
    const exact = { areaMatches: (area: string, code: string) => area === code };
    expect(checkConstraints(volunteer({ serviceAreas: ['371002002'] }), order(), exact)).toEqual(['area']);
    expect(checkConstraints(volunteer({ serviceAreas: ['371002002005'] }), order(), exact)).toEqual([]);
  });

  it('reports every failed constraint', () => {
    const v = volunteer({ skills: [], serviceAreas: [], openTasks: 3, availability: [] });
    expect(checkConstraints(v, order())).toEqual(['capacity', 'skills', 'area', 'availability']);
  });
});

describe('availability', () => {
  const weds = (start: number, end: number) => [{ weekday: 3, startMinute: start, endMinute: end }];

  it('needs the weekly slots to overlap the window in local time', () => {
    // 10:00–11:00 Shanghai time on a Wednesday.
    expect(checkConstraints(volunteer({ availability: weds(9 * 60, 10 * 60) }), order())).toEqual(['availability']);
    expect(checkConstraints(volunteer({ availability: weds(9 * 60, 10 * 60 + 1) }), order())).toEqual([]);
    expect(checkConstraints(volunteer({ availability: weds(11 * 60, 12 * 60) }), order())).toEqual(['availability']);
    expect(checkConstraints(volunteer({ availability: weds(10 * 60 + 59, 12 * 60) }), order())).toEqual([]);
    expect(checkConstraints(volunteer({ availability: [] }), order())).toEqual(['availability']);
  });

  it('reads the window in the tenant time zone', () => {
    // 02:00 UTC is 10:00 in Shanghai and 03:00 in Berlin (winter).
    const o = order({ window: { start: at('2026-12-02T02:00:00Z'), end: at('2026-12-02T02:30:00Z') } });
    expect(checkConstraints(volunteer({ availability: weds(10 * 60, 10 * 60 + 30) }), o)).toEqual([]);
    expect(checkConstraints(volunteer({ availability: weds(10 * 60, 10 * 60 + 30) }), o, { timeZone: 'UTC' })).toEqual([
      'availability',
    ]);
    const berlin = { ...o, timeZone: 'Europe/Berlin' };
    expect(checkConstraints(volunteer({ availability: weds(10 * 60, 10 * 60 + 30) }), berlin)).toEqual([
      'availability',
    ]);
    expect(checkConstraints(volunteer({ availability: weds(2 * 60 + 30, 3 * 60) }), berlin)).toEqual(['availability']);
    expect(checkConstraints(volunteer({ availability: weds(2 * 60 + 30, 3 * 60 + 1) }), berlin)).toEqual([]);
  });

  it('handles a window across midnight', () => {
    // Wednesday 23:00 → Thursday 01:00.
    const o = order({ window: { start: at('2026-12-02T23:00:00+08:00'), end: at('2026-12-03T01:00:00+08:00') } });
    expect(checkConstraints(volunteer({ availability: [{ weekday: 4, startMinute: 0, endMinute: 30 }] }), o)).toEqual(
      [],
    );
    expect(checkConstraints(volunteer({ availability: [{ weekday: 4, startMinute: 60, endMinute: 120 }] }), o)).toEqual(
      ['availability'],
    );
    expect(
      checkConstraints(volunteer({ availability: [{ weekday: 3, startMinute: 1380, endMinute: 1440 }] }), o),
    ).toEqual([]);
  });

  it('handles a slot across midnight and across the end of the week', () => {
    // Saturday 22:00 → Sunday 02:00, as one slot.
    const slot = [{ weekday: SAT, startMinute: 22 * 60, endMinute: 2 * 60 }];
    const sundayEarly = order({
      window: { start: at('2026-12-06T01:00:00+08:00'), end: at('2026-12-06T01:30:00+08:00') },
    });
    expect(checkConstraints(volunteer({ availability: slot }), sundayEarly)).toEqual([]);
    const sundayLater = order({
      window: { start: at('2026-12-06T02:00:00+08:00'), end: at('2026-12-06T03:00:00+08:00') },
    });
    expect(checkConstraints(volunteer({ availability: slot }), sundayLater)).toEqual(['availability']);
    // Sunday written as 7 (ISO) or 0 (JavaScript).
    const sunday = [{ weekday: SUN, startMinute: 60, endMinute: 90 }];
    expect(checkConstraints(volunteer({ availability: sunday }), sundayEarly)).toEqual([]);
    expect(checkConstraints(volunteer({ availability: [{ ...sunday[0]!, weekday: 0 }] }), sundayEarly)).toEqual([]);
  });

  it('handles a window across the end of the week and a window of more than a week', () => {
    // Saturday 23:00 → Monday 01:00.
    const o = order({ window: { start: at('2026-12-05T23:00:00+08:00'), end: at('2026-12-07T01:00:00+08:00') } });
    expect(
      checkConstraints(volunteer({ availability: [{ weekday: SUN, startMinute: 600, endMinute: 660 }] }), o),
    ).toEqual([]);
    expect(checkConstraints(volunteer({ availability: [{ weekday: MON, startMinute: 0, endMinute: 30 }] }), o)).toEqual(
      [],
    );
    expect(checkConstraints(volunteer({ availability: [{ weekday: TUE, startMinute: 0, endMinute: 30 }] }), o)).toEqual(
      ['availability'],
    );
    const long = order({ window: { start: at('2026-12-01T00:00:00+08:00'), end: at('2026-12-09T00:00:00+08:00') } });
    expect(
      checkConstraints(volunteer({ availability: [{ weekday: TUE, startMinute: 0, endMinute: 30 }] }), long),
    ).toEqual([]);
  });

  it('reads local time across a daylight-saving change', () => {
    // Berlin, 29 March 2026: 01:30 → 03:30 local is one hour of absolute time.
    const w = windowToIntervals(
      { start: at('2026-03-29T01:30:00+01:00'), end: at('2026-03-29T03:30:00+02:00') },
      'Europe/Berlin',
    );
    expect(w).toEqual([90, 210]);
  });

  it('finds nothing in an empty or inverted window', () => {
    const start = at('2026-12-02T10:00:00+08:00');
    expect(windowToIntervals({ start, end: start }, 'Asia/Shanghai')).toEqual([]);
    expect(windowToIntervals({ start, end: at('2026-12-02T09:00:00+08:00') }, 'Asia/Shanghai')).toEqual([]);
  });

  it('rounds the window outwards to whole minutes', () => {
    const w = windowToIntervals(
      { start: at('2026-12-02T10:00:30+08:00'), end: at('2026-12-02T10:05:10+08:00') },
      'Asia/Shanghai',
    );
    expect(w).toEqual([3 * 1440 + 600, 3 * 1440 + 606]);
  });

  it('counts week minutes from Sunday midnight', () => {
    expect(weekMinute(at('2026-12-06T00:00:00+08:00').getTime(), 'Asia/Shanghai')).toBe(0);
    expect(weekMinute(at('2026-12-05T23:59:00+08:00').getTime(), 'Asia/Shanghai')).toBe(7 * 1440 - 1);
    expect(slotsToIntervals([{ weekday: SAT, startMinute: 1380, endMinute: 60 }])).toEqual([
      6 * 1440 + 1380,
      7 * 1440,
      0,
      60,
    ]);
  });
});

/** The local week minute read straight from Intl, every time. */
function readDirectly(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(epochMs);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday'));
  return day * 1440 + Number(part('hour')) * 60 + Number(part('minute'));
}

describe('week minutes (read once per hour)', () => {
  // Each zone with instants of its changes in 2026: daylight saving of an hour (at a whole UTC hour), of an hour
  // at half past a UTC hour (St John's), of half an hour (Lord Howe, one change at half past), and none.
  const changes: [string, string[]][] = [
    ['Europe/Berlin', ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z']],
    ['America/St_Johns', ['2026-03-08T05:30:00Z', '2026-11-01T04:30:00Z']],
    ['Australia/Lord_Howe', ['2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z']],
    ['Asia/Kathmandu', ['2026-06-01T00:00:00Z']],
    ['Asia/Shanghai', ['2026-12-06T00:00:00Z']],
  ];
  const instants = changes.flatMap(([zone, at]) => at.map((iso): [string, number] => [zone, Date.parse(iso)]));

  it('equal Intl’s reading at every instant, across daylight-saving changes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...instants),
        fc.integer({ min: -3 * 24 * 60, max: 3 * 24 * 60 }),
        fc.integer({ min: 0, max: 59_999 }),
        fc.boolean(),
        ([zone, change], minutes, ms, whole) => {
          const epochMs = change + minutes * 60_000 + (whole ? 0 : ms);
          expect(weekMinute(epochMs, zone)).toBe(readDirectly(epochMs, zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('equal Intl’s reading at every minute of the hours around a change', () => {
    for (const [zone, change] of instants) {
      for (let minute = -150; minute <= 150; minute++) {
        const epochMs = change + minute * 60_000;
        expect(weekMinute(epochMs, zone)).toBe(readDirectly(epochMs, zone));
      }
    }
  });
});

describe('blocks in the search', () => {
  it('never suggests a volunteer blocked either way, however near, and still the others', () => {
    const near = volunteer({ id: 'near', userId: 'u-near', lat: 37.5, lng: 122.1 });
    const far = volunteer({ id: 'far', userId: 'u-far', lat: 37.52, lng: 122.12 });
    const ids = (vs: DispatchVolunteer[], o: DispatchOrder) =>
      topCandidates(buildDispatchIndex(vs), o, { k: 5 }).map((c) => c.volunteerId);
    expect(ids([near, far], order())).toEqual(['near', 'far']);
    // The resident blocked "near" (loaded on the volunteer, as the orders module does) …
    expect(ids([{ ...near, blockedUserIds: ['u-resident'] }, far], order())).toEqual(['far']);
    // … or the order names the volunteers its resident blocked.
    expect(ids([near, far], order({ blockedUserIds: ['u-near'] }))).toEqual(['far']);
    expect(ids([{ ...near, blockedUserIds: ['u-someone'] }, far], order())).toEqual(['near', 'far']);
  });
});

describe('the tenant’s weights', () => {
  it('change the ranking: a near but busy volunteer first by default, the idle one when fairness weighs more', () => {
    const busyNear = volunteer({ id: 'busy', userId: 'u-busy', lat: 37.5, lng: 122.1, recentServices: 10 });
    const idleFar = volunteer({ id: 'idle', userId: 'u-idle', lat: 37.51, lng: 122.11, recentServices: 0 });
    const index = buildDispatchIndex([busyNear, idleFar]);
    const ranked = (weights?: CandidateOptions['weights']) =>
      topCandidates(index, order(), { k: 2, weights }).map((c) => c.volunteerId);
    expect(ranked({ fairness: 0.1 })).toEqual(['busy', 'idle']);
    expect(ranked({ fairness: 10 })).toEqual(['idle', 'busy']);
    expect(ranked({ distance: 20, fairness: 10 })).toEqual(['busy', 'idle']);
  });
});
