/**
 * The one matcher of a dataset: every name, alias and look-alike in one Aho–Corasick automaton over text
 * as read (`normalize.ts`: NFKC-equivalent forms, Unicode hyphens, case folded, white space runs as one
 * space), so each text is scanned once whatever the number of names. Each candidate is then read through
 * the rules of `rules.ts` (the model, a variant, a compound, another model), and the leftmost-longest
 * readings win; a look-alike (`Chinese LLaMA`) wins like a name and blocks the names inside it.
 * Auto-linking and the mention scan both use it, so what is linked and what is counted never disagree.
 */
import {isBlocking} from './boundaries.js';
import {canonicalize, fold, foldTable, normalizeName} from './normalize.js';
import {classify, mayIgnoreCase, squeeze, type Reading, type RuleId, type Spelled} from './rules.js';
import type {LinkTargets} from './targets.js';

/**
 * What a mention is:
 * - `model`: names exactly one model and may be linked;
 * - `ambiguous`: the name is marked ambiguous or several models share it: never linked;
 * - `near-miss`: only the case differs from a case-sensitive name (`Roberta`, `Gpt-3`): never linked;
 * - `other`: a known name read as part of another model (`LLaMA 2`, `Flan-PaLM`): never linked.
 */
export type MatchKind = 'model' | 'ambiguous' | 'near-miss' | 'other';

export interface Match {
  /** Offsets in the scanned text (end exclusive) of the mention: the name, or the name with its variant or spelling. */
  readonly start: number;
  readonly end: number;
  /**
   * Offsets of the model's own name inside the mention (`BERT` in `BERT-base`): what is linked alone when
   * the mention crosses formatting (`*BERT*-base`). Equal to `start`…`end` when the name cannot stand alone.
   */
  readonly nameStart: number;
  readonly nameEnd: number;
  /** The mention as written (a line break stays a line break). */
  readonly text: string;
  readonly kind: MatchKind;
  /** Ids of the models this text names: one for `model`, every candidate otherwise. */
  readonly models: readonly string[];
  /** The names as the data writes them that this text matched (or nearly matched). */
  readonly names: readonly string[];
  /** How the rules read it, and the rule that decided. */
  readonly reading: Reading;
  readonly rule: RuleId;
}

/** One linkable name, as the matcher needs it. */
export interface MatcherName {
  readonly text: string;
  readonly model: string;
  /** Match the case exactly. */
  readonly matchCase: boolean;
  /** Never link it (it also means something else). */
  readonly ambiguous: boolean;
}

/** All the matcher is built from: a dataset, an inventory or a test can provide it. */
export interface MatcherInput {
  readonly names: readonly MatcherName[];
  /** Names that contain a model's name but are not that model (`Chinese LLaMA`), matched in any case. */
  readonly lookalikes: readonly string[];
}

export interface Matcher {
  /** The models the matcher was compiled from (a Dataset, or an inventory's models: see `targets.ts`). */
  readonly dataset: LinkTargets;
  /** Every mention in `text`: leftmost-longest, not overlapping, read through the rules. Shared: do not change it. */
  scan(text: string): readonly Match[];
  /**
   * Whether a name or look-alike occurs anywhere in `text`, in any case, before any rule: when not, no
   * mention of `scan` lies within it, whatever text is scanned around it.
   */
  mayMatch(text: string): boolean;
  /** How `text` as a whole would be read as a name (`undefined` if it is none, near-misses excluded). */
  resolveName(text: string): Pick<Match, 'kind' | 'models' | 'names'> | undefined;
}

interface NameEntry {
  /** As read, white space runs collapsed. */
  readonly text: string;
  readonly matchCase: boolean;
  readonly ambiguous: boolean;
  readonly model: string;
}

/** All the names that share one folded key. */
interface Pattern {
  readonly length: number;
  readonly entries: NameEntry[];
  lookalike: boolean;
}

type Resolved = Pick<Match, 'kind' | 'models' | 'names'>;
type Candidate = Omit<Match, 'text'>;

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

function toResolved(entries: readonly NameEntry[], ambiguous = false): Resolved {
  const models = unique(entries.map((entry) => entry.model));
  const kind = ambiguous || models.length > 1 || entries.some((entry) => entry.ambiguous) ? 'ambiguous' : 'model';
  return {kind, models, names: unique(entries.map((entry) => entry.text))};
}

/** Reads a matched text against the names that share its folded key; `lookalike` when only a look-alike fits. */
function resolve(pattern: Pattern, written: string): Resolved | 'lookalike' | undefined {
  const normalised = normalizeName(written);
  const accepted = pattern.entries.filter((entry) => !entry.matchCase || entry.text === normalised);
  if (accepted.length > 0) return toResolved(accepted);
  if (pattern.lookalike) return 'lookalike';
  const plain = pattern.entries.filter((entry) => !entry.ambiguous);
  if (plain.length === 0) return undefined;
  return {kind: 'near-miss', models: unique(plain.map((entry) => entry.model)), names: unique(plain.map((entry) => entry.text))};
}

/** A size that counts parameters: `-40B`, ` 7B`, `-8x7B`. */
const PARAMETER_COUNT = /^[-_ ]?(?:\d+(?:\.\d+)?[KMBT]|\d+x\d+(?:\.\d+)?[BM])/iu;

const SENTENCE_START = /(?:^|[.!?:]\s+|\n\s*)$/;

/**
 * A case variant not worth reporting: all lower case without a digit (`clip`, `align`, `context`), or the
 * capitalised form of an all-capitals name (`Bert`, `Bloom`: a word or a person's name), or a capitalised
 * word starting a sentence.
 */
function isCaseNoise(written: string, names: readonly string[], before: string): boolean {
  if (written === written.toLowerCase() && !/\p{N}/u.test(written)) return true;
  const capitalised = written.charAt(0) + written.slice(1).toLowerCase() === written;
  return capitalised && (names.every((name) => name === name.toUpperCase()) || SENTENCE_START.test(before));
}

type Span = {start: number; end: number; nameStart?: number; nameEnd?: number};
const nameLength = (span: Span) => (span.nameEnd ?? span.end) - (span.nameStart ?? span.start);

/** Leftmost first, then longest (then the longest name); drops anything overlapping an earlier pick or one of `taken`. */
function pickLeftmostLongest<T extends Span>(candidates: T[], taken: readonly Span[] = []): T[] {
  const sorted = candidates.sort((a, b) => a.start - b.start || b.end - a.end || nameLength(b) - nameLength(a));
  const picked: T[] = [];
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

/**
 * A name that holds its variant (`BERT-base`, an alias) takes the name of the variant reading at the same
 * place (`BERT` + `-base`), so that it can still be linked alone across formatting.
 */
function withOwnName(pick: Candidate, variants: ReadonlyMap<string, Candidate>): Candidate {
  if (pick.reading !== 'model' || pick.nameStart !== pick.start || pick.nameEnd !== pick.end) return pick;
  const inner = variants.get(`${pick.start}:${pick.end}`);
  return inner && inner.models[0] === pick.models[0] ? {...pick, nameStart: inner.nameStart, nameEnd: inner.nameEnd} : pick;
}

/** The names of a dataset, as the matcher needs them. */
export function toMatcherInput(dataset: LinkTargets): MatcherInput {
  return {
    names: dataset.models.flatMap((model) => model.names.map((name) => ({text: name.text, model: model.id, matchCase: name.matchCase, ambiguous: name.ambiguous}))),
    lookalikes: dataset.lookalikes ?? [],
  };
}

/** Builds the automaton of a dataset's names. Prefer `getMatcher`, which caches it per dataset hash. */
export function compileMatcher(dataset: LinkTargets, input: MatcherInput = toMatcherInput(dataset)): Matcher {
  const patterns: Pattern[] = [];
  const patternOfKey = new Map<string, number>();
  const spellings = new Map<string, {entries: NameEntry[]; lookalike: boolean}>();
  const patternFor = (key: string): Pattern => {
    let index = patternOfKey.get(key);
    if (index === undefined) {
      index = patterns.push({length: key.length, entries: [], lookalike: false}) - 1;
      patternOfKey.set(key, index);
    }
    return patterns[index]!;
  };
  const spellingFor = (text: string) => {
    const key = squeeze(fold(text));
    let spelling = spellings.get(key);
    if (!spelling) spellings.set(key, (spelling = {entries: [], lookalike: false}));
    return spelling;
  };
  for (const name of input.names) {
    const text = normalizeName(name.text);
    if (text === '') continue;
    const entry = {text, matchCase: name.matchCase, ambiguous: name.ambiguous, model: name.model};
    patternFor(fold(text)).entries.push(entry);
    spellingFor(text).entries.push(entry);
  }
  for (const lookalike of input.lookalikes) {
    const text = normalizeName(lookalike);
    if (text === '') continue;
    patternFor(fold(text)).lookalike = true;
    spellingFor(text).lookalike = true;
  }
  const longest = patterns.reduce((max, pattern) => Math.max(max, pattern.length), 1);
  // Proper prefixes and suffixes of every spelling: a name that is neither never grows into another spelling.
  const growsRight = new Set<string>();
  const growsLeft = new Set<string>();
  for (const key of spellings.keys()) {
    for (let cut = 1; cut < key.length; cut++) {
      growsRight.add(key.slice(0, cut));
      growsLeft.add(key.slice(cut));
    }
  }
  const mayGrow = (form: string, side: 'left' | 'right') => (side === 'right' ? growsRight : growsLeft).has(squeeze(fold(form)));

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

  /** The known name (or look-alike) another spelling of a name is (see rule `spelling`). */
  function spell(form: string): Spelled | undefined {
    const spelling = spellings.get(squeeze(fold(form)));
    if (!spelling) return undefined;
    const squeezed = squeeze(canonicalize(form));
    const exact = spelling.entries.filter((entry) => squeeze(entry.text) === squeezed);
    // The name itself, as written: the automaton finds it.
    const written = normalizeName(form);
    if (exact.some((entry) => entry.text === written)) return undefined;
    const entries = exact.length > 0 || !mayIgnoreCase(form) ? exact : spelling.entries;
    if (entries.length > 0) {
      const {kind, models, names} = toResolved(entries);
      return {models, names, ambiguous: kind === 'ambiguous'};
    }
    return spelling.lookalike ? {models: [], names: [], ambiguous: false} : undefined;
  }

  /** Reads one candidate through the rules; `undefined` when it is no reading of the text. */
  function read(text: string, start: number, end: number, resolved: Resolved): Candidate | undefined {
    const verdict = classify(text, start, end, {spell, mayGrow});
    if (verdict.reading === 'none') return undefined;
    const {spelled} = verdict;
    const mention = {start: start - (verdict.extendBefore ?? 0), end: end + (verdict.extendAfter ?? 0)};
    // Another spelling is one word: the name inside it (`BERT` in `RoBERTa`) never stands alone.
    const name = spelled ? mention : {start, end};
    const span = {...mention, nameStart: name.start, nameEnd: name.end, reading: verdict.reading, rule: verdict.rule};
    if (spelled) {
      if (spelled.models.length === 0) return {...span, kind: 'other', models: resolved.models, names: resolved.names};
      return {...span, kind: spelled.ambiguous ? 'ambiguous' : 'model', models: spelled.models, names: spelled.names};
    }
    // A parameter count pins an ambiguous name to its one model: `Falcon-40B`, `Zephyr-7B` (a bird or a wind has no size).
    if (resolved.kind === 'ambiguous' && resolved.models.length === 1 && verdict.reading === 'variant' && PARAMETER_COUNT.test(text.slice(end, mention.end))) {
      return {...span, ...resolved, kind: 'model'};
    }
    if (resolved.kind === 'near-miss') {
      // A checkpoint id may be written in lower case (`bert-base-uncased`); a case variant read as another model is nothing.
      if (verdict.reading === 'variant') return {...span, ...resolved, kind: 'model'};
      if (verdict.reading === 'other') return undefined;
    }
    return {...span, ...resolved, kind: verdict.reading === 'other' ? 'other' : resolved.kind};
  }

  /**
   * Scans of short texts, which recur from page to page (list items of related models, a venue, a label):
   * a scan depends on the text alone. Emptied when full.
   */
  const scans = new Map<string, readonly Match[]>();

  function scan(text: string): readonly Match[] {
    if (text.length > SCAN_CACHE_TEXT) return scanText(text);
    let matches = scans.get(text);
    if (!matches) {
      if (scans.size >= SCAN_CACHE_SIZE) scans.clear();
      scans.set(text, (matches = Object.freeze(scanText(text))));
    }
    return matches;
  }

  // Where each of the last characters read came from (white space runs are read as one space): one ring
  // for every scan, which never nest.
  const ring = new Int32Array(2 ** Math.ceil(Math.log2(longest + 1)));
  const mask = ring.length - 1;

  /**
   * Runs the automaton over `text` as read and calls `found` with every name or look-alike that ends at a
   * character (with its start and end offsets), until `found` returns true.
   */
  function eachOccurrence(text: string, found: (pattern: Pattern, start: number, end: number) => boolean | void): void {
    const table = foldTable();
    let count = 0;
    let space = false;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = table[text.charCodeAt(i)]!;
      if (code === 0x20) {
        if (space) continue;
        space = true;
      } else space = false;
      ring[count & mask] = i;
      count++;
      state = step(state, code);
      for (let ends = output[state]! >= 0 ? state : nextOutput[state]!; ends !== 0; ends = nextOutput[ends]!) {
        const pattern = patterns[output[ends]!]!;
        if (found(pattern, ring[(count - pattern.length) & mask]!, i + 1)) return;
      }
    }
  }

  function mayMatch(text: string): boolean {
    let any = false;
    eachOccurrence(text, () => (any = true));
    return any;
  }

  function scanText(text: string): Match[] {
    const strong: Candidate[] = [];
    const weak: Candidate[] = [];
    const blockers: {start: number; end: number}[] = [];
    eachOccurrence(text, (pattern, start, end) => {
      const resolved = resolve(pattern, text.slice(start, end));
      if (resolved === undefined) return;
      if (resolved === 'lookalike') {
        if (!isBlocking(text[start - 1])) blockers.push({start, end});
        return;
      }
      const candidate = read(text, start, end, resolved);
      if (!candidate) return;
      if (candidate.kind !== 'near-miss') strong.push(candidate);
      else if (!isCaseNoise(text.slice(start, end), candidate.names, text.slice(Math.max(0, start - 8), start))) weak.push(candidate);
    });
    const taken = pickLeftmostLongest<Candidate | Span>([...strong, ...blockers]);
    const variants = new Map(strong.filter((candidate) => candidate.reading === 'variant').map((candidate) => [`${candidate.start}:${candidate.end}`, candidate]));
    const picked = taken.filter((pick): pick is Candidate => 'kind' in pick).map((pick) => withOwnName(pick, variants));
    const all = weak.length === 0 ? picked : [...picked, ...pickLeftmostLongest(weak, taken)].sort((a, b) => a.start - b.start);
    return all.map((candidate) => ({...candidate, text: text.slice(candidate.start, candidate.end)}));
  }

  function resolveName(text: string) {
    const index = patternOfKey.get(fold(normalizeName(text)));
    const resolved = index === undefined ? undefined : resolve(patterns[index]!, text);
    return resolved && resolved !== 'lookalike' && resolved.kind !== 'near-miss' ? resolved : undefined;
  }

  return {dataset, scan, mayMatch, resolveName};
}

/** The longest text whose scan is kept, and how many are kept (a few MB at most). */
const SCAN_CACHE_TEXT = 200;
const SCAN_CACHE_SIZE = 20_000;

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
