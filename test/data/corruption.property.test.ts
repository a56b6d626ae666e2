/** Property: any corruption of a valid file yields diagnostics, never a throw. */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {loadDataset} from '../../plugin/src/data/index.js';
import {copyValidDataset, VALID} from './helpers.js';

const original = fs.readFileSync(path.join(VALID, 'models/bert.yaml'));

/** A corruption of a byte buffer: overwrite, insert or delete a slice. */
const corruption: fc.Arbitrary<Change> = fc.oneof(
  fc.record({kind: fc.constant('overwrite' as const), at: fc.nat(), bytes: fc.uint8Array({minLength: 1, maxLength: 8})}),
  fc.record({kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({minLength: 1, maxLength: 8})}),
  fc.record({kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.constantFrom(...[': ', '- ', '{', '[', '"', "'", '\t', '*a', '&a ', '!!binary ', '---\n', '? ', '|'].map((s) => Buffer.from(s)))}),
  fc.record({kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({min: 1, max: 40})}),
);

type Change = {kind: 'overwrite' | 'insert'; at: number; bytes: Uint8Array} | {kind: 'delete'; at: number; length: number};

function corrupt(buffer: Buffer, change: Change): Buffer {
  const at = change.at % (buffer.length + 1);
  switch (change.kind) {
    case 'overwrite':
      return Buffer.concat([buffer.subarray(0, at), Buffer.from(change.bytes), buffer.subarray(at + change.bytes.length)]);
    case 'insert':
      return Buffer.concat([buffer.subarray(0, at), Buffer.from(change.bytes), buffer.subarray(at)]);
    case 'delete':
      return Buffer.concat([buffer.subarray(0, at), buffer.subarray(at + change.length)]);
  }
}

describe('corrupted data files', () => {
  it('should always yield diagnostics with a place, never throw', () => {
    const dir = copyValidDataset();
    const file = path.join(dir, 'models/bert.yaml');
    fc.assert(
      fc.property(fc.array(corruption, {minLength: 1, maxLength: 4}), (changes) => {
        const bytes = changes.reduce<Buffer>((buffer, change) => corrupt(buffer, change), original);
        fs.writeFileSync(file, bytes);
        const {dataset, diagnostics} = loadDataset(dir);
        for (const d of diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.message).not.toBe('');
        }
        // A corruption either keeps the file valid or is reported.
        if (!dataset) expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
        // A file that still loads is still the model its name says (an id that changed would be an error).
        else expect(dataset.model('bert')?.file).toBe('models/bert.yaml');
      }),
      {numRuns: 300},
    );
  });
});
