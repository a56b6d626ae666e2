/** The one BibTeX writer: any string becomes a value with balanced braces and no LaTeX special left active. */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {bibtexEntry, bibtexText, bibtexUrl} from '../../plugin/src/generate/bibtex.js';

/** BibTeX counts every brace, escaped or not: the depth must never go below zero and end at zero. */
function balanced(value: string): boolean {
  let depth = 0;
  for (const c of value) {
    depth += c === '{' ? 1 : c === '}' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

describe('BibTeX writer', () => {
  it('should escape braces, backslashes and LaTeX specials as text', () => {
    expect(bibtexText('{a} \\b & 50% $x$ #1 a_b ^ ~')).toBe(
      '\\textbraceleft{}a\\textbraceright{} \\textbackslash{}b \\& 50\\% \\$x\\$ \\#1 a\\_b \\textasciicircum{} \\textasciitilde{}',
    );
    expect(bibtexUrl('https://example.com/{x}\\y')).toBe('https://example.com/%7Bx%7D%5Cy');
  });

  it('should write an entry with balanced braces whatever the strings (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (title, author, url) => {
        const entry = bibtexEntry('misc', `key ${title}`, [['title', title], ['author', author], ['url', url], ['note', undefined]]);
        expect(balanced(entry)).toBe(true);
        // A value never ends the field early or runs into the next one.
        expect(entry.split('\n').slice(1, -2).every((line) => /^ {2}\w+ = \{.*\},?$/.test(line))).toBe(true);
        expect(entry).not.toContain('note');
      }),
    );
  });
});
