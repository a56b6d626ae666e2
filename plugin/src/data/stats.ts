/** Coverage figures of a dataset: what `model-atlas stats` prints. */
import {isPrimarySource} from './sources.js';
import type {Dataset, FacetId} from './types.js';

export interface TermCount {
  readonly term: string;
  readonly label: string;
  /** Labels by locale, `en` included. */
  readonly labels: Readonly<Record<string, string>>;
  /** Models carrying the term itself. */
  readonly models: number;
  /** Models carrying the term or one of its sub-terms. */
  readonly withSubterms: number;
}

export interface Stats {
  readonly models: number;
  readonly organizations: number;
  readonly years: {readonly first: number; readonly last: number};
  readonly share: {readonly parameters: number; readonly lineage: number; readonly arxiv: number; readonly multipleSources: number};
  readonly lineageEdges: number;
  /** Source URLs, and the share of them on the dataset's primary hosts (when it declares them). */
  readonly sources: {readonly count: number; readonly primary?: number};
  readonly facets: Readonly<Record<FacetId, readonly TermCount[]>>;
}

const share = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 1000) / 10);

export function computeStats(dataset: Dataset): Stats {
  const {models} = dataset;
  const count = (predicate: (m: (typeof models)[number]) => boolean) => models.filter(predicate).length;
  const years = models.map((m) => m.released.year);
  const facets = Object.fromEntries(
    dataset.facets.map((facet) => [
      facet.id,
      facet.terms.map((term) => ({
        term: term.id,
        label: term.label.en!,
        labels: term.label,
        models: dataset.modelsWithTerm(facet.id, term.id).length,
        withSubterms: dataset.modelsWithTerm(facet.id, term.id, {deep: true}).length,
      })),
    ]),
  ) as Record<FacetId, TermCount[]>;
  return {
    models: models.length,
    organizations: new Set(models.flatMap((m) => m.organizations)).size,
    years: {first: Math.min(...years), last: Math.max(...years)},
    share: {
      parameters: share(count((m) => m.sizes.some((s) => s.parameters !== undefined)), models.length),
      lineage: share(count((m) => m.lineage.length > 0 || dataset.children(m.id).length > 0), models.length),
      arxiv: share(count((m) => m.paper.arxiv !== null), models.length),
      multipleSources: share(count((m) => m.sources.length > 1), models.length),
    },
    lineageEdges: models.reduce((sum, m) => sum + m.lineage.length, 0),
    sources: sourceStats(dataset),
    facets,
  };
}

function sourceStats(dataset: Dataset): Stats['sources'] {
  const urls = dataset.models.flatMap((m) => m.sources.map((s) => s.url));
  if (dataset.primaryHosts.length === 0) return {count: urls.length};
  return {count: urls.length, primary: share(urls.filter((url) => isPrimarySource(url, dataset.primaryHosts)).length, urls.length)};
}

export function formatStats(stats: Stats): string {
  const lines = [
    `${stats.models} models from ${stats.organizations} organizations, ${stats.years.first}–${stats.years.last}`,
    `with parameter counts: ${stats.share.parameters}%  in lineage: ${stats.share.lineage}% (${stats.lineageEdges} edges)  with arXiv id: ${stats.share.arxiv}%  with 2+ sources: ${stats.share.multipleSources}%`,
    `sources: ${stats.sources.count}` + (stats.sources.primary === undefined ? ' (no primary-hosts.yaml)' : `, on primary hosts: ${stats.sources.primary}%`),
  ];
  for (const [facet, terms] of Object.entries(stats.facets) as [FacetId, readonly TermCount[]][]) {
    lines.push('', `${facet}:`);
    for (const term of terms) {
      const deep = term.withSubterms === term.models ? '' : ` (${term.withSubterms} with sub-terms)`;
      lines.push(`  ${String(term.models).padStart(4)}  ${term.term}${deep}`);
    }
  }
  return lines.join('\n');
}
