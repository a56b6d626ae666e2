/**
 * Validates a whole dataset after it is loaded: the schema of each file, then
 * every rule that spans files. Returns every problem; never throws.
 */
import path from 'node:path';
import {MAX_QUOTED_LENGTH, MAX_REPORTED_PER_RULE, RESERVED_IDS, RESERVED_TERM_IDS, RULES} from './constants.js';
import {diagnosticAt, locate, MODELS_DIR, type PathSegment, type RawDataset, type SourceFile} from './load.js';
import {checkLookalikes} from './lookalikes.js';
import {FACETS, ModelEntry, OrganizationsFile, PrimaryHostsFile, SOURCED_FIELDS, TaxonomyFile, type FacetId} from './schema.js';
import {checkSchema, describe} from './schemaCheck.js';
import {arxivAbstractUrl, isPrimarySource, primaryHostPatterns, unsafeSourceUrl} from './sources.js';
import {didYouMean, listSome, quote} from './suggest.js';
import type {Diagnostic, Severity} from './types.js';
import {parseArxivId, parseDate, parseParameterCount} from './values.js';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const REQUIRED_LOCALES = ['zh-Hans'];

type Json = Record<string, unknown>;

/** A number as written, a string quoted (and shortened). */
const show = (value: string | number) => (typeof value === 'string' ? quote(value) : String(value));
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Values grouped by key, for keys that are nearly all unique (names, ids, arXiv ids): a list is made only
 * for a key seen twice. A list for every key was tens of thousands of arrays at 10,000 models, and each
 * collection of the young generation copies what was loaded so far.
 */
class Repeats<V> {
  readonly #first = new Map<string, V>();
  readonly #repeated = new Map<string, V[]>();

  add(key: string, value: V) {
    const first = this.#first.get(key);
    if (first === undefined) {
      this.#first.set(key, value);
      return;
    }
    const list = this.#repeated.get(key);
    if (list) list.push(value);
    else this.#repeated.set(key, [first, value]);
  }

  /** The keys seen more than once, each with its values in the order they were added. */
  repeated(): IterableIterator<[string, V[]]> {
    return this.#repeated.entries();
  }
}

class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  readonly #suggested = new Map<string, number>();

  /** Appends many diagnostics (a spread into push overflows the stack past ~100,000). */
  add(found: readonly Diagnostic[]) {
    for (const diagnostic of found) this.diagnostics.push(diagnostic);
  }

  /**
   * A "did you mean" hint, for the first `MAX_REPORTED_PER_RULE` problems of a
   * rule: output shows no more of them, and thousands of unknown values against
   * thousands of candidates would cost their product.
   */
  suggest(rule: string, value: string, candidates: () => Iterable<string>): string | undefined {
    const count = this.#suggested.get(rule) ?? 0;
    if (count >= MAX_REPORTED_PER_RULE) return undefined;
    this.#suggested.set(rule, count + 1);
    return didYouMean(value, candidates());
  }

  report(source: SourceFile, at: readonly PathSegment[], severity: Severity, rule: string, message: string, hint?: string, target: 'key' | 'value' = 'value') {
    this.diagnostics.push(diagnosticAt(source.path, locate(source, at, target), severity, rule, message, hint));
  }

  where(source: SourceFile, at: readonly PathSegment[]): string {
    const {line, column} = locate(source, at);
    return `${path.join(MODELS_DIR, path.basename(source.path))}:${line}:${column}`;
  }
}

/** A lone surrogate: it cannot be encoded, so the bundler refuses the page that holds it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Control characters other than tab, line feed and carriage return: C0, DEL and C1. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

function badCharacter(text: string): string | undefined {
  const surrogate = LONE_SURROGATE.exec(text);
  const control = CONTROL.exec(text);
  const first = surrogate && (!control || surrogate.index < control.index) ? surrogate : control;
  if (!first) return undefined;
  const code = first[0].charCodeAt(0).toString(16);
  const what = first === surrogate ? `a lone surrogate (\\u${code})` : `the control character U+${code.toUpperCase().padStart(4, '0')}`;
  return `${what} at character ${first.index + 1}`;
}

/**
 * Every key and string of a file, walked with an explicit stack: lone
 * surrogates and control characters are refused here, with their place,
 * rather than by the bundler or a terminal later.
 */
function checkCharacters(source: SourceFile, reporter: Reporter) {
  // Values are made of the file's characters, and of escapes, which YAML writes with a backslash: a file
  // with neither a refused character nor a backslash has no value to look into.
  if (!source.text.includes('\\') && badCharacter(source.text) === undefined) return;
  const stack: {readonly value: unknown; readonly at: PathSegment[]}[] = [{value: source.value, at: []}];
  const hint = 'Remove the character; write text as plain Unicode (escapes such as \\0, \\e or a lone \\uD800 are refused).';
  while (stack.length > 0) {
    const {value, at} = stack.pop()!;
    if (typeof value === 'string') {
      const problem = badCharacter(value);
      if (problem) reporter.report(source, at, 'error', RULES.invalidCharacter, `${describe(at)} holds ${problem}.`, hint);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({value: item, at: [...at, index]}));
    } else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        const problem = badCharacter(key);
        if (problem) reporter.report(source, [...at, key], 'error', RULES.invalidCharacter, `The key ${quote(key)} of ${describe(at)} holds ${problem}.`, hint, 'key');
        stack.push({value: child, at: [...at, key]});
      }
    }
  }
}

/** Term ids by facet, from a taxonomy that may be partly invalid. */
function termsOf(taxonomy: unknown): Map<FacetId, Map<string, Json>> {
  const terms = new Map<FacetId, Map<string, Json>>();
  for (const facet of FACETS) {
    const facetValue = isObject(taxonomy) ? taxonomy[facet] : undefined;
    const entries = isObject(facetValue) && isObject(facetValue.terms) ? facetValue.terms : {};
    terms.set(facet, new Map(Object.entries(entries).filter((e): e is [string, Json] => isObject(e[1]))));
  }
  return terms;
}

function checkTaxonomy(source: SourceFile, reporter: Reporter): Map<FacetId, Map<string, Json>> {
  const terms = termsOf(source.value);
  for (const [facet, facetTerms] of terms) {
    for (const [id, term] of facetTerms) {
      const at = [facet, 'terms', id];
      if (!SLUG.test(id)) {
        reporter.report(source, at, 'error', RULES.unsafeId, `Term id ${quote(id)} is not a slug.`, 'Use lowercase letters, digits and single hyphens.', 'key');
      } else if (RESERVED_TERM_IDS.has(id)) {
        reporter.report(source, at, 'error', RULES.reservedId, `The term id ${quote(id)} is reserved for the facet's own page.`, 'Rename the term.', 'key');
      }
      const labels = isObject(term.label) ? term.label : {};
      for (const locale of REQUIRED_LOCALES) {
        if (typeof labels[locale] !== 'string') {
          reporter.report(source, [...at, 'label'], 'warning', RULES.missingTranslation, `Term "${facet}/${id}" has no ${locale} label.`, `Add \`${locale}: …\` to its label.`);
        }
      }
      const parent = asString(term.parent);
      if (parent !== undefined && !facetTerms.has(parent)) {
        reporter.report(source, [...at, 'parent'], 'error', RULES.unknownParent, `Term "${facet}/${id}" has an unknown parent ${quote(parent)}.`, reporter.suggest(RULES.unknownParent, parent, () => facetTerms.keys()) ?? `The parent must be a term of the same facet "${facet}".`);
      }
    }
    checkTermCycles(source, facet, facetTerms, reporter);
  }
  return terms;
}

/** The cycle through `ids` from `ids[start]` back to it: `a → b → c → a`; a long one shows its first and last steps. */
function formatCycle(ids: readonly string[], start = 0): string {
  const at = (step: number) => ids[(start + step) % ids.length]!;
  const steps = (from: number, to: number) => Array.from({length: to - from}, (_, i) => at(from + i));
  const n = ids.length;
  return n <= 6 ? steps(0, n + 1).join(' → ') : [...steps(0, 3), '…', ...steps(n - 2, n + 1)].join(' → ');
}

/**
 * Every term has at most one parent, so each walk up ends at a root, at a term
 * already settled, or on a term of this walk (a cycle). Each term is walked
 * once: linear in the number of terms, however deep the hierarchy.
 */
function checkTermCycles(source: SourceFile, facet: FacetId, facetTerms: ReadonlyMap<string, Json>, reporter: Reporter) {
  const settled = new Set<string>();
  for (const start of facetTerms.keys()) {
    const walk: string[] = [];
    const onWalk = new Map<string, number>();
    for (let up: string | undefined = start; up !== undefined && facetTerms.has(up) && !settled.has(up); up = asString(facetTerms.get(up)?.parent)) {
      const index = onWalk.get(up);
      if (index !== undefined) {
        const cycle = walk.slice(index);
        for (const [position, id] of cycle.entries()) {
          reporter.report(source, [facet, 'terms', id, 'parent'], 'error', RULES.termCycle, `Term "${facet}/${id}" is its own ancestor: ${formatCycle(cycle, position)}.`, 'Remove one of the parents in this loop.');
        }
        break;
      }
      onWalk.set(up, walk.length);
      walk.push(up);
    }
    for (const id of walk) settled.add(id);
  }
}

interface NameUse {
  readonly source: SourceFile;
  readonly at: PathSegment[];
  readonly text: string;
  readonly ambiguous: boolean;
  /** False for an alias written `matchCase: false`: it matches any case. */
  readonly matchCase: boolean;
  readonly id: string;
}

function namesOf(source: SourceFile, entry: Json, id: string): NameUse[] {
  const uses: NameUse[] = [];
  const name = asString(entry.name);
  if (name) uses.push({source, at: ['name'], text: name, ambiguous: entry.ambiguous === true, matchCase: true, id});
  for (const [index, alias] of asArray(entry.aliases).entries()) {
    const text = typeof alias === 'string' ? alias : isObject(alias) ? asString(alias.name) : undefined;
    const ambiguous = isObject(alias) && alias.ambiguous === true;
    const matchCase = !(isObject(alias) && alias.matchCase === false);
    if (text) uses.push({source, at: ['aliases', index], text, ambiguous, matchCase, id});
  }
  return uses;
}

const normalizeName = (text: string) => text.trim().replace(/\s+/g, ' ');

/** A message names at most this many other places. */
const NAMED_PLACES = 5;

function* othersThan<T extends {readonly id: string}>(uses: Iterable<T>, id: string): Generator<T> {
  for (const use of uses) if (use.id !== id) yield use;
}

function checkNames(uses: readonly NameUse[], reporter: Reporter) {
  const byName = new Repeats<NameUse>();
  const byFolded = new Repeats<NameUse>();
  for (const use of uses) {
    const key = normalizeName(use.text);
    byName.add(key, use);
    byFolded.add(key.toLowerCase(), use);
  }
  for (const [name, same] of byName.repeated()) {
    const models = new Set(same.map((use) => use.id));
    if (models.size === 1) {
      for (const repeat of same.slice(1)) {
        reporter.report(repeat.source, repeat.at, 'warning', RULES.duplicateName, `${quote(name)} is listed twice for this model.`, 'Remove the repeated alias.');
      }
      continue;
    }
    const usesByModel = new Map<string, number>();
    for (const use of same) usesByModel.set(use.id, (usesByModel.get(use.id) ?? 0) + 1);
    for (const use of same) {
      if (use.ambiguous) continue;
      const others = listSome(othersThan(same, use.id), NAMED_PLACES, (other) => reporter.where(other.source, other.at), same.length - usesByModel.get(use.id)!);
      reporter.report(
        use.source,
        use.at,
        'error',
        RULES.duplicateName,
        `The name ${quote(name)} is also used by ${others}.`,
        'If both models really share the name, mark it ambiguous on each (`ambiguous: true`, or `{name: …, ambiguous: true}` for an alias); otherwise remove or rename one.',
      );
    }
  }
  checkCaseInsensitiveNames(byFolded.repeated(), reporter);
}

/**
 * An alias with `matchCase: false` matches every name that differs from it
 * only by case: when that name is another model's, neither is linked any more.
 * Both places are reported, unless the other name is marked ambiguous (it is
 * never linked anyway).
 */
function checkCaseInsensitiveNames(byFolded: Iterable<[string, readonly NameUse[]]>, reporter: Reporter) {
  const hint = 'Set `matchCase: true` on the alias (it then matches only as written), or, if both models really share the name, mark the other name ambiguous.';
  for (const [, same] of byFolded) {
    for (const alias of same) {
      if (alias.matchCase) continue;
      const text = normalizeName(alias.text);
      const clashes = same.filter((other) => other.id !== alias.id && !other.ambiguous && normalizeName(other.text) !== text);
      if (clashes.length === 0) continue;
      const aliasPlace = reporter.where(alias.source, alias.at);
      reporter.report(
        alias.source,
        alias.at,
        'error',
        RULES.caseInsensitiveName,
        `The alias ${quote(alias.text)} matches ignoring case, so it also matches ${listSome(clashes, NAMED_PLACES, (other) => `${quote(other.text)} of ${reporter.where(other.source, other.at)}`)}.`,
        hint,
      );
      // The others are named in the alias's message; each of the first few also gets its own.
      for (const other of clashes.slice(0, NAMED_PLACES)) {
        reporter.report(other.source, other.at, 'error', RULES.caseInsensitiveName, `${quote(other.text)} is also matched, ignoring case, by the alias ${quote(alias.text)} of ${aliasPlace}.`, hint);
      }
    }
  }
}

interface FormerIdUse {
  readonly source: SourceFile;
  readonly index: number;
  readonly formerId: string;
  readonly owner: string;
}

function formerIdsOf(source: SourceFile, entry: Json, owner: string): FormerIdUse[] {
  return asArray(entry.formerIds).flatMap((formerId, index) => (typeof formerId === 'string' ? [{source, index, formerId, owner}] : []));
}

/** A former id keeps an old URL alive: it must name one model only, and no current model may have it. */
function checkFormerIds(uses: readonly FormerIdUse[], ids: ReadonlySet<string>, reporter: Reporter) {
  const byId = new Map<string, FormerIdUse[]>();
  for (const use of uses) byId.set(use.formerId, [...(byId.get(use.formerId) ?? []), use]);
  for (const [formerId, same] of byId) {
    for (const use of same) {
      const at = ['formerIds', use.index];
      if (RESERVED_IDS.has(formerId)) {
        reporter.report(use.source, at, 'error', RULES.reservedId, `The former id ${quote(formerId)} is reserved for a page of the atlas.`, 'Its URL is a page of the atlas, so it cannot redirect: remove it from formerIds.');
      }
      if (ids.has(formerId)) {
        const whose = formerId === use.owner ? 'this model\'s own id' : `the id of ${MODELS_DIR}/${formerId}.yaml`;
        reporter.report(use.source, at, 'error', RULES.formerIdCollision, `The former id "${formerId}" is ${whose}.`, 'A former id must not be a current id: its URL would be both a page and a redirect. Remove it from formerIds.');
      }
      const others = same.filter((other) => other.owner !== use.owner).map((other) => reporter.where(other.source, ['formerIds', other.index]));
      if (others.length > 0) {
        reporter.report(use.source, at, 'error', RULES.formerIdReused, `The former id "${formerId}" is also listed by ${others.join(', ')}.`, 'An old URL can redirect to one model only: keep the former id on the model that took over the old entry.');
      }
    }
  }
}

interface LineageUse {
  readonly source: SourceFile;
  readonly index: number;
  readonly target: string;
}

/** Depth-first search with an explicit stack: a chain of any length walks without recursion. */
function checkLineageCycles(edges: ReadonlyMap<string, readonly LineageUse[]>, reporter: Reporter) {
  const done = new Set<string>();
  /** The models on the current path, with their position in `path`. */
  const onPath = new Map<string, number>();
  const path: {readonly id: string; next: number}[] = [];
  const enter = (id: string) => {
    onPath.set(id, path.length);
    path.push({id, next: 0});
  };
  for (const start of [...edges.keys()].sort()) {
    if (done.has(start)) continue;
    enter(start);
    while (path.length > 0) {
      const frame = path.at(-1)!;
      const edge = edges.get(frame.id)?.[frame.next++];
      if (edge === undefined) {
        path.pop();
        onPath.delete(frame.id);
        done.add(frame.id);
        continue;
      }
      const position = onPath.get(edge.target);
      if (position !== undefined) {
        const cycle = path.slice(position).map((step) => step.id);
        const message = cycle.length > 6 ? `Lineage forms a cycle of ${cycle.length.toLocaleString('en')} models: ${formatCycle(cycle)}.` : `Lineage forms a cycle: ${formatCycle(cycle)}.`;
        reporter.report(edge.source, ['lineage', edge.index, 'target'], 'error', RULES.lineageCycle, message, 'A model cannot derive from its own descendants: remove or reverse one edge of the cycle.');
      } else if (!done.has(edge.target) && edges.has(edge.target)) {
        enter(edge.target);
      }
    }
  }
}

function checkRelease(source: SourceFile, entry: Json, reporter: Reporter, today: Date) {
  const released = isObject(entry.released) ? entry.released : undefined;
  const rawDate = released?.date;
  const date = typeof rawDate === 'string' || typeof rawDate === 'number' ? parseDate(rawDate) : undefined;
  if (rawDate !== undefined && (typeof rawDate === 'string' || typeof rawDate === 'number') && !date) {
    reporter.report(source, ['released', 'date'], 'error', RULES.invalidDate, `"released.date" ${show(rawDate)} is not a real date.`, 'Write YYYY, YYYY-MM or YYYY-MM-DD (years from 0100).');
  }
  if (date) {
    const value = Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1);
    if (value > today.getTime()) {
      reporter.report(source, ['released', 'date'], 'error', RULES.invalidDate, `"released.date" ${String(rawDate)} is in the future.`, 'Write the date the model was first made public.');
    }
  }

  const paper = isObject(entry.paper) ? entry.paper : undefined;
  const arxiv = paper?.arxiv;
  if (typeof arxiv === 'string') {
    const parsed = parseArxivId(arxiv);
    if (!parsed) {
      reporter.report(source, ['paper', 'arxiv'], 'error', RULES.arxivFormat, `${quote(arxiv)} is not a well-formed arXiv id.`, 'Write YYMM.NNNNN (five digits from 2015, four before), without "arXiv:" or a version: "1810.04805".');
    } else if (released?.basis === 'arxiv' && date) {
      const sameMonth = date.year === parsed.year && (date.month === undefined || date.month === parsed.month);
      if (!sameMonth) {
        const expected = `${parsed.year}-${String(parsed.month).padStart(2, '0')}`;
        reporter.report(source, ['released', 'date'], 'error', RULES.arxivDate, `The release date ${String(rawDate)} is based on arXiv, but arXiv ${arxiv} was submitted in ${expected}.`, `Write a date in ${expected}, or change "released.basis" if the date means something else.`);
      }
    }
  } else if (arxiv === null && released?.basis === 'arxiv') {
    reporter.report(source, ['released', 'basis'], 'error', RULES.arxivMissing, 'The release date is based on arXiv, but "paper.arxiv" is null.', 'Give the arXiv id, or set "released.basis" to what the date is (paper, blog, weights, …).');
  }
}

function checkSizes(source: SourceFile, entry: Json, reporter: Reporter) {
  for (const [index, size] of asArray(entry.sizes).entries()) {
    if (!isObject(size)) continue;
    for (const field of ['parameters', 'active'] as const) {
      const value = size[field];
      if (value === undefined || (typeof value !== 'number' && typeof value !== 'string')) continue;
      if (parseParameterCount(value) === undefined) {
        reporter.report(source, ['sizes', index, field], 'error', RULES.parameterCount, `"sizes[${index}].${field}" ${show(value)} is not a positive parameter count.`, 'Write a whole number of at least 1 (175e9), or a number with K, M, B or T (340M, 1.5B).');
      }
    }
  }
}

function checkSourcedFields(source: SourceFile, entry: Json, reporter: Reporter) {
  const supported = new Set<unknown>();
  for (const item of asArray(entry.sources)) if (isObject(item)) for (const field of asArray(item.supports)) supported.add(field);
  for (const field of SOURCED_FIELDS) {
    if (field === 'name' || field === 'aliases') continue;
    const value = entry[field];
    const present = Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null;
    if (present && !supported.has(field)) {
      reporter.report(source, [field], 'warning', RULES.unsourcedField, `"${field}" is not backed by any source.`, `Add "${field}" to the "supports" list of the source it comes from, or remove the field if it was not verified.`, 'key');
    }
  }
}

function checkSources(source: SourceFile, entry: Json, reporter: Reporter, primary: readonly string[] | undefined) {
  const urls = new Set<string>();
  for (const [index, item] of asArray(entry.sources).entries()) {
    if (!isObject(item)) continue;
    for (const field of ['url', 'via'] as const) {
      const url = asString(item[field]);
      if (url === undefined) continue;
      const unsafe = unsafeSourceUrl(url, {allowHttp: field === 'via'});
      if (unsafe) {
        reporter.report(source, ['sources', index, field], 'error', RULES.unsafeSource, `"sources[${index}].${field}" cannot be opened by a reader: ${unsafe}.`, 'Cite the public https page where the fact is stated (the arXiv abstract, the proceedings, the authors\' blog, repository or model card).');
      } else if (field === 'url') {
        urls.add(url);
        if (primary && !isPrimarySource(url, primary)) {
          reporter.report(source, ['sources', index, 'url'], 'warning', RULES.secondarySource, `"${url}" is not on a primary host of primary-hosts.yaml.`, 'Cite the primary page and keep the page you read as "via", or, if this host is the publisher of the fact, add it to primary-hosts.yaml for review.');
        }
      }
    }
  }
  // A lineage edge may name the page that states it: the same rules as a source's url.
  for (const [index, edge] of asArray(entry.lineage).entries()) {
    const url = isObject(edge) ? asString(edge.source) : undefined;
    if (url === undefined) continue;
    const unsafe = unsafeSourceUrl(url);
    if (unsafe) {
      reporter.report(source, ['lineage', index, 'source'], 'error', RULES.unsafeSource, `"lineage[${index}].source" cannot be opened by a reader: ${unsafe}.`, 'Name the public https page that states the relation, or leave "source" out when the model\'s sources back its lineage.');
    } else if (primary && !isPrimarySource(url, primary)) {
      reporter.report(source, ['lineage', index, 'source'], 'warning', RULES.secondarySource, `"${url}" is not on a primary host of primary-hosts.yaml.`, 'Name the primary page that states the relation (usually the paper), or leave "source" out when the model\'s sources back its lineage.');
    }
  }
  const arxiv = isObject(entry.paper) ? asString(entry.paper.arxiv) : undefined;
  if (primary && arxiv && parseArxivId(arxiv) && !urls.has(arxivAbstractUrl(arxiv))) {
    reporter.report(source, ['sources'], 'warning', RULES.arxivSource, `The paper is arXiv ${arxiv}, but no source is ${arxivAbstractUrl(arxiv)}.`, 'Cite the arXiv abstract page for the fields it backs.', 'key');
  }
}

/** A term of a facet: an id of taxonomy.yaml. */
function checkTerm(source: SourceFile, terms: ReadonlyMap<FacetId, ReadonlyMap<string, Json>>, facet: FacetId, value: unknown, at: PathSegment[], reporter: Reporter) {
  if (typeof value !== 'string') return;
  const facetTerms = terms.get(facet)!;
  if (!facetTerms.has(value)) {
    reporter.report(source, at, 'error', RULES.unknownTerm, `${quote(value)} is not a term of the facet "${facet}".`, reporter.suggest(RULES.unknownTerm, value, () => facetTerms.keys()) ?? `Add it to taxonomy.yaml under ${facet}.terms, or use one of: ${listSome(facetTerms.keys(), 12)}.`);
  }
}

/** Every rule over a loaded dataset. `today` bounds release dates. */
export function validateDataset(raw: RawDataset, today = new Date()): Diagnostic[] {
  const reporter = new Reporter();
  reporter.add(raw.diagnostics);
  for (const source of [raw.taxonomy, raw.organizations, ...raw.models]) if (source) checkCharacters(source, reporter);

  let terms = termsOf(undefined);
  if (raw.taxonomy) {
    reporter.add(checkSchema(raw.taxonomy, TaxonomyFile));
    terms = checkTaxonomy(raw.taxonomy, reporter);
  }
  let organizations = new Set<string>();
  if (raw.organizations) {
    reporter.add(checkSchema(raw.organizations, OrganizationsFile));
    organizations = new Set(isObject(raw.organizations.value) ? Object.keys(raw.organizations.value) : []);
    for (const id of organizations) {
      if (!SLUG.test(id)) {
        reporter.report(raw.organizations, [id], 'error', RULES.unsafeId, `Organization id ${quote(id)} is not a slug.`, 'Use lowercase letters, digits and single hyphens.', 'key');
      } else if (RESERVED_TERM_IDS.has(id)) {
        reporter.report(raw.organizations, [id], 'error', RULES.reservedId, `The organization id ${quote(id)} is reserved for the page that lists the organizations.`, 'Rename the organization.', 'key');
      }
    }
  }

  let primary: string[] | undefined;
  if (raw.primaryHosts) {
    reporter.diagnostics.push(...checkSchema(raw.primaryHosts, PrimaryHostsFile));
    primary = primaryHostPatterns(raw.primaryHosts.value);
  }

  const ids = new Set(raw.models.map((source) => path.basename(source.path, '.yaml')));
  const byLowerId = new Repeats<SourceFile>();
  const names: NameUse[] = [];
  const formerIds: FormerIdUse[] = [];
  const lineage = new Map<string, LineageUse[]>();
  const arxivIds = new Repeats<SourceFile>();

  for (const source of raw.models) {
    const fileId = path.basename(source.path, '.yaml');
    byLowerId.add(fileId.toLowerCase(), source);
    if (!SLUG.test(fileId)) {
      reporter.report(source, [], 'error', RULES.unsafeId, `The file name ${quote(`${fileId}.yaml`)} is not a safe id.`, 'Name the file <id>.yaml with lowercase letters, digits and single hyphens: "gpt-3.yaml".');
    } else if (RESERVED_IDS.has(fileId)) {
      reporter.report(source, [], 'error', RULES.reservedId, `The id ${quote(fileId)} is reserved for a page of the atlas.`, `Rename the file and its id: ${[...RESERVED_IDS].join(', ')} are reserved.`);
    }
    if (!isObject(source.value)) {
      reporter.report(source, [], 'error', RULES.schema, 'A model file must hold a mapping of fields (id, name, …).', 'Start from an existing model file.');
      continue;
    }
    const entry = source.value;
    reporter.add(checkSchema(source, ModelEntry));

    const id = asString(entry.id);
    if (id !== undefined && id !== fileId) {
      reporter.report(source, ['id'], 'error', RULES.idMismatch, `The id ${quote(id)} differs from the file name ${quote(`${fileId}.yaml`)}.`, `Set "id: ${fileId}", or rename the file to ${id.slice(0, MAX_QUOTED_LENGTH)}.yaml.`);
    }
    for (const use of namesOf(source, entry, fileId)) names.push(use);
    for (const use of formerIdsOf(source, entry, fileId)) formerIds.push(use);

    if (raw.taxonomy) {
      checkTerm(source, terms, 'domain', entry.domain, ['domain'], reporter);
      checkTerm(source, terms, 'architecture', entry.architecture, ['architecture'], reporter);
      const objectives = asArray(entry.objectives);
      for (let index = 0; index < objectives.length; index++) checkTerm(source, terms, 'objective', objectives[index], ['objectives', index], reporter);
    }

    // Loops rather than callbacks, here and below: a closure a model and a list is garbage at 10,000 models.
    const organizationIds = asArray(entry.organizations);
    for (let index = 0; index < organizationIds.length; index++) {
      const organization = organizationIds[index];
      if (typeof organization === 'string' && raw.organizations && !organizations.has(organization)) {
        reporter.report(source, ['organizations', index], 'error', RULES.unknownOrganization, `${quote(organization)} is not an organization of organizations.yaml.`, reporter.suggest(RULES.unknownOrganization, organization, () => organizations) ?? `Add "${organization.slice(0, MAX_QUOTED_LENGTH)}: {name: …}" to organizations.yaml.`);
      }
    }

    const edges: LineageUse[] = [];
    const lineageEdges = asArray(entry.lineage);
    for (let index = 0; index < lineageEdges.length; index++) {
      const edge = lineageEdges[index];
      const target = isObject(edge) ? asString(edge.target) : undefined;
      if (target === undefined) continue;
      if (target === fileId) {
        reporter.report(source, ['lineage', index, 'target'], 'error', RULES.selfLineage, 'A model cannot derive from itself.', 'Remove this lineage edge.');
      } else if (!ids.has(target)) {
        reporter.report(source, ['lineage', index, 'target'], 'error', RULES.unknownLineageTarget, `Lineage target ${quote(target)} is not a model of the dataset.`, reporter.suggest(RULES.unknownLineageTarget, target, () => [...ids].filter((other) => other !== fileId)) ?? (target.length > MAX_QUOTED_LENGTH ? 'Write the id of a model of the dataset, or remove this edge.' : `Add models/${target}.yaml, or remove this edge.`));
      } else {
        edges.push({source, index, target});
      }
    }
    lineage.set(fileId, edges);

    checkRelease(source, entry, reporter, today);
    checkSizes(source, entry, reporter);
    checkSourcedFields(source, entry, reporter);
    checkSources(source, entry, reporter, primary);
    const arxiv = isObject(entry.paper) ? asString(entry.paper.arxiv) : undefined;
    if (arxiv) arxivIds.add(arxiv, source);
  }

  for (const [lower, sources] of byLowerId.repeated()) {
    for (const source of sources) {
      const others = sources.filter((s) => s !== source).map((s) => path.basename(s.path));
      reporter.report(source, [], 'error', RULES.caseCollision, `The file name differs from ${listSome(others, NAMED_PLACES)} only by case.`, `Ids must be unique ignoring case: keep one "${lower}.yaml".`);
    }
  }
  for (const [arxiv, sources] of arxivIds.repeated()) {
    for (const source of sources) {
      const others = sources.filter((s) => s !== source);
      reporter.report(source, ['paper', 'arxiv'], 'error', RULES.duplicateArxiv, `arXiv ${arxiv} is also the paper of ${listSome(others, NAMED_PLACES, (s) => reporter.where(s, ['paper', 'arxiv']))}.`, 'One paper, one entry: make the other model an alias or a size of this one, or correct the id.');
    }
  }
  checkNames(names, reporter);
  checkFormerIds(formerIds, ids, reporter);
  checkLineageCycles(lineage, reporter);
  if (raw.lookalikes) reporter.diagnostics.push(...checkLookalikes(raw.lookalikes, names.map((use) => use.text)));
  return reporter.diagnostics;
}
