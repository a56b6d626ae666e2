/**
 * One fixture folder per rule: `invalid/<case>/files/` is laid over the valid
 * dataset (and `delete.txt` removes files); the diagnostics must equal
 * `expected.txt`. Run with UPDATE=1 to write missing or changed expectations;
 * without it a missing `expected.txt` fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {formatDiagnostics, loadDataset, RULES} from '../../plugin/src/data/index.js';
import {copyValidDataset, FIXTURES, VALID} from './helpers.js';

const TODAY = new Date('2026-01-01T00:00:00Z');
const CASES = path.join(FIXTURES, 'invalid');
const RULE_IDS = new Set<string>(Object.values(RULES));

function runCase(name: string): string {
  const dir = copyValidDataset();
  const caseDir = path.join(CASES, name);
  const files = path.join(caseDir, 'files');
  if (fs.existsSync(files)) fs.cpSync(files, dir, {recursive: true});
  const deletions = path.join(caseDir, 'delete.txt');
  if (fs.existsSync(deletions)) {
    for (const file of fs.readFileSync(deletions, 'utf8').split('\n').filter(Boolean)) fs.rmSync(path.join(dir, file));
  }
  const {diagnostics} = loadDataset(dir, {today: TODAY});
  return formatDiagnostics(diagnostics, 'text', dir);
}

describe('data fixtures', () => {
  it('should load the valid fixture without any diagnostic', () => {
    const {dataset, diagnostics} = loadDataset(VALID, {today: TODAY});
    expect(diagnostics).toEqual([]);
    expect(dataset?.models.map((m) => m.id)).toEqual(['bert', 'gpt', 'transformer']);
  });

  for (const name of fs.readdirSync(CASES).sort()) {
    it(`should report ${name}`, () => {
      const actual = runCase(name);
      const expectedFile = path.join(CASES, name, 'expected.txt');
      if (process.env.UPDATE) fs.writeFileSync(expectedFile, `${actual}\n`);
      // A missing expectation fails: it is written only when asked (UPDATE=1), then reviewed.
      expect(fs.existsSync(expectedFile), `${expectedFile} is missing: run with UPDATE=1 to write it`).toBe(true);
      expect(actual).not.toBe('');
      if (RULE_IDS.has(name)) expect(actual).toContain(`[${name}]`);
      expect(`${actual}\n`).toBe(fs.readFileSync(expectedFile, 'utf8'));
    });
  }
});
