import fs from 'node:fs';
import path from 'node:path';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {compileMatcher, getMatcher} from '../../plugin/src/link/matcher.js';
import remarkModelLinks from '../../plugin/src/link/remark.js';
import {createProcessor, DATA, FIXTURES, loadFixtureDataset, type LinkOptions} from './helpers.js';

interface CaseConfig {
  readonly mdx?: boolean;
  readonly options?: LinkOptions;
}

const CASES = path.join(FIXTURES, 'remark');
const update = Boolean(process.env.UPDATE);

/** Compares with the expected file, or writes it when missing or when UPDATE is set. */
function expectFile(file: string, actual: string) {
  if (update || !fs.existsSync(file)) fs.writeFileSync(file, actual);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

describe('remark plugin: fixtures', () => {
  const cases = fs.readdirSync(CASES).filter((name) => !name.startsWith('.'));
  it('should have the required fixture cases', () => {
    const required = ['in-code', 'in-inline-code', 'in-link', 'in-heading', 'in-jsx', 'substring', 'overlap', 'first-mention-only', 'cjk', 'whitespace-variants', 'emphasis-boundary', 'case-sensitivity', 'ambiguous', 'directive', 'directive-unknown-id', 'once-modes', 'image-alt', 'front-matter', 'html', 'grammar', 'lookalikes', 'unicode'];
    expect(required.filter((name) => !cases.includes(name))).toEqual([]);
  });
  for (const name of cases) {
    it(`should process fixture ${name}`, async () => {
      const dir = path.join(CASES, name);
      const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as CaseConfig;
      const file = new VFile({path: `${name}/input.md`, value: fs.readFileSync(path.join(dir, 'input.md'), 'utf8')});
      const processor = createProcessor(config.options, config.mdx);
      let output: string;
      try {
        output = String(await processor.process(file));
      } catch (error) {
        output = `Error: ${String(error)}\n`;
      }
      expectFile(path.join(dir, 'output.md'), output);
      const messages = file.messages.map((message) => `${String(message)} [${message.source}:${message.ruleId}]\n`).join('');
      if (messages || fs.existsSync(path.join(dir, 'messages.txt'))) expectFile(path.join(dir, 'messages.txt'), messages);
    });
  }
});

describe('remark plugin', () => {
  it('should expose the public api', async () => {
    expect(Object.keys(await import('../../plugin/src/link/remark.js')).sort()).toEqual(['default']);
  });

  it('should link in a plain unified pipeline with the dataset directory', async () => {
    const processor = unified().use(remarkParse).use(remarkModelLinks, {data: DATA}).use(remarkStringify);
    expect(String(await processor.process('BERT'))).toBe('[BERT](/models/bert)\n');
  });

  it('should be idempotent on the fixtures', async () => {
    for (const name of fs.readdirSync(CASES).filter((n) => !n.startsWith('.') && n !== 'directive-unknown-id')) {
      const config = JSON.parse(fs.readFileSync(path.join(CASES, name, 'config.json'), 'utf8')) as CaseConfig;
      const once = String(await createProcessor(config.options, config.mdx).process(fs.readFileSync(path.join(CASES, name, 'input.md'), 'utf8')));
      expect(String(await createProcessor(config.options, config.mdx).process(once)), name).toBe(once);
    }
  });

  it('should fail on an unknown directive id with the file, line, column and a suggestion', async () => {
    const file = new VFile({path: 'docs/intro.md', value: 'First line.\n\nA typo: :model[MAE]{#mea} here.\n'});
    const processor = unified().use(remarkParse).use(remarkDirective).use(remarkModelLinks, {data: loadFixtureDataset()}).use(remarkStringify);
    const error = await processor.process(file).then(
      () => undefined,
      (caught: unknown) => caught as {line: number; column: number; file: string; ruleId: string; source: string; message: string},
    );
    expect(error).toMatchObject({line: 3, column: 9, file: 'docs/intro.md', ruleId: 'unknown-model-id', source: 'remark-model-atlas'});
    expect(error?.message).toContain('did you mean "mae"?');
    expect(String(error)).toMatch(/^docs\/intro\.md:3:9-3:26: Unknown model id "mea"/);
  });

  it('should fail on a directive without id whose label names no model or several', async () => {
    const processor = createProcessor();
    await expect(processor.process(':model[Nope]')).rejects.toThrow('No model is named "Nope": give the id, as in :model[Nope]{#id}.');
    await expect(processor.process(':model[ERNIE]')).rejects.toThrow('"ERNIE" names several models (ernie-baidu, ernie-thu)');
  });

  it('should report ambiguous mentions through vfile messages, never the console', async () => {
    const file = await createProcessor().process('MAE and ERNIE.');
    expect(file.messages.map((message) => [message.ruleId, message.source, message.line, message.column, message.fatal])).toEqual([
      ['ambiguous-mention', 'remark-model-atlas', 1, 1, false],
      ['ambiguous-mention', 'remark-model-atlas', 1, 9, false],
    ]);
  });

  it('should not link a model on its own page given by the currentModel option', async () => {
    expect(String(await createProcessor({currentModel: 'gpt'}).process('GPT and BERT'))).toBe('GPT and [BERT](/models/bert)\n');
  });

  it('should read the page model from the front matter Docusaurus passes in file.data', async () => {
    const file = new VFile({value: 'GPT and BERT', data: {frontMatter: {model_atlas_id: 'bert'}}});
    expect(String(await createProcessor().process(file))).toBe('[GPT](/models/gpt) and BERT\n');
  });

  it('should leave prose as written on a page whose front matter turns auto-linking off, but link its :model directives', async () => {
    const value = 'GPT, BERT and ERNIE; :model[the encoder]{#bert}.';
    const file = await createProcessor().process(new VFile({value, data: {frontMatter: {model_atlas_autolink: false}}}));
    expect(String(file)).toBe('GPT, BERT and ERNIE; [the encoder](/models/bert).\n');
    expect(file.messages).toEqual([]);
    // Any other value keeps the default.
    const on = await createProcessor().process(new VFile({value: 'GPT', data: {frontMatter: {model_atlas_autolink: 'no'}}}));
    expect(String(on)).toBe('[GPT](/models/gpt)\n');
  });

  it('should reject bad options with every problem listed', () => {
    const data = loadFixtureDataset();
    expect(() => remarkModelLinks({data, once: 'always' as never, headings: 'yes' as never})).toThrow(
      'remark-model-atlas: invalid options:\n- `once` must be \'section\', \'page\', \'paragraph\' or false, not "always".\n- `headings` must be a boolean.',
    );
    expect(() => remarkModelLinks(undefined as never)).toThrow('the `data` option is required');
  });

  it('should throw the data errors when the dataset directory is invalid', () => {
    expect(() => remarkModelLinks({data: path.join(FIXTURES, 'no-such-dataset')})).toThrow(/no-such-dataset:1:1: error \[missing-file\] The dataset directory does not exist\./);
  });

  it('should compile the matcher once per dataset hash', () => {
    const dataset = loadFixtureDataset();
    expect(getMatcher(dataset)).toBe(getMatcher({...dataset}));
    expect(compileMatcher(dataset)).not.toBe(getMatcher(dataset));
  });
});
