/** The Markdown summary of a model: parsed as Markdown (never MDX) and made safe to embed. */
import type {Parent, PhrasingContent, Root, RootContent} from 'mdast';
import {toString} from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {text} from './markdown.js';

const gfmParser = unified().use(remarkParse).use(remarkGfm);
const commonMarkParser = unified().use(remarkParse);

/**
 * The syntax of a GFM construct other than an autolink literal: strikethrough, table (pipes, or a colon in
 * the delimiter row of a table without pipes, `---:`), footnote, task list item. None starts without it.
 */
const GFM_SYNTAX = /[~|]|-:|:-|\[\^|\[(?:\s+|x)\]/i;
/**
 * What GFM makes an autolink literal: a URL, `www.` or an e-mail address. It finds them in the text as
 * parsed (`h&#116;tp://…` is a URL too), never in a link's URL or title, code or HTML.
 */
const AUTOLINK_TEXT = /http|www|@/i;

const hasAutolinkText = (node: Root | RootContent): boolean =>
  node.type === 'text' ? AUTOLINK_TEXT.test(node.value) : node.type === 'image' ? AUTOLINK_TEXT.test(node.alt ?? '') : 'children' in node && node.children.some(hasAutolinkText);

/**
 * The tree GFM gives `markdown`, when the CommonMark parser (without the GFM extensions, which double the
 * cost of a parse) gives the same: when no GFM construct can start in it, though it may have URLs outside
 * its text, as links do. Almost every summary. `markdown.property.test.ts` checks that the trees are equal.
 */
export function parsedWithoutGfm(markdown: string): Root | undefined {
  if (GFM_SYNTAX.test(markdown)) return undefined;
  const tree = simpleInlineParagraph(markdown) ?? commonMarkParser.parse(markdown);
  return hasAutolinkText(tree) ? undefined : tree;
}

const point = (offset: number) => ({line: 1, column: offset + 1, offset});

/** A character of plain text: none that means something inline, no tab, no line ending (`\x60` is the backtick). */
const PLAIN = String.raw`[^\\\x60*_[\]<>&\t\r\n\0]`;

/**
 * One line of prose, beginning with a letter, without a tab (the parser counts its columns to the next tab
 * stop) and without a character that means something inline in CommonMark: `simpleInlineParagraph` reads
 * it as one text, less the spaces at its end. Most summaries are such a line (YAML folds them), and the
 * parser's own setup costs more than that.
 */
const PLAIN_LINE = new RegExp(String.raw`^\p{L}${PLAIN}*$`, 'u');
export const isPlainLine = (markdown: string) => PLAIN_LINE.test(markdown);

/** A letter or a digit: what strong or emphasis must begin and end with here. */
const ALNUM = String.raw`[\p{L}\p{N}]`;
/**
 * The inline Markdown summaries use, in its simplest forms only, from `lastIndex`: a run of plain text;
 * `**strong**` or `*emphasis*` around plain text that begins and ends with a letter or a digit, followed
 * by a space, a punctuation mark or the end; code in single backticks neither beginning nor ending with
 * a space; and `[text](https://…)` without a title. Where one of them stands, CommonMark reads nothing else.
 */
const SIMPLE_INLINE = new RegExp(
  [
    String.raw`(?<text>${PLAIN}+)`,
    String.raw`(?<marker>\*\*?)(?<attention>${ALNUM}(?:${PLAIN}*${ALNUM})?)\k<marker>(?=$|[ .,;:!?)])`,
    String.raw`\x60(?<code>[^\x60\s\0](?:[^\x60\t\r\n\0]*[^\x60\s\0])?)\x60`,
    String.raw`\[(?<label>${PLAIN}+)\]\((?<url>https?:\/\/[^\s()<>\\&\x60[\]]+)\)`,
  ].join('|'),
  'uy',
);

/**
 * The tree CommonMark gives one line beginning with a letter and made only of `SIMPLE_INLINE`'s forms,
 * positions included; `undefined` for anything else. Strong and emphasis open only after a space or `(`
 * (where their markers are left-flanking), code does not follow code, and no link follows `!`.
 */
export function simpleInlineParagraph(markdown: string): Root | undefined {
  if (!/^\p{L}/u.test(markdown)) return undefined;
  const children: PhrasingContent[] = [];
  const span = (start: number, end: number) => ({start: point(start), end: point(end)});
  SIMPLE_INLINE.lastIndex = 0;
  for (let at = 0; at < markdown.length; ) {
    const match = SIMPLE_INLINE.exec(markdown);
    if (!match) return undefined;
    const {text: plain, marker, attention, code, label, url} = match.groups!;
    const end = SIMPLE_INLINE.lastIndex;
    const before = markdown[at - 1];
    if (plain !== undefined) {
      children.push({type: 'text', value: plain, position: span(at, end)});
    } else if (attention !== undefined) {
      if (before !== undefined && before !== ' ' && before !== '(') return undefined;
      const inner = {type: 'text' as const, value: attention, position: span(at + marker!.length, end - marker!.length)};
      children.push({type: marker!.length === 2 ? 'strong' : 'emphasis', children: [inner], position: span(at, end)});
    } else if (code !== undefined) {
      if (before === '\x60') return undefined;
      children.push({type: 'inlineCode', value: code, position: span(at, end)});
    } else {
      if (before === '!') return undefined;
      const inner = {type: 'text' as const, value: label!, position: span(at + 1, at + 1 + label!.length)};
      children.push({type: 'link', title: null, url: url!, children: [inner], position: span(at, end)});
    }
    at = end;
  }
  // The paragraph's last text loses its final spaces; one made only of spaces goes.
  const last = children.at(-1);
  if (last?.type === 'text') {
    last.value = last.value.replace(/ +$/, '');
    last.position!.end = point(last.position!.start.offset! + last.value.length);
    if (last.value === '') children.pop();
  }
  const whole = span(0, markdown.length);
  return {type: 'root', children: [{type: 'paragraph', children, position: whole}], position: whole};
}

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

const parseSummary = (markdown: string) => (parsedWithoutGfm(markdown) ?? gfmParser.parse(markdown)).children.flatMap(sanitize);

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
