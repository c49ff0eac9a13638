/** Editing a session keeps its self check-in point; clearing the three fields removes it; half a point is refused. */
import { describe, expect, it, vi } from 'vitest';
import type { Session } from '../../h5/academy/data.js';

// The i18n module reads the page's language; only the time formatters need it.
vi.mock('../../i18n/index.js', () => ({ currentLanguage: () => 'zh-CN' }));

import { pointComplete, sessionBody, sessionValues } from './session-form.js';

const session: Session = {
  id: 's1',
  courseId: 'c1',
  courseTitle: '急救技能培训',
  category: 'first_aid',
  regionCode: '371002001001',
  startsAt: '2026-12-10T01:00:00.000Z',
  endsAt: '2026-12-10T04:00:00.000Z',
  place: '威海职业学院实训楼',
  capacity: 40,
  enrolled: 3,
  cancelled: false,
  checkinPoint: { lng: 122.1205, lat: 37.5102, radiusM: 150 },
  myEnrolment: null,
};

describe('session form', () => {
  it('an unchanged edit sends the same point, times and place back', () => {
    const body = sessionBody(sessionValues(session, undefined) as Parameters<typeof sessionBody>[0]);
    expect(body).toEqual({
      regionCode: session.regionCode,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      place: session.place,
      capacity: 40,
      checkinPoint: session.checkinPoint,
    });
  });

  it('a session without a point stays without; emptied fields clear it', () => {
    const none = sessionValues({ ...session, checkinPoint: null }, undefined);
    expect(sessionBody(none as Parameters<typeof sessionBody>[0]).checkinPoint).toBeNull();
    const cleared = { ...sessionValues(session, undefined), lng: null, lat: null, radiusM: null };
    expect(sessionBody(cleared as Parameters<typeof sessionBody>[0]).checkinPoint).toBeNull();
  });

  it('half a point is incomplete; all or none is complete', () => {
    expect(pointComplete({ lng: 122.1, lat: null, radiusM: 100 })).toBe(false);
    expect(pointComplete({ lng: 122.1, lat: 37.5, radiusM: undefined })).toBe(false);
    expect(pointComplete({ lng: 122.1, lat: 37.5, radiusM: 100 })).toBe(true);
    expect(pointComplete({})).toBe(true);
  });

  it('a new session starts with the first region and 30 seats, no point', () => {
    expect(sessionValues(null, '371002')).toEqual({ regionCode: '371002', capacity: 30 });
  });
});
