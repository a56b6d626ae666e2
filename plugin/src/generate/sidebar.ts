/** The sidebar of the atlas docs instance, generated from the taxonomy. */
import type {FacetView} from './facets.js';
import type {Atlas} from './modelPage.js';
import {docId, facetDocFile, modelDocFile, OVERVIEW_PAGES, SURVEY_PAGE, termDocFile} from './paths.js';

type SidebarItem =
  | {type: 'doc'; id: string; label?: string}
  | {type: 'category'; label: string; link?: {type: 'doc'; id: string}; collapsed?: boolean; items: SidebarItem[]};

function termItems(facet: FacetView, ids: readonly string[]): SidebarItem[] {
  return ids.map((id) => {
    const term = facet.term(id)!;
    const doc = docId(termDocFile(facet.id, id));
    return term.children.length
      ? {type: 'category', label: term.label, link: {type: 'doc', id: doc}, items: termItems(facet, term.children)}
      : {type: 'doc', id: doc};
  });
}

export function buildSidebars(atlas: Atlas): {atlas: SidebarItem[]} {
  const {messages, sidebarModels, sidebarTerms = true} = atlas.context;
  const domain = atlas.facets.get('domain')!;
  const models: SidebarItem[] = sidebarModels
    ? [
        {
          type: 'category',
          label: messages['modelAtlas.sidebar.models'],
          items: domain.terms
            .filter((term) => term.models.length > 0)
            .map((term) => ({
              type: 'category',
              label: term.label,
              items: [...term.models].sort((a, b) => a.name.localeCompare(b.name)).map((model) => ({type: 'doc', id: docId(modelDocFile(model.id))})),
            })),
        },
      ]
    : [];
  const browse: SidebarItem = {
    type: 'category',
    label: messages['modelAtlas.sidebar.browse'],
    items: [...atlas.facets.values()].map((facet): SidebarItem => {
      const page = docId(facetDocFile(facet.id));
      if (!sidebarTerms) return {type: 'doc', id: page, label: facet.label};
      return {type: 'category', label: facet.label, link: {type: 'doc', id: page}, items: termItems(facet, facet.terms.filter((term) => term.parent === undefined).map((term) => term.id))};
    }),
  };
  return {atlas: [{type: 'doc', id: 'index'}, ...[...OVERVIEW_PAGES, SURVEY_PAGE].map((page): SidebarItem => ({type: 'doc', id: page})), ...models, browse]};
}
