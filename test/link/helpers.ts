import path from 'node:path';
import type {Link, Nodes, Root} from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import {unified} from 'unified';
import {loadDatasetOrThrow} from '../../plugin/src/data/index.js';
import type {Dataset} from '../../plugin/src/data/types.js';
import remarkModelLinks, {type Options} from '../../plugin/src/link/remark.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/link');
export const DATA = path.join(FIXTURES, 'data');

let dataset: Dataset | undefined;

/** The fixture dataset (BERT, RoBERTa, GPT…, MAE and ERNIE ambiguous), loaded once. */
export function loadFixtureDataset(): Dataset {
  dataset ??= loadDatasetOrThrow(DATA).dataset;
  return dataset;
}

export type LinkOptions = Omit<Options, 'data'>;

/** A parser of Markdown (CommonMark + GFM + directives + front matter), or MDX with `mdx`. */
export function createParser(mdx = false) {
  const base = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkDirective);
  return mdx ? base().use(remarkMdx) : base;
}

/** parse → link → stringify. */
export function createProcessor(options: LinkOptions = {}, mdx = false) {
  return createParser(mdx).use(remarkModelLinks, {data: loadFixtureDataset(), ...options}).use(remarkStringify);
}

/** Runs the linker on a tree (in place) and returns it. */
export async function linkTree(tree: Root, options: LinkOptions = {}, mdx = false): Promise<Root> {
  return createProcessor(options, mdx).run(tree);
}

/** Whether a link is one the linker adds (a URL path under /models/). */
export const isModelLink = (node: Nodes): node is Link => node.type === 'link' && node.url.startsWith('/models/');

/** A copy of a tree without positions, with adjacent text nodes merged: for comparing content. */
export function normalizeTree<T extends Nodes>(tree: T): T {
  const copy = structuredClone(tree) as Nodes;
  const visit = (node: Nodes) => {
    delete node.position;
    if (!('children' in node)) return;
    const merged: Nodes[] = [];
    for (const child of node.children as Nodes[]) {
      visit(child);
      const last = merged.at(-1);
      if (last?.type === 'text' && child.type === 'text') last.value += child.value;
      else merged.push(child);
    }
    (node as {children: Nodes[]}).children = merged;
  };
  visit(copy);
  return copy as T;
}

/** The tree with every added model link replaced by its children. */
export function unlinkModels<T extends Nodes>(tree: T): T {
  const copy = structuredClone(tree) as Nodes;
  const visit = (node: Nodes) => {
    if (!('children' in node)) return;
    (node as {children: Nodes[]}).children = (node.children as Nodes[]).flatMap((child) => (isModelLink(child) ? (child.children as Nodes[]) : [child]));
    for (const child of node.children as Nodes[]) visit(child);
  };
  visit(copy);
  return normalizeTree(copy as T);
}

/** Whether any link or link reference has a link inside it. */
export function hasNestedLink(tree: Nodes, inLink = false): boolean {
  const isLink = tree.type === 'link' || tree.type === 'linkReference';
  if (isLink && inLink) return true;
  return 'children' in tree && (tree.children as Nodes[]).some((child) => hasNestedLink(child, inLink || isLink));
}
