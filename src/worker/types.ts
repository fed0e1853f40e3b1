// Shapes that cross the worker boundary: job progress, the error envelope, and the scenario result the UI reads.

/** Progress of one job, reported per chunk (never per solver step). */
export interface JobProgress {
  /** 0..1 of the job's simulated time. */
  fraction: number;
  /** Simulated day reached, when known. */
  t_d?: number;
}

export type ProgressFn = (p: JobProgress) => void;

/** An error as it travels back from a worker; `field` survives so an InputError can be rebuilt on the caller's side. */
export interface WireError {
  name: string;
  message: string;
  field?: string;
  /** Every problem found (a ScenarioError lists them all), each naming its field. */
  issues?: Array<{ field: string; message: string }>;
}

/** What every API call returns: errors travel as data, so nothing is lost in Comlink's error serialisation. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError };
