// One sourced default: a value with its unit, source key, range where sources differ, and estimate flag.

export interface Default {
  value: number;
  unit: string;
  source: string;
  /** Low-high where sources differ. */
  range?: [number, number];
  /** True when the figure is an estimate rather than a measured or literature value. */
  estimate?: boolean;
}

/** A default, with `range` and `estimate` present only when given (so the tables print without empty fields). */
export const sourcedDefault = (value: number, unit: string, source: string, range?: [number, number], estimate = false): Default =>
  ({ value, unit, source, ...(range ? { range } : {}), ...(estimate ? { estimate } : {}) });
