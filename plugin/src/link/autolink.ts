/**
 * The tree algorithm of auto-linking (pure mdast; the remark attacher only wires it to unified).
 *
 * The tree is walked once, with an explicit stack (no recursion per tree level: 5,000 nested emphasis
 * nodes are fine). Each block of phrasing content (paragraph, table cell, heading) is flattened into the
 * text a reader sees, across emphasis, links and inline code, and scanned once by the matcher, so the
 * rules read what is read (`**Ro**BERTa` mentions no BERT, `*T5*-style` mentions T5). Only mentions lying
 * wholly inside one text node outside any link, code, HTML or MDX are linked (a variant that crosses a
 * node falls back to the name alone); each becomes a plain mdast `link`. Everything is linear in the text
 * and the matches: positions come from a line index per text node, never from re-reading the text.
 */
import type {Link, Nodes, Parent, Root, RootContent, Text} from 'mdast';
import type {Point, Position} from 'unist';
import type {TextDirective} from 'mdast-util-directive';
import {toString} from 'mdast-util-to-string';
import type {VFile} from 'vfile';
import {closest} from '../data/suggest.js';
import {DIRECTIVE_NAME, LINK_RULES, SOURCE} from './constants.js';
import type {MatchKind} from './matcher.js';
import type {RuleId} from './rules.js';
import {findModelOfUrl, toModelUrl, type Settings} from './options.js';

/** One mention of a model name in prose, where auto-linking looks. */
export interface Mention {
  readonly kind: MatchKind;
  /** The text as written. */
  readonly text: string;
  /** The model it names (`kind: 'model'`), or every candidate. */
  readonly models: readonly string[];
  /** The names as the data writes them. */
  readonly names: readonly string[];
  /**
   * `linked`: a link was added (or a `:model` directive resolved); `existing`: it already was a link to the
   * model page; `text`: left as text (a repeat under `once`, ambiguous, or a near-miss).
   */
  readonly outcome: 'linked' | 'existing' | 'text';
  readonly place: Position | Point | undefined;
  /** The rule that read a found name (absent for existing links and directives). */
  readonly rule?: RuleId;
}

/** Blocks whose content is never linked, and never looked into. */
const SKIPPED = new Set(['code', 'html', 'yaml', 'toml', 'definition', 'mdxjsEsm', 'mdxFlowExpression', 'leafDirective']);
/** JSX elements (flow or text) that are links, code or headings themselves: nothing is linked inside them. */
const LINK_LIKE_ELEMENTS = new Set(['a', 'Link', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'Head', 'script', 'style']);
/** Blocks of phrasing content. */
const PHRASING_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** Inline nodes whose content reads as prose and may be linked. */
const PROSE_INLINES = new Set(['emphasis', 'strong', 'delete']);
/** Stands for a node that shows no text here (an image, HTML, an expression): it blocks no boundary. */
const OPAQUE = '\uFFFC';

/** A text node's place in the flattened text of its block. */
interface Piece {
  readonly start: number;
  readonly node: Text;
  readonly parent: Parent;
  readonly linkable: boolean;
}

/** A link that already names a model, or a resolved directive, at a place in the flattened text. */
interface Marker {
  readonly at: number;
  readonly mention: Mention;
  readonly model: string;
}

/** The flattened text of one block of phrasing content. */
interface Flattened {
  text: string;
  readonly pieces: Piece[];
  readonly markers: Marker[];
}

interface Walk {
  readonly settings: Settings;
  readonly file: VFile;
  readonly currentModel: string | undefined;
  /** Whether names found in prose are linked (otherwise only directives and existing links count). */
  readonly auto: boolean;
  /** Models linked in the current scope (section, page or paragraph). */
  readonly linked: Set<string>;
  /** New children of a parent, by the child they replace. */
  readonly replacements: Map<Parent, Map<RootContent, RootContent[]>>;
  readonly mentions: Mention[];
  /** Where each line of a text node starts in its value, built once per node on demand. */
  readonly lineStarts: Map<Text, number[] | null>;
}

const elementName = (node: Nodes) => ('name' in node && typeof node.name === 'string' ? node.name : '');

function replace(walk: Walk, parent: Parent, child: RootContent, by: RootContent[]) {
  let children = walk.replacements.get(parent);
  if (!children) walk.replacements.set(parent, (children = new Map()));
  children.set(child, by);
}

/** Offsets where each line of `value` starts. */
function indexLines(value: string): number[] {
  const starts = [0];
  for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** The source position of `value.slice(from, to)` in a text node, when the source reads exactly as the value. */
function placeWithin(walk: Walk, node: Text, from: number, to: number, source: string | undefined): Position | undefined {
  const start = node.position?.start;
  const end = node.position?.end;
  let lineStarts = walk.lineStarts.get(node);
  if (lineStarts === undefined) {
    const exact = start && end && start.offset !== undefined && source?.slice(start.offset, end.offset) === node.value;
    lineStarts = exact ? indexLines(node.value) : null;
    walk.lineStarts.set(node, lineStarts);
  }
  if (!lineStarts || !start) return undefined;
  const starts = lineStarts;
  const pointAt = (index: number): Point => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    const column = low === 0 ? start.column + index : index - starts[low]! + 1;
    return {line: start.line + low, column, offset: start.offset! + index};
  };
  return {start: pointAt(from), end: pointAt(to)};
}

/** Turns `:model[Label]{#id}` (or `:model{#id}`, or `:model[Name]`) into a link; fails with the place on an unknown id. */
function resolveDirective(walk: Walk, node: TextDirective, parent: Parent, flat: Flattened, inLink: boolean) {
  const {matcher} = walk.settings;
  const label = toString(node);
  const id = node.attributes?.id ?? undefined;
  const fail = (reason: string): never =>
    walk.file.fail(reason, {place: node.position, source: SOURCE, ruleId: LINK_RULES.unknownModel});
  let model: string;
  const renamed = id && !matcher.dataset.model(id) ? matcher.dataset.formerModel(id) : undefined;
  if (renamed) {
    walk.file.message(`"${id}" is a former id of "${renamed.id}" (${renamed.name}): write :${DIRECTIVE_NAME}{#${renamed.id}}.`, {
      place: node.position,
      source: SOURCE,
      ruleId: LINK_RULES.renamedModel,
    });
    model = renamed.id;
  } else if (id) {
    if (!matcher.dataset.model(id)) {
      const guess = closest(id, matcher.dataset.models.map((m) => m.id));
      fail(`Unknown model id "${id}" in :${DIRECTIVE_NAME}${guess ? `; did you mean "${guess}"?` : '.'} Use the id of a file in models/.`);
    }
    model = id;
  } else {
    const named = label ? matcher.resolveName(label) : undefined;
    if (!named || named.models.length !== 1) {
      const reason = named ? `"${label}" names several models (${named.models.join(', ')})` : `No model is named "${label}"`;
      fail(`${reason}: give the id, as in :${DIRECTIVE_NAME}[${label || 'Label'}]{#id}.`);
    }
    model = named!.models[0]!;
  }
  const children = node.children.length > 0 ? node.children : [{type: 'text' as const, value: matcher.dataset.model(model)!.name}];
  const ownPage = model === walk.currentModel;
  const by: RootContent[] =
    inLink || ownPage ? children : [{type: 'link', url: toModelUrl(walk.settings, model), title: null, children, ...(node.position && {position: node.position})}];
  replace(walk, parent, node, by);
  if (!ownPage) {
    const outcome = inLink ? 'text' : 'linked';
    flat.markers.push({at: flat.text.length, model, mention: {kind: 'model', text: label, models: [model], names: [], outcome, place: node.position}});
  }
}

/** A node waiting to be flattened, with what its ancestors allow. */
interface Pending {
  readonly node: RootContent;
  readonly parent: Parent;
  readonly linkable: boolean;
  readonly inLink: boolean;
}

/** Pushes the children of `parent` on the stack, so that they are popped in document order. */
function pushChildren(stack: Pending[], parent: Parent, linkable: boolean, inLink: boolean) {
  const children = parent.children as RootContent[];
  for (let index = children.length - 1; index >= 0; index--) stack.push({node: children[index]!, parent, linkable, inLink});
}

/** Appends the visible text of the children of `block` to the flattened block, in document order. */
function flatten(walk: Walk, block: Parent, flat: Flattened, linkable: boolean) {
  const stack: Pending[] = [];
  pushChildren(stack, block, linkable, false);
  while (stack.length > 0) {
    const {node, parent, linkable: allowed, inLink} = stack.pop()!;
    switch (node.type) {
      case 'text':
        flat.pieces.push({start: flat.text.length, node, parent, linkable: allowed});
        flat.text += node.value;
        continue;
      case 'inlineCode':
        flat.text += node.value;
        continue;
      case 'break':
        flat.text += '\n';
        continue;
      case 'link': {
        const model = findModelOfUrl(walk.settings, node.url);
        if (model && model !== walk.currentModel) {
          const mention: Mention = {kind: 'model', text: toString(node), models: [model], names: [], outcome: 'existing', place: node.position};
          flat.markers.push({at: flat.text.length, model, mention});
        }
        pushChildren(stack, node, false, true);
        continue;
      }
      case 'textDirective':
        if (node.name !== DIRECTIVE_NAME) break;
        resolveDirective(walk, node, parent, flat, inLink);
        flat.text += OPAQUE;
        continue;
    }
    if (!('children' in node)) {
      flat.text += 'value' in node && node.type !== 'html' && !node.type.startsWith('mdx') ? node.value : OPAQUE;
      continue;
    }
    const prose = PROSE_INLINES.has(node.type);
    const linkLike = node.type === 'linkReference' || LINK_LIKE_ELEMENTS.has(elementName(node));
    pushChildren(stack, node, allowed && prose, inLink || linkLike);
  }
}

/** Scans one block of phrasing content, links what the settings allow and records every mention. */
function linkBlock(walk: Walk, block: Parent, linkable: boolean) {
  const flat: Flattened = {text: '', pieces: [], markers: []};
  flatten(walk, block, flat, linkable);
  const {matcher} = walk.settings;
  // Only a name lying within a linkable text is linked or counted: a block whose linkable texts hold none
  // (a list item of links and dates) is not read through the rules at all.
  const scanned = walk.auto && flat.pieces.some((piece) => piece.linkable && matcher.mayMatch(piece.node.value));
  const matches = scanned ? matcher.scan(flat.text) : [];
  const source = typeof walk.file.value === 'string' ? walk.file.value : undefined;
  const links = new Map<Text, {from: number; to: number; url: string; place: Position | undefined}[]>();
  let piece = 0;
  let marker = 0;
  const takeMarkersBefore = (at: number) => {
    for (; marker < flat.markers.length && flat.markers[marker]!.at <= at; marker++) {
      const {model, mention} = flat.markers[marker]!;
      walk.linked.add(model);
      walk.mentions.push(mention);
    }
  };
  /** The piece holding `from`…`to` wholly, looking from piece `at` on. */
  const hostOf = (at: number, from: number, to: number) => {
    while (at + 1 < flat.pieces.length && flat.pieces[at + 1]!.start <= from) at++;
    const host = flat.pieces[at];
    return host && host.start <= from && to <= host.start + host.node.value.length ? host : undefined;
  };
  for (const match of matches) {
    takeMarkersBefore(match.start);
    while (piece + 1 < flat.pieces.length && flat.pieces[piece + 1]!.start <= match.start) piece++;
    // A variant that crosses formatting (`*BERT*-base`) falls back to the name alone.
    let span = {start: match.start, end: match.end};
    let host = hostOf(piece, span.start, span.end);
    if (!host && (match.nameStart !== match.start || match.nameEnd !== match.end)) {
      span = {start: match.nameStart, end: match.nameEnd};
      host = hostOf(piece, span.start, span.end);
    }
    if (!host?.linkable) continue;
    const [model] = match.models;
    if (match.kind === 'model' && model === walk.currentModel) continue;
    const from = span.start - host.start;
    const to = span.end - host.start;
    const place = placeWithin(walk, host.node, from, to, source);
    const link = match.kind === 'model' && (walk.settings.once === false || !walk.linked.has(model!));
    const text = flat.text.slice(span.start, span.end);
    walk.mentions.push({kind: match.kind, text, models: match.models, names: match.names, outcome: link ? 'linked' : 'text', place: place ?? host.node.position, rule: match.rule});
    if (!link) continue;
    walk.linked.add(model!);
    const list = links.get(host.node) ?? [];
    list.push({from, to, url: toModelUrl(walk.settings, model!), place});
    links.set(host.node, list);
  }
  takeMarkersBefore(Infinity);
  for (const {node, parent} of flat.pieces) {
    const list = links.get(node);
    if (list) replace(walk, parent, node, splitText(walk, node, list, source));
  }
}

/** The text node cut around its new links. */
function splitText(walk: Walk, node: Text, links: readonly {from: number; to: number; url: string; place: Position | undefined}[], source: string | undefined): RootContent[] {
  const result: RootContent[] = [];
  const text = (from: number, to: number): Text => {
    const position = placeWithin(walk, node, from, to, source);
    return {type: 'text', value: node.value.slice(from, to), ...(position && {position})};
  };
  let at = 0;
  for (const {from, to, url, place} of links) {
    if (from > at) result.push(text(at, from));
    const link: Link = {type: 'link', url, title: null, children: [text(from, to)], ...(place && {position: place})};
    result.push(link);
    at = to;
  }
  if (at < node.value.length) result.push(text(at, node.value.length));
  return result;
}

/**
 * Links the model mentions of a tree in place and returns every mention found where linking is allowed
 * (in document order). Throws a vfile message with the place for a `:model` directive naming no model.
 * With `auto` false, names in prose are not looked for: only `:model` directives link.
 */
export function linkModels(tree: Root, settings: Settings, file: VFile, currentModel: string | undefined = settings.currentModel, auto = true): Mention[] {
  const walk: Walk = {settings, file, currentModel, auto, linked: new Set(), replacements: new Map(), mentions: [], lineStarts: new Map()};
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (SKIPPED.has(node.type) || LINK_LIKE_ELEMENTS.has(elementName(node))) continue;
    if (!PHRASING_BLOCKS.has(node.type)) {
      if ('children' in node) for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
      continue;
    }
    const heading = node.type === 'heading';
    if (settings.once === 'paragraph' || (heading && settings.once === 'section')) walk.linked.clear();
    // The label paragraph of a container directive (`:::note[Title]`) is a title, like a heading.
    const title = heading || (node.data as {directiveLabel?: boolean} | undefined)?.directiveLabel === true;
    linkBlock(walk, node as Parent, !title || (heading && settings.headings));
  }
  for (const [parent, children] of walk.replacements) {
    parent.children = (parent.children as RootContent[]).flatMap((child) => children.get(child) ?? [child]) as Parent['children'];
  }
  return walk.mentions;
}
