import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { auditLog } from '../../platform/audit-schema.js';
import { recordService } from './index.js';
import { certificates } from './schema.js';

let t: TestContext;
let keeper: Client;
let foreignKeeper: Client;
let volunteer: Client;
let volunteerUserId: string;

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'leifeng-cert-'));
  writeFileSync(join(dir, 'c.pdf'), pdf);
  return execFileSync('pdftotext', ['-layout', join(dir, 'c.pdf'), '-'], { encoding: 'utf8' });
}

beforeAll(async () => {
  t = await createTestApp();
  keeper = await signIn(t.app, demo.keeper);
  const foreign = await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: '371002003006' }] });
  foreignKeeper = await signIn(t.app, foreign.phone);
  const v = await makeUser(t.database, { displayName: '吴证明' });
  volunteerUserId = v.id;
  volunteer = await signIn(t.app, v.phone);
  const ids: string[] = [];
  for (const [i, minutes] of [150, 90, 45].entries()) {
    const { record } = await recordService(t.database.db, {
      tenantId: '371002',
      volunteerUserId,
      source: { type: 'activity_attendance', id: `cert-test-${i}` },
      regionCode: '371002002005',
      content: `蓝色周六·海滨清洁 第${i + 1}次`,
      minutes,
      startedAt: new Date(`2026-11-0${i + 1}T09:00:00+08:00`),
    });
    ids.push(record.id);
  }
  // Two confirmed (240 minutes); the third stays pending and is not certified.
  await keeper.post('/api/v1/service-records/confirm', { ids: ids.slice(0, 2) });
});
afterAll(() => t.close());

describe('certificates', () => {
  it('a volunteer requests, the community issues, the PDF carries the fields, the number verifies; tampering shows', async () => {
    const asked = await volunteer.post('/api/v1/me/certificates', {});
    expect(asked.statusCode, asked.body).toBe(201);
    const request = asked.json();
    expect(request).toMatchObject({ state: 'requested', number: null });

    const issueBody = { organisation: '北门外社区新时代文明实践站', personInCharge: '王站长', contact: '0631-5201234' };
    expect((await foreignKeeper.post(`/api/v1/certificates/${request.id}/issue`, issueBody)).statusCode).toBe(404);
    expect(
      (await foreignKeeper.get('/api/v1/certificates')).json().items.map((c: { id: string }) => c.id),
    ).not.toContain(request.id);
    expect((await keeper.get('/api/v1/certificates')).json().items.map((c: { id: string }) => c.id)).toContain(
      request.id,
    );
    const issued = await keeper.post(`/api/v1/certificates/${request.id}/issue`, issueBody);
    expect(issued.statusCode, issued.body).toBe(200);
    const cert = issued.json();
    expect(cert).toMatchObject({ state: 'issued', totalMinutes: 240, volunteerName: '吴证明' });
    expect(cert.number).toMatch(/^ZM\d{4}\d{6}$/);
    expect((await keeper.post(`/api/v1/certificates/${request.id}/issue`, issueBody)).statusCode).toBe(409);

    const pdf = await volunteer.get(`/api/v1/certificates/${request.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = pdfText(pdf.rawPayload);
    for (const field of [
      '志愿服务记录证明',
      '吴证明',
      '居民身份证',
      '志愿者编号',
      '累计服务时长：4.0小时',
      '共2次服务',
      '北门外社区新时代文明实践站',
      '王站长',
      '0631-5201234',
      cert.number,
      `/verify/${cert.number}`,
    ])
      expect(text).toContain(field);
    expect(text).toMatch(/\d{6}\*+\d{3}[\dX]|\*{4}/); // the ID number is masked
    expect(text).not.toContain('第3次'); // the pending record is not certified
    // Nobody else downloads it.
    expect((await foreignKeeper.get(`/api/v1/certificates/${request.id}/pdf`)).statusCode).toBe(404);

    const verified = (await anonymous(t.app).get(`/api/v1/public/certificates/${cert.number}`)).json();
    expect(verified).toMatchObject({
      status: 'valid',
      content: { volunteerName: '吴**', totalMinutes: 240, issuer: '北门外社区新时代文明实践站', revokedOn: null },
    });
    expect(JSON.stringify(verified)).not.toContain('吴证明');
    const unknown = (await anonymous(t.app).get('/api/v1/public/certificates/ZM2026010100000000')).json();
    expect(unknown).toEqual({ number: 'ZM2026010100000000', status: 'unknown', content: null });

    // Someone with database access raises the hours: the signature no longer matches.
    await t.database.db
      .update(certificates)
      .set({ content: sql`jsonb_set(content, '{service,totalMinutes}', '2400')` })
      .where(eq(certificates.id, request.id));
    const altered = (await anonymous(t.app).get(`/api/v1/public/certificates/${cert.number}`)).json();
    expect(altered).toMatchObject({ status: 'altered', content: null });
  });

  it('numbers follow each other per tenant and year; staff in scope revoke (audited) and the register says so', async () => {
    const issueBody = { organisation: '北门外社区新时代文明实践站', personInCharge: '王站长', contact: '0631-5201234' };
    const numbers: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const request = (await volunteer.post('/api/v1/me/certificates', {})).json();
      const issued = await keeper.post(`/api/v1/certificates/${request.id}/issue`, issueBody);
      expect(issued.statusCode, issued.body).toBe(200);
      numbers.push(issued.json().number);
      ids.push(request.id);
    }
    const [first, second] = numbers.map((n) => Number(n.slice(6)));
    expect(numbers[0]?.slice(2, 6)).toBe(numbers[1]?.slice(2, 6));
    expect(second).toBe((first ?? 0) + 1);

    const reason = { reason: '服务记录有误，已重新出具' };
    expect((await foreignKeeper.post(`/api/v1/certificates/${ids[0]}/revoke`, reason)).statusCode).toBe(404);
    expect((await volunteer.post(`/api/v1/certificates/${ids[0]}/revoke`, reason)).statusCode).toBe(403);
    const revoked = await keeper.post(`/api/v1/certificates/${ids[0]}/revoke`, reason);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ state: 'revoked', number: numbers[0] });
    expect((await keeper.post(`/api/v1/certificates/${ids[0]}/revoke`, reason)).json().error.code).toBe(
      'CERTIFICATE_NOT_ISSUED',
    );
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'certificate.revoke'), eq(auditLog.entityId, ids[0] as string)));
    expect(audit).toHaveLength(1);
    const shown = (await anonymous(t.app).get(`/api/v1/public/certificates/${numbers[0]}`)).json();
    expect(shown.status).toBe('revoked');
    expect(shown.content.revokedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await anonymous(t.app).get(`/api/v1/public/certificates/${numbers[1]}`)).json().status).toBe('valid');
    const inbox = (await volunteer.get('/api/v1/me/notifications')).json();
    const told = inbox.items.find((n: { kind: string }) => n.kind === 'hours.certificate_revoked');
    expect(told.data.params).toEqual({ number: numbers[0], reason: reason.reason });
  });

  it('staff in scope refuse a request with a reason (audited, the volunteer is told); it cannot then be issued', async () => {
    const request = (await volunteer.post('/api/v1/me/certificates', { purpose: '升学材料' })).json();
    const reason = { reason: '期间内的服务记录尚未确认，请确认后重新申请' };
    expect((await foreignKeeper.post(`/api/v1/certificates/${request.id}/refuse`, reason)).statusCode).toBe(404);
    expect((await volunteer.post(`/api/v1/certificates/${request.id}/refuse`, reason)).statusCode).toBe(403);
    const blank = await keeper.post(`/api/v1/certificates/${request.id}/refuse`, { reason: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details[0].field).toBe('body.reason');
    const refused = await keeper.post(`/api/v1/certificates/${request.id}/refuse`, reason);
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({
      state: 'refused',
      number: null,
      purpose: '升学材料',
      reason: reason.reason,
    });
    expect((await keeper.post(`/api/v1/certificates/${request.id}/refuse`, reason)).json().error.code).toBe(
      'REQUEST_NOT_PENDING',
    );
    const issue = { organisation: '北门外社区新时代文明实践站', personInCharge: '王站长', contact: '0631-5201234' };
    expect((await keeper.post(`/api/v1/certificates/${request.id}/issue`, issue)).json().error.code).toBe(
      'REQUEST_NOT_PENDING',
    );
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'certificate.refuse'), eq(auditLog.entityId, request.id)));
    expect(audit).toHaveLength(1);
    const mine = (await volunteer.get('/api/v1/me/certificates')).json().items;
    expect(mine.find((c: { id: string }) => c.id === request.id)).toMatchObject({
      state: 'refused',
      reason: reason.reason,
    });
    const inbox = (await volunteer.get('/api/v1/me/notifications')).json();
    const told = inbox.items.find((n: { kind: string }) => n.kind === 'hours.certificate_refused');
    expect(told.data.params).toEqual({ reason: reason.reason });
    const refusedList = (await keeper.get('/api/v1/certificates?state=refused')).json().items;
    expect(refusedList.map((c: { id: string }) => c.id)).toContain(request.id);
    expect((await keeper.get('/api/v1/certificates')).json().items.map((c: { id: string }) => c.id)).not.toContain(
      request.id,
    );
  });

  it('pages the requests in scope newest first, each once', async () => {
    const asked: string[] = [];
    for (let i = 0; i < 5; i++) asked.push((await volunteer.post('/api/v1/me/certificates', {})).json().id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = (await keeper.get(`/api/v1/certificates?state=requested&limit=2${query}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((c: { id: string }) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => asked.includes(id))).toEqual([...asked].reverse());
    expect((await keeper.get('/api/v1/certificates?cursor=nonsense')).statusCode).toBe(400);
  });

  it('limits lookups per address: the register cannot be walked', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 35; i++)
      codes.push(
        (await anonymous(t.app).get(`/api/v1/public/certificates/ZM2026${String(i).padStart(6, '0')}`)).statusCode,
      );
    expect(codes).toContain(429);
    expect(codes.filter((c) => c === 200).length).toBeLessThanOrEqual(30);
  });

  it('is not issued without confirmed hours', async () => {
    const other = await makeUser(t.database);
    const client = await signIn(t.app, other.phone);
    const request = (await client.post('/api/v1/me/certificates', { from: '2026-01-01', to: '2026-06-30' })).json();
    const res = await keeper.post(`/api/v1/certificates/${request.id}/issue`, {
      organisation: '北门外社区新时代文明实践站',
      personInCharge: '王站长',
      contact: '0631-5201234',
    });
    expect(res.json().error.code).toBe('NO_CONFIRMED_HOURS');
  });
});
