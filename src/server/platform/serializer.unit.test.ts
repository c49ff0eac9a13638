import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileWriter, fastSerializerCompiler, forWriting, SerializerMismatchError, verified } from './serializer.js';

const regionRef = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['district', 'subdistrict', 'community']),
});
/** The shape of `GET /api/v1/me`. */
const meResponse = z.object({
  id: z.string().uuid(),
  phone: z.string(),
  displayName: z.string(),
  mustChangePassword: z.boolean().describe('set by someone else'),
  tenantId: z.string(),
  roles: z.array(
    z.object({
      role: z.enum(['resident', 'volunteer', 'station_keeper']),
      region: regionRef.nullable(),
      organisation: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
    }),
  ),
  scope: z.array(regionRef),
});

const viaZod = (schema: z.ZodType, data: unknown) => JSON.stringify(z.encode(schema, data as never));

const me = {
  id: '3f1c7e3e-1a8d-4a8c-9d6e-1f2e3d4c5b6a',
  phone: '138****0003',
  displayName: '北门外社区专管员 "老王"\n',
  mustChangePassword: false,
  tenantId: '371002',
  passwordHash: 'never written',
  roles: [
    { role: 'volunteer', region: null, organisation: null },
    {
      role: 'station_keeper',
      region: { code: '371002002005', name: '北门外', level: 'community', tenantId: 'x' },
      organisation: { id: '3f1c7e3e-1a8d-4a8c-9d6e-1f2e3d4c5b6b', name: '鲸园蓝' },
    },
  ],
  scope: [{ code: '371002002005', name: '北门外', level: 'community' }],
};

describe('compiled response writers', () => {
  it('write what zod + JSON.stringify write: declared properties only, in order, nulls, escapes', () => {
    const write = compileWriter(meResponse);
    expect(write).not.toBeNull();
    expect(write?.(me)).toBe(viaZod(meResponse, me));
    expect(write?.(me)).not.toContain('passwordHash');
  });

  it('agree with zod on the shapes responses use', () => {
    const cases: [z.ZodType, unknown][] = [
      [z.looseObject({ a: z.string() }), { b: 1, a: 'x' }],
      [z.object({ s: z.string() }), { s: 'a\ud800b\u2028"\\' }],
      [z.object({ n: z.number(), i: z.number().int() }), { n: 1e21, i: -3 }],
      [z.record(z.string(), z.number()), { b: 1, a: 2 }],
      [
        z.union([z.object({ k: z.literal('a'), x: z.number() }), z.object({ k: z.literal('b'), y: z.string() })]),
        { k: 'b', y: 's', x: 1 },
      ],
      [z.object({ e: z.enum(['a', 'b']).nullable(), o: z.string().nullable().optional() }), { e: null }],
      [z.object({ t: z.tuple([z.number(), z.number()]), u: z.unknown() }), { t: [1, 2], u: { z: [1, 'a'] } }],
      [
        z.object({ at: z.string().datetime({ offset: true }), ok: z.literal(true) }),
        { at: '2026-12-01T00:00:00.000Z', ok: true },
      ],
    ];
    for (const [schema, data] of cases) expect(compileWriter(schema)?.(data)).toBe(viaZod(schema, data));
  });

  it('keeps only what writing needs, and turns "X or null" into nullable', () => {
    const json = z.toJSONSchema(z.object({ id: z.string().uuid(), r: z.object({ a: z.string() }).nullable() }), {
      target: 'draft-7',
    });
    expect(forWriting(json)).toEqual({
      type: 'object',
      properties: {
        id: { type: 'string' },
        r: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], nullable: true },
      },
      required: ['id', 'r'],
    });
  });

  it('leaves a schema it cannot express to zod', () => {
    expect(compileWriter(z.object({ at: z.date() }))).toBeNull();
  });

  it('when verifying, fails on a response zod refuses and on any text that differs from zod’s', () => {
    const compile = fastSerializerCompiler({ verify: true });
    const serialize = compile({ schema: meResponse, method: 'GET', url: '/me', httpStatus: '200' } as never);
    expect(serialize(me)).toBe(viaZod(meResponse, me));
    expect(() => serialize({ ...me, roles: 'none' })).toThrow();
    const broken = verified(
      (d) => JSON.stringify(d),
      () => '{}',
      'GET /x 200',
    );
    expect(() => broken({ a: 1 })).toThrow(SerializerMismatchError);
  });

  it('in production only writes: no zod pass over the response', () => {
    const compile = fastSerializerCompiler({ verify: false });
    const serialize = compile({ schema: meResponse, method: 'GET', url: '/me', httpStatus: '200' } as never);
    expect(serialize(me)).toBe(viaZod(meResponse, me));
    // zod would refuse a number where text belongs; the writer writes it as text instead of validating.
    expect(() => viaZod(meResponse, { ...me, phone: 13800000003 })).toThrow();
    expect(serialize({ ...me, phone: 13800000003 })).toContain('"phone":"13800000003"');
  });
});
