/** A row COPY FROM read: its values by column, and its line (or position) for messages and rejects. */
export interface CopyRow {
  line: number;
  values: Record<string, unknown>;
}
