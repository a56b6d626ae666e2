/** Builds the immutable, indexed Dataset from files that passed validation. */
import {createHash} from 'node:crypto';
import path from 'node:path';
import {MODELS_DIR, type RawDataset} from './load.js';
import {primaryHostPatterns} from './sources.js';
import {FACETS, type AliasEntry, type FacetId, type LookalikesFile, type ModelEntry, type OrganizationsFile, type TaxonomyFile} from './schema.js';
import type {Dataset, Facet, LineageEdge, Model, Name, Organization, Size, Term} from './types.js';
import {parseDate, parseParameterCount} from './values.js';

function hashTexts(dir: string, texts: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  // The files are under `dir`: cutting its prefix gives what `path.relative` would, without normalising each path.
  const prefix = dir + path.sep;
  for (const file of [...texts.keys()].sort()) {
    hash.update(file.startsWith(prefix) ? file.slice(prefix.length) : path.relative(dir, file)).update('\0').update(texts.get(file)!).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function toName(alias: AliasEntry): Name {
  return typeof alias === 'string'
    ? {text: alias, ambiguous: false, matchCase: true}
    : {text: alias.name, ambiguous: alias.ambiguous ?? false, matchCase: alias.matchCase ?? true};
}

/** An object being built, one field after another, before it is frozen. */
type Building<T> = {-readonly [K in keyof T]?: T[K]};

/**
 * A model from its validated entry. Optional fields are set one after another rather than spread from
 * `{}` or `{field}`: ten objects a model fewer, about 25 of 85 ms at 10,000 models. The key order is the
 * entry's (pages serialise models).
 */
function toModel(entry: ModelEntry, file: string): Model {
  const date = parseDate(entry.released.date)!;
  const names: Name[] = [{text: entry.name, ambiguous: entry.ambiguous ?? false, matchCase: true}];
  for (const alias of entry.aliases ?? []) names.push(toName(alias));
  const sizes: Size[] = [];
  for (const size of entry.sizes ?? []) {
    const built: Building<Size> = {};
    if (size.variant !== undefined) built.variant = size.variant;
    if (size.parameters !== undefined) built.parameters = parseParameterCount(size.parameters)!;
    if (size.active !== undefined) built.active = parseParameterCount(size.active)!;
    sizes.push(built);
  }
  const lineage: LineageEdge[] = [];
  for (const edge of entry.lineage ?? []) {
    const built: Building<LineageEdge> = {relation: edge.relation, from: entry.id, to: edge.target};
    if (edge.note !== undefined) built.note = edge.note;
    if (edge.source !== undefined) built.source = edge.source;
    lineage.push(built as LineageEdge);
  }
  const model: Building<Model> = {
    id: entry.id,
    name: entry.name,
    names,
    formerIds: entry.formerIds ?? [],
    domain: entry.domain,
    architecture: entry.architecture,
    objectives: entry.objectives,
    released: {date: String(entry.released.date), precision: date.precision, year: date.year, basis: entry.released.basis},
    organizations: entry.organizations ?? [],
    paper: entry.paper,
    sizes,
    lineage,
  };
  if (entry.access !== undefined) model.access = entry.access;
  if (entry.license !== undefined) model.license = entry.license;
  model.links = entry.links ?? {};
  model.summary = entry.summary.trim();
  model.sources = entry.sources;
  if (entry.survey !== undefined) model.survey = entry.survey;
  model.file = file;
  return deepFreeze(model as Model);
}

function toFacets(taxonomy: TaxonomyFile): Facet[] {
  return FACETS.map((id) => {
    const facet = taxonomy[id];
    const entries = Object.entries(facet.terms);
    const children = new Map<string, string[]>();
    for (const [childId, term] of entries) if (term.parent !== undefined) pushTo(children, term.parent, childId);
    const terms: Term[] = entries.map(([termId, term]) => ({
      id: termId,
      facet: id,
      label: term.label,
      description: term.description,
      ...(term.parent === undefined ? {} : {parent: term.parent}),
      children: children.get(termId) ?? [],
    }));
    return {id, label: facet.label, ...(facet.description === undefined ? {} : {description: facet.description}), terms};
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    // Arrays by index (`for…in` would make a string of each index); objects by `for…in`, which makes no
    // array a node (the values are plain data, no prototype keys).
    if (Array.isArray(value)) for (let index = 0; index < value.length; index++) deepFreeze(value[index]);
    else for (const key in value) deepFreeze(value[key]);
  }
  return value;
}

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Indexes validated data. Call only when validation found no errors. */
export function buildDataset(raw: RawDataset): Dataset {
  const models = raw.models
    .map((source) => toModel(source.value as ModelEntry, `${MODELS_DIR}/${path.basename(source.path)}`))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const facets = deepFreeze(toFacets(raw.taxonomy!.value as TaxonomyFile));
  const organizations = deepFreeze(
    Object.entries(raw.organizations!.value as OrganizationsFile).map(([id, org]): Organization => ({id, ...org})),
  );

  const byId = new Map(models.map((model) => [model.id, model]));
  const byFormerId = new Map(models.flatMap((model) => model.formerIds.map((id) => [id, model] as const)));
  const byOrganization = new Map<string, Model[]>();
  const byName = new Map<string, Model[]>();
  // One map a facet: a key made of facet and term would be a new string to hash for every model.
  const byTerm = Object.fromEntries(FACETS.map((facet) => [facet, new Map<string, Model[]>()])) as Record<FacetId, Map<string, Model[]>>;
  const children = new Map<string, LineageEdge[]>();
  const termKey = (facet: FacetId, term: string) => `${facet}\0${term}`;
  // One set, emptied for each list, keeps repeats out: building a set for every list, or any other
  // garbage here (while the young generation is full of the new models), cost about 60 of the loop's 110 ms.
  const seen = new Set<string>();
  const pushOnce = (map: Map<string, Model[]>, key: string, model: Model) => {
    if (seen.has(key)) return;
    seen.add(key);
    pushTo(map, key, model);
  };
  for (const model of models) {
    seen.clear();
    for (let index = 0; index < model.organizations.length; index++) pushOnce(byOrganization, model.organizations[index]!, model);
    seen.clear();
    for (let index = 0; index < model.names.length; index++) pushOnce(byName, model.names[index]!.text, model);
    seen.clear();
    for (let index = 0; index < model.objectives.length; index++) pushOnce(byTerm.objective, model.objectives[index]!, model);
    pushTo(byTerm.domain, model.domain, model);
    pushTo(byTerm.architecture, model.architecture, model);
    for (const edge of model.lineage) pushTo(children, edge.to, edge);
  }
  const facetById = new Map(facets.map((facet) => [facet.id, facet]));
  const termById = new Map(facets.flatMap((facet) => facet.terms.map((term) => [termKey(facet.id, term.id), term] as const)));
  const organizationById = new Map(organizations.map((org) => [org.id, org]));

  for (const terms of Object.values(byTerm)) for (const list of terms.values()) Object.freeze(list);
  /** Models of a term and its sub-terms, computed on first use: pages ask for the same terms many times. */
  const withSubterms = new Map<string, readonly Model[]>();
  /** The term and every term below it, walked with an explicit stack (a hierarchy may be thousands deep). */
  const descendants = (facet: FacetId, term: string): string[] => {
    const found: string[] = [];
    const stack = termById.has(termKey(facet, term)) ? [term] : [];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      found.push(next);
      for (const child of termById.get(termKey(facet, next))?.children ?? []) stack.push(child);
    }
    return found;
  };

  const hash = hashTexts(raw.dir, raw.texts);
  return Object.freeze({
    dir: raw.dir,
    hash,
    toJSON: () => ({dir: raw.dir, hash}),
    models: Object.freeze(models),
    facets,
    organizations,
    primaryHosts: Object.freeze(primaryHostPatterns(raw.primaryHosts?.value)),
    lookalikes: Object.freeze(((raw.lookalikes?.value ?? []) as LookalikesFile).map((entry) => (typeof entry === 'string' ? entry : entry.name))),
    model: (id: string) => byId.get(id),
    formerModel: (id: string) => byFormerId.get(id),
    organization: (id: string) => organizationById.get(id),
    facet: (id: FacetId) => facetById.get(id)!,
    term: (facet: FacetId, id: string) => termById.get(termKey(facet, id)),
    modelsWithTerm(facet: FacetId, term: string, options?: {deep?: boolean}) {
      if (!options?.deep) return byTerm[facet].get(term) ?? [];
      const key = termKey(facet, term);
      if (!withSubterms.has(key)) {
        const found = new Set(descendants(facet, term).flatMap((t) => byTerm[facet].get(t) ?? []));
        withSubterms.set(key, Object.freeze(models.filter((model) => found.has(model))));
      }
      return withSubterms.get(key)!;
    },
    modelsOfOrganization: (id: string) => byOrganization.get(id) ?? [],
    modelsNamed: (text: string) => byName.get(text) ?? [],
    parents: (id: string) => byId.get(id)?.lineage ?? [],
    children: (id: string) => children.get(id) ?? [],
  });
}
