/**
 * Validates a whole dataset after it is loaded: the schema of each file, then
 * every rule that spans files. Returns every problem; never throws.
 */
import path from 'node:path';
import {RULES} from './constants.js';
import {diagnosticAt, locate, MODELS_DIR, type PathSegment, type RawDataset, type SourceFile} from './load.js';
import {checkLookalikes} from './lookalikes.js';
import {FACETS, ModelEntry, OrganizationsFile, SOURCED_FIELDS, TaxonomyFile, type FacetId} from './schema.js';
import {checkSchema} from './schemaCheck.js';
import {didYouMean} from './suggest.js';
import type {Diagnostic, Severity} from './types.js';
import {parseArxivId, parseDate, parseParameterCount} from './values.js';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const REQUIRED_LOCALES = ['zh-Hans'];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  report(source: SourceFile, at: readonly PathSegment[], severity: Severity, rule: string, message: string, hint?: string, target: 'key' | 'value' = 'value') {
    this.diagnostics.push(diagnosticAt(source.path, locate(source, at, target), severity, rule, message, hint));
  }

  where(source: SourceFile, at: readonly PathSegment[]): string {
    const {line, column} = locate(source, at);
    return `${path.join(MODELS_DIR, path.basename(source.path))}:${line}:${column}`;
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
        reporter.report(source, at, 'error', RULES.unsafeId, `Term id "${id}" is not a slug.`, 'Use lowercase letters, digits and single hyphens.', 'key');
      }
      const labels = isObject(term.label) ? term.label : {};
      for (const locale of REQUIRED_LOCALES) {
        if (typeof labels[locale] !== 'string') {
          reporter.report(source, [...at, 'label'], 'warning', RULES.missingTranslation, `Term "${facet}/${id}" has no ${locale} label.`, `Add \`${locale}: …\` to its label.`);
        }
      }
      const parent = asString(term.parent);
      if (parent === undefined) continue;
      if (!facetTerms.has(parent)) {
        reporter.report(source, [...at, 'parent'], 'error', RULES.unknownParent, `Term "${facet}/${id}" has an unknown parent "${parent}".`, didYouMean(parent, facetTerms.keys()) ?? `The parent must be a term of the same facet "${facet}".`);
        continue;
      }
      // Walk up the parents: a cycle comes back to the start.
      const seen = new Set([id]);
      for (let up: string | undefined = parent; up !== undefined; up = asString(facetTerms.get(up)?.parent)) {
        if (seen.has(up)) {
          if (up === id) {
            reporter.report(source, [...at, 'parent'], 'error', RULES.termCycle, `Term "${facet}/${id}" is its own ancestor: ${[...seen, up].join(' → ')}.`, 'Remove one of the parents in this loop.');
          }
          break;
        }
        seen.add(up);
      }
    }
  }
  return terms;
}

interface NameUse {
  readonly source: SourceFile;
  readonly at: PathSegment[];
  readonly text: string;
  readonly ambiguous: boolean;
  readonly id: string;
}

function namesOf(source: SourceFile, entry: Json, id: string): NameUse[] {
  const uses: NameUse[] = [];
  const name = asString(entry.name);
  if (name) uses.push({source, at: ['name'], text: name, ambiguous: entry.ambiguous === true, id});
  for (const [index, alias] of asArray(entry.aliases).entries()) {
    const text = typeof alias === 'string' ? alias : isObject(alias) ? asString(alias.name) : undefined;
    const ambiguous = isObject(alias) && alias.ambiguous === true;
    if (text) uses.push({source, at: ['aliases', index], text, ambiguous, id});
  }
  return uses;
}

const normalizeName = (text: string) => text.trim().replace(/\s+/g, ' ');

function checkNames(uses: readonly NameUse[], reporter: Reporter) {
  const byName = new Map<string, NameUse[]>();
  for (const use of uses) {
    const key = normalizeName(use.text);
    byName.set(key, [...(byName.get(key) ?? []), use]);
  }
  for (const [name, same] of byName) {
    const models = new Set(same.map((use) => use.id));
    if (models.size === 1) {
      for (const repeat of same.slice(1)) {
        reporter.report(repeat.source, repeat.at, 'warning', RULES.duplicateName, `"${name}" is listed twice for this model.`, 'Remove the repeated alias.');
      }
      continue;
    }
    for (const use of same) {
      if (use.ambiguous) continue;
      const others = same.filter((other) => other.id !== use.id).map((other) => reporter.where(other.source, other.at));
      reporter.report(
        use.source,
        use.at,
        'error',
        RULES.duplicateName,
        `The name "${name}" is also used by ${others.join(', ')}.`,
        'If both models really share the name, mark it ambiguous on each (`ambiguous: true`, or `{name: …, ambiguous: true}` for an alias); otherwise remove or rename one.',
      );
    }
  }
}

interface LineageUse {
  readonly source: SourceFile;
  readonly index: number;
  readonly target: string;
}

function checkLineageCycles(edges: ReadonlyMap<string, readonly LineageUse[]>, reporter: Reporter) {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const edge of edges.get(id) ?? []) {
      const targetState = state.get(edge.target);
      if (targetState === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(edge.target)), edge.target];
        reporter.report(edge.source, ['lineage', edge.index, 'target'], 'error', RULES.lineageCycle, `Lineage forms a cycle: ${cycle.join(' → ')}.`, 'A model cannot derive from its own descendants: remove or reverse one edge of the cycle.');
      } else if (targetState === undefined && edges.has(edge.target)) {
        visit(edge.target);
      }
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const id of [...edges.keys()].sort()) if (!state.has(id)) visit(id);
}

function checkRelease(source: SourceFile, entry: Json, reporter: Reporter, today: Date) {
  const released = isObject(entry.released) ? entry.released : undefined;
  const rawDate = released?.date;
  const date = typeof rawDate === 'string' || typeof rawDate === 'number' ? parseDate(rawDate) : undefined;
  if (rawDate !== undefined && (typeof rawDate === 'string' || typeof rawDate === 'number') && !date) {
    reporter.report(source, ['released', 'date'], 'error', RULES.invalidDate, `"released.date" ${JSON.stringify(rawDate)} is not a real date.`, 'Write YYYY, YYYY-MM or YYYY-MM-DD.');
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
      reporter.report(source, ['paper', 'arxiv'], 'error', RULES.arxivFormat, `"${arxiv}" is not a well-formed arXiv id.`, 'Write YYMM.NNNNN (five digits from 2015, four before), without "arXiv:" or a version: "1810.04805".');
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
        reporter.report(source, ['sizes', index, field], 'error', RULES.parameterCount, `"sizes[${index}].${field}" ${JSON.stringify(value)} is not a positive parameter count.`, 'Write a positive number (175e9) or a number with K, M, B or T (340M, 1.5B).');
      }
    }
  }
}

function checkSourcedFields(source: SourceFile, entry: Json, reporter: Reporter) {
  const supported = new Set(asArray(entry.sources).flatMap((s) => (isObject(s) ? asArray(s.supports) : [])));
  for (const field of SOURCED_FIELDS) {
    if (field === 'name' || field === 'aliases') continue;
    const value = entry[field];
    const present = Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null;
    if (present && !supported.has(field)) {
      reporter.report(source, [field], 'warning', RULES.unsourcedField, `"${field}" is not backed by any source.`, `Add "${field}" to the "supports" list of the source it comes from, or remove the field if it was not verified.`, 'key');
    }
  }
}

/** Every rule over a loaded dataset. `today` bounds release dates. */
export function validateDataset(raw: RawDataset, today = new Date()): Diagnostic[] {
  const reporter = new Reporter();
  reporter.diagnostics.push(...raw.diagnostics);

  let terms = termsOf(undefined);
  if (raw.taxonomy) {
    reporter.diagnostics.push(...checkSchema(raw.taxonomy, TaxonomyFile));
    terms = checkTaxonomy(raw.taxonomy, reporter);
  }
  let organizations = new Set<string>();
  if (raw.organizations) {
    reporter.diagnostics.push(...checkSchema(raw.organizations, OrganizationsFile));
    organizations = new Set(isObject(raw.organizations.value) ? Object.keys(raw.organizations.value) : []);
    for (const id of organizations) {
      if (!SLUG.test(id)) {
        reporter.report(raw.organizations, [id], 'error', RULES.unsafeId, `Organization id "${id}" is not a slug.`, 'Use lowercase letters, digits and single hyphens.', 'key');
      }
    }
  }

  const ids = new Set(raw.models.map((source) => path.basename(source.path, '.yaml')));
  const byLowerId = new Map<string, SourceFile[]>();
  const names: NameUse[] = [];
  const lineage = new Map<string, LineageUse[]>();
  const arxivIds = new Map<string, SourceFile[]>();

  for (const source of raw.models) {
    const fileId = path.basename(source.path, '.yaml');
    byLowerId.set(fileId.toLowerCase(), [...(byLowerId.get(fileId.toLowerCase()) ?? []), source]);
    if (!SLUG.test(fileId)) {
      reporter.report(source, [], 'error', RULES.unsafeId, `The file name "${fileId}.yaml" is not a safe id.`, 'Name the file <id>.yaml with lowercase letters, digits and single hyphens: "gpt-3.yaml".');
    }
    if (!isObject(source.value)) {
      reporter.report(source, [], 'error', RULES.schema, 'A model file must hold a mapping of fields (id, name, …).', 'Start from an existing model file.');
      continue;
    }
    const entry = source.value;
    reporter.diagnostics.push(...checkSchema(source, ModelEntry));

    const id = asString(entry.id);
    if (id !== undefined && id !== fileId) {
      reporter.report(source, ['id'], 'error', RULES.idMismatch, `The id "${id}" differs from the file name "${fileId}.yaml".`, `Set "id: ${fileId}", or rename the file to ${id}.yaml.`);
    }
    names.push(...namesOf(source, entry, fileId));

    const checkTerm = (facet: FacetId, value: unknown, at: PathSegment[]) => {
      if (typeof value !== 'string' || !raw.taxonomy) return;
      const facetTerms = terms.get(facet)!;
      if (!facetTerms.has(value)) {
        reporter.report(source, at, 'error', RULES.unknownTerm, `"${value}" is not a term of the facet "${facet}".`, didYouMean(value, facetTerms.keys()) ?? `Add it to taxonomy.yaml under ${facet}.terms, or use one of: ${[...facetTerms.keys()].join(', ')}.`);
      }
    };
    checkTerm('domain', entry.domain, ['domain']);
    checkTerm('architecture', entry.architecture, ['architecture']);
    asArray(entry.objectives).forEach((objective, index) => checkTerm('objective', objective, ['objectives', index]));

    asArray(entry.organizations).forEach((organization, index) => {
      if (typeof organization === 'string' && raw.organizations && !organizations.has(organization)) {
        reporter.report(source, ['organizations', index], 'error', RULES.unknownOrganization, `"${organization}" is not an organization of organizations.yaml.`, didYouMean(organization, organizations) ?? `Add "${organization}: {name: …}" to organizations.yaml.`);
      }
    });

    const edges: LineageUse[] = [];
    asArray(entry.lineage).forEach((edge, index) => {
      const target = isObject(edge) ? asString(edge.target) : undefined;
      if (target === undefined) return;
      if (target === fileId) {
        reporter.report(source, ['lineage', index, 'target'], 'error', RULES.selfLineage, 'A model cannot derive from itself.', 'Remove this lineage edge.');
      } else if (!ids.has(target)) {
        reporter.report(source, ['lineage', index, 'target'], 'error', RULES.unknownLineageTarget, `Lineage target "${target}" is not a model of the dataset.`, didYouMean(target, [...ids].filter((other) => other !== fileId)) ?? `Add models/${target}.yaml, or remove this edge.`);
      } else {
        edges.push({source, index, target});
      }
    });
    lineage.set(fileId, edges);

    checkRelease(source, entry, reporter, today);
    checkSizes(source, entry, reporter);
    checkSourcedFields(source, entry, reporter);
    const arxiv = isObject(entry.paper) ? asString(entry.paper.arxiv) : undefined;
    if (arxiv) arxivIds.set(arxiv, [...(arxivIds.get(arxiv) ?? []), source]);
  }

  for (const [lower, sources] of byLowerId) {
    if (sources.length < 2) continue;
    for (const source of sources) {
      const others = sources.filter((s) => s !== source).map((s) => path.basename(s.path));
      reporter.report(source, [], 'error', RULES.caseCollision, `The file name differs from ${others.join(', ')} only by case.`, `Ids must be unique ignoring case: keep one "${lower}.yaml".`);
    }
  }
  for (const [arxiv, sources] of arxivIds) {
    if (sources.length < 2) continue;
    for (const source of sources) {
      const others = sources.filter((s) => s !== source).map((s) => reporter.where(s, ['paper', 'arxiv']));
      reporter.report(source, ['paper', 'arxiv'], 'error', RULES.duplicateArxiv, `arXiv ${arxiv} is also the paper of ${others.join(', ')}.`, 'One paper, one entry: make the other model an alias or a size of this one, or correct the id.');
    }
  }
  checkNames(names, reporter);
  checkLineageCycles(lineage, reporter);
  if (raw.lookalikes) reporter.diagnostics.push(...checkLookalikes(raw.lookalikes, names.map((use) => use.text)));
  return reporter.diagnostics;
}
