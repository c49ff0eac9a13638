/**
 * Bulk import from the Excel template. Every row is checked (field by field, against the other
 * rows and against the database) before anything is written; then either the valid rows, or all
 * rows only when none is invalid, are created in one transaction with batched inserts.
 * Imported volunteers are active (the station collected the paper forms) and get no password:
 * their accounts carry NO_PASSWORD until the person sets one by a code sent to their phone.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { ageClass, ageMessages, todayIn } from '../../../shared/age-rules.js';
import { idProblemMessages, parseIdNumber } from '../../../shared/id-card.js';
import { phonePattern } from '../../../shared/phone.js';
import { type Actor, inScope } from '../../platform/access.js';
import { auditLog } from '../../platform/audit-schema.js';
import { type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { actorCache, createUsersWithoutPassword, grantRole, users } from '../accounts/index.js';
import { regions } from '../regions/index.js';
import { CURRENT_CONSENT_VERSION } from './contract.js';
import { sealIdNumber, withUniqueAnswers } from './create-volunteer.js';
import { readAgeRules } from './minors.js';
import { defaultCommunity } from './register-volunteer-at-desk.js';
import { skills, volunteerConsents, volunteerServiceAreas, volunteerSkills, volunteers } from './schema.js';
import { allocateVolunteerNumbers, yearIn } from './volunteer-number.js';
import {
  type ImportColumnKey,
  importColumns,
  readImportSheet,
  SheetFormatError,
  type SheetRow,
  splitList,
} from './volunteer-sheet.js';

export type ImportMode = 'validate' | 'apply-valid' | 'all-or-nothing';

export interface ImportError {
  row: number;
  column: string;
  field: string;
  message: string;
  messageEn: string;
}

interface ValidRow {
  row: number;
  name: string;
  phone: string;
  idNumber: string;
  regionCode: string;
  skillCodes: string[];
  areaCodes: string[];
  address: string | null;
}

const CHUNK = 500;
const YES = new Set(['是', 'Y', 'YES', '1', 'TRUE', '√', '✓', '已签署']);
const columnHeader = (key: ImportColumnKey) => importColumns.find((c) => c.key === key)?.header ?? key;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Lookup tables: regions by code and by unique name, skills by code and name. */
async function loadReferenceData(ctx: Ctx) {
  const regionRows = await ctx.db
    .select({ code: regions.code, name: regions.name, shortName: regions.shortName, level: regions.level })
    .from(regions)
    .where(eq(regions.tenantId, ctx.tenantId));
  const byName = new Map<string, string | null>();
  const addName = (name: string, code: string) =>
    byName.set(name, byName.has(name) && byName.get(name) !== code ? null : code);
  for (const r of regionRows) {
    addName(r.shortName, r.code);
    addName(r.name, r.code);
  }
  const skillRows = await ctx.db
    .select({ code: skills.code, name: skills.name })
    .from(skills)
    .where(and(eq(skills.tenantId, ctx.tenantId), eq(skills.active, true)));
  const skillByKey = new Map<string, string>();
  for (const s of skillRows) {
    skillByKey.set(s.code, s.code);
    skillByKey.set(s.name, s.code);
  }
  return {
    ageRules: await readAgeRules(ctx.db, ctx.tenantId),
    today: todayIn('Asia/Shanghai'),
    regionByCode: new Map(regionRows.map((r) => [r.code, r])),
    regionCodeByName: byName,
    skillByKey,
  };
}

type Refs = Awaited<ReturnType<typeof loadReferenceData>>;

function resolveRegion(refs: Refs, value: string): string | null {
  if (/^\d{6,12}$/.test(value)) return refs.regionByCode.has(value) ? value : null;
  return refs.regionCodeByName.get(value) ?? null;
}

/** Field-by-field checks of one row, without the database (except the reference data). */
function checkRow(actor: Actor, refs: Refs, fallbackCommunity: string | null, r: SheetRow) {
  const errors: ImportError[] = [];
  const fail = (key: ImportColumnKey, message: string, messageEn: string) =>
    errors.push({ row: r.row, column: columnHeader(key), field: key, message, messageEn });

  if (!r.name) fail('name', '姓名不能为空', 'The name is required');
  else if (r.name.length > 40) fail('name', '姓名最多40个字', 'At most 40 characters');

  if (!r.phone) fail('phone', '手机号不能为空', 'The phone number is required');
  else if (!phonePattern.test(r.phone)) fail('phone', '手机号应为11位数字', 'Enter an 11-digit mobile number');

  let idNumber = '';
  if (!r.idNumber) fail('idNumber', '身份证号不能为空', 'The ID number is required');
  else if (/E\+/i.test(r.idNumber))
    fail(
      'idNumber',
      '身份证号被Excel改写为科学计数法，请将该列设为文本格式后重新填写',
      'Excel turned the ID number into a float; format the column as text',
    );
  else {
    const parsed = parseIdNumber(r.idNumber);
    if (!parsed.ok) fail('idNumber', ...idProblemMessages[parsed.problem]);
    else {
      // The same age rules as online and at the desk. The sheet has no guardian columns, so a
      // minor's consent cannot come with it: the guardian signs at the desk.
      const kind = ageClass(parsed.info.birthDate, refs.today, refs.ageRules);
      if (kind === 'child') fail('idNumber', ...ageMessages.child(refs.ageRules));
      else if (kind === 'minor') fail('idNumber', ...ageMessages.importedMinor(refs.ageRules));
      else idNumber = parsed.info.number;
    }
  }

  let regionCode: string | null = null;
  if (r.community) {
    const code = resolveRegion(refs, r.community);
    if (code && refs.regionByCode.get(code)?.level === 'community' && inScope(actor, code)) regionCode = code;
    else
      fail(
        'community',
        `社区“${r.community}”不存在或不在您的管辖范围内`,
        `No community "${r.community}" in your scope`,
      );
  } else if (fallbackCommunity) regionCode = fallbackCommunity;
  else fail('community', '请填写所属社区', 'The community is required');

  const skillCodes: string[] = [];
  for (const s of splitList(r.skills)) {
    const code = refs.skillByKey.get(s);
    if (code) skillCodes.includes(code) || skillCodes.push(code);
    else fail('skills', `技能“${s}”不在技能列表中`, `Unknown skill "${s}"`);
  }
  const areaCodes: string[] = [];
  for (const a of splitList(r.serviceAreas)) {
    const code = resolveRegion(refs, a);
    if (code) areaCodes.includes(code) || areaCodes.push(code);
    else fail('serviceAreas', `服务区域“${a}”不存在`, `Unknown region "${a}"`);
  }
  if (!YES.has(r.consent.toUpperCase()))
    fail('consent', '志愿者须签署承诺书（本列填“是”）', 'The volunteer must have signed the agreement (enter 是)');

  const valid: ValidRow | null =
    errors.length === 0 && regionCode
      ? {
          row: r.row,
          name: r.name,
          phone: r.phone,
          idNumber,
          regionCode,
          skillCodes,
          areaCodes,
          address: r.address || null,
        }
      : null;
  return { errors, valid, idNumber };
}

export async function importVolunteers(ctx: Ctx, input: { file: Buffer; mode: ImportMode }) {
  const actor = requireActor(ctx);
  let sheetRows: SheetRow[];
  try {
    sheetRows = await readImportSheet(input.file);
  } catch (err) {
    if (err instanceof SheetFormatError)
      throw new AppError('VALIDATION_FAILED', [{ field: 'body.fileBase64', message: err.zh, messageEn: err.en }]);
    throw err;
  }
  const refs = await loadReferenceData(ctx);
  const fallback = defaultCommunity(actor);

  const errors: ImportError[] = [];
  let candidates: (ValidRow & { idHash: string })[] = [];
  const firstRowOfPhone = new Map<string, number>();
  const firstRowOfId = new Map<string, number>();
  for (const r of sheetRows) {
    const checked = checkRow(actor, refs, fallback, r);
    const rowErrors = [...checked.errors];
    if (r.phone && firstRowOfPhone.has(r.phone))
      rowErrors.push({
        row: r.row,
        column: columnHeader('phone'),
        field: 'phone',
        message: `手机号与第${firstRowOfPhone.get(r.phone)}行重复`,
        messageEn: `Same phone number as row ${firstRowOfPhone.get(r.phone)}`,
      });
    else if (r.phone) firstRowOfPhone.set(r.phone, r.row);
    if (checked.idNumber && firstRowOfId.has(checked.idNumber))
      rowErrors.push({
        row: r.row,
        column: columnHeader('idNumber'),
        field: 'idNumber',
        message: `身份证号与第${firstRowOfId.get(checked.idNumber)}行重复`,
        messageEn: `Same ID number as row ${firstRowOfId.get(checked.idNumber)}`,
      });
    else if (checked.idNumber) firstRowOfId.set(checked.idNumber, r.row);
    errors.push(...rowErrors);
    if (rowErrors.length === 0 && checked.valid)
      candidates.push({ ...checked.valid, idHash: sealIdNumber(ctx, checked.valid.idNumber).idNumberHash });
  }

  // Against the database: ID numbers already registered, phones that already belong to a volunteer.
  const takenIds = new Set<string>();
  const userByPhone = new Map<string, { id: string; isVolunteer: boolean }>();
  for (const part of chunks(candidates)) {
    const ids = await ctx.db
      .select({ h: volunteers.idNumberHash })
      .from(volunteers)
      .where(
        and(
          eq(volunteers.tenantId, ctx.tenantId),
          inArray(
            volunteers.idNumberHash,
            part.map((c) => c.idHash),
          ),
        ),
      );
    for (const i of ids) takenIds.add(i.h);
    const phones = await ctx.db
      .select({ phone: users.phone, id: users.id, volunteerId: volunteers.id })
      .from(users)
      .leftJoin(volunteers, and(eq(volunteers.tenantId, users.tenantId), eq(volunteers.userId, users.id)))
      .where(
        and(
          eq(users.tenantId, ctx.tenantId),
          inArray(
            users.phone,
            part.map((c) => c.phone),
          ),
        ),
      );
    for (const p of phones) userByPhone.set(p.phone, { id: p.id, isVolunteer: p.volunteerId !== null });
  }
  candidates = candidates.filter((c) => {
    const problems: ImportError[] = [];
    if (takenIds.has(c.idHash))
      problems.push({
        row: c.row,
        column: columnHeader('idNumber'),
        field: 'idNumber',
        message: '该身份证号已登记为志愿者',
        messageEn: 'This ID number is already registered',
      });
    if (userByPhone.get(c.phone)?.isVolunteer)
      problems.push({
        row: c.row,
        column: columnHeader('phone'),
        field: 'phone',
        message: '该手机号已登记为志愿者',
        messageEn: 'This phone already belongs to a volunteer',
      });
    errors.push(...problems);
    return problems.length === 0;
  });
  errors.sort((a, b) => a.row - b.row);

  const invalidRows = new Set(errors.map((e) => e.row)).size;
  const report = {
    mode: input.mode,
    totalRows: sheetRows.length,
    validRows: candidates.length,
    invalidRows,
    created: 0,
    errors,
  };
  const apply = input.mode === 'apply-valid' || (input.mode === 'all-or-nothing' && invalidRows === 0);
  if (!apply || candidates.length === 0) return report;
  report.created = await withUniqueAnswers(() => createImported(ctx, actor, candidates, userByPhone));
  return report;
}

async function createImported(
  ctx: Ctx,
  actor: Actor,
  rows: (ValidRow & { idHash: string })[],
  userByPhone: Map<string, { id: string; isVolunteer: boolean }>,
): Promise<number> {
  const tenantId = ctx.tenantId;
  // Encrypt before the transaction opens: keep it short.
  const sealed = rows.map((r) => sealIdNumber(ctx, r.idNumber));
  const count = await ctx.db.transaction(async (tx) => {
    const userIds = new Map<string, string>();
    for (const [phone, u] of userByPhone) userIds.set(phone, u.id);
    const newUsers = rows.filter((r) => !userIds.has(r.phone));
    for (const part of chunks(newUsers)) {
      const inserted = await createUsersWithoutPassword(
        tx,
        tenantId,
        part.map((r) => ({ phone: r.phone, displayName: r.name })),
      );
      for (const u of inserted) userIds.set(u.phone, u.id);
    }
    for (const part of chunks(rows))
      await grantRole(
        tx,
        tenantId,
        part.map((r) => userIds.get(r.phone) as string),
        'volunteer',
      );

    const numbers = await allocateVolunteerNumbers(tx, {
      tenantId,
      prefix: ctx.config.VOLUNTEER_NUMBER_PREFIX,
      year: yearIn('Asia/Shanghai'),
      count: rows.length,
    });
    const created: { id: string; number: string; regionCode: string; row: ValidRow }[] = [];
    for (const [p, part] of chunks(rows).entries()) {
      const inserted = await tx
        .insert(volunteers)
        .values(
          part.map((r, i) => ({
            tenantId,
            userId: userIds.get(r.phone) as string,
            number: numbers[p * CHUNK + i] as string,
            name: r.name,
            ...(sealed[p * CHUNK + i] as ReturnType<typeof sealIdNumber>),
            regionCode: r.regionCode,
            status: 'active' as const,
            registeredVia: 'import' as const,
            registeredBy: actor.userId,
            address: r.address,
          })),
        )
        .returning({ id: volunteers.id, number: volunteers.number, regionCode: volunteers.regionCode });
      for (const [i, v] of inserted.entries()) created.push({ ...v, row: part[i] as ValidRow });
    }
    const skillRows = created.flatMap((v) =>
      v.row.skillCodes.map((skillCode) => ({ tenantId, volunteerId: v.id, skillCode })),
    );
    for (const part of chunks(skillRows)) await tx.insert(volunteerSkills).values(part);
    const areaRows = created.flatMap((v) =>
      v.row.areaCodes.map((regionCode) => ({ tenantId, volunteerId: v.id, regionCode })),
    );
    for (const part of chunks(areaRows)) await tx.insert(volunteerServiceAreas).values(part);
    for (const part of chunks(created))
      await tx.insert(volunteerConsents).values(
        part.map((v) => ({
          tenantId,
          volunteerId: v.id,
          version: CURRENT_CONSENT_VERSION,
          channel: 'import' as const,
          recordedBy: actor.userId,
        })),
      );
    const audit = { tenantId, actorId: actor.userId, ip: ctx.ip, requestId: ctx.requestId };
    for (const part of chunks(created))
      await tx.insert(auditLog).values(
        part.map((v) => ({
          ...audit,
          action: 'volunteer.register',
          entityType: 'volunteer',
          entityId: v.id,
          regionCode: v.regionCode,
          detail: { number: v.number, channel: 'import', status: 'active', sheetRow: v.row.row },
        })),
      );
    await tx.insert(auditLog).values({
      ...audit,
      action: 'volunteer.import',
      entityType: 'volunteer',
      detail: { created: created.length },
    });
    return created.length;
  });
  // Existing accounts gained the volunteer role.
  for (const u of userByPhone.values()) actorCache.invalidateUser(u.id);
  return count;
}
