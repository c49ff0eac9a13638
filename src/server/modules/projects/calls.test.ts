import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';

let t: TestContext;
let institute: Client; // 鲸园街道
let foreignInstitute: Client; // another subdistrict
let centre: Client;
let org: Client;

const DAY = 86_400_000;
const patch = (client: Client, url: string, payload: unknown) =>
  client.request({ method: 'PATCH', url, payload: payload as never });

beforeAll(async () => {
  t = await createTestApp();
  institute = await signIn(t.app, demo.instituteAdmin);
  centre = await signIn(t.app, demo.centreAdmin);
  org = await signIn(t.app, demo.orgAdmin);
  const other = await makeUser(t.database, { grants: [{ role: 'institute_admin', regionCode: '371002001' }] });
  foreignInstitute = await signIn(t.app, other.phone);
});
afterAll(() => t.close());

async function subdistrictCall() {
  const res = await institute.post('/api/v1/project-calls', {
    title: '鲸园街道社区项目征集',
    level: 'subdistrict',
    regionCode: '371002002',
    year: 2026,
    opensAt: new Date(Date.now() - DAY).toISOString(),
    closesAt: new Date(Date.now() + 10 * DAY).toISOString(),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

describe('editing a call for projects', () => {
  it('lets the issuing region change the text, window and requirements, keeping level and region', async () => {
    const call = await subdistrictCall();
    const closesAt = new Date(Date.now() + 20 * DAY).toISOString();
    const res = await patch(institute, `/api/v1/project-calls/${call.id}`, {
      title: '鲸园街道社区项目征集（延期）',
      closesAt,
      requiredFields: ['budget'],
      requiredAttachments: ['项目申报书'],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      title: '鲸园街道社区项目征集（延期）',
      level: 'subdistrict',
      regionCode: '371002002',
      requiredFields: ['budget'],
      requiredAttachments: ['项目申报书'],
      open: true,
    });
    expect(new Date(res.json().closesAt).getTime()).toBe(new Date(closesAt).getTime());
    // The district above may change it too.
    expect((await patch(centre, `/api/v1/project-calls/${call.id}`, { description: '区里补充说明' })).statusCode).toBe(
      200,
    );
  });

  it('refuses a window that closes before it opens, and changes nothing', async () => {
    const call = await subdistrictCall();
    const res = await patch(institute, `/api/v1/project-calls/${call.id}`, {
      title: '不该保存',
      closesAt: new Date(Date.now() - 2 * DAY).toISOString(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.closesAt');
    expect((await institute.get(`/api/v1/project-calls/${call.id}`)).json().title).toBe('鲸园街道社区项目征集');
  });

  it('is not found for another subdistrict’s staff, and refused for an organisation', async () => {
    const call = await subdistrictCall();
    const foreign = await patch(foreignInstitute, `/api/v1/project-calls/${call.id}`, { title: '越权' });
    expect(foreign.statusCode).toBe(404);
    expect((await patch(org, `/api/v1/project-calls/${call.id}`, { title: '越权' })).statusCode).toBe(403);
    expect((await institute.get(`/api/v1/project-calls/${call.id}`)).json().title).toBe('鲸园街道社区项目征集');
  });
});
