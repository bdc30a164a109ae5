import { unsupported } from '../errors.js';
import type { FuncExpr } from '../ir/expr.js';
import { letIn, notNull, type Mql } from './mql.js';
import { raiseIf } from './raise.js';

/**
 * TO_DATE(text, format) for numeric formats (YYYY, MM, DD and separators), read as
 * PostgreSQL reads them: leading blanks are skipped, a separator in the format
 * matches any one non-alphanumeric character, a field followed by a separator takes
 * all its digits (`4/1/2023` is April 1st with 'MM/DD/YYYY'), fields written side by
 * side take their width ('YYYYMMDD'), and text after the last field is ignored.
 * Where PostgreSQL raises an error (no digits where a field is expected, a month or
 * day out of range) the statement fails too: MongoDB has no operator to raise an
 * error, so the message is raised through a failing `$toInt` (src/mongo/raise.ts).
 */
const FIELDS = { YYYY: { width: 4, part: 'year' }, MM: { width: 2, part: 'month' }, DD: { width: 2, part: 'day' } } as const;
type Field = keyof typeof FIELDS;

export function lowerToDate([text]: Mql[], f: FuncExpr): Mql {
  const fmtArg = f.args[1];
  if (fmtArg.kind !== 'literal' || typeof fmtArg.value !== 'string') throw unsupported('lower', 'to_date with a non-constant format', fmtArg.span);
  const fmt = fmtArg.value;
  const elements: (Field | 'sep')[] = [];
  for (let i = 0; i < fmt.length; ) {
    const field = (Object.keys(FIELDS) as Field[]).find((k) => fmt.startsWith(k, i));
    if (field) {
      elements.push(field);
      i += field.length;
    } else if (/[A-Za-z0-9]/.test(fmt[i])) {
      throw unsupported('lower', `to_date format "${fmt}" (supported: YYYY, MM, DD and separators)`, fmtArg.span);
    } else {
      elements.push('sep');
      i++;
    }
  }
  const fields = elements.filter((e): e is Field => e !== 'sep');
  for (const k of Object.keys(FIELDS) as Field[]) {
    if (fields.filter((x) => x === k).length !== 1) throw unsupported('lower', `to_date format "${fmt}" without exactly one ${k}`, fmtArg.span);
  }
  const regex =
    '^\\s*' +
    elements
      .map((e, i) => (e === 'sep' ? '[^A-Za-z0-9]' : elements[i + 1] && elements[i + 1] !== 'sep' ? `(\\d{${FIELDS[e].width}})` : '(\\d+)'))
      .join('');
  const capture = (k: Field) => ({ $toInt: { $arrayElemAt: ['$$m.captures', fields.indexOf(k)] } });
  const noMatch = { $and: [notNull('$$s'), { $eq: ['$$m', null] }] };
  // $dateFromParts carries an out-of-range month or day over into the next; PostgreSQL refuses them
  const overflow = {
    $and: [{ $ne: ['$$date', null] }, { $not: [{ $and: [{ $eq: [{ $year: '$$date' }, '$$y'] }, { $eq: [{ $month: '$$date' }, '$$mo'] }, { $eq: [{ $dayOfMonth: '$$date' }, '$$d'] }] }] }],
  };
  return letIn(
    { s: text },
    letIn(
      { m: { $regexFind: { input: '$$s', regex } } },
      letIn(
        { y: capture('YYYY'), mo: capture('MM'), d: capture('DD') },
        letIn(
          { date: { $dateFromParts: { year: '$$y', month: '$$mo', day: '$$d' } } },
          raiseIf(
            raiseIf('$$date', overflow, 'datetime-field-overflow', ['date/time field value out of range: "', '$$s', '"'], f.span),
            noMatch,
            'invalid-datetime-format',
            ['invalid value "', '$$s', `" for to_date format "${fmt.replace(/\$/g, '')}"`],
            f.span,
          ),
        ),
      ),
    ),
  );
}
