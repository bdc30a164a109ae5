import type { MongoCommand } from '../commands/command-ir.js';
import type { OutputColumn } from '../ir/expr.js';
import { cond, isNull, letIn, type Mql } from './mql.js';
import { isTimeDifference } from '../ir/time-of-day.js';

/**
 * Interval result columns printed as PostgreSQL prints them (IntervalStyle postgres).
 * Inside a pipeline sqletl carries the difference of two timestamps as milliseconds,
 * which sorts, compares and feeds date arithmetic; only when it leaves the pipeline as
 * a result column is it turned into PostgreSQL's text, `364 days 23:00:00`,
 * `-1 days -02:00:00`, `00:00:00.5`. PostgreSQL's timestamp − timestamp carries whole
 * days out of the hours (justify_hours), so days and time share the difference's sign.
 * The binder lets through only interval columns that are such a difference
 * (src/sql/bind-statement.ts); constant intervals it prints itself.
 */
export function printIntervalColumns(command: MongoCommand, columns: readonly OutputColumn[]): MongoCommand {
  const intervals = columns.filter((c) => c.expr.type === 'interval');
  if (intervals.length === 0 || command.kind !== 'aggregate') return command;
  // a final stage: every sort, limit and comparison before it sees the milliseconds
  // a difference of two times keeps its hours (`24:00:00`): it has no days to carry them into
  const set = Object.fromEntries(intervals.map((c) => [c.field, intervalText(`$${c.field}`, !isTimeDifference(c.expr))]));
  return { ...command, pipeline: [...command.pipeline, { $set: set }] };
}

const DAY = 86_400_000;

/** PostgreSQL's text of an interval of `ms` milliseconds between two timestamps; NULL stays NULL. */
export function intervalText(ms: Mql, carryDays = true): Mql {
  const two = (n: Mql) => cond({ $lt: [n, 10] }, { $concat: ['0', { $toString: n }] }, { $toString: n });
  const frac = '$$f';
  // the fraction of a second without trailing zeros: 500 → .5, 250 → .25, 7 → .007
  const fraction = cond(
    { $eq: [frac, 0] },
    '',
    cond(
      { $eq: [{ $mod: [frac, 100] }, 0] },
      { $concat: ['.', { $toString: { $toLong: { $divide: [frac, 100] } } }] },
      cond({ $eq: [{ $mod: [frac, 10] }, 0] }, { $concat: ['.', two({ $toLong: { $divide: [frac, 10] } })] }, { $concat: ['.', cond({ $lt: [frac, 100] }, { $concat: ['0', two(frac)] }, { $toString: frac })] }),
    ),
  );
  const clock = { $concat: [cond({ $lt: ['$$t', 0] }, '-', ''), two('$$h'), ':', two('$$m'), ':', two('$$s'), fraction] };
  const days = { $concat: [{ $toString: '$$d' }, cond({ $eq: ['$$d', 1] }, ' day', ' days')] };
  const text = cond({ $eq: ['$$d', 0] }, clock, cond({ $eq: ['$$t', 0] }, days, { $concat: [days, ' ', clock] }));
  return letIn(
    { v: ms },
    cond(
      isNull('$$v'),
      null,
      letIn(
        { d: carryDays ? { $toLong: { $trunc: [{ $divide: ['$$v', DAY] }, 0] } } : 0 },
        letIn(
          { t: { $toLong: { $subtract: ['$$v', { $multiply: ['$$d', DAY] }] } } },
          letIn(
            { a: { $abs: '$$t' } },
            letIn(
              {
                h: { $toLong: { $trunc: [{ $divide: ['$$a', 3_600_000] }, 0] } },
                m: { $toLong: { $trunc: [{ $divide: [{ $mod: ['$$a', 3_600_000] }, 60_000] }, 0] } },
                s: { $toLong: { $trunc: [{ $divide: [{ $mod: ['$$a', 60_000] }, 1000] }, 0] } },
                f: { $toLong: { $mod: ['$$a', 1000] } },
              },
              text,
            ),
          ),
        ),
      ),
    ),
  );
}
