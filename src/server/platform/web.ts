import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from './errors.js';

/** Serves the single-page app: Vite's dev middleware in development, the built files otherwise. */
export const webPlugin = fp(async (app: FastifyInstance) => {
  if (app.config.NODE_ENV === 'development') {
    const { createServer } = await import('vite');
    const middie = (await import('@fastify/middie')).default;
    await app.register(middie);
    const vite = await createServer({
      configFile: resolve('vite.config.ts'),
      server: { middlewareMode: true },
      appType: 'spa',
    });
    app.use(vite.middlewares);
    app.addHook('onClose', () => vite.close());
    return;
  }
  const dist = resolve(app.config.WEB_DIST);
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error(`No web build in ${dist}: run npm run build`);
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: false,
    // Vite names assets by content hash: they never change, so browsers may keep them.
    setHeaders: (res, path) => {
      res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const spa = async (
    req: { url: string },
    reply: { sendFile: (f: string, o?: object) => unknown; header: (k: string, v: string) => unknown },
  ) => {
    if (req.url.startsWith('/api/')) throw new AppError('ROUTE_NOT_FOUND');
    // A chunk of an older build is gone after a redeploy: say so instead of answering with HTML.
    if (req.url.startsWith('/assets/')) throw new AppError('ROUTE_NOT_FOUND');
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', { maxAge: 0 });
  };
  app.get('/', { schema: { hide: true } }, spa);
  app.get('/*', { schema: { hide: true } }, spa);
});
