import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsYaml from 'js-yaml';
import {describe, expect, it} from 'vitest';
import {precompiledValidators} from '../../plugin/src/data/precompile.js';
import {SCHEMA_FILES, SCHEMAS, toJsonSchema} from '../../plugin/src/data/schema.js';
import {createAjv, loadPrecompiled} from '../../plugin/src/data/schemaCheck.js';
import {FIXTURES} from './helpers.js';

const SCHEMA_DIR = path.resolve(import.meta.dirname, '../../plugin/schema');

describe('the shipped JSON Schemas', () => {
  for (const [name, schema] of Object.entries(SCHEMA_FILES)) {
    it(`should keep ${name} in step with the TypeBox schema (npm run build -w docusaurus-plugin-model-atlas rewrites it)`, () => {
      expect(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, name), 'utf8'))).toEqual(toJsonSchema(schema));
    });
  }

  it('should be referenced by every data file', () => {
    const data = path.resolve(import.meta.dirname, '../../data');
    const files = ['taxonomy.yaml', 'organizations.yaml', ...fs.readdirSync(path.join(data, 'models')).map((f) => `models/${f}`)];
    const missing = files.filter((file) => !fs.readFileSync(path.join(data, file), 'utf8').startsWith('# yaml-language-server: $schema='));
    expect(missing).toEqual([]);
  });
});

/** Every YAML file of the fixtures and of the dataset that parses, as values: valid entries and every kind of broken one. */
function sampleValues(): unknown[] {
  const data = path.resolve(import.meta.dirname, '../../data');
  const files = [FIXTURES, data].flatMap((dir) => fs.readdirSync(dir, {recursive: true, encoding: 'utf8'}).map((file) => path.join(dir, file)));
  return files.flatMap((file) => {
    if (!file.endsWith('.yaml') || !fs.statSync(file).isFile()) return [];
    try {
      return [jsYaml.load(fs.readFileSync(file, 'utf8'), {schema: jsYaml.CORE_SCHEMA})];
    } catch {
      return [];
    }
  });
}

describe('the validators compiled ahead (lib/data/validators.cjs)', () => {
  /** Writes a module where it finds ajv's runtime, as lib/data/ does. */
  const write = (code: string) => {
    const cache = path.resolve(import.meta.dirname, '../../node_modules/.cache');
    fs.mkdirSync(cache, {recursive: true});
    const file = path.join(fs.mkdtempSync(path.join(cache, 'model-atlas-validators-')), 'validators.cjs');
    fs.writeFileSync(file, code);
    return file;
  };

  it('should report exactly what the schemas compiled at run time report, on every sample', () => {
    const precompiled = loadPrecompiled(write(precompiledValidators()));
    expect(Object.keys(precompiled ?? {}).sort()).toEqual([...Object.keys(SCHEMAS), 'schemasHash'].sort());
    const ajv = createAjv();
    const values = sampleValues();
    expect(values.length).toBeGreaterThan(600);
    let errors = 0;
    for (const [name, schema] of Object.entries(SCHEMAS)) {
      const compiled = ajv.compile(schema);
      for (const value of values) {
        const valid = precompiled![name]!(value);
        expect(valid).toBe(compiled(value));
        expect(JSON.stringify(precompiled![name]!.errors)).toBe(JSON.stringify(compiled.errors));
        errors += compiled.errors?.length ?? 0;
      }
    }
    expect(errors).toBeGreaterThan(1000);
  });

  it('should not be used when they were made from other schemas, or are missing', () => {
    const stale = precompiledValidators().replace(/exports\.schemasHash = "\w+"/, 'exports.schemasHash = "0000"');
    expect(loadPrecompiled(write(stale))).toBeUndefined();
    expect(loadPrecompiled(path.join(os.tmpdir(), 'no-such-folder', 'validators.cjs'))).toBeUndefined();
  });
});
