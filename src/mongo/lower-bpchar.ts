import { cond, isNull, letIn, shared, type Mql } from './mql.js';

/**
 * character(n) in a pipeline (src/sql/bind-bpchar.ts says why values are held without
 * their trailing blanks). Both take a text value; NULL stays NULL.
 */

/** The held form of a cast to character(n): cut to n characters, trailing blanks dropped ('abcdef'::char(3) is 'abc'). */
export function heldChar(text: Mql, n: number): Mql {
  return shared([text], ([t]) => cond(isNull(t), null, { $rtrim: { input: { $substrCP: [t, 0, n] }, chars: ' ' } }));
}

/** The value as PostgreSQL shows it: blanks added up to n characters (a longer value, read from a data file, as it is). */
export function shownChar(text: Mql, n: number): Mql {
  // the padding reads a string even where the value is NULL: DocumentDB evaluates both branches of a $cond
  return shared([text], ([t]) =>
    cond(
      isNull(t),
      null,
      letIn({ s: cond({ $eq: [{ $type: t }, 'string'] }, t, '') }, cond({ $lt: [{ $strLenCP: '$$s' }, n] }, { $substrCP: [{ $concat: ['$$s', ' '.repeat(n)] }, 0, n] }, t)),
    ),
  );
}
