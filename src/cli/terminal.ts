import { Chalk } from 'chalk';
import { CommanderError } from 'commander';
import { SqlEtlError } from '../errors.js';

/**
 * Where output goes and whether it is coloured, and how failures turn into
 * messages and exit codes. Colour is decided per stream: `explain | less` stays
 * plain while errors on a terminal are still coloured.
 */

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** NO_COLOR (any non-empty value, no-color.org) wins; FORCE_COLOR forces; otherwise only terminals. */
export function wantsColor(stream: { isTTY?: boolean }, env = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return stream.isTTY === true;
}

export function writeOut(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

export function writeErr(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : text + '\n');
}

/** Prints any failure on stderr and returns the exit code it deserves. */
export function reportError(err: unknown): number {
  const color = wantsColor(process.stderr);
  if (err instanceof CommanderError) {
    // commander has already printed its message through configureOutput
    return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (err instanceof SqlEtlError) {
    writeErr(colorError(err.stage === 'usage' ? `sqletl: ${err.message}` : err.format(), color));
    return err.stage === 'usage' ? EXIT_USAGE : EXIT_FAILED;
  }
  // Anything else is a bug in sqletl, not in the user's SQL: say so, and keep the stack for SQLETL_DEBUG.
  const message = err instanceof Error ? err.message : String(err);
  const lines = [`sqletl: internal error: ${message}`];
  if (process.env.SQLETL_DEBUG === '1' && err instanceof Error && err.stack) lines.push(err.stack);
  else lines.push('This is a bug in sqletl. Set SQLETL_DEBUG=1 to see the stack trace, and please report it.');
  writeErr(colorError(lines.join('\n'), color));
  return EXIT_FAILED;
}

/** Colours the parts of SqlEtlError.format(): location line, caret, hints. */
export function colorError(text: string, color: boolean): string {
  if (!color) return text;
  const c = new Chalk({ level: 1 });
  return text
    .split('\n')
    .map((line, i) => {
      if (i === 0) return c.bold.red(line);
      if (/^\s*\^+\s*$/.test(line)) return c.green.bold(line);
      if (line.startsWith('hint: ')) return c.cyan('hint: ') + line.slice(6);
      return line;
    })
    .join('\n');
}
