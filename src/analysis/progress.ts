// A one-line text progress bar for long analyses ("[#####-----] 120/400 30 % ~12 s left"), pure so any UI can use it.

export function progressLine(done: number, total: number, elapsed_ms: number, width = 24): string {
  const f = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(f * width);
  const left = done > 0 && done < total ? (elapsed_ms / done) * (total - done) / 1000 : 0;
  const eta = done > 0 && done < total ? ` ~${left < 60 ? `${Math.ceil(left)} s` : `${Math.ceil(left / 60)} min`} left` : '';
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${Math.round(f * 100)} %${eta}`;
}
