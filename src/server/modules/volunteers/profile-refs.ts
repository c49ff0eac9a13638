/** Checks the references a profile names (community, skills, service areas, availability) against the tenant's data. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { regions } from '../regions/index.js';
import { skills } from './schema.js';

export interface ProfileRefsInput {
  skills?: string[];
  serviceAreas?: string[];
  availability?: { weekday: number; start: string; end: string }[];
}

export const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const fromMinute = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export interface ResolvedAvailability {
  weekday: number;
  startMinute: number;
  endMinute: number;
}

/** Validates skills, service areas and availability; throws one VALIDATION_FAILED listing every problem. */
export async function checkProfileRefs(db: Db, tenantId: string, input: ProfileRefsInput) {
  const details: ErrorDetail[] = [];
  const skillCodes = [...new Set(input.skills ?? [])];
  if (skillCodes.length) {
    const found = await db
      .select({ code: skills.code })
      .from(skills)
      .where(and(eq(skills.tenantId, tenantId), eq(skills.active, true), inArray(skills.code, skillCodes)));
    const have = new Set(found.map((s) => s.code));
    skillCodes.forEach((code) => {
      if (!have.has(code))
        details.push({
          field: `body.skills.${input.skills?.indexOf(code)}`,
          message: `技能“${code}”不存在`,
          messageEn: `Unknown skill ${code}`,
        });
    });
  }
  const areaCodes = [...new Set(input.serviceAreas ?? [])];
  if (areaCodes.length) {
    const found = await db
      .select({ code: regions.code })
      .from(regions)
      .where(and(eq(regions.tenantId, tenantId), inArray(regions.code, areaCodes)));
    const have = new Set(found.map((r) => r.code));
    areaCodes.forEach((code) => {
      if (!have.has(code))
        details.push({
          field: `body.serviceAreas.${input.serviceAreas?.indexOf(code)}`,
          message: `服务区域“${code}”不存在`,
          messageEn: `Unknown region ${code}`,
        });
    });
  }
  const availability: ResolvedAvailability[] = (input.availability ?? []).map((s) => ({
    weekday: s.weekday,
    startMinute: toMinute(s.start),
    endMinute: toMinute(s.end),
  }));
  availability.forEach((slot, i) => {
    const overlaps = availability.some(
      (other, j) =>
        j < i &&
        other.weekday === slot.weekday &&
        other.startMinute < slot.endMinute &&
        slot.startMinute < other.endMinute,
    );
    if (overlaps)
      details.push({
        field: `body.availability.${i}`,
        message: '同一天的空闲时段不能重叠',
        messageEn: 'Slots on the same day must not overlap',
      });
  });
  if (details.length) throw new AppError('VALIDATION_FAILED', details);
  return { skillCodes, areaCodes, availability };
}

/** The home region must be a community of the tenant. */
export async function findCommunity(db: Db, tenantId: string, code: string) {
  const [row] = await db
    .select({ code: regions.code, name: regions.shortName, level: regions.level })
    .from(regions)
    .where(and(eq(regions.tenantId, tenantId), eq(regions.code, code)));
  return row?.level === 'community' ? row : null;
}
