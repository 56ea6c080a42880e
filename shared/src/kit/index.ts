export * from './kit-labels';
export * from './kit-links';
export * from './kit-model';
