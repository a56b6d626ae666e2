/**
 * The one matcher of a dataset: every name and alias in one Aho–Corasick automaton over case-folded,
 * whitespace-normalised text, so each text is scanned once whatever the number of names. Candidates are
 * then checked for boundaries (`boundaries.ts`) and case, and the leftmost-longest ones win.
 * Auto-linking and the mention scan both use it, so what is linked and what is counted never disagree.
 */
import {isWholeMention} from './boundaries.js';
import type {LinkTargets} from './targets.js';

/**
 * What a mention is:
 * - `model`: names exactly one model and may be linked;
 * - `ambiguous`: the name is marked ambiguous or several models share it: never linked;
 * - `near-miss`: only the case differs from a case-sensitive name (`Bert`, `bloom`): never linked.
 */
export type MatchKind = 'model' | 'ambiguous' | 'near-miss';

export interface Match {
  /** Offsets in the scanned text (end exclusive). */
  readonly start: number;
  readonly end: number;
  /** The text as written (a line break stays a line break). */
  readonly text: string;
  readonly kind: MatchKind;
  /** Ids of the models this text names: one for `model`, every candidate otherwise. */
  readonly models: readonly string[];
  /** The names as the data writes them that this text matched (or nearly matched). */
  readonly names: readonly string[];
}

export interface Matcher {
  /** The models the matcher was compiled from (a Dataset, or an inventory's models: see `targets.ts`). */
  readonly dataset: LinkTargets;
  /** Every mention in `text`: leftmost-longest, not overlapping, each standing on its own as a word. */
  scan(text: string): Match[];
  /** How `text` as a whole would be read as a name (`undefined` if it is none, near-misses excluded). */
  resolveName(text: string): Pick<Match, 'kind' | 'models' | 'names'> | undefined;
}

interface NameEntry {
  /** As written in the data, whitespace runs collapsed to one space. */
  readonly text: string;
  readonly matchCase: boolean;
  readonly ambiguous: boolean;
  readonly model: string;
}

/** All the names that share one folded key. */
interface Pattern {
  readonly length: number;
  readonly entries: NameEntry[];
}

type Candidate = Omit<Match, 'text'>;

const MULTIPLE_SPACES = /\s{2,}/;
const SPACE = /\s/g;
const collapseSpaces = (text: string) => text.trim().replace(/\s+/g, ' ');

/** Lower-cases without changing the length (the rare characters whose lower case is longer stay as they are). */
function fold(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let result = '';
  for (const unit of text.split('')) {
    const folded = unit.toLowerCase();
    result += folded.length === 1 ? folded : unit;
  }
  return result;
}

/** The text to run the automaton on, and where each of its characters came from when whitespace runs were collapsed. */
function prepare(text: string): {scanned: string; offsets: Int32Array | undefined} {
  if (!MULTIPLE_SPACES.test(text)) return {scanned: fold(text.replace(SPACE, ' ')), offsets: undefined};
  const units: string[] = [];
  const offsets: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const unit = text[index]!;
    const space = /\s/.test(unit);
    if (space && units.at(-1) === ' ') continue;
    units.push(space ? ' ' : unit);
    offsets.push(index);
  }
  return {scanned: fold(units.join('')), offsets: Int32Array.from(offsets)};
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Reads a matched text against the names that share its folded key. */
function resolve(pattern: Pattern, written: string): Candidate | undefined {
  const normalised = collapseSpaces(written);
  const accepted = pattern.entries.filter((entry) => !entry.matchCase || entry.text === normalised);
  if (accepted.length > 0) {
    const models = unique(accepted.map((entry) => entry.model));
    const kind = models.length > 1 || accepted.some((entry) => entry.ambiguous) ? 'ambiguous' : 'model';
    return {start: 0, end: 0, kind, models, names: unique(accepted.map((entry) => entry.text))};
  }
  const plain = pattern.entries.filter((entry) => !entry.ambiguous);
  if (plain.length === 0) return undefined;
  return {start: 0, end: 0, kind: 'near-miss', models: unique(plain.map((entry) => entry.model)), names: unique(plain.map((entry) => entry.text))};
}

/** Leftmost first, then longest; drops anything overlapping an earlier pick or one of `taken`. */
function pickLeftmostLongest(candidates: Candidate[], taken: readonly Candidate[] = []): Candidate[] {
  const sorted = candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const picked: Candidate[] = [];
  let lastEnd = -1;
  let blocker = 0;
  for (const candidate of sorted) {
    if (candidate.start < lastEnd) continue;
    while (blocker < taken.length && taken[blocker]!.end <= candidate.start) blocker++;
    if (blocker < taken.length && taken[blocker]!.start < candidate.end) continue;
    picked.push(candidate);
    lastEnd = candidate.end;
  }
  return picked;
}

/** Builds the automaton of a dataset's names. Prefer `getMatcher`, which caches it per dataset hash. */
export function compileMatcher(dataset: LinkTargets): Matcher {
  const patterns: Pattern[] = [];
  const patternOfKey = new Map<string, number>();
  for (const model of dataset.models) {
    for (const name of model.names) {
      const text = collapseSpaces(name.text);
      if (text === '') continue;
      const key = fold(text);
      let index = patternOfKey.get(key);
      if (index === undefined) {
        index = patterns.push({length: key.length, entries: []}) - 1;
        patternOfKey.set(key, index);
      }
      patterns[index]!.entries.push({text, matchCase: name.matchCase, ambiguous: name.ambiguous, model: model.id});
    }
  }

  // The trie: state 0 is the root, whose edges are a dense table (most characters start no name).
  const rootEdges = new Int32Array(0x10000);
  const edges: (Map<number, number> | undefined)[] = [undefined];
  const output: number[] = [-1];
  for (const [key, index] of patternOfKey) {
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      let next = state === 0 ? rootEdges[code]! : (edges[state]?.get(code) ?? 0);
      if (next === 0) {
        next = edges.push(undefined) - 1;
        output.push(-1);
        if (state === 0) rootEdges[code] = next;
        else (edges[state] ??= new Map()).set(code, next);
      }
      state = next;
    }
    output[state] = index;
  }

  // Failure links and, for each state, the nearest state down its failure chain that ends a name.
  const fail = new Int32Array(edges.length);
  const nextOutput = new Int32Array(edges.length);
  const queue: number[] = [];
  for (const child of rootEdges) if (child !== 0) queue.push(child);
  const step = (state: number, code: number): number => {
    for (;;) {
      if (state === 0) return rootEdges[code]!;
      const next = edges[state]?.get(code);
      if (next !== undefined) return next;
      state = fail[state]!;
    }
  };
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (const [code, child] of edges[state] ?? []) {
      const target = step(fail[state]!, code);
      fail[child] = target;
      nextOutput[child] = output[target]! >= 0 ? target : nextOutput[target]!;
      queue.push(child);
    }
  }

  function scan(text: string): Match[] {
    const {scanned, offsets} = prepare(text);
    const strong: Candidate[] = [];
    const weak: Candidate[] = [];
    let state = 0;
    for (let i = 0; i < scanned.length; i++) {
      state = step(state, scanned.charCodeAt(i));
      for (let found = output[state]! >= 0 ? state : nextOutput[state]!; found !== 0; found = nextOutput[found]!) {
        const pattern = patterns[output[found]!]!;
        const start = offsets ? offsets[i + 1 - pattern.length]! : i + 1 - pattern.length;
        const end = offsets ? offsets[i]! + 1 : i + 1;
        if (!isWholeMention(text, start, end)) continue;
        const candidate = resolve(pattern, text.slice(start, end));
        if (!candidate) continue;
        (candidate.kind === 'near-miss' ? weak : strong).push({...candidate, start, end});
      }
    }
    const picked = pickLeftmostLongest(strong);
    const all = weak.length === 0 ? picked : [...picked, ...pickLeftmostLongest(weak, picked)].sort((a, b) => a.start - b.start);
    return all.map((candidate) => ({...candidate, text: text.slice(candidate.start, candidate.end)}));
  }

  function resolveName(text: string) {
    const index = patternOfKey.get(fold(collapseSpaces(text)));
    const candidate = index === undefined ? undefined : resolve(patterns[index]!, text);
    return candidate && candidate.kind !== 'near-miss' ? {kind: candidate.kind, models: candidate.models, names: candidate.names} : undefined;
  }

  return {dataset, scan, resolveName};
}

const MAX_CACHED = 4;
const cache = new Map<string, Matcher>();

/** The matcher of a dataset, compiled once per dataset hash (1,000 documents do not rebuild it). */
export function getMatcher(dataset: LinkTargets): Matcher {
  const cached = cache.get(dataset.hash);
  if (cached) return cached;
  const matcher = compileMatcher(dataset);
  cache.set(dataset.hash, matcher);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return matcher;
}
