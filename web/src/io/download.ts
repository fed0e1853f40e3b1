// File output from the page: CSV text, JSON text and chart PNGs, saved through a temporary link.

export function downloadText(name: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  downloadUrl(name, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadUrl(name: string, url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

// One CSV writer for the CLI and the page (src/export/csv.ts): the same quoting and rounding everywhere.
export { csvWithHeader, roundSig, toCsv } from '../../../src/export/csv.js';

export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario';
}
