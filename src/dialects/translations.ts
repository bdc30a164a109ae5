import { DIALECT_FUNCTIONS } from './function-table.js';
import { pivotSource, unpivotSource } from './pivot.js';
import { query } from './translate-query.js';
import type { Translations } from './translator.js';

/** What each Translator reaches the recursive translations through (see Translations in translator.ts). */
export const TRANSLATIONS: Translations = { query, pivotSource, unpivotSource, functions: DIALECT_FUNCTIONS };
