/**
 * Many synthetic volunteers in one statement per table (INSERT … SELECT generate_series), for
 * query-plan tests and the bench's large-data mode. Users and volunteers are spread evenly over
 * the demo district's communities; names come from 20 surnames and 40 given-name characters, so
 * that a two-character name such as 张伟 is about one in 1,200. Numbers are `HC19` + 8 digits.
 */
import { sql } from 'drizzle-orm';
import type { Config } from '../src/server/platform/config.js';
import type { Db } from '../src/server/platform/db.js';
import { piiFor } from '../src/server/platform/pii.js';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志文海波宁晨东雪峰';

export interface BulkOptions {
  /** First sequence number: fill in several steps without colliding. */
  from?: number;
  /** Also add teams (one per 50 volunteers), memberships, audit rows and notifications in proportion. */
  related?: boolean;
}

/** `config` supplies the PII key: every synthetic volunteer carries the same sealed ID number. */
export async function fillVolunteers(db: Db, config: Config, count: number, options: BulkOptions = {}): Promise<void> {
  const from = options.from ?? 0;
  const sealed = piiFor(config).encrypt('37100219800101000X', '371002');
  const to = from + count - 1;
  const uid = (i: string) => sql.raw(`md5('bulk-user-' || ${i})::uuid`);
  await db.execute(sql`
    insert into users (tenant_id, id, phone, display_name, password_hash)
    select '371002', ${uid('i')}, '19' || lpad(i::text, 9, '0'),
      substr(${SURNAMES}, 1 + i % 20, 1) || substr(${GIVEN}, 1 + (i / 20) % 40, 1)
        || case when i % 3 = 0 then substr(${GIVEN}, 1 + (i / 800) % 40, 1) else '' end,
      '!'
    from generate_series(${from}::int, ${to}::int) as i`);
  await db.execute(sql`
    with c as (select array_agg(code order by code) as codes from regions where tenant_id = '371002' and level = 'community')
    insert into volunteers (tenant_id, user_id, number, name, id_number_sealed, id_number_hash,
      birth_year, gender, region_code, status, registered_via)
    select '371002', ${uid('i')}, 'HC19' || lpad(i::text, 8, '0'), u.display_name, ${sealed}, md5('bulk-id-' || i),
      1980, case when i % 2 = 0 then 'male' else 'female' end,
      c.codes[1 + i % array_length(c.codes, 1)], 'active', 'import'
    from generate_series(${from}::int, ${to}::int) as i
    cross join c
    join users u on u.tenant_id = '371002' and u.id = ${uid('i')}`);
  if (!options.related) return;
  const teams = Math.max(1, Math.floor(count / 50));
  await db.execute(sql`
    with c as (select array_agg(code order by code) as codes from regions where tenant_id = '371002' and level = 'community')
    insert into organisations (tenant_id, id, kind, name, region_code, join_mode)
    select '371002', md5('bulk-team-' || t)::uuid, 'team', '志愿服务队' || lpad(t::text, 7, '0'),
      c.codes[1 + t % array_length(c.codes, 1)], 'open'
    from generate_series(${Math.floor(from / 50)}::int, ${Math.floor(from / 50) + teams - 1}::int) as t cross join c`);
  await db.execute(sql`
    insert into organisation_members (tenant_id, organisation_id, user_id, role)
    select '371002', md5('bulk-team-' || (i / 50))::uuid, ${uid('i')}, case when i % 50 = 0 then 'leader' else 'member' end
    from generate_series(${from}::int, ${from + teams * 50 - 1}::int) as i`);
  await db.execute(sql`
    insert into audit_log (tenant_id, action, entity_type, entity_id, region_code, detail)
    select '371002', 'volunteer.register', 'volunteer', v.id::text, v.region_code, '{}'::jsonb
    from volunteers v where v.tenant_id = '371002' and v.number between ${`HC19${String(from).padStart(8, '0')}`}
      and ${`HC19${String(to).padStart(8, '0')}`}`);
  await db.execute(sql`
    insert into notifications (tenant_id, user_id, kind, title, body)
    select '371002', ${uid('i')}, 'organisation.join_approved', '加入成功', ''
    from generate_series(${from}::int, ${to}::int) as i`);
}
