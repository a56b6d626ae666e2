/** Everything the plugin writes, as a map from relative path to content. Pure. */
import path from 'node:path';
import type {Dataset, Model} from '../data/index.js';
import type {GenerateContext} from './context.js';
import {toModelsBib, toModelsCsv, toModelsJson, buildCard} from './exports.js';
import {facetViews} from './facets.js';
import {compareByRelease} from './format.js';
import {buildModelPage, type Atlas, type GeneratedPage} from './modelPage.js';
import {buildModelRoute, type ModelRoute, type Slugger} from './modelRoute.js';
import type {Settings} from '../link/options.js';
import {buildFamilyTree, buildOverviewIndex, buildOverviewPage, buildTimeline} from './overviewPages.js';
import {cardPath, exportPath, propsFile, RESERVED_IDS} from './paths.js';
import {buildSidebars} from './sidebar.js';
import type {ModelCard} from './props.js';
import {cardShard, cardShardCount} from '../theme/ModelLinkCard/cardShard.js';
import {buildFacetPage, buildTermPage} from './taxonomyPages.js';

export type {GenerateContext, Mention} from './context.js';
export type {ModelRoute, Slugger} from './modelRoute.js';
export {defaultTranslationFile, loadMessages, MESSAGES_FILE} from './messages.js';

/** Folders of the generated output, relative to its root. */
export const DOCS_DIR = 'docs';
export const STATIC_DIR = 'static';
export const SIDEBARS_FILE = 'sidebars.json';

/** Model ids that collide with generated pages, with a message for each. */
export function findReservedIds(dataset: Dataset): string[] {
  return dataset.models
    .filter((model) => RESERVED_IDS.has(model.id))
    .map((model) => `${path.join(dataset.dir, model.file)}: the id "${model.id}" is reserved for a page of the atlas (${[...RESERVED_IDS].join(', ')}); rename the model.`);
}

function buildPages(atlas: Atlas): GeneratedPage[] {
  const {dataset, context} = atlas;
  return [
    buildOverviewIndex(atlas),
    buildOverviewPage(atlas, 'explorer', {dataUrl: `/${exportPath(context.routeBasePath, 'json')}`}),
    buildOverviewPage(atlas, 'timeline', buildTimeline(atlas)),
    buildOverviewPage(atlas, 'family-tree', buildFamilyTree(dataset, context.routeBasePath)),
    ...[...atlas.facets.values()].flatMap((facet) => [buildFacetPage(atlas, facet), ...facet.terms.map((term) => buildTermPage(atlas, facet, term))]),
    ...(context.modelRoutes ? [] : dataset.models.map((model) => buildModelPage(atlas, model))),
  ];
}

function createAtlas(dataset: Dataset, context: GenerateContext): Atlas {
  const byOrganization = new Map<string, readonly Model[]>();
  return {
    dataset,
    context,
    facets: new Map(facetViews(dataset, context.locale, context.messages).map((facet) => [facet.id, facet])),
    organizationModels(id) {
      if (!byOrganization.has(id)) byOrganization.set(id, [...dataset.modelsOfOrganization(id)].sort(compareByRelease));
      return byOrganization.get(id)!;
    },
  };
}

const docsFile = (file: string) => `${DOCS_DIR}/${file}`;
const staticFile = (file: string) => `${STATIC_DIR}/${file}`;

function addPage(files: Map<string, string>, page: GeneratedPage): void {
  files.set(docsFile(page.file), page.mdx);
  if (page.props !== undefined) files.set(docsFile(propsFile(page.file)), JSON.stringify(page.props));
}

export function buildAtlasFiles(dataset: Dataset, context: GenerateContext): Map<string, string> {
  const atlas = createAtlas(dataset, context);
  const files = new Map<string, string>();
  for (const page of buildPages(atlas)) addPage(files, page);
  files.set(SIDEBARS_FILE, JSON.stringify(buildSidebars(atlas), null, 2));
  files.set(staticFile(exportPath(context.routeBasePath, 'json')), toModelsJson(dataset, context.routeBasePath));
  files.set(staticFile(exportPath(context.routeBasePath, 'csv')), toModelsCsv(dataset));
  files.set(staticFile(exportPath(context.routeBasePath, 'bib')), toModelsBib(dataset));
  const shards = cardShardCount(dataset.models.length);
  const cards = Array.from({length: shards}, (): Record<string, ModelCard> => ({}));
  for (const model of dataset.models) cards[cardShard(model.id, shards)]![model.id] = buildCard(atlas, model);
  cards.forEach((shard, index) => files.set(staticFile(cardPath(context.routeBasePath, index)), JSON.stringify(shard)));
  return files;
}

/**
 * The files of some models' pages only: what a change of their "Mentioned in" rewrites (nothing else on
 * any page depends on mentions). Equal to the same entries of `buildAtlasFiles`.
 */
export function buildModelPageFiles(dataset: Dataset, context: GenerateContext, ids: Iterable<string>): Map<string, string> {
  const atlas = createAtlas(dataset, context);
  const files = new Map<string, string>();
  for (const id of ids) addPage(files, buildModelPage(atlas, dataset.model(id)!));
  return files;
}

/** Page mode: the data of every model's route (see `buildModelRoute`), one at a time, so that they need not all be in memory. */
export function* buildModelRoutes(dataset: Dataset, context: GenerateContext, linker: Settings, newSlugger: () => Slugger): Generator<[string, ModelRoute]> {
  const atlas = createAtlas(dataset, context);
  for (const model of dataset.models) yield [model.id, buildModelRoute(atlas, model, linker, newSlugger())];
}
