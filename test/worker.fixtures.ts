// Scenarios the worker tests use: a small one, a long one (for cancellation), picked from what the engine accepts.
/** A small valid scenario (TEMPORARY engine: any object with a name). */
export async function smallScenario(): Promise<unknown> {
  return { name: 'small', days: 60, bins: 50 };
}

/** A scenario long enough that cancelling it mid-run is observable. */
export async function longScenario(): Promise<unknown> {
  return { name: 'long', days: 400000, bins: 50 };
}

/** Long enough for several progress chunks, short enough for a quick test. */
export async function mediumScenario(): Promise<unknown> {
  return { name: 'medium', days: 20000, bins: 50 };
}
