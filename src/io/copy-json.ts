import { EJSON } from 'bson';
import { findInexactInteger, inexactIntegerMessage } from './json-integers.js';
import { SqlEtlError } from '../errors.js';
import type { CopyRow } from './copy-row.js';

/**
 * COPY … FROM in FORMAT 'json' / ndjson, streamed: one document per line (NDJSON), or
 * one JSON array of documents read element by element, so neither form is ever held
 * whole in memory. Documents are relaxed Extended JSON (`{"$date": …}` is a date). A
 * row's `line` is the line its document starts on. The bytes must be UTF-8: a bad
 * sequence is an error at its line, never a silent U+FFFD.
 */
export async function* readJsonRows(input: AsyncIterable<Buffer | string>, label: string): AsyncGenerator<CopyRow> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const scanner = new JsonScanner(label);
  let line = 1;
  try {
    for await (const chunk of input) {
      let text: string;
      try {
        text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      } catch {
        throw new SqlEtlError('copy-bad-file', 'io', `${label}:${scanner.line}: invalid UTF-8 (the file must be UTF-8 text)`);
      }
      yield* scanner.feed(text);
      line = scanner.line;
    }
    let rest: string;
    try {
      rest = decoder.decode(); // a sequence cut off by the end of the input
    } catch {
      throw new SqlEtlError('copy-bad-file', 'io', `${label}:${scanner.line}: invalid UTF-8 at the end of the input`);
    }
    yield* scanner.feed(rest);
    yield* scanner.end();
  } catch (err) {
    if (err instanceof SqlEtlError) throw err;
    throw new SqlEtlError('copy-bad-file', 'io', `${label}:${line}: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * The state machine: before the first value it decides between an array and lines;
 * in an array it tracks nesting and strings to find where each element ends; in
 * lines mode a line is a document. Text is kept only for the element being read.
 */
class JsonScanner {
  line = 1;
  private mode: 'start' | 'array' | 'lines' | 'done' = 'start';
  private buf = '';
  private startLine = 1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** array mode: expecting an element (true) or a comma / the closing bracket (false) */
  private wantElement = true;
  private elements = 0;

  constructor(private readonly label: string) {}

  *feed(text: string): Generator<CopyRow> {
    let i = 0;
    if (this.mode === 'start') {
      for (; i < text.length && /[\s\uFEFF]/.test(text[i]); i++) if (text[i] === '\n') this.line++;
      if (i === text.length) return;
      this.startLine = this.line;
      if (text[i] === '[') {
        this.mode = 'array';
        i++;
      } else this.mode = 'lines';
    }
    if (this.mode === 'lines') {
      for (;;) {
        const nl = text.indexOf('\n', i);
        if (nl < 0) {
          this.buf += text.slice(i);
          return;
        }
        this.buf += text.slice(i, nl);
        yield* this.lineDone();
        this.line++;
        this.startLine = this.line;
        i = nl + 1;
      }
    }
    // array mode: an element's text is sliced from the chunk when it ends (or the chunk does)
    let from = this.depth > 0 || this.inString ? i : -1;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\n') this.line++;
      if (this.mode === 'done') {
        if (!/\s/.test(c)) throw this.error(this.line, 'unexpected text after the closing ] of the array');
        continue;
      }
      if (this.depth === 0) {
        // between elements of the top-level array
        if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
        if (c === ']' && (!this.wantElement || this.elements === 0)) {
          this.mode = 'done';
          continue;
        }
        if (c === ',' && !this.wantElement) {
          this.wantElement = true;
          continue;
        }
        if (!this.wantElement) throw this.error(this.line, `expected , or ] after element ${this.elements}, found ${JSON.stringify(c)}`);
        if (c !== '{') throw this.error(this.line, `element ${this.elements + 1} of the array is not a document (an object)`);
        this.startLine = this.line;
        from = i;
      }
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') this.inString = false;
        continue;
      }
      if (c === '"') this.inString = true;
      else if (c === '{' || c === '[') this.depth++;
      else if (c === '}' || c === ']') {
        this.depth--;
        if (this.depth === 0) {
          const element = this.buf + text.slice(from, i + 1);
          this.buf = '';
          from = -1;
          this.elements++;
          this.wantElement = false;
          yield { line: this.startLine, values: this.parse(element, this.startLine) };
        }
      }
    }
    if (from >= 0) this.buf += text.slice(from);
  }

  *end(): Generator<CopyRow> {
    if (this.mode === 'lines') yield* this.lineDone();
    else if (this.mode === 'array') throw this.error(this.line, 'the JSON array is not closed (the file ends inside it)');
  }

  private *lineDone(): Generator<CopyRow> {
    const text = this.buf.trim();
    this.buf = '';
    if (text === '') return;
    yield { line: this.startLine, values: this.parse(text, this.startLine) };
  }

  private parse(text: string, line: number): Record<string, unknown> {
    let v: unknown;
    try {
      v = EJSON.parse(text, { relaxed: true });
    } catch (err) {
      throw this.error(line, (err as Error).message.replace(/, ".*" is not valid JSON$/s, ''));
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Date) throw this.error(line, 'expected a document (an object)');
    const inexact = findInexactInteger(text);
    if (inexact) throw this.error(line, inexactIntegerMessage(inexact.digits));
    return v as Record<string, unknown>;
  }

  private error(line: number, message: string): SqlEtlError {
    return new SqlEtlError('copy-bad-file', 'io', `${this.label}:${line}: ${message}`);
  }
}
