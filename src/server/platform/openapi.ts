import { createJsonSchemaTransformObject } from 'fastify-type-provider-zod';

type Json = Record<string, unknown>;
type TransformObject = ReturnType<typeof createJsonSchemaTransformObject>;

const zodComponents = createJsonSchemaTransformObject({});
const SCHEMAS = '#/components/schemas/';
const RESPONSES = '#/components/responses/';

/** Named responses: a response whose every body is exactly this schema becomes a `$ref` to the response. */
const sharedResponses: Record<string, { schema: string; description: string }> = {
  Error: { schema: 'Error', description: 'Error: `{ error: { code, message, messageEn, details? } }`' },
};

function refsIn(value: unknown, found: Set<string>) {
  if (Array.isArray(value)) for (const v of value) refsIn(v, found);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') found.add(v);
      else refsIn(v, found);
    }
  }
}

function sharedResponseFor(response: Json): string | null {
  const content = response.content as Record<string, { schema?: Json }> | undefined;
  if (!content) return null;
  const refs = new Set(Object.values(content).map((c) => c.schema?.$ref));
  if (refs.size !== 1) return null;
  const [ref] = refs;
  const name = Object.keys(sharedResponses).find((n) => ref === `${SCHEMAS}${sharedResponses[n]?.schema}`);
  return name ?? null;
}

/** A schema renamed `…Input` for requests that reads the same as its output twin: one component, not two. */
function mergeSameInputs<T>(schemas: Record<string, unknown>, paths: T): [Record<string, unknown>, T] {
  const renamed = new Map<string, string>();
  const rewrite = (value: unknown) =>
    JSON.parse(JSON.stringify(value), (k, v) => (k === '$ref' && renamed.has(v) ? renamed.get(v) : v));
  for (let changed = true; changed; ) {
    changed = false;
    for (const name of Object.keys(schemas)) {
      const twin = name.replace(/Input$/, '');
      const ref = `${SCHEMAS}${name}`;
      if (twin === name || renamed.has(ref) || !(twin in schemas)) continue;
      if (JSON.stringify(rewrite(schemas[name])) === JSON.stringify(rewrite(schemas[twin]))) {
        renamed.set(ref, `${SCHEMAS}${twin}`);
        changed = true;
      }
    }
  }
  return [rewrite(schemas), rewrite(paths)];
}

/**
 * Emits the zod schemas named with `named()` of platform/contract.ts as `components.schemas`,
 * replaces the shared error responses with `$ref`s to `components.responses`, and drops the
 * components no operation reaches (an output-only schema also gets an unused `…Input` copy).
 */
export const openApiTransformObject: TransformObject = (input) => {
  const doc = zodComponents(input) as unknown as Json;
  const components = (doc.components ?? {}) as Json;
  const [schemas, paths] = mergeSameInputs(
    (components.schemas ?? {}) as Record<string, unknown>,
    (doc.paths ?? {}) as Record<string, Record<string, { responses?: Record<string, Json> }>>,
  );
  for (const ops of Object.values(paths)) {
    for (const op of Object.values(ops)) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const name = sharedResponseFor(response);
        if (name && op.responses) op.responses[status] = { $ref: `${RESPONSES}${name}` };
      }
    }
  }
  const responses: Record<string, unknown> = {};
  for (const [name, { schema, description }] of Object.entries(sharedResponses)) {
    responses[name] = { description, content: { 'application/json': { schema: { $ref: `${SCHEMAS}${schema}` } } } };
  }

  // Keep the schemas reachable from the paths and the shared responses, following refs between schemas.
  const reached = new Set<string>();
  refsIn([paths, responses], reached);
  const kept: Record<string, unknown> = {};
  const queue = [...reached];
  while (queue.length > 0) {
    const ref = queue.pop() as string;
    if (!ref.startsWith(SCHEMAS)) continue;
    const name = ref.slice(SCHEMAS.length);
    if (name in kept || !(name in schemas)) continue;
    kept[name] = schemas[name];
    const inner = new Set<string>();
    refsIn(schemas[name], inner);
    queue.push(...inner);
  }
  const sortedSchemas = Object.fromEntries(Object.entries(kept).sort(([a], [b]) => a.localeCompare(b)));
  return {
    ...doc,
    paths,
    components: { ...components, schemas: sortedSchemas, responses },
  } as ReturnType<TransformObject>;
};
