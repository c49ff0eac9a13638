// The boundaries between the parts of the codebase, checked by `npm run check` (docs/architecture.md).
// test/boundaries.test.ts runs these rules against a fixture with deliberate violations.

const modules = '^src/server/modules/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-entrance',
      comment:
        'A module reaches another module only through its index.ts. Export what is needed there; change ' +
        "another module's tables only by calling a function it exports.",
      severity: 'error',
      from: { path: `${modules}([^/]+)/` },
      to: {
        path: modules,
        pathNot: [`${modules}$1/`, `${modules}[^/]+/index\\.ts$`],
      },
    },
    {
      name: 'outside-entrance',
      comment:
        'Code outside the modules (app, demo seed, scripts, tests, bench) uses a module through its index.ts. ' +
        'Only src/server/db/schema.ts, the list of tables for drizzle-kit, reads the schema files directly.',
      severity: 'error',
      from: { pathNot: [modules, '^src/server/db/schema\\.ts$'] },
      to: { path: `${modules}[^/]+/`, pathNot: `${modules}[^/]+/index\\.ts$` },
    },
    {
      name: 'schema-list-reads-tables-only',
      comment: 'src/server/db/schema.ts lists tables: it imports schema files and nothing else of a module.',
      severity: 'error',
      from: { path: '^src/server/db/schema\\.ts$' },
      to: { path: modules, pathNot: `${modules}[^/]+/[a-z-]*schema\\.ts$` },
    },
    {
      name: 'platform-not-modules',
      comment:
        'The platform imports nothing from the modules: a module hands the platform what it needs at ' +
        'start-up (see app.ts, main.ts).',
      severity: 'error',
      from: { path: '^src/server/platform/' },
      to: { path: '^src/server/(modules|demo|db)/' },
    },
    {
      name: 'platform-not-app',
      comment: 'Only the platform tests may build the whole app.',
      severity: 'error',
      from: { path: '^src/server/platform/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/server/[^/]+\\.ts$' },
    },
    {
      name: 'shared-is-pure',
      comment: 'src/shared is used by the server and the browser: it imports nothing from either, nor Node built-ins.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(server|web)/' },
    },
    {
      name: 'shared-no-node',
      comment: 'src/shared runs in the browser too: no Node built-ins.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-not-server',
      comment:
        'The web app talks to the server over HTTP only; its API types are generated into src/web/api. ' +
        'Code both sides need lives in src/shared.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|data|test/fixtures)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
