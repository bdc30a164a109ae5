/**
 * The one error type user input may produce. Every stage throws SqlEtlError with a
 * stable kebab-case code (one of ERROR_CODES in error-codes.ts), the stage it came
 * from and, when the SQL is to blame, the source span, so the CLI can print
 * `file.sql:LINE:COL: message`, the line and a caret.
 */
import { isErrorCode, type ErrorCode, type ErrorParams, type ErrorParamsOf } from './error-codes.js';

export { ERROR_CODES, isErrorCode, type ErrorCode, type ErrorParams, type ErrorParamsOf } from './error-codes.js';

export type Stage = 'parse' | 'bind' | 'plan' | 'lower' | 'run' | 'usage' | 'io';

/** The stages of compiling and running a statement (what `unsupported()` names). */
export type SqlStage = 'parse' | 'bind' | 'plan' | 'lower' | 'run';

export interface SourceSpan {
  /** 0-based character offset into the whole script text. */
  start: number;
  /** exclusive end offset; equal to start when only a point is known. */
  end: number;
}

interface ErrorOptions {
  span?: SourceSpan;
  hints?: string[];
  cause?: unknown;
}

/**
 * The options of an error of code C: a code with parameters (ErrorParams) must be
 * given them, a code without has none; a code only known at run time (an error
 * passed on under its own code) may carry whichever it has.
 */
export type SqlEtlErrorOptions<C extends ErrorCode> = ErrorOptions &
  ([C] extends [keyof ErrorParams] ? { params: ErrorParams[C] } : [C] extends [Exclude<ErrorCode, keyof ErrorParams>] ? { params?: undefined } : { params?: ErrorParamsOf<C> });

/** the options argument: required when the code has parameters */
type OptionsArg<C extends ErrorCode> = [C] extends [keyof ErrorParams] ? [opts: SqlEtlErrorOptions<C>] : [opts?: SqlEtlErrorOptions<C>];

class SqlEtlErrorClass extends Error {
  readonly code: ErrorCode;
  readonly stage: Stage;
  /** the parameters of codes that have them (ErrorParams), e.g. the column of `undefined-column` */
  readonly params?: ErrorParams[keyof ErrorParams];
  span?: SourceSpan;
  readonly hints: string[];
  /** the journal id of the run a failed statement belonged to (for `--resume`) */
  runId?: string;
  /** set once the script text is known (compile/run attach it), for formatting. */
  source?: { text: string; file?: string };

  constructor(code: ErrorCode, stage: Stage, message: string, opts: ErrorOptions & { params?: ErrorParams[keyof ErrorParams] } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'SqlEtlError';
    this.code = code;
    this.stage = stage;
    if (opts.params !== undefined) this.params = opts.params;
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

/**
 * `new SqlEtlError(code, stage, message, opts)`. The constructor is typed per code (a
 * class's own constructor cannot be generic), while `instanceof SqlEtlError` still
 * narrows to SqlEtlError with `code: ErrorCode`, so comparing a code to a misspelt one
 * does not compile either.
 */
interface SqlEtlErrorConstructor {
  new <C extends ErrorCode>(code: C, stage: Stage, message: string, ...opts: OptionsArg<C>): SqlEtlError;
  readonly prototype: SqlEtlError;
}

export type SqlEtlError = SqlEtlErrorClass;
export const SqlEtlError: SqlEtlErrorConstructor = SqlEtlErrorClass;

/** Is `err` a SqlEtlError of code `code`? Then its `params` are the code's. */
export function hasCode<C extends ErrorCode>(err: unknown, code: C): err is SqlEtlError & { readonly code: C; readonly params: ErrorParamsOf<C> } {
  return err instanceof SqlEtlError && err.code === code;
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

/** An unsupported SQL construct, reported at its position by the stage that meets it. */
export function unsupported(stage: SqlStage, what: string, span?: SourceSpan, hints: string[] = []): SqlEtlError {
  return new SqlEtlError('unsupported-sql', stage, `${what} is not supported yet`, { span, hints, params: { feature: what } });
}

export function spanAt(location: number | undefined, length = 1): SourceSpan | undefined {
  if (location === undefined || location < 0) return undefined;
  return { start: location, end: location + length };
}

/**
 * A data error raised inside a pipeline (src/mongo/raise.ts): MongoDB has no operator
 * that throws, so the message rides in a string that `$toInt` fails to read, on every
 * engine, each quoting it in its own error text. Between the markers: PostgreSQL's
 * condition name, the expression's source offsets, and PostgreSQL's message.
 */
export const RAISE_OPEN = '<<sqletl:';
export const RAISE_CLOSE = '<</sqletl>>';

/** The SqlEtlError of a pipeline-raised data error when `err` (an engine's error) carries one: PostgreSQL's words, at the expression. */
export function raisedError(err: unknown): SqlEtlError | undefined {
  const text = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  const start = text.indexOf(RAISE_OPEN);
  const end = text.lastIndexOf(RAISE_CLOSE);
  if (start < 0 || end < start) return undefined;
  const body = text.slice(start + RAISE_OPEN.length, end);
  const m = /^([a-z-]+)(?:@(\d+)-(\d+))?>>/.exec(body);
  if (!m) return undefined;
  const span = m[2] !== undefined ? { start: Number(m[2]), end: Number(m[3]) } : undefined;
  // the code is one raise.ts wrote (a RaisedCode); anything else is the engine's own error
  if (!isErrorCode(m[1])) return undefined;
  return new SqlEtlError(m[1], 'run', body.slice(m[0].length), { span });
}
