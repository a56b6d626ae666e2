/**
 * Reads the dataset's YAML files. Never throws: every problem becomes a diagnostic.
 *
 * Values come from the plain-YAML shortcut or js-yaml (about ten times faster
 * than a parse that keeps positions); source positions come from the \`yaml\`
 * package, parsed only for files that have something to report.
 */
import fs from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
import {isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node} from 'yaml';
import {MAX_FILE_BYTES, RULES} from './constants.js';
import {parsePlainYaml} from './plainYaml.js';
import type {Diagnostic, Severity} from './types.js';

interface Positions {
  readonly documents: readonly Document.Parsed[];
  readonly lineCounter: LineCounter;
}

/** Parses with positions. Repeated keys are found by `duplicateKeys`: the parser's own check costs far more on a file of many keys. */
function parseWithPositions(text: string): Positions {
  const lineCounter = new LineCounter();
  return {documents: parseAllDocuments(text, {lineCounter, prettyErrors: false, uniqueKeys: false}) as Document.Parsed[], lineCounter};
}

/** Offsets of every key repeated in its mapping: one pass with a set per mapping, and an explicit stack. */
function duplicateKeys(document: Document.Parsed): number[] {
  const offsets: number[] = [];
  const stack: unknown[] = [document.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const {key, value} of node.items) {
        if (isScalar(key)) {
          const text = String(key.value);
          if (seen.has(text)) offsets.push(rangeStart(key) ?? 0);
          seen.add(text);
        }
        stack.push(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return offsets.sort((a, b) => a - b);
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

/** `permission denied` from `EACCES: permission denied, open '…'`: the reason without the path. */
function reason(error: unknown): string {
  const {code, message} = error as NodeJS.ErrnoException;
  const text = String(message);
  return code && text.startsWith(`${code}: `) ? text.slice(code.length + 2).replace(/, \w+ '.*'$/s, '') : text;
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** What a path is, for messages: "a folder", "a FIFO", … */
function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Reads a file of the data folder, refusing anything that is not a regular
 * file of at most `MAX_FILE_BYTES` inside `root` once links are resolved. The
 * checks are made on the opened descriptor (`fstat`), so the file read is the
 * file checked; `O_NONBLOCK` keeps a FIFO from blocking the open.
 */
function readDataFile(file: string, root: string, knownReal?: string): {buffer: Buffer} | {diagnostic: Diagnostic} {
  const fail = (rule: string, message: string, hint?: string) => ({diagnostic: diagnosticAt(file, START, 'error', rule, message, hint)});
  let real: string;
  try {
    real = knownReal ?? fs.realpathSync.native(file);
  } catch (error) {
    return fail(RULES.unreadable, `The file cannot be read: ${reason(error)}.`, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'It may be a link to a file that does not exist.' : undefined);
  }
  // A known real path is a listed file of a folder inside the data folder: nothing to check.
  if (knownReal === undefined && !isInside(root, real)) {
    return fail(RULES.outsideData, `The file is a link to ${real}, outside the data folder.`, 'Links are followed only to files inside the data folder: copy the file here instead.');
  }
  let fd: number | undefined;
  try {
    fd = fs.openSync(real, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) {
      return fail(RULES.notRegularFile, `This is ${kindOf(stat)}, not a regular file: it is not read.`, 'Data files must be ordinary .yaml files.');
    }
    if (stat.size > MAX_FILE_BYTES) {
      return fail(
        RULES.fileTooLarge,
        `The file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a data file may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
        'One model per file keeps files small; check that this is the file you meant to put here.',
      );
    }
    // Read one byte more than the size said: a file that grows while it is read is refused, not read on.
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = fs.readSync(fd, buffer, length, buffer.length - length, null);
    if (length > stat.size) return fail(RULES.unreadable, 'The file changed while it was read.', 'Run the command again once the file is saved.');
    return {buffer: buffer.subarray(0, length)};
  } catch (error) {
    return fail(RULES.unreadable, `The file cannot be read: ${reason(error)}.`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Reads and parses one YAML file of the data folder `root` (default: the file's own folder). */
export function readYamlFile(file: string, root = path.dirname(path.resolve(file))): ReadResult {
  return readYaml(file, safeRealpath(root));
}

/** One strict decoder for every file: a decode without `stream` keeps no state between calls. */
const UTF8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false});

/**
 * `readYamlFile` with the data folder's real path resolved once by the caller, and, when the caller knows
 * it (a regular file listed in a folder whose real path is inside the data folder), the file's real path.
 */
function readYaml(file: string, realRoot: string, knownReal?: string): ReadResult {
  const read = readDataFile(file, realRoot, knownReal);
  if ('diagnostic' in read) return {source: undefined, diagnostics: [read.diagnostic]};
  const {buffer} = read;
  let text: string;
  try {
    text = UTF8.decode(buffer);
  } catch {
    return {
      source: undefined,
      diagnostics: [diagnosticAt(file, firstInvalidUtf8(buffer), 'error', RULES.notUtf8, 'The file is not valid UTF-8.', 'Save it as UTF-8 (without changing its characters by hand).')],
    };
  }
  return parseYaml(file, text);
}

function safeRealpath(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
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
 * The fast path: exactly one document without aliases, read by the plain-YAML
 * shortcut when it is written plainly (as data files are), else by js-yaml.
 * Anything else (errors, several documents, aliases, which could expand
 * exponentially) takes the careful path.
 */
function parseFast(text: string): {value: unknown} | undefined {
  const plain = parsePlainYaml(text);
  if (plain) return plain;
  try {
    const documents: unknown[] = [];
    jsYaml.loadAll(text, (document) => documents.push(document), JS_YAML_OPTIONS);
    const [value] = documents;
    // An alias (`*name`) must name an anchor (`&name`) of the same document: without both characters in the
    // text there is none, and nothing to walk (Markdown's `**bold**` alone does not count).
    const mayAlias = text.includes('&') && text.includes('*');
    return documents.length === 1 && value !== null && value !== undefined && !(mayAlias && sharesReferences(value)) ? {value} : undefined;
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
    for (const offset of duplicateKeys(document)) {
      diagnostics.push(diagnosticAt(file, positionOfOffset(lineCounter, offset), 'error', RULES.yamlSyntax, 'Map keys must be unique', yamlHint('DUPLICATE_KEY')));
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
  /** `primary-hosts.yaml`, when the dataset declares its primary source hosts. */
  readonly primaryHosts?: SourceFile;
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
export const PRIMARY_HOSTS_FILE = 'primary-hosts.yaml';
/** Optional: names that contain a model's name but are not that model. */
export const LOOKALIKES_FILE = 'lookalikes.yaml';

/** `lstat`, or the error code when it fails. */
function lstatOrCode(file: string): fs.Stats | NodeJS.ErrnoException {
  try {
    return fs.lstatSync(file);
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

/**
 * Reads `taxonomy.yaml`, `organizations.yaml` and `models/*.yaml` of a dataset
 * directory. Links are followed only to files inside the data folder; only
 * regular files are read.
 */
export function readDataset(dir: string): RawDataset {
  const root = path.resolve(dir);
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const add = (found: readonly Diagnostic[]) => {
    for (const diagnostic of found) diagnostics.push(diagnostic);
  };
  const unreadable = (file: string, what: string, error: NodeJS.ErrnoException) =>
    diagnosticAt(file, START, 'error', RULES.unreadable, `The ${what} cannot be read: ${reason(error)}.`, error.code === 'EACCES' ? 'Check its permissions.' : undefined);

  const rootStat = lstatOrCode(root);
  const realRoot = safeRealpath(root);
  const rootIsDir = !(rootStat instanceof Error) && (rootStat.isDirectory() || (rootStat.isSymbolicLink() && fs.statSync(realRoot, {throwIfNoEntry: false})?.isDirectory() === true));
  if (!rootIsDir) {
    diagnostics.push(
      rootStat instanceof Error && rootStat.code !== 'ENOENT' && rootStat.code !== 'ENOTDIR'
        ? unreadable(root, 'dataset directory', rootStat)
        : diagnosticAt(root, START, 'error', RULES.missingFile, 'The dataset directory does not exist.', 'Pass the folder that holds taxonomy.yaml, organizations.yaml and models/.'),
    );
    return {dir: root, models: [], diagnostics, texts};
  }

  const readFile = (file: string, knownReal?: string): SourceFile | undefined => {
    const result = readYaml(file, realRoot, knownReal);
    add(result.diagnostics);
    if (result.source) texts.set(file, result.source.text);
    return result.source;
  };
  /** Reads a top-level file; without `what` it is optional and may be absent. */
  const readTopLevel = (name: string, what?: string): SourceFile | undefined => {
    const file = path.join(root, name);
    const stat = lstatOrCode(file);
    if (stat instanceof Error) {
      if (stat.code === 'ENOENT' && what === undefined) return undefined;
      diagnostics.push(
        stat.code === 'ENOENT'
          ? diagnosticAt(file, START, 'error', RULES.missingFile, `The dataset has no ${name}.`, `Create ${name} with the ${what}.`)
          : unreadable(file, 'file', stat),
      );
      return undefined;
    }
    return readFile(file);
  };

  const taxonomy = readTopLevel(TAXONOMY_FILE, 'facets and their terms');
  const organizations = readTopLevel(ORGANIZATIONS_FILE, 'organizations the models refer to');
  const primaryHosts = readTopLevel(PRIMARY_HOSTS_FILE);
  const lookalikes = readTopLevel(LOOKALIKES_FILE);

  const modelsDir = path.join(root, MODELS_DIR);
  let entries: fs.Dirent[] = [];
  try {
    entries = fs.readdirSync(modelsDir, {withFileTypes: true});
  } catch (error) {
    const {code} = error as NodeJS.ErrnoException;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      diagnostics.push(unreadable(modelsDir, 'folder', error as NodeJS.ErrnoException));
      return {dir: root, taxonomy, organizations, models: [], diagnostics, texts};
    }
  }
  const models: SourceFile[] = [];
  let modelFiles = 0;
  // A regular file listed in models/ (itself inside the data folder) is read at its listed path without
  // resolving it again: O_NOFOLLOW and fstat still refuse it if it became a link or something else since.
  const realModels = safeRealpath(modelsDir);
  const modelsInside = isInside(realRoot, realModels);
  const listedRealPath = (entry: fs.Dirent) => (entry.isFile() && modelsInside ? path.join(realModels, entry.name) : undefined);
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const file = path.join(modelsDir, entry.name);
    if (entry.name.startsWith('.')) continue;
    if (entry.name.endsWith('.yaml')) {
      // A file, or a link to one inside the data folder; anything else named like a model is an error, never skipped.
      modelFiles++;
      if (entry.isDirectory()) {
        diagnostics.push(
          diagnosticAt(file, START, 'error', RULES.notRegularFile, 'This is a folder, not a file: the model it names is not read.', 'Put the model in models/<id>.yaml, a file.'),
        );
        continue;
      }
      const source = readFile(file, listedRealPath(entry));
      if (source) models.push(source);
      continue;
    }
    const kind = entry.isFile() ? 'file' : entry.isSymbolicLink() ? 'link' : 'folder';
    // A `.yml` or `.YAML` file is a model that would be skipped: an error, so that validation does not pass without it.
    const skippedModel = kind !== 'folder' && /\.ya?ml$/i.test(entry.name);
    diagnostics.push(
      diagnosticAt(
        file,
        START,
        skippedModel ? 'error' : 'warning',
        RULES.strayFile,
        `Ignored ${kind}: only models/<id>.yaml files are read.`,
        skippedModel ? 'Rename it to <id>.yaml (lowercase .yaml).' : 'Move it out of models/, or rename it to <id>.yaml.',
      ),
    );
  }
  if (modelFiles === 0) {
    diagnostics.push(
      diagnosticAt(modelsDir, START, 'error', RULES.noModels, 'The dataset has no models: models/ holds no .yaml file.', 'Add one file per model: models/<id>.yaml.'),
    );
  }
  return {dir: root, taxonomy, organizations, primaryHosts, lookalikes, models, diagnostics, texts};
}
