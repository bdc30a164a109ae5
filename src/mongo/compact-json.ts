/**
 * JSON laid out like a pretty-printer with a width: an array or object that fits in
 * `width` columns (with its indentation, key and trailing comma) is printed on one
 * line, `{"$match": {"status": "A"}}`; one that does not has one member per line,
 * indented by two spaces, each member laid out the same way. Keys keep their order
 * and values are printed by JSON.stringify, so `JSON.parse` of the text gives back
 * the value exactly. Used for the golden files (canonical Extended JSON, see
 * test/support/cases.ts) and `sqletl explain --format json`.
 */
export function compactJson(value: unknown, width = 100): string {
  // what JSON.stringify would write (toJSON applied, undefined members left out), as plain data
  const text = JSON.stringify(value);
  return text === undefined ? text : layout(JSON.parse(text), '', 0, width);
}

/** `value` at `indent`, after `used` columns (a key) on its line and before a comma. */
function layout(value: unknown, indent: string, used: number, width: number): string {
  const budget = width - indent.length - used - 1;
  const line = oneLine(value, budget);
  if (line !== undefined) return line;
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => inner + layout(v, inner, 0, width)).join(',\n')}\n${indent}]`;
  }
  const members = Object.entries(value as Record<string, unknown>).map(([k, v]) => {
    const key = `${JSON.stringify(k)}: `;
    return inner + key + layout(v, inner, key.length, width);
  });
  return `{\n${members.join(',\n')}\n${indent}}`;
}

/** The value on one line, or undefined once it is longer than `budget` (an empty array or object always fits). */
function oneLine(value: unknown, budget: number): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const parts: string[] = [];
  let length = 2;
  const add = (text: string | undefined): boolean => {
    if (text === undefined) return false;
    length += text.length + (parts.length ? 2 : 0);
    parts.push(text);
    return length <= budget;
  };
  if (Array.isArray(value)) {
    for (const v of value) if (!add(oneLine(v, budget - length))) return undefined;
    return `[${parts.join(', ')}]`;
  }
  for (const [k, v] of Object.entries(value)) {
    const key = `${JSON.stringify(k)}: `;
    const text = oneLine(v, budget - length - key.length);
    if (!add(text === undefined ? undefined : key + text)) return undefined;
  }
  return `{${parts.join(', ')}}`;
}
