// The caption a saved chart PNG carries inside the image: units and their basis, the scenarios, who made it and when.
import { provenance } from '../../../src/export/csv.js';

export interface CaptionInfo {
  title: string;
  /** The y unit, e.g. "Nm3/d". */
  unit?: string;
  /** What the figures are measured on, e.g. "dry, 0 C, 101.325 kPa". */
  basis?: string;
  /** The scenarios (or the model) the chart shows. */
  scenarios?: readonly string[];
  date?: Date;
}

/**
 * The caption's lines under the chart: "Units: Nm3/d (dry, 0 C, 101.325 kPa)", "Scenarios: A; B", and the program,
 * model version and date ("adsim 0.1.0, model adm1-bsm2 1.0.0, exported 2026-12-01"). A PNG travels without the page.
 */
export function captionLines(c: CaptionInfo): string[] {
  const lines: string[] = [];
  if (c.unit) lines.push(`Units: ${c.unit}${c.basis ? ` (${c.basis})` : ''}`);
  else if (c.basis) lines.push(`Basis: ${c.basis}`);
  const names = (c.scenarios ?? []).filter((s) => s.trim() !== '');
  if (names.length) lines.push(`${names.length > 1 ? 'Scenarios' : 'Scenario'}: ${names.join('; ')}`);
  lines.push(`${provenance(c.date)}. Simulated estimates, not measurements.`);
  return lines;
}

/** Splits text into lines no wider than `width` by `measure` (words kept whole unless one alone is too wide). */
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next) <= width || !line) { line = next; continue; }
    out.push(line);
    line = word;
  }
  if (line) out.push(line);
  return out;
}
