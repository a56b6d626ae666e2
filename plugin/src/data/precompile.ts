/** Compiles the schemas of the data files ahead, for the plugin's build (`scripts/write-validators.js`). */
import standalone from 'ajv/dist/standalone/index.js';
import {SCHEMAS} from './schema.js';
import {AJV_OPTIONS, createAjv, schemasHash} from './schemaCheck.js';

/** A CommonJS module exporting a validator for each of `SCHEMAS`, by name, and the hash of the schemas it was made from. */
export function precompiledValidators(): string {
  const ajv = createAjv({...AJV_OPTIONS, code: {...AJV_OPTIONS.code, source: true}});
  for (const [name, schema] of Object.entries(SCHEMAS)) ajv.addSchema(schema, name);
  // A CommonJS module of ajv's: imported from ESM, its `module.exports` carries the function as `default`.
  const code = standalone.default(ajv, Object.fromEntries(Object.keys(SCHEMAS).map((name) => [name, name])));
  return `${code}\nexports.schemasHash = ${JSON.stringify(schemasHash())};\n`;
}
