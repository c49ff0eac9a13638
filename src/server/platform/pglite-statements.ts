import { type PGlite, parse, protocol, type QueryOptions, type Results } from '@electric-sql/pglite';

type BackendMessage = Awaited<ReturnType<PGlite['execProtocolStream']>>[number];

interface Statement {
  uses: number;
  /** Set once the statement is prepared under a name: its parameter types and result columns. */
  name?: string;
  paramTypes?: number[];
  /** The RowDescription of the statement, or nothing for a statement that returns no rows. */
  rows?: BackendMessage;
}

/** Texts seen only once are not prepared (seeds and imports build one-off statements); nor beyond this many. */
const MAX_STATEMENTS = 2_000;
/** "cached plan must not change result type": the schema changed under a prepared statement. */
const PLAN_CHANGED = '0A000';

/**
 * PGlite's `query()` sends every statement unnamed: PostgreSQL parses, describes and plans it on each
 * call (about a third of the database's time on a typical page). This replaces `client.query` so that a
 * statement text used a second time is prepared once under a name, its parameter types and columns
 * kept, and from then on only bound and executed: PostgreSQL then reuses its parse tree and, after a
 * few executions, a generic plan. Results, errors and locking are those of `query()` itself; calls inside
 * a transaction go through the transaction's own `query` and are not affected.
 */
export function prepareRepeatedStatements(client: PGlite): PGlite {
  const plain = client.query.bind(client);
  const statements = new Map<string, Statement>();
  let counter = 0;
  const send = (message: Uint8Array, options?: QueryOptions) =>
    client.execProtocolStream(message, { ...options, syncToFs: false });

  const prepare = async (statement: Statement, text: string, options?: QueryOptions) => {
    const name = `lf_${++counter}`;
    const described: BackendMessage[] = [];
    try {
      await send(protocol.serialize.parse({ name, text, types: options?.paramTypes }), options);
      described.push(...(await send(protocol.serialize.describe({ type: 'S', name }), options)));
    } finally {
      await send(protocol.serialize.sync(), options);
    }
    statement.paramTypes = parse.parseDescribeStatementResults(described);
    statement.rows = described.find((m) => m.name === 'rowDescription');
    statement.name = name;
  };

  const execute = async <T>(statement: Statement, text: string, params: unknown[], options?: QueryOptions) => {
    const name = statement.name as string;
    const types = statement.paramTypes ?? [];
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const type = types[i] as number;
      const serializer = options?.serializers?.[type] ?? client.serializers[type];
      return serializer ? serializer(value) : String(value);
    });
    const messages: BackendMessage[] = statement.rows ? [statement.rows] : [];
    try {
      messages.push(...(await send(protocol.serialize.bind({ statement: name, values }), options)));
      messages.push(...(await send(protocol.serialize.execute({}), options)));
    } catch (err) {
      throw Object.assign(err as Error, { query: text, params, queryOptions: options });
    } finally {
      messages.push(...(await send(protocol.serialize.sync(), options)));
    }
    await client.syncToFs();
    return parse.parseResults(messages, client.parsers, options)[0] as Results<T>;
  };

  const query = async <T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> => {
    if (options?.blob) return plain<T>(text, params, options);
    let statement = statements.get(text);
    if (!statement) {
      if (statements.size >= MAX_STATEMENTS) return plain<T>(text, params, options);
      statement = { uses: 0 };
      statements.set(text, statement);
    }
    if (++statement.uses < 2) return plain<T>(text, params, options);
    const prepared = statement;
    await client._checkReady();
    try {
      return await client._runExclusiveTransaction(() =>
        client._runExclusiveQuery(async () => {
          if (!prepared.name) await prepare(prepared, text, options);
          return execute<T>(prepared, text, params, options);
        }),
      );
    } catch (err) {
      if ((err as { code?: string }).code !== PLAN_CHANGED) throw err;
      statements.delete(text);
      return plain<T>(text, params, options);
    }
  };
  client.query = query as PGlite['query'];
  return client;
}
