import fc from 'fast-check';
import {toString} from 'mdast-util-to-string';
import {describe, expect, it} from 'vitest';
import {isBlocking, isWholeMention} from '../../plugin/src/link/boundaries.js';
import {VFile} from 'vfile';
import {linkModels} from '../../plugin/src/link/autolink.js';
import {compileMatcher, getMatcher} from '../../plugin/src/link/matcher.js';
import {normalizeOptions} from '../../plugin/src/link/options.js';
import {createParser, hasNestedLink, linkTree, loadFixtureDataset, normalizeTree, unlinkModels} from './helpers.js';

const scan = (text: string) => getMatcher(loadFixtureDataset()).scan(text).map((m) => [m.text, m.kind, m.models.join('|')]);

describe('matcher', () => {
  it('should prefer the longest match, leftmost first', () => {
    expect(scan('GPT-3.5 GPT-3 GPT')).toEqual([
      ['GPT-3.5', 'model', 'gpt-3-5'],
      ['GPT-3', 'model', 'gpt-3'],
      ['GPT', 'model', 'gpt'],
    ]);
  });

  it('should keep names glued to Latin letters or digits out, and read joined words as other models', () => {
    expect(scan('RoBERTa mT5 BERTology DeiT 3BERT BERT-based GPT-3.5-turbo GPT-5')).toEqual([
      ['RoBERTa', 'model', 'roberta'],
      ['mT5', 'model', 'mt5'],
      ['DeiT', 'model', 'deit'],
      ['BERT', 'model', 'bert'],
      ['GPT-3.5', 'other', 'gpt-3-5'],
      ['GPT-5', 'other', 'gpt'],
    ]);
  });

  it('should let CJK characters touch a name', () => {
    expect(scan('从BERT到ChatGPT')).toEqual([
      ['BERT', 'model', 'bert'],
      ['ChatGPT', 'model', 'chatgpt'],
    ]);
  });

  it('should match whitespace variants of multi-word names and give offsets in the original text', () => {
    const text = 'a wav2vec \n  2.0 b';
    const [match] = getMatcher(loadFixtureDataset()).scan(text);
    expect(match).toMatchObject({start: 2, end: 16, text: 'wav2vec \n  2.0', models: ['wav2vec-2']});
  });

  it('should report ambiguous names and case variants with their candidates, leaving out words and capitalised acronyms', () => {
    expect(scan('MAE ERNIE Bert bloom wav2vec2 a Roberta, gpt-3 and ROBERTA. Roberta')).toEqual([
      ['MAE', 'ambiguous', 'mae'],
      ['ERNIE', 'ambiguous', 'ernie-baidu|ernie-thu'],
      ['wav2vec2', 'model', 'wav2vec-2'],
      ['Roberta', 'near-miss', 'roberta'],
      ['gpt-3', 'model', 'gpt-3'],
      ['ROBERTA', 'near-miss', 'roberta'],
    ]);
  });

  it('should handle surrogate pairs and characters whose lower case is longer', () => {
    expect(scan('😀BERT İ BERT😀')).toEqual([
      ['BERT', 'model', 'bert'],
      ['BERT', 'model', 'bert'],
    ]);
  });

  it('should resolve a whole text as a name', () => {
    const matcher = getMatcher(loadFixtureDataset());
    expect(matcher.resolveName('BERT-large')).toEqual({kind: 'model', models: ['bert'], names: ['BERT-large']});
    expect(matcher.resolveName('Bert')).toBeUndefined();
    expect(matcher.resolveName('ERNIE')?.kind).toBe('ambiguous');
  });

  it('should judge boundaries on both sides', () => {
    expect(isWholeMention('(BERT)', 1, 5)).toBe(true);
    expect(isWholeMention('BERT.', 0, 4)).toBe(true);
    expect(isWholeMention('BERT.5', 0, 4)).toBe(false);
    expect(isWholeMention('x-BERT', 2, 6)).toBe(false);
    expect(isWholeMention('Ωbert', 1, 5)).toBe(false);
  });
});

describe('matcher: properties', () => {
  const names = ['BERT', 'RoBERTa', 'GPT', 'GPT-3', 'GPT-3.5', 'ChatGPT', 'BERT-large', 'T5', 'T5.1.1', 'mT5', 'wav2vec 2.0', 'ViT', 'DeiT', 'BLOOM', 'OPT', 'CLIP', 'MAE', 'ERNIE', 'bloom', 'Bert'];
  const glue = ['', ' ', '  ', '\n', '-', '.', ',', 'x', '3', '从', '*', '_', '`', '[', ']', '(', ')', '**', '# ', '\n\n', '> ', '- ', '<b>', '{', '}', ':'];
  const markdown = fc.array(fc.oneof(fc.constantFrom(...names), fc.constantFrom(...glue), fc.string({maxLength: 4})), {maxLength: 30}).map((parts) => parts.join(''));

  it('should only return non-overlapping mentions, never glued to a word but for a plural s', () => {
    const matcher = getMatcher(loadFixtureDataset());
    fc.assert(
      fc.property(markdown, (text) => {
        let end = 0;
        for (const match of matcher.scan(text)) {
          expect(match.start).toBeGreaterThanOrEqual(end);
          expect(text.slice(match.start, match.end)).toBe(match.text);
          expect(isBlocking(text[match.start - 1])).toBe(false);
          // A plural `s` is the only letter that may follow a name (`BERTs`).
          if (match.rule !== 'plural') expect(isBlocking(text[match.end])).toBe(false);
          end = match.end;
        }
      }),
      {numRuns: 500},
    );
  });

  it('should give a text scanned again the same matches, kept and frozen when short, as a matcher that never saw it', () => {
    const dataset = loadFixtureDataset();
    const matcher = compileMatcher(dataset);
    fc.assert(
      fc.property(markdown, (text) => {
        const first = matcher.scan(text);
        expect(matcher.scan(text)).toEqual(compileMatcher(dataset).scan(text));
        expect(matcher.scan(text) === first).toBe(text.length <= 200);
        if (text.length <= 200) expect(Object.isFrozen(first)).toBe(true);
      }),
      {numRuns: 200},
    );
  });

  it('should say a text may match whenever a mention of a longer text lies within it', () => {
    const matcher = getMatcher(loadFixtureDataset());
    fc.assert(
      fc.property(markdown, fc.nat(), fc.nat(), (text, from, length) => {
        const start = from % (text.length + 1);
        const end = Math.min(text.length, start + length);
        const within = matcher.scan(text).some((match) => start <= match.nameStart && match.nameEnd <= end);
        if (within) expect(matcher.mayMatch(text.slice(start, end))).toBe(true);
        if (matcher.scan(text).length > 0) expect(matcher.mayMatch(text)).toBe(true);
      }),
      {numRuns: 500},
    );
    expect(matcher.mayMatch('a list of dates (2018), (2019-05)')).toBe(false);
    expect(matcher.mayMatch('RoBERTa')).toBe(true);
  });

  it('should link and report random Markdown as it would if every block were read through the rules', async () => {
    const parser = createParser();
    const dataset = loadFixtureDataset();
    const links = fc.array(fc.oneof(markdown, fc.constantFrom('[BERT](/models/bert)', '[GPT-3](https://example.com/gpt)', '`T5`', '*RoBERTa*', ' (2019)', '\n- ')), {maxLength: 8});
    await fc.assert(
      fc.asyncProperty(links, fc.constantFrom<'section' | 'page' | 'paragraph' | false>('section', 'page', 'paragraph', false), async (parts, once) => {
        const text = parts.join('');
        const settings = normalizeOptions({data: dataset, once, headings: true});
        const readsAll = {...settings, matcher: {...settings.matcher, mayMatch: () => true}};
        const [skipping, reading] = [settings, readsAll].map((used) => {
          const tree = parser.parse(text);
          const mentions = linkModels(tree, used, new VFile(text));
          return {tree, mentions};
        });
        expect(skipping).toEqual(reading);
      }),
      {numRuns: 300},
    );
  });

  it('should keep the text, never nest links and be idempotent on random Markdown with names', async () => {
    const parser = createParser();
    await fc.assert(
      fc.asyncProperty(markdown, fc.constantFrom<'section' | 'page' | 'paragraph' | false>('section', 'page', 'paragraph', false), async (text, once) => {
        const original = parser.parse(text);
        const linked = await linkTree(structuredClone(original), {once, headings: true});
        expect(toString(linked)).toBe(toString(original));
        expect(hasNestedLink(linked)).toBe(false);
        expect(unlinkModels(linked)).toEqual(normalizeTree(original));
        const twice = await linkTree(structuredClone(linked), {once, headings: true});
        expect(normalizeTree(twice)).toEqual(normalizeTree(linked));
      }),
      {numRuns: 300},
    );
  });
});
