/**
 * libpg-query reports locations as UTF-8 byte offsets; the rest of sqletl speaks
 * JavaScript string (UTF-16) offsets. One mapper per text converts between them.
 */
export function byteToCharMapper(text: string): (byteOffset: number) => number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return (b) => b;
  const map: number[] = [];
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    const len = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    for (let k = 0; k < len; k++) map[bytes + k] = i;
    bytes += len;
    if (code >= 0x10000) i++;
  }
  map[bytes] = text.length;
  return (b) => (b >= bytes ? text.length + (b - bytes) : map[b]);
}

export function charToByteOffset(text: string, charOffset: number): number {
  return Buffer.byteLength(text.slice(0, charOffset), 'utf8');
}
