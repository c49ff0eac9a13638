/**
 * Live push of micro-wishes: each step of a wish reaches the open H5 pages of the people it concerns
 * as an event on their stream (GET /api/v1/events), on which the wish pages refetch; no one else's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEvents } from '../../../../test/event-stream.js';
import { makeUser } from '../../../../test/people.js';
import { type Client, createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';

let t: TestContext;
let resident: Client;
let keeper: Client;
let giver: Client;
let giverPhone: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  resident = await signIn(t.app, demo.resident);
  keeper = await signIn(t.app, demo.keeper);
  giverPhone = (await makeUser(t.database)).phone;
  giver = await signIn(t.app, giverPhone);
});
afterAll(() => t.close());

type Stream = Awaited<ReturnType<typeof openEvents>>;
const count = (stream: Stream, kind: string) => stream.text().split(`"kind":"${kind}"`).length - 1;

/** Waits until `stream` holds one more `kind` event than before `step` ran. */
async function pushedOn(step: () => Promise<{ statusCode: number; body: string }>, streams: Stream[], kind: string) {
  const before = streams.map((s) => count(s, kind));
  const res = await step();
  expect(res.statusCode, res.body).toBeLessThan(300);
  const deadline = Date.now() + 5000;
  while (streams.some((s, i) => count(s, kind) <= (before[i] as number))) {
    if (Date.now() > deadline)
      throw new Error(`no ${kind} on every stream: ${streams.map((s) => s.text()).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('live push on the wish pages', () => {
  it('tells the resident, the keeper and the giver of each step as it happens, and no bystander', async () => {
    const streams = {
      resident: await openEvents(t.app, demo.resident),
      keeper: await openEvents(t.app, demo.keeper),
      giver: await openEvents(t.app, giverPhone),
      bystander: await openEvents(t.app, (await makeUser(t.database)).phone),
    };
    try {
      let id = '';
      await pushedOn(
        async () => {
          const res = await resident.post('/api/v1/wishes', {
            title: '一个保温杯',
            description: '冬天想喝热水',
            regionCode: '371002002005',
            address: '北门外社区 3 号楼 2 单元 101',
            deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
            beneficiaryGroup: 'elderly',
          });
          id = res.json().id;
          return res;
        },
        [streams.keeper],
        'wish.placed',
      );
      const path = `/api/v1/wishes/${id}`;
      await pushedOn(() => keeper.post(`${path}/approve`), [streams.resident], 'wish.approved');
      await pushedOn(() => giver.post(`${path}/claim`, {}), [streams.resident, streams.keeper], 'wish.claimed');
      await pushedOn(
        () => giver.post(`${path}/deliver`, { note: '放在门卫室' }),
        [streams.resident, streams.keeper],
        'wish.delivered',
      );
      await pushedOn(() => keeper.post(`${path}/confirm`), [streams.resident, streams.giver], 'wish.confirmed');
      await pushedOn(() => resident.post(`${path}/thank`, { message: '谢谢！' }), [streams.giver], 'wish.thanked');

      // What the refetch then shows the resident: the wish as it now is.
      expect((await resident.get(path)).json().state).toBe('thanked');
      expect(streams.resident.text()).toContain('event: notification');
      expect(streams.bystander.text()).not.toContain('wish.');
    } finally {
      await Promise.all(Object.values(streams).map((s) => s.close()));
    }
  });

  it('tells the resident when a wish is rejected, and the resident and keeper when the giver lets it go', async () => {
    const streams = { resident: await openEvents(t.app, demo.resident), keeper: await openEvents(t.app, demo.keeper) };
    try {
      const body = {
        title: '一本字典',
        regionCode: '371002002005',
        address: '北门外社区 3 号楼 2 单元 101',
        deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        beneficiaryGroup: 'elderly',
      };
      const rejected = (await resident.post('/api/v1/wishes', body)).json().id;
      await pushedOn(
        () => keeper.post(`/api/v1/wishes/${rejected}/reject`, { reason: '已由社区解决' }),
        [streams.resident],
        'wish.rejected',
      );
      const released = (await resident.post('/api/v1/wishes', body)).json().id;
      expect((await keeper.post(`/api/v1/wishes/${released}/approve`)).statusCode).toBe(200);
      expect((await giver.post(`/api/v1/wishes/${released}/claim`, {})).statusCode).toBe(200);
      await pushedOn(
        () => giver.post(`/api/v1/wishes/${released}/release`, { reason: '临时出差，送不了了' }),
        [streams.keeper, streams.resident],
        'wish.released',
      );
    } finally {
      await Promise.all(Object.values(streams).map((s) => s.close()));
    }
  });

  it('tells every open page of the tenant when the wall changes, with nothing but the region', async () => {
    const bystander = await openEvents(t.app, (await makeUser(t.database)).phone);
    const changes = () => bystander.text().split('event: wishes.changed\n').slice(1);
    const waitForChanges = async (n: number) => {
      await bystander.waitFor('event: wishes.changed');
      const deadline = Date.now() + 5000;
      while (changes().length < n) {
        if (Date.now() > deadline) throw new Error(`${changes().length} of ${n} wall changes: ${bystander.text()}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    try {
      const body = {
        title: '一副老花镜',
        regionCode: '371002002005',
        address: '北门外社区 5 号楼 1 单元 202',
        deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        beneficiaryGroup: 'elderly',
      };
      // Placing and rejecting never touch the wall: no event. Notifications arrive in commit order, so
      // the counts below prove it.
      const rejected = (await resident.post('/api/v1/wishes', body)).json().id;
      expect((await keeper.post(`/api/v1/wishes/${rejected}/reject`, { reason: '重复' })).statusCode).toBe(200);
      const id = (await resident.post('/api/v1/wishes', body)).json().id;
      expect((await keeper.post(`/api/v1/wishes/${id}/approve`)).statusCode).toBe(200);
      await waitForChanges(1);
      expect((await giver.post(`/api/v1/wishes/${id}/claim`, {})).statusCode).toBe(200);
      expect((await giver.post(`/api/v1/wishes/${id}/release`, { reason: '送不了了' })).statusCode).toBe(200);
      await waitForChanges(3);
      expect(changes()).toHaveLength(3);
      for (const frame of changes()) expect(frame.split('\n\n')[0]).toBe('data: {"regionCode":"371002002005"}');
      expect(bystander.text()).not.toContain('event: notification');
    } finally {
      await bystander.close();
    }
  });
});
