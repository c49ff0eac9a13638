/**
 * Seeded synthetic dispatch instances: a district-sized area around Weihai's Huancui district (≈ 22 × 20 km), with
 * volunteers clustered around communities, the service skills of the default taxonomy, weekly slots, capacities,
 * ratings and recent load. The same seed gives the same instance.
 */
import type { DispatchOrder, DispatchVolunteer, WeeklySlot } from '../src/server/modules/dispatch/index.js';

export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CENTRE = { lat: 37.5, lng: 122.1 };
const HALF_LAT = 0.09; // ≈ 10 km
const HALF_LNG = 0.125; // ≈ 11 km at 37.5° N
const STREETS = 10;
const COMMUNITIES_PER_STREET = 8;
/** Skill codes with how common they are among volunteers. */
const SKILLS: [string, number][] = [
  ['elderly_disabled', 0.35],
  ['environment', 0.3],
  ['culture', 0.2],
  ['health', 0.15],
  ['tutoring', 0.15],
  ['repair', 0.12],
  ['civility', 0.12],
  ['legal', 0.05],
  ['psychology', 0.05],
  ['emergency', 0.06],
];

interface Community {
  code: string;
  street: string;
  lat: number;
  lng: number;
}

function gaussian(next: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

function communities(next: () => number): Community[] {
  const out: Community[] = [];
  for (let s = 1; s <= STREETS; s++) {
    const street = `371002${String(s).padStart(3, '0')}`;
    const sLat = CENTRE.lat + (next() * 2 - 1) * HALF_LAT * 0.8;
    const sLng = CENTRE.lng + (next() * 2 - 1) * HALF_LNG * 0.8;
    for (let c = 1; c <= COMMUNITIES_PER_STREET; c++) {
      out.push({
        code: `${street}${String(c).padStart(3, '0')}`,
        street,
        lat: sLat + gaussian(next) * 0.012,
        lng: sLng + gaussian(next) * 0.015,
      });
    }
  }
  return out;
}

function slots(next: () => number): WeeklySlot[] {
  const out: WeeklySlot[] = [];
  // Weekend days for many, weekday evenings or mornings for others.
  if (next() < 0.6) out.push({ weekday: 6, startMinute: 8 * 60, endMinute: 18 * 60 });
  if (next() < 0.6) out.push({ weekday: 7, startMinute: 8 * 60, endMinute: 18 * 60 });
  for (let day = 1; day <= 5; day++) {
    const r = next();
    if (r < 0.3) out.push({ weekday: day, startMinute: 18 * 60, endMinute: 21 * 60 });
    else if (r < 0.5) out.push({ weekday: day, startMinute: 8 * 60, endMinute: 12 * 60 });
  }
  // Retired volunteers, the backbone of community service: two weekday daytimes.
  if (next() < 0.35) {
    const first = 1 + Math.floor(next() * 5);
    const second = 1 + ((first + 1 + Math.floor(next() * 3)) % 5);
    for (const day of [first, second]) out.push({ weekday: day, startMinute: 9 * 60, endMinute: 17 * 60 });
  }
  if (out.length === 0) out.push({ weekday: 1 + Math.floor(next() * 5), startMinute: 9 * 60, endMinute: 17 * 60 });
  return out;
}

export function volunteersOf(count: number, seed: number): DispatchVolunteer[] {
  const next = mulberry32(seed);
  const places = communities(mulberry32(1));
  return Array.from({ length: count }, (_, i) => {
    const home = places[Math.floor(next() * places.length)] as Community;
    const skills = SKILLS.filter(([, share]) => next() < share).map(([code]) => code);
    const capacity = 1 + Math.floor(next() * 3);
    const r = next();
    return {
      id: `v${i}`,
      userId: `u${i}`,
      lat: home.lat + gaussian(next) * 0.007,
      lng: home.lng + gaussian(next) * 0.009,
      skills,
      serviceAreas: r < 0.1 ? ['371002'] : r < 0.75 ? [home.street] : [home.code],
      availability: slots(next),
      openTasks: next() < 0.7 ? 0 : Math.floor(next() * capacity),
      capacity,
      rating: next() < 0.25 ? null : 3 + Math.round(next() * 20) / 10,
      recentServices: Math.floor(-Math.log(1 - next()) * 3),
    };
  });
}

export function ordersOf(count: number, seed: number): DispatchOrder[] {
  const next = mulberry32(seed);
  const places = communities(mulberry32(1));
  // Monday 2026-12-07 00:00 Asia/Shanghai; windows of two hours between 08:00 and 20:00 over the week.
  const monday = Date.parse('2026-12-07T00:00:00+08:00');
  return Array.from({ length: count }, (_, i) => {
    const place = places[Math.floor(next() * places.length)] as Community;
    const start = monday + Math.floor(next() * 7) * 86_400_000 + (8 + Math.floor(next() * 11)) * 3_600_000;
    const needs = next() < 0.6 ? [pickSkill(next)] : [];
    return {
      id: `o${i}`,
      lat: place.lat + gaussian(next) * 0.006,
      lng: place.lng + gaussian(next) * 0.008,
      requiredSkills: needs,
      preferredSkills: next() < 0.3 ? [pickSkill(next)].filter((s) => !needs.includes(s)) : [],
      regionCode: place.code,
      window: { start: new Date(start), end: new Date(start + 2 * 3_600_000) },
      ordererUserId: `resident${i}`,
    };
  });
}

function pickSkill(next: () => number): string {
  const total = SKILLS.reduce((sum, [, share]) => sum + share, 0);
  let r = next() * total;
  for (const [code, share] of SKILLS) {
    r -= share;
    if (r < 0) return code;
  }
  return SKILLS[0]?.[0] as string;
}
