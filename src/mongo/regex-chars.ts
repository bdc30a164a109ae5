/**
 * Characters written into a regular expression that PCRE (MongoDB) and JavaScript
 * (the embedded engine) read alike; used by the LIKE (like-pattern.ts) and
 * PostgreSQL regex (regex-pattern.ts) translations.
 */
export const hex2 = (c: number): string => '\\x' + c.toString(16).toUpperCase().padStart(2, '0');

/** One character outside a bracket expression, literally. */
export function literalChar(c: number): string {
  if (c < 0x20 || c === 0x7f) return hex2(c);
  if (c < 0x80) return /[\\^$.|?*+()[\]{}]/.test(String.fromCharCode(c)) ? '\\' + String.fromCharCode(c) : String.fromCharCode(c);
  // above U+FFFF JavaScript sees two code units: group them so a quantifier takes both
  return c > 0xffff ? `(?:${String.fromCodePoint(c)})` : String.fromCodePoint(c);
}
