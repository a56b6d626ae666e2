/**
 * Writes files into a folder the plugin owns: only files whose content differs, and deletes the rest. The
 * built plugin writes in a worker thread while the generator goes on: writing a fresh folder can wait on
 * the disk for a second. This module is the worker's script too.
 */
import fs from 'node:fs';
import path from 'node:path';
import {isMainThread, parentPort, Worker, workerData} from 'node:worker_threads';
import {resolveInside} from './paths.js';

export interface SyncResult {
  readonly written: readonly string[];
  readonly deleted: readonly string[];
}

/** Where generated files go as they are built: a map of relative paths to contents, or a folder's writer. */
export interface FileSink {
  set(file: string, content: string | Uint8Array): unknown;
}

/** A file to write: its relative path, its absolute path, its content. */
type Entry = readonly [file: string, target: string, content: string | Uint8Array];

/** What the worker answers once told that no more files come. */
type Outcome = {readonly written: string[]} | {readonly error: string};

const WRITE_JOB = 'model-atlas-write';
/** Files a message to the worker carries. */
const BATCH = 64;
/** Files the worker writes at a time: enough to keep the system's thread pool (4 threads) busy. */
const IN_FLIGHT = 16;

function listFiles(dir: string, prefix = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
  });
}

function removeEmptyFolders(dir: string): void {
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    if (!entry.isDirectory()) continue;
    const child = path.join(dir, entry.name);
    removeEmptyFolders(child);
    if (fs.readdirSync(child).length === 0) fs.rmdirSync(child);
  }
}

/**
 * Writes files whose content differs from what their path holds, one `mkdir` a folder; keeps the paths
 * written, or the first failure (and starts no write after it). `write` writes at once; `writeAside` leaves
 * the writing to the system's thread pool, `IN_FLIGHT` files at a time, until `settled`: a fresh folder is
 * written faster so when the disk is busy.
 */
class ChangedFiles {
  readonly #written: string[] = [];
  readonly #folders = new Set<string>();
  readonly #queue: (readonly [file: string, target: string, bytes: Uint8Array])[] = [];
  #inFlight = 0;
  #idle: (() => void) | undefined;
  #error: string | undefined;

  write(entry: Entry): void {
    const changed = this.#changed(entry);
    if (changed === undefined) return;
    const [file, target, bytes] = changed;
    try {
      fs.writeFileSync(target, bytes);
      this.#written.push(file);
    } catch (failure) {
      this.#fail(failure);
    }
  }

  writeAside(entry: Entry): void {
    const changed = this.#changed(entry);
    if (changed === undefined) return;
    this.#queue.push(changed);
    this.#next();
  }

  /** Waits for the writes `writeAside` began. */
  settled(): Promise<void> {
    return this.#inFlight === 0 ? Promise.resolve() : new Promise((resolve) => (this.#idle = resolve));
  }

  get outcome(): Outcome {
    return this.#error === undefined ? {written: this.#written} : {error: this.#error};
  }

  /** The entry with its bytes when they differ from the file's, its folder made; undefined otherwise, or after a failure. */
  #changed([file, target, content]: Entry): readonly [string, string, Uint8Array] | undefined {
    if (this.#error !== undefined) return undefined;
    try {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      if (fs.existsSync(target) && fs.readFileSync(target).equals(bytes)) return undefined;
      const folder = path.dirname(target);
      if (!this.#folders.has(folder)) {
        fs.mkdirSync(folder, {recursive: true});
        this.#folders.add(folder);
      }
      return [file, target, bytes];
    } catch (failure) {
      this.#fail(failure);
      return undefined;
    }
  }

  #next(): void {
    while (this.#inFlight < IN_FLIGHT && this.#queue.length > 0 && this.#error === undefined) {
      const [file, target, bytes] = this.#queue.shift()!;
      this.#inFlight++;
      fs.promises.writeFile(target, bytes).then(
        () => this.#written.push(file),
        (failure: unknown) => this.#fail(failure),
      ).finally(() => {
        this.#inFlight--;
        this.#next();
        if (this.#inFlight === 0) this.#idle?.();
      });
    }
  }

  #fail(failure: unknown): void {
    this.#error ??= (failure as Error).message;
  }
}

/** The files written; throws the failure, said plainly. */
function settle(outcome: Outcome): string[] {
  if ('error' in outcome) throw new Error(`Model Atlas: could not write the generated files: ${outcome.error}`);
  return outcome.written;
}

if (!isMainThread && workerData === WRITE_JOB) {
  const files = new ChangedFiles();
  parentPort!.on('message', async (batch: Entry[] | null) => {
    if (batch !== null) return batch.forEach((entry) => files.writeAside(entry));
    await files.settled();
    parentPort!.postMessage(files.outcome);
    parentPort!.close();
  });
}

/** The writer's worker, and what it will answer; none when running from the TypeScript sources, which a worker cannot load. */
function startWorker(): {worker: Worker; outcome: Promise<Outcome>} | undefined {
  if (import.meta.url.endsWith('.ts')) return undefined;
  // Without the process's Node options: the script needs none, and some (`--input-type`) stop a worker.
  const worker = new Worker(new URL(import.meta.url), {workerData: WRITE_JOB, execArgv: []});
  const outcome = new Promise<Outcome>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`Model Atlas: the writer thread stopped (exit code ${code}) before writing every file.`)));
  });
  // `written` awaits it; until then a failure is not unhandled.
  outcome.catch(() => undefined);
  return {worker, outcome};
}

/**
 * The files of a folder, written as they are given (`set`, as into a Map, so that the generator can write
 * here or into a Map) in a worker thread; `written` or `sync` waits for them all.
 */
class FolderWriter implements FileSink {
  readonly #dir: string;
  readonly #now: ReadonlySet<string>;
  readonly #files = new Set<string>();
  readonly #thread = startWorker();
  /** Without a worker, and the files of `now`: written at once, in this thread. */
  readonly #here = new ChangedFiles();
  #batch: Entry[] = [];

  constructor(dir: string, now: ReadonlySet<string>) {
    this.#dir = dir;
    this.#now = now;
  }

  /** Writes `file` (a relative POSIX path) unless it holds `content`. Throws on a path outside the folder or given twice. */
  set(file: string, content: string | Uint8Array): this {
    const entry: Entry = [file, resolveInside(this.#dir, file), content];
    if (this.#files.has(file)) throw new Error(`Model Atlas: ${JSON.stringify(file)} was generated twice.`);
    this.#files.add(file);
    if (!this.#thread || this.#now.has(file)) this.#here.write(entry);
    else if (this.#batch.push(entry) === BATCH) this.#send(this.#batch);
    return this;
  }

  #send(message: Entry[] | null): void {
    this.#thread!.worker.postMessage(message);
    this.#batch = [];
  }

  /** Waits for every write; the files written, in the order given. No file may be given after. */
  async written(): Promise<string[]> {
    if (!this.#thread) return settle(this.#here.outcome);
    if (this.#batch.length > 0) this.#send(this.#batch);
    this.#send(null);
    const there = settle(await this.#thread.outcome);
    const written = new Set([...settle(this.#here.outcome), ...there]);
    return [...this.#files].filter((file) => written.has(file));
  }

  /** Waits for every write, then deletes every other file of the folder, and the folders left empty. */
  async sync(): Promise<SyncResult> {
    const written = await this.written();
    return {written, deleted: deleteAllBut(this.#dir, this.#files)};
  }

  /** Stops the worker, leaving what it wrote. */
  async stop(): Promise<void> {
    await this.#thread?.worker.terminate();
  }
}

/**
 * Makes `dir` hold exactly the files that `build` gives its sink (relative POSIX paths), touching only what
 * differs: the built plugin writes them in a worker thread while `build` goes on, but the files of `now` at
 * once, in this thread (files that must exist before the rest is written). When `build` throws, the files it
 * gave may be written, and no file is deleted.
 */
export async function syncFolderWhile(dir: string, build: (files: FileSink) => Promise<void>, now: ReadonlySet<string> = new Set()): Promise<SyncResult> {
  const writer = new FolderWriter(dir, now);
  try {
    await build(writer);
  } catch (error) {
    await writer.stop();
    throw error;
  }
  return writer.sync();
}

/** Deletes the files of `dir` that `keep` has not, and the folders left empty; returns their paths. */
function deleteAllBut(dir: string, keep: {has(file: string): boolean}): string[] {
  const deleted = listFiles(dir).filter((file) => !keep.has(file));
  for (const file of deleted) fs.rmSync(path.join(dir, file));
  if (deleted.length > 0) removeEmptyFolders(dir);
  return deleted;
}

/** Writes the files (text or bytes) whose content differs from what `dir` holds, in this thread; returns their paths. Throws on a path outside `dir`. */
export function writeChangedFiles(dir: string, files: ReadonlyMap<string, string | Uint8Array>): string[] {
  const changed = new ChangedFiles();
  for (const [file, content] of files) changed.write([file, resolveInside(dir, file), content]);
  return settle(changed.outcome);
}

/** Makes `dir` hold exactly `files` (relative POSIX paths), in this thread, touching only what differs; nothing outside `dir`. */
export function syncFolder(dir: string, files: ReadonlyMap<string, string | Uint8Array>): SyncResult {
  for (const file of files.keys()) resolveInside(dir, file);
  const deleted = deleteAllBut(dir, files);
  return {written: writeChangedFiles(dir, files), deleted};
}
