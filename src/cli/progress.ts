import type { ProgressEvent } from '../api-types.js';

/**
 * Progress of a run on stderr, never stdout (stdout carries results and may be a pipe).
 * - 'tty': one live line per statement with a spinner, elapsed time and, for COPY,
 *   rows and bytes; replaced by a ✓ line when the statement ends.
 * - 'lines': plain lines for logs (--progress when stderr is not a terminal): one at
 *   the start, at most one every 2 s while a COPY runs, one at the end.
 * - 'off': nothing (the default when stderr is not a terminal).
 * A pipeline on the embedded engine runs synchronously, so its spinner only moves
 * between batches; on MongoDB it turns while the server works.
 */
export type ProgressMode = 'tty' | 'lines' | 'off';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export class ProgressDisplay {
  private timer: NodeJS.Timeout | undefined;
  private frame = 0;
  private current: ProgressEvent | undefined;
  private lastLine = 0;
  private startedAt = 0;

  constructor(
    private readonly mode: ProgressMode,
    private readonly out: { write(s: string): unknown } = process.stderr,
  ) {}

  handle = (e: ProgressEvent): void => {
    if (this.mode === 'off') return;
    if (e.phase === 'start') {
      this.current = e;
      this.startedAt = Date.now();
      if (this.mode === 'lines') this.out.write(`${label(e)}: started\n`);
      else {
        this.draw();
        this.timer = setInterval(() => this.draw(), 100);
        this.timer.unref();
      }
      return;
    }
    if (e.phase === 'progress') {
      this.current = e;
      if (this.mode === 'tty') this.draw();
      else if (Date.now() - this.lastLine >= 2000) {
        this.lastLine = Date.now();
        this.out.write(`${label(e)}: ${counts(e)}\n`);
      }
      return;
    }
    this.stop();
    const done = `${label(e)}: done in ${seconds(e.elapsedMs)}`;
    this.out.write(this.mode === 'tty' ? `\r\x1b[2K✓ ${done}\n` : `${done}\n`);
  };

  /** clears the live line (before an error is printed, or at the end) */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.mode === 'tty' && this.current) this.out.write('\r\x1b[2K');
    this.current = undefined;
  }

  private draw(): void {
    const e = this.current;
    if (!e) return;
    const spin = FRAMES[this.frame++ % FRAMES.length];
    const c = counts(e);
    this.out.write(`\r\x1b[2K${spin} ${label(e)} ${seconds(Date.now() - this.startedAt)}${c ? `  ${c}` : ''}`);
  }
}

function label(e: ProgressEvent): string {
  return `${e.file ? `${e.file} ` : ''}statement ${e.statement} (${e.kind})`;
}

function counts(e: ProgressEvent): string {
  const parts: string[] = [];
  if (e.rowsRead !== undefined) parts.push(`${e.rowsRead.toLocaleString('en-US')} rows`);
  if (e.bytesRead !== undefined) parts.push(bytes(e.bytesRead));
  return parts.join(', ');
}

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
