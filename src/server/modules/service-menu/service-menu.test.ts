import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../../test/people.js';
import { anonymous, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const BEIMENWAI = '371002002005';
const ZHUDAO = '371002003006'; // a community of another subdistrict

type Item = { id: string; title: string; categoryCode: string; areaCodes: string[]; active: boolean };

describe('the service menu', () => {
  it('lists the default categories in order, in Chinese and English', async () => {
    const res = await anonymous(t.app).get('/api/v1/public/service-categories');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; name: string; nameEn: string }[];
    expect(items.map((c) => c.name)).toEqual([
      '理论政策宣讲',
      '文化文艺',
      '助学支教',
      '医疗健康',
      '科学普及',
      '法律服务',
      '卫生环保',
      '扶贫帮困',
      '助老助残',
      '便民服务',
      '心理关爱',
    ]);
    expect(items.every((c) => c.nameEn.length > 0)).toBe(true);
  });

  it('lets residents browse by category and by what serves their community or point', async () => {
    const guest = anonymous(t.app);
    const elderly = (await guest.get('/api/v1/public/menu-items?category=elderly_disabled')).json();
    expect(elderly.items.map((i: Item) => i.title)).toContain('助老服务 · 上门理发');
    expect(elderly.items.every((i: Item) => i.categoryCode === 'elderly_disabled')).toBe(true);

    const near = (await guest.get(`/api/v1/public/menu-items?regionCode=${BEIMENWAI}&limit=100`)).json();
    expect(near.items.map((i: Item) => i.title)).toContain('助老服务 · 上门理发');
    const far = (await guest.get(`/api/v1/public/menu-items?regionCode=${ZHUDAO}&limit=100`)).json();
    const farTitles = far.items.map((i: Item) => i.title);
    expect(farTitles).not.toContain('助老服务 · 上门理发'); // 鲸园蓝 serves 鲸园街道 only
    expect(farTitles).toContain('政策宣讲进社区'); // district-wide

    const station = (await guest.get('/api/v1/public/sites/map'))
      .json()
      .items.find((p: { kind: string; regionCode: string }) => p.kind === 'station' && p.regionCode === BEIMENWAI);
    const byPoint = (await guest.get(`/api/v1/public/menu-items?lng=${station.lng}&lat=${station.lat}`)).json();
    expect(byPoint.regionCode).toBe(BEIMENWAI);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/public/menu-items?limit=5${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await guest.get(url)).json();
      paged.push(...page.items.map((i: Item) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged.length).toBeGreaterThanOrEqual(12);
    expect((await guest.get('/api/v1/public/menu-items?cursor=nonsense')).statusCode).toBe(400);
  });

  it('lets staff add, change and withdraw items inside their scope only', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    const body = {
      categoryCode: 'health',
      title: '测血压 · 北门外',
      description: '每周三上午在站点测血压',
      providerKind: 'project',
      projectName: '健康北门外',
      regionCode: BEIMENWAI,
      requiredSkills: ['health'],
      areaCodes: [BEIMENWAI],
      durationMinutes: 30,
      capacity: 10,
    };
    const created = await keeper.post('/api/v1/menu-items', body);
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json() as Item;
    expect(item).toMatchObject({ title: '测血压 · 北门外', active: true, areaCodes: [BEIMENWAI] });

    const outside = await keeper.post('/api/v1/menu-items', { ...body, areaCodes: [ZHUDAO] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].field).toBe('body.areaCodes');
    const foreignHome = await keeper.post('/api/v1/menu-items', { ...body, regionCode: ZHUDAO });
    expect(foreignHome.statusCode).toBe(404);
    const badSkill = await keeper.post('/api/v1/menu-items', { ...body, requiredSkills: ['juggling'] });
    expect(badSkill.statusCode).toBe(400);

    const otherKeeper = await signIn(
      t.app,
      (await makeUser(t.database, { grants: [{ role: 'station_keeper', regionCode: ZHUDAO }] })).phone,
    );
    expect(
      (await otherKeeper.request({ method: 'PATCH', url: `/api/v1/menu-items/${item.id}`, payload: { active: false } }))
        .statusCode,
    ).toBe(404);
    const theirs = (await otherKeeper.get('/api/v1/menu-items?limit=200')).json().items as Item[];
    expect(theirs.map((i) => i.id)).not.toContain(item.id);

    const off = await keeper.request({
      method: 'PATCH',
      url: `/api/v1/menu-items/${item.id}`,
      payload: { active: false },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await anonymous(t.app).get(`/api/v1/public/menu-items/${item.id}`)).statusCode).toBe(404);
    const mine = (await keeper.get('/api/v1/menu-items?active=false')).json().items as Item[];
    expect(mine.map((i) => i.id)).toContain(item.id);

    const resident = await signIn(t.app, demo.resident);
    expect((await resident.post('/api/v1/menu-items', body)).statusCode).toBe(403);
  });

  it('lets the centre rename or add a category', async () => {
    const centre = await signIn(t.app, demo.centreAdmin);
    const res = await centre.request({
      method: 'PUT',
      url: '/api/v1/service-categories/civility',
      payload: { name: '文明实践', nameEn: 'Civility', sort: 120 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const names = (await anonymous(t.app).get('/api/v1/public/service-categories'))
      .json()
      .items.map((c: { name: string }) => c.name);
    expect(names.at(-1)).toBe('文明实践');
    const keeper = await signIn(t.app, demo.keeper);
    expect(
      (
        await keeper.request({
          method: 'PUT',
          url: '/api/v1/service-categories/x1',
          payload: { name: 'x', nameEn: 'x' },
        })
      ).statusCode,
    ).toBe(403);
  });
});
