import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/data');
export const VALID = path.join(FIXTURES, 'valid');

/** A fresh copy of the valid fixture dataset in a temporary folder. */
export function copyValidDataset(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'model-atlas-data-'));
  fs.cpSync(VALID, dir, {recursive: true});
  return dir;
}

/** Writes files (relative path → content) into a dataset folder. */
export function writeFiles(dir: string, files: Record<string, string | Buffer>) {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), {recursive: true});
    fs.writeFileSync(path.join(dir, file), content);
  }
}
