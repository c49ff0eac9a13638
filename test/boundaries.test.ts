import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type IViolation } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs');

describe('the boundaries npm run check enforces', () => {
  it('reports each deliberate violation in the fixture tree, and nothing it allows', async () => {
    const { enhancedResolveOptions, tsConfig: _tsConfig, exclude: _exclude, ...options } = config.options;
    const result = await cruise(
      ['src'],
      { ...options, baseDir: join(root, 'test/fixtures/boundaries'), validate: true, ruleSet: config },
      enhancedResolveOptions,
      { tsConfig: extractTSConfig(join(root, 'tsconfig.json')) },
    );
    if (typeof result.output === 'string') throw new Error('expected a cruise result');
    const found = result.output.summary.violations.map((v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(found.sort()).toEqual(
      [
        'module-entrance: src/server/modules/beta/uses.ts → src/server/modules/alpha/inner.ts',
        'outside-entrance: src/server/app.ts → src/server/modules/alpha/inner.ts',
        'platform-not-app: src/server/platform/assemble.ts → src/server/app.ts',
        'platform-not-modules: src/server/platform/thing.ts → src/server/modules/alpha/index.ts',
        'schema-list-reads-tables-only: src/server/db/schema.ts → src/server/modules/alpha/inner.ts',
        'shared-is-pure: src/shared/pure.ts → src/server/platform/helper.ts',
        'shared-no-node: src/shared/pure.ts → fs',
        'web-not-server: src/web/page.ts → src/server/modules/beta/index.ts',
      ].sort(),
    );
  });
});

/**
 * Modules import each other through their index.ts, and some import each other both ways, so which
 * one finishes loading first depends on the entry point. A value from another module used while a
 * file loads (a table in a top-level column map, an alias, a zod schema) can then still be
 * uninitialised: "Cannot access 'users' before initialization". Use it inside a function instead.
 */
function loadTimeUses(modulesDir: string): string[] {
  const moduleOf = (path: string) => relative(modulesDir, path).split('/')[0];
  const files = readdirSync(modulesDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(modulesDir, f));
  const found: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const foreign = new Set<string>();
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
      const target = resolve(dirname(file), (statement.moduleSpecifier as ts.StringLiteral).text);
      if (!target.startsWith(modulesDir) || moduleOf(target) === moduleOf(file)) continue;
      const names = statement.importClause?.namedBindings;
      if (names && ts.isNamedImports(names))
        for (const e of names.elements) if (!e.isTypeOnly) foreign.add(e.name.text);
    }
    const visit = (node: ts.Node) => {
      if (
        ts.isFunctionLike(node) ||
        ts.isTypeNode(node) ||
        ts.isInterfaceDeclaration(node) ||
        ts.isTypeAliasDeclaration(node)
      )
        return;
      const p = node.parent;
      const isKey =
        (ts.isPropertyAccessExpression(p) && p.name === node) || (ts.isPropertyAssignment(p) && p.name === node);
      if (ts.isIdentifier(node) && foreign.has(node.text) && !isKey) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${relative(modulesDir, file)}:${line + 1} ${node.text}`);
      }
      ts.forEachChild(node, visit);
    };
    if (foreign.size)
      for (const statement of source.statements) if (!ts.isImportDeclaration(statement)) visit(statement);
  }
  return found.sort();
}

describe('module loading', () => {
  it('finds a value of another module used while a file loads', () => {
    expect(loadTimeUses(join(root, 'test/fixtures/boundaries/src/server/modules'))).toEqual([
      'beta/uses.ts:5 alphaValue',
      'beta/uses.ts:5 sneaky',
    ]);
  });

  it('no module file uses another module’s exports at load time', () => {
    expect(loadTimeUses(join(root, 'src/server/modules'))).toEqual([]);
  });
});
