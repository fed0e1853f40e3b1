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

/** A number to `digits` significant figures, without binary-fraction noise (187.20000000000002 -> 187.2). */
export const roundSig = (x: number, digits: number): number => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits)));

// 10 significant figures by default: far beyond what the model knows, and free of float noise in the file.
const cell = (v: unknown, digits: number) => {
  const s = v === undefined || v === null ? '' : typeof v === 'number' ? (Number.isFinite(v) ? String(roundSig(v, digits)) : '') : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV from rows of cells; numbers to `digits` significant figures. */
export function toCsv(rows: unknown[][], digits = 10): string {
  return rows.map((r) => r.map((v) => cell(v, digits)).join(',')).join('\r\n') + '\r\n';
}

export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario';
}
