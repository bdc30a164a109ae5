/**
 * The PostgreSQL text a dialect script is translated into, with a source map:
 * each written piece can be marked with the dialect offset it came from, so a
 * parse-tree location in the PostgreSQL text (a UTF-8 byte offset, as libpg-query
 * reports them) maps back to a place in the user's file. A location between
 * marks maps to the nearest mark before it (within its statement: every
 * statement starts with a mark at its own start).
 */
export class PgText {
  private parts: string[] = [];
  private bytes = 0;
  /** byte offset in the PostgreSQL text → char offset in the dialect text, ascending */
  private marks: { byte: number; at: number }[] = [];

  /** Appends text; `at` is the dialect offset it corresponds to, when known. */
  write(text: string, at?: number): this {
    if (at !== undefined) this.mark(at);
    this.parts.push(text);
    this.bytes += Buffer.byteLength(text, 'utf8');
    return this;
  }

  mark(at: number): void {
    const last = this.marks[this.marks.length - 1];
    if (last && last.byte === this.bytes) last.at = at;
    else this.marks.push({ byte: this.bytes, at });
  }

  get byteLength(): number {
    return this.bytes;
  }

  text(): string {
    return this.parts.join('');
  }

  /** The source map as a function, for the binder's `toChar`. */
  toDialect(): (byte: number) => number {
    const marks = this.marks.slice();
    return (byte) => {
      let lo = 0;
      let hi = marks.length - 1;
      let found = 0;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (marks[mid].byte <= byte) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return marks[found]?.at ?? 0;
    };
  }
}

/** A PostgreSQL delimited identifier: the name exactly, `"` doubled. */
export function pgIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A PostgreSQL standard string literal (backslashes are plain characters there). */
export function pgString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
