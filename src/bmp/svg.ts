// A plain SVG line chart of simulated BMP curves (NL CH4/kg VS against days), for docs and reports; no DOM needed.
import type { BmpResult } from './bmp.js';

/** Colour-blind-safe palette (Okabe & Ito 2008). */
const COLOURS = ['#000000', '#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'];
const DASHES = ['', '6 3', '2 2', '', '6 3', '2 2', '', '6 3'];

export function bmpCurvesSvg(results: readonly BmpResult[], title = 'Simulated BMP assays (ADM1, 35 C, ISR 2, net of blank)'): string {
  const W = 760, H = 440, L = 60, R = 190, T = 40, B = 50;
  const xMax = Math.max(...results.map((r) => r.days));
  const yTop = Math.max(...results.map((r) => Math.max(r.ultimate_NL_kgVS, r.record_BMP_NL_kgVS)));
  const yMax = Math.ceil(yTop / 100) * 100;
  const x = (d: number) => L + ((W - L - R) * d) / xMax;
  const y = (v: number) => H - B - ((H - T - B) * v) / yMax;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  parts.push(`<text x="${L}" y="22" font-size="14">${title}</text>`);
  for (let v = 0; v <= yMax; v += 100) {
    parts.push(`<line x1="${L}" x2="${W - R}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${L - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`);
  }
  for (let d = 0; d <= xMax; d += 10) parts.push(`<text x="${x(d)}" y="${H - B + 16}" text-anchor="middle">${d}</text>`);
  parts.push(`<line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="black"/><line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="black"/>`);
  parts.push(`<text x="${(L + W - R) / 2}" y="${H - 12}" text-anchor="middle">days</text>`);
  parts.push(`<text transform="translate(16 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">NL CH4 per kg VS added</text>`);
  results.forEach((r, i) => {
    const c = COLOURS[i % COLOURS.length]!, dash = DASHES[i % DASHES.length]!;
    const pts = Array.from(r.t_d, (t, k) => `${x(t).toFixed(1)},${y(r.net_NL_kgVS[k]!).toFixed(1)}`).join(' ');
    parts.push(`<polyline fill="none" stroke="${c}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${pts}"/>`);
    // The record's BMP as a short tick at the right edge: the curve should end on it.
    parts.push(`<line x1="${W - R - 8}" x2="${W - R}" y1="${y(r.record_BMP_NL_kgVS)}" y2="${y(r.record_BMP_NL_kgVS)}" stroke="${c}" stroke-width="3"/>`);
    const ly = T + 18 * i + 8;
    parts.push(`<line x1="${W - R + 12}" x2="${W - R + 36}" y1="${ly}" y2="${ly}" stroke="${c}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    parts.push(`<text x="${W - R + 42}" y="${ly + 4}">${r.feedstock}${r.caveats.length ? ' (estimate)' : ''}</text>`);
  });
  parts.push(`<text x="${W - R + 12}" y="${T + 18 * results.length + 16}" fill="#555">ticks: record BMP</text>`);
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
