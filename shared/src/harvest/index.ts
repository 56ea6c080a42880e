export * from './types';
export * from './build';
export * from './import-error';
export * from './import-seed003';
