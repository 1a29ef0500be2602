export * from './model.ts';
export * from './expr.ts';
