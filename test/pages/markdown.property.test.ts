/**
 * Property: any string the data can hold, put into a generated page as text, reads back as exactly that
 * text (line endings aside) and never as MDX, HTML, a link or any other syntax; and the direct serialiser
 * writes the builders' shapes as mdast-util-to-markdown would.
 */
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import type {Code, List, ListItem, Nodes, PhrasingContent, RootContent} from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {describe, expect, it} from 'vitest';
import {heading, link, list, paragraph, strong, text, toMdx} from '../../plugin/src/generate/markdown.js';
import {serialize, serializeBlock} from '../../plugin/src/generate/serialize.js';
import {firstSentence, isPlainLine, parsedWithoutGfm, simpleInlineParagraph, summaryTree} from '../../plugin/src/generate/summary.js';
import {toString} from 'mdast-util-to-string';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Pieces that mean something to Markdown, GFM, MDX or HTML, mixed with arbitrary text. */
const HOSTILE = [
  '{process.exit()}', '{', '}', '<script>alert(1)</script>', '<div>', '</div>', '<', '>', 'import x from "y"', 'export const a = 1',
  '\nimport a from "b"\n', '\nexport {a}\n', '`', '```', '$$', '$', '*', '**', '_', '__', '~~', '[', ']', '](javascript:alert(1))',
  '[^1]', '![a](b)', '<https://x.y>', 'https://example.com', 'www.example.com', 'a@b.co', '&amp;', '&#123;', '&', '|', '| a | b |',
  '\\', '\n', '\r\n', '\n\n', '  \n', '\t', '    ', '# ', '> ', '- ', '+ ', '1. ', '1) ', '---', '===', '[ ] ', '<!-- x -->', ':model[a]{#b}',
];
const piece = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({maxLength: 6}), fc.string({unit: 'grapheme', maxLength: 4}));
const hostileString = fc.array(piece, {maxLength: 8}).map((pieces) => pieces.join(''));

/** Text as Markdown reads any text: line endings unified, NUL replaced. */
const normalise = (value: string) => value.replace(/\0/g, '\uFFFD').replace(/\r\n?/g, '\n');

/**
 * GFM links bare URLs and e-mail addresses after parsing, from the unescaped text, so no escaping can prevent
 * it (the library's own escaping cannot either). Such a link shows its text unchanged, and only http(s),
 * www and mailto links arise: read them back as the text they show.
 */
function literalAutolinkText(node: Nodes): string | undefined {
  if (node.type !== 'link' || node.children.length !== 1 || node.children[0]!.type !== 'text') return undefined;
  const label = node.children[0]!.value;
  return label !== '' && [label, `http://${label}`, `mailto:${label}`].includes(node.url) ? label : undefined;
}

/** Positions removed, literal autolinks read as text, adjacent texts merged. */
function normaliseTree(node: Nodes): Nodes {
  delete node.position;
  if (!('children' in node)) return node;
  const children: Nodes[] = [];
  for (const child of node.children.map((c: Nodes) => normaliseTree(c))) {
    const label = literalAutolinkText(child);
    const item: Nodes = label === undefined ? child : {type: 'text', value: label};
    const last = children.at(-1);
    if (item.type === 'text' && last?.type === 'text') children[children.length - 1] = {type: 'text', value: last.value + item.value};
    else children.push(item);
  }
  (node as {children: Nodes[]}).children = children;
  return node;
}

function parse(mdx: string): RootContent[] {
  const body = mdx.startsWith('---\n') ? mdx.slice(mdx.indexOf('---\n\n', 4) + 5) : mdx;
  return (normaliseTree(parser.runSync(parser.parse(body)) as Nodes) as {children: RootContent[]}).children;
}

const textNodes = (value: string) => (value ? [{type: 'text', value}] : []);
const paragraphOf = (...children: unknown[]) => ({type: 'paragraph', children});
const linkTo = (url: string, label: string) => ({type: 'link', url, title: null, children: textNodes(label)});

const CONTEXTS: {name: string; page: (s: string) => RootContent[]; expected: (s: string) => unknown[]}[] = [
  {name: 'paragraph', page: (s) => [paragraph(text(s))], expected: (s) => (normalise(s) ? [paragraphOf(...textNodes(normalise(s)))] : [])},
  {
    name: 'between links',
    page: (s) => [paragraph(link('/a', text('x')), text(s), link('/b', text('y')))],
    expected: (s) => [paragraphOf(linkTo('/a', 'x'), ...textNodes(normalise(s)), linkTo('/b', 'y'))],
  },
  {
    name: 'link label',
    page: (s) => [paragraph(link('/a', text(`x${s}y`)))],
    expected: (s) => [paragraphOf(linkTo('/a', normalise(`x${s}y`)))],
  },
  {
    name: 'list item',
    page: (s) => [list([[text(`x${s}`)]])],
    expected: (s) => [
      {type: 'list', ordered: false, start: null, spread: false, children: [{type: 'listItem', spread: false, checked: null, children: [paragraphOf(...textNodes(normalise(`x${s}`)))]}]},
    ],
  },
  {
    name: 'strong',
    page: (s) => [paragraph(text('a '), strong(text(`x${s}y`)), text(' b'))],
    expected: (s) => [paragraphOf({type: 'text', value: 'a '}, {type: 'strong', children: textNodes(normalise(`x${s}y`))}, {type: 'text', value: ' b'})],
  },
  {
    name: 'heading',
    page: (s) => [heading(2, `x${s.replace(/[\r\n]+/g, ' ')}`)],
    expected: (s) => [{type: 'heading', depth: 2, children: textNodes(`x${s.replace(/[\r\n]+/g, ' ')}`.replace(/\0/g, '\uFFFD'))}],
  },
];

describe('text in generated pages', () => {
  for (const context of CONTEXTS) {
    it(`reads back as exactly the same text: ${context.name}`, () => {
      fc.assert(
        fc.property(hostileString, (s) => {
          expect(parse(toMdx({title: 't'}, context.page(s)))).toEqual(context.expected(s));
        }),
        {numRuns: 400},
      );
    });
  }

  it('keeps front matter values exactly, as Docusaurus reads them', () => {
    fc.assert(
      fc.property(hostileString, hostileString, (title, keyword) => {
        const mdx = toMdx({title, keywords: [keyword, 'x'], custom_edit_url: null}, [paragraph(text('body'))]);
        // gray-matter's rule: the front matter ends at the first line that is exactly `---`.
        const end = mdx.indexOf('\n---\n', 3);
        expect(jsYaml.load(mdx.slice(4, end))).toEqual({title, keywords: [keyword, 'x'], custom_edit_url: null});
        expect(mdx.slice(end + 5)).toBe('\nbody\n');
      }),
      {numRuns: 400},
    );
  });

  it('keeps a link a link whatever its URL holds, line endings percent-encoded', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('\n', '\r', ' ', '<', '>', '(', ')', '{', '\\', '&amp;'), fc.string({maxLength: 3})), {maxLength: 6}), (pieces) => {
        // A leading slash: a link whose URL equals its label would read back as a GFM literal autolink.
        const url = `/${pieces.join('')}`;
        expect(parse(serialize([paragraph(link(url, text('x')))]))).toEqual([
          paragraphOf(linkTo(url.replace(/\r/g, '%0D').replace(/\n/g, '%0A'), 'x')),
        ]);
      }),
      {numRuns: 400},
    );
  });

  it('writes a bold title, as citations have it, before a line break itself (its closing run could also open)', () => {
    fc.assert(
      fc.property(hostileString, hostileString, (title, authors) => {
        const citation = paragraph(strong(link('https://arxiv.org/abs/1810.04805', text(`x${title}`))), {type: 'break'}, text(`y${authors}`));
        expect(serializeBlock(citation)).toBeDefined();
        expect(parse(serialize([citation]))).toEqual([asParsed(citation)]);
      }),
      {numRuns: 400},
    );
  });

  it('keeps every hostile piece literal, one by one', () => {
    for (const s of HOSTILE.filter((piece) => piece.trim())) {
      expect(parse(toMdx({title: 't'}, [paragraph(text(`a${s}b`))]))).toEqual([paragraphOf(...textNodes(normalise(`a${s}b`)))]);
    }
  });

  /** Bodies of the shapes the page builders make, with hostile text and URLs anywhere (texts never empty). */
  const url = fc.oneof(fc.constantFrom('/models/bert', 'https://example.com/a_(b)?c=1&d=<e>', 'https://x.y/{a}', 'a b', '\\', ''), fc.string({maxLength: 8}));
  const leaf: fc.Arbitrary<PhrasingContent> = fc.oneof(
    hostileString.map((s) => text(`x${s}`)),
    fc.tuple(url, hostileString).map(([u, s]) => link(u.replace(/[\r\n]/g, ''), text(s))),
    // Inline code from a parsed summary never holds a line ending (Markdown turns them into spaces).
    hostileString.filter((s) => s !== '').map((s): PhrasingContent => ({type: 'inlineCode', value: s.replace(/[\r\n]/g, ' ')})),
    fc.constantFrom('a', ' ', '.', '（', '*', '_').map((value) => text(value)),
  );
  /** Strong and emphasis as parsed Markdown has them: beginning and ending with something else. */
  const attention = (inner: fc.Arbitrary<PhrasingContent>) =>
    fc.tuple(fc.constantFrom('strong' as const, 'emphasis' as const), leaf, fc.array(inner, {maxLength: 2}), leaf).map(
      ([type, first, middle, last]): PhrasingContent => ({type, children: [first, ...middle, last]}),
    );
  /** Attention holding only leaves: always expressible in Markdown. */
  const flatInline = fc.oneof(leaf, attention(leaf));
  /** Attention nested in attention: not always expressible (`**a**b**c**`); the library then does its best. */
  const nestedInline = fc.letrec<{node: PhrasingContent}>((tie) => ({node: fc.oneof({depthSize: 'small'}, leaf, attention(tie('node')))})).node;

  // Markdown has no two code spans in a row (they would be one).
  const noAdjacentCode = (nodes: PhrasingContent[]): boolean =>
    nodes.every((node, i) => !(node.type === 'inlineCode' && nodes[i + 1]?.type === 'inlineCode') && (!('children' in node) || noAdjacentCode(node.children)));

  function blocks(inline: fc.Arbitrary<PhrasingContent>): fc.Arbitrary<RootContent> {
    const line = fc.array(inline, {minLength: 1, maxLength: 4}).filter(noAdjacentCode);
    const item = fc.tuple(line, fc.option(fc.array(line, {minLength: 1, maxLength: 3}), {nil: undefined})).map(([first, nested]): ListItem => ({
      type: 'listItem',
      spread: false,
      children: [paragraph(...first), ...(nested ? [list(nested)] : [])],
    }));
    return fc.oneof(
      line.map((children) => paragraph(...children)),
      fc.tuple(line, line).map(([a, b]) => paragraph(...a, {type: 'break'}, ...b)),
      // Headings come from messages, on one line.
      fc.tuple(fc.constantFrom(2 as const, 3 as const), hostileString).map(([depth, s]) => heading(depth, `x${s.replace(/[\r\n]+/g, ' ')}`)),
      fc.tuple(fc.array(item, {minLength: 1, maxLength: 3}), fc.boolean()).map(([children, ordered]): List => ({type: 'list', ordered, spread: false, children})),
      fc.tuple(fc.constantFrom('bibtex', 'js'), hostileString).map(([lang, value]): Code => ({type: 'code', lang, value})),
    );
  }

  /** The tree the parser gives back for a builder's node: its defaults filled in, adjacent texts merged. */
  function asParsed(node: RootContent | PhrasingContent | ListItem): unknown {
    const children = 'children' in node ? normaliseTree({type: 'paragraph', children: structuredClone(node.children)} as Nodes) : undefined;
    const parsedChildren = children && 'children' in children ? children.children.filter((child) => child.type !== 'text' || child.value !== '').map((child) => asParsed(child as RootContent)) : [];
    switch (node.type) {
      case 'text':
        return {type: 'text', value: normalise(node.value)};
      case 'link':
        return {type: 'link', url: node.url, title: null, children: parsedChildren};
      case 'list':
        return {type: 'list', ordered: node.ordered, start: node.ordered ? 1 : null, spread: false, children: parsedChildren};
      case 'listItem':
        return {type: 'listItem', spread: false, checked: null, children: parsedChildren};
      case 'inlineCode':
        return {type: 'inlineCode', value: node.value.replace(/\0/g, '\uFFFD')};
      case 'code':
        return {type: 'code', lang: node.lang, meta: null, value: node.value.replace(/\0/g, '\uFFFD')}; // line endings kept as written
      case 'heading':
        return {type: 'heading', depth: node.depth, children: parsedChildren};
      default:
        return 'children' in node ? {type: node.type, children: parsedChildren} : {type: node.type};
    }
  }

  const MDX_OR_HTML = /^(mdx|html)/;
  const types = (nodes: readonly Nodes[]): string[] => nodes.flatMap((node) => [node.type, ...('children' in node ? types(node.children) : [])]);
  /** Visible text without whitespace and without the emphasis markers the library may leave as text. */
  const looseText = (nodes: readonly Nodes[]) => normalise(nodes.map((node) => toString(node)).join('')).replace(/[*_\s]/g, '');

  /**
   * What the serialiser writes itself reads back as exactly the same tree. The rest goes to
   * mdast-util-to-markdown, which may drop a space at the end of a line or leave markers of attention that no
   * Markdown can express (`**a**b**c**`) as text: there, no MDX or HTML appears and the same characters do.
   */
  for (const [name, inline] of [['flat', flatInline], ['nested', nestedInline]] as const) {
    it(`writes the builders' shapes so that they read back as the same tree (${name} attention)`, () => {
      fc.assert(
        fc.property(fc.array(blocks(inline), {minLength: 1, maxLength: 4}), (body) => {
          const parsed = parse(serialize(body));
          if (body.every((node) => serializeBlock(node) !== undefined)) expect(parsed).toEqual(body.map(asParsed));
          expect(types(parsed).filter((type) => MDX_OR_HTML.test(type))).toEqual([]);
          expect(looseText(parsed)).toBe(looseText(body));
        }),
        {numRuns: 500},
      );
    });
  }
});

describe('summaries', () => {
  const markdownParser = unified().use(remarkParse).use(remarkGfm);
  /** The first sentence as found from a parse of its own, before summaries shared one parse. */
  const ownFirstSentence = (markdown: string) => {
    const plain = markdownParser.parse(markdown).children.map((block) => toString(block)).join(' ').replace(/\s+/g, ' ').trim();
    return /^.+?[.!?](?=\s|$)|^.+?[。！？]/u.exec(plain)?.[0] ?? plain;
  };

  it('parses a summary without GFM only where GFM gives the same tree: no GFM construct can start, URLs only outside text', () => {
    // Near misses of every GFM construct, URLs in and out of links, and Markdown around them.
    const near = fc.constantFrom('---', '-', ':', '\\.', '\\:', '\\^', '- [', '[\n', '[ ', '\r', '\r\n', 'w', 'ww', 'www', 'W.', 'h', 'http', 'https', 'HTTP', 'ttp:', ':', '//', '/', '.', 'x', 'X', '^', '[', ']', '[x', ' ]', '-', '- ', '* ', '1. ', '>', '#', '`', '*', '_', '(', ')', '!', '<', '>', '&amp;', '&#104;', '&#64;', '&#119;', '&#126;', '&#124;', '&#94;', '\\', '=', '"', ' ', '  ', '\t', '\n', '\n\n', 'a', 'bc', 'e.g.', '1', '0');
    const url = fc.constantFrom('https://arxiv.org/abs/1810.04805', 'http://a.b', 'HTTPS://X.ORG/(a)', 'https://', 'http:/x', 'https://a.org/x_y.', '<https://a.b/c d>', 'h&#116;tp://x.y');
    const prose = fc.constantFrom('a', 'bc', ' ', '.', '*', '_', '`', '\n', '\n\n', '(', ')', '!', '<b>', '\\', '- ', '# ', 'ht', 'tp');
    const link = fc.tuple(fc.constantFrom('[', '![', '\\[', '[a]: ', '<a href="', '`'), fc.oneof(prose, url), fc.constantFrom('](', '] (', ']: ', '"', ''), url, fc.constantFrom('', ' "http://t.co"', " 'https'", ' (http)'), fc.constantFrom(')', '>', '`', ' ', '')).map((pieces) => pieces.join(''));
    const wellFormed = fc.tuple(fc.constantFrom('[', '!['), fc.array(prose, {maxLength: 3}), url, fc.constantFrom('', ' "a http title"')).map(([open, label, target, title]) => `${open}${label.join('')}](${target}${title})`);
    const markdownOf = fc.oneof(fc.array(fc.oneof(near, url, link, hostileString), {maxLength: 16}), fc.array(fc.oneof(prose, link, wellFormed), {maxLength: 6})).map((pieces) => pieces.join(''));
    let withUrl = 0;
    fc.assert(
      fc.property(markdownOf, (markdown) => {
        const tree = parsedWithoutGfm(markdown);
        if (tree) expect(tree).toEqual(markdownParser.parse(markdown));
        if (tree && /http/i.test(markdown)) withUrl++;
      }),
      {numRuns: 2000},
    );
    // Not vacuous: many a summary with a URL (in a link, code, HTML or a title) was parsed without GFM.
    expect(withUrl).toBeGreaterThan(100);
    for (const markdown of ['~~gone~~', 'a | b\n--|--\n1 | 2', 'see www.example.com', 'https://arxiv.org', 'see [the paper](https://a.org) at https://a.org', '[https://a.org](https://a.org)', '![https://a.org](x)', 'write to a@b.co', 'write to a&#64;b.co', '&#119;ww.example.com', 'h&#116;tp://x.y', 'x[^1]\n\n[^1]: note', '- [ ] to do', '- [\r\n] x', '$  \n---:']) {
      expect(parsedWithoutGfm(markdown), markdown).toBeUndefined();
    }
    for (const markdown of ['see [the paper](https://arxiv.org/abs/1810.04805).', '`https://a.org`', '[a](<https://a.org/b c> "https://t")', '[a]\n\n[a]: https://a.org']) {
      expect(parsedWithoutGfm(markdown), markdown).toEqual(markdownParser.parse(markdown));
    }
  });

  it('reads a line of plain prose as CommonMark does, without the parser: one paragraph, positions included', () => {
    const letter = fc.constantFrom('A', 'z', 'É', 'ß', '模', 'Ω', '𝐀', 'ǅ');
    const rest = fc.constantFrom(' ', '  ', 'a', 'Bc', '1', '2019', '.', ',', ';', ':', "'", '"', '(', ')', '!', '?', '-', '+', '=', '#', '%', '$', '/', '>', '^', '{', '}', '\u00a0', '\u2003', '\v', '\f', '😀', '模型', 'é', '\u2028', '1.', '- ', '* ', '\t', '\n', '&', '_', '<');
    const line = fc.tuple(letter, fc.array(rest, {maxLength: 20})).map(([first, pieces]) => first + pieces.join(''));
    let plain = 0;
    fc.assert(
      fc.property(line, (markdown) => {
        if (!isPlainLine(markdown)) return;
        plain++;
        expect(parsedWithoutGfm(markdown) ?? markdownParser.parse(markdown)).toEqual(markdownParser.parse(markdown));
      }),
      {numRuns: 1000},
    );
    expect(plain).toBeGreaterThan(200);
    expect(isPlainLine('BERT pre-trains a bidirectional Transformer: masked tokens (15 %) are predicted.')).toBe(true);
  });

  it('reads a line of simple inline Markdown as CommonMark does, without the parser: strong, emphasis, code, links', () => {
    const commonMark = unified().use(remarkParse);
    const letter = fc.constantFrom('A', 'z', 'É', '模', '𝐀');
    const word = fc.constantFrom('a', 'Bc', '1', '模型', 'é', '😀', 'x1');
    const attention = fc.tuple(fc.constantFrom('*', '**', '***', '_', '__'), fc.array(fc.oneof(word, fc.constantFrom(' ', '.', '-', '(', ')', '*', '`')), {minLength: 1, maxLength: 4}), fc.constantFrom('*', '**', '***', '_', '')).map(([open, inner, close]) => `${open}${inner.join('')}${close}`);
    const code = fc.tuple(fc.constantFrom('`', '``'), fc.array(fc.oneof(word, fc.constantFrom(' ', '*', '_', '[', '<b>', '&amp;', '\\', '\0', '\t')), {minLength: 1, maxLength: 4}), fc.constantFrom('`', '``', '')).map(([open, inner, close]) => `${open}${inner.join('')}${close}`);
    const url = fc.constantFrom('https://example.org', 'http://a.b/c_d?e=f#g', 'https://a.org/(x)', 'https://a.org/x y', 'https://a.org/&amp;', 'https://a.org/<x>', 'ftp://a.b', '/local', 'https://a.org/`x`', 'https://a.org/*x*');
    const link = fc.tuple(fc.constantFrom('[', '![', '\\['), fc.array(fc.oneof(word, fc.constantFrom(' ', '*', '`', ']', '[')), {minLength: 0, maxLength: 3}), fc.constantFrom('](', '] (', ']'), url, fc.constantFrom(')', ' "t")', '')).map((pieces) => pieces.join(''));
    const between = fc.constantFrom(' ', '  ', '', '.', ',', '(', ')', '!', ':', '?', '-', '\u00a0', '\n', '\t', '"');
    const line = fc.tuple(letter, fc.array(fc.oneof(word, between, attention, code, link), {maxLength: 10})).map(([first, pieces]) => first + pieces.join(''));
    let simple = 0;
    fc.assert(
      fc.property(line, (markdown) => {
        const tree = simpleInlineParagraph(markdown);
        if (!tree) return;
        simple++;
        expect(tree, markdown).toEqual(commonMark.parse(markdown));
      }),
      {numRuns: Number(process.env.SIMPLE_INLINE_RUNS ?? 2000)},
    );
    expect(simple).toBeGreaterThan(200);
    if (process.env.SIMPLE_INLINE_RUNS) console.log(`${simple} lines read without the parser`);
    const summary = 'A synthetic model used to measure how the atlas scales. It has **bold** text, a [link](https://example.org) and `code`.';
    expect(simpleInlineParagraph(summary)).toEqual(commonMark.parse(summary));
    for (const markdown of ['A a**b**', 'A **b**c', 'A ** b**', 'A `a``b`', 'A ![b](https://a.org)', 'A [b](https://a.org "t")', 'A *b\nc*', 'A \\*b*']) {
      expect(simpleInlineParagraph(markdown), markdown).toBeUndefined();
    }
  });

  it('finds the same first sentence from the parse the page body uses, and gives the body a tree of its own', () => {
    fc.assert(
      fc.property(hostileString, hostileString, (first, second) => {
        const markdown = `${first}. ${second}`;
        const expected = ownFirstSentence(markdown);
        expect(firstSentence(markdown)).toBe(expected);
        const body = summaryTree(markdown);
        // The body is the page's to change (the auto-linker does): the next page gets a fresh tree.
        const copy = structuredClone(body);
        body.splice(0, body.length);
        expect(summaryTree(markdown)).toEqual(copy);
        expect(firstSentence(markdown)).toBe(expected);
      }),
      {numRuns: 300},
    );
  });
});
