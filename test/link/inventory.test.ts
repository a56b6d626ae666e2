/**
 * Linking without the dataset: the remark plugin driven by the inventory.json a build publishes gives the
 * same output and the same messages as the plugin driven by the dataset, on every remark fixture.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import {unified} from 'unified';
import {VFile} from 'vfile';
import {describe, expect, it} from 'vitest';
import {buildInventory} from '../../plugin/src/generate/inventory.js';
import {inventoryTargets, parseInventory, type Inventory} from '../../plugin/src/link/inventory.js';
import {compileMatcher} from '../../plugin/src/link/matcher.js';
import remarkModelLinks, {type Options} from '../../plugin/src/link/remark.js';
import {toLinkTargets} from '../../plugin/src/link/targets.js';
import {testContext} from '../pages/helpers.js';
import {createParser, FIXTURES, loadFixtureDataset} from './helpers.js';

const inventory = JSON.parse(JSON.stringify(buildInventory(loadFixtureDataset(), testContext({siteUrl: 'https://atlas.example/'})))) as Inventory;
const inventoryFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'model-atlas-inventory-')), 'inventory.json');
fs.writeFileSync(inventoryFile, JSON.stringify(inventory));

const CASES = path.join(FIXTURES, 'remark');

async function run(source: Options, name: string): Promise<string> {
  const dir = path.join(CASES, name);
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as {mdx?: boolean; options?: Omit<Options, 'data'>};
  const file = new VFile({path: `${name}/input.md`, value: fs.readFileSync(path.join(dir, 'input.md'), 'utf8')});
  let output: string;
  try {
    output = String(await createParser(config.mdx).use(remarkModelLinks, {...config.options, ...source}).use(remarkStringify).process(file));
  } catch (error) {
    output = `Error: ${String(error)}`;
  }
  return `${output}\n${file.messages.map((message) => `${String(message)} [${message.ruleId}]`).join('\n')}`;
}

describe('remark plugin with an inventory instead of the dataset', () => {
  it('should compile the same matcher input from the inventory as from the dataset', () => {
    const dataset = loadFixtureDataset();
    const fromDataset = toLinkTargets(dataset);
    const fromInventory = inventoryTargets(inventory);
    const shape = (targets: typeof fromDataset) => targets.models.map(({id, name, names, formerIds}) => ({id, name, names, formerIds}));
    expect(shape(fromInventory)).toEqual(shape(fromDataset));
    expect(fromInventory.formerModel('wav2vec2')?.id).toBe('wav2vec-2');
    const text = 'BERT, RoBERTa, ERNIE, MAE, Bert, wav2vec 2.0 and GPT-3.5-turbo';
    expect(compileMatcher(fromInventory).scan(text)).toEqual(compileMatcher(fromDataset).scan(text));
  });

  for (const name of fs.readdirSync(CASES).filter((entry) => !entry.startsWith('.'))) {
    it(`should give the dataset's output and messages on fixture ${name}`, async () => {
      const withData = await run({data: loadFixtureDataset()}, name);
      expect(await run({inventory: inventoryFile, baseUrl: '/'}, name)).toBe(withData);
    });
  }

  it('should link to the published atlas by default, and count absolute links to it as mentions', async () => {
    const processor = unified().use(remarkParse).use(remarkModelLinks, {inventory: inventoryFile}).use(remarkStringify);
    expect(String(await processor.process('BERT and RoBERTa.'))).toBe('[BERT](https://atlas.example/models/bert) and [RoBERTa](https://atlas.example/models/roberta).\n');
    expect(String(await processor.process('[the paper](https://atlas.example/models/bert) on BERT.'))).toBe('[the paper](https://atlas.example/models/bert) on BERT.\n');
    const other = unified().use(remarkParse).use(remarkModelLinks, {inventory, baseUrl: 'https://mirror.example/atlas/', trailingSlash: true}).use(remarkStringify);
    expect(String(await other.process('BERT'))).toBe('[BERT](https://mirror.example/atlas/models/bert/)\n');
  });

  it('should refuse a broken inventory with every problem listed', () => {
    const broken = {...inventory, version: 7, models: [{...inventory.models[0]!, id: '../x', names: [{text: 'X'}]}]};
    expect(() => parseInventory(broken, 'broken.json')).toThrow(
      'remark-model-atlas: broken.json is not a valid inventory:\n- version 7 is not supported (expected 1).\n- models[0].id must be a slug such as "bert".\n- models[0].names[0] must be {text, ambiguous, matchCase}.',
    );
    expect(() => parseInventory({models: []})).toThrow('not a Model Atlas inventory');
    expect(() => remarkModelLinks({inventory: path.join(os.tmpdir(), 'missing-inventory.json')})).toThrow('cannot read the inventory');
    expect(() => remarkModelLinks({inventory, data: loadFixtureDataset()})).toThrow('not both');
    expect(() => remarkModelLinks({inventory, baseUrl: 'javascript:alert(1)'})).toThrow('`baseUrl` must be an http(s) URL');
    expect(() => remarkModelLinks({data: loadFixtureDataset(), baseUrl: '/'})).toThrow('`baseUrl` goes with `inventory`');
  });
});
