import { unsupported, type SourceSpan } from '../errors.js';
import type { FuncExpr } from '../ir/expr.js';
import { PG_DATE_PATTERNS } from './lower-dates.js';
import { cond, isNull, letIn, notNull, type Mql } from './mql.js';
import { raiseIf } from './raise.js';

/**
 * to_timestamp(double precision) — Unix seconds to a timestamp — and
 * to_timestamp(text, template), PostgreSQL's template reading (formatting.c, not FX
 * mode), for the patterns below; any other template pattern is refused at its position.
 *
 * The template becomes one anchored regular expression, read as PostgreSQL reads it:
 * blanks before a field are skipped; a blank or separator of the template matches one
 * blank or separator of the input, or nothing; a number field followed by a separator,
 * a name or the template's end (or written with FM) takes all its digits, otherwise
 * exactly its width (`YYYYMMDD`); quoted text and other characters of the template
 * skip one input character each, whatever it is; names match in any case; text after
 * the template is ignored, and input that ends early leaves the later fields at their
 * defaults (month and day 1, time 0) — an input that stops matching anywhere else is
 * PostgreSQL's error, never a shorter reading. Years of fewer than four digits read by
 * YYY, YY or Y are moved next to 2020 as PostgreSQL does. The fields are checked as
 * PostgreSQL checks them (`date/time field value out of range`, the 12-hour clock);
 * years before 100 or after 9999 fail the statement as not supported ($dateFromParts
 * takes years 1 to 9999, and the embedded engine reads years before 100 as 19xx).
 */
export function lowerToTimestampFromEpoch([x]: Mql[], f: FuncExpr): Mql {
  // PostgreSQL rounds to microseconds (rint: half to even, as $round); sqletl's timestamps hold milliseconds
  const us = { $round: [{ $multiply: ['$$v', 1_000_000] }, 0] };
  const infinite = { $eq: [{ $abs: '$$v' }, Infinity] };
  // PostgreSQL's range: 4714-11-24 BC to 294277-01-01; a JavaScript date ends in year 275760
  const outOfRange = { $or: [{ $lt: ['$$v', -210_866_803_200] }, { $gte: ['$$v', 9_224_318_016_000] }] };
  const beyondDates = { $gte: ['$$v', 8_640_000_000_000] };
  const bad = { $or: [infinite, outOfRange, beyondDates] };
  const subMillisecond = { $ne: [{ $mod: ['$$us', 1000] }, 0] };
  const value = { $toDate: { $toLong: { $divide: ['$$us', 1000] } } };
  const checked = raiseIf(
    raiseIf(
      raiseIf(raiseIf(value, subMillisecond, 'feature-not-supported', ['to_timestamp of a time with microseconds (sqletl keeps milliseconds): ', { $toString: '$$v' }], f.span), beyondDates, 'feature-not-supported', ['to_timestamp after the year 275760: ', { $toString: '$$v' }], f.span),
      outOfRange,
      'datetime-field-overflow',
      ['timestamp out of range: "', { $toString: '$$v' }, '"'],
      f.span,
    ),
    infinite,
    'feature-not-supported',
    ['to_timestamp of an infinite number (PostgreSQL\'s infinite timestamps)'],
    f.span,
  );
  // the checks read NULL as 0: DocumentDB evaluates the raises of a $cond's branch not taken too
  return letIn({ x }, cond(isNull('$$x'), null, letIn({ v: { $ifNull: ['$$x', 0] } }, letIn({ us: cond(bad, 0, us) }, checked))));
}

type NumberField = 'Y,YYY' | 'YYYY' | 'YYY' | 'YY' | 'Y' | 'MM' | 'DD' | 'HH24' | 'HH12' | 'HH' | 'MI' | 'SS' | 'MS';
type Part = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'ms' | 'meridiem' | 'weekday';

const NUMBER_FIELDS: Record<NumberField, { width: number; part: Part }> = {
  'Y,YYY': { width: 5, part: 'year' }, YYYY: { width: 4, part: 'year' }, YYY: { width: 3, part: 'year' }, YY: { width: 2, part: 'year' }, Y: { width: 1, part: 'year' },
  MM: { width: 2, part: 'month' }, DD: { width: 2, part: 'day' },
  HH24: { width: 2, part: 'hour' }, HH12: { width: 2, part: 'hour' }, HH: { width: 2, part: 'hour' },
  MI: { width: 2, part: 'minute' }, SS: { width: 2, part: 'second' }, MS: { width: 3, part: 'ms' },
};
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

type Element =
  | { kind: 'number'; field: NumberField; slurp: boolean; th: boolean }
  | { kind: 'name'; part: 'month' | 'weekday'; full: boolean; roman?: boolean }
  | { kind: 'meridiem'; dots: boolean }
  | { kind: 'separator' }
  | { kind: 'char' };

/** The template's elements; a pattern sqletl does not read is refused at its position. */
function templateElements(fmt: string, at: (i: number, n: number) => SourceSpan | undefined): Element[] {
  const out: { el: Element; fm: boolean }[] = [];
  for (let i = 0; i < fmt.length; ) {
    let fm = false;
    if (/^fm/i.test(fmt.slice(i, i + 2))) {
      fm = true;
      i += 2;
    }
    if (fmt[i] === '"') {
      for (i++; i < fmt.length && fmt[i] !== '"'; i++) {
        if (fmt[i] === '\\' && i + 1 < fmt.length) i++;
        out.push({ el: { kind: 'char' }, fm: false });
      }
      i++;
      continue;
    }
    const rest = fmt.slice(i);
    const upper = rest.toUpperCase();
    const num = (Object.keys(NUMBER_FIELDS) as NumberField[]).sort((a, b) => b.length - a.length).find((k) => upper.startsWith(k));
    const name = ['MONTH', 'MON', 'DAY', 'DY', 'RM'].find((k) => upper.startsWith(k));
    const meridiem = ['A.M.', 'P.M.', 'AM', 'PM'].find((k) => upper.startsWith(k));
    const known = [num, name, meridiem].filter((k): k is string => k !== undefined).sort((a, b) => b.length - a.length)[0];
    const pg = PG_DATE_PATTERNS.find((t) => rest.startsWith(t));
    if (pg && (!known || pg.length > known.length)) throw unsupported('lower', `the to_timestamp pattern ${pg}`, at(i, pg.length));
    // PostgreSQL reads each pattern in the cases it lists ('MM', 'mm'), not in any case ('Mm')
    if (known && !PG_DATE_PATTERNS.includes(rest.slice(0, known.length))) throw unsupported('lower', `the to_timestamp pattern ${rest.slice(0, known.length)}`, at(i, known.length));
    const suffix = known && ['TH', 'th', 'SP', 'sp'].find((s) => fmt.startsWith(s, i + known.length));
    if (suffix && (known !== num || suffix === 'SP' || suffix === 'sp')) throw unsupported('lower', `the to_timestamp suffix ${suffix}`, at(i + known.length, 2));
    if (known === num && num) {
      // TH/th after a number skips the next two characters of the input, whatever they are
      out.push({ el: { kind: 'number', field: num, slurp: fm, th: !!suffix }, fm });
      i += num.length + (suffix ? 2 : 0);
    } else if (known === name && name) {
      out.push({ el: { kind: 'name', part: name.startsWith('MON') || name === 'RM' ? 'month' : 'weekday', full: name === 'MONTH' || name === 'DAY', roman: name === 'RM' }, fm });
      i += name.length;
    } else if (known === meridiem && meridiem) {
      out.push({ el: { kind: 'meridiem', dots: meridiem.includes('.') }, fm });
      i += meridiem.length;
    } else {
      // a blank or an ASCII character that is neither a letter nor a digit separates; anything else is skipped as one character
      out.push({ el: /[\s!-/:-@\[-`{-~]/.test(fmt[i]) ? { kind: 'separator' } : { kind: 'char' }, fm: false });
      i++;
    }
  }
  // a number field takes all its digits before a separator, a name, a TH suffix or the template's end (formatting.c, is_next_separator)
  return out.map(({ el }, k) => {
    if (el.kind !== 'number') return el;
    const next = out[k + 1]?.el;
    return { ...el, slurp: el.slurp || el.th || next === undefined || next.kind !== 'number' };
  });
}

const SEPARATOR = '[\\s!-/:-@\\[-`{-~]';

function elementRegex(e: Element): string {
  switch (e.kind) {
    case 'number': {
      const digits = e.field === 'Y,YYY' ? '\\s*(\\d+,\\d{1,3})' : e.slurp ? '\\s*(\\d+)' : `\\s*(\\d{${NUMBER_FIELDS[e.field].width}})`;
      return e.th ? `${digits}[\\s\\S]{0,2}` : digits;
    }
    case 'name': {
      if (e.roman) return `\\s*(${[...ROMAN].sort((a, b) => b.length - a.length).join('|')})`;
      const names = e.part === 'month' ? MONTHS : DAYS;
      return `\\s*(${(e.full ? names : names.map((n) => n.slice(0, 3))).join('|')})`;
    }
    case 'meridiem':
      return e.dots ? '\\s*([ap]\\.m\\.)' : '\\s*([ap]m)';
    case 'separator':
      return `${SEPARATOR}?`;
    case 'char':
      return '[\\s\\S]';
  }
}

export function lowerToTimestampFromText([text]: Mql[], f: FuncExpr): Mql {
  const fmtArg = f.args[1];
  if (fmtArg.kind !== 'literal' || typeof fmtArg.value !== 'string') throw unsupported('lower', 'to_timestamp with a non-constant template', fmtArg.span);
  const fmt = fmtArg.value;
  const at = (i: number, n: number) => (fmtArg.span ? { start: fmtArg.span.start + 1 + i, end: fmtArg.span.start + 1 + i + n } : f.span);
  const elements = templateElements(fmt, at);
  // the capturing elements, in order: each reads one part
  const captures: Element[] = elements.filter((e) => e.kind === 'number' || e.kind === 'name' || e.kind === 'meridiem');
  const partOf = (e: Element): Part => (e.kind === 'number' ? NUMBER_FIELDS[e.field].part : e.kind === 'name' ? e.part : 'meridiem');
  const seen = new Set<Part>();
  for (const e of captures) {
    const p = partOf(e);
    if (seen.has(p) && p !== 'weekday') throw unsupported('lower', `to_timestamp template "${fmt}" that sets the ${p} twice`, fmtArg.span);
    seen.add(p);
  }
  if (!seen.has('year')) throw unsupported('lower', `to_timestamp template "${fmt}" without a year (PostgreSQL's year 1 BC)`, fmtArg.span);
  const clock12 = captures.some((e) => e.kind === 'meridiem' || (e.kind === 'number' && (e.field === 'HH12' || e.field === 'HH')));
  // nested optional groups: the input may end after any element
  let regex = '';
  for (let k = elements.length - 1; k >= 0; k--) regex = k === 0 ? elementRegex(elements[k]) + regex : `(?:${elementRegex(elements[k])}${regex})?`;
  regex = '^' + regex;

  const capture = (e: Element) => ({ $arrayElemAt: ['$$m.captures', captures.indexOf(e)] });
  const find = (p: Part) => captures.find((e) => partOf(e) === p);
  const numberOf = (p: Part, dflt: number): Mql => {
    const e = find(p);
    if (!e) return dflt;
    if (e.kind === 'name') return { $add: [{ $indexOfArray: [e.roman ? ROMAN : e.full ? MONTHS : MONTHS.map((n) => n.slice(0, 3)), { $toLower: capture(e) }] }, 1] };
    // Y,YYY: thousands, a comma, then up to three digits (`1,5` is 1005)
    if (e.kind === 'number' && e.field === 'Y,YYY') {
      const pieces = { $split: [{ $ifNull: [capture(e), '0,0'] }, ','] };
      return { $add: [{ $multiply: [{ $toDouble: { $arrayElemAt: [pieces, 0] } }, 1000] }, { $toDouble: { $arrayElemAt: [pieces, 1] } }] };
    }
    return { $ifNull: [{ $toDouble: capture(e) }, dflt] };
  };
  const yearEl = find('year') as Extract<Element, { kind: 'number' }>;
  const partialYear = yearEl.field === 'YYY' || yearEl.field === 'YY' || yearEl.field === 'Y';
  const msEl = find('ms');
  const meridiemEl = find('meridiem');
  // YYY, YY and Y read with fewer than four digits: 0–69 → 2000s, 70–99 → 1900s, 100–519 → 2000s, 520–999 → 1000s
  const year = partialYear
    ? cond(
        { $lt: [{ $strLenCP: { $ifNull: [capture(yearEl), '0000'] } }, 4] },
        { $switch: { branches: [{ case: { $lt: ['$$y0', 70] }, then: { $add: ['$$y0', 2000] } }, { case: { $lt: ['$$y0', 100] }, then: { $add: ['$$y0', 1900] } }, { case: { $lt: ['$$y0', 520] }, then: { $add: ['$$y0', 2000] } }, { case: { $lt: ['$$y0', 1000] }, then: { $add: ['$$y0', 1000] } }], default: '$$y0' } },
        '$$y0',
      )
    : '$$y0';
  // MS: one digit is tenths, two hundredths (`.5` is 500 ms)
  const ms = msEl
    ? letIn({ t: { $ifNull: [capture(msEl), '000'] } }, { $multiply: [{ $toDouble: '$$t' }, { $switch: { branches: [{ case: { $eq: [{ $strLenCP: '$$t' }, 1] }, then: 100 }, { case: { $eq: [{ $strLenCP: '$$t' }, 2] }, then: 10 }], default: 1 } }] })
    : 0;
  const pm = meridiemEl ? { $eq: [{ $substrCP: [{ $toLower: { $ifNull: [capture(meridiemEl), 'a'] } }, 0, 1] }, 'p'] } : false;
  // the 12-hour clock: 12 AM is 0, PM adds 12 (PostgreSQL does so for HH and HH12 even without AM/PM)
  const hour = clock12 ? cond(pm, cond({ $lt: ['$$h0', 12] }, { $add: ['$$h0', 12] }, '$$h0'), cond({ $eq: ['$$h0', 12] }, 0, '$$h0')) : '$$h0';

  // years before 100 too: the embedded engine's dates (JavaScript's Date.UTC) read them as 19xx
  const yearOk = { $and: [{ $gte: ['$$y', 100] }, { $lte: ['$$y', 9999] }] };
  const fieldsOk = {
    $and: [
      { $gte: ['$$mo', 1] }, { $lte: ['$$mo', 12] }, { $gte: ['$$d', 1] }, { $lte: ['$$d', 31] },
      { $gte: ['$$h', 0] }, { $lte: ['$$h', 23] }, { $lte: ['$$mi', 59] }, { $lte: ['$$sec', 59] }, { $lte: ['$$ms', 999] },
    ],
  };
  // $dateFromParts carries a day past the month's end into the next month; PostgreSQL refuses it
  const part = (ok: Mql, v: string, dflt: number) => ({ $toInt: cond(ok, v, dflt) });
  const date = {
    $dateFromParts: {
      year: part(yearOk, '$$y', 2000), month: part(fieldsOk, '$$mo', 1), day: part(fieldsOk, '$$d', 1),
      hour: part(fieldsOk, '$$h', 0), minute: part(fieldsOk, '$$mi', 0), second: part(fieldsOk, '$$sec', 0), millisecond: part(fieldsOk, '$$ms', 0),
    },
  };
  // (the embedded engine clamps it to the month's last day instead: both are caught by reading the day back)
  const overflow = { $or: [{ $not: [fieldsOk] }, { $ne: [{ $month: '$$date' }, '$$mo'] }, { $ne: [{ $dayOfMonth: '$$date' }, '$$d'] }] };
  // the match must cover the whole template, or end where the input ends
  const noMatch = { $and: [notNull('$$s'), { $or: [{ $eq: ['$$m', null] }, { $and: [{ $in: [null, { $ifNull: ['$$m.captures', []] }] }, { $lt: [{ $strLenCP: '$$m.match' }, { $strLenCP: '$$s' }] }] }] }] };
  const missingYear = { $eq: [capture(yearEl), null] };
  // every check holds for a NULL text too: DocumentDB evaluates the raises of a $cond's branch not taken
  const live = notNull('$$s');
  const bad12 = clock12 ? { $or: [{ $lt: ['$$h0', 1] }, { $gt: ['$$h0', 12] }] } : false;
  const fmtText = fmt.replace(/\$/g, '');
  const spanOf = f.span;
  return letIn(
    { s: text },
    letIn(
      { m: { $regexFind: { input: '$$s', regex, options: 'i' } } },
      raiseIf(
        raiseIf(
          letIn(
            { y0: numberOf('year', 1), mo: numberOf('month', 1), d: numberOf('day', 1), h0: numberOf('hour', 0), mi: numberOf('minute', 0), sec: numberOf('second', 0), ms },
            letIn(
              { y: year, h: hour },
              raiseIf(
                raiseIf(
                    letIn({ date }, raiseIf('$$date', { $and: [live, yearOk, overflow] }, 'datetime-field-overflow', ['date/time field value out of range: "', '$$s', '"'], spanOf)),
                    { $and: [live, { $not: [yearOk] }] },
                    'feature-not-supported',
                    ['to_timestamp of a year before 100 or after 9999: "', '$$s', '"'],
                    spanOf,
                  ),
                  { $and: [live, bad12] },
                  'invalid-datetime-format',
                  ['hour "', { $toString: '$$h0' }, '" is invalid for the 12-hour clock'],
                  spanOf,
                ),
            ),
          ),
          { $and: [live, { $ne: ['$$m', null] }, missingYear] },
          'feature-not-supported',
          ['to_timestamp of text without a year (PostgreSQL\'s year 1 BC): "', '$$s', '"'],
          spanOf,
        ),
        noMatch,
        'invalid-datetime-format',
        ['invalid value "', '$$s', `" for to_timestamp template "${fmtText}"`],
        spanOf,
      ),
    ),
  );
}
