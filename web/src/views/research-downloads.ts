// The download buttons under a research result: one per file (CSV tables, the JSON document), built when clicked.
import { html, type TemplateResult } from 'lit';
import { downloadText } from '../io/download.js';
import type { DownloadFile } from '../io/research-files.js';

/** Buttons `#<prefix>-<key>` that save each file; the group is labelled with what the files hold. */
export function downloadButtons(prefix: string, what: string, files: DownloadFile[]): TemplateResult {
  return html`<div class="row downloads no-print" role="group" aria-label="Download ${what}">
    <span class="muted">Download ${what}:</span>
    ${files.map((f) => html`<button type="button" id="${prefix}-${f.key}" data-file=${f.name}
      @click=${() => downloadText(f.name, f.text(), f.type)}>${f.label}</button>`)}
  </div>`;
}
