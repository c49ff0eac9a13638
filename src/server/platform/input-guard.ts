/**
 * The edge guard: no control character reaches a handler. Every string (and object key) in a
 * route's params, querystring and body is checked before the route's own schema runs, so a NUL
 * byte or an escape sequence is a 400 naming the field, never a database error. Tab, line feed
 * and carriage return pass only in fields whose schema is marked `multiline(...)`.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { fieldError } from './errors.js';

const multilineFields = z.registry<{ multiline: true }>();

/** Marks a text field that may hold several lines (tab, CR and LF allowed). */
export function multiline<T extends z.ZodType>(schema: T): T {
  multilineFields.add(schema, { multiline: true });
  return schema;
}

// C0 controls, DEL and C1 controls; unpaired surrogates cannot be stored either.
const LONE_SURROGATE = String.raw`[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`;
const ANY_CONTROL = new RegExp(String.raw`[\u0000-\u001f\u007f-\u009f]|${LONE_SURROGATE}`);
const NON_TEXT_CONTROL = new RegExp(
  String.raw`[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|${LONE_SURROGATE}`,
);

/** Whether a single-line text holds a control character or a lone surrogate. */
export const hasControlCharacter = (text: string) => ANY_CONTROL.test(text);

type Schema = z.core.$ZodType | undefined;

interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  items?: Schema[];
  rest?: Schema;
  valueType?: Schema;
  options?: Schema[];
  getter?: () => Schema;
}

const defOf = (schema: Schema): Def | undefined => (schema as { _zod?: { def: Def } } | undefined)?._zod?.def;

/** Unwraps optional/nullable/default/pipe layers; says whether any layer is marked multi-line. */
function unwrap(schema: Schema): { schema: Schema; multiline: boolean } {
  let current = schema;
  let isMultiline = false;
  for (let depth = 0; current && depth < 20; depth++) {
    if (multilineFields.has(current as z.ZodType)) isMultiline = true;
    const def = defOf(current);
    if (!def) break;
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe') current = def.in;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else break;
  }
  return { schema: current, multiline: isMultiline };
}

function childSchema(schema: Schema, key: string | number): Schema[] {
  const def = defOf(schema);
  if (!def) return [undefined];
  if (def.type === 'union' && def.options) return def.options.flatMap((o) => childSchema(unwrap(o).schema, key));
  if (def.type === 'object') return [def.shape?.[key]];
  if (def.type === 'array') return [def.element];
  if (def.type === 'tuple') return [def.items?.[Number(key)] ?? def.rest];
  if (def.type === 'record') return [def.valueType];
  return [undefined];
}

function allowsMultiline(schema: Schema): boolean {
  const { schema: inner, multiline: marked } = unwrap(schema);
  if (marked) return true;
  const def = defOf(inner);
  return def?.type === 'union' ? (def.options ?? []).some(allowsMultiline) : false;
}

/** The path of the first string holding a forbidden character, or null. */
export function findControlCharacter(value: unknown, schema: Schema, path: (string | number)[] = []): string[] | null {
  if (typeof value === 'string') {
    return (allowsMultiline(schema) ? NON_TEXT_CONTROL : ANY_CONTROL).test(value) ? path.map(String) : null;
  }
  if (value === null || typeof value !== 'object' || path.length > 32) return null;
  const inner = unwrap(schema).schema;
  for (const [key, child] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    if (typeof key === 'string' && ANY_CONTROL.test(key)) return [...path.map(String), key];
    const candidates = childSchema(inner, key);
    const found = candidates.map((c) => findControlCharacter(child, c, [...path, key]));
    if (found.every((f) => f !== null)) return found[0] ?? null;
  }
  return null;
}

const controlMessage = ['不能包含控制字符或无效字符', 'Must not contain control or invalid characters'] as const;

const parts = [
  ['params', 'params'],
  ['querystring', 'query'],
  ['body', 'body'],
] as const;

/** Whether every percent-escape in a query string decodes to UTF-8 text. */
function decodesAsText(query: string): boolean {
  try {
    decodeURIComponent(query.replaceAll('+', ' '));
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks every route, with a schema or without, before its validation: the first offending
 * field is a 400 `VALIDATION_FAILED` naming it (`body.name`, `querystring.q`, `params.id`).
 */
export const inputGuard = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (req) => {
    const query = req.url.indexOf('?');
    if (query >= 0 && !decodesAsText(req.url.slice(query + 1))) {
      throw fieldError('querystring', '查询参数不是有效的 UTF-8 文本', 'The query string is not valid UTF-8 text');
    }
    const schema = req.routeOptions.schema as Partial<Record<(typeof parts)[number][0], Schema>> | undefined;
    for (const [context, key] of parts) {
      const path = findControlCharacter(req[key], schema?.[context]);
      if (path) throw fieldError([context, ...path].join('.'), ...controlMessage);
    }
  });
});
