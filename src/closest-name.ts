/**
 * `did you mean` candidates, shared by the binder (unknown columns) and the runner
 * (missing collections): the closest name within edit distance 2, case-insensitive.
 */

/** Levenshtein distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The closest candidate within distance 2 (case-insensitive), for a `did you mean` hint. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    if (c === name) continue;
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    // a one-letter name is "close" to every other short name: require the distance to be less than the length
    if (d < bestDistance && d < Math.max(name.length, 2)) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
