/**
 * The plain-YAML shortcut against js-yaml: whatever it reads, js-yaml reads
 * the same, key order included; whatever js-yaml refuses, it refuses.
 */
import fs from 'node:fs';
import path from 'node:path';
import {isDeepStrictEqual} from 'node:util';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import {describe, expect, it} from 'vitest';
import {parsePlainYaml} from '../../plugin/src/data/plainYaml.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** What js-yaml's core schema reads, as the loader calls it; `undefined` when it refuses the text or finds several documents. */
function jsYamlValue(text: string): {value: unknown} | undefined {
  try {
    const documents: unknown[] = [];
    jsYaml.loadAll(text, (document) => documents.push(document), {schema: jsYaml.CORE_SCHEMA});
    return documents.length === 1 ? {value: documents[0]} : undefined;
  } catch {
    return undefined;
  }
}

const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b) && JSON.stringify(a) === JSON.stringify(b);

/** Scalars as data files write them. */
const ORDINARY_SCALARS = ['BERT', 'NAACL 2019', 'Synthetic Model 5', '2018-10', '110M', '3.1', '2018', "'1810.04805'", "'BERT: Pre-training'", 'https://arxiv.org/abs/1810.04805', 'a#b', 'a:b', 'say "hi"', "it's", '领域', 'Tübingen', '[a, b]', '{a: b, c: d}', '[]'];
/** Scalars as they may be written: numbers in every notation, keywords, indicators, quotes, comments, colons, spaces. */
const TRICKY_SCALARS = [
  'BERT', 'NAACL 2019', 'Synthetic Model 5', 'a: b', 'a:b', 'a :b', 'a:', 'a #b', 'a#b', '#x', '- x', '-x', '-', '--', '---', '...', '.', '-5', '+1', '+', '1e3', '1E-2', '1e', 'e1', '0x1F', '0o17', '0b101', '0x', '007', '08', '1_000', '_1',
  '.inf', '-.Inf', '+.INF', '.NaN', '.nan', '.5', '1.', '3.1', '2018-10', '2018-10-11', '110M', '1.5B', '12:30', '~', '~a', 'null', 'NULL', 'Null', 'nULL', 'true', 'TRUE', 'True', 'tRUE', 'false', 'FALSE', 'yes', 'no', 'on', 'off', 'y',
  "it's", "'quoted'", "'it''s'", "'a' b", "'unclosed", '"double"', '"with \\" escape"', '"a\\nb"', '"#"', "'#'", "'a: b'", 'say "hi"', 'a\\b', '[x]', '[x, y]', '[x, ]', '[, x]', '[x', '{x}', '{a: b}', '{a: }', '{a:b}', '{a: [b, c]}', '{a: {b: c}}', '[a: b]', '[[a]]', '[]', '{}',
  'a, b', 'a]', 'x}', '&a', '&a x', '*a', '!tag', '!!str 5', '%x', '@x', '`x`', '|x', '>x', '|', '>', '>-', '|-', '?x', '? x', ':x', ': x', 'https://example.org/a?b=c#d', 'a  b', 'a ', 'a  ', '领域', 'Tübingen', '\u00A0x', 'x\u00A0', '\u3000', 'a\tb', '\t', '\uFEFF', '',
];
const ORDINARY_KEYS = ['id', 'name', 'a', 'b-c', 'x_y', 'zh-Hans', 'k', 'summary', 'paper', 'url', 'supports', 'c1'];
const TRICKY_KEYS = ['k', 'null', 'True', 'FALSE', '01-ai', '1', 'a b', 'a.b', '__proto__', 'constructor', "'q'", '"d"', '? k', '-k', 'k ', 'ä'];
const ORDINARY_WORDS = ['alpha', 'beta gamma', 'δ', '', 'a: b', '- x', '# not a comment', "'q'", '{'];
const TRICKY_WORDS = ['#', 'a: b', '- x', '', ' ', '  indented', 'trailing ', "'q'", '{', '[', 'ü'];
const ORDINARY_HEADERS = ['>-', '>', '|-', '|'];
const TRICKY_HEADERS = ['>+', '|+', '>2', '|1-', '>- # c', '> ', '>-x'];
/** Things that may appear between entries. */
const ORDINARY_FILLERS = ['', '# comment', '  # indented comment'];
const TRICKY_FILLERS = [' ', '   ', '\t', '---', '...', '%YAML 1.2', 'x', '  - y'];

type Node = {kind: 'scalar'; text: string} | {kind: 'block'; header: string; lines: string[]} | {kind: 'map'; entries: [string, Node][]} | {kind: 'seq'; items: Node[]};

/** Mostly ordinary, sometimes tricky: a document is read only if every part of it is. */
const mostly = <T,>(ordinary: readonly T[], tricky: readonly T[]) => fc.oneof({arbitrary: fc.constantFrom(...ordinary), weight: 12}, {arbitrary: fc.constantFrom(...tricky), weight: 1});
const KEY = mostly(ORDINARY_KEYS, TRICKY_KEYS);

const scalar = mostly(ORDINARY_SCALARS, TRICKY_SCALARS).map((text): Node => ({kind: 'scalar', text}));
const block = fc.record({header: mostly(ORDINARY_HEADERS, TRICKY_HEADERS), lines: fc.array(mostly(ORDINARY_WORDS, TRICKY_WORDS), {maxLength: 5})}).map(({header, lines}): Node => ({kind: 'block', header, lines}));
const {node} = fc.letrec<{node: Node; map: Node; seq: Node}>((tie) => ({
  node: fc.oneof({depthSize: 'small', withCrossShrink: true}, scalar, scalar, block, tie('map'), tie('seq')),
  map: fc.array(fc.tuple(KEY, tie('node')), {minLength: 1, maxLength: 4}).map((entries): Node => ({kind: 'map', entries})),
  seq: fc.array(tie('node'), {minLength: 1, maxLength: 3}).map((items): Node => ({kind: 'seq', items})),
}));

interface Style {
  readonly step: number;
  readonly filler: string;
  readonly fillEvery: number;
}

/** Lines of `node` as the value of something at `indent`; `inline` is what follows the key or dash on its line. */
function render(node: Node, indent: number, style: Style): {inline: string; below: string[]} {
  const pad = ' '.repeat(indent + style.step);
  switch (node.kind) {
    case 'scalar':
      return {inline: node.text, below: []};
    case 'block':
      return {inline: node.header, below: node.lines.map((line) => (line === '' ? '' : pad + line))};
    case 'map':
      return {inline: '', below: mapLines(node, indent + style.step, style)};
    case 'seq':
      return {inline: '', below: node.items.flatMap((item, index) => withFiller(itemLines(item, indent + style.step, style), index, style))};
  }
}

function withFiller(lines: string[], index: number, style: Style): string[] {
  return index % style.fillEvery === style.fillEvery - 1 ? [style.filler, ...lines] : lines;
}

function mapLines(node: Extract<Node, {kind: 'map'}>, indent: number, style: Style): string[] {
  return node.entries.flatMap(([key, value], index) => {
    const {inline, below} = render(value, indent, style);
    return withFiller([`${' '.repeat(indent)}${key}:${inline === '' ? '' : ` ${inline}`}`, ...below], index, style);
  });
}

/** A sequence item; a mapping item starts on the dash's line, as data files write them. */
function itemLines(item: Node, indent: number, style: Style): string[] {
  const dash = `${' '.repeat(indent)}- `;
  if (item.kind === 'map') {
    const [first, ...rest] = mapLines(item, indent + 2, style);
    return [dash + first!.trimStart(), ...rest];
  }
  const {inline, below} = render(item, indent, style);
  return [dash + inline, ...below];
}

const documentText = fc
  .record({
    root: fc.array(fc.tuple(KEY, node), {minLength: 1, maxLength: 5}),
    style: fc.record({step: fc.integer({min: 1, max: 4}), filler: mostly(ORDINARY_FILLERS, TRICKY_FILLERS), fillEvery: fc.integer({min: 1, max: 6})}),
    finalNewline: fc.boolean(),
  })
  .map(({root, style, finalNewline}) => mapLines({kind: 'map', entries: root}, 0, style).join('\n') + (finalNewline ? '\n' : ''));

describe('parsePlainYaml', () => {
  it('should read every generated document as js-yaml does, or leave it to js-yaml', () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(documentText, (text) => {
        runs++;
        const plain = parsePlainYaml(text);
        if (plain === undefined) return;
        read++;
        const reference = jsYamlValue(text);
        expect(reference, text).toBeDefined();
        expect(same(plain.value, reference!.value), text).toBe(true);
      }),
      {numRuns: Number(process.env.PLAIN_YAML_RUNS ?? 3000)},
    );
    // The generator must reach the shortcut often, or the property says little.
    expect(read).toBeGreaterThan(runs / 5);
    if (process.env.PLAIN_YAML_RUNS) console.log(`${read} of ${runs} documents read by the shortcut`);
  });

  it('should read the hand-written corners exactly as js-yaml does', () => {
    const cases = [
      'a: x\nb:\n  - 1\n  - {c: d, e: [f, 2]}\n',
      'a: >-\n  one\n  two\n\n  three\n\n\n  four\nb: 1',
      'a: >\n  one\n  two\n\n',
      'a: |-\n  one\n\n  two\nb: c',
      'a: |\n  one\n',
      'a:\n  - x: 1\n    y: >-\n      folded\n      text\n  - z: 2',
      "a: 'it''s # not a comment'  # a comment\nb: \"say: hi\"",
      'a: 2018-10\nb: 110M\nc: 1e3\nd: 0x1F\ne: .inf\nf: ~\ng: -5\nh: 007\ni: 3.1',
      'a: [2018-10, 110M, 1e3, 0x1F, .inf, ~, -5, 007, 3.1, true, Null]',
      'a: https://example.org/a?b=c#d\nb: [https://example.org/x]',
      'a: x # c\n# full line\n  # indented comment\nb: y',
    ];
    for (const text of cases) {
      const plain = parsePlainYaml(text);
      expect(plain, text).toBeDefined();
      expect(same(plain!.value, jsYamlValue(text)!.value), text).toBe(true);
    }
  });

  it('should leave to js-yaml what it does not know for certain', () => {
    for (const text of ['a: &x 1\nb: *x', 'a: !!str 5', 'a: "\\u0041"', 'a: b\n  continued', 'a: [b,\n  c]', "a: 'one\n  two'", "a: 'one\nb: two' # c", 'a: "one\n  two"', 'a:\n  b: 1\n   c: 2', 'a: 1\na: 2', 'a: {b: 1, b: 2}', 'a:\tb', 'a: b\r\nc: d', '\uFEFFa: b', '---\na: b', 'a: b\n---\nc: d', '- a', '"a": b', 'a: >2\n   x', 'a: >+\n  x\n\n', 'a:', 'a: |\n  x\n    y', 'a:\n- b']) {
      expect(parsePlainYaml(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it('should leave nesting deep enough to overflow the stack to js-yaml, without throwing', () => {
    const nested = (depth: number) => `${Array.from({length: depth}, (_, level) => `${' '.repeat(level)}a:`).join('\n')} 1`;
    expect(parsePlainYaml(nested(100))).toBeDefined();
    expect(parsePlainYaml(nested(5000))).toBeUndefined();
  });

  it('should read every model file of the dataset, as js-yaml does', () => {
    const dir = path.join(ROOT, 'data/models');
    const files = fs.readdirSync(dir).filter((file) => file.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(500);
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const plain = parsePlainYaml(text);
      expect(plain, file).toBeDefined();
      expect(same(plain!.value, jsYamlValue(text)!.value), file).toBe(true);
    }
  });
});
