// Feed module: feedstock lookup/validation, characterisation into ADM1 influent, mixtures, Buswell/Boyle.
export * from './formula.js';
export * from './buswell.js';
export * from './macromolecules.js';
export * from './adm1-composition.js';
export * from './validate.js';
export * from './library.js';
export * from './characterise.js';
export * from './feedlist.js';
