// What a fit's numbers mean in words: an optimiser that "converged" on a model that explains little of the data
// (R2 < 0.5 in any series) is said to, above the table, so nobody takes its parameter values as measured.
import { html, nothing, type TemplateResult } from 'lit';
import type { FitResult } from '../../../src/analysis/fit.js';
import { fitQuality } from '../../../src/export/research.js';

/** The series a fit explains little of, each in a sentence (empty when every R2 is 0.5 or more). */
export function explainsLittle(f: Pick<FitResult, 'groups'>): string[] {
  return f.groups.map(fitQuality).filter((q) => q.little).map((q) => q.text);
}

/** The convergence line: "converged" is qualified when the fit explains little of the data. */
export function convergenceLine(f: FitResult, runsWord = 'model runs'): TemplateResult {
  const little = explainsLittle(f).length > 0;
  const head = !f.converged ? 'Did NOT converge; the best point found is shown'
    : little ? 'The optimiser converged (it found the best point it could), but the fit explains little of the data'
    : 'Fit converged';
  return html`<p class=${f.converged && !little ? 'muted' : 'error'}>${head} (${f.message}), ${f.method}, ${f.evaluations} ${runsWord}.</p>`;
}

/** One warning per series whose R2 is below 0.5. */
export function qualityWarnings(f: Pick<FitResult, 'groups'>): TemplateResult | typeof nothing {
  const texts = explainsLittle(f);
  return texts.length ? html`<div class="error fit-quality" role="note">${texts.map((t) => html`<p>${t}.</p>`)}</div>` : nothing;
}
