// Shared by the feed commands: the library, optionally merged with a user file given by --feedstocks FILE.
import { resolve } from 'node:path';
import { flagString, type ParsedArgs } from '../args.js';
import { readJson } from '../io.js';
import { FEEDSTOCKS, type Feedstock } from '../../../models/feedstocks/index.js';
import { mergeFeedstocks } from '../../feed/library.js';

export function libraryFrom(args: ParsedArgs, cwd: string): readonly Feedstock[] {
  const file = flagString(args, 'feedstocks');
  if (!file) return FEEDSTOCKS;
  const path = resolve(cwd, file);
  return mergeFeedstocks(readJson(path, '--feedstocks'), FEEDSTOCKS, file);
}

/** Wraps text at `width` columns with an indent, for caveats. */
export function wrap(text: string, indent = '  ', width = 100): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = indent;
  for (const w of words) {
    if (line.length + w.length + 1 > width && line.trim() !== '') { lines.push(line); line = indent; }
    line += (line.trim() === '' ? '' : ' ') + w;
  }
  if (line.trim() !== '') lines.push(line);
  return lines.join('\n') + '\n';
}
