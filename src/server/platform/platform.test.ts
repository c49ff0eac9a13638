import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anonymous, createTestApp } from '../../../test/server.js';
import { loadConfig } from './config.js';
import { openPglite } from './db.js';

describe('configuration', () => {
  it('refuses to start on an invalid value and names it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });

  it('has documented defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8080);
    expect(config.DEFAULT_TENANT).toBe('371002');
    expect(config.dataDir).toMatch(/\/data$/);
  });
});

describe('the embedded database folder', () => {
  it('refuses a second process on the same folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leifeng-lock-'));
    writeFileSync(join(dir, 'leifeng.lock'), String(process.ppid));
    await expect(openPglite(dir)).rejects.toThrow(/in use by process/);
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leifeng-lock-'));
    writeFileSync(join(dir, 'leifeng.lock'), '999999999');
    const database = await openPglite(dir);
    expect(await database.ping()).toBe(true);
    await database.close();
  }, 120_000);
});

describe('health', () => {
  it('reports the version and a reachable database, and 503 when it is not', async () => {
    const t = await createTestApp();
    const ok = await anonymous(t.app).get('/api/health');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'ok', version: '0.1.0', database: { reachable: true } });
    await t.database.close();
    const down = await anonymous(t.app).get('/api/health');
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ status: 'degraded', database: { reachable: false } });
    await t.app.close();
  });

  it('answers unknown API routes with the error shape', async () => {
    const t = await createTestApp();
    const res = await anonymous(t.app).get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
    await t.close();
  });
});

describe('serving the web app', () => {
  it('serves the app shell for client routes, hashed assets for a year, and 404 for a missing chunk', async () => {
    const t = await createTestApp({ web: true });
    const client = anonymous(t.app);
    const shell = await client.get('/console/regions');
    expect(shell.statusCode).toBe(200);
    expect(shell.headers['content-type']).toMatch(/text\/html/);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(shell.body)?.[1];
    expect(script).toBeDefined();
    const asset = await client.get(script as string, { 'accept-encoding': 'gzip' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect((await client.get('/assets/old-build-abc123.js')).statusCode).toBe(404);
    await t.close();
  });
});
