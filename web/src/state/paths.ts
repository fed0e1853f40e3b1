// Reading and writing scenario JSON by field path ("digester.V_liq", "areas[0].bins"), the form the parser reports.

type Json = Record<string, unknown>;

/** Splits "areas[0].bins" into ["areas", 0, "bins"]. */
export function splitPath(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`bad field path ${JSON.stringify(path)}`);
    out.push(m[1]!);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const k of splitPath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** A copy of `obj` with `path` set (`undefined` deletes it, and empties objects left behind). Never mutates. */
export function setPath<T extends Json>(obj: T, path: string, value: unknown): T {
  const keys = splitPath(path);
  const rec = (node: unknown, i: number): unknown => {
    const k = keys[i]!;
    const base: Record<string | number, unknown> = Array.isArray(node) ? [...node] as unknown as Record<number, unknown>
      : node && typeof node === 'object' ? { ...(node as Json) } : typeof k === 'number' ? [] as unknown as Record<number, unknown> : {};
    if (i === keys.length - 1) {
      if (value === undefined) delete base[k];
      else base[k] = value;
    } else {
      const child = rec(base[k], i + 1);
      const empty = child && typeof child === 'object' && !Array.isArray(child) && Object.keys(child).length === 0;
      if (empty && value === undefined) delete base[k];
      else base[k] = child;
    }
    return base;
  };
  return rec(obj, 0) as T;
}

/** Deep copy of plain JSON data. */
export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}
