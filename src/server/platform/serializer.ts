/**
 * Response serialisation compiled from each route's zod schema. fastify-type-provider-zod parses
 * every response with zod (a full validation) and then runs `JSON.stringify`; here the response
 * schema becomes a JSON schema once, at start-up, and fast-json-stringify compiles it into a
 * function that writes exactly the declared properties in their declared order.
 *
 * Production only serialises. Tests and development also run the zod path and compare: a response
 * that does not match its schema fails as before (500), and one that the compiled serializer would
 * write differently from zod + JSON.stringify fails with `SERIALIZER_MISMATCH`, so every test that
 * reads a response checks both. A schema the compiler cannot take (a date, a transform) keeps the
 * zod path.
 */
import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;
type ZodCompilerInput = Parameters<typeof zodSerializerCompiler>[0];
type Serialize = (data: unknown) => string;

/** Keywords that only validate or describe: zod has checked them in tests, the writer needs none. */
const DROPPED = new Set([
  '$schema',
  'id',
  '$id',
  'title',
  'description',
  'examples',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'propertyNames',
  'readOnly',
  'writeOnly',
  'deprecated',
]);
/** Formats fast-json-stringify writes differently (a Date as ISO text); the others only validate. */
const KEPT_FORMATS = new Set(['date-time', 'date', 'time']);

const isSchema = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNull = (s: unknown) => isSchema(s) && s.type === 'null' && Object.keys(s).length === 1;

/**
 * The JSON schema reduced to what writing needs: no validation keywords, no `additionalProperties:
 * false` (undeclared properties are simply not written), and `X | null` as `nullable` rather than
 * an `anyOf` that would be decided by validating each branch.
 */
export function forWriting(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forWriting);
  if (!isSchema(schema)) return schema;
  const anyOf = schema.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2 && anyOf.some(isNull)) {
    const other = forWriting(anyOf.find((s) => !isNull(s))) as JsonSchema;
    const { anyOf: _, ...rest } = schema;
    if (typeof other.type === 'string' && !other.anyOf && !other.$ref) {
      return { ...(forWriting(rest) as JsonSchema), ...other, nullable: true };
    }
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key)) continue;
    if (key === 'format' && !KEPT_FORMATS.has(value as string)) continue;
    if (key === 'additionalProperties' && value === false) continue;
    if (key === 'properties' || key === 'definitions' || key === '$defs') {
      out[key] = Object.fromEntries(Object.entries(value as JsonSchema).map(([k, v]) => [k, forWriting(v)]));
    } else if (['items', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'not', 'prefixItems'].includes(key)) {
      out[key] = forWriting(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** The compiled writer for a zod schema, or null when it cannot be expressed as a JSON schema. */
export function compileWriter(schema: z.ZodType): Serialize | null {
  try {
    const json = z.toJSONSchema(schema, {
      target: 'draft-7',
      io: 'output',
      unrepresentable: 'throw',
      // Named components would become `$ref`s with ids; the writer wants everything inline.
      metadata: z.registry(),
      reused: 'inline',
      cycles: 'ref',
    });
    return fastJson(forWriting(json) as Parameters<typeof fastJson>[0]) as Serialize;
  } catch {
    return null;
  }
}

export class SerializerMismatchError extends Error {
  readonly code = 'SERIALIZER_MISMATCH';
}

/** Responses (`METHOD url status`) with a compiled writer, and those whose schema kept the zod path. */
export const compiledResponses = new Set<string>();
export const zodOnlyResponses = new Set<string>();

/** Serialises through both and fails when they disagree; zod's own failure (an invalid response) comes first. */
export function verified(viaZod: Serialize, writer: Serialize, label: string): Serialize {
  return (data) => {
    const expected = viaZod(data);
    const written = writer(data);
    if (written !== expected) {
      throw new SerializerMismatchError(
        `${label}: the compiled serializer wrote ${written.slice(0, 400)} but zod wrote ${expected.slice(0, 400)}`,
      );
    }
    return written;
  };
}

/**
 * A Fastify serializer compiler. `verify` (tests, development): also serialise through zod, which
 * validates, and fail when the two texts differ. Without it (production): the compiled writer only.
 */
export function fastSerializerCompiler({ verify }: { verify: boolean }) {
  return (route: ZodCompilerInput): Serialize => {
    const viaZod = zodSerializerCompiler(route) as Serialize;
    const schema = route.schema as unknown;
    const writer = schema instanceof z.ZodType ? compileWriter(schema) : null;
    const label = `${route.method} ${route.url} ${route.httpStatus}`;
    if (!writer) {
      zodOnlyResponses.add(label);
      return viaZod;
    }
    compiledResponses.add(label);
    return verify ? verified(viaZod, writer, label) : writer;
  };
}
