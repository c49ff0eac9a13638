import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'dist', 'data', '.git']);

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return testFiles(path);
    return e.name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

it('runs every test file in exactly one Vitest project (a file in none would silently never run)', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(root, 'node_modules/vitest/vitest.mjs'), 'list', '--filesOnly', '--json'],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  );
  const listed = JSON.parse(stdout) as { file: string; projectName: string }[];
  const projectsOf = new Map<string, string[]>();
  for (const { file, projectName } of listed) {
    const key = relative(root, file);
    projectsOf.set(key, [...(projectsOf.get(key) ?? []), projectName]);
  }
  const misplaced = testFiles(root)
    .map((file) => ({ file, projects: projectsOf.get(file) ?? [] }))
    .filter((f) => f.projects.length !== 1);
  expect(misplaced).toEqual([]);
  expect(new Set(listed.map((l) => l.projectName))).toEqual(new Set(['unit', 'integration', 'e2e']));
});
