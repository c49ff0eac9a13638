/**
 * The synthetic activities' teams (one per subdistrict without a team) and volunteers (accounts without a
 * password; their profiles come with seed-demo-volunteers.ts).
 */
import { eq } from 'drizzle-orm';
import { createUsersWithoutPassword } from '../modules/accounts/index.js';
import { organisations } from '../modules/organisations/index.js';
import type { Db } from '../platform/db.js';
import { GIVEN, SURNAMES, syntheticPhoneOf } from './synthetic.js';

const JINGYUAN = '371002002';

export async function teamsAndVolunteers(
  tx: Db,
  tenantId: string,
  subdistricts: { code: string; shortName: string }[],
  volunteers: number,
) {
  // Teams: the tenant's own, and one synthetic team for each subdistrict that has none.
  const existing = await tx
    .select({ id: organisations.id, regionCode: organisations.regionCode, kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.tenantId, tenantId))
    .orderBy(organisations.name);
  const missing = subdistricts.filter((s) => !existing.some((o) => o.kind === 'team' && o.regionCode === s.code));
  const added = missing.length
    ? await tx
        .insert(organisations)
        .values(
          missing.map((s) => ({
            tenantId,
            kind: 'team' as const,
            name: `${s.shortName}志愿服务队`,
            regionCode: s.code,
            description: `${s.shortName}的综合志愿服务队（合成演示数据）。`,
            joinMode: 'approval' as const,
          })),
        )
        .returning({ id: organisations.id, regionCode: organisations.regionCode, kind: organisations.kind })
    : [];
  const teams = [...existing, ...added].filter((o) => o.kind === 'team');
  const teamOf = (regionCode: string) =>
    (teams.find((t) => regionCode.startsWith(t.regionCode)) ?? teams[0]) as (typeof teams)[number];

  // Volunteers: accounts without a password, each living in a subdistrict (more in 鲸园街道).
  const homes = subdistricts.flatMap((s) => (s.code === JINGYUAN ? [s, s, s] : [s]));
  const people = Array.from({ length: volunteers }, (_, i) => ({
    id: '',
    phone: syntheticPhoneOf('activityVolunteer', i),
    name: `${SURNAMES[(i * 11) % SURNAMES.length]}${GIVEN[(i * 7 + Math.floor(i / SURNAMES.length)) % GIVEN.length]}`,
    home: (homes[i % homes.length] as (typeof homes)[number]).code,
  }));
  const created = await createUsersWithoutPassword(
    tx,
    tenantId,
    people.map((p) => ({ phone: p.phone, displayName: p.name })),
  );
  const idOf = new Map(created.map((c) => [c.phone, c.id]));
  for (const p of people) p.id = idOf.get(p.phone) as string;
  return { teamOf, people };
}
