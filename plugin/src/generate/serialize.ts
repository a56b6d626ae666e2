/**
 * Serialises mdast to MDX. The blocks the page builders make (paragraphs of text, links, inline code, strong
 * and emphasis; headings, lists, code, imports and component elements) are written here directly; any block
 * holding something else (parts of the summaries, parsed from the data's Markdown) goes to
 * mdast-util-to-markdown with the MDX and GFM extensions. Both escape text the same way (`escapeText`).
 * `test/pages/markdown.property.test.ts` checks that what is written directly reads back as the same tree,
 * and that nothing either writes reads back as MDX or HTML.
 */
import type {Code, List, PhrasingContent, Root, RootContent} from 'mdast';
import type {MdxJsxFlowElement} from 'mdast-util-mdx-jsx';
import {gfmToMarkdown} from 'mdast-util-gfm';
import {mdxToMarkdown} from 'mdast-util-mdx';
import {toMarkdown, type Options as ToMarkdownOptions} from 'mdast-util-to-markdown';

const encode = (character: string) => `&#x${character.charCodeAt(0).toString(16)};`;

const encodeAll = (characters: string) => [...characters].map(encode).join('');

/**
 * Text, escaped without parsing its neighbours, so that it reads back exactly: every ASCII punctuation
 * character gets a backslash (a valid escape anywhere in CommonMark, GFM and MDX, so no `{`, `<`, `*`, `[`,
 * `|` or `&` keeps a meaning); whitespace that Markdown would drop or read as a hard break (at the edges of
 * a line), and a second line ending in a row (a blank line), become character references; so does the first
 * letter of a line that would start with `import` or `export` (MDX reads such a line as ESM).
 * `atLineStart` and `atLineEnd` say whether the text begins or ends a line; `inline` keeps it on one line.
 */
export function escapeText(value: string, atLineStart: boolean, atLineEnd: boolean, inline = false): string {
  let escaped = value.replace(/[!-/:-@[-`{-~]/g, '\\$&');
  // Most text is one line: the passes over line endings only when it has some.
  if (/[\r\n]/.test(escaped)) {
    escaped = escaped.replace(/\r\n?/g, '\n');
    if (inline) escaped = escaped.replace(/\n/g, ' ');
    escaped = escaped.replace(/[ \t]+(?=\n)|(?<=\n)[ \t]+/g, encodeAll).replace(/(?<=\n)\n/g, encodeAll);
  }
  escaped = escaped.replace(/(^|\n)([ei])(?=(?:mport|xport)\b)/g, (_, start: string, letter: string) => start + encode(letter));
  if (atLineStart) escaped = escaped.replace(/^[ \t\n]+/, encodeAll);
  if (atLineEnd) escaped = escaped.replace(/[ \t\n]+$/, encodeAll);
  return escaped;
}

const LIBRARY_OPTIONS: ToMarkdownOptions = {
  extensions: [mdxToMarkdown(), gfmToMarkdown()],
  bullet: '-',
  emphasis: '_',
  fences: true,
  handlers: {
    text(node, parent, state, info) {
      // The library's attention pass does not always pass the true neighbours: judge line edges by the tree too.
      const siblings = parent?.type === 'paragraph' || parent?.type === 'heading' ? parent.children : undefined;
      const index = state.indexStack.at(-1)!;
      const first = siblings !== undefined && (index === 0 || siblings[index - 1]!.type === 'break');
      const last = siblings !== undefined && (index === siblings.length - 1 || siblings[index + 1]!.type === 'break');
      return escapeText(node.value, first || info.before === '' || /[\r\n]$/.test(info.before), last || info.after === '' || /^[\r\n]/.test(info.after));
    },
  },
};

/** Any mdast as MDX, by mdast-util-to-markdown with the MDX and GFM extensions and the same text escaping. */
const serializeWithLibrary = (body: readonly RootContent[]) => toMarkdown({type: 'root', children: [...body]} as Root, LIBRARY_OPTIONS);

/**
 * A link destination: within `<…>` when it holds whitespace or controls, otherwise bare; a backslash before
 * anything that could end it or be read as a reference, an expression or a tag.
 */
function destination(url: string): string {
  // A line ending cannot stand even within `<…>`: percent-encode it (URLs from data never hold one).
  if (/[\x00-\x20\x7f]/.test(url)) return `<${url.replace(/[\\<>&]/g, '\\$&').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}>`;
  return url.replace(/[\\()<>&{}]/g, '\\$&');
}

const isWhitespace = (character: string) => character === '' || /\s/u.test(character);
const isPunctuation = (character: string) => /[\p{P}\p{S}]/u.test(character);

/** CommonMark's flanking rules for a `*` run between two characters ('' is a line edge). */
const canOpen = (before: string, after: string) => !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
const canClose = (before: string, after: string) => !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));

const ATTENTION = new Set(['strong', 'emphasis']);

/** Inline code: a fence longer than any backtick run inside, padded where Markdown would strip or merge. */
function codeSpan(value: string): string | undefined {
  if (value === '' || /[\r\n]/.test(value)) return undefined;
  const fence = '`'.repeat(Math.max(0, ...[...value.matchAll(/`+/g)].map((run) => run[0].length)) + 1);
  const pad = /^`|`$/.test(value) || (/^ [^]* $/.test(value) && /[^ ]/.test(value)) ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/**
 * Phrasing on one logical line: text, links, line breaks, inline code, and strong and emphasis (as `**` and
 * `*`) where CommonMark's flanking rules make their first run only an opener and their last only a closer;
 * undefined for anything else, which the library then writes.
 */
function phrasing(children: readonly PhrasingContent[], inline: boolean): string | undefined {
  // Adjacent texts are one text to Markdown: escape them together, so their edges are judged right.
  const nodes: PhrasingContent[] = [];
  for (const node of children) {
    const last = nodes.at(-1);
    if (node.type === 'text' && last?.type === 'text') nodes[nodes.length - 1] = {type: 'text', value: last.value + node.value};
    else nodes.push(node);
  }
  let out = '';
  const delimiters: {start: number; end: number; marker: string}[] = [];
  for (const [index, node] of nodes.entries()) {
    const next = nodes[index + 1];
    let value: string | undefined;
    if (node.type === 'text') {
      value = escapeText(node.value, out === '' || out.endsWith('\n'), next === undefined || next.type === 'break', inline);
    } else if (node.type === 'link' && !node.title && node.children.every((child) => child.type !== 'link')) {
      const label = phrasing(node.children, inline);
      value = label === undefined ? undefined : `[${label}](${destination(node.url)})`;
    } else if (node.type === 'break' && !inline && next !== undefined && out !== '') {
      value = '\\\n';
    } else if (node.type === 'inlineCode' && !out.endsWith('`')) {
      value = codeSpan(node.value);
    } else if ((node.type === 'strong' || node.type === 'emphasis') && node.children.length > 0) {
      const edges = [node.children[0]!, node.children.at(-1)!];
      const inner = edges.some((edge) => ATTENTION.has(edge.type)) ? undefined : phrasing(node.children, inline);
      const marker = node.type === 'strong' ? '**' : '*';
      if (inner) delimiters.push({start: out.length, end: out.length + inner.length + 2 * marker.length, marker});
      value = inner ? marker + inner + marker : undefined;
    }
    if (value === undefined) return undefined;
    out += value;
  }
  const at = (index: number) => (out[index] === '\n' ? '' : (out[index] ?? ''));
  const delimited = delimiters.every(({start, end, marker}) => {
    const [before, after] = [at(start - 1), at(end)];
    const [first, last] = [at(start + marker.length), at(end - marker.length - 1)];
    // An opening run must not be able to close: it would pair with an opener before it. A closing run that
    // could also open still closes here: the runs between the two are matched pairs already and the escaped
    // text has none, so the nearest opener it looks back to is its own (with `**`, a bold link before a line
    // break: `**[title](url)**\`).
    return before !== '*' && after !== '*' && canOpen(before, first) && !canClose(before, first) && canClose(last, after);
  });
  return delimited ? out : undefined;
}

const indent = (value: string, width: number) => value.replace(/\n(?!\n|$)/g, `\n${' '.repeat(width)}`);

function list(node: List): string | undefined {
  if (node.spread || node.children.length === 0) return undefined;
  const items = node.children.map((item, index) => {
    const [first, nested, ...rest] = item.children;
    if (item.spread || item.checked != null || first?.type !== 'paragraph' || rest.length > 0 || (nested && nested.type !== 'list')) return undefined;
    const content = [serializeBlock(first), ...(nested ? [list(nested)] : [])];
    if (content.includes(undefined)) return undefined;
    const marker = node.ordered ? `${(node.start ?? 1) + index}. ` : '- ';
    return marker + indent(content.join('\n'), marker.length);
  });
  return items.includes(undefined) ? undefined : items.join('\n');
}

function code(node: Code): string | undefined {
  if (node.meta || /[`\s]/.test(node.lang ?? '')) return undefined;
  const longest = Math.max(2, ...[...node.value.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${node.lang ?? ''}\n${node.value}\n${fence}`;
}

/** Only the shape `component()` makes: `<Name {...expression} />`. */
function element(node: MdxJsxFlowElement): string | undefined {
  const simple = node.name && /^[A-Z]\w*$/.test(node.name) && node.children.length === 0 && node.attributes.every((a) => a.type === 'mdxJsxExpressionAttribute');
  return simple ? `<${node.name} ${node.attributes.map((a) => `{${a.value}}`).join(' ')} />` : undefined;
}

/** One block written directly, or undefined when the library must write it. */
export function serializeBlock(node: RootContent): string | undefined {
  switch (node.type) {
    case 'paragraph': {
      const value = phrasing(node.children, false);
      return value || undefined;
    }
    case 'heading': {
      const value = phrasing(node.children, true);
      return value ? `${'#'.repeat(node.depth)} ${value}` : undefined;
    }
    case 'list':
      return list(node);
    case 'code':
      return code(node);
    case 'mdxjsEsm':
      return node.value;
    case 'mdxJsxFlowElement':
      return element(node);
    default:
      return undefined;
  }
}

/** The body of a page as MDX. Two lists in a row need the library's alternating bullets. */
export function serialize(body: readonly RootContent[]): string {
  const blocks = body.map((node, index) => (node.type === 'list' && body[index - 1]?.type === 'list' ? undefined : serializeBlock(node)));
  if (blocks.some((value, index) => value === undefined && body[index]!.type === 'list')) {
    return serializeWithLibrary(body);
  }
  return `${blocks.map((value, index) => value ?? serializeWithLibrary([body[index]!]).trimEnd()).join('\n\n')}\n`;
}
