import { type PGlite, parse, protocol, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';

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
 * call (about a third of the database's time on a typical page). This replaces `client.query`, and the
 * `query` of every transaction `client.transaction` opens, so that a statement text used a second time
 * is prepared once under a name, its parameter types and columns kept, and from then on only bound and
 * executed: PostgreSQL then reuses its parse tree and, after a few executions, a generic plan. Results,
 * errors and locking are those of PGlite's own `query()`.
 *
 * When the schema has changed the columns under a prepared statement (PLAN_CHANGED), the statement is
 * forgotten: outside a transaction the call is repeated unnamed; inside one the error is raised, since
 * the transaction is already aborted, and the next use prepares the statement afresh.
 */
export function prepareRepeatedStatements(client: PGlite): PGlite {
  const plain = client.query.bind(client);
  const openTransaction = client.transaction.bind(client);
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

  /**
   * The client's parsers with a call's own in front. PGlite's `parseResults` copies all 318 of the
   * client's into a new object on every call that brings its own (drizzle's always do: a sixth of a
   * check-in's CPU time); here the call's few sit on an object whose prototype is the client's.
   */
  const parsersFor = (options?: QueryOptions): PGlite['parsers'] =>
    options?.parsers ? Object.assign(Object.create(client.parsers), options.parsers) : client.parsers;

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
    const parsers = parsersFor(options);
    const rest = options?.parsers ? { ...options, parsers: undefined } : options;
    return parse.parseResults(messages, parsers, rest)[0] as Results<T>;
  };

  /** The kept statement for a text on its second use and after; nothing while it should go unnamed. */
  const repeated = (text: string, options?: QueryOptions): Statement | undefined => {
    if (options?.blob) return undefined;
    let statement = statements.get(text);
    if (!statement) {
      if (statements.size >= MAX_STATEMENTS) return undefined;
      statement = { uses: 0 };
      statements.set(text, statement);
    }
    return ++statement.uses < 2 ? undefined : statement;
  };

  /**
   * Runs a kept statement; the caller holds the transaction lock (its own call, or an open transaction).
   * As PGlite does, the files are synced after a statement outside a transaction, and at its end inside one.
   */
  const run = <T>(
    statement: Statement,
    text: string,
    params: unknown[],
    options: QueryOptions | undefined,
    sync: boolean,
  ) =>
    client._runExclusiveQuery(async () => {
      if (!statement.name) await prepare(statement, text, options);
      const results = await execute<T>(statement, text, params, options);
      if (sync) await client.syncToFs();
      return results;
    });

  const query = async <T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> => {
    const statement = repeated(text, options);
    if (!statement) return plain<T>(text, params, options);
    await client._checkReady();
    try {
      return await client._runExclusiveTransaction(() => run<T>(statement, text, params, options, true));
    } catch (err) {
      if ((err as { code?: string }).code !== PLAN_CHANGED) throw err;
      statements.delete(text);
      return plain<T>(text, params, options);
    }
  };

  const transaction: PGlite['transaction'] = (callback) =>
    openTransaction((tx) => {
      const named: Transaction = Object.create(tx);
      named.query = async <T>(text: string, params: unknown[] = [], options?: QueryOptions) => {
        const statement = repeated(text, options);
        if (!statement || tx.closed) return tx.query<T>(text, params, options);
        try {
          return await run<T>(statement, text, params, options, false);
        } catch (err) {
          if ((err as { code?: string }).code === PLAN_CHANGED) statements.delete(text);
          throw err;
        }
      };
      return callback(named);
    });

  client.query = query as PGlite['query'];
  client.transaction = transaction;
  return client;
}
