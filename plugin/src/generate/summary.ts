/** The Markdown summary of a model: parsed as Markdown (never MDX) and made safe to embed. */
import type {Parent, PhrasingContent, RootContent} from 'mdast';
import {toString} from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {text} from './markdown.js';

const gfmParser = unified().use(remarkParse).use(remarkGfm);
const commonMarkParser = unified().use(remarkParse);

/**
 * Whether a GFM construct (an autolink literal, footnote, strikethrough, table or task list item) may start
 * in `markdown`: none can without one of these (a table without pipes has a colon in its delimiter row,
 * `---:`; `www\.` is an autolink too). Text without them parses the same without the GFM extensions,
 * which double the cost of a parse (almost every summary has none). `markdown.property.test.ts` checks it.
 */
export const mayHoldGfm = (markdown: string) => /[~|@]|-:|:-|\[\^|\[(?:\s+|x)\]|www|https?/i.test(markdown);

export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/\S+$/i.test(url);
}

/**
 * Raw HTML becomes text, links and images to anything but http(s) lose their URL,
 * headings become paragraphs (a summary adds nothing to the table of contents).
 */
function sanitize(node: RootContent): RootContent[] {
  switch (node.type) {
    case 'html':
      return [text(node.value)];
    case 'link':
      if (!isHttpUrl(node.url)) return node.children.flatMap(sanitize);
      break;
    case 'image':
      return isHttpUrl(node.url) ? [node] : node.alt ? [text(node.alt)] : [];
    case 'definition':
      if (!isHttpUrl(node.url)) return [];
      break;
    case 'heading':
      return [{type: 'paragraph', children: node.children.flatMap(sanitize) as PhrasingContent[]}];
    default:
      break;
  }
  if ('children' in node) (node as Parent).children = (node as Parent).children.flatMap(sanitize);
  delete node.position;
  return [node];
}

/** Page description, structured data and card all need it: each summary's is found once. */
const firstSentences = new Map<string, string>();

/**
 * The last summary parsed for its first sentence, kept for `summaryTree`: a model page asks for its
 * description first and its body next, and both come from one parse.
 */
let lastParsed: {readonly markdown: string; readonly blocks: RootContent[]} | undefined;

const parseSummary = (markdown: string) => (mayHoldGfm(markdown) ? gfmParser : commonMarkParser).parse(markdown).children.flatMap(sanitize);

/** The summary as mdast block content, ready to embed in a page (a tree of its own: callers change it). */
export function summaryTree(markdown: string): RootContent[] {
  const parsed = lastParsed?.markdown === markdown ? lastParsed.blocks : parseSummary(markdown);
  lastParsed = undefined;
  if (!firstSentences.has(markdown)) firstSentences.set(markdown, findFirstSentence(parsed));
  return parsed;
}

/** Plain text of the summary's first sentence. */
export function firstSentence(markdown: string): string {
  if (!firstSentences.has(markdown)) {
    const blocks = parseSummary(markdown);
    lastParsed = {markdown, blocks};
    firstSentences.set(markdown, findFirstSentence(blocks));
  }
  return firstSentences.get(markdown)!;
}

function findFirstSentence(blocks: readonly RootContent[]): string {
  const plain = blocks.map((block) => toString(block)).join(' ').replace(/\s+/g, ' ').trim();
  const match = /^.+?[.!?](?=\s|$)|^.+?[。！？]/u.exec(plain);
  return match ? match[0] : plain;
}
