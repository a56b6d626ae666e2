// Writes the JSON Schema files shipped in schema/ from the compiled TypeBox definitions.
import fs from 'node:fs';
import {SCHEMA_FILES} from '../lib/data/schema.js';

const dir = new URL('../schema/', import.meta.url);
fs.mkdirSync(dir, {recursive: true});
for (const [name, schema] of Object.entries(SCHEMA_FILES)) {
  const json = {$schema: 'https://json-schema.org/draft/2020-12/schema', ...JSON.parse(JSON.stringify(schema))};
  fs.writeFileSync(new URL(name, dir), `${JSON.stringify(json, null, 2)}\n`);
}
