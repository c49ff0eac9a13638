import { resolve } from 'node:path';
import { loadConfig } from '../src/server/platform/config.js';
import { ensureWebBuild } from '../src/server/platform/web-build.js';

const outDir = resolve(loadConfig().WEB_DIST);
console.log((await ensureWebBuild(outDir)) ? `built the web app into ${outDir}` : `${outDir} is already current`);
