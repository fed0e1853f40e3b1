// ADM1 (BSM2 variant) model: components, parameters, processes, physico-chemistry, right-hand side and outputs.
export * from './components.js';
export * from './parameters.js';
export * from './processes.js';
export * from './physchem.js';
export * from './acidbase.js';
export * from './rhs.js';
export * from './outputs.js';
export * from './initial.js';
