/**
 * The one door to mingo: every module of the embedded engine imports mingo from here.
 *
 * Why: under Node, mingo's package exports choose its CommonJS build (the "node"
 * condition), where every call from one mingo module into another goes through a
 * property getter of the re-exported module object — about a fifth of the embedded
 * engine's CPU time in profiles (bench/README.md). Its ES-module build binds them
 * directly. So `npm run build` replaces this file's compiled output in dist/ with an
 * esbuild bundle of the very same imports resolved to mingo's ES-module build
 * (scripts/bundle-mingo.mjs): same mingo version and code, no getters. Tests that run
 * from src/ (vitest) use the CommonJS build through this file unchanged.
 */
export { Aggregator } from 'mingo/aggregator';
export { Context, evalExpr, ProcessingMode } from 'mingo/core';
export { Query } from 'mingo/query';
export { Lazy } from 'mingo/lazy';
export { assert, cloneDeep, compare, groupBy, isEqual, isOperator, removeValue, resolve, setValue, typeOf } from 'mingo/util';
export * as accumulatorOperators from 'mingo/operators/accumulator';
export * as expressionOperators from 'mingo/operators/expression';
export * as pipelineOperators from 'mingo/operators/pipeline';
export * as projectionOperators from 'mingo/operators/projection';
export * as queryOperators from 'mingo/operators/query';
export * as windowOperators from 'mingo/operators/window';
