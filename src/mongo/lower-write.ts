import { assertNever } from '../assert-never.js';
import { unsupported, type SourceSpan } from '../errors.js';
import type { Expr } from '../ir/expr.js';
import { identityKey, type ColumnDef, type Statement, type TableDef } from '../ir/statement.js';
import { EXACT_INTEGER_LIMIT, intRangeOf, intWidthOf, isDateType, MAX_EXACT_INTEGER, type IntWidth } from '../ir/types.js';
import { buildPlan } from '../plan/build-plan.js';
import { showCharColumns } from '../plan/show-char-columns.js';
import type { MongoCommand } from '../commands/command-ir.js';
import type { Filter, MergeSpec, MqlDocument, Stage } from '../commands/mql-types.js';
import { lowerExpr, lowerPredicate } from './lower-expr.js';
import { lowerPlan, type LowerOptions } from './lower-plan.js';
import { cond, isMqlArray, isMqlDocument, isNull, letIn, orNull, orRemove, type Mql } from './mql.js';
import { truncateDate } from './lower-dates.js';
import { conformTime } from './lower-time.js';
import { classifyStagedRows, duplicateKeyCheck, OUTCOME } from './insert-outcomes.js';
import { classifiedName, stageName } from '../commands/stage-names.js';
import { roundHalfAway } from './rounding.js';
import { castTo, impossibleDate, INFINITY_TEXT, MINUS_INFINITY_TEXT, NAN_TEXT } from './lower-cast.js';
import { shownChar } from './lower-bpchar.js';
import { float32Parts } from './float32.js';
import { raiseIf } from './raise.js';

/**
 * INSERT (… ON CONFLICT), UPDATE, DELETE → MongoDB commands that lose nothing:
 *
 * INSERT runs its source once into a staging collection, each row conformed to
 * the table (values cast to the declared types, DEFAULTs, the key as `__key`) and
 * carrying the reasons it breaks the table's constraints (NOT NULL, type, CHECK).
 * For a keyed table one more pass over the stage decides each row's outcome
 * (insert-outcomes.ts: duplicate keys, existing keys, UNIQUE, ON CONFLICT's WHERE)
 * into a second stage. From the stage: a check (ON CONFLICT DO UPDATE touching one
 * key twice fails before anything is written, as in PostgreSQL), a count of what
 * will happen, the rejected rows into `<table>__rejects`, the rows to write
 * `$merge`d into the table (`on: _id`; DO UPDATE is a `whenMatched` pipeline over
 * `$$new`), and the stages dropped.
 *
 * A keyed table (PRIMARY KEY, else its first UNIQUE constraint) stores the key as
 * `_id`, so `$merge` needs no other index; a row with a NULL unique key gets a new
 * `_id` and never conflicts, as NULL keys never conflict in PostgreSQL.
 */
const INVALID = '\u0000sqletl:invalid';
/** A conformed value whose text is a year-month-day that does not exist ('2024-02-30') */
const OUT_OF_RANGE = '\u0000sqletl:out-of-range';
/** A conformed value too long for its varchar(n) column */
const TOO_LONG = '\u0000sqletl:too-long';
/** A conformed value outside its integer column's type (or beyond what sqletl holds exactly: ir/types.ts) */
const INT_OUT_OF_RANGE = '\u0000sqletl:int-out-of-range';

export interface WriteContext {
  index: number;
  options: LowerOptions;
  /** 'stop': a rejected row fails the statement before anything is written */
  onError?: 'reject' | 'stop';
}

/** With on_error = stop: fail with the first rejected row's reasons before any write. */
function stopOnReject(collection: string, db: MqlDocument, rejected: Stage[], ctx: WriteContext): MongoCommand[] {
  if (ctx.onError !== 'stop') return [];
  return [{ kind: 'aggregate', collection, ...db, role: 'check', firstReason: true, message: 'the row breaks the table\'s constraints and sqletl.on_error = stop: nothing was written', pipeline: [...rejected, { $limit: 1 }] }];
}

export const rejectsName = (table: string) => `${table}__rejects`;

/** The documents' `_id` for a keyed table (absent when a key column is NULL). */
function identityExpr(def: TableDef, ref: ColumnRef = fieldOf): Mql | undefined {
  const key = identityKey(def);
  if (!key) return undefined;
  const value = key.length === 1 ? ref(key[0]) : Object.fromEntries(key.map((k) => [k, ref(k)]));
  return cond({ $or: key.map((k) => isNull(ref(k))) }, '$$REMOVE', value);
}

/** How an expression reads a column of the conformed row: its field, or (in the conforming step itself) the value it gets there. */
type ColumnRef = (column: string) => Mql;
const fieldOf: ColumnRef = (c) => `$${c}`;

/**
 * Value of a source field converted to a column's declared type (numeric(p, s) rounded to s
 * decimals); INVALID when it cannot be. `fromWidth`: the source's integer width, where known.
 */
function conform(v: Mql, col: ColumnDef, from: Expr['type'], fromWidth?: IntWidth, span?: SourceSpan): Mql {
  // PostgreSQL's assignment casts of a real print it (text: its shortest decimal; numeric: 6 significant digits)
  if (from === 'real' && (col.type === 'text' || col.type === 'numeric')) {
    throw unsupported('lower', `a real value into the ${col.type} column "${col.name}"`, span, ['cast it to double precision first, as you mean it']);
  }
  const value = conformType(v, col, from, fromWidth);
  if (col.length !== undefined) return col.blankPadded ? padStored(fitLength(value, col.length), col.length) : fitLength(value, col.length);
  return col.scale === undefined ? value : letIn({ n: value }, cond({ $isNumber: '$$n' }, roundHalfAway('$$n', col.scale), '$$n'));
}

/** varchar(n): text longer than n is TOO_LONG, unless what is past n is blanks, which are cut off (PostgreSQL's rule). */
function fitLength(value: Mql, n: number): Mql {
  // the lengths read a string even where the value is none (NULL, a number): DocumentDB evaluates every operand of $and and both branches of a $cond
  const isText = { $eq: [{ $type: '$$s' }, 'string'] };
  return letIn(
    { s: value },
    letIn(
      { t: cond(isText, '$$s', '') },
      cond(
        { $and: [isText, { $ne: ['$$s', INVALID] }, { $gt: [{ $strLenCP: '$$t' }, n] }] },
        cond({ $eq: [{ $trim: { input: { $substrCP: ['$$t', n, { $strLenCP: '$$t' }] }, chars: ' ' } }, ''] }, { $substrCP: ['$$t', 0, n] }, TOO_LONG),
        '$$s',
      ),
    ),
  );
}

/** character(n): a value that fits is stored as PostgreSQL shows it, padded with blanks to n (the markers of bad values left as they are). */
function padStored(value: Mql, n: number): Mql {
  return letIn({ p: value }, cond({ $and: [{ $eq: [{ $type: '$$p' }, 'string'] }, { $not: [{ $in: ['$$p', [INVALID, OUT_OF_RANGE, TOO_LONG, INT_OUT_OF_RANGE]] }] }] }, shownChar('$$p', n), '$$p'));
}

/**
 * Whether an integer source needs its column's range checked: not when the column is a
 * bigint (integer arithmetic and literals are already held within 2^53, ir/types.ts) or
 * the source's width fits the column's (`INSERT … VALUES (1)` into an int4).
 */
function intSourceFits(col: ColumnDef, fromWidth?: IntWidth): boolean {
  const width = intWidthOf(col.typeName);
  return width === 64 || (fromWidth !== undefined && fromWidth <= width);
}

function conformType(v: Mql, col: ColumnDef, from: Expr['type'], fromWidth?: IntWidth): Mql {
  if (from === col.type && (from !== 'int' || intSourceFits(col, fromWidth)) && col.timePrecision === undefined) return v;
  const convert = (to: string) => ({ $convert: { input: v, to, onError: INVALID, onNull: null } });
  switch (col.type) {
    case 'int': {
      // text naming an integer beyond 2^53 − 1 (its double is past the limit too): refused before `$convert`, which
      // the embedded engine cannot apply to it
      const inexactText = { $gt: [{ $abs: { $convert: { input: '$$v', to: 'double', onError: 0, onNull: 0 } } }, MAX_EXACT_INTEGER] };
      const fromText = cond(inexactText, INT_OUT_OF_RANGE, { $convert: { input: '$$v', to: 'long', onError: INVALID, onNull: null } });
      // a double rounds half to even (PostgreSQL's rint), a numeric half away from zero, as their casts do
      const converted = from === 'int' ? v : letIn({ v }, cond({ $isNumber: '$$v' }, { $toLong: from === 'real' || from === 'float' ? { $round: ['$$v', 0] } : roundHalfAway('$$v', 0) }, fromText));
      const range = intRangeOf(col.typeName);
      const max = Math.min(range.max, MAX_EXACT_INTEGER);
      const outside = { $and: [{ $isNumber: '$$i' }, { $or: [{ $gt: ['$$i', max] }, { $lt: ['$$i', -max - (max < MAX_EXACT_INTEGER ? 1 : 0)] }] }] };
      return letIn({ i: converted }, cond(outside, INT_OUT_OF_RANGE, '$$i'));
    }
    case 'numeric':
    case 'float': {
      if (from === 'int' || from === 'float' || from === 'numeric') return convert('double');
      // text: PostgreSQL's spellings of NaN and the infinities (numeric: an unsigned NaN only), which
      // `$convert` does not read; the text is read only when it is one (DocumentDB evaluates both branches)
      const word = { $toLower: { $trim: { input: cond({ $eq: [{ $type: '$$v' }, 'string'] }, '$$v', '') } } };
      return letIn(
        { v },
        letIn(
          { w: word },
          {
            $switch: {
              branches: [
                { case: { $in: ['$$w', INFINITY_TEXT] }, then: Infinity },
                { case: { $in: ['$$w', MINUS_INFINITY_TEXT] }, then: -Infinity },
                { case: { $in: ['$$w', col.type === 'float' ? NAN_TEXT : ['nan']] }, then: NaN },
              ],
              default: { $convert: { input: '$$v', to: 'double', onError: INVALID, onNull: null } },
            },
          },
        ),
      );
    }
    case 'real': {
      // numbers computed in the job fail the statement as their cast does (PostgreSQL's dtof errors); text and numbers
      // read from data are converted as float4in reads them, out of range a reject
      if (from === 'int' || from === 'float') return castTo(v, from, 'real');
      return letIn({ d: convert('double') }, cond({ $isNumber: '$$d' }, float32Parts('$$d', (r, tie, x) => {
        const outOfRange = { $or: [{ $and: [{ $eq: [{ $abs: r }, Infinity] }, { $ne: [{ $abs: x }, Infinity] }] }, { $and: [{ $eq: [r, 0] }, { $ne: [x, 0] }] }] };
        const inexactTie = { $and: [tie, { $or: [{ $ne: [x, { $trunc: [x, 0] }] }, { $gt: [{ $abs: x }, MAX_EXACT_INTEGER] }] }] };
        return raiseIf(cond(outOfRange, OUT_OF_RANGE, r), inexactTie, 'feature-not-supported', ['reading "', { $toString: v }, '" as real is not supported yet: its double lies halfway between two singles, which the decimal digits decide']);
      }), '$$d'));
    }
    case 'text':
      return isDateType(from) ? v : convert('string');
    case 'bool':
      return letIn(
        { v },
        cond(
          { $eq: [{ $type: '$$v' }, 'bool'] },
          '$$v',
          cond(
            isNull('$$v'),
            null,
            letIn(
              { s: { $toLower: { $trim: { input: { $toString: '$$v' } } } } },
              cond({ $in: ['$$s', ['t', 'true', 'y', 'yes', 'on', '1']] }, true, cond({ $in: ['$$s', ['f', 'false', 'n', 'no', 'off', '0']] }, false, INVALID)),
            ),
          ),
        ),
      );
    case 'date':
      return checkedDate(v, from, letIn({ d: convert('date') }, cond({ $eq: [{ $type: '$$d' }, 'date'] }, truncateDate('$$d', 'day'), '$$d')));
    case 'timestamp':
      return checkedDate(v, from, convert('date'));
    case 'time':
      return conformTime(v, from, col.timePrecision, INVALID, OUT_OF_RANGE);
    case 'interval':
    case 'json':
    case 'array':
    case 'record':
    case 'unknown':
      return v;
    default:
      return assertNever(col.type, 'lower');
  }
}

/** `converted`, or OUT_OF_RANGE for text naming a day the calendar does not have (`$convert` would roll it over). */
function checkedDate(v: Mql, from: Expr['type'], converted: Mql): Mql {
  return from === 'text' || from === 'unknown' ? cond(impossibleDate(v), OUT_OF_RANGE, converted) : converted;
}

/**
 * Why an integer column refused its value: PostgreSQL's words when the value is outside
 * the column's type (`value "…" is out of range for type integer` for text, `integer out
 * of range` for a number), sqletl's when it is within bigint but beyond 2^53 − 1.
 */
function intRangeReason(c: ColumnDef): Mql {
  const range = intRangeOf(c.typeName);
  const source = `$__source.${c.name}`;
  // both branches read text: DocumentDB evaluates both branches of a $cond
  const sourceText = { $convert: { input: source, to: 'string', onError: '', onNull: '' } };
  const pgWords = cond({ $eq: [{ $type: source }, 'string'] }, { $concat: ['value "', sourceText, `" is out of range for type ${range.name}`] }, `${range.name} out of range`);
  if (range.max <= MAX_EXACT_INTEGER) return pgWords;
  const exceeds = { $gt: [{ $abs: { $convert: { input: source, to: 'double', onError: 0, onNull: 0 } } }, range.max] };
  return cond(exceeds, pgWords, { $concat: ['the integer ', sourceText, ` is beyond ${EXACT_INTEGER_LIMIT}: not supported yet (sqletl computes integers exactly only up to 2^53)`] });
}

const PG_TYPE: Record<string, string> = { int: 'integer', numeric: 'numeric', float: 'double precision', real: 'real', bool: 'boolean', date: 'date', timestamp: 'timestamp', time: 'time', text: 'text' };

/**
 * The reasons a conformed row breaks the table (strings; empty when valid).
 * `converted`: the columns whose values went through a conversion (only those can be
 * INVALID, and only those have their source value in `__source`); all when absent.
 */
function reasonsOf(def: TableDef, converted?: ReadonlySet<string>, ref: ColumnRef = fieldOf): Mql {
  const rules: [test: Mql, reason: Mql][] = [];
  const mayBeInvalid = def.columns.filter((c) => !converted || converted.has(c.name));
  for (const c of def.columns) {
    if (mayBeInvalid.includes(c)) rules.push([{ $eq: [ref(c.name), INVALID] }, { $concat: [`invalid input syntax for type ${c.type === 'int' ? intRangeOf(c.typeName).name : PG_TYPE[c.type] ?? c.typeName}: "`, { $toString: `$__source.${c.name}` }, '"'] }]);
    if (mayBeInvalid.includes(c) && c.length !== undefined) rules.push([{ $eq: [ref(c.name), TOO_LONG] }, `value too long for type ${c.blankPadded ? 'character' : 'character varying'}(${c.length})`]);
    if (mayBeInvalid.includes(c) && c.type === 'int') rules.push([{ $eq: [ref(c.name), INT_OUT_OF_RANGE] }, intRangeReason(c)]);
    if (mayBeInvalid.includes(c) && (isDateType(c.type) || c.type === 'time')) rules.push([{ $eq: [ref(c.name), OUT_OF_RANGE] }, { $concat: ['date/time field value out of range: "', { $toString: `$__source.${c.name}` }, '"'] }]);
    // (never NULL: an UPDATE's filter reads these reasons without `__source`, and a NULL reason would count as none)
    if (mayBeInvalid.includes(c) && c.type === 'real') rules.push([{ $eq: [ref(c.name), OUT_OF_RANGE] }, { $concat: ['"', { $convert: { input: `$__source.${c.name}`, to: 'string', onError: '', onNull: '' } }, '" is out of range for type real'] }]);
    if (c.notNull) rules.push([isNull(ref(c.name)), `null value in column "${c.name}" of relation "${def.name}" violates not-null constraint`]);
  }
  // a CHECK is not evaluated over a value that failed its conversion (that row is already rejected)
  const dates = mayBeInvalid.filter((c) => isDateType(c.type) || c.type === 'time' || c.type === 'real');
  const sized = mayBeInvalid.filter((c) => c.length !== undefined);
  const ints = mayBeInvalid.filter((c) => c.type === 'int');
  const convertedOk = [
    ...(mayBeInvalid.length ? [{ $not: [{ $in: [INVALID, mayBeInvalid.map((c) => ref(c.name))] }] }] : []),
    ...(dates.length ? [{ $not: [{ $in: [OUT_OF_RANGE, dates.map((c) => ref(c.name))] }] }] : []),
    ...(sized.length ? [{ $not: [{ $in: [TOO_LONG, sized.map((c) => ref(c.name))] }] }] : []),
    ...(ints.length ? [{ $not: [{ $in: [INT_OUT_OF_RANGE, ints.map((c) => ref(c.name))] }] }] : []),
  ];
  for (const ch of def.checks) {
    rules.push([{ $and: [...convertedOk, { $eq: [lowerExpr(ch.expr), false] }] }, `new row for relation "${def.name}" violates check constraint "${ch.name}"`]);
  }
  if (rules.length === 0) return NO_REASONS;
  if (rules.length === 1) return cond(rules[0][0], [rules[0][1]], []);
  return { $filter: { input: rules.map(([test, reason]) => cond(test, reason, null)), cond: { $ne: ['$$this', null] } } };
}

/** The reasons of a row no constraint can reject (reasonsOf's answer for a table without any) */
const NO_REASONS: Mql = Object.freeze({ $literal: Object.freeze([]) });

/** A value in `$project` position: constants must not read as inclusion flags. */
const asValue = (v: Mql): Mql => (typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && !v.startsWith('$')) ? { $literal: v } : v);

/** Drops NULL fields: a missing field is SQL's NULL, and missing keys never collide. */
const withoutNulls: Stage = { $replaceWith: { $arrayToObject: { $filter: { input: { $objectToArray: '$$ROOT' }, cond: { $ne: ['$$this.v', null] } } } } };

export function lowerInsert(s: Extract<Statement, { kind: 'insert' }>, ctx: WriteContext): MongoCommand[] {
  const { table, def, columns, source, onConflict } = s;
  const db = table.db ? { db: table.db } : {};
  const stage = stageName(ctx.index, table.name);
  const read = lowerPlan(buildPlan(source), ctx.options);
  if (read.kind !== 'aggregate') throw new Error('unreachable');
  if (read.db !== table.db) throw unsupported('lower', `INSERT into "${table.name}" from a query over another database`, table.span);

  // conform each source row to the table; the source values of converted columns are kept for the rejects
  const conformed: MqlDocument = { _id: 0 };
  const sourceCopy: MqlDocument = {};
  const converted = new Set<string>();
  if (source.passthrough) {
    if (def) throw unsupported('lower', `INSERT … SELECT * from a collection without declared columns into the declared table "${table.name}"`, table.span);
  } else {
    columns.forEach((name, i) => {
      const src = source.columns[i];
      const col = def?.columns.find((c) => c.name === name);
      conformed[name] = col ? conform(`$${src.field}`, col, src.expr.type, src.expr.intWidth, src.expr.span ?? table.span) : `$${src.field}`;
      if (conformed[name] !== `$${src.field}`) {
        converted.add(name);
        sourceCopy[name] = `$${src.field}`;
      }
    });
    // hidden source columns (`__line` of a COPY) travel with the row, for the rejects
    for (const extra of source.columns.slice(columns.length)) if (extra.name.startsWith('__')) sourceCopy[extra.name] = `$${extra.field}`;
    for (const col of def?.columns ?? []) {
      if (columns.includes(col.name)) continue;
      conformed[col.name] = col.default ? asValue(lowerExpr(col.default)) : { $literal: null };
    }
  }
  const keyed = def && identityKey(def);
  const into = (coll: string) => (table.db ? { db: table.db, coll } : coll);
  const pipeline: Stage[] = [...read.pipeline];
  if (source.passthrough) pipeline.push({ $unset: ['_id', '__line'] }, { $set: { __source: '$$ROOT', __reasons: [] } });
  else {
    const kept = Object.keys(sourceCopy).length ? { __source: sourceCopy } : {};
    const { _id: _excluded, ...values } = conformed;
    /*
     * The conforming step is a `$replaceWith` of the row's fields (a select list is one too,
     * lower-plan.ts): on the embedded engine mingo's `$project` walks every projected path,
     * about 4× the cost of an object expression. watch (apply-batch.ts) adds its identity
     * field to this step for the statements it maintains.
     */
    // the key waits in `__key`: rows of one statement may share a key, the stage's _ids may not
    if (converted.size === 0 && !def?.checks.length) {
      // every value is stored as it comes and there is no CHECK: the reasons and the key read the values
      // the row gets in this very step, so they are computed in it (no second pass over the rows)
      const ref: ColumnRef = (c) => conformed[c] ?? null; // every declared column has its value (above)
      const id = def && identityExpr(def, ref);
      pipeline.push({ $replaceWith: { ...values, ...kept, __reasons: def ? reasonsOf(def, converted, ref) : NO_REASONS, ...(id ? { __key: id } : {}) } });
    } else {
      pipeline.push({ $replaceWith: { ...values, ...kept } });
      const id = def && identityExpr(def);
      pipeline.push({ $set: { __reasons: def ? reasonsOf(def, converted) : NO_REASONS, ...(id ? { __key: id } : {}) } });
    }
  }
  pipeline.push({ $out: into(stage) });
  const commands: MongoCommand[] = [{ kind: 'aggregate', ...(read.collection ? { collection: read.collection } : {}), ...db, pipeline, role: 'stage', ...(read.note ? { note: read.note } : {}) }];

  // a keyed table: each row's outcome is decided once, into a second stage (insert-outcomes.ts); the stage's
  // `_id`s are minted by its `$out`, in source order, which decides which of two rows with one key comes first
  const pkey = def?.primaryKey ? `${def.name}_pkey` : def && keyed ? `${def.name}_${keyed.join('_')}_key` : '';
  const rows = def && keyed ? classifiedName(ctx.index, table.name) : stage;
  if (keyed && onConflict?.update) {
    commands.push({ kind: 'aggregate', collection: stage, ...db, role: 'check', message: 'ON CONFLICT DO UPDATE command cannot affect row a second time', pipeline: duplicateKeyCheck() });
  }
  if (def && keyed) commands.push({ kind: 'aggregate', collection: stage, ...db, role: 'stage', pipeline: [...classifyStagedRows(def, s, pkey), { $out: into(rows) }] });
  // query-language selections (no expression per row); a row without reasons is valid
  const rejected: Stage = keyed ? { $match: { [OUTCOME]: 'rejected' } } : { $match: { '__reasons.0': { $exists: true } } };
  const written: Stage = keyed ? { $match: { [OUTCOME]: { $in: ['inserted', 'updated'] } } } : { $match: { '__reasons.0': { $exists: false } } };

  // what the write will do, counted before it runs (MongoDB's $merge reports no counts)
  const outcome = keyed ? `$${OUTCOME}` : cond({ $eq: [{ $size: '$__reasons' }, 0] }, 'inserted', 'rejected');
  commands.push({ kind: 'aggregate', collection: rows, ...db, role: 'count', pipeline: [{ $group: { _id: outcome, n: { $sum: 1 } } }] });

  commands.push(...stopOnReject(rows, db, [rejected], ctx));

  // rejected rows, as they came (a converted column's source value, the others as staged), with every reason
  const hasLine = source.columns.some((c) => c.name === '__line');
  const hidden = Object.keys(sourceCopy).filter((k) => !columns.includes(k) && k !== '__line');
  const row = source.passthrough ? '$__source' : Object.fromEntries([...columns.map((c) => [c, converted.has(c) ? `$__source.${c}` : `$${c}`]), ...hidden.map((k) => [k, `$__source.${k}`])]);
  commands.push({
    kind: 'aggregate',
    collection: rows,
    ...db,
    role: 'rejects',
    pipeline: [
      rejected,
      { $project: { _id: 0, row, reasons: '$__reasons', statement: { $literal: ctx.index }, sql: { $literal: s.sql }, at: '$$NOW', ...(hasLine ? { line: '$__source.__line' } : {}) } },
      { $merge: { into: into(rejectsName(table.name)), whenMatched: 'fail', whenNotMatched: 'insert' } },
    ],
  });

  // the rows to write into the table: the key becomes _id (a row without one keeps the stage's fresh _id), NULL columns are left out
  // (a valid row's NOT NULL columns are never NULL); without `_id`, a row of a table without a key gets a new one
  const notNull = new Set(def?.columns.filter((c) => c.notNull).map((c) => c.name));
  const tableRow = Object.fromEntries(Object.keys(conformed).filter((k) => k !== '_id').map((c) => [c, notNull.has(c) ? `$${c}` : orRemove(`$${c}`)]));
  const toTableRow: Stage[] = source.passthrough
    ? [{ $unset: ['_id', '__reasons', '__source'] }, withoutNulls]
    : [{ $replaceWith: { ...(keyed ? { _id: { $ifNull: ['$__key', '$_id'] } } : {}), ...tableRow } }];
  let whenMatched: MergeSpec['whenMatched'] = 'keepExisting';
  if (onConflict?.update) {
    const set: [string, Mql][] = onConflict.update.set.map((x) => [x.column, lowerExpr(x.expr)]);
    if (onConflict.update.where) {
      // SET's values all read the row before the update, so they are merged in one step; `$$new`'s NULL columns are
      // missing, and a missing value in `$mergeObjects`' object would leave the old value: it must be null there
      const merged = { $mergeObjects: ['$$ROOT', Object.fromEntries(set.map(([c, e]) => [c, orNull(e)]))] };
      whenMatched = [{ $replaceWith: cond(lowerPredicate(onConflict.update.where), merged, '$$ROOT') }, { $set: withoutNullColumns(set.map(([c]) => c)) }];
    } else {
      // one `$set`: every value is computed from the row before the update
      whenMatched = [{ $set: Object.fromEntries(set.map(([c, e]) => [c, orRemove(e)])) }];
    }
  }
  commands.push({
    kind: 'aggregate',
    collection: rows,
    ...db,
    role: 'write',
    pipeline: [written, ...toTableRow, { $merge: { into: into(table.name), on: '_id', whenMatched, whenNotMatched: 'insert' } }],
  });
  commands.push({ kind: 'drop', collection: stage, ...db, ifExists: true, role: 'cleanup' });
  if (rows !== stage) commands.push({ kind: 'drop', collection: rows, ...db, ifExists: true, role: 'cleanup' });
  return commands;
}

/** `{c: {$ifNull: ["$c", "$$REMOVE"]}}` per column: a NULL column is left out of the document (SQL's NULL is a missing field). */
function withoutNullColumns(columns: string[]): MqlDocument {
  return Object.fromEntries(columns.map((c) => [c, orRemove(`$${c}`)]));
}

export function lowerUpdate(s: Extract<Statement, { kind: 'update' }>, ctx: WriteContext): MongoCommand[] {
  const db = s.table.db ? { db: s.table.db } : {};
  const where = s.where ? lowerPredicate(s.where) : true;
  const set: Record<string, Mql> = {};
  // the converted values before conversion, which the reasons quote (`invalid input syntax for type integer: "abc"`)
  const raw: Record<string, Mql> = {};
  for (const x of s.set) {
    const col = s.def?.columns.find((c) => c.name === x.column);
    const value = lowerExpr(x.expr);
    set[x.column] = col ? conform(value, col, x.expr.type, x.expr.intWidth, x.expr.span) : value;
    if (set[x.column] !== value) raw[x.column] = value;
  }
  // (no empty object: `$set` refuses one as a value)
  const sourceField = Object.keys(raw).length ? { __source: raw } : {};
  const commands: MongoCommand[] = [];
  let filter: Filter = { $expr: where };
  if (s.def && (s.def.checks.length || s.def.columns.some((c) => c.notNull) || s.set.some((x) => s.def!.columns.some((c) => c.name === x.column && (c.type !== x.expr.type || c.length !== undefined || (c.type === 'int' && !intSourceFits(c, x.expr.intWidth))))))) {
    // rows whose new values would break the table are left as they are and reported
    const check: Stage[] = [
      { $match: { $expr: where } },
      // the row as it was, and the assigned values before conversion (computed from it)
      { $set: { __row: '$$ROOT', ...sourceField } },
      { $set: set },
      { $set: { __reasons: reasonsOf(s.def) } },
      { $match: { $expr: { $gt: [{ $size: '$__reasons' }, 0] } } },
    ];
    commands.push(...stopOnReject(s.table.name, db, check, ctx));
    commands.push({
      kind: 'aggregate',
      collection: s.table.name,
      ...db,
      role: 'rejects',
      pipeline: [
        ...check,
        { $project: { _id: 0, row: '$__row', reasons: '$__reasons', statement: { $literal: ctx.index }, sql: { $literal: s.sql }, at: '$$NOW' } },
        { $merge: { into: rejectsName(s.table.name), whenMatched: 'fail', whenNotMatched: 'insert' } },
      ],
    });
    filter = { $expr: { $and: [where, { $eq: [{ $size: rowReasons(s.def, set, raw) }, 0] }] } };
  }
  // a value that is NULL leaves its column out (SQL's NULL is a missing field): per assigned column, not a pass over every field
  const assign = Object.fromEntries(Object.entries(set).map(([c, e]) => [c, orRemove(e)]));
  commands.push({ kind: 'updateMany', collection: s.table.name, ...db, filter, update: [{ $set: assign }], role: 'write' });
  return commands;
}

/**
 * The reasons as one expression over the current document with `set` applied (for an update filter);
 * `raw`: the assigned values before conversion, which the reasons read as `__source` (a reason quoting
 * a missing value would be NULL, and a NULL reason counts as none).
 */
function rowReasons(def: TableDef, set: Record<string, Mql>, raw: Record<string, Mql>): Mql {
  // evaluate the table's checks against the new values: each column reads its new value when set
  const vars: MqlDocument = Object.keys(raw).length ? { __source: raw } : {};
  for (const c of def.columns) vars[c.name] = c.name in set ? set[c.name] : `$${c.name}`;
  const reasons = reasonsOf(def);
  return { $let: { vars: { row: vars }, in: replaceFieldRefs(reasons, '$$row.') } };
}

/** Rewrites `$field` references to `$$row.field` inside an expression tree (except those under `kept`, a path prefix such as `$__source.`). */
function replaceFieldRefs(e: Mql, prefix: string, kept?: string): Mql {
  if (typeof e === 'string') return e.startsWith('$') && !e.startsWith('$$') && !(kept && e.startsWith(kept)) ? `${prefix}${e.slice(1)}` : e;
  if (isMqlArray(e)) return e.map((x) => replaceFieldRefs(x, prefix, kept));
  if (isMqlDocument(e)) {
    const out: MqlDocument = {};
    for (const [k, v] of Object.entries(e)) out[k] = k === '$literal' || v === undefined ? v : replaceFieldRefs(v, prefix, kept);
    return out;
  }
  return e;
}

export function lowerDelete(s: Extract<Statement, { kind: 'delete' }>): MongoCommand[] {
  return [{ kind: 'deleteMany', collection: s.table.name, ...(s.table.db ? { db: s.table.db } : {}), filter: s.where ? { $expr: lowerPredicate(s.where) } : {}, role: 'write' }];
}

export function lowerCreateTable(s: Extract<Statement, { kind: 'create-table' }>, ctx: WriteContext): MongoCommand[] {
  const { table } = s;
  const db = table.db ? { db: table.db } : {};
  if (s.asQuery) {
    // CREATE TABLE AS: $out replaces the target in one step (it writes a temporary collection, then renames)
    // character(n) columns are stored as PostgreSQL shows them, padded (as an INSERT stores them)
    const read = lowerPlan(showCharColumns(buildPlan(s.asQuery), s.asQuery.columns), ctx.options);
    if (read.kind !== 'aggregate') throw new Error('unreachable');
    return [
      { kind: 'createCollection', collection: table.name, ...db, ifNotExists: s.ifNotExists, role: 'ddl' },
      {
        ...read,
        role: 'write',
        pipeline: [...read.pipeline, { $unset: '_id' }, withoutNulls, { $out: table.db ? { db: table.db, coll: table.name } : table.name }],
      },
    ];
  }
  const commands: MongoCommand[] = [{ kind: 'createCollection', collection: table.name, ...db, ifNotExists: s.ifNotExists, role: 'ddl' }];
  // UNIQUE constraints other than the identity (which is _id) become unique indexes on their columns
  const identity = identityKey(table);
  for (const u of table.unique) {
    if (identity && u.length === identity.length && u.every((c) => identity.includes(c))) continue;
    // partial: NULL (missing) values never collide, as NULLs never do in a PostgreSQL UNIQUE constraint
    commands.push({
      kind: 'createIndex',
      collection: table.name,
      ...db,
      keys: Object.fromEntries(u.map((c) => [c, 1 as const])),
      name: `${table.name}_${u.join('_')}_key`,
      unique: true,
      partialFilterExpression: Object.fromEntries(u.map((c) => [c, { $exists: true }])),
      role: 'ddl',
    });
  }
  return commands;
}


/**
 * MERGE: the source LEFT JOIN the target runs once into a stage, each row tagged
 * with the first WHEN clause that applies (`__kind`: update | delete | insert), the
 * document it produces (`__new`: the values conformed to the declared columns, as an
 * INSERT conforms them), the values before conversion (`__source`) and the reasons the
 * document breaks the table (`__reasons`: NOT NULL, type, length, integer range,
 * CHECK). A target row that two source rows would change fails the statement before
 * anything is written (PostgreSQL's "MERGE command cannot affect row a second time").
 * Rows with reasons go to `<table>__rejects` (or, with on_error = stop, the first one
 * fails the statement before anything is written); of the others, updates replace their
 * documents (`$merge` on `_id`), deletes mark theirs and a `deleteMany` removes the
 * marked, inserts are `$merge`d as new documents, and the stage is dropped.
 */
export function lowerMerge(s: Extract<Statement, { kind: 'merge' }>, ctx: WriteContext): MongoCommand[] {
  const { table, def } = s;
  const db = table.db ? { db: table.db } : {};
  const stage = stageName(ctx.index, table.name);
  const read = lowerPlan(buildPlan(s.joined), ctx.options);
  if (read.kind !== 'aggregate') throw new Error('unreachable');
  const matched = { $ne: [{ $type: '$__t' }, 'missing'] };
  const branches = s.clauses.map((c, i) => ({
    case: { $and: [c.matched ? matched : { $not: [matched] }, ...(c.condition ? [lowerPredicate(c.condition)] : [])] },
    then: i,
  }));
  const clauseIndex = branches.length ? { $switch: { branches, default: -1 } } : -1;
  // each written value conformed to its column's declared type; `converted`: the columns some clause converts
  const converted = new Set<string>();
  const conformed = s.clauses.map((c) =>
    c.values.map((v) => {
      const col = def?.columns.find((d) => d.name === v.column);
      const raw = lowerExpr(v.expr);
      const value = col ? conform(raw, col, v.expr.type, v.expr.intWidth, v.expr.span ?? table.span) : raw;
      if (value !== raw) converted.add(v.column);
      return { column: v.column, raw, value };
    }),
  );
  const docOf = (c: (typeof s.clauses)[number], i: number): Mql => {
    const values = Object.fromEntries(conformed[i].map((v) => [v.column, v.value]));
    // a NULL is a missing field, and a missing value in `$mergeObjects`' object would leave the old value: it must be null there
    if (c.action === 'update') return { $mergeObjects: ['$__t', Object.fromEntries(conformed[i].map((v) => [v.column, orNull(v.value)]))] };
    if (c.action === 'insert') return values;
    return null;
  };
  const sourceOf = (i: number): Mql => {
    const values = conformed[i].filter((v) => v.value !== v.raw);
    return values.length ? Object.fromEntries(values.map((v) => [v.column, v.raw])) : { $literal: {} };
  };
  const pick = (field: (c: (typeof s.clauses)[number], i: number) => Mql): Mql => ({
    $switch: { branches: s.clauses.map((c, i) => ({ case: { $eq: ['$$c', i] }, then: field(c, i) })), default: null },
  });
  const id = def && identityExpr(def);
  const writes = s.clauses.some((c) => c.action === 'update' || c.action === 'insert');
  // the reasons read the new document's columns (a CHECK's fields too) and the values before conversion
  // (a table without constraints to break has the constant no-reasons: no $let around it)
  const rowReasons = def && writes ? reasonsOf(def, converted) : undefined;
  const reasons: Mql =
    rowReasons && rowReasons !== NO_REASONS
      ? cond({ $in: ['$__kind', ['update', 'insert']] }, { $let: { vars: { row: '$__new' }, in: replaceFieldRefs(rowReasons, '$$row.', '$__source.') } }, NO_REASONS)
      : NO_REASONS;
  const stageStages: Stage[] = [
    ...read.pipeline,
    { $set: { __c: clauseIndex } },
    {
      $project: {
        _id: 0,
        __tid: '$__t._id',
        __kind: letIn({ c: '$__c' }, s.clauses.length ? pick((c) => (c.action === 'nothing' ? null : c.action)) : null),
        __new: letIn({ c: '$__c' }, s.clauses.length ? pick(docOf) : null),
        ...(converted.size ? { __source: letIn({ c: '$__c' }, pick((_c, i) => sourceOf(i))) } : {}),
      },
    },
    { $match: { __kind: { $ne: null } } },
    { $set: { __reasons: reasons } },
    { $out: table.db ? { db: table.db, coll: stage } : stage },
  ];
  const into = table.db ? { db: table.db, coll: table.name } : table.name;
  // query-language selections: a row without reasons is written
  const valid = { '__reasons.0': { $exists: false } };
  const rejected: Stage = { $match: { '__reasons.0': { $exists: true } } };
  const kind = (k: string): Stage => ({ $match: { __kind: k, ...valid } });
  const marker = `__sqletl_merge_delete_${ctx.index}`;
  return [
    { kind: 'aggregate', ...(read.collection ? { collection: read.collection } : {}), ...db, pipeline: stageStages, role: 'stage' },
    {
      kind: 'aggregate',
      collection: stage,
      ...db,
      role: 'check',
      message: 'MERGE command cannot affect row a second time',
      // MERGE and UPDATE … FROM may change a target row once; DELETE … USING may match it many times
      pipeline: [{ $match: { __kind: { $in: s.clauses.some((c) => c.action === 'update') || s.strict ? ['update', 'delete'] : ['update'] } } }, { $group: { _id: '$__tid', n: { $sum: 1 } } }, { $match: { n: { $gt: 1 } } }, { $limit: 1 }],
    },
    ...(writes ? stopOnReject(stage, db, [rejected], ctx) : []),
    ...mergeKeyCheck(s, stage, db),
    {
      kind: 'aggregate',
      collection: stage,
      ...db,
      role: 'count',
      // one count per target row (a row deleted through two matches is one deletion); each rejected row counts
      pipeline: [
        { $group: { _id: { k: cond({ $gt: [{ $size: '$__reasons' }, 0] }, 'rejected', '$__kind'), t: cond({ $eq: ['$__kind', 'delete'] }, '$__tid', '$_id') } } },
        { $group: { _id: { $switch: { branches: [{ case: { $eq: ['$_id.k', 'insert'] }, then: 'inserted' }, { case: { $eq: ['$_id.k', 'update'] }, then: 'updated' }, { case: { $eq: ['$_id.k', 'rejected'] }, then: 'rejected' }], default: 'deleted' } }, n: { $sum: 1 } } },
      ],
    },
    ...(writes
      ? [
          {
            kind: 'aggregate' as const,
            collection: stage,
            ...db,
            role: 'rejects' as const,
            // the rejected document as the clause would write it, the converted columns' values as they came
            pipeline: [
              rejected,
              { $project: { _id: 0, row: converted.size ? { $mergeObjects: ['$__new', '$__source'] } : '$__new', reasons: '$__reasons', statement: { $literal: ctx.index }, sql: { $literal: s.sql }, at: '$$NOW' } },
              { $merge: { into: table.db ? { db: table.db, coll: rejectsName(table.name) } : rejectsName(table.name), whenMatched: 'fail' as const, whenNotMatched: 'insert' as const } },
            ],
          },
        ]
      : []),
    {
      kind: 'aggregate',
      collection: stage,
      ...db,
      role: 'write',
      pipeline: [kind('update'), { $replaceWith: { $mergeObjects: ['$__new', { _id: '$__tid' }] } }, withoutNulls, { $merge: { into, on: '_id', whenMatched: 'replace', whenNotMatched: 'discard' } }],
    },
    {
      kind: 'aggregate',
      collection: stage,
      ...db,
      role: 'write',
      pipeline: [kind('delete'), { $project: { _id: '$__tid', [marker]: { $literal: true } } }, { $merge: { into, on: '_id', whenMatched: 'merge', whenNotMatched: 'discard' } }],
    },
    { kind: 'deleteMany', collection: table.name, ...db, filter: { [marker]: true }, role: 'write' },
    {
      kind: 'aggregate',
      collection: stage,
      ...db,
      role: 'write',
      pipeline: [kind('insert'), { $replaceWith: '$__new' }, ...(id ? [{ $set: { _id: id } }] : []), withoutNulls, { $merge: { into, on: '_id', whenMatched: 'fail', whenNotMatched: 'insert' } }],
    },
    { kind: 'drop', collection: stage, ...db, ifExists: true, role: 'cleanup' },
  ];
}

/**
 * A MERGE INSERT whose key the table already holds (its ON condition is not the key) or
 * that another inserted row of the statement repeats fails the statement before anything
 * is written, with PostgreSQL's message (the insert's `$merge` would fail after the
 * updates and deletes were written). sqletl does not make these rows rejects yet.
 */
function mergeKeyCheck(s: Extract<Statement, { kind: 'merge' }>, stage: string, db: MqlDocument): MongoCommand[] {
  const key = s.def && identityKey(s.def);
  if (!s.def || !key || !s.clauses.some((c) => c.action === 'insert')) return [];
  const constraint = s.def.primaryKey ? `${s.def.name}_pkey` : `${s.def.name}_${key.join('_')}_key`;
  return [
    {
      kind: 'aggregate',
      collection: stage,
      ...db,
      role: 'check',
      message: `duplicate key value violates unique constraint "${constraint}"`,
      pipeline: [
        { $match: { __kind: 'insert', '__reasons.0': { $exists: false } } },
        { $project: { _id: 0, k: identityExpr(s.def, (c) => `$__new.${c}`)! } },
        { $match: { k: { $exists: true } } },
        { $group: { _id: '$k', n: { $sum: 1 } } },
        { $lookup: { from: s.table.name, localField: '_id', foreignField: '_id', as: 'held' } },
        { $match: { $or: [{ n: { $gt: 1 } }, { 'held.0': { $exists: true } }] } },
        { $limit: 1 },
      ],
    },
  ];
}

/**
 * CREATE VIEW: a MongoDB view over the compiled pipeline. Statements of the same job
 * read the view's query in place; the server (or the embedded engine) serves it to
 * later jobs and other tools.
 */
export function lowerCreateView(s: Extract<Statement, { kind: 'create-view' }>, ctx: WriteContext): MongoCommand[] {
  const read = lowerPlan(showCharColumns(buildPlan(s.query), s.query.columns), ctx.options);
  if (read.kind !== 'aggregate') throw new Error('unreachable');
  if (!read.collection) throw unsupported('lower', 'a view that reads no collection (VALUES only)', s.table.span);
  if (read.db !== s.table.db) throw unsupported('lower', 'a view over another database', s.table.span);
  return [{ kind: 'createView', collection: s.table.name, ...(s.table.db ? { db: s.table.db } : {}), viewOn: read.collection, pipeline: read.pipeline, replace: s.replace, role: 'ddl' }];
}
