/** The doc page of one model: one small builder per section. */
import type {PhrasingContent, RootContent} from 'mdast';
import jsYaml from 'js-yaml';
import type {Dataset, Model} from '../data/index.js';
import {layoutNeighbourhood} from './pictures/graph.js';
import type {GenerateContext, Mention} from './context.js';
import type {FacetView, FacetViewId} from './facets.js';
import {formatParameterCount} from '../data/index.js';
import {LINEAGE_RELATIONS} from '../data/schema.js';
import {entryBibtex, paperBibtex, paperUrl} from './bibtex.js';
import {formatRelease, formatSize} from './format.js';
import type {Linkable} from './inventory.js';
import {PROPS, component, esmImport, heading, link, list, paragraph, strong, text, toMdx} from './markdown.js';
import {format} from './messages.js';
import {idsPermalink, modelDocFile, modelPermalink, overviewPermalink, propsImport, termPermalink} from './paths.js';
import type {FactRow, FactValue, MetaTag, ModelFactsProps, ModelLineageProps, ModelRef, ModelStructuredDataProps} from './props.js';
import {firstSentence, isHttpUrl, summaryTree} from './summary.js';
import {surveyFact, surveySection} from './surveyPage.js';

/** Everything a page builder reads. */
export interface Atlas {
  readonly dataset: Dataset;
  readonly context: GenerateContext;
  readonly facets: ReadonlyMap<FacetViewId, FacetView>;
  /** Models of an organization by release date (computed once per organization). */
  readonly organizationModels: (id: string) => readonly Model[];
  /** Every id, former id, name and alias, each with whether it is auto-linked (computed once). */
  readonly linkables: () => readonly Linkable[];
  /** The rows of `linkables` of one model (indexed once). */
  readonly linkablesOf: (id: string) => readonly Linkable[];
}

export interface GeneratedPage {
  /** Path of the MDX file in the docs folder. */
  readonly file: string;
  readonly mdx: string;
  /** Props of the page's components, written next to it as JSON. */
  readonly props?: unknown;
}

const label = (atlas: Atlas, facet: FacetViewId, id: string) => atlas.facets.get(facet)!.term(id)?.label ?? id;

const termValue = (atlas: Atlas, facet: FacetViewId, id: string): FactValue => ({
  label: label(atlas, facet, id),
  permalink: termPermalink(atlas.context.routeBasePath, facet, id),
});

/** URL of the model's page in this locale. */
const pageUrl = (atlas: Atlas, model: Model) => `${atlas.context.siteUrl}${modelPermalink(atlas.context.routeBasePath, model.id).slice(1)}`;

const modelLink = (atlas: Atlas, model: Model): PhrasingContent =>
  link(modelPermalink(atlas.context.routeBasePath, model.id), text(model.name));

/** Facts rows, each with the numbers of the sources that back it. */
export function buildFacts(atlas: Atlas, model: Model): ModelFactsProps {
  const sourcesOf = (field: string) => model.sources.flatMap((source, index) => (source.supports.includes(field as never) ? [index + 1] : []));
  const rows: [FactRow['id'], string, FactValue[]][] = [
    ['released', 'released', [{label: formatRelease(model.released, atlas.context.locale), basis: model.released.basis}]],
    ['organizations', 'organizations', model.organizations.map((id) => termValue(atlas, 'organization', id))],
    ['domain', 'domain', [termValue(atlas, 'domain', model.domain)]],
    ['architecture', 'architecture', [termValue(atlas, 'architecture', model.architecture)]],
    ['objectives', 'objectives', model.objectives.map((id) => termValue(atlas, 'objective', id))],
    [
      'sizes',
      'sizes',
      model.sizes.flatMap((size) => {
        const sizeLabel = formatSize(size);
        if (!sizeLabel) return [];
        return [{label: sizeLabel, ...(size.active === undefined ? {} : {active: formatParameterCount(size.active)})}];
      }),
    ],
    ['access', 'access', model.access ? [{label: model.access}] : []],
    ['license', 'license', model.license ? [{label: model.license}] : []],
    ['links', 'links', Object.entries(model.links).map(([kind, href]) => ({label: kind, href}))],
    ['survey', 'survey', [surveyFact(atlas, model)]],
  ];
  return {
    rows: rows.filter(([, , values]) => values.length > 0).map(([id, field, values]) => ({id, values, sources: sourcesOf(field)})),
    sources: model.sources.map((source) => source.url),
  };
}

/**
 * Most parents or children a model page's diagram draws; beyond it, one node sums up the rest and links to
 * the family tree focused on the model (the list under the diagram names them all). Thirteen rows of the
 * diagram are still readable on a phone, and the page's data stays small for the models everything builds on.
 */
const LINEAGE_DIAGRAM_LIMIT = 12;

/**
 * Most derived models a model page lists (the most derived-from first); the family tree focused on the
 * model lists the rest. What a page carries stays bounded for the models everything builds on (BERT has
 * more than 50), within the page-weight budget.
 */
const LINEAGE_LIST_LIMIT = 24;

/** Id of the diagram node that stands for the derived models left out. */
const MORE_NODE = '…';

export function buildLineage(atlas: Atlas, model: Model): ModelLineageProps {
  const {dataset, context} = atlas;
  const ref = (id: string): ModelRef => ({id, label: dataset.model(id)!.name});
  const parents = dataset.parents(model.id);
  // The derived models that most others derive from come first, then the earliest: the ones a reader follows.
  const reach = (id: string) => dataset.children(id).length;
  const children = [...dataset.children(model.id)].sort(
    (a, b) => reach(b.from) - reach(a.from) || dataset.model(a.from)!.released.date.localeCompare(dataset.model(b.from)!.released.date) || (a.from < b.from ? -1 : 1),
  );
  const listedChildren = children.slice(0, LINEAGE_LIST_LIMIT);
  const drawnParents = parents.slice(0, LINEAGE_DIAGRAM_LIMIT);
  const drawnChildren = children.slice(0, LINEAGE_DIAGRAM_LIMIT);
  const hidden = children.length - drawnChildren.length + parents.length - drawnParents.length;
  const more =
    hidden > 0
      ? {id: MORE_NODE, count: hidden, label: format(context.messages['modelAtlas.lineage.more'], {count: hidden}), permalink: `${overviewPermalink(context.routeBasePath, 'family-tree')}?focus=${model.id}`}
      : undefined;
  // A neighbour linked by two relations is drawn once.
  const column = (ids: readonly string[]) => [...new Set(ids)].map(ref);
  return {
    model: model.name,
    permalinkBase: modelPermalink(context.routeBasePath, ''),
    parents: parents.map((edge) => ({
      ...ref(edge.to),
      relation: edge.relation,
      ...(edge.note === undefined ? {} : {note: edge.note}),
      ...(edge.source === undefined ? {} : {source: edge.source}),
    })),
    children: LINEAGE_RELATIONS.flatMap((relation) => {
      const models = listedChildren.filter((edge) => edge.relation === relation).map((edge) => ref(edge.from));
      return models.length > 0 ? [{relation, models}] : [];
    }),
    ...(children.length > listedChildren.length ? {unlisted: children.length - listedChildren.length} : {}),
    id: model.id,
    diagram: layoutNeighbourhood(
      ref(model.id),
      column(drawnParents.map((edge) => edge.to)),
      [...column(drawnChildren.map((edge) => edge.from)), ...(more ? [{id: MORE_NODE, label: more.label}] : [])],
      [
        ...drawnParents,
        ...drawnChildren,
        ...(more ? [{from: MORE_NODE, to: model.id, relation: 'builds-on' as const}] : []),
      ].map((edge) => ({from: edge.from, to: edge.to, relation: edge.relation})),
    ),
    ...(more ? {more} : {}),
  };
}

/** Google Scholar's `citation_*` tags for the model's paper (highwire press names). */
export function buildCitationMeta(model: Model): MetaTag[] {
  const {paper} = model;
  const tags: [string, string | undefined][] = [
    ['citation_title', paper.title],
    ...(paper.authors ?? []).map((author): [string, string] => ['citation_author', author]),
    ['citation_publication_date', model.released.date.replace(/-/g, '/')],
    ['citation_conference_title', paper.venue],
    ['citation_arxiv_id', paper.arxiv ?? undefined],
    ['citation_pdf_url', paper.arxiv ? `https://arxiv.org/pdf/${paper.arxiv}` : undefined],
    ['citation_abstract_html_url', paperUrl(model)],
  ];
  return tags.flatMap(([name, content]) => (content === undefined ? [] : [[name, content] as const]));
}

/** schema.org JSON-LD and the citation tags, for the page head. */
export function buildStructuredData(atlas: Atlas, model: Model): ModelStructuredDataProps {
  const {paper} = model;
  const url = paperUrl(model);
  const data = {
    '@context': 'https://schema.org',
    '@type': 'SoftwareApplication',
    applicationCategory: 'Machine learning model',
    name: model.name,
    alternateName: model.names.slice(1).map((name) => name.text),
    description: firstSentence(model.summary),
    url: pageUrl(atlas, model),
    datePublished: model.released.date,
    creator: model.organizations.map((id) => ({'@type': 'Organization', name: atlas.dataset.organization(id)?.name ?? id})),
    ...(model.license ? {license: model.license} : {}),
    citation: {'@type': 'ScholarlyArticle', name: paper.title, ...(url ? {url} : {})},
  };
  return {data, meta: buildCitationMeta(model)};
}

function paperSection(atlas: Atlas, model: Model): RootContent[] {
  const {paper} = model;
  const url = paperUrl(model);
  const title: PhrasingContent = url && isHttpUrl(url) ? link(url, text(paper.title)) : text(paper.title);
  const details = [paper.authors?.join(', '), paper.venue, paper.arxiv ? `arXiv:${paper.arxiv}` : undefined].filter(Boolean).join('. ');
  return [
    heading(2, atlas.context.messages['modelAtlas.section.paper']),
    paragraph(strong(title), ...(details ? [{type: 'break'} as const, text(details)] : [])),
  ];
}

/** The Cite box: the paper's BibTeX and the atlas entry's own (code blocks, which the theme gives a copy button). */
function citeSection(atlas: Atlas, model: Model): RootContent[] {
  const {messages, siteTitle} = atlas.context;
  const site = {title: siteTitle ?? messages['modelAtlas.page.overview'], url: pageUrl(atlas, model)};
  return [
    heading(2, messages['modelAtlas.section.cite']),
    paragraph(text(messages['modelAtlas.cite.paper'])),
    {type: 'code', lang: 'bibtex', value: paperBibtex(model).trimEnd()},
    paragraph(text(messages['modelAtlas.cite.entry'])),
    {type: 'code', lang: 'bibtex', value: entryBibtex(model, site).trimEnd()},
  ];
}

/** `:model[Label]{#id}`, with the label's brackets and backslashes escaped as Markdown. */
export const directiveSnippet = (label: string, id: string) => `:model[${label.replace(/[\\[\]]/g, '\\$&')}]{#${id}}`;

/** How to link this model from Markdown: the directive snippet, and which of its names auto-link. */
function linkSection(atlas: Atlas, model: Model): RootContent[] {
  const {messages, routeBasePath} = atlas.context;
  const names = atlas.linkablesOf(model.id).filter((row) => row.kind === 'name' || row.kind === 'alias');
  const codes = (values: readonly string[]): PhrasingContent[] =>
    values.flatMap((value, index) => [...(index > 0 ? [text(', ')] : []), {type: 'inlineCode' as const, value}]);
  const autolinked = names.filter((row) => !row.notAutolinked);
  const notAutolinked = names.filter((row) => row.notAutolinked);
  return [
    heading(2, messages['modelAtlas.section.link']),
    paragraph(text(messages['modelAtlas.link.directive'])),
    {type: 'code', lang: 'md', value: directiveSnippet(model.name, model.id)},
    list([
      ...(autolinked.length > 0 ? [[text(messages['modelAtlas.link.autolinked']), ...codes(autolinked.map((row) => row.text))]] : []),
      ...(notAutolinked.length > 0 ? [[text(messages['modelAtlas.link.notAutolinked']), ...codes(notAutolinked.map((row) => row.text))]] : []),
      ...(model.formerIds.length > 0 ? [[text(messages['modelAtlas.link.formerIds']), ...codes(model.formerIds)]] : []),
      [link(idsPermalink(routeBasePath), text(messages['modelAtlas.link.allNames']))],
    ]),
  ];
}

const byId = (a: Model, b: Model) => (a.id < b.id ? -1 : 1);

/** Models of each objective grouped by release year, built once per dataset: each group in id order, as `dataset.models`. */
const objectiveYears = new WeakMap<Dataset, Map<string, Map<number, Model[]>>>();

function modelsByObjectiveAndYear(dataset: Dataset): Map<string, Map<number, Model[]>> {
  let index = objectiveYears.get(dataset);
  if (!index) {
    index = new Map();
    for (const model of dataset.models) {
      for (const objective of new Set(model.objectives)) {
        const years = index.get(objective) ?? index.set(objective, new Map()).get(objective)!;
        (years.get(model.released.year) ?? years.set(model.released.year, []).get(model.released.year)!).push(model);
      }
    }
    objectiveYears.set(dataset, index);
  }
  return index;
}

/** Up to `limit` models sharing an objective with `model`, nearest release year first, then by id. */
function nearestSharingObjective(dataset: Dataset, model: Model, exclude: ReadonlySet<Model>, limit: number): Model[] {
  const index = modelsByObjectiveAndYear(dataset);
  const groups = model.objectives.map((objective) => index.get(objective)!);
  const years = groups.flatMap((group) => [...group.keys()]);
  const reach = Math.max(0, ...years.map((year) => Math.abs(year - model.released.year)));
  const found: Model[] = [];
  for (let distance = 0; distance <= reach && found.length < limit; distance++) {
    const ring = distance === 0 ? [model.released.year] : [model.released.year - distance, model.released.year + distance];
    found.push(...firstInIdOrder(ring.flatMap((year) => groups.map((group) => group.get(year) ?? [])), exclude, limit - found.length));
  }
  return found;
}

/**
 * The first `count` models, in id order, of the union of `groups` (each in id order) leaving out `exclude`.
 * Each of them is among the first `count` kept models of its own group, so only those are merged: a model's
 * cost does not grow with the size of its year's groups.
 */
function firstInIdOrder(groups: readonly Model[][], exclude: ReadonlySet<Model>, count: number): Model[] {
  const candidates = new Set<Model>();
  for (const group of groups) {
    let kept = 0;
    for (let i = 0; i < group.length && kept < count; i++) {
      if (!exclude.has(group[i]!)) {
        candidates.add(group[i]!);
        kept++;
      }
    }
  }
  return [...candidates].sort(byId).slice(0, count);
}

/** Siblings in the lineage graph first, then models sharing an objective; nearest release first. */
export function relatedModels(dataset: Dataset, model: Model, limit = 8): Model[] {
  const direct = new Set([...dataset.parents(model.id).map((e) => e.to), ...dataset.children(model.id).map((e) => e.from), model.id]);
  const distance = (other: Model) => Math.abs(other.released.year - model.released.year);
  const family = [...new Set(dataset.parents(model.id).flatMap((edge) => dataset.children(edge.to).map((e) => dataset.model(e.from)!)))]
    .filter((other) => !direct.has(other.id))
    .sort((a, b) => distance(a) - distance(b) || byId(a, b))
    .slice(0, limit);
  const exclude = new Set([...family, ...[...direct].map((id) => dataset.model(id)!)]);
  return [...family, ...nearestSharingObjective(dataset, model, exclude, limit - family.length)];
}

function relatedSection(atlas: Atlas, model: Model): RootContent[] {
  const related = relatedModels(atlas.dataset, model);
  if (related.length === 0) return [];
  return [
    heading(2, atlas.context.messages['modelAtlas.section.related']),
    list(related.map((other) => [modelLink(atlas, other), text(` (${other.released.year})`)])),
  ];
}

/** Previous and next model of each of the model's organizations, by release date. */
function organizationSection(atlas: Atlas, model: Model): RootContent[] {
  const {messages} = atlas.context;
  return model.organizations.flatMap((orgId) => {
    const models = atlas.organizationModels(orgId);
    const index = models.indexOf(model);
    const neighbours = [
      [messages['modelAtlas.organization.previous'], models[index - 1]],
      [messages['modelAtlas.organization.next'], models[index + 1]],
    ] as const;
    const items = neighbours.flatMap(([prefix, other]) => (other ? [[text(prefix), modelLink(atlas, other), text(` (${other.released.date})`)]] : []));
    if (items.length === 0) return [];
    const organization = label(atlas, 'organization', orgId);
    return [heading(2, format(messages['modelAtlas.section.organization'], {organization})), list(items)];
  });
}

function sourcesSection(atlas: Atlas, model: Model): RootContent[] {
  const supports = atlas.context.messages['modelAtlas.source.supports'];
  const via = atlas.context.messages['modelAtlas.source.via'];
  return [
    heading(2, atlas.context.messages['modelAtlas.section.sources']),
    list(
      model.sources.map((source) => [
        link(source.url, text(source.url)),
        text(` — ${format(supports, {fields: source.supports.join(', ')})}`),
        ...(source.via && isHttpUrl(source.via) ? [text(` (${format(via, {host: new URL(source.via).hostname})}: `), link(source.via, text(source.via)), text(')')] : []),
      ]),
      true,
    ),
  ];
}

/** `Page (version) — 3×: Section (2×), Other section (1×)`: each named section links to its heading. */
function mentionItem(atlas: Atlas, mention: Mention): PhrasingContent[] {
  const count = (value: number) => format(atlas.context.messages['modelAtlas.mentions.count'], {count: value});
  const sections = (mention.sections ?? []).filter((section) => section.heading !== undefined && section.anchor !== undefined);
  return [
    link(mention.permalink, text(mention.title)),
    ...(mention.version === undefined ? [] : [text(` (${mention.version})`)]),
    ...(mention.count === undefined ? [] : [text(` — ${count(mention.count)}`)]),
    ...sections.flatMap((section, index) => [
      text(index === 0 ? ': ' : ', '),
      link(`${mention.permalink}#${section.anchor}`, text(section.heading!)),
      text(` (${count(section.count)})`),
    ]),
  ];
}

/** The slot filled by the auto-linking scan: pages whose prose mentions the model, by section. */
function mentionsSection(atlas: Atlas, model: Model): RootContent[] {
  const mentions = atlas.context.mentions.get(model.id) ?? [];
  if (mentions.length === 0) return [];
  return [
    heading(2, atlas.context.messages['modelAtlas.section.mentions']),
    list(mentions.map((mention) => mentionItem(atlas, mention))),
  ];
}

/** What a model page says about itself: doc front matter in docs mode, the page's head in page mode. */
export interface ModelPageMeta {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly keywords: readonly string[];
  /** Keys of the tags file (`TAGS_FILE`). */
  readonly tags: readonly string[];
  /** "Edit this page" link to the model's YAML file. */
  readonly editUrl: string | undefined;
}

/** "Edit this page" of a model: its YAML file under the plugin's `editUrl`. */
export const modelEditUrl = (editUrl: string | undefined, model: Model) => (editUrl ? `${editUrl.replace(/\/$/, '')}/${model.file}` : undefined);

type TagFacet = 'domain' | 'architecture' | 'objective';

/** The facet terms a model page is tagged with (docs mode), each once. */
const tagTerms = (model: Model): [TagFacet, string][] => [
  ...new Map<string, [TagFacet, string]>(
    [['domain', model.domain] as const, ['architecture', model.architecture] as const, ...model.objectives.map((id) => ['objective', id] as const)].map(
      ([facet, id]) => [`${facet}/${id}`, [facet, id]],
    ),
  ).values(),
];

/** Name of the docs instance's tags file, in the generated docs folder. */
export const TAGS_FILE = 'tags.yml';

/**
 * The tags file: every tag of a model page with its label in the page's locale and its address, which
 * comes from the term id (the same in every locale, so the language menu finds it). Pages name their tags
 * by key only, so a page's scripts do not carry each tag's label and address twice.
 */
export function buildTagsFile(atlas: Atlas): string {
  const tags = new Map(atlas.dataset.models.flatMap(tagTerms).map(([facet, id]) => [`${facet}/${id}`, {label: label(atlas, facet, id), permalink: `/${facet}/${id}`}]));
  return jsYaml.dump(Object.fromEntries([...tags].sort(([a], [b]) => (a < b ? -1 : 1))), {lineWidth: -1, noRefs: true});
}

function pageMeta(atlas: Atlas, model: Model): ModelPageMeta {
  const {context} = atlas;
  return {
    id: model.id,
    title: model.name,
    description: firstSentence(model.summary),
    // Names and aliases: the facets and organizations are words of the page already.
    keywords: [...new Set(model.names.map((name) => name.text))],
    tags: tagTerms(model).map(([facet, id]) => `${facet}/${id}`),
    editUrl: modelEditUrl(context.editUrl, model),
  };
}

function frontMatter(atlas: Atlas, meta: ModelPageMeta): Record<string, unknown> {
  return {
    // The sidebar label is the title.
    title: meta.title,
    // The auto-linker never links a model on its own page.
    model_atlas_id: meta.id,
    description: meta.description,
    keywords: meta.keywords,
    tags: meta.tags,
    ...(atlas.context.sidebarModels ? {} : {displayed_sidebar: 'atlas'}),
  };
}

/** Props of the components of a model page, the same in both page modes. */
export interface ModelPageComponentsProps {
  readonly facts: ModelFactsProps;
  readonly lineage: ModelLineageProps;
  readonly structuredData: ModelStructuredDataProps;
}

/**
 * A model page before it becomes MDX (docs mode) or a route's data (page mode): both modes render these
 * parts, the components from `props` and the Markdown sections around the lineage component.
 */
export interface ModelPageParts {
  readonly meta: ModelPageMeta;
  readonly props: ModelPageComponentsProps;
  /** Summary, paper, citation and how to link. */
  readonly beforeLineage: readonly RootContent[];
  /** Heading of the lineage section, when the model has lineage. */
  readonly lineageHeading: string | undefined;
  /** Survey, related models, organization neighbours, sources, mentions. */
  readonly afterLineage: readonly RootContent[];
}

export function buildModelPageParts(atlas: Atlas, model: Model): ModelPageParts {
  const lineage = buildLineage(atlas, model);
  const hasLineage = lineage.parents.length > 0 || lineage.children.length > 0;
  return {
    meta: pageMeta(atlas, model),
    props: {facts: buildFacts(atlas, model), lineage, structuredData: buildStructuredData(atlas, model)},
    beforeLineage: [...summaryTree(model.summary), ...paperSection(atlas, model), ...citeSection(atlas, model), ...linkSection(atlas, model)],
    lineageHeading: hasLineage ? atlas.context.messages['modelAtlas.section.lineage'] : undefined,
    afterLineage: [
      ...surveySection(atlas, model),
      ...relatedSection(atlas, model),
      ...organizationSection(atlas, model),
      ...sourcesSection(atlas, model),
      ...mentionsSection(atlas, model),
    ],
  };
}

export function buildModelPage(atlas: Atlas, model: Model): GeneratedPage {
  const file = modelDocFile(model.id);
  const parts = buildModelPageParts(atlas, model);
  const body: RootContent[] = [
    esmImport('ModelFacts', '@theme/ModelFacts'),
    esmImport('ModelLineage', '@theme/ModelLineage'),
    esmImport('ModelStructuredData', '@theme/ModelStructuredData'),
    esmImport(PROPS, propsImport(file)),
    component('ModelStructuredData', 'structuredData'),
    component('ModelFacts', 'facts'),
    ...parts.beforeLineage,
    ...(parts.lineageHeading === undefined ? [] : [heading(2, parts.lineageHeading), component('ModelLineage', 'lineage')]),
    ...parts.afterLineage,
  ];
  return {file, mdx: toMdx(frontMatter(atlas, parts.meta), body), props: parts.props};
}
