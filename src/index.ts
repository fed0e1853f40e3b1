// adsim library entry: the same functions the CLI and the web app use.
export * from './errors.js';
export * from './solvers/index.js';
export * from './simulate/types.js';
export { simulateDigester, outputGrid } from './simulate/digester.js';
export { parseRunFile, parseFeedTable } from './simulate/runfile.js';
export * as adm1 from '../models/adm1/index.js';
export { main as cli } from './cli/main.js';
export { parseScenario, parseScenarioText } from './scenario/parse.js';
export { ScenarioError } from './scenario/read.js';
export { DEFAULTS } from './scenario/defaults.js';
export type { Scenario } from './scenario/types.js';
export { runScenario, type ScenarioResult } from './compare/run.js';
export { compareScenarios, type Comparison } from './compare/compare.js';
export { projectScenario, type Projection } from './compare/project.js';
export { FEEDSTOCKS, type Feedstock, type Sourced } from '../models/feedstocks/index.js';
export { characterise, characteriseMixture, characteriseFeedList, findFeedstock, mergeFeedstocks, validateFeedstock, buswell, parseFormula, type Characterisation } from './feed/index.js';
export { simulateBmp, bmpCurvesSvg, type BmpResult, type BmpOptions } from './bmp/index.js';
export { parseQuantity, parseRate, parseMassRate_kg_d, parseVolumeRate_m3_d } from './units/quantity.js';
