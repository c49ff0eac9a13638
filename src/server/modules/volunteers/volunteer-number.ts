import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { volunteerNumberSequences } from './schema.js';

/** `HC` + 2026 + 000001 → `HC2026000001`. Carries nothing from the ID number. */
export const formatVolunteerNumber = (prefix: string, year: number, seq: number) =>
  `${prefix}${year}${String(seq).padStart(6, '0')}`;

/** The calendar year in the tenant's time zone. */
export function yearIn(timeZone: string, at = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(at));
}

/**
 * Reserves `count` consecutive numbers. The upsert takes the sequence row's lock until the calling
 * transaction ends, so concurrent registrations queue on it and never share a number; a rolled-back
 * registration gives its numbers back.
 */
export async function allocateVolunteerNumbers(
  tx: Db,
  input: { tenantId: string; prefix: string; year: number; count: number },
): Promise<string[]> {
  if (input.count <= 0) return [];
  const [row] = await tx
    .insert(volunteerNumberSequences)
    .values({ tenantId: input.tenantId, prefix: input.prefix, year: input.year, last: input.count })
    .onConflictDoUpdate({
      target: [volunteerNumberSequences.tenantId, volunteerNumberSequences.prefix, volunteerNumberSequences.year],
      set: { last: sql`${volunteerNumberSequences.last} + ${input.count}` },
    })
    .returning({ last: volunteerNumberSequences.last });
  if (!row) throw new Error('volunteer number allocation failed');
  const first = row.last - input.count + 1;
  return Array.from({ length: input.count }, (_, i) => formatVolunteerNumber(input.prefix, input.year, first + i));
}
