/** The atlas overview, explorer, timeline and family-tree pages. */
import type {RootContent} from 'mdast';
import type {Dataset} from '../data/index.js';
import {compareByRelease} from './format.js';
import {PROPS, component, esmImport, heading, link, list, paragraph, text, toMdx} from './markdown.js';
import type {MessageId} from './messages.js';
import type {Atlas, GeneratedPage} from './modelPage.js';
import {exportPath, facetPermalink, idsPermalink, inventoryPath, modelPermalink, overviewPermalink, propsImport, SURVEY_PAGE, termPermalink, type OverviewPage} from './paths.js';
import type {FamilyNode, ModelFamilyTreeProps, ModelTimelineProps} from './props.js';

const PAGES = {
  explorer: {component: 'ModelExplorer', title: 'modelAtlas.page.explorer', description: 'modelAtlas.page.explorer.description'},
  timeline: {component: 'ModelTimeline', title: 'modelAtlas.page.timeline', description: 'modelAtlas.page.timeline.description'},
  'family-tree': {component: 'ModelFamilyTree', title: 'modelAtlas.page.familyTree', description: 'modelAtlas.page.familyTree.description'},
} as const satisfies Record<OverviewPage, {component: string; title: MessageId; description: MessageId}>;

export function buildOverviewIndex(atlas: Atlas): GeneratedPage {
  const {messages, routeBasePath} = atlas.context;
  const pages = [
    ...Object.entries(PAGES).map(([page, {title}]) => [link(overviewPermalink(routeBasePath, page as OverviewPage), text(messages[title]))]),
    [link(overviewPermalink(routeBasePath, SURVEY_PAGE), text(messages['modelAtlas.page.survey']))],
  ];
  const facets = [...atlas.facets.values()].map((facet) => [link(facetPermalink(routeBasePath, facet.id), text(facet.label)), text(` (${facet.terms.length})`)]);
  const exports = [
    ...(['json', 'csv', 'bib'] as const).map((ext) => [link(`pathname:///${exportPath(routeBasePath, ext)}`, text(`models.${ext}`))]),
    ...(['objects.inv', 'inventory.json'] as const).map((file) => [link(`pathname:///${inventoryPath(routeBasePath, file)}`, text(file))]),
    [link(idsPermalink(routeBasePath), text(messages['modelAtlas.page.ids']))],
  ];
  const body: RootContent[] = [
    paragraph(text(messages['modelAtlas.page.overview.description'])),
    list(pages),
    heading(2, messages['modelAtlas.sidebar.browse']),
    list(facets),
    heading(2, messages['modelAtlas.page.exports']),
    list(exports),
  ];
  return {file: 'index.mdx', mdx: toMdx({title: messages['modelAtlas.page.overview'], slug: '/', displayed_sidebar: 'atlas'}, body)};
}

export function buildTimeline(atlas: Atlas): ModelTimelineProps {
  const {dataset, context} = atlas;
  const years = dataset.models.map((model) => model.released.year);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const domain = atlas.facets.get('domain')!;
  const lanes = domain.terms
    .filter((term) => term.models.length > 0)
    .map((term) => ({
      label: term.label,
      permalink: termPermalink(context.routeBasePath, 'domain', term.id),
      models: [...term.models]
        .sort(compareByRelease)
        .map((model) => ({label: model.name, permalink: modelPermalink(context.routeBasePath, model.id), year: model.released.year, date: model.released.date})),
    }));
  return {years: Array.from({length: last - first + 1}, (_, i) => first + i), lanes};
}

/** Models that take part in a lineage edge, layered by generation (longest path from a root). */
export function buildFamilyTree(dataset: Dataset, routeBasePath: string): ModelFamilyTreeProps {
  const edges = dataset.models.flatMap((model) => model.lineage.map((edge) => ({from: edge.from, to: edge.to, relation: edge.relation})));
  const members = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
  const layers = new Map<string, number>();
  const layerOf = (id: string): number => {
    let layer = layers.get(id);
    if (layer === undefined) {
      layer = Math.max(-1, ...dataset.parents(id).map((edge) => layerOf(edge.to))) + 1;
      layers.set(id, layer);
    }
    return layer;
  };
  const models = dataset.models.filter((model) => members.has(model.id));
  const order = new Map<number, number>();
  const nodes = [...models].sort(compareByRelease).map((model): FamilyNode => {
    const layer = layerOf(model.id);
    const position = order.get(layer) ?? 0;
    order.set(layer, position + 1);
    return {id: model.id, label: model.name, permalink: modelPermalink(routeBasePath, model.id), year: model.released.year, layer, order: position};
  });
  return {nodes, edges};
}

export function buildOverviewPage(atlas: Atlas, page: OverviewPage, props: unknown): GeneratedPage {
  const {messages} = atlas.context;
  const {component: name, title, description} = PAGES[page];
  const file = `${page}.mdx`;
  const body = [esmImport(name, `@theme/${name}`), esmImport(PROPS, propsImport(file)), component(name, 'page')];
  return {file, mdx: toMdx({title: messages[title], description: messages[description], displayed_sidebar: 'atlas'}, body), props: {page: props}};
}
