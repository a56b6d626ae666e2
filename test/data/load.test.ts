import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {formatDiagnostics, loadDataset, loadDatasetOrThrow, DataValidationError} from '../../plugin/src/data/index.js';
import {copyValidDataset, VALID, writeFiles} from './helpers.js';

const TODAY = new Date('2026-01-01T00:00:00Z');
const report = (dir: string) => formatDiagnostics(loadDataset(dir, {today: TODAY}).diagnostics, 'text', dir);

describe('loadDataset on files that cannot be parsed', () => {
  it('should point at the first byte that is not UTF-8', () => {
    const dir = copyValidDataset();
    writeFiles(dir, {'models/bert.yaml': Buffer.concat([Buffer.from('id: bert\nname: caf'), Buffer.from([0xe9]), Buffer.from('\n')])});
    expect(report(dir)).toBe(
      'models/bert.yaml:2:10: error [not-utf8] The file is not valid UTF-8.\n    hint: Save it as UTF-8 (without changing its characters by hand).',
    );
  });

  it('should refuse a 10 MB file without reading it as YAML', () => {
    const dir = copyValidDataset();
    writeFiles(dir, {'models/bert.yaml': `summary: "${'x'.repeat(10 * 1024 * 1024)}"\n`});
    expect(report(dir)).toMatch(/^models\/bert\.yaml:1:1: error \[file-too-large\] The file is 10\.0 MB; a data file may be at most 1 MB\./);
  });

  it('should report a dataset without models', () => {
    const dir = copyValidDataset();
    fs.rmSync(path.join(dir, 'models'), {recursive: true});
    fs.mkdirSync(path.join(dir, 'models'));
    expect(report(dir)).toBe(
      'models:1:1: error [no-models] The dataset has no models: models/ holds no .yaml file.\n    hint: Add one file per model: models/<id>.yaml.',
    );
  });

  it('should report a directory that does not exist', () => {
    const dir = path.join(os.tmpdir(), 'model-atlas-nowhere');
    const {dataset, diagnostics} = loadDataset(dir);
    expect(dataset).toBeUndefined();
    expect(diagnostics.map((d) => d.rule)).toEqual(['missing-file']);
  });

  it('should refuse YAML aliases that expand exponentially, and read Markdown stars as text', () => {
    const dir = copyValidDataset();
    const bert = fs.readFileSync(path.join(VALID, 'models/bert.yaml'), 'utf8');
    const levels = Array.from({length: 12}, (_, i) => `l${i + 1}: &l${i + 1} [${Array(9).fill(`*l${i}`).join(', ')}]`);
    writeFiles(dir, {
      'models/bert.yaml': `${bert.replace(/^summary:.*$/m, 'summary: A **bold** *claim* with no anchor.')}x-bomb:\n  l0: &l0 [lol]\n${levels.map((line) => `  ${line}`).join('\n')}\n`,
    });
    expect(report(dir)).toMatch(/^models\/bert\.yaml:\d+:\d+: error \[yaml-syntax\] .*alias/im);

    const stars = copyValidDataset();
    writeFiles(stars, {'models/bert.yaml': bert.replace(/^summary:.*$/m, 'summary: A **bold** *claim* & more.')});
    expect(loadDatasetOrThrow(stars, {today: TODAY}).dataset.model('bert')!.summary).toBe('A **bold** *claim* & more.');
  });

  it('should report every problem of every file in one run, in a stable order', () => {
    const dir = copyValidDataset();
    writeFiles(dir, {
      'models/gpt.yaml': fs.readFileSync(path.join(VALID, 'models/gpt.yaml'), 'utf8').replace('domain: nlp', 'domain: nlpp'),
      'models/bert.yaml': fs.readFileSync(path.join(VALID, 'models/bert.yaml'), 'utf8').replace('organizations: [google]', 'organizations: [gogle]'),
      'models/broken.yaml': 'id: [\n',
    });
    const first = report(dir);
    expect(first.split('\n').filter((line) => /^\S/.test(line)).map((line) => line.split(': ')[0])).toEqual([
      'models/bert.yaml:8:17',
      'models/broken.yaml:2:1',
      'models/gpt.yaml:3:9',
    ]);
    expect(report(dir)).toBe(first);
  });
});

describe('the Dataset', () => {
  const {dataset} = loadDatasetOrThrow(VALID, {today: TODAY});

  it('should index models by id, name and alias', () => {
    expect(dataset.model('bert')?.name).toBe('BERT');
    expect(dataset.modelsNamed('BERT-Large').map((m) => m.id)).toEqual(['bert']);
    expect(dataset.model('bert')?.names).toEqual([
      {text: 'BERT', ambiguous: false, matchCase: true},
      {text: 'BERT-Large', ambiguous: false, matchCase: true},
      {text: 'bert', ambiguous: false, matchCase: false},
    ]);
  });

  it('should parse parameter counts and release dates', () => {
    expect(dataset.model('bert')?.sizes.map((s) => s.parameters)).toEqual([110e6, 340e6]);
    expect(dataset.model('bert')?.released).toEqual({date: '2018-10-11', precision: 'day', year: 2018, basis: 'arxiv'});
    expect(dataset.model('gpt')?.released.precision).toBe('month');
  });

  it('should index lineage in both directions', () => {
    expect(dataset.parents('bert')).toEqual([{relation: 'builds-on', from: 'bert', to: 'transformer'}]);
    expect(dataset.children('transformer').map((e) => e.from)).toEqual(['bert', 'gpt']);
  });

  it('should index facet terms with their hierarchy', () => {
    expect(dataset.modelsWithTerm('architecture', 'transformer').map((m) => m.id)).toEqual(['transformer']);
    expect(dataset.modelsWithTerm('architecture', 'transformer', {deep: true}).map((m) => m.id)).toEqual(['bert', 'gpt', 'transformer']);
    expect(dataset.term('objective', 'language-modeling')?.children).toEqual(['mlm', 'autoregressive-lm']);
    expect(dataset.modelsOfOrganization('google').map((m) => m.id)).toEqual(['bert', 'transformer']);
  });

  it('should be immutable', () => {
    expect(Object.isFrozen(dataset)).toBe(true);
    expect(Object.isFrozen(dataset.model('bert')!.sizes[0])).toBe(true);
    expect(() => (dataset.models as unknown[]).push(1)).toThrow(TypeError);
  });

  it('should change its hash when a file changes', () => {
    const dir = copyValidDataset();
    const before = loadDatasetOrThrow(dir, {today: TODAY}).dataset.hash;
    writeFiles(dir, {'models/gpt.yaml': fs.readFileSync(path.join(dir, 'models/gpt.yaml'), 'utf8').replace('fine-tuned', 'fine tuned')});
    expect(loadDatasetOrThrow(dir, {today: TODAY}).dataset.hash).not.toBe(before);
    expect(loadDatasetOrThrow(VALID, {today: TODAY}).dataset.hash).toBe(dataset.hash);
  });

  it('should throw one DataValidationError listing every error', () => {
    const dir = copyValidDataset();
    writeFiles(dir, {'models/gpt.yaml': 'id: gpt\n'});
    let error: unknown;
    try {
      loadDatasetOrThrow(dir, {today: TODAY});
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DataValidationError);
    expect((error as DataValidationError).diagnostics.length).toBeGreaterThan(5);
    expect((error as Error).message).toMatch(/^Model Atlas found problems in the dataset \(\d+ errors, 0 warnings\):\n/);
  });
});
