export * from './model.ts';
export * from './lifecycle-model.ts';
export * from './findings.ts';
export * from './expr.ts';
export * from './balance-change.ts';
