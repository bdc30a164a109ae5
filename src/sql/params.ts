import { scanSync } from 'libpg-query';
import { SqlEtlError } from '../errors.js';
import { byteToCharMapper } from './offsets.js';

/**
 * `:name` parameters are not PostgreSQL syntax, so before parsing each one is
 * replaced by a positional `$N` of the same width (padded with spaces) so that
 * every other source position stays where it was. The values are bound later as
 * values, never spliced into the text. Comments, strings, `::` casts and array
 * slices (`x[a:b]`) are left alone: the PostgreSQL scanner tells us which is which.
 */
export interface ParamSlots {
  text: string;
  /** positional number → parameter name */
  names: Map<number, string>;
  /** positional number → char offset of the `:name` in the original text */
  offsets: Map<number, number>;
}

export interface ScanToken {
  start: number;
  end: number;
  text: string;
  tokenName: string;
  keywordKind: number;
}

/**
 * PostgreSQL's scanner. libpg-query hands its tokens over as JSON without escaping
 * control characters, so one inside a string or comment (a form feed, say) breaks
 * it: each is scanned as a space instead (one byte for one, so offsets stay).
 */
export function scanTokens(text: string): ScanToken[] {
  // eslint-disable-next-line no-control-regex
  return scanSync(text.replace(/[\x01-\x08\x0b\x0c\x0e-\x1f]/g, ' ')).tokens as ScanToken[];
}

export function substituteParams(text: string): ParamSlots {
  const names = new Map<number, string>();
  const offsets = new Map<number, number>();
  // a parameter is a ':' directly before a name and not part of '::'; without one
  // anywhere (most scripts: only '::' casts), scanning the whole text is not needed
  if (!/(?:^|[^:]):[A-Za-z_\u0080-\uffff"]|:::/.test(text)) return { text, names, offsets };
  let tokens: ScanToken[];
  try {
    tokens = scanTokens(text);
  } catch {
    return { text, names, offsets }; // the parser will report the problem with its position
  }
  const toChar = byteToCharMapper(text);
  const numbers = new Map<string, number>();
  let out = '';
  let copied = 0;
  // open brackets and parentheses: a ':' directly inside a subscript `x[a:b]` is a slice,
  // while inside an array constructor `ARRAY[:a, :b]` (or parentheses) it starts a parameter
  const open: ('subscript' | 'array' | 'paren')[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1]?.text.toUpperCase();
    if (t.text === '[') {
      const inArray = open[open.length - 1] === 'array' && (prev === '[' || prev === ',');
      open.push(prev === 'ARRAY' || inArray ? 'array' : 'subscript');
    } else if (t.text === '(') open.push('paren');
    else if (t.text === ']' || t.text === ')') open.pop();
    if (t.text !== ':' || open[open.length - 1] === 'subscript') continue;
    const next = tokens[i + 1];
    const isName = next && next.start === t.end && (next.tokenName === 'IDENT' || next.keywordKind > 0);
    if (!isName) continue;
    const name = next.text;
    let n = numbers.get(name);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(name, n);
      names.set(n, name);
    }
    const start = toChar(t.start);
    const end = toChar(next.end);
    const slot = `$${n}`;
    if (slot.length > end - start) {
      throw new SqlEtlError('parameter-name-too-short', 'parse', `parameter :${name} needs a longer name (this file has too many parameters for a one-letter name)`, {
        span: { start, end },
      });
    }
    if (!offsets.has(n)) offsets.set(n, start);
    out += text.slice(copied, start) + slot.padEnd(end - start, ' ');
    copied = end;
    i++;
  }
  return { text: out + text.slice(copied), names, offsets };
}
