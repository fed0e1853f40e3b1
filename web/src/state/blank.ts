// A blank scenario to start from: the few fields the parser requires; every other field falls back on its default.
import { SCENARIO_SCHEMA } from '../../../src/scenario/types.js';

export function blankScenario(name = 'New scenario'): Record<string, unknown> {
  return {
    schema: SCENARIO_SCHEMA,
    name,
    comment: 'Describe the question this scenario answers.',
    destination: 'digester',
    areas: [{ name: 'Area 1', bins: 100 }],
    digester: { V_liq: '300 m3' },
  };
}
