import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exif from 'exif-reader';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../../../test/people.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from '../../../test/server.js';
import { fileLink } from './files.js';
import { diskStore, type ObjectStore, s3Store } from './storage.js';

let s3: S3rver;
let s3Env: Record<string, string>;
let onDisk: TestContext;
let onS3: TestContext;
const BEIMENWAI = '371002002005';

beforeAll(async () => {
  s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: mkdtempSync(join(tmpdir(), 'leifeng-s3-')),
    configureBuckets: [{ name: 'leifeng' }],
  });
  const { port } = await s3.run();
  s3Env = {
    FILE_STORAGE: 's3',
    S3_BUCKET: 'leifeng',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  };
  onDisk = await createTestApp({ env: { FILE_MAX_BYTES: '300000' } });
  onS3 = await createTestApp({ env: s3Env });
});
afterAll(async () => {
  await Promise.all([onDisk?.close(), onS3?.close()]);
  await s3?.close();
});

const pdf = () => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(50_000), Buffer.from('\n%%EOF\n')]);

async function jpegWithGps() {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#c00' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'LeifengPhone', Model: 'X1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '37/1 30/1 36/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '122/1 7/1 12/1',
      },
    })
    .toBuffer();
}

describe('object stores', () => {
  const roundTrip = async (store: ObjectStore) => {
    const body = randomBytes(256 * 1024);
    await store.put('371002/test/a-file.bin', body, 'application/octet-stream');
    expect(Buffer.compare((await store.get('371002/test/a-file.bin')) as Buffer, body)).toBe(0);
    expect(await store.get('371002/test/missing.bin')).toBeNull();
    await store.delete('371002/test/a-file.bin');
    expect(await store.get('371002/test/a-file.bin')).toBeNull();
    await expect(store.put('../escape', body, 'x')).rejects.toThrow(/Invalid storage key/);
  };

  it('reads back identical bytes from local disk, written owner-only', async () => {
    const root = mkdtempSync(join(tmpdir(), 'leifeng-files-'));
    const store = diskStore(root);
    await roundTrip(store);
    await store.put('371002/photo/p.jpg', Buffer.from('x'), 'image/jpeg');
    expect(statSync(join(root, '371002/photo/p.jpg')).mode & 0o777).toBe(0o600);
    expect(statSync(join(root, '371002/photo')).mode & 0o777).toBe(0o700);
  });

  it('reads back identical bytes from a local S3-compatible server', async () => {
    await roundTrip(
      s3Store({
        bucket: 'leifeng',
        region: 'us-east-1',
        endpoint: s3Env.S3_ENDPOINT,
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      }),
    );
  });
});

describe('uploading and downloading files', () => {
  for (const [where, t] of [
    ['local disk', () => onDisk],
    ['S3-compatible storage', () => onS3],
  ] as const) {
    it(`stores an attachment on ${where} and serves the same bytes through a signed link`, async () => {
      const { app } = t();
      const volunteer = await signIn(app, demo.volunteer);
      const body = pdf();
      const up = await volunteer.request({
        method: 'POST',
        url: '/api/v1/files?purpose=attachment&name=证明.pdf',
        payload: body,
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(up.statusCode, up.body).toBe(201);
      const file = up.json();
      expect(file).toMatchObject({ contentType: 'application/pdf', size: body.length, name: '证明.pdf' });
      expect(file.url).toMatch(/\?expires=\d+&sig=/);
      const down = await anonymous(app).get(file.url);
      expect(down.statusCode).toBe(200);
      expect(down.headers['content-type']).toBe('application/pdf');
      expect(Buffer.compare(down.rawPayload, body)).toBe(0);
      expect(existsSync(join(t().config.dataDir, 'files'))).toBe(where === 'local disk');
    });
  }

  it('refuses an unsigned, a tampered and an expired link to a private file', async () => {
    const { app, config } = onDisk;
    const owner = await signIn(app, demo.volunteer);
    const file = (
      await owner.request({ method: 'POST', url: '/api/v1/files?purpose=attachment', payload: pdf() })
    ).json();
    const plain = `/api/v1/files/${file.id}/content`;
    const unsigned = await owner.get(plain);
    expect(unsigned.statusCode).toBe(403);
    expect(unsigned.json().error.code).toBe('FILE_LINK_INVALID');

    const [, query] = (file.url as string).split('?');
    const params = new URLSearchParams(query);
    const later = `${plain}?expires=${Number(params.get('expires')) + 3600}&sig=${params.get('sig')}`;
    expect((await anonymous(app).get(later)).statusCode).toBe(403);
    const otherFile = `/api/v1/files/00000000-0000-4000-8000-000000000000/content?${query}`;
    expect((await anonymous(app).get(otherFile)).statusCode).toBe(404);

    const past = fileLink(
      config,
      { tenantId: '371002', id: file.id, visibility: 'private' },
      {
        now: new Date(Date.now() - 3600_000),
        ttlSeconds: 60,
      },
    );
    const expired = await anonymous(app).get(past.url);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error).toMatchObject({
      code: 'FILE_LINK_EXPIRED',
      messageEn: expect.stringMatching(/expired/),
    });
  });

  it('strips the GPS position and other EXIF from a photo', async () => {
    const { app } = onDisk;
    const resident = await signIn(app, demo.resident);
    const original = await jpegWithGps();
    const before = await sharp(original).metadata();
    expect(exif(before.exif as Buffer).GPSInfo?.GPSLatitudeRef).toBe('N');
    const up = await resident.request({
      method: 'POST',
      url: '/api/v1/files?purpose=photo&name=door.jpg',
      payload: original,
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(up.statusCode, up.body).toBe(201);
    const down = await anonymous(app).get(up.json().url);
    const after = await sharp(down.rawPayload).metadata();
    expect(after).toMatchObject({ format: 'jpeg', width: 64, height: 48 });
    expect(after.exif).toBeUndefined();
    expect(down.rawPayload.includes(Buffer.from('LeifengPhone'))).toBe(false);
  });

  it('refuses a program renamed .jpg, whatever the client says it is', async () => {
    const resident = await signIn(onDisk.app, demo.resident);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), randomBytes(2000)]);
    const res = await resident.request({
      method: 'POST',
      url: '/api/v1/files?purpose=photo&name=photo.jpg',
      payload: exe,
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', details: [{ field: 'body' }] });
    const pdfAsPhoto = await resident.request({ method: 'POST', url: '/api/v1/files?purpose=photo', payload: pdf() });
    expect(pdfAsPhoto.statusCode).toBe(415);
  });

  it('refuses a file larger than FILE_MAX_BYTES', async () => {
    const resident = await signIn(onDisk.app, demo.resident);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(310_000)]);
    const res = await resident.request({ method: 'POST', url: '/api/v1/files?purpose=attachment', payload: big });
    expect(res.statusCode).toBe(413);
  });

  it('gives a fresh link to the uploader, to staff whose scope covers the record it is on, and to no one else', async () => {
    const { app, database } = onDisk;
    const owner = await signIn(app, demo.resident);
    const upload = async () =>
      (
        await owner.request({
          method: 'POST',
          url: '/api/v1/files?purpose=photo',
          payload: await jpegWithGps(),
          headers: { 'content-type': 'image/jpeg' },
        })
      ).json() as { id: string };
    const loose = await upload();
    const onOrder = await upload();
    const start = Date.now() + 86_400_000;
    const placed = await owner.post('/api/v1/orders', {
      categoryCode: 'convenience',
      title: '门口台阶松动',
      regionCode: BEIMENWAI,
      address: '北门外社区 2 号楼',
      windowStart: new Date(start).toISOString(),
      windowEnd: new Date(start + 3_600_000).toISOString(),
      photoFileIds: [onOrder.id],
    });
    expect(placed.statusCode, placed.body).toBe(201);

    const keeper = await signIn(app, demo.keeper);
    const institute = await signIn(app, demo.instituteAdmin);
    const centre = await signIn(app, demo.centreAdmin);
    const keeperNextDoor = await signIn(
      app,
      (await makeUser(database, { grants: [{ role: 'station_keeper', regionCode: '371002002001' }] })).phone,
    );
    const otherInstitute = await signIn(
      app,
      (await makeUser(database, { grants: [{ role: 'institute_admin', regionCode: '371002001' }] })).phone,
    );
    const status = async (client: Client, id: string) => (await client.get(`/api/v1/files/${id}`)).statusCode;

    // On an order of 北门外: its owner and the staff above 北门外 read it; another community's or subdistrict's staff do not.
    expect(await status(owner, onOrder.id)).toBe(200);
    for (const staff of [keeper, institute, centre]) expect(await status(staff, onOrder.id)).toBe(200);
    for (const stranger of [keeperNextDoor, otherInstitute, await signIn(app, demo.volunteer)])
      expect(await status(stranger, onOrder.id)).toBe(404);
    // On no record: only its owner.
    expect(await status(owner, loose.id)).toBe(200);
    for (const staff of [keeper, institute, centre, keeperNextDoor]) expect(await status(staff, loose.id)).toBe(404);
    expect((await anonymous(app).get(`/api/v1/files/${loose.id}`)).statusCode).toBe(401);
    expect((await anonymous(app).request({ method: 'POST', url: '/api/v1/files', payload: pdf() })).statusCode).toBe(
      401,
    );
  });

  it('lets nobody put another person’s photo on their order', async () => {
    const { app } = onDisk;
    const owner = await signIn(app, demo.resident);
    const photo = (
      await owner.request({ method: 'POST', url: '/api/v1/files?purpose=photo', payload: await jpegWithGps() })
    ).json() as { id: string };
    const start = Date.now() + 86_400_000;
    const thief = await signIn(app, demo.volunteer);
    const res = await thief.post('/api/v1/orders', {
      categoryCode: 'convenience',
      title: '借用别人的照片',
      regionCode: '371002002001',
      address: '别的社区',
      windowStart: new Date(start).toISOString(),
      windowEnd: new Date(start + 3_600_000).toISOString(),
      photoFileIds: [photo.id],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.photoFileIds');
    // and the photo still belongs to no place: the other community's keeper cannot read it.
    const keeperThere = await signIn(
      app,
      (await makeUser(onDisk.database, { grants: [{ role: 'station_keeper', regionCode: '371002002001' }] })).phone,
    );
    expect((await keeperThere.get(`/api/v1/files/${photo.id}`)).statusCode).toBe(404);
  });
});
