import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {SCHEMA_FILES, toJsonSchema} from '../../plugin/src/data/schema.js';

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
