export * from './dates';
export * from './factories';
export * from './model';
export * from './ratings';
export * from './reference';
export * from './rollups';
export * from './stored';
export * from './validation';
