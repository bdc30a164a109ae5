import { isInexactIntegerText } from '../ir/types.js';

/**
 * JSON text holding an integer sqletl cannot hold exactly (ir/types.ts,
 * MAX_EXACT_INTEGER): `JSON.parse` would round `{"id": 9007199254740993}` to
 * …992 without a word, and so would EJSON's relaxed `{"$numberLong": "…"}`. Such a
 * document is refused where the number is written, never read rounded.
 *
 * Only text with 16 or more digits in a row can hold one (2^53 has 16 digits), so
 * most lines cost one regular-expression test. Numbers inside JSON strings are text
 * and stay exact; a `$numberLong` string is the exception, since EJSON makes it a number.
 */
const LONG_DIGITS = /\d{16}/;

/**
 * Where a document's own fields are declared floating-point (`real`, `double precision`):
 * their names, and how deep the documents sit in the text (1: a line holding one document,
 * 2: the documents of an array). A number written there is read as the double JSON gives,
 * as PostgreSQL reads the text `123456790000000000000` into a float column; `skipped` is
 * set when one was, since such a reading depends on the declarations.
 */
export interface FloatFields {
  names: ReadonlySet<string>;
  depth: 1 | 2;
  skipped?: boolean;
}

/** The first inexact integer of a JSON text: its offset and digits, or undefined. */
export function findInexactInteger(text: string, floats?: FloatFields): { offset: number; digits: string } | undefined {
  if (!LONG_DIGITS.test(text)) return undefined;
  let i = 0;
  let lastKey = '';
  // nesting depth, and the depth where the last key was read (its value follows at that depth)
  let depth = 0;
  let keyDepth = -1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */ || c === 91 /* [ */) depth++;
    else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
    else if (c === 44 /* , */) lastKey = '';
    if (c === 34 /* " */) {
      const end = stringEnd(text, i);
      const s = text.slice(i + 1, end);
      // a `$numberLong` value: the string after the key
      if (lastKey === '$numberLong' && isInexactIntegerText(s)) return { offset: i + 1, digits: s };
      lastKey = text.charCodeAt(skipBlanks(text, end + 1)) === 58 /* : */ ? s : '';
      keyDepth = depth;
      i = end + 1;
      continue;
    }
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      const token = m ? m[0] : text[i];
      if (m && m[1] === undefined && m[2] === undefined && isInexactIntegerText(token)) {
        const floatField = floats !== undefined && depth === floats.depth && keyDepth === depth && floats.names.has(lastKey);
        if (!floatField) return { offset: i, digits: token };
        floats.skipped = true;
      }
      i += token.length;
      continue;
    }
    i++;
  }
  return undefined;
}

/** The index of the quote closing the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i += 2;
    else if (c === 34) return i;
    else i++;
  }
  return text.length;
}

function skipBlanks(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** The refusal's words, for a data file or a COPY row. */
export function inexactIntegerMessage(digits: string): string {
  return `the integer ${digits} is beyond ±9007199254740991 (2^53 − 1), which sqletl cannot hold exactly (it would be rounded); write it as a JSON string to keep it as text`;
}
