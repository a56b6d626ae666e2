/**
 * Reads the dataset's YAML files. Never throws: every problem becomes a diagnostic.
 *
 * Values come from js-yaml (about ten times faster than a parse that keeps
 * positions); source positions come from the \`yaml\` package, parsed only for
 * files that have something to report.
 */
import fs from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
import {isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node} from 'yaml';
import {MAX_FILE_BYTES, RULES} from './constants.js';
import type {Diagnostic, Severity} from './types.js';

interface Positions {
  readonly documents: readonly Document.Parsed[];
  readonly lineCounter: LineCounter;
}

function parseWithPositions(text: string): Positions {
  const lineCounter = new LineCounter();
  return {documents: parseAllDocuments(text, {lineCounter, prettyErrors: false, uniqueKeys: true}) as Document.Parsed[], lineCounter};
}

/** A parsed YAML file: its plain value, and positions on demand. */
export class SourceFile {
  #positions: Positions | undefined;

  constructor(
    /** Absolute path. */
    readonly path: string,
    readonly text: string,
    readonly value: unknown,
    positions?: Positions,
  ) {
    this.#positions = positions;
  }

  get positions(): Positions {
    this.#positions ??= parseWithPositions(this.text);
    return this.#positions;
  }
}

export type PathSegment = string | number;

export interface Position {
  readonly line: number;
  readonly column: number;
}

export function diagnosticAt(
  file: string,
  position: Position,
  severity: Severity,
  rule: string,
  message: string,
  hint?: string,
): Diagnostic {
  return {file, line: position.line, column: position.column, severity, rule, message, ...(hint ? {hint} : {})};
}

const START: Position = {line: 1, column: 1};

function positionOfOffset(lineCounter: LineCounter, offset: number): Position {
  const {line, col} = lineCounter.linePos(offset);
  return {line, column: col};
}

/**
 * Where a path points in a file: the key of the last segment (`'key'`) or its
 * value (`'value'`). Missing segments resolve to the deepest node that exists.
 */
export function locate(source: SourceFile, dataPath: readonly PathSegment[], target: 'key' | 'value' = 'value'): Position {
  const {documents, lineCounter} = source.positions;
  let node: unknown = documents[0]?.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [index, segment] of dataPath.entries()) {
    const last = index === dataPath.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? String(item.key.value) : item.key) === String(segment));
      if (!pair) break;
      const keyOffset = rangeStart(pair.key);
      if (last && target === 'key' && keyOffset !== undefined) return positionOfOffset(lineCounter, keyOffset);
      node = pair.value;
      offset = rangeStart(node) ?? keyOffset ?? offset;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = node.items[segment];
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  return positionOfOffset(lineCounter, offset);
}

function rangeStart(node: unknown): number | undefined {
  return node && typeof node === 'object' && 'range' in node ? (node as Node).range?.[0] : undefined;
}

/** Line and column of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(buffer: Buffer): Position {
  const decoder = new TextDecoder('utf-8', {fatal: true});
  let low = 0;
  let high = buffer.length;
  // The longest prefix that decodes: binary search on a monotone property.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      decoder.decode(buffer.subarray(0, mid), {stream: true});
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  // Characters complete before the failure; a started sequence is the culprit.
  const prefix = new TextDecoder('utf-8').decode(buffer.subarray(0, low), {stream: true});
  const lines = prefix.split('\n');
  return {line: lines.length, column: [...lines[lines.length - 1]!].length + 1};
}

export type ReadResult = {source: SourceFile; diagnostics: Diagnostic[]} | {source: undefined; diagnostics: Diagnostic[]};

/** Reads and parses one YAML file. */
export function readYamlFile(file: string): ReadResult {
  const fail = (position: Position, rule: string, message: string, hint?: string): ReadResult => ({
    source: undefined,
    diagnostics: [diagnosticAt(file, position, 'error', rule, message, hint)],
  });

  let buffer: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.size > MAX_FILE_BYTES) {
      return fail(
        START,
        RULES.fileTooLarge,
        `The file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a data file may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
        'One model per file keeps files small; check that this is the file you meant to put here.',
      );
    }
    buffer = fs.readFileSync(file);
  } catch (error) {
    return fail(START, RULES.unreadable, `The file cannot be read: ${(error as Error).message}`);
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false}).decode(buffer);
  } catch {
    return fail(firstInvalidUtf8(buffer), RULES.notUtf8, 'The file is not valid UTF-8.', 'Save it as UTF-8 (without changing its characters by hand).');
  }

  return parseYaml(file, text);
}

const JS_YAML_OPTIONS = {schema: jsYaml.CORE_SCHEMA};

/** True when an object or array is reachable twice: the document used YAML aliases. */
function sharesReferences(value: unknown, seen = new Set<object>()): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (seen.has(value)) return true;
  seen.add(value);
  return Object.values(value).some((child) => sharesReferences(child, seen));
}

/**
 * The fast path: exactly one document without aliases. Anything else (errors,
 * several documents, aliases, which could expand exponentially) takes the
 * careful path.
 */
function parseFast(text: string): {value: unknown} | undefined {
  try {
    const documents: unknown[] = [];
    jsYaml.loadAll(text, (document) => documents.push(document), JS_YAML_OPTIONS);
    const [value] = documents;
    return documents.length === 1 && value !== null && value !== undefined && !sharesReferences(value) ? {value} : undefined;
  } catch {
    return undefined;
  }
}

function parseYaml(file: string, text: string): ReadResult {
  const fast = parseFast(text);
  if (fast) return {source: new SourceFile(file, text, fast.value), diagnostics: []};

  const positions = parseWithPositions(text);
  const {documents, lineCounter} = positions;
  const diagnostics: Diagnostic[] = [];
  for (const document of documents) {
    for (const [severity, issues] of [['error', document.errors], ['warning', document.warnings]] as const) {
      for (const issue of issues) {
        const message = issue.message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '');
        diagnostics.push(diagnosticAt(file, positionOfOffset(lineCounter, issue.pos[0]), severity, RULES.yamlSyntax, message, yamlHint(issue.code)));
      }
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return {source: undefined, diagnostics};

  const document = documents[0];
  if (!document || document.contents === null || (isScalar(document.contents) && document.contents.value === null)) {
    return {source: undefined, diagnostics: [diagnosticAt(file, START, 'error', RULES.emptyFile, 'The file is empty.', 'Write the entry, or delete the file.')]};
  }
  if (documents.length > 1) {
    diagnostics.push(
      diagnosticAt(
        file,
        positionOfOffset(lineCounter, documents[1]!.range[0]),
        'error',
        RULES.yamlSyntax,
        'The file holds more than one YAML document.',
        'Put one entry per file: remove the `---` separator and what follows, or move it to its own file.',
      ),
    );
    return {source: undefined, diagnostics};
  }
  try {
    return {source: new SourceFile(file, text, document.toJS({maxAliasCount: 100}), positions), diagnostics};
  } catch (error) {
    return {source: undefined, diagnostics: [diagnosticAt(file, START, 'error', RULES.yamlSyntax, (error as Error).message, 'Avoid YAML aliases (`*name`) in data files.')]};
  }
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Each key may appear once in a mapping: merge or remove the repeated one.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return 'Check the indentation and quoting of this line; quote values that contain `: ` or start with a special character.';
    default:
      return undefined;
  }
}

export interface RawDataset {
  readonly dir: string;
  readonly taxonomy?: SourceFile;
  readonly organizations?: SourceFile;
  /** `lookalikes.yaml`, when the dataset has one. */
  readonly lookalikes?: SourceFile;
  /** Model files, sorted by path. */
  readonly models: readonly SourceFile[];
  readonly diagnostics: readonly Diagnostic[];
  /** Every file read, by path, with its raw text: the base of the dataset hash. */
  readonly texts: ReadonlyMap<string, string>;
}

export const MODELS_DIR = 'models';
export const TAXONOMY_FILE = 'taxonomy.yaml';
export const ORGANIZATIONS_FILE = 'organizations.yaml';
/** Optional: names that contain a model's name but are not that model. */
export const LOOKALIKES_FILE = 'lookalikes.yaml';

/** Reads `taxonomy.yaml`, `organizations.yaml` and `models/*.yaml` of a dataset directory. */
export function readDataset(dir: string): RawDataset {
  const root = path.resolve(dir);
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();

  const readRequired = (name: string, what: string | undefined): SourceFile | undefined => {
    const file = path.join(root, name);
    if (!fs.existsSync(file)) {
      if (what === undefined) return undefined;
      diagnostics.push(
        diagnosticAt(file, START, 'error', RULES.missingFile, `The dataset has no ${name}.`, `Create ${name} with the ${what}.`),
      );
      return undefined;
    }
    const result = readYamlFile(file);
    diagnostics.push(...result.diagnostics);
    if (result.source) texts.set(file, result.source.text);
    return result.source;
  };

  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    diagnostics.push(
      diagnosticAt(root, START, 'error', RULES.missingFile, 'The dataset directory does not exist.', 'Pass the folder that holds taxonomy.yaml, organizations.yaml and models/.'),
    );
    return {dir: root, models: [], diagnostics, texts};
  }

  const taxonomy = readRequired(TAXONOMY_FILE, 'facets and their terms');
  const organizations = readRequired(ORGANIZATIONS_FILE, 'organizations the models refer to');
  const lookalikes = readRequired(LOOKALIKES_FILE, undefined);

  const modelsDir = path.join(root, MODELS_DIR);
  const entries = fs.existsSync(modelsDir) && fs.statSync(modelsDir).isDirectory() ? fs.readdirSync(modelsDir, {withFileTypes: true}) : [];
  const models: SourceFile[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = path.join(modelsDir, entry.name);
    if (entry.name.startsWith('.')) continue;
    if (!entry.isFile() || !entry.name.endsWith('.yaml')) {
      diagnostics.push(
        diagnosticAt(
          file,
          START,
          'warning',
          RULES.strayFile,
          `Ignored ${entry.isFile() ? 'file' : 'folder'}: only models/<id>.yaml files are read.`,
          entry.name.endsWith('.yml') ? 'Rename it to .yaml.' : 'Move it out of models/, or rename it to <id>.yaml.',
        ),
      );
      continue;
    }
    const result = readYamlFile(file);
    diagnostics.push(...result.diagnostics);
    if (result.source) {
      models.push(result.source);
      texts.set(file, result.source.text);
    }
  }
  const modelFiles = entries.filter((e) => e.isFile() && e.name.endsWith('.yaml'));
  if (modelFiles.length === 0) {
    diagnostics.push(
      diagnosticAt(modelsDir, START, 'error', RULES.noModels, 'The dataset has no models: models/ holds no .yaml file.', 'Add one file per model: models/<id>.yaml.'),
    );
  }
  return {dir: root, taxonomy, organizations, ...(lookalikes && {lookalikes}), models, diagnostics, texts};
}
