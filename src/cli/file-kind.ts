// What a JSON file that is not a digester run is, and which command takes it: `adsim run` on the wrong file says so.
import { InputError } from '../errors.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Throws an InputError naming what `json` is and the command for it, when it is a known adsim file of another kind. */
export function refuseOtherKinds(json: unknown, file: string): void {
  if (!isObject(json) || json.kind === 'digester-run') return;
  const schema = typeof json.schema === 'string' ? json.schema : '';
  if (schema.startsWith('adsim-scenario/')) {
    throw new InputError(file, `is a collection scenario ("schema": "${schema}"), not a digester run: run it with \`adsim scenario ${file}\` (or \`adsim compare\` with others)`);
  }
  // `adsim characterise --json` prints an influent {q_m3_d, state, ...}; with --full it sits under "influent".
  const influent = isObject(json.influent) && json.kind === undefined && json.digester === undefined ? json.influent : json;
  if (isObject(influent) && typeof influent.q_m3_d === 'number' && isObject(influent.state) && json.kind === undefined) {
    throw new InputError(file, 'is an ADM1 influent (the output of `adsim characterise --json`), not a digester run: '
      + 'put it under "influent" in a run file with "kind": "digester-run", "digester" and "days" '
      + '(as in scenarios/bsm2-steady-state.json), then `adsim run` that file');
  }
  if (Array.isArray(json.feedstocks)) {
    throw new InputError(file, `is a feedstock library, not a digester run: pass it to a command with \`--feedstocks ${file}\` (e.g. \`adsim feedstocks --feedstocks ${file}\`)`);
  }
}
