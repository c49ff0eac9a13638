/**
 * The web's forms take their free-text limits from src/shared/text-limits.ts, never from a number
 * written in the form (which drifts from the server's: the 个人简介 counter allowed 500 the server
 * refused). A number is allowed only for fixed formats: a 6-digit code, an 11-digit phone, an ISBN,
 * an 18-character ID number. And on the phone, every text area counts as the server does
 * (LimitedTextArea), not antd-mobile's TextArea, which counts an emoji as one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const formats = new Set(['6', '11', '13', '18']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.tsx') && !entry.name.includes('.test.') ? [path] : [];
  });
}

const files = sources(join(root, 'src/web')).map((path) => ({
  file: relative(root, path),
  text: readFileSync(path, 'utf8'),
}));

it('declares no free-text limit as a number in a form', () => {
  expect(files.length).toBeGreaterThan(50);
  const found = files.flatMap(({ file, text }) =>
    [...text.matchAll(/maxLength=\{([^}]*)\}/g)]
      .filter((m) => /\d/.test(m[1] as string) && !formats.has((m[1] as string).trim()))
      .map((m) => `${file}: maxLength={${m[1]}}`),
  );
  expect(found).toEqual([]);
});

it('uses LimitedTextArea for every text area on the phone', () => {
  const found = files
    .filter(({ file }) => !file.endsWith('shared/LimitedTextArea.tsx'))
    .filter(({ text }) => /import\s*\{[^}]*\bTextArea\b[^}]*\}\s*from\s*'antd-mobile'/.test(text))
    .map(({ file }) => file);
  expect(found).toEqual([]);
});
