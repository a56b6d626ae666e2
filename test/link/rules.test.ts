import fs from 'node:fs';
import path from 'node:path';
import type {PhrasingContent, Root} from 'mdast';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {linkModels} from '../../plugin/src/link/autolink.js';
import {normalizeOptions} from '../../plugin/src/link/options.js';
import {RULES} from '../../plugin/src/link/rules.js';
import {createParser, createProcessor, loadFixtureDataset} from './helpers.js';

const README = path.resolve(import.meta.dirname, '../../README.md');
const TABLE_START = '<!-- rules:start (generated from plugin/src/link/rules.ts by test/link/rules.test.ts; UPDATE=1 rewrites it) -->';
const TABLE_END = '<!-- rules:end -->';

/** The example as the reader writes it: links removed. */
const plain = (example: string) => example.replace(/\[([^\]]+)\]\([a-z0-9-]+\)/g, '$1');
/** The example as the linker should write it. */
const linked = (example: string) => `${example.replace(/\]\(([a-z0-9-]+)\)/g, '](/models/$1)')}\n`;

async function link(markdown: string): Promise<string> {
  return String(await createProcessor({once: false}).process(markdown));
}

/** The README table of rules, from the rule table itself. */
function formatTable(): string {
  const cell = (examples: readonly string[]) => examples.map((example) => `\`${plain(example)}\``).join(', ');
  const rows = RULES.map((rule, index) => {
    const links = rule.linked.map((example) => {
      const targets = [...example.matchAll(/\[([^\]]+)\]\(([a-z0-9-]+)\)/g)].map(([, text, id]) => `${text} → \`${id}\``);
      return `\`${plain(example)}\`: ${targets.join(', ')}`.replace(/\|/g, '\\|');
    });
    return `| ${index + 1} | \`${rule.id}\` | ${rule.summary.replace(/\|/g, '\\|')} | ${links.join('; ')} | ${cell(rule.unlinked)} |`;
  });
  return [TABLE_START, '| # | Rule | What it says | Linked: text → model | Not linked |', '|---|---|---|---|---|', ...rows, TABLE_END].join('\n');
}

describe('rules of the name grammar', () => {
  for (const rule of RULES) {
    describe(`rule ${rule.id}`, () => {
      it(`should link ${rule.linked.map(plain).join(' · ')}`, async () => {
        expect(rule.linked.length).toBeGreaterThan(0);
        for (const example of rule.linked) expect(await link(plain(example)), example).toBe(linked(example));
      });
      it(`should not link ${rule.unlinked.join(' · ')}`, async () => {
        expect(rule.unlinked.length).toBeGreaterThan(0);
        for (const example of rule.unlinked) expect(await link(example), example).toBe(`${example}\n`);
      });
    });
  }

  it('should be documented in the README as the table of rules', () => {
    const readme = fs.readFileSync(README, 'utf8');
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    expect(start, 'README.md has the rules table markers').toBeGreaterThan(-1);
    const current = readme.slice(start, end + TABLE_END.length);
    if (process.env.UPDATE) fs.writeFileSync(README, readme.replace(current, formatTable()));
    else expect(current).toBe(formatTable());
  });
});

describe('name grammar', () => {
  const scan = (text: string) => normalizeOptions({data: loadFixtureDataset()}).matcher.scan(text).map((m) => [m.text, m.kind, m.models.join('|'), m.rule]);

  it('should let a look-alike win by longest match and block the names inside it, in any case', async () => {
    expect(await link('Chinese LLaMA, 中文LLaMA, Alpaca Eval, alpacaeval, the CLIP Interrogator and T5X; but LLaMA and CLIP.')).toBe(
      'Chinese LLaMA, 中文LLaMA, Alpaca Eval, alpacaeval, the CLIP Interrogator and T5X; but [LLaMA](/models/llama) and [CLIP](/models/clip).\n',
    );
  });

  it('should let a model of the dataset win over a look-alike of the same name', async () => {
    const dataset = loadFixtureDataset();
    const withModel = {...dataset, hash: `${dataset.hash}-lookalike-model`, lookalikes: [...dataset.lookalikes, 'Flan-T5']};
    expect(normalizeOptions({data: withModel}).matcher.scan('Flan-T5').map((m) => [m.text, m.kind, m.models[0]])).toEqual([['Flan-T5', 'model', 'flan-t5']]);
  });

  it('should match through NFKC forms, Unicode hyphens, no-break spaces and the middle dot, keeping the text as written', async () => {
    expect(await link('ＢＥＲＴ, GPT－3, GPT\u20113, GPT\u20103, wav2vec\u00a02.0, DALL·E, DALL‐E and ＧＰＴ－３．５.')).toBe(
      '[ＢＥＲＴ](/models/bert), [GPT－3](/models/gpt-3), [GPT\u20113](/models/gpt-3), [GPT\u20103](/models/gpt-3), [wav2vec\u00a02.0](/models/wav2vec-2), [DALL·E](/models/dall-e), [DALL‐E](/models/dall-e) and [ＧＰＴ－３．５](/models/gpt-3-5).\n',
    );
  });

  it('should keep positions exact after full-width forms and collapsed white space', () => {
    const text = 'ＡＢ  wav2vec \n 2.0 and ＢＥＲＴ-base';
    const matches = normalizeOptions({data: loadFixtureDataset()}).matcher.scan(text);
    expect(matches.map((m) => [m.text, text.slice(m.start, m.end), text.slice(m.nameStart, m.nameEnd)])).toEqual([
      ['wav2vec \n 2.0', 'wav2vec \n 2.0', 'wav2vec \n 2.0'],
      ['ＢＥＲＴ-base', 'ＢＥＲＴ-base', 'ＢＥＲＴ'],
    ]);
  });

  it('should apply the boundary rule to a name ending in punctuation', () => {
    expect(scan('C++11, C++ and C++.')).toEqual([
      ['C++', 'model', 'cxx-lm', 'name'],
      ['C++', 'model', 'cxx-lm', 'name'],
    ]);
  });

  it('should fall back to the name alone when a variant crosses formatting', async () => {
    expect(await link('*BERT*-base and **T5**-XXL')).toBe('*[BERT](/models/bert)*-base and **[T5](/models/t5)**-XXL\n');
  });

  it('should read a version that names another model as such, and report it', () => {
    expect(scan('LLaMA 3 and BEiT v3')).toEqual([
      ['LLaMA 3', 'other', 'llama', 'version'],
      ['BEiT v3', 'other', 'beit', 'version'],
    ]);
  });
});

describe('linear walk', () => {
  it('should link inside 5,000 nested emphasis nodes without recursion per level', () => {
    let node: PhrasingContent = {type: 'text', value: 'BERT and GPT-3'};
    for (let depth = 0; depth < 5000; depth++) node = {type: depth % 2 ? 'emphasis' : 'strong', children: [node]};
    const tree: Root = {type: 'root', children: [{type: 'blockquote', children: [{type: 'paragraph', children: [node]}]}]};
    const mentions = linkModels(tree, normalizeOptions({data: loadFixtureDataset(), once: false}), new VFile());
    expect(mentions.map((mention) => [mention.text, mention.outcome])).toEqual([
      ['BERT', 'linked'],
      ['GPT-3', 'linked'],
    ]);
  });

  it('should link a paragraph of thousands of mentions, each with its exact place', () => {
    const lines = Array.from({length: 3000}, (_, index) => `line ${index} BERT`);
    const value = lines.join('\n');
    const file = new VFile({value});
    const tree = createParser().parse(file);
    const mentions = linkModels(tree, normalizeOptions({data: loadFixtureDataset(), once: false}), file);
    expect(mentions).toHaveLength(3000);
    expect(mentions.every((mention, index) => {
      const start = mention.place && 'start' in mention.place ? mention.place.start : undefined;
      return start?.line === index + 1 && start.column === `line ${index} `.length + 1;
    })).toBe(true);
  });
});
