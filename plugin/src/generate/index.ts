/** Everything the plugin writes, as a map from relative path to content. Pure. */
import type {Dataset, Model} from '../data/index.js';
import {pushTo} from '../data/dataset.js';
import type {GenerateContext} from './context.js';
import {toModelsBib, toModelsCsv, toModelsJson, buildCard} from './exports.js';
import {facetViews} from './facets.js';
import {compareByRelease} from './format.js';
import {buildModelPage, buildTagsFile, TAGS_FILE, type Atlas, type GeneratedPage} from './modelPage.js';
import {buildModelRoute, type ModelRoute, type Slugger} from './modelRoute.js';
import type {Settings} from '../link/options.js';
import {buildOverviewIndex, buildOverviewPage, buildTimeline, familyTreeGraph, type FamilyGraph} from './overviewPages.js';
import {layoutGraph, type GraphLayout} from './pictures/graph.js';
import {buildSurveyPage} from './surveyPage.js';
import {cardPath, exportPath, inventoryPath, propsFile} from './paths.js';
import {buildSidebars} from './sidebar.js';
import type {FileSink} from './sync.js';
import {buildIdsPage} from './idsPage.js';
import {buildInventory, linkables, toObjectsInv, type Linkable} from './inventory.js';
import {buildRedirectPages} from './redirects.js';
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

/** The pages, one at a time: each can be written while the next is built. */
function* buildPages(atlas: Atlas): Generator<GeneratedPage> {
  const {dataset, context} = atlas;
  yield buildOverviewIndex(atlas);
  yield buildIdsPage(atlas, atlas.linkables());
  yield buildOverviewPage(atlas, 'explorer', {dataUrl: `/${exportPath(context.routeBasePath, 'json')}`});
  yield buildOverviewPage(atlas, 'timeline', buildTimeline(atlas));
  yield buildSurveyPage(atlas);
  for (const facet of atlas.facets.values()) {
    yield buildFacetPage(atlas, facet);
    for (const term of facet.terms) yield buildTermPage(atlas, facet, term);
  }
  if (!context.modelRoutes) for (const model of dataset.models) yield buildModelPage(atlas, model);
}

function createAtlas(dataset: Dataset, context: GenerateContext): Atlas {
  const byOrganization = new Map<string, readonly Model[]>();
  let rows: readonly Linkable[] | undefined;
  let byModel: Map<string, Linkable[]> | undefined;
  const all = () => (rows ??= linkables(dataset));
  return {
    dataset,
    context,
    linkables: all,
    linkablesOf(id) {
      if (!byModel) {
        byModel = new Map();
        for (const row of all()) pushTo(byModel, row.model, row);
      }
      return byModel.get(id) ?? [];
    },
    facets: new Map(facetViews(dataset, context.locale, context.messages).map((facet) => [facet.id, facet])),
    organizationModels(id) {
      if (!byOrganization.has(id)) byOrganization.set(id, [...dataset.modelsOfOrganization(id)].sort(compareByRelease));
      return byOrganization.get(id)!;
    },
  };
}

const docsFile = (file: string) => `${DOCS_DIR}/${file}`;
const staticFile = (file: string) => `${STATIC_DIR}/${file}`;

/** Generated files by relative path: text, or bytes (`objects.inv`). */
export type GeneratedFiles = Map<string, string | Uint8Array>;

function addPage(files: FileSink, page: GeneratedPage): void {
  files.set(docsFile(page.file), page.mdx);
  if (page.props !== undefined) files.set(docsFile(propsFile(page.file)), JSON.stringify(page.props));
}

/** Every file of the atlas. */
export function buildAtlasFiles(dataset: Dataset, context: GenerateContext): GeneratedFiles {
  const atlas = createAtlas(dataset, context);
  const graph = familyTreeGraph(atlas);
  const files: GeneratedFiles = new Map();
  buildAllButFamilyTree(atlas, files);
  addPage(files, buildOverviewPage(atlas, 'family-tree', {...graph, layout: layoutGraph(graph.nodes, graph.edges)}));
  return files;
}

/**
 * The same files, into `files` as they are built (a folder's writer writes them meanwhile), the family
 * tree laid out by `layout` (in a worker thread) while the rest is built: dagre takes a while on a large
 * catalog. `layout` gets plain data and must give what `layoutGraph` gives.
 */
export async function buildAtlasFilesWhileLayingOut(
  dataset: Dataset,
  context: GenerateContext,
  layout: (nodes: FamilyGraph['nodes'], edges: FamilyGraph['edges']) => Promise<GraphLayout>,
  files: FileSink,
): Promise<void> {
  const atlas = createAtlas(dataset, context);
  const graph = familyTreeGraph(atlas);
  const laidOut = layout(graph.nodes, graph.edges);
  buildAllButFamilyTree(atlas, files);
  addPage(files, buildOverviewPage(atlas, 'family-tree', {...graph, layout: await laidOut}));
}

function buildAllButFamilyTree(atlas: Atlas, files: FileSink): void {
  const {dataset, context} = atlas;
  for (const page of buildPages(atlas)) addPage(files, page);
  files.set(SIDEBARS_FILE, JSON.stringify(buildSidebars(atlas), null, 2));
  files.set(docsFile(TAGS_FILE), buildTagsFile(atlas));
  files.set(staticFile(exportPath(context.routeBasePath, 'json')), toModelsJson(dataset, context.routeBasePath));
  files.set(staticFile(exportPath(context.routeBasePath, 'csv')), toModelsCsv(dataset));
  files.set(staticFile(exportPath(context.routeBasePath, 'bib')), toModelsBib(dataset));
  const project = context.siteTitle ?? context.messages['modelAtlas.page.overview'];
  files.set(staticFile(inventoryPath(context.routeBasePath, 'objects.inv')), toObjectsInv(dataset, project, atlas.linkables()));
  files.set(staticFile(inventoryPath(context.routeBasePath, 'inventory.json')), JSON.stringify(buildInventory(dataset, context, atlas.linkables())));
  for (const [file, html] of buildRedirectPages(dataset, context)) files.set(staticFile(file), html);
  const shards = cardShardCount(dataset.models.length);
  const cards = Array.from({length: shards}, (): Record<string, ModelCard> => ({}));
  for (const model of dataset.models) cards[cardShard(model.id, shards)]![model.id] = buildCard(atlas, model);
  cards.forEach((shard, index) => files.set(staticFile(cardPath(context.routeBasePath, index)), JSON.stringify(shard)));
}

/**
 * The files of some models' pages only: what a change of their "Mentioned in" rewrites (nothing else on
 * any page depends on mentions). Equal to the same entries of `buildAtlasFiles`.
 */
export function buildModelPageFiles(dataset: Dataset, context: GenerateContext, ids: Iterable<string>): GeneratedFiles {
  const atlas = createAtlas(dataset, context);
  const files: GeneratedFiles = new Map();
  for (const id of ids) addPage(files, buildModelPage(atlas, dataset.model(id)!));
  return files;
}

/** Page mode: the data of every model's route (see `buildModelRoute`), one at a time, so that they need not all be in memory. */
export function* buildModelRoutes(dataset: Dataset, context: GenerateContext, linker: Settings, newSlugger: () => Slugger): Generator<[string, ModelRoute]> {
  const atlas = createAtlas(dataset, context);
  for (const model of dataset.models) yield [model.id, buildModelRoute(atlas, model, linker, newSlugger())];
}
