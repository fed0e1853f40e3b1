// The bundled scenarios (scenarios/*.json) built into the app; the BSM2 digester benchmark file is not a scenario.
const files = import.meta.glob<Record<string, unknown>>('../../../scenarios/*.json', { eager: true, import: 'default' });

export function bundledScenarios(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [path, json] of Object.entries(files)) {
    if (json && typeof json === 'object' && String(json.schema ?? '').startsWith('adsim-scenario/')) out[path.split('/').pop()!] = json;
  }
  return out;
}
