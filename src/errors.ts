/**
 * The one error type user input may produce. Every stage throws SqlEtlError with a
 * stable kebab-case code, the stage it came from and, when the SQL is to blame, the
 * source span, so the CLI can print `file.sql:LINE:COL: message`, the line and a caret.
 */
export type Stage = 'parse' | 'bind' | 'plan' | 'lower' | 'run' | 'usage' | 'io';

export interface SourceSpan {
  /** 0-based character offset into the whole script text. */
  start: number;
  /** exclusive end offset; equal to start when only a point is known. */
  end: number;
}

export class SqlEtlError extends Error {
  readonly code: string;
  readonly stage: Stage;
  span?: SourceSpan;
  readonly hints: string[];
  /** the journal id of the run a failed statement belonged to (for `--resume`) */
  runId?: string;
  /** set once the script text is known (compile/run attach it), for formatting. */
  source?: { text: string; file?: string };

  constructor(code: string, stage: Stage, message: string, opts: { span?: SourceSpan; hints?: string[]; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'SqlEtlError';
    this.code = code;
    this.stage = stage;
    this.span = opts.span;
    this.hints = opts.hints ?? [];
  }

  /** line and column (both 1-based) of the span start, when known. */
  position(): { line: number; column: number } | undefined {
    if (!this.span || !this.source) return undefined;
    return lineColumn(this.source.text, this.span.start);
  }

  /** `file:line:col: message`, the source line and a caret, then hints. */
  format(): string {
    const pos = this.position();
    const file = this.source?.file ?? '<sql>';
    const head = pos ? `${file}:${pos.line}:${pos.column}: ${this.message}` : `${this.source?.file ? file + ': ' : ''}${this.message}`;
    const lines = [head];
    if (pos && this.source) {
      const text = this.source.text.split('\n')[pos.line - 1] ?? '';
      lines.push(`  ${text.replace(/\t/g, ' ')}`);
      lines.push(`  ${' '.repeat(pos.column - 1)}^`);
    }
    for (const h of this.hints) lines.push(`hint: ${h}`);
    return lines.join('\n');
  }
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** An unsupported SQL construct, reported at its position. */
export function unsupported(what: string, span?: SourceSpan, hints: string[] = []): SqlEtlError {
  return new SqlEtlError('unsupported-sql', 'bind', `${what} is not supported yet`, { span, hints });
}

export function spanAt(location: number | undefined, length = 1): SourceSpan | undefined {
  if (location === undefined || location < 0) return undefined;
  return { start: location, end: location + length };
}

/**
 * A data error raised inside a pipeline (`raise()` in src/mongo/mql.ts): MongoDB has no
 * operator that throws, so the message is handed to a `$convert` to int without
 * `onError`, which fails on every engine quoting its input. The markers let the
 * engines find PostgreSQL's message in their own error text and report just that.
 */
export const RAISE_OPEN = 'sqletl-error<';
export const RAISE_CLOSE = '>sqletl-error';

/** The message (and source offset) of a pipeline-raised data error inside an engine's error text, if any. */
export function raisedMessage(engineMessage: string): { message: string; at?: number } | undefined {
  const start = engineMessage.indexOf(RAISE_OPEN);
  if (start < 0) return undefined;
  const end = engineMessage.indexOf(RAISE_CLOSE, start);
  if (end < 0) return undefined;
  const body = engineMessage.slice(start + RAISE_OPEN.length, end);
  const m = /^@(\d+);/.exec(body);
  return m ? { message: body.slice(m[0].length), at: Number(m[1]) } : { message: body };
}

/** The SqlEtlError of a pipeline-raised data error, when `err` is one: positioned at the expression that raised it. */
export function raisedError(err: unknown): SqlEtlError | undefined {
  const raised = err instanceof Error ? raisedMessage(err.message) : undefined;
  if (!raised) return undefined;
  return new SqlEtlError('invalid-data', 'run', raised.message, { cause: err, span: raised.at === undefined ? undefined : { start: raised.at, end: raised.at + 1 } });
}
