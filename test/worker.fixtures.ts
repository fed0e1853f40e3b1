// Scenarios the worker tests use: a small one, a long one (for cancellation), in the bundled scenario schema.
const base = { schema: 'adsim-scenario/1', comment: 'worker test', areas: [{ name: 'A', bins: 60 }], digester: { V_liq: '150 m3' } };

/** A small valid scenario: one year after a short start-up. */
export async function smallScenario(): Promise<unknown> {
  return { ...base, name: 'small', horizon: { startup: '10 d', years: 1 } };
}

/** Long enough for several progress chunks, short enough for a quick test. */
export async function mediumScenario(): Promise<unknown> {
  return { ...base, name: 'medium', horizon: { startup: '300 d', years: 3 } };
}

/** A scenario long enough that cancelling it mid-run is observable. */
export async function longScenario(): Promise<unknown> {
  return { ...base, name: 'long', horizon: { startup: '1000 d', years: 10 } };
}
