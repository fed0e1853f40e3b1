// Engine warnings as plain items for people: field paths in words, one item per warning, shared ones listed once.
import { fieldLabel } from './fields.js';

/** Field paths such as `areas[0].fill_per_bin` or `digester.T` anywhere in a message. */
const PATH = /`?\b((?:areas|co_substrates)\[\d+\]\.[A-Za-z_][\w]*|(?:digester|collection|bags|depackaging|storage|gas_use|today|horizon|rollout|economics|prices|accounting)\.[A-Za-z_][\w.]*)\b`?/g;

/** One warning in plain language: paths named by their labels, capitalised. */
export function plainWarning(text: string): string {
  let t = text
    .replace(/\bESTIMATE:\s*/g, 'Estimate: ')
    // The project's own documents (docs/feedstocks.md) mean nothing to a reader of the page: a parenthesis that only
    // points at them goes, and any other mention becomes "the adsim documentation".
    .replace(/\s*\((?:[^()]*?\bdocs\/[\w.-]+\.md\b[^()]*)\)/g, (m) => (/\bdocs\/[\w.-]+\.md/.test(m) ? '' : m))
    .replace(/\bdocs\/[\w.-]+\.md\b/g, 'the adsim documentation')
    .replace(PATH, (_, p: string) => {
      const label = fieldLabel(p);
      return label === p ? p.replace(/\[(\d+)\]/, (_m, i: string) => ` ${Number(i) + 1} `).replace(/[._]/g, ' ').replace(/\s+/g, ' ').trim() : `“${label}”`;
    })
    .replace(/\s{2,}/g, ' ')
    .trim();
  if (t) t = t.charAt(0).toUpperCase() + t.slice(1);
  return t;
}

/** Warnings of several scenarios as separate items; one that several scenarios share is listed once with their names. */
export function warningItems(cols: Array<{ name: string; warnings: string[] }>): Array<{ text: string; scenarios: string[] }> {
  const by = new Map<string, string[]>();
  for (const c of cols) {
    for (const w of new Set(c.warnings.map(plainWarning).filter(Boolean))) by.set(w, [...(by.get(w) ?? []), c.name]);
  }
  return [...by].map(([text, scenarios]) => ({ text, scenarios }));
}
