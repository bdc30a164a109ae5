/**
 * The collections a write statement creates for its own use and drops at its end
 * (lower-write.ts): their names start with STAGE_PREFIX, so engines and tools can
 * tell them from the user's collections (the embedded engine keeps them in memory).
 */
import { STAGE_PREFIX } from '../ir/stage-prefix.js';

export { STAGE_PREFIX };

/** where statement `index` stages its rows for `table` */
export const stageName = (index: number, table: string): string => `${STAGE_PREFIX}${index}_${table}`;

/** the stage of a keyed table's INSERT once each row's outcome is decided (insert-outcomes.ts) */
export const classifiedName = (index: number, table: string): string => `${stageName(index, table)}__rows`;

export const isStageName = (name: string): boolean => name.startsWith(STAGE_PREFIX);

