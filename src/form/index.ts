export * from './phone';
export * from './validate';
