// Vitest global setup: the CLI tests spawn the built worker (dist-node/), so build it once when missing or stale.
import { ensureNodeBuild } from '../scripts/ensure-built.mjs';

export default function setup(): void {
  ensureNodeBuild({ log: (m: string) => console.log(`[global-setup] ${m}`) });
}
