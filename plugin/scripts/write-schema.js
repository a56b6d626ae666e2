// Writes the JSON Schema files shipped in schema/ from the compiled TypeBox definitions.
import fs from 'node:fs';
import {SCHEMA_FILES, toJsonSchema} from '../lib/data/schema.js';

const dir = new URL('../schema/', import.meta.url);
fs.mkdirSync(dir, {recursive: true});
for (const [name, schema] of Object.entries(SCHEMA_FILES)) {
  fs.writeFileSync(new URL(name, dir), `${JSON.stringify(toJsonSchema(schema), null, 2)}\n`);
}
