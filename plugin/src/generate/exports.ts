/** Static files: the dataset as JSON, CSV and BibTeX, and one small card per model. */
import type {Dataset, Model} from '../data/index.js';
import type {Atlas} from './modelPage.js';
import {paperBibtex} from './bibtex.js';
import {formatParameterRange, formatRelease} from './format.js';
import {modelPermalink} from './paths.js';
import type {ModelCard} from './props.js';
import {firstSentence} from './summary.js';

/** The whole dataset, each model with its page's URL path; the explorer loads it lazily. */
export function toModelsJson(dataset: Dataset, routeBasePath: string): string {
  return JSON.stringify({
    hash: dataset.hash,
    facets: dataset.facets,
    organizations: dataset.organizations,
    models: dataset.models.map((model) => ({...model, permalink: modelPermalink(routeBasePath, model.id)})),
  });
}

const CSV_COLUMNS: readonly [string, (model: Model) => string][] = [
  ['id', (m) => m.id],
  ['name', (m) => m.name],
  ['aliases', (m) => m.names.slice(1).map((n) => n.text).join('; ')],
  ['released', (m) => m.released.date],
  ['domain', (m) => m.domain],
  ['architecture', (m) => m.architecture],
  ['objectives', (m) => m.objectives.join('; ')],
  ['organizations', (m) => m.organizations.join('; ')],
  ['parameters', (m) => m.sizes.flatMap((s) => (s.parameters === undefined ? [] : [String(s.parameters)])).join('; ')],
  ['access', (m) => m.access ?? ''],
  ['license', (m) => m.license ?? ''],
  ['paper', (m) => m.paper.title],
  ['arxiv', (m) => m.paper.arxiv ?? ''],
];

/**
 * One CSV field: a value that a spreadsheet would read as a formula (starting
 * with `=`, `+`, `-`, `@`, tab or carriage return; OWASP's rule) gets a leading
 * `'`, then RFC 4180 quoting. No column holds negative numbers, so no value
 * starting with `-` is a legitimate number.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV, one row per model. */
export function toModelsCsv(dataset: Dataset): string {
  const rows = [CSV_COLUMNS.map(([name]) => name), ...dataset.models.map((model) => CSV_COLUMNS.map(([, get]) => get(model)))];
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function toModelsBib(dataset: Dataset): string {
  return dataset.models.map(paperBibtex).join('\n');
}

export function buildCard(atlas: Atlas, model: Model): ModelCard {
  const {dataset, context} = atlas;
  const parameters = formatParameterRange(model.sizes);
  return {
    name: model.name,
    permalink: modelPermalink(context.routeBasePath, model.id),
    date: formatRelease(model.released, context.locale),
    organizations: model.organizations.map((id) => dataset.organization(id)?.name ?? id),
    domain: atlas.facets.get('domain')!.term(model.domain)?.label ?? model.domain,
    ...(parameters ? {parameters} : {}),
    summary: firstSentence(model.summary),
  };
}
