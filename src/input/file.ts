// The one reader of user files (Node): regular files only (checked with fstat on the open descriptor, so a FIFO,
// a device or a path swapped after a check is refused before any read), a size limit, UTF-8 with or without a BOM,
// and messages that name the file but never echo its content. Files named inside a run file stay in its folder.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { excerpt } from './json.js';

/** Largest user file read (JSON or CSV), in bytes: 16 MiB, far above any real run, scenario or data file. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** When set (the fuzz suite does), every file opened for reading is recorded by its real path. */
export const readAudit: { paths: string[] | null } = { paths: null };

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** A path for a message: short and escaped. */
export function showPath(path: string): string {
  return /^[\x21-\x7e][\x20-\x7e]{0,199}$/.test(path) ? path : excerpt(path, 120);
}

function openError(e: unknown, path: string, field: string): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const p = showPath(path);
  if (code === 'ENOENT') return new InputError(field, `file not found: ${p}`);
  if (code === 'EISDIR') return new InputError(field, `${p} is a folder; expected a file`);
  if (code === 'EACCES' || code === 'EPERM') return new InputError(field, `no permission to read ${p}`);
  if (code === 'ELOOP') return new InputError(field, `${p} is a symbolic-link loop`);
  if (code === 'ENAMETOOLONG') return new InputError(field, `the path ${p} is too long`);
  return new InputError(field, `cannot read ${p} (${code ?? 'error'})`);
}

/**
 * Reads a user file as text. Refuses anything but a regular file, files over `maxBytes`, text that is not UTF-8 and
 * binary content (NUL bytes). A leading byte-order mark is dropped.
 */
export function readUserFile(path: string, field = 'FILE', maxBytes = MAX_FILE_BYTES): string {
  if (typeof path !== 'string' || path === '' || path.includes('\0')) throw new InputError(field, `expected a file path, got ${excerpt(String(path))}`);
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise block before fstat can refuse it.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw openError(e, path, field);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new InputError(field, `${showPath(path)} is ${kindOf(st)}; expected a regular file`);
    if (st.size > maxBytes) throw new InputError(field, `${showPath(path)} is ${st.size} bytes; the limit is ${maxBytes} bytes (${maxBytes / 1048576} MiB)`);
    if (readAudit.paths) {
      try { readAudit.paths.push(realpathSync(path)); } catch { readAudit.paths.push(resolve(path)); }
    }
    // Read to the end, whatever size fstat said (files in /proc report 0), but never past the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      let got: number;
      try { got = readSync(fd, buf, 0, buf.length, null); } catch (e) { throw openError(e, path, field); }
      if (got === 0) break;
      chunks.push(buf.subarray(0, got));
      total += got;
      if (total > maxBytes) throw new InputError(field, `${showPath(path)} is larger than the limit of ${maxBytes} bytes (${maxBytes / 1048576} MiB)`);
    }
    const bytes = Buffer.concat(chunks, total);
    if (bytes.includes(0)) throw new InputError(field, `${showPath(path)} is not a text file (it holds NUL bytes)`);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);   // drops a leading BOM
    } catch {
      throw new InputError(field, `${showPath(path)} is not UTF-8 text`);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * A reader for files named inside `file` (a run file's influent.table): relative to its folder and, unless
 * `allowOutside`, inside that folder once symbolic links are resolved. Absolute paths need `allowOutside` too.
 */
export function folderReader(file: string, opts: { allowOutside?: boolean; field?: string } = {}): (rel: string) => string {
  const field = opts.field ?? 'influent.table';
  return (rel) => {
    if (typeof rel !== 'string' || rel.trim() === '') throw new InputError(field, `expected a file path relative to the run file, got ${excerpt(String(rel))}`);
    // "feed.csv/" names a folder: Node's realpath would quietly drop the slash and read the file.
    if (/[/\\]$/.test(rel)) throw new InputError(field, `${showPath(rel)} ends with a slash, so it names a folder; expected a CSV file`);
    let base: string;
    try { base = realpathSync(dirname(resolve(file))); } catch (e) { throw openError(e, dirname(resolve(file)), field); }
    if (!opts.allowOutside && isAbsolute(rel)) {
      throw new InputError(field, `${showPath(rel)} is an absolute path; a table must sit in the run file's folder (or below it), named relative to it (--allow-outside lifts this)`);
    }
    const target = resolve(base, rel);
    let real: string;
    try { real = realpathSync(target); } catch (e) { throw openError(e, rel, field); }
    if (!opts.allowOutside) {
      const r = relative(base, real);
      if (r === '' || r.startsWith('..') || isAbsolute(r) || r.split(sep)[0] === '..') {
        throw new InputError(field, `${showPath(rel)} leads outside the run file's folder${real !== target ? ' (through a symbolic link)' : ''}; a table must sit in that folder or below it (--allow-outside lifts this)`);
      }
    }
    return readUserFile(real, field);
  };
}
