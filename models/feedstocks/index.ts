// The built-in feedstock library: one sourced record per waste stream (see docs/feedstocks.md).
import type { Feedstock } from './types.js';
import { dogFaeces } from './dog-faeces.js';
import { foodWaste } from './food-waste.js';
import { gardenWaste } from './garden-waste.js';
import { grass } from './grass.js';
import { cattleSlurry } from './cattle-slurry.js';
import { pigSlurry } from './pig-slurry.js';
import { primarySludge, wasteActivatedSludge } from './sewage-sludge.js';

export type { Feedstock, Sourced, Evidence, VsComposition } from './types.js';
export { FIELD_UNITS } from './types.js';

export const FEEDSTOCKS: readonly Feedstock[] = [
  dogFaeces, foodWaste, gardenWaste, grass, cattleSlurry, pigSlurry, primarySludge, wasteActivatedSludge,
];
