/**
 * Writes the OpenAPI document and the typed web client from the server's own route schemas:
 *   src/web/api/schema.d.ts, docs/api.md
 * `npm test` fails when these files are stale (test/contract.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { renderApiArtifacts } from '../src/server/openapi-artifacts.js';

const files = await renderApiArtifacts();
for (const [path, text] of Object.entries(files)) {
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
