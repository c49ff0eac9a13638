/**
 * `npm start`: builds what is missing or stale (in a child process, so the build tools never stay
 * in the server's memory), then runs the compiled server in this process.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isServerBuildCurrent, isWebBuildCurrent, root, serverOut } from './build.mjs';

if (!isServerBuildCurrent() || !isWebBuildCurrent()) {
  console.log('Building this version (npm run build)…');
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

await import(pathToFileURL(join(serverOut, 'main.js')).href);
