// Shorthand constructor for sourced values, used by the built-in feedstock records.
import type { Evidence, Sourced } from './types.js';

export const sv = (value: number, low: number, high: number, unit: string, evidence: Evidence, source: string): Sourced =>
  ({ value, low, high, unit, evidence, source });

/** The project's sourced data brief; section numbers refer to it. */
export const BRIEF = 'adsim domain brief (shared/reference/domain.md)';
