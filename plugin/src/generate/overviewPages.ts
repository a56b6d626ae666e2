/** The atlas overview, explorer, timeline and family-tree pages. */
import type {RootContent} from 'mdast';
import type {Model} from '../data/index.js';
import {layoutScale, layoutTimeline, SCALE_NARROW, type ChartModel} from './pictures/charts.js';
import {compareByRelease} from './format.js';
import {PROPS, component, esmImport, heading, link, list, paragraph, text, toMdx} from './markdown.js';
import type {MessageId} from './messages.js';
import type {Atlas, GeneratedPage} from './modelPage.js';
import {exportPath, facetPermalink, idsPermalink, inventoryPath, modelPermalink, overviewPermalink, propsImport, SURVEY_PAGE, termPermalink, type OverviewPage} from './paths.js';
import type {DomainLink, FamilyNode, ModelFamilyTreeProps, ModelTimelineProps} from './props.js';

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

function domainLinks(atlas: Atlas): {domains: DomainLink[]; index: ReadonlyMap<string, number>} {
  const domain = atlas.facets.get('domain')!;
  const domains = domain.terms
    .filter((term) => term.models.length > 0 && term.parent === undefined)
    .map((term): DomainLink => ({id: term.id, label: term.label, permalink: termPermalink(atlas.context.routeBasePath, 'domain', term.id)}));
  return {domains, index: new Map(domains.map((term, position) => [term.id, position]))};
}

const chartModel = (atlas: Atlas, model: Model): ChartModel => ({
  id: model.id,
  label: model.name,
  permalink: modelPermalink(atlas.context.routeBasePath, model.id),
  date: model.released.date,
});

/** The timeline (one lane per domain) and the scale chart (models with a parameter count), wide and narrow. */
export function buildTimeline(atlas: Atlas): ModelTimelineProps {
  const {dataset} = atlas;
  const {domains, index} = domainLinks(atlas);
  const lanes = domains.map((domain) => ({...domain, models: dataset.models.filter((model) => model.domain === domain.id).map((model) => chartModel(atlas, model))}));
  const counted = dataset.models.flatMap((model) => {
    const parameters = Math.max(0, ...model.sizes.map((size) => size.parameters ?? 0));
    return parameters > 0 ? [{...chartModel(atlas, model), parameters, domain: index.get(model.domain) ?? 0}] : [];
  });
  return {domains, timeline: layoutTimeline(lanes), scale: {wide: layoutScale(counted), narrow: layoutScale(counted, SCALE_NARROW)}};
}

/** The family tree without its layout: the models that take part in a lineage edge, and the edges. */
export type FamilyGraph = Omit<ModelFamilyTreeProps, 'layout'>;

export function familyTreeGraph(atlas: Atlas): FamilyGraph {
  const {dataset, context} = atlas;
  const {domains, index} = domainLinks(atlas);
  const edges = dataset.models.flatMap((model) => model.lineage.map((edge) => ({from: edge.from, to: edge.to, relation: edge.relation})));
  const members = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
  const nodes = [...dataset.models]
    .filter((model) => members.has(model.id))
    .sort(compareByRelease)
    .map((model): FamilyNode => ({id: model.id, label: model.name, permalink: modelPermalink(context.routeBasePath, model.id), year: model.released.year, domain: index.get(model.domain) ?? 0}));
  return {domains, nodes, edges};
}

export function buildOverviewPage(atlas: Atlas, page: OverviewPage, props: unknown): GeneratedPage {
  const {messages} = atlas.context;
  const {component: name, title, description} = PAGES[page];
  const file = `${page}.mdx`;
  const body = [esmImport(name, `@theme/${name}`), esmImport(PROPS, propsImport(file)), component(name, 'page')];
  // The pictures and the table need the whole content column: no table of contents beside them.
  const frontMatter = {title: messages[title], description: messages[description], displayed_sidebar: 'atlas', hide_table_of_contents: true};
  return {file, mdx: toMdx(frontMatter, body), props: {page: props}};
}
