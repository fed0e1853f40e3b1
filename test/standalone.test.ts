// The project stands alone: no tracked file refers to the folder of private notes beside the checkout, to the notes
// themselves, or to anything outside the repository that a fresh clone does not have.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Built from pieces so that this file does not match itself.
const SH = 'sha' + 'red';
const FORBIDDEN: [string, RegExp][] = [
  ['a path to the notes folder beside the checkout', new RegExp(`\\.\\./(\\.\\./)*${SH}\\b`)],
  ['the notes folder', new RegExp(`\\b${SH}/(reference|adm1|hooks)\\b`)],
  // docs/economics.md is the project's own page (issue #10): a path or link to it is allowed, a bare name is not.
  ['the notes by name', new RegExp(`\\bdomain` + `\\.md\\b|\\b(adm1-bsm2|stack)\\.md\\b|(?<![/(])\\beconomics\\.md\\b`, 'i')],
  ['a citation of the notes', new RegExp(`domain ` + `brief|data ` + `brief|\\b(stack|domain|economics|reference) ` + `notes\\b`, 'i')],
];
/** Generated or third-party files that are not the project's text. */
const SKIP = new Set(['package-lock.json']);

function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  } catch {
    // Not a git checkout (e.g. an unpacked tarball): walk the tree, leaving out what git would not track.
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        if (['node_modules', '.git', 'dist', 'dist-node', 'coverage'].includes(name)) continue;
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p); else out.push(relative(root, p));
      }
    };
    walk(root);
    return out;
  }
}

function offences(path: string, text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const hit = FORBIDDEN.find(([, re]) => re.test(line));   // one report per line, the first reason that applies
    if (hit) out.push(`${path}:${i + 1}: ${hit[0]}: ${line.trim().slice(0, 120)}`);
  });
  return out;
}

describe('the repository stands alone', () => {
  it('no tracked file refers to the notes or to a folder outside the repository', () => {
    const files = trackedFiles().filter((f) => !SKIP.has(f));
    expect(files.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const f of files) {
      let buf: Buffer;
      try { buf = readFileSync(join(root, f)); } catch { continue; }   // deleted in the work tree, not yet committed
      if (buf.includes(0)) continue;                                  // binary
      found.push(...offences(f, buf.toString('utf8')));
    }
    expect(found).toEqual([]);
  });

  it('the check catches each form it is meant to catch', () => {
    const bad = [`../../${SH}/reference/x.json`, `see ${SH}/adm1/pyadm1/NOTICE`, 'domain' + '.md §3', 'the domain' + ' brief §1', `../${SH}/x`, 'Reference points (stack' + ' notes)'];
    for (const line of bad) expect(offences('x', line), line).toHaveLength(1);
    expect(offences('x', 'a shared link; docs/sources.md; test/fixtures/bsm2-steady-state.json')).toEqual([]);
    expect(offences('x', 'see ' + 'economics' + '.md §2')).toHaveLength(1);
    expect(offences('x', 'see docs/economics.md and [the method](economics.md)')).toEqual([]);
  });
});
