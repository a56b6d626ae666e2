import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {formatDiagnostics, loadDataset} from '../../plugin/src/data/index.js';
import {copyValidDataset, writeFiles} from './helpers.js';

describe('lookalikes.yaml', () => {
  it('should be optional', () => {
    const dir = copyValidDataset();
    expect(fs.existsSync(path.join(dir, 'lookalikes.yaml'))).toBe(false);
    expect(loadDataset(dir).dataset?.lookalikes).toEqual([]);
  });

  it('should expose the look-alikes on the dataset and change its hash', () => {
    const dir = copyValidDataset();
    const before = loadDataset(dir).dataset!.hash;
    writeFiles(dir, {'lookalikes.yaml': '- Chinese BERT\n- {name: BERT Score, note: a metric}\n'});
    const {dataset, diagnostics} = loadDataset(dir);
    expect(diagnostics.filter((d) => d.file.endsWith('lookalikes.yaml'))).toEqual([]);
    expect(dataset?.lookalikes).toEqual(['Chinese BERT', 'BERT Score']);
    expect(dataset?.hash).not.toBe(before);
  });

  it('should report every problem with file, line and column', () => {
    const dir = copyValidDataset();
    writeFiles(dir, {'lookalikes.yaml': '- Chinese BERT\n- {name: Chinese  bert}\n- {name: Nothing Here}\n- {name: BERT Score, notes: typo}\n- 42\n'});
    const {dataset, diagnostics} = loadDataset(dir);
    expect(dataset).toBeUndefined();
    const text = formatDiagnostics(diagnostics.filter((d) => d.file.endsWith('lookalikes.yaml')), 'text', dir);
    expect(text).toContain('lookalikes.yaml:2:3: warning [duplicate-lookalike] "Chinese  bert" is listed twice (first at line 1, column 3).');
    expect(text).toContain('lookalikes.yaml:3:3: warning [lookalike-blocks-nothing] "Nothing Here" contains no name or alias of a model, so it blocks nothing.');
    expect(text).toContain('lookalikes.yaml:4:22: error [unknown-field] "[3]" has an unknown field "notes".');
    expect(text).toContain('lookalikes.yaml:5:3: error [schema] "[4]" has the wrong form.');
  });
});
