/** Edit distance (Levenshtein), for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest candidate, if it is close enough to be a likely typo. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const lower = value.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    const score = editDistance(lower, candidate.toLowerCase());
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  const threshold = Math.max(1, Math.floor(Math.max(value.length, best?.length ?? 0) * 0.4));
  return best !== undefined && bestScore <= threshold ? best : undefined;
}

export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  const match = closest(value, candidates);
  return match === undefined ? undefined : `Did you mean "${match}"?`;
}
