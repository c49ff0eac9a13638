/**
 * fast-check arbitraries built from the OpenAPI document: plausible values for a schema, and
 * values that are malformed for it by construction (so the server must refuse them).
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  nullable?: boolean;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/** Flattens `allOf` (zod emits it for several regex checks on one string). */
export function flatten(schema: JsonSchema): JsonSchema {
  if (!schema.allOf) return schema;
  const { allOf, ...rest } = schema;
  return Object.assign(rest, ...allOf.map(flatten));
}

const typeOf = (schema: JsonSchema) => flatten(schema).type ?? (schema.enum ? typeof schema.enum[0] : undefined);

/** A value that fits the schema (most of the time: patterns are sampled, not proven). */
export function plausible(raw: JsonSchema, idFor?: () => fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const schema = flatten(raw);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf ?? schema.oneOf) return fc.oneof(...(schema.anyOf ?? schema.oneOf ?? []).map((s) => plausible(s)));
  switch (schema.type) {
    case 'string': {
      if (schema.format === 'uuid') return idFor ? idFor() : fc.uuid();
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      const maxLength = Math.min(schema.maxLength ?? 20, 20);
      return fc.string({ minLength: Math.min(schema.minLength ?? 0, maxLength), maxLength });
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(schema.items ?? {}), { maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'object': {
      const props = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, plausible(s)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.constant('x');
  }
}

/** C0 controls other than tab/LF/CR, DEL, C1 controls and lone surrogates: never valid text. */
const badCharacter = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\ud800',
  '\udfff',
);
const withBadCharacter = fc
  .tuple(fc.string({ maxLength: 8 }), badCharacter, fc.string({ maxLength: 8 }))
  .map(([a, c, b]) => `${a}${c}${b}`);
/** Look like digits or letters to a person, not to a pattern. */
const lookalikes = fc.constantFrom(
  '１３８００００００００１',
  '١٢٣٤٥٦',
  '😀',
  '𠮷野家',
  'é'.normalize('NFD'),
  '\u202eabc',
  'ＡＢＣ',
);

const b64 = (s: string) => Buffer.from(s).toString('base64url');
/** Cursors that fit no list's sort keys. */
export const forgedCursors = fc.constantFrom(
  '!!!',
  '%%%',
  b64('not json'),
  b64('"x"'),
  b64('{}'),
  b64('[]'),
  b64('[null,null]'),
  b64('[1,2,3,4]'),
  b64('[{},[]]'),
  b64('["\u0000","\u0000"]'),
  b64('["x","not-a-uuid"]'),
  b64('[99999999999999999999999]'),
  b64('[-1]'),
  b64('["x","x","x"]'),
);

/** A string that the schema cannot accept: control characters, too long, or not its shape. */
function malformedString(schema: JsonSchema): fc.Arbitrary<string> {
  const options: fc.Arbitrary<string>[] = [withBadCharacter];
  const tooLong = (schema.maxLength ?? 10_000) + 1;
  options.push(fc.integer({ min: tooLong, max: tooLong + 20_000 }).map((n) => 'x'.repeat(n)));
  if (schema.enum || schema.pattern || schema.format) options.push(lookalikes, fc.constantFrom('', ' ', 'null'));
  if (schema.minLength && schema.minLength > 0) options.push(fc.constant(''));
  return fc.oneof(...options);
}

function malformedNumber(schema: JsonSchema, inQuery: boolean): fc.Arbitrary<unknown> {
  const numbers: number[] = [2 ** 63, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2];
  if (schema.minimum !== undefined) numbers.push(schema.minimum - 1, -(2 ** 31) - 1);
  if (schema.maximum !== undefined) numbers.push(schema.maximum + 1, 2 ** 31);
  if (schema.type === 'integer') numbers.push(1.5, -0.5);
  const asText = numbers.map((n) => (Number.isInteger(n) && Math.abs(n) > 1e20 ? n.toExponential() : String(n)));
  if (inQuery) return fc.constantFrom('abc', 'NaN', 'Infinity', '1e400', '9'.repeat(400), ...asText);
  return fc.oneof(fc.constantFrom(...numbers), fc.constantFrom('12', 'NaN', true, null, [], {}));
}

/**
 * A value that the schema must refuse. `inQuery`: the value travels as text in a URL, so a wrong
 * JSON type cannot be expressed there.
 */
export function malformed(raw: JsonSchema, inQuery = false): fc.Arbitrary<unknown> {
  const schema = flatten(raw);
  const type = typeOf(schema);
  const wrongType = (...except: string[]) =>
    fc.constantFrom<unknown>(
      ...[
        ['number', 42],
        ['boolean', true],
        ['array', ['x']],
        ['object', { x: 1 }],
        ['string', 'x'],
        ...(schema.nullable ? [] : [['null', null]]),
      ]
        .filter(([t]) => !except.includes(t as string))
        .map(([, v]) => v),
    );
  if (type === 'string') {
    if (inQuery) return malformedString(schema);
    return fc.oneof(malformedString(schema), wrongType('string'));
  }
  if (type === 'integer' || type === 'number') return malformedNumber(schema, inQuery);
  if (type === 'boolean') return inQuery ? fc.constantFrom('maybe', 'yes\u0000', '2') : wrongType('boolean');
  if (type === 'array') {
    const options: fc.Arbitrary<unknown>[] = [wrongType('array')];
    if (schema.items) options.push(malformed(schema.items).map((v) => [v]));
    if (schema.maxItems !== undefined) {
      const item = plausible(schema.items ?? {});
      const n = schema.maxItems + 1;
      options.push(fc.array(item, { minLength: n, maxLength: n }));
    }
    return fc.oneof(...options);
  }
  if (type === 'object') return fc.oneof(wrongType('object'), malformedObject(schema));
  return wrongType();
}

/** An object with one required field missing or one field malformed; the rest plausible. */
export function malformedObject(schema: JsonSchema): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {};
  const names = Object.keys(props);
  const required = (schema.required ?? []).filter((k) => k in props);
  const options: fc.Arbitrary<unknown>[] = [];
  if (names.length > 0) {
    options.push(
      fc
        .constantFrom(...names)
        .chain((name) =>
          fc
            .tuple(plausible(schema), malformed(props[name] as JsonSchema))
            .map(([base, bad]) => ({ ...(base as object), [name]: bad })),
        ),
    );
  }
  if (required.length > 0) {
    options.push(
      fc.constantFrom(...required).chain((name) =>
        plausible(schema).map((base) => {
          const copy = { ...(base as Record<string, unknown>) };
          delete copy[name];
          return copy;
        }),
      ),
    );
  }
  return options.length > 0 ? fc.oneof(...options) : fc.constant({ '\u0000': 1 });
}
