// adsim library entry: the same functions the CLI and the web app use.
export * from './errors.js';
export * from './solvers/index.js';
