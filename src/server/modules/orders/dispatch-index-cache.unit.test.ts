import { describe, expect, it } from 'vitest';
import { type DispatchOrder, type DispatchVolunteer, topCandidates } from '../dispatch/index.js';
import { dispatchIndexFor } from './dispatch-index-cache.js';

const volunteer = (id: string, km: number): DispatchVolunteer => ({
  id,
  userId: `u-${id}`,
  lat: 37.5 + km / 111.2,
  lng: 122.1,
  skills: ['haircut'],
  serviceAreas: ['371002002'],
  availability: [{ weekday: 6, startMinute: 0, endMinute: 1440 }],
  openTasks: 0,
  capacity: 2,
  rating: 5,
  recentServices: 0,
});
const order: DispatchOrder = {
  id: 'o',
  lat: 37.5,
  lng: 122.1,
  requiredSkills: ['haircut'],
  regionCode: '371002002005',
  window: { start: new Date('2026-12-05T10:00:00+08:00'), end: new Date('2026-12-05T11:00:00+08:00') },
  ordererUserId: 'resident',
};
const top = (volunteers: DispatchVolunteer[]) =>
  topCandidates(dispatchIndexFor('tenant 371002002005', volunteers), order, { k: 3 }).map((c) => c.volunteerId);

describe('the dispatch index kept between requests', () => {
  it('is reused while the loaded facts are the same, and rebuilt when any volunteer changed', () => {
    const loaded = () => [volunteer('near', 0.5), volunteer('mid', 1), volunteer('far', 2)];
    const first = dispatchIndexFor('tenant 371002002005', loaded());
    expect(dispatchIndexFor('tenant 371002002005', loaded())).toBe(first);
    expect(top(loaded())).toEqual(['near', 'mid', 'far']);

    const changes: [string, (v: DispatchVolunteer) => DispatchVolunteer, string[]][] = [
      ['skills', (v) => ({ ...v, skills: ['legal'] }), ['mid', 'far']],
      [
        'availability',
        (v) => ({ ...v, availability: [{ weekday: 5, startMinute: 0, endMinute: 1440 }] }),
        ['mid', 'far'],
      ],
      ['service areas', (v) => ({ ...v, serviceAreas: ['371002001'] }), ['mid', 'far']],
      ['open tasks', (v) => ({ ...v, openTasks: 2 }), ['mid', 'far']],
      ['blocks', (v) => ({ ...v, blockedUserIds: ['resident'] }), ['mid', 'far']],
      ['position', (v) => ({ ...v, lat: 37.5 + 3 / 111.2 }), ['mid', 'far', 'near']],
    ];
    for (const [what, change, want] of changes) {
      const [near, ...rest] = loaded();
      expect(top([change(near as DispatchVolunteer), ...rest]), what).toEqual(want);
      expect(top(loaded()), `${what}, back`).toEqual(['near', 'mid', 'far']);
    }
    expect(top(loaded().slice(1)), 'left').toEqual(['mid', 'far']);
  });
});
