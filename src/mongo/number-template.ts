/**
 * PostgreSQL's numeric templates for `to_char(number, format)` (`9`, `0`, `.`, `,`,
 * `D`, `G`, `S`, `PL`, `MI`, `SG`, `PR`, `L`, `FM`, `TH`/`th`, `V`, `EEEE`, `RN`,
 * quoted text), as PostgreSQL's formatting code reads and applies them, written
 * here from its documented and observed behaviour (checked against PostgreSQL,
 * see test/number-template.test.ts) and run at compile time only.
 *
 * `parseNumberTemplate` reads a format into nodes and the template's description
 * (digits before and after the decimal point, flags); `applyNumberTemplate` writes
 * one number into it, given the number's sign, its digits as PostgreSQL prints them
 * after rounding (`1234.50`, `0.5`, or `#.##` when it does not fit) and the
 * blanks before its first digit. The lowering (lower-to-char-number.ts) runs it over
 * digit strings made of placeholders, one per class of numbers, so that every
 * branch of the emitted expression is this code's output. The locale is C
 * (PostgreSQL's default and PGlite's): `D` is `.`, `G` is `,`, `S` is `+`/`-`, `L`
 * is a blank.
 */

export type NumberKeyword =
  | ',' | '.' | '0' | '9' | 'B' | 'C' | 'D' | 'EEEE' | 'FM' | 'G' | 'L' | 'MI' | 'PL' | 'PR' | 'RN' | 'rn' | 'SG' | 'SP' | 'S' | 'TH' | 'th' | 'V';

export type TemplateNode = { kind: 'keyword'; keyword: NumberKeyword; offset: number } | { kind: 'text'; text: string };

type Flag = 'decimal' | 'ldecimal' | 'zero' | 'blank' | 'fillmode' | 'lsign' | 'bracket' | 'minus' | 'plus' | 'roman' | 'multi' | 'eeee';

export interface TemplateDescription {
  /** digit positions before the decimal point (V's digits included when applied) */
  pre: number;
  /** digit positions after the decimal point */
  post: number;
  /** digits after V: the number is multiplied by 10^multi */
  multi: number;
  /** 1 + the position of the first `0` before the decimal point (0: none) */
  zeroStart: number;
  /** the position after the last `0` */
  zeroEnd: number;
  preLsignNum: number;
  lsign: 'none' | 'pre' | 'post';
  flags: ReadonlySet<Flag>;
}

export interface NumberTemplate {
  nodes: TemplateNode[];
  desc: TemplateDescription;
}

/** A format PostgreSQL refuses, with its message and the offset in the format. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** The keywords in PostgreSQL's search order: for one first letter, the longer names first. */
const KEYWORDS: [string, NumberKeyword][] = [
  [',', ','], ['.', '.'], ['0', '0'], ['9', '9'], ['B', 'B'], ['C', 'C'], ['D', 'D'], ['EEEE', 'EEEE'], ['FM', 'FM'], ['G', 'G'], ['L', 'L'],
  ['MI', 'MI'], ['PL', 'PL'], ['PR', 'PR'], ['RN', 'RN'], ['SG', 'SG'], ['SP', 'SP'], ['S', 'S'], ['TH', 'TH'], ['V', 'V'],
  ['b', 'B'], ['c', 'C'], ['d', 'D'], ['eeee', 'EEEE'], ['fm', 'FM'], ['g', 'G'], ['l', 'L'], ['mi', 'MI'], ['pl', 'PL'], ['pr', 'PR'],
  ['rn', 'rn'], ['sg', 'SG'], ['sp', 'SP'], ['s', 'S'], ['th', 'th'], ['v', 'V'],
];

export function parseNumberTemplate(format: string): NumberTemplate {
  const nodes: TemplateNode[] = [];
  const d = { pre: 0, post: 0, multi: 0, zeroStart: 0, zeroEnd: 0, preLsignNum: 0, lsign: 'none' as TemplateDescription['lsign'] };
  const flags = new Set<Flag>();
  const chars = [...format];
  let i = 0;
  let offset = 0; // in UTF-16 units, for error positions
  while (i < chars.length) {
    const rest = chars.slice(i).join('');
    const hit = KEYWORDS.find(([name]) => rest.startsWith(name));
    if (hit) {
      describe(hit[1], offset, d, flags);
      nodes.push({ kind: 'keyword', keyword: hit[1], offset });
      i += hit[0].length;
      offset += hit[0].length;
    } else if (chars[i] === '"') {
      // quoted text; a backslash quotes the next character
      i++;
      offset++;
      while (i < chars.length) {
        if (chars[i] === '"') {
          i++;
          offset++;
          break;
        }
        if (chars[i] === '\\' && i + 1 < chars.length) {
          i++;
          offset++;
        }
        nodes.push({ kind: 'text', text: chars[i] });
        offset += chars[i].length;
        i++;
      }
    } else {
      // outside quotes a backslash is special only before a double quote
      if (chars[i] === '\\' && chars[i + 1] === '"') {
        i++;
        offset++;
      }
      nodes.push({ kind: 'text', text: chars[i] });
      offset += chars[i].length;
      i++;
    }
  }
  return { nodes, desc: { ...d, flags } };
}

function describe(k: NumberKeyword, at: number, d: { pre: number; post: number; multi: number; zeroStart: number; zeroEnd: number; preLsignNum: number; lsign: TemplateDescription['lsign'] }, flags: Set<Flag>): void {
  const fail = (message: string): never => {
    throw new TemplateError(message, at);
  };
  const has = (f: Flag) => flags.has(f);
  switch (k) {
    case '9':
      if (has('bracket')) fail('"9" must be ahead of "PR"');
      if (has('multi')) d.multi++;
      else if (has('decimal')) d.post++;
      else d.pre++;
      return;
    case '0':
      if (has('bracket')) fail('"0" must be ahead of "PR"');
      if (!has('zero') && !has('decimal')) {
        flags.add('zero');
        d.zeroStart = d.pre + 1;
      }
      if (!has('decimal')) d.pre++;
      else d.post++;
      d.zeroEnd = d.pre + d.post;
      return;
    case 'B':
      if (d.pre === 0 && d.post === 0 && !has('zero')) flags.add('blank');
      return;
    case 'D':
    case '.':
      if (has('decimal')) fail('multiple decimal points');
      if (has('multi')) fail('cannot use "V" and decimal point together');
      if (k === 'D') flags.add('ldecimal');
      flags.add('decimal');
      return;
    case 'FM':
      flags.add('fillmode');
      return;
    case 'S':
      if (has('lsign')) fail('cannot use "S" twice');
      if (has('plus') || has('minus') || has('bracket')) fail('cannot use "S" and "PL"/"MI"/"SG"/"PR" together');
      if (!has('decimal')) {
        d.lsign = 'pre';
        d.preLsignNum = d.pre;
        flags.add('lsign');
      } else if (d.lsign === 'none') {
        d.lsign = 'post';
        flags.add('lsign');
      }
      return;
    case 'MI':
      if (has('lsign')) fail('cannot use "S" and "MI" together');
      flags.add('minus');
      return;
    case 'PL':
      if (has('lsign')) fail('cannot use "S" and "PL" together');
      flags.add('plus');
      return;
    case 'SG':
      if (has('lsign')) fail('cannot use "S" and "SG" together');
      flags.add('minus');
      flags.add('plus');
      return;
    case 'PR':
      if (has('lsign') || has('plus') || has('minus')) fail('cannot use "PR" and "S"/"PL"/"MI"/"SG" together');
      flags.add('bracket');
      return;
    case 'RN':
    case 'rn':
      if (has('roman')) fail('cannot use "RN" twice');
      flags.add('roman');
      return;
    case 'V':
      if (has('decimal')) fail('cannot use "V" and decimal point together');
      flags.add('multi');
      return;
    case 'EEEE':
      if (has('eeee')) fail('cannot use "EEEE" twice');
      if (['blank', 'fillmode', 'lsign', 'bracket', 'minus', 'plus', 'roman', 'multi'].some((f) => has(f as Flag))) fail('"EEEE" is incompatible with other formats');
      flags.add('eeee');
      return;
    case ',':
    case 'C':
    case 'G':
    case 'L':
    case 'SP':
    case 'TH':
    case 'th':
      return;
  }
}

const isDigit = (c: string | undefined) => c !== undefined && ((c >= '0' && c <= '9') || isPlaceholder(c));

/** Digit placeholders: the lowering's digit strings use these for digits known only at run time. */
export const PLACEHOLDER_BASE = 0xe000;
export const isPlaceholder = (c: string) => c.charCodeAt(0) >= PLACEHOLDER_BASE && c.charCodeAt(0) < PLACEHOLDER_BASE + 0x100;
/** Stand-ins for TH/th of a number known only at run time. */
export const ORDINAL_UPPER = '\uE100';
export const ORDINAL_LOWER = '\uE101';

/** PostgreSQL's ordinal suffix of a digit string (teens take TH). */
export function ordinalSuffix(digits: string, upper: boolean): string {
  const last = digits[digits.length - 1];
  const s = digits.length > 1 && digits[digits.length - 2] === '1' ? 'th' : last === '1' ? 'st' : last === '2' ? 'nd' : last === '3' ? 'rd' : 'th';
  return upper ? s.toUpperCase() : s;
}

/**
 * Writes a number into the template: `sign` is '+' or '-', `number` its digits
 * without sign (`'#'`s with the point at `pre` when it does not fit), `outPreSpaces`
 * the number of digit positions before its first digit. `desc` may differ from the
 * parsed one where the caller adjusts it (V adds its digits to `pre`; float8 keeps
 * at most 15 significant digits).
 */
export function applyNumberTemplate(nodes: TemplateNode[], desc: TemplateDescription, sign: '+' | '-', number: string, outPreSpaces: number): string {
  const flags = new Set(desc.flags);
  const has = (f: Flag) => flags.has(f);
  let zeroStart = desc.zeroStart;
  let lsign = desc.lsign;
  const { pre, post, zeroEnd } = desc;
  const num = [...number];
  const at = (i: number) => (i < num.length ? num[i] : '\0');
  if (zeroStart) zeroStart--;
  let signWrote: boolean;
  if (has('plus') || has('minus')) {
    // MI/PL/SG write the sign themselves (PL alone leaves the number its own sign too)
    signWrote = !(has('plus') && !has('minus'));
  } else {
    if (sign !== '-' && has('fillmode')) flags.delete('bracket');
    signWrote = sign === '+' && has('fillmode') && !has('lsign');
    if (lsign === 'pre' && pre === desc.preLsignNum) lsign = 'post';
  }
  let numCount = post + pre - 1;
  let lastRelevant: number | null = null;
  if (has('fillmode') && has('decimal')) {
    const point = num.indexOf('.');
    if (point >= 0) {
      lastRelevant = point;
      for (let i = point + 1; i < num.length; i++) if (num[i] !== '0') lastRelevant = i;
      if (zeroEnd > outPreSpaces) {
        const lastZero = Math.min(zeroEnd - outPreSpaces, num.length - 1);
        if (lastRelevant < lastZero) lastRelevant = lastZero;
      }
    }
  }
  if (!signWrote && outPreSpaces === 0) numCount++;

  let out = '';
  let numIn = false;
  let numCurr = 0;
  let p = 0;
  const predecSpace = () => !has('zero') && p === 0 && num[0] === '0' && post !== 0;
  const signText = () => (sign === '-' ? '-' : '+');

  const numpart = (k: NumberKeyword) => {
    numIn = false;
    if (
      !signWrote &&
      (numCurr >= outPreSpaces || (has('zero') && zeroStart === numCurr)) &&
      (!predecSpace() || (lastRelevant !== null && num[lastRelevant] === '.'))
    ) {
      if (has('lsign')) {
        if (lsign === 'pre') {
          out += signText();
          signWrote = true;
        }
      } else if (has('bracket')) {
        out += sign === '+' ? ' ' : '<';
        signWrote = true;
      } else if (sign === '+') {
        if (!has('fillmode')) out += ' ';
        signWrote = true;
      } else {
        out += '-';
        signWrote = true;
      }
    }
    if (k === '9' || k === '0' || k === 'D' || k === '.') {
      if (numCurr < outPreSpaces && (zeroStart > numCurr || !has('zero'))) {
        if (!has('fillmode')) out += ' ';
      } else if (has('zero') && numCurr < outPreSpaces && zeroStart <= numCurr) {
        out += '0';
        numIn = true;
      } else {
        if (at(p) === '.') {
          if (lastRelevant === null || num[lastRelevant] !== '.') out += '.';
          else if (has('fillmode')) out += '.';
        } else {
          if (lastRelevant !== null && p > lastRelevant && k !== '0') {
            // trailing zeros dropped (FM)
          } else if (predecSpace()) {
            if (!has('fillmode')) out += ' ';
            else if (lastRelevant !== null && num[lastRelevant] === '.') out += '0';
          } else {
            out += at(p);
            numIn = true;
          }
        }
        if (p < num.length) p++;
      }
      let end = numCount + (outPreSpaces ? 1 : 0) + (has('decimal') ? 1 : 0);
      if (lastRelevant !== null && lastRelevant === p) end = numCurr;
      if (numCurr + 1 === end) {
        if (signWrote && has('bracket')) out += sign === '+' ? ' ' : '>';
        else if (has('lsign') && lsign === 'post') out += signText();
      }
    }
    numCurr++;
  };

  for (const n of nodes) {
    if (n.kind === 'text') {
      out += n.text;
      continue;
    }
    switch (n.keyword) {
      case '9':
      case '0':
      case '.':
      case 'D':
        numpart(n.keyword);
        break;
      case ',':
      case 'G':
        if (!numIn) {
          if (!has('fillmode')) out += ' ';
        } else out += ',';
        break;
      case 'L':
        out += ' ';
        break;
      case 'TH':
      case 'th': {
        if (num[0] === '#' || sign === '-' || has('decimal')) break;
        const upper = n.keyword === 'TH';
        if (num.some(isPlaceholder)) out += upper ? ORDINAL_UPPER : ORDINAL_LOWER;
        else if (isDigit(num[num.length - 1])) out += ordinalSuffix(number, upper);
        else throw new TemplateError(`"${number}" is not a number`, n.offset);
        break;
      }
      case 'MI':
        if (sign === '-') out += '-';
        else if (!has('fillmode')) out += ' ';
        break;
      case 'PL':
        if (sign === '+') out += '+';
        else if (!has('fillmode')) out += ' ';
        break;
      case 'SG':
        out += sign;
        break;
      default:
        break;
    }
  }
  const nul = out.indexOf('\0');
  return nul < 0 ? out : out.slice(0, nul);
}
