/** Facet index pages and term pages: lists of links with counts, built as mdast. */
import type {List, ListItem, RootContent} from 'mdast';
import type {FacetView, TermView} from './facets.js';
import {compareByRelease} from './format.js';
import {link, list, paragraph, text, heading, toMdx} from './markdown.js';
import {format} from './messages.js';
import type {Atlas, GeneratedPage} from './modelPage.js';
import {facetDocFile, facetPermalink, modelPermalink, termDocFile, termPermalink} from './paths.js';

const countText = (atlas: Atlas, count: number) => format(atlas.context.messages['modelAtlas.term.count'], {count});

/** Terms as a nested list: each with its link and its number of models (sub-terms included). */
function termTree(atlas: Atlas, facet: FacetView, ids: readonly string[]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: ids.map((id): ListItem => {
      const term = facet.term(id)!;
      const line = paragraph(link(termPermalink(atlas.context.routeBasePath, facet.id, id), text(term.label)), text(` — ${countText(atlas, term.allModels.length)}`));
      return {type: 'listItem', spread: false, children: term.children.length ? [line, termTree(atlas, facet, term.children)] : [line]};
    }),
  };
}

export function buildFacetPage(atlas: Atlas, facet: FacetView): GeneratedPage {
  const roots = facet.terms.filter((term) => term.parent === undefined).map((term) => term.id);
  const description = facet.description ?? atlas.context.messages['modelAtlas.facet.description'];
  return {
    file: facetDocFile(facet.id),
    mdx: toMdx({title: facet.label, description, displayed_sidebar: 'atlas'}, [paragraph(text(description)), termTree(atlas, facet, roots)]),
  };
}

export function buildTermPage(atlas: Atlas, facet: FacetView, term: TermView): GeneratedPage {
  const {messages, routeBasePath} = atlas.context;
  const parent = term.parent === undefined ? undefined : facet.term(term.parent);
  const body: RootContent[] = [
    ...(term.description ? [paragraph(text(term.description))] : []),
    paragraph(
      link(facetPermalink(routeBasePath, facet.id), text(facet.label)),
      ...(parent ? [text(' › '), link(termPermalink(routeBasePath, facet.id, parent.id), text(parent.label))] : []),
    ),
    ...(term.children.length ? [heading(2, messages['modelAtlas.term.subTerms']), termTree(atlas, facet, term.children)] : []),
    heading(2, messages['modelAtlas.term.models']),
    paragraph(text(countText(atlas, term.allModels.length))),
    // A term no model has yet says so and lists nothing (an empty list would be written as nothing, by the slow path).
    ...(term.allModels.length === 0
      ? []
      : [list([...term.allModels].sort(compareByRelease).map((model) => [link(modelPermalink(routeBasePath, model.id), text(model.name)), text(` (${model.released.date})`)]))]),
  ];
  return {
    file: termDocFile(facet.id, term.id),
    mdx: toMdx({title: term.label, description: term.description ?? countText(atlas, term.allModels.length), displayed_sidebar: 'atlas'}, body),
  };
}
