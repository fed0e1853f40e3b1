// `adsim project FILE [--years N] [--json]`: the multi-year projection of a scenario with its rollout.
import { parseArgs, flagNumber } from '../args.js';
import type { CliCommand } from '../types.js';
import { InputError } from '../../errors.js';
import { jsonReplacer } from '../io.js';
import { projectScenario } from '../../compare/project.js';
import { projectionTable } from '../../compare/table.js';
import { jsonError, loadScenario, progress } from './scenario.js';

export const projectCommand: CliCommand = {
  name: 'project',
  summary: 'Project a scenario year by year with its rollout (areas joining, bins growing); --json prints {years, totals, warnings}.',
  usage: 'adsim project FILE.json [--years N] [--json]',
  async run(argv, io) {
    const args = parseArgs(argv, { json: 'boolean', years: 'value' });
    const asJson = args.flags.has('json');
    try {
      const file = args.positionals[0];
      if (!file) throw new InputError('FILE', 'expected a scenario file, e.g. adsim project scenarios/region-rollout.json');
      const s = loadScenario(file);
      const years = flagNumber(args, 'years', s.rollout.years, (x) => Number.isInteger(x) && x >= 1 && x <= 30, 'a whole number of years from 1 to 30');
      const p = projectScenario(s, years, { onProgress: progress(io, s.name) });
      if (asJson) { io.out(JSON.stringify({ ok: true, ...p }, jsonReplacer) + '\n'); return 0; }
      io.out(projectionTable(p));
      return 0;
    } catch (e) {
      if (asJson) return jsonError(io, e);
      throw e;
    }
  },
};
