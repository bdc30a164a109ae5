import { evalExpr, expressionOperators } from './mingo-runtime.js';

/**
 * MongoDB's date-part operators ($year … $isoDayOfWeek) for the embedded engine.
 *
 * Why replace mingo's: on a null or missing date mingo throws ("cannot convert … to
 * date") where MongoDB returns null, so the compiler had to wrap every EXTRACT in a
 * NULL guard that a server does not need. MongoDB's server evaluates these operators
 * in `DateExpressionAcceptingTimeZone::evaluate` (src/mongo/db/pipeline/expression.h):
 * a nullish date (null, undefined or missing) gives null, as does a nullish
 * timezone; anything else must be a date (a string is an error, as the operator
 * pages' "Behavior" tables show: `{ $year: "March 28, 1976" }` → error). Also mingo's
 * `$isoWeekYear` is wrong around New Year (2021-01-01 is in ISO week 53 of 2020;
 * mingo says 2021), so every part is computed here, in UTC, from the ISO 8601 and
 * strftime rules the operator pages describe.
 */
type Options = Parameters<typeof evalExpr>[2];
type Operator = (obj: unknown, expr: unknown, options: Options) => unknown;
const mingoExpression = expressionOperators as unknown as Record<string, Operator>;
const DAY_MS = 86_400_000;

/** 1-based day of the year (1 … 366). */
const dayOfYear = (d: Date): number => Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY_MS) + 1;
/** The Thursday of the date's ISO week (ISO weeks start on Monday; week 1 holds the year's first Thursday). */
const isoThursday = (d: Date): Date => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 4 - (d.getUTCDay() || 7)));

const PARTS: Record<string, (d: Date) => number> = {
  $year: (d) => d.getUTCFullYear(),
  $month: (d) => d.getUTCMonth() + 1,
  $dayOfMonth: (d) => d.getUTCDate(),
  $hour: (d) => d.getUTCHours(),
  $minute: (d) => d.getUTCMinutes(),
  $second: (d) => d.getUTCSeconds(),
  $millisecond: (d) => d.getUTCMilliseconds(),
  // 1 (Sunday) … 7 (Saturday)
  $dayOfWeek: (d) => d.getUTCDay() + 1,
  $dayOfYear: dayOfYear,
  // weeks start on Sunday; days before the year's first Sunday are week 0 (strftime's %U)
  $week: (d) => Math.floor((dayOfYear(d) - 1 + 7 - d.getUTCDay()) / 7),
  $isoWeek: (d) => Math.floor((dayOfYear(isoThursday(d)) - 1) / 7) + 1,
  $isoWeekYear: (d) => isoThursday(d).getUTCFullYear(),
  // 1 (Monday) … 7 (Sunday)
  $isoDayOfWeek: (d) => d.getUTCDay() || 7,
};

const isNil = (v: unknown): v is null | undefined => v === null || v === undefined;
const isDocumentForm = (expr: unknown): expr is { date: unknown; timezone?: unknown } =>
  typeof expr === 'object' && expr !== null && !Array.isArray(expr) && !(expr instanceof Date) && 'date' in expr && Object.keys(expr).every((k) => !k.startsWith('$'));

function bsonTypeName(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'double';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

/**
 * The wall-clock time of `date` in `timezone`, as a Date whose UTC fields hold it:
 * mingo's `$dateToParts` resolves Olson names and offsets.
 */
function inTimezone(date: Date, timezone: unknown, obj: unknown, options: Options): Date {
  const p = mingoExpression.$dateToParts(obj, { date: { $literal: date }, timezone: { $literal: timezone } }, options) as Record<string, number>;
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond));
}

function datePart(op: string, part: (d: Date) => number): Operator {
  return (obj, expr, options) => {
    let date: unknown;
    let timezone: unknown;
    if (isDocumentForm(expr)) {
      date = evalExpr(obj, expr.date, options);
      timezone = expr.timezone === undefined ? undefined : evalExpr(obj, expr.timezone, options);
      if (expr.timezone !== undefined && isNil(timezone)) return null;
    } else date = evalExpr(obj, expr, options);
    if (isNil(date)) return null;
    if (!(date instanceof Date)) throw new Error(`${op}: can't convert from BSON type ${bsonTypeName(date)} to Date`);
    if (timezone !== undefined) {
      if (typeof timezone !== 'string') throw new Error(`${op} requires a string for the timezone argument, but was given a ${bsonTypeName(timezone)}`);
      return part(inTimezone(date, timezone, obj, options));
    }
    return part(date);
  };
}

export const DATE_PART_OPERATORS: Record<string, Operator> = Object.fromEntries(Object.entries(PARTS).map(([op, part]) => [op, datePart(op, part)]));
