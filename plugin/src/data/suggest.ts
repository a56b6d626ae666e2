import {MAX_QUOTED_LENGTH} from './constants.js';

/**
 * Edit distance counting a swap of two neighbours as one edit (optimal string
 * alignment), for "did you mean" hints: `nmae` is one edit from `name`.
 */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({length: a.length + 1}, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The closest candidate, if it is close enough to be a likely typo. Values and
 * candidates longer than `MAX_QUOTED_LENGTH` are not compared (a typo hint for
 * a kilobyte-long value helps nobody and costs its length squared), nor are
 * candidates whose length alone puts them out of reach.
 */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  if (value.length > MAX_QUOTED_LENGTH) return undefined;
  const lower = value.toLowerCase();
  const reach = (length: number) => Math.max(1, Math.floor(Math.max(value.length, length) * 0.4));
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    if (candidate.length > MAX_QUOTED_LENGTH || Math.abs(candidate.length - value.length) > reach(candidate.length)) continue;
    const score = editDistance(lower, candidate.toLowerCase());
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore <= reach(best.length) ? best : undefined;
}

export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  const match = closest(value, candidates);
  return match === undefined ? undefined : `Did you mean "${match}"?`;
}

/** A value for a message: quoted, and shortened with "…" past `MAX_QUOTED_LENGTH` characters. */
export function quote(value: string): string {
  return `"${value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}…` : value}"`;
}

/**
 * `a, b, c and 12 more`: at most `limit` items of a list that may be long;
 * `show` (which may be costly, such as a position lookup) runs only for those.
 * When the caller knows the `total`, the items past `limit` are not walked.
 */
export function listSome<T>(items: Iterable<T>, limit: number, show: (item: T) => string = String, total?: number): string {
  const shown: string[] = [];
  let count = 0;
  for (const item of items) {
    if (count++ < limit) shown.push(show(item));
    else if (total !== undefined) break;
  }
  const rest = (total ?? count) - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest.toLocaleString('en')} more` : shown.join(', ');
}
