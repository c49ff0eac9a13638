import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderApiArtifacts } from '../src/server/openapi-artifacts.js';
import { anonymous, createTestApp, type TestContext } from './server.js';

/** Routes anyone may call. Adding a route here is a decision; every other /api/v1 route needs a session. */
const PUBLIC_OPERATIONS = new Set([
  'getCsrfToken',
  'login',
  'requestPasswordReset',
  'confirmPasswordReset',
  'getVolunteerRegistrationOptions',
  // online registration: a code by SMS first, answered alike for any phone
  'requestRegistrationCode',
  'registerVolunteer',
  // the public directory of teams and organisations (contact phones masked)
  'listOrganisations',
  'getOrganisation',
  // the portal's site list, map and detail (no staff data)
  'listPublicSites',
  'listSiteMapPoints',
  'getPublicSite',
  'listPublicRegions',
  'getMapConfig',
  'getPublicSiteServices',
  // the service menu residents browse before signing in
  'listServiceCategories',
  'browseMenu',
  'getPublicMenuItem',
  // the activities square: published activities and their occurrences (drafts stay with their organisers)
  'searchActivitySessions',
  'getActivity',
  // a file download: a private file needs a signed, expiring link instead of a session
  'downloadFile',
  // certificate verification: anyone holding a certificate checks its number
  'verifyCertificate',
  // ordering at a station's kiosk (自助终端) without an account, rate-limited
  'placeKioskOrder',
  // the training academy's catalogue and the 大讲堂 schedule (with its calendar feed)
  'listAcademyPartners',
  'listAcademyCourses',
  'getAcademyCourse',
  'listAcademyLectures',
  'getAcademyLecturesCalendar',
  'listLibraryProjects',
  'getLibraryProject',
  'listBrands',
  'getBrand',
  // published evaluation results (评选结果) and their xlsx: no judge identities, no individual scores
  'listPublishedEvaluations',
  'getEvaluationResults',
  'exportEvaluationResults',
  // charity transparency: published sale reports and the yearly report (beneficiaries masked)
  'listPublishedCharityEvents',
  'getCharityEventReport',
  'exportCharityEventReport',
  'getCharityYearReport',
  'exportCharityYearReport',
]);

type Doc = { paths: Record<string, Record<string, { operationId?: string; tags?: string[]; security?: unknown[] }>> };

let t: TestContext;
let doc: Doc;
beforeAll(async () => {
  t = await createTestApp();
  doc = (await anonymous(t.app).get('/api/openapi.json')).json();
});
afterAll(() => t.close());

describe('the OpenAPI document', () => {
  it('passes a real OpenAPI validator', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('gives every operation a unique camelCase operationId and a module tag', () => {
    const ids: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][a-zA-Z0-9]+$/);
        expect(op.tags?.length, `${method} ${path} tags`).toBe(1);
        ids.push(op.operationId as string);
      }
    }
    expect(ids.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks exactly the public operations as needing no session', () => {
    const publicInDoc = Object.values(doc.paths)
      .flatMap((ops) => Object.values(ops))
      .filter((op) => Array.isArray(op.security) && op.security.length === 0)
      .map((op) => op.operationId);
    expect(new Set(publicInDoc)).toEqual(new Set([...PUBLIC_OPERATIONS, 'getHealth']));
  });

  it('defines the error envelope once, as a named response every error status refers to', () => {
    let errors = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const responses = (op as { responses: Record<string, unknown> }).responses;
        for (const [status, response] of Object.entries(responses)) {
          if (!/^4\d\d$/.test(status)) continue;
          expect(response, `${method} ${path} ${status}`).toEqual({ $ref: '#/components/responses/Error' });
          errors++;
        }
      }
    }
    expect(errors).toBeGreaterThan(100);
    expect(JSON.stringify(doc).split('"messageEn"').length - 1).toBeLessThan(10);
  });

  it('matches the committed docs/api.md and web client (run `npm run api:generate`)', async () => {
    const files = await renderApiArtifacts();
    for (const [path, text] of Object.entries(files)) {
      expect(readFileSync(path, 'utf8'), `${path} is stale: run npm run api:generate`).toBe(text);
    }
    // Builds a second app and runs openapi-typescript: ≈ 20 s alone, more than the default 30 s on a busy machine.
  }, 120_000);
});

describe('protected by default', () => {
  it('rejects anonymous calls to every /api/v1 route that is not listed as public', async () => {
    const client = anonymous(t.app);
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        if (PUBLIC_OPERATIONS.has(op.operationId ?? '')) continue;
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await client.request({ method, url, payload: method === 'get' ? undefined : {} });
        expect(res.statusCode, `${method.toUpperCase()} ${path}`).toBe(401);
        expect(res.json().error.code).toBe('UNAUTHENTICATED');
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });
});
