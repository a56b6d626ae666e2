/**
 * The five facets of the atlas as one shape: the three taxonomy facets of the data,
 * plus organizations and release years.
 */
import type {Dataset, FacetId, Model} from '../data/index.js';
import {pickLabel} from './context.js';
import type {Messages} from './messages.js';

export type FacetViewId = FacetId | 'organization' | 'year';

export interface TermView {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly children: readonly string[];
  readonly parent?: string;
  /** Models carrying the term itself. */
  readonly models: readonly Model[];
  /** Models carrying the term or one of its sub-terms. */
  readonly allModels: readonly Model[];
}

export interface FacetView {
  readonly id: FacetViewId;
  readonly label: string;
  readonly description?: string;
  readonly terms: readonly TermView[];
  term(id: string): TermView | undefined;
}

function facetView(id: FacetViewId, label: string, description: string | undefined, terms: TermView[]): FacetView {
  const byId = new Map(terms.map((term) => [term.id, term]));
  return {id, label, ...(description === undefined ? {} : {description}), terms, term: (termId) => byId.get(termId)};
}

function leafTerm(id: string, label: string, models: readonly Model[], description?: string): TermView {
  return {id, label, ...(description === undefined ? {} : {description}), children: [], models, allModels: models};
}

export function facetViews(dataset: Dataset, locale: string, messages: Messages): FacetView[] {
  const taxonomy = dataset.facets.map((facet) =>
    facetView(
      facet.id,
      pickLabel(facet.label, locale),
      facet.description,
      facet.terms.map((term) => ({
        id: term.id,
        label: pickLabel(term.label, locale),
        description: term.description,
        children: term.children,
        ...(term.parent === undefined ? {} : {parent: term.parent}),
        models: dataset.modelsWithTerm(facet.id, term.id),
        allModels: dataset.modelsWithTerm(facet.id, term.id, {deep: true}),
      })),
    ),
  );
  const organizations = facetView(
    'organization',
    messages['modelAtlas.facet.organization'],
    undefined,
    dataset.organizations.map((org) => leafTerm(org.id, org.name, dataset.modelsOfOrganization(org.id))),
  );
  const years = [...new Set(dataset.models.map((model) => model.released.year))].sort((a, b) => a - b);
  const year = facetView(
    'year',
    messages['modelAtlas.facet.year'],
    undefined,
    years.map((y) => leafTerm(String(y), String(y), dataset.models.filter((model) => model.released.year === y))),
  );
  return [...taxonomy, organizations, year];
}

/** The facet terms a model carries, by facet. */
export function termsOf(model: Model): Record<FacetViewId, readonly string[]> {
  return {
    domain: [model.domain],
    architecture: [model.architecture],
    objective: model.objectives,
    organization: model.organizations,
    year: [String(model.released.year)],
  };
}
