/** Runs the JSON Schema over a parsed file and turns every error into a positioned diagnostic. */
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath} from 'node:url';
import type {TSchema} from '@sinclair/typebox';
import type {Ajv, ErrorObject, Options, ValidateFunction} from 'ajv';
import {RULES} from './constants.js';
import {diagnosticAt, locate, type PathSegment, type SourceFile} from './load.js';
import {pushTo} from './dataset.js';
import {SCHEMAS} from './schema.js';
import {didYouMean, quote} from './suggest.js';
import type {Diagnostic} from './types.js';

const require = createRequire(import.meta.url);

// Without ajv's optimisation passes over the generated code: compiling is 40 % faster, validating no slower (bench/load.ts).
export const AJV_OPTIONS = {allErrors: true, strict: false, verbose: true, code: {optimize: false}} as const satisfies Options;

/** A new ajv, loaded only when a schema is compiled: the built plugin validates with the validators compiled ahead. */
export function createAjv(options: Options = AJV_OPTIONS): Ajv {
  const {Ajv: AjvClass} = require('ajv') as typeof import('ajv');
  return new AjvClass(options);
}

/**
 * The validators that the plugin's build compiles ahead (`scripts/write-validators.js`), beside this
 * module in `lib/`: compiling the model schema took about 40 ms of every load. Running from the
 * sources, there are none, and the schemas are compiled on first use.
 */
export const PRECOMPILED_FILE = fileURLToPath(new URL('validators.cjs', import.meta.url));

/** Identifies the schemas a precompiled file was made from. */
export const schemasHash = () => createHash('sha256').update(JSON.stringify(SCHEMAS)).digest('hex').slice(0, 16);

/** The validators of a precompiled file, by schema name; `undefined` when there is none, or it was made from other schemas. */
export function loadPrecompiled(file = PRECOMPILED_FILE): Readonly<Record<string, ValidateFunction>> | undefined {
  if (!fs.existsSync(file)) return undefined;
  const validators = require(file) as Record<string, ValidateFunction> & {schemasHash?: string};
  return validators.schemasHash === schemasHash() ? validators : undefined;
}

let precompiled: ReturnType<typeof loadPrecompiled> | null = null;
let ajv: Ajv | undefined;
const compiled = new WeakMap<TSchema, ValidateFunction>();

function validatorFor(schema: TSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    if (precompiled === null) precompiled = loadPrecompiled();
    const name = Object.keys(SCHEMAS).find((key) => SCHEMAS[key] === schema);
    validate = (name && precompiled?.[name]) || (ajv ??= createAjv()).compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

function toSegments(instancePath: string): PathSegment[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** `sizes[0].parameters` */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments.reduce<string>(
    (text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment),
    '',
  );
}

/** `The entry`, or the quoted path: `"sizes[0].parameters"`. */
export function describe(segments: readonly PathSegment[]): string {
  return segments.length === 0 ? 'The entry' : quote(formatPath(segments));
}

/**
 * Keeps, for each `anyOf`, only the errors of the branch that fits the
 * value's type: a union of a string and an object should complain about the
 * object's fields, not that it is not a string.
 *
 * Ajv reports a union's branch errors right before the union's own error, so
 * they are the run at the end of what is kept so far: one pass, linear in the
 * number of errors (thousands of invalid aliases share one schema path).
 */
function pruneUnionErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const kept: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword !== 'anyOf') {
      kept.push(error);
      continue;
    }
    const prefix = `${error.schemaPath}/`;
    const within = (e: ErrorObject) => e.schemaPath.startsWith(prefix) && (e.instancePath === error.instancePath || e.instancePath.startsWith(`${error.instancePath}/`));
    let first = kept.length;
    while (first > 0 && within(kept[first - 1]!)) first--;
    const branches = new Map<string, ErrorObject[]>();
    for (const branchError of kept.splice(first)) {
      pushTo(branches, branchError.schemaPath.slice(prefix.length).split('/')[0]!, branchError);
    }
    const fitting = [...branches.values()].find(
      (branchErrors) => !branchErrors.some((e) => e.keyword === 'type' && e.instancePath === error.instancePath),
    );
    for (const fitted of fitting ?? [error]) kept.push(fitted);
  }
  return kept;
}

function article(type: string): string {
  return type.split(',').map((t) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`)).join(' or ');
}

function toDiagnostic(source: SourceFile, error: ErrorObject): Diagnostic {
  const segments = toSegments(error.instancePath);
  const at = (pathSegments: PathSegment[], target: 'key' | 'value' = 'value') => locate(source, pathSegments, target);
  const file = source.path;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as {properties?: object}).properties ?? {});
      const suggestion = didYouMean(field, known);
      return diagnosticAt(
        file,
        at([...segments, field], 'key'),
        'error',
        RULES.unknownField,
        `${describe(segments)} has an unknown field ${quote(field)}.`,
        suggestion ?? (known.length > 0 ? `Known fields: ${known.join(', ')}.` : undefined),
      );
    }
    case 'required': {
      const field = String(params.missingProperty);
      return diagnosticAt(file, at(segments), 'error', RULES.missingField, `${describe(segments)} is missing the required field "${field}".`, `Add "${field}".`);
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return diagnosticAt(
        file,
        at(segments),
        'error',
        RULES.invalidEnum,
        `${describe(segments)} must be one of: ${allowed.join(', ')}.`,
        didYouMean(String(error.data), allowed),
      );
    }
    case 'anyOf': {
      const description = (error.parentSchema as {description?: string}).description;
      return diagnosticAt(file, at(segments), 'error', RULES.schema, `${describe(segments)} has the wrong form.`, description);
    }
    case 'type':
      return diagnosticAt(file, at(segments), 'error', RULES.schema, `${describe(segments)} must be ${article(String(params.type))}.`, (error.parentSchema as {description?: string}).description);
    case 'pattern':
      return diagnosticAt(file, at(segments), 'error', RULES.schema, `${describe(segments)} ${quote(String(error.data))} has the wrong form.`, (error.parentSchema as {description?: string}).description);
    default: {
      const description = (error.parentSchema as {description?: string}).description;
      return diagnosticAt(file, at(segments), 'error', RULES.schema, `${describe(segments)} ${error.message ?? 'is invalid'}.`, description);
    }
  }
}

export function checkSchema(source: SourceFile, schema: TSchema): Diagnostic[] {
  const validate = validatorFor(schema);
  if (validate(source.value)) return [];
  return pruneUnionErrors(validate.errors ?? []).map((error) => toDiagnostic(source, error));
}
