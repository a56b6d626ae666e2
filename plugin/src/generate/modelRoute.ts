/**
 * A model page in page mode: the parts of the doc page (`buildModelPageParts`) as the JSON data of one route,
 * rendered by `@theme/ModelPage` with the same components. The Markdown sections become HTML trees (hast)
 * here, auto-linked by the same linker as the docs; React escapes their text when it renders them.
 */
import type {Element, ElementContent, Root as HastRoot} from 'hast';
import type {Root, RootContent} from 'mdast';
import {toHast} from 'mdast-util-to-hast';
import {VFile} from 'vfile';
import type {Model} from '../data/index.js';
import {linkModels} from '../link/autolink.js';
import type {Settings} from '../link/options.js';
import {buildModelPageParts, type Atlas} from './modelPage.js';
import type {ModelPageProps, TocEntry} from './props.js';

/** Heading ids as the docs' Markdown gets them (Docusaurus's `createSlugger`). */
export interface Slugger {
  slug(text: string): string;
}

/** A model page's data and the auto-linker's messages about it (ambiguous mentions). */
export interface ModelRoute {
  readonly props: ModelPageProps;
  readonly messages: readonly string[];
}

/** Elements whose whitespace-only text children are layout, not content (and invalid DOM in React). */
const BLOCK_CONTAINERS = new Set(['ul', 'ol', 'table', 'thead', 'tbody', 'tr']);

const escapeHtml = (value: string) => value.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function withoutLayoutWhitespace<T extends HastRoot | Element>(node: T): T {
  const keep = (child: ElementContent | HastRoot['children'][number]) => !(child.type === 'text' && child.value.trim() === '' && (node.type === 'root' || BLOCK_CONTAINERS.has(node.tagName)));
  node.children = node.children.filter(keep).map((child) => (child.type === 'element' ? withoutLayoutWhitespace(child) : child)) as T['children'];
  return node;
}

const textOf = (node: ElementContent): string => (node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '');

export function buildModelRoute(atlas: Atlas, model: Model, linker: Settings, slugger: Slugger): ModelRoute {
  const parts = buildModelPageParts(atlas, model);
  const file = new VFile({path: model.file});
  const toc: TocEntry[] = [];
  const heading = (title: string, level = 2) => {
    const entry = {value: escapeHtml(title), id: slugger.slug(title), level};
    toc.push(entry);
    return entry.id;
  };
  const section = (content: readonly RootContent[]): HastRoot => {
    const tree: Root = {type: 'root', children: [...content]};
    // The page's own model is never linked on it, as in docs mode (`model_atlas_id`).
    linkModels(tree, linker, file, model.id);
    const hast = withoutLayoutWhitespace(toHast(tree) as HastRoot);
    for (const node of hast.children) {
      if (node.type === 'element' && /^h[2-6]$/.test(node.tagName)) node.properties.id = heading(textOf(node), Number(node.tagName[1]));
    }
    return hast;
  };
  const beforeLineage = section(parts.beforeLineage);
  const lineageHeading = parts.lineageHeading === undefined ? undefined : {id: heading(parts.lineageHeading), title: parts.lineageHeading};
  const afterLineage = section(parts.afterLineage);
  const {meta} = parts;
  return {
    props: {
      title: meta.title,
      description: meta.description,
      keywords: meta.keywords,
      ...(meta.editUrl === undefined ? {} : {editUrl: meta.editUrl}),
      ...parts.props,
      beforeLineage,
      ...(lineageHeading === undefined ? {} : {lineageHeading}),
      afterLineage,
      toc,
    },
    messages: file.messages.map((message) => `${model.file}: ${message.reason}`),
  };
}
