// The bibliography (docs/sources.md) in the page: a source key such as [Banks2011] read as its full citation.
import sourcesMd from '../../../docs/sources.md?raw';

/** One bibliography entry: its key and the citation in plain text (markdown emphasis and link syntax removed). */
export interface Citation { key: string; text: string }

/** Entries of docs/sources.md: lines `- **[Key]** text` with their indented continuation lines. */
export function parseSources(md: string): Map<string, string> {
  const entries = new Map<string, string>();
  let key: string | undefined;
  let parts: string[] = [];
  const flush = () => { if (key) entries.set(key, plain(parts.join(' '))); key = undefined; parts = []; };
  for (const line of md.split(/\r?\n/)) {
    const head = /^- \*\*\[([A-Za-z0-9]+)\]\*\*\s*(.*)$/.exec(line);
    if (head) { flush(); key = head[1]; parts = [head[2]!]; }
    else if (key && /^\s+\S/.test(line)) parts.push(line.trim());
    else flush();
  }
  flush();
  return entries;
}

/** Markdown emphasis and backticks dropped, whitespace collapsed: a citation reads as plain text in a tooltip. */
function plain(s: string): string {
  return s.replace(/\*+/g, '').replace(/`/g, '').replace(/\s+/g, ' ').trim();
}

const BIBLIOGRAPHY = parseSources(sourcesMd);

/** The citations of every [Key] named in a source text, in the order named (unknown keys are left out). */
export function citationsIn(source: string | undefined): Citation[] {
  if (!source) return [];
  const keys = [...new Set([...source.matchAll(/\[([A-Za-z][A-Za-z0-9]*)\]/g)].map((m) => m[1]!))];
  return keys.flatMap((key) => { const text = BIBLIOGRAPHY.get(key); return text ? [{ key, text }] : []; });
}

/** A source text with its full citations after it, for a title tooltip (which cannot hold links or lists). */
export function sourceTooltip(source: string | undefined): string {
  if (!source) return '';
  const cites = citationsIn(source);
  return cites.length ? `${source}\n\n${cites.map((c) => `[${c.key}] ${c.text}`).join('\n')}` : source;
}
