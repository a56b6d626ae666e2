/**
 * The hostile datasets of issue 15, each written over a copy of the valid
 * test fixture: the sizes that took minutes, gigabytes or a stack overflow
 * before. Shared by `bench/load.ts --hostile` and `test/data/hostile.test.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const VALID = path.resolve(import.meta.dirname, '../test/fixtures/data/valid');

/** A valid model file with the given fields added or replaced. */
export function modelYaml(id: string, fields: Record<string, string> = {}): string {
  const base: Record<string, string> = {
    id,
    name: `'Model ${id}'`,
    domain: 'nlp',
    architecture: 'transformer',
    objectives: '[mlm]',
    released: '{date: 2019-01, basis: blog}',
    paper: `{title: 'Paper ${id}', arxiv: null}`,
    summary: 'A model.',
    sources: '[{url: "https://openai.com/research/synthetic", supports: [paper, released, architecture, objectives, lineage, sizes, organizations]}]',
    ...fields,
  };
  return Object.entries(base)
    .map(([key, value]) => `${key}: ${value}\n`)
    .join('');
}

/** A fresh copy of the valid fixture dataset. */
export function copyValid(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'model-atlas-hostile-'));
  fs.cpSync(VALID, dir, {recursive: true});
  return dir;
}

const write = (dir: string, file: string, text: string) => fs.writeFileSync(path.join(dir, file), text);
const writeModels = (dir: string, count: number, model: (i: number) => string, prefix: string) => {
  for (let i = 0; i < count; i++) write(dir, `models/${prefix}-${i}.yaml`, model(i));
};

export const CHAIN_LENGTH = 12_000;

/** Each case writes its hostile files into a copy of the valid fixture. */
export const HOSTILE_CASES = {
  'a lineage target of 1 MB': (dir: string) =>
    write(dir, 'models/gpt.yaml', fs.readFileSync(path.join(dir, 'models/gpt.yaml'), 'utf8').replace('target: transformer', `target: ${'x'.repeat(1024 * 1024 - 2000)}`)),
  '4,000 unknown lineage targets and an organization id of 200 KB': (dir: string) =>
    write(
      dir,
      'models/many.yaml',
      modelYaml('many', {
        lineage: `\n${Array.from({length: 4000}, (_, i) => `  - {relation: builds-on, target: missing-model-${i}}`).join('\n')}`,
        organizations: `[${'o'.repeat(200_000)}]`,
      }),
    ),
  '125,000 duplicate keys': (dir: string) => write(dir, 'models/dup.yaml', `${modelYaml('dup')}${'a: 1\n'.repeat(125_000)}`),
  '32,000 invalid aliases': (dir: string) => write(dir, 'models/aliases.yaml', modelYaml('aliases', {aliases: `[${Array(32_000).fill('1').join(',')}]`})),
  '5,000 models sharing one name': (dir: string) => writeModels(dir, 5000, (i) => modelYaml(`same-${i}`, {name: 'Same'}), 'same'),
  'organizations.yaml linked to /dev/zero': (dir: string) => {
    fs.rmSync(path.join(dir, 'organizations.yaml'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'organizations.yaml'));
  },
  'a lineage cycle through 12,000 models': (dir: string) =>
    writeModels(dir, CHAIN_LENGTH, (i) => modelYaml(`chain-${i}`, {lineage: `[{relation: builds-on, target: chain-${(i + 1) % CHAIN_LENGTH}}]`}), 'chain'),
  'a lineage chain of 12,000 models': (dir: string) =>
    writeModels(dir, CHAIN_LENGTH, (i) => modelYaml(`chain-${i}`, i === 0 ? {} : {lineage: `[{relation: builds-on, target: chain-${i - 1}}]`}), 'chain'),
  'a taxonomy chain of 12,000 terms': (dir: string) => {
    const terms = Array.from({length: CHAIN_LENGTH}, (_, i) => `    d${i}: {label: {en: D, zh-Hans: D}, description: X., parent: ${i === 0 ? 'nlp' : `d${i - 1}`}}`);
    write(dir, 'taxonomy.yaml', fs.readFileSync(path.join(dir, 'taxonomy.yaml'), 'utf8').replace('  terms:\n', `  terms:\n${terms.join('\n')}\n`));
  },
} as const satisfies Record<string, (dir: string) => void>;

export type HostileCase = keyof typeof HOSTILE_CASES;

/** A copy of the valid fixture with one hostile case written into it. */
export function writeHostileCase(name: HostileCase): string {
  const dir = copyValid();
  HOSTILE_CASES[name](dir);
  return dir;
}
