// BMP module: simulated biochemical methane potential assays.
export * from './bmp.js';
export * from './inoculum.js';
export * from './svg.js';
