import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, createTestApp, demo, signIn, type TestContext } from './server.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('compressed API responses', () => {
  it.each([
    ['/api/openapi.json', 'gzip', gunzipSync],
    ['/api/openapi.json', 'br', brotliDecompressSync],
    ['/api/v1/public/sites?limit=100', 'gzip', gunzipSync],
    ['/api/v1/public/sites/map', 'br', brotliDecompressSync],
    ['/api/v1/public/regions', 'gzip', gunzipSync],
  ] as const)('%s comes back as %s and decodes to the same JSON', async (url, encoding, decode) => {
    const plain = await anonymous(t.app).get(url);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();

    const packed = await anonymous(t.app).get(url, { 'accept-encoding': encoding });
    expect(packed.statusCode).toBe(200);
    expect(packed.headers['content-encoding']).toBe(encoding);
    expect(packed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(decode(packed.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('compresses a signed-in scoped list too', async () => {
    const admin = await signIn(t.app, demo.centreAdmin);
    const res = await admin.get('/api/v1/regions', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.statusCode).toBe(200);
    expect(['br', 'gzip']).toContain(res.headers['content-encoding']);
  });

  it('leaves tiny answers alone (below the 1 KB threshold the headers cost more than they save)', async () => {
    const res = await anonymous(t.app).get('/api/health', { 'accept-encoding': 'gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});
