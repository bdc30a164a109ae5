/** `node --import ./bench/lib/mingo-esm.ts …`: load mingo's ES-module build (see mingo-esm-hooks.ts). */
import { register } from 'node:module';

register('./mingo-esm-hooks.ts', import.meta.url);
