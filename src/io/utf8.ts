/**
 * Text files (SQL scripts, data files) are UTF-8. Node's 'utf8' decoding turns a
 * bad byte into U+FFFD without a word, which would silently change a string
 * literal or a value; here a bad byte sequence is an error at its line and column.
 */

export interface Utf8Error {
  /** byte offset of the first invalid sequence */
  byte: number;
  /** 1-based line and column (in characters) of that sequence */
  line: number;
  column: number;
  /** the text decoded leniently (U+FFFD for bad bytes), for showing the line */
  lossy: string;
  /** char offset of the bad sequence in `lossy` */
  offset: number;
}

/**
 * Decodes strict UTF-8 (a leading BOM is dropped, unless `keepBom`: for a block from the
 * middle of a file); returns the error's place instead when the bytes are not UTF-8.
 */
export function decodeUtf8(bytes: Uint8Array, keepBom = false): { text: string } | { error: Utf8Error } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: keepBom }).decode(bytes) };
  } catch {
    const byte = invalidUtf8Offset(bytes);
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, byte));
    const lineStart = prefix.lastIndexOf('\n') + 1;
    let line = 1;
    for (let k = prefix.indexOf('\n'); k >= 0; k = prefix.indexOf('\n', k + 1)) line++;
    return {
      error: { byte, line, column: prefix.length - lineStart + 1, lossy: new TextDecoder('utf-8').decode(bytes), offset: prefix.length },
    };
  }
}

/** Byte offset of the first sequence that is not well-formed UTF-8 (overlong forms and surrogates included), or -1. */
export function invalidUtf8Offset(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    if (i + n >= b.length) return i; // truncated at the end of the file
    let cp = c & (n === 1 ? 0x1f : n === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if ((x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}
