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

/** The first inexact integer of a JSON text: its offset and digits, or undefined. */
export function findInexactInteger(text: string): { offset: number; digits: string } | undefined {
  if (!LONG_DIGITS.test(text)) return undefined;
  let i = 0;
  let lastKey = '';
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const end = stringEnd(text, i);
      const s = text.slice(i + 1, end);
      // a `$numberLong` value: the string after the key
      if (lastKey === '$numberLong' && isInexactIntegerText(s)) return { offset: i + 1, digits: s };
      lastKey = text.charCodeAt(skipBlanks(text, end + 1)) === 58 /* : */ ? s : '';
      i = end + 1;
      continue;
    }
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      const token = m ? m[0] : text[i];
      if (m && m[1] === undefined && m[2] === undefined && isInexactIntegerText(token)) return { offset: i, digits: token };
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
