/**
 * A MongoDB wire-protocol front for DocumentDB (issue 17), for tests only.
 *
 * DocumentDB (../shared/documentdb) is MongoDB's API as PostgreSQL extensions; its own
 * wire gateway is Rust and cannot be built here, so this file plays that part: the
 * real `mongodb` driver connects to `mongodb://127.0.0.1:PORT/?directConnection=true`,
 * and each command it sends is forwarded to DocumentDB's SQL API (`documentdb_api.*`,
 * BSON in and out as bytea) through `pg`. Nothing is computed here: the point of the
 * tier is that DocumentDB, not this file, parses and runs sqletl's pipelines.
 *
 * Scope: a standalone server without auth, compression, transactions or change
 * streams; OP_MSG for commands, and OP_QUERY only for the driver's first handshake
 * (it does not know the server speaks OP_MSG before the reply). One PostgreSQL
 * connection per wire connection.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { BSON, Long, type Document } from 'bson';

const OP_REPLY = 1;
const OP_QUERY = 2004;
const OP_MSG = 2013;
const MAX_WIRE_VERSION = 21; // MongoDB 7.0, sqletl's target

// Numbers must reach DocumentDB with their BSON types (int32 5 and double 5.0 differ to
// $type, $isNumber checks and integer division), so nothing is promoted to JS numbers.
const DECODE = { promoteValues: false, bsonRegExp: true } as const;

/**
 * DocumentDB raises errors as SQLSTATEs of its own ("M001C"); its gateway maps them to
 * MongoDB codes with a generated table. These are the entries sqletl's commands can
 * meet; anything else becomes InternalError with the SQLSTATE in the message.
 */
const CODES: Record<string, [number, string]> = {
  M0000: [1, 'InternalError'], M0001: [2, 'BadValue'], M0003: [9, 'FailedToParse'],
  M0004: [14, 'TypeMismatch'], M0005: [15, 'Overflow'], M0006: [20, 'IllegalOperation'],
  M0008: [26, 'NamespaceNotFound'], M0009: [27, 'IndexNotFound'], M000E: [43, 'CursorNotFound'],
  M000F: [48, 'NamespaceExists'], M00EX: [50, 'MaxTimeMSExpired'], M000G: [52, 'DollarPrefixedFieldName'],
  M00EY: [59, 'CommandNotFound'], M000M: [66, 'ImmutableField'], M000N: [67, 'CannotCreateIndex'],
  M000O: [68, 'IndexAlreadyExists'], M000P: [72, 'InvalidOptions'], M000Q: [73, 'InvalidNamespace'],
  M000R: [85, 'IndexOptionsConflict'], M000S: [86, 'IndexKeySpecsConflict'], M000U: [115, 'CommandNotSupported'],
  M000W: [146, 'ExceededMemoryLimit'], M000Z: [166, 'CommandNotSupportedOnView'], M0013: [224, 'QueryFeatureNotAllowed'],
  M0015: [241, 'ConversionFailure'], M001C: [11000, 'DuplicateKey'], M001H: [13113, 'MergeStageNoMatchingDocument'],
  M0024: [16610, 'Location16610'], M005E: [31325, 'Location31325'], M007U: [40324, 'UnrecognizedCommand'],
  M0088: [40415, 'UnknownBsonField'], M00CL: [5371601, 'Location5371601'], M00CM: [5371602, 'Location5371602'],
  M00CN: [5371603, 'Location5371603'],
  '57014': [50, 'MaxTimeMSExpired'], // statement_timeout, set from maxTimeMS
};

/** Write errors carry the SQLSTATE packed into an int the way PostgreSQL's MAKE_SQLSTATE does. */
function unpackSqlState(n: number): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += String.fromCharCode(((n >> (6 * i)) & 0x3f) + 48);
  return s;
}

function mongoCode(sqlState: string | undefined): { code: number; codeName: string } {
  const hit = sqlState ? CODES[sqlState] : undefined;
  return hit ? { code: hit[0], codeName: hit[1] } : { code: 1, codeName: 'InternalError' };
}

/** A command's failure as MongoDB replies it, so the driver throws a MongoServerError. */
class CommandError extends Error {
  constructor(message: string, readonly code: number, readonly codeName: string) {
    super(message);
  }
  reply(): Document {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName };
  }
}

const num = (v: unknown): number => (v instanceof Long ? v.toNumber() : typeof v === 'object' && v !== null ? Number((v as { valueOf(): unknown }).valueOf()) : Number(v));

/**
 * One PostgreSQL session. DocumentDB can kill its backend (a crash in some nested
 * `$let`/`$cond`), and then the postmaster restarts every backend: the next command
 * opens a new session, waiting out the server's recovery.
 */
class Backend {
  private client: pg.Client | undefined;
  /** bumped on every new session, so a cursor held in an old one is known to be gone */
  generation = 0;
  constructor(private readonly url: string) {}

  private async session(): Promise<pg.Client> {
    if (this.client) return this.client;
    for (let attempt = 0; ; attempt++) {
      const c = new pg.Client({ connectionString: this.url });
      c.on('error', () => this.dropSession(c)); // a dead backend must not crash the test process
      try {
        await c.connect();
        this.client = c;
        this.generation++;
        return c;
      } catch (err) {
        // 57P03: "the database system is in recovery mode" right after a backend crash
        if (attempt >= 40 || !/57P03|ECONNREFUSED|recovery|starting up/.test(`${(err as { code?: string }).code} ${(err as Error).message}`)) throw err;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  private dropSession(c: pg.Client): void {
    if (this.client === c) this.client = undefined;
    c.end().catch(() => undefined);
  }

  /** Runs one statement; bytea columns come back as Buffers. PostgreSQL errors become CommandErrors. */
  async query(text: string, values: unknown[], maxTimeMS?: number): Promise<Record<string, unknown>> {
    const c = await this.session();
    try {
      if (maxTimeMS) await c.query(`SET statement_timeout = ${Math.max(1, Math.floor(maxTimeMS))}`);
      try {
        return (await c.query(text, values)).rows[0] ?? {};
      } finally {
        if (maxTimeMS && this.client === c) await c.query('SET statement_timeout = 0').catch(() => undefined);
      }
    } catch (err) {
      const e = err as Error & { code?: string };
      if (!e.code || /^(57P|08)/.test(e.code)) {
        // the session is gone (crash, termination): say so, and start afresh next time
        this.dropSession(c);
        throw new CommandError(`DocumentDB backend connection lost: ${e.message}`, 1, 'InternalError');
      }
      const { code, codeName } = mongoCode(e.code);
      // statement_timeout is how maxTimeMS is applied: say it as MongoDB does
      if (e.code === '57014') throw new CommandError(`operation exceeded time limit (${e.message})`, code, codeName);
      throw new CommandError(code === 1 ? `${e.message} (DocumentDB SQLSTATE ${e.code})` : e.message, code, codeName);
    }
  }

  close(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    return c ? c.end().catch(() => undefined) : Promise.resolve();
  }
}

/**
 * Open cursors, shared by all wire connections: the driver's pool may send a getMore
 * on another connection than the one that opened the cursor. DocumentDB keeps some
 * cursors (sorts, groups: `persistconnection`) in the PostgreSQL session that opened
 * them, so those must be continued there; the others only need their continuation.
 */
interface OpenCursor {
  db: string;
  continuation: Buffer;
  owner?: { backend: Backend; generation: number };
}

/** The driver's own fields, which DocumentDB has no use for (it ignores most, but a forwarded session id would be a lie). */
const DRIVER_FIELDS = ['$db', 'lsid', '$clusterTime', '$readPreference', 'txnNumber', 'autocommit', 'startTransaction', 'apiVersion', 'apiStrict', 'apiDeprecationErrors', 'maxTimeMS'];

const CURSOR_COMMANDS: Record<string, string> = {
  aggregate: 'aggregate_cursor_first_page',
  find: 'find_cursor_first_page',
  listCollections: 'list_collections_cursor_first_page',
  listIndexes: 'list_indexes_cursor_first_page',
};
const WRITE_COMMANDS = new Set(['insert', 'update', 'delete', 'findAndModify']);

export class DocumentDbWire {
  private readonly cursors = new Map<string, OpenCursor>();
  private readonly sockets = new Set<Socket>();
  private nextRequestId = 1;
  private nextConnectionId = 1;

  private constructor(private readonly server: Server, readonly port: number) {}

  /** Starts the front on 127.0.0.1 (an ephemeral port) for the DocumentDB at `pgUrl`. */
  static async start(pgUrl: string): Promise<DocumentDbWire> {
    let self: DocumentDbWire | undefined;
    const server = createServer((socket) => self!.serve(socket, pgUrl));
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
    self = new DocumentDbWire(server, (server.address() as AddressInfo).port);
    return self;
  }

  get uri(): string {
    return `mongodb://127.0.0.1:${this.port}/?directConnection=true`;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: Socket, pgUrl: string): void {
    this.sockets.add(socket);
    const backend = new Backend(pgUrl);
    const connectionId = this.nextConnectionId++;
    let pending = Buffer.alloc(0);
    let queue = Promise.resolve(); // one command at a time per connection, in order
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
        if (pending.readInt32LE(0) < 16) return void socket.destroy(); // not a wire message
        const message = pending.subarray(0, pending.readInt32LE(0));
        pending = pending.subarray(message.length);
        queue = queue.then(() => this.handle(message, backend, connectionId)).then(
          (reply) => void (reply && !socket.destroyed && socket.write(reply)),
          () => void socket.destroy(), // only a malformed message gets here
        );
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      for (const [id, c] of this.cursors) if (c.owner?.backend === backend) this.cursors.delete(id);
      void queue.finally(() => backend.close());
    });
  }

  /** One wire message in, its reply out (none for a fire-and-forget OP_MSG). */
  private async handle(msg: Buffer, backend: Backend, connectionId: number): Promise<Buffer | undefined> {
    const requestId = msg.readInt32LE(4);
    const opCode = msg.readInt32LE(12);
    if (opCode === OP_QUERY) {
      // flags, "admin.$cmd", skip, limit, then the command
      const pos = msg.indexOf(0, 20) + 1 + 8;
      const command = BSON.deserialize(msg.subarray(pos, pos + msg.readInt32LE(pos)), DECODE);
      const reply = await this.run(command, 'admin', backend, connectionId);
      const body = BSON.serialize(reply);
      const head = Buffer.alloc(36);
      head.writeInt32LE(36 + body.length, 0);
      head.writeInt32LE(this.nextRequestId++, 4);
      head.writeInt32LE(requestId, 8);
      head.writeInt32LE(OP_REPLY, 12);
      head.writeInt32LE(1, 32); // numberReturned (flags, cursor id 0, startingFrom 0 stay zero)
      return Buffer.concat([head, body]);
    }
    if (opCode !== OP_MSG) throw new Error(`unsupported wire opcode ${opCode}`);
    const flags = msg.readUInt32LE(16);
    const end = msg.length - (flags & 1 ? 4 : 0); // checksumPresent: a CRC-32C trailer
    let pos = 20;
    let command: Document = {};
    const sequences: [string, Document[]][] = [];
    while (pos < end) {
      const kind = msg[pos++];
      const size = msg.readInt32LE(pos);
      if (kind === 0) command = BSON.deserialize(msg.subarray(pos, pos + size), DECODE);
      else {
        // kind 1, a document sequence (insert's `documents`, update's `updates` …): folded back into the command
        const nameEnd = msg.indexOf(0, pos + 4);
        const docs: Document[] = [];
        for (let p = nameEnd + 1; p < pos + size; p += msg.readInt32LE(p)) docs.push(BSON.deserialize(msg.subarray(p, p + msg.readInt32LE(p)), DECODE));
        sequences.push([msg.toString('utf8', pos + 4, nameEnd), docs]);
      }
      pos += size;
    }
    for (const [name, docs] of sequences) command[name] = docs;
    const reply = await this.run(command, String(command.$db ?? 'admin'), backend, connectionId);
    if (flags & 2) return undefined; // moreToCome: an unacknowledged write wants no reply
    const body = BSON.serialize(reply);
    const head = Buffer.alloc(21);
    head.writeInt32LE(21 + body.length, 0);
    head.writeInt32LE(this.nextRequestId++, 4);
    head.writeInt32LE(requestId, 8);
    head.writeInt32LE(OP_MSG, 12);
    // flags 0, then section kind 0
    return Buffer.concat([head, body]);
  }

  /** A command's reply document; every failure becomes an `ok: 0` reply, never a dropped connection. */
  private async run(command: Document, db: string, backend: Backend, connectionId: number): Promise<Document> {
    const name = Object.keys(command)[0] ?? '';
    try {
      return await this.dispatch(name, command, db, backend, connectionId);
    } catch (err) {
      if (err instanceof CommandError) return err.reply();
      return { ok: 0, errmsg: `DocumentDB wire adapter: ${(err as Error).message}`, code: 1, codeName: 'InternalError' };
    }
  }

  private async dispatch(name: string, command: Document, db: string, backend: Backend, connectionId: number): Promise<Document> {
    const maxTimeMS = command.maxTimeMS === undefined ? undefined : num(command.maxTimeMS);
    const spec: Document = { ...command };
    for (const f of DRIVER_FIELDS) delete spec[f];
    const bson = (d: Document) => Buffer.from(BSON.serialize(d));
    const call = (sql: string, ...args: unknown[]) => backend.query(sql, [db, ...args], maxTimeMS);
    const fromBson = (v: unknown): Document => BSON.deserialize(v as Buffer, DECODE);

    switch (name) {
      case 'hello':
      case 'isMaster':
      case 'ismaster':
        // a standalone, without topologyVersion so the driver polls instead of streaming hellos
        return {
          [name === 'hello' ? 'isWritablePrimary' : 'ismaster']: true, helloOk: true,
          maxBsonObjectSize: 16 * 1024 * 1024, maxMessageSizeBytes: 48_000_000, maxWriteBatchSize: 100_000,
          localTime: new Date(), logicalSessionTimeoutMinutes: 30, connectionId,
          minWireVersion: 0, maxWireVersion: MAX_WIRE_VERSION, readOnly: false, ok: 1,
        };
      case 'ping':
      case 'endSessions':
        return { ok: 1 };
      case 'buildInfo':
      case 'buildinfo':
        return { version: '7.0.0', versionArray: [7, 0, 0, 0], gitVersion: 'documentdb-wire', bits: 64, maxBsonObjectSize: 16 * 1024 * 1024, ok: 1 };
      case 'getParameter':
        return { ok: 1 };
      case 'saslStart':
      case 'authenticate':
        // DocumentDB runs here with trust auth; a client that brings credentials is refused as a server with users would
        throw new CommandError('Authentication failed.', 18, 'AuthenticationFailed');
      case 'getMore':
        return this.getMore(spec, db, backend, maxTimeMS);
      case 'killCursors': {
        const ids = ((spec.cursors as unknown[]) ?? []).map((id) => String(num(id)));
        for (const id of ids) this.cursors.delete(id);
        return { cursorsKilled: ids.map((id) => Long.fromString(id)), cursorsNotFound: [], cursorsAlive: [], cursorsUnknown: [], ok: 1 };
      }
      case 'count':
        return this.result(fromBson((await call('SELECT documentdb_core.bson_to_bytea(document) AS r FROM documentdb_api.count_query($1, documentdb_core.bson_from_bytea($2))', bson(spec))).r));
      case 'distinct':
        return this.result(fromBson((await call('SELECT documentdb_core.bson_to_bytea(document) AS r FROM documentdb_api.distinct_query($1, documentdb_core.bson_from_bytea($2))', bson(spec))).r));
      case 'create':
        return this.result(fromBson((await call('SELECT documentdb_core.bson_to_bytea(documentdb_api.create_collection_view($1, documentdb_core.bson_from_bytea($2))) AS r', bson(spec))).r));
      case 'drop':
        // MongoDB 7.0 answers ok for a collection that does not exist, as drop_collection's false means
        await call('SELECT documentdb_api.drop_collection($1, $2)', String(spec.drop));
        return { ns: `${db}.${String(spec.drop)}`, nIndexesWas: 0, ok: 1 };
      case 'dropDatabase':
        await call('SELECT documentdb_api.drop_database($1)');
        return { dropped: db, ok: 1 };
      case 'createIndexes': {
        const r = fromBson((await call('SELECT documentdb_core.bson_to_bytea(retval) AS r FROM documentdb_api.create_indexes_background($1, documentdb_core.bson_from_bytea($2))', bson(spec))).r);
        // the reply of the one "shard" is the command's reply
        return this.result((r.raw as Document | undefined)?.defaultShard ?? r);
      }
      case 'collMod':
        return this.result(fromBson((await call('SELECT documentdb_core.bson_to_bytea(documentdb_api.coll_mod($1, $2, documentdb_core.bson_from_bytea($3))) AS r', String(spec.collMod), bson(spec))).r));
      case 'renameCollection': {
        const [fromDb, ...from] = String(spec.renameCollection).split('.');
        const [toDb, ...to] = String(spec.to).split('.');
        if (fromDb !== toDb) throw new CommandError('renameCollection across databases is not supported', 72, 'InvalidOptions');
        await backend.query('SELECT documentdb_api.rename_collection($1, $2, $3, $4)', [fromDb, from.join('.'), to.join('.'), spec.dropTarget === true], maxTimeMS);
        return { ok: 1 };
      }
      case 'listDatabases':
        return this.result(fromBson((await backend.query('SELECT documentdb_core.bson_to_bytea(documentdb_api.list_databases(documentdb_core.bson_from_bytea($1))) AS r', [bson(spec)])).r));
      case 'dbStats':
        return this.result(fromBson((await call('SELECT documentdb_core.bson_to_bytea(documentdb_api.db_stats($1)) AS r')).r));
      case 'collStats':
        return this.result(fromBson((await call('SELECT documentdb_core.bson_to_bytea(documentdb_api.coll_stats($1, $2)) AS r', String(spec.collStats))).r));
    }
    if (name in CURSOR_COMMANDS) {
      const row = await call(
        `SELECT documentdb_core.bson_to_bytea(cursorpage) AS page, documentdb_core.bson_to_bytea(continuation) AS cont, persistconnection AS persist FROM documentdb_api.${CURSOR_COMMANDS[name]}($1, documentdb_core.bson_from_bytea($2))`,
        bson(spec),
      );
      return this.openCursor(fromBson(row.page), row.cont as Buffer | null, row.persist === true, db, backend);
    }
    if (WRITE_COMMANDS.has(name)) {
      const fn = name === 'findAndModify' ? 'find_and_modify' : name;
      const r = fromBson((await call(`SELECT documentdb_core.bson_to_bytea(p_result) AS r FROM documentdb_api.${fn}($1, documentdb_core.bson_from_bytea($2))`, bson(spec))).r);
      return this.result(r);
    }
    throw new CommandError(`no such command: '${name}' (not forwarded by the DocumentDB wire adapter)`, 59, 'CommandNotFound');
  }

  /** DocumentDB's reply document, with its packed SQLSTATE codes turned into MongoDB codes (so the driver sees E11000 as 11000). */
  private result(reply: Document): Document {
    const fix = (d: Document) => {
      if (d.code === undefined) return;
      const packed = num(d.code);
      // MongoDB's codes stay below 2^24; a packed SQLSTATE whose last character is not '0' does not
      if (packed >= 1 << 24) Object.assign(d, mongoCode(unpackSqlState(packed)));
    };
    fix(reply);
    for (const w of (reply.writeErrors as Document[] | undefined) ?? []) fix(w);
    if (num(reply.ok) !== 1 && reply.errmsg !== undefined) return { ...reply, ok: 0 };
    return reply;
  }

  private openCursor(page: Document, continuation: Buffer | null, persist: boolean, db: string, backend: Backend): Document {
    const cursor = page.cursor as Document | undefined;
    const id = cursor ? String(num(cursor.id)) : '0';
    if (id !== '0' && continuation) {
      this.cursors.set(id, { db, continuation, ...(persist ? { owner: { backend, generation: backend.generation } } : {}) });
    }
    return this.result(page);
  }

  private async getMore(spec: Document, db: string, backend: Backend, maxTimeMS: number | undefined): Promise<Document> {
    const id = String(num(spec.getMore));
    const open = this.cursors.get(id);
    if (!open || (open.owner && open.owner.generation !== open.owner.backend.generation)) {
      this.cursors.delete(id);
      throw new CommandError(`cursor id ${id} not found`, 43, 'CursorNotFound');
    }
    const on = open.owner?.backend ?? backend;
    let row: Record<string, unknown>;
    try {
      row = await on.query(
        'SELECT documentdb_core.bson_to_bytea(cursorpage) AS page, documentdb_core.bson_to_bytea(continuation) AS cont FROM documentdb_api.cursor_get_more($1, documentdb_core.bson_from_bytea($2), documentdb_core.bson_from_bytea($3))',
        [open.db ?? db, Buffer.from(BSON.serialize({ ...spec, getMore: Long.fromString(id) })), open.continuation],
        maxTimeMS,
      );
    } catch (err) {
      this.cursors.delete(id);
      throw err;
    }
    const page = BSON.deserialize(row.page as Buffer, DECODE);
    const next = (page.cursor as Document | undefined)?.id;
    if (next === undefined || num(next) === 0 || !row.cont) this.cursors.delete(id);
    else open.continuation = row.cont as Buffer;
    return this.result(page);
  }
}
