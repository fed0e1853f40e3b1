// Shorthand constructor for sourced values, used by the built-in feedstock records.
import type { Evidence, Sourced } from './types.js';

export const sv = (value: number, low: number, high: number, unit: string, evidence: Evidence, source: string): Sourced =>
  ({ value, low, high, unit, evidence, source });

/** Where the derivation of the dog-faeces record is written out (its values are estimates, not measurements). */
export const DOG_DERIVATION = 'derivation: docs/feedstocks.md, dog faeces';
