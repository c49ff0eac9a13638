/**
 * Costs that must not grow with the data: with 20,000 volunteers, the scope filter, the name and
 * number search, the organisations directory and the audit log of a small scope each read an
 * index (never the whole table), and the search finds what a keeper expects.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillVolunteers } from '../../../../test/bulk.js';
import { accessOf, planNodes, recordingDb } from '../../../../test/explain.js';
import { createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import type { Actor } from '../../platform/access.js';
import type { Ctx } from '../../platform/context.js';
import { listAudit } from '../audit/index.js';
import { listOrganisations } from '../organisations/index.js';
import { listVolunteers } from './list-volunteers.js';

let t: TestContext;
const COMMUNITY = '371002002005';

beforeAll(async () => {
  t = await createTestApp();
  await fillVolunteers(t.database.db, t.config, 20_000, { related: true });
  // A small community: a handful of volunteers (and their audit entries) among 20,000.
  for (const table of ['volunteers', 'audit_log'])
    await t.database.db.execute(
      sql.raw(`update ${table} set region_code = '371002002001'
        where region_code = '${COMMUNITY}' and ${table === 'volunteers' ? 'number' : 'entity_id'} not in (
          select ${table === 'volunteers' ? 'number' : 'entity_id'} from ${table}
          where region_code = '${COMMUNITY}' order by 1 limit 5)`),
    );
  await t.database.db.execute(sql`analyze`);
}, 300_000);
afterAll(() => t.close());

const actorOf = (role: 'station_keeper' | 'centre_admin', regionCode: string): Actor => ({
  tenantId: '371002',
  userId: '00000000-0000-0000-0000-000000000000',
  displayName: 'plan test',
  grants: [{ role, regionCode, organisationId: null }],
});

/** The statements a use case sends, with how each reads `relation`. */
async function accessPaths(relation: string, run: (ctx: Ctx) => Promise<unknown>, actor: Actor | null) {
  const { db, queries } = recordingDb(t.database);
  await run({ db, config: t.config, tenantId: '371002', actor, ip: null, requestId: null });
  const paths: string[] = [];
  for (const q of queries) paths.push(...accessOf(await planNodes(t.database, q), relation));
  return paths;
}

const count = async (where: string) =>
  Number(
    (
      (await t.database.db.execute(sql.raw(`select count(*)::int as n from volunteers where ${where}`))) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]?.n,
  );

describe('query plans with 20,000 volunteers', () => {
  it('takes a small scope (one community) from the region index', async () => {
    const paths = await accessPaths(
      'volunteers',
      (ctx) => listVolunteers(ctx, { limit: 20 }),
      actorOf('station_keeper', COMMUNITY),
    );
    expect(paths).not.toContain('Seq Scan');
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/volunteers_region_idx:.*region_code/)]));
  });

  it('finds a two-character name through the index of name pairs', async () => {
    const paths = await accessPaths(
      'volunteers',
      (ctx) => listVolunteers(ctx, { q: '张伟', limit: 20 }),
      actorOf('centre_admin', '371002'),
    );
    expect(paths).not.toContain('Seq Scan');
    expect(paths.join()).toContain('volunteers_name_grams_idx');
  });

  it('finds a volunteer number as a range on its index', async () => {
    const paths = await accessPaths(
      'volunteers',
      (ctx) => listVolunteers(ctx, { q: 'HC1900001', limit: 20 }),
      actorOf('centre_admin', '371002'),
    );
    expect(paths).not.toContain('Seq Scan');
    // A range on a number index (the text_pattern_ops one; under the C collation the unique one serves too).
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/volunteers_number_\w+:.*number/)]));
  });

  it('takes the organisations page from the directory index and counts members for that page only', async () => {
    const orgs = await accessPaths(
      'organisations',
      (ctx) => listOrganisations(ctx, { status: 'active', limit: 20 }),
      null,
    );
    expect(orgs).not.toContain('Seq Scan');
    expect(orgs.join()).toContain('organisations_directory_idx');
    const members = await accessPaths(
      'organisation_members',
      (ctx) => listOrganisations(ctx, { status: 'active', limit: 20 }),
      null,
    );
    expect(members).not.toContain('Seq Scan');
  });

  it('reads the audit log of a small scope from the region index', async () => {
    const paths = await accessPaths(
      'audit_log',
      (ctx) => listAudit(ctx, { limit: 20 }),
      actorOf('station_keeper', COMMUNITY),
    );
    expect(paths).not.toContain('Seq Scan');
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/audit_log_region_idx:.*region_code/)]));
  });
});

describe('what the search finds', () => {
  const search = async (q: string) => {
    const admin = await signIn(t.app, demo.centreAdmin);
    const res = await admin.get(`/api/v1/volunteers?limit=100&q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { name: string; number: string }[];
  };

  it('finds two or more characters anywhere in the name', async () => {
    const items = await search('张伟');
    expect(items.length).toBe(Math.min(100, await count(`name like '%张伟%'`)));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((v) => v.name.includes('张伟'))).toBe(true);
    const middle = await search('伟芳');
    expect(middle.length).toBe(Math.min(100, await count(`name like '%伟芳%'`)));
    expect(middle.every((v) => v.name.includes('伟芳') && !v.name.startsWith('伟芳'))).toBe(true);
  });

  it('takes one character as a surname', async () => {
    const items = await search('伟');
    expect(items).toEqual([]);
    const zhang = await search('张');
    expect(zhang).toHaveLength(100);
    expect(zhang.every((v) => v.name.startsWith('张'))).toBe(true);
  });

  it('takes anything with a digit as the start of a volunteer number, with or without its prefix', async () => {
    expect((await search('HC1900000012')).map((v) => v.number)).toEqual(['HC1900000012']);
    expect((await search('hc1900000012')).map((v) => v.number)).toEqual(['HC1900000012']);
    expect((await search('1900000012')).map((v) => v.number)).toEqual(['HC1900000012']);
    const tens = await search('HC190000001');
    expect(tens.map((v) => v.number)).toEqual(Array.from({ length: 10 }, (_, i) => `HC190000001${9 - i}`));
  });

  it('takes a full phone number as the account’s phone', async () => {
    expect((await search('19000000012')).map((v) => v.number)).toEqual(['HC1900000012']);
  });
});
