/**
 * Where a JSON text goes wrong. `JSON.parse` does not always say (V8 reports
 * "Unexpected token ']', … is not valid JSON" without a position), but a bad data
 * file's message must name its line. Only run after JSON.parse failed, so speed
 * does not matter; iterative, so deep nesting cannot overflow the stack.
 */

/** The char offset of the first syntax error in `text`, or undefined if it is valid JSON. */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const n = text.length;
  const ws = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  // what the parser expects next; the stack holds the open containers ('[' or '{')
  const stack: string[] = [];
  let expect: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    ws();
    if (expect === 'value') {
      if (i >= n) return i;
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expect = 'after';
        } else expect = c === '{' ? 'key' : 'value';
        continue;
      }
      const end = scalarEnd(text, i);
      if (end === undefined) return i;
      i = end;
      expect = 'after';
    } else if (expect === 'key') {
      if (text[i] !== '"') return i;
      const end = stringEnd(text, i);
      if (end === undefined) return i;
      i = end;
      ws();
      if (text[i] !== ':') return i;
      i++;
      expect = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? i : undefined;
      if (text[i] === ',') {
        i++;
        expect = top === '{' ? 'key' : 'value';
      } else if (text[i] === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}

function scalarEnd(text: string, i: number): number | undefined {
  if (text[i] === '"') return stringEnd(text, i);
  for (const word of ['true', 'false', 'null']) if (text.startsWith(word, i)) return i + word.length;
  const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
  return m && m[0].length > 0 && m[0] !== '-' ? i + m[0].length : undefined;
}

function stringEnd(text: string, i: number): number | undefined {
  for (let k = i + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x22) return k + 1; // "
    if (c < 0x20) return undefined; // a raw control character (a newline, say) inside a string
    if (c === 0x5c) {
      const e = text[k + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(k + 2, k + 6))) return undefined;
        k += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) k++;
      else return undefined;
    }
  }
  return undefined;
}
