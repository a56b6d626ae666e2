/** Writes a set of files into a folder the plugin owns: only changed files, and deletes the rest. */
import fs from 'node:fs';
import path from 'node:path';
import {resolveInside} from './paths.js';

export interface SyncResult {
  readonly written: readonly string[];
  readonly deleted: readonly string[];
}

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

/** Writes the files (text or bytes) whose content differs from what `dir` holds; returns their paths. Throws on a path outside `dir`. */
export function writeChangedFiles(dir: string, files: ReadonlyMap<string, string | Uint8Array>): string[] {
  const written: string[] = [];
  /** Folders made or found during this call: one `mkdir` each, not one a file. */
  const folders = new Set<string>();
  for (const [file, content] of files) {
    const target = resolveInside(dir, file);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    if (fs.existsSync(target) && fs.readFileSync(target).equals(bytes)) continue;
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      fs.mkdirSync(folder, {recursive: true});
      folders.add(folder);
    }
    fs.writeFileSync(target, bytes);
    written.push(file);
  }
  return written;
}

/** Makes `dir` hold exactly `files` (relative POSIX paths), touching only what differs; nothing outside `dir`. */
export function syncFolder(dir: string, files: ReadonlyMap<string, string | Uint8Array>): SyncResult {
  for (const file of files.keys()) resolveInside(dir, file);
  const deleted = listFiles(dir).filter((file) => !files.has(file));
  for (const file of deleted) fs.rmSync(path.join(dir, file));
  if (deleted.length > 0) removeEmptyFolders(dir);
  return {written: writeChangedFiles(dir, files), deleted};
}
