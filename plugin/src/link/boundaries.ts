/**
 * Word boundaries, judged on the text as the reader sees it.
 *
 * A letter, mark or digit of a script written with spaces between words (Latin, Greek, Cyrillic, …) next
 * to a name means the name is part of a longer word (`RoBERTa`, `mT5`, `BERTology`): no mention. Scripts
 * written without spaces (Han, kana, Hangul syllables with attached particles, Thai, …) do not block, so
 * `从BERT到ChatGPT` mentions both. What a joiner (`-`, `.`) and the word after it make of a name is the
 * grammar of `rules.ts`; `isWholeMention` is the strict reading (a joined word always blocks), which the
 * naive baseline of `bench/link.ts` uses.
 */

const WORD = /[\p{L}\p{N}\p{M}_]/u;
const UNSPACED_SCRIPT = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Thai}\p{scx=Lao}\p{scx=Khmer}\p{scx=Myanmar}]/u;
const JOINERS = new Set(['-', '.', '\u2010', '\u2011']);

/** Whether this character, next to a name, makes the name part of a longer word. */
export function isBlocking(char: string | undefined): boolean {
  return char !== undefined && WORD.test(char) && !UNSPACED_SCRIPT.test(char);
}

/** The code point that ends just before `index` (surrogate pairs included). */
function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return String.fromCodePoint(text.codePointAt(start)!);
}

/** The code point that starts at `index`. */
function charAt(text: string, index: number): string | undefined {
  const code = text.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

/** Whether `text.slice(start, end)` stands on its own: not glued to a longer word on either side. */
export function isWholeMention(text: string, start: number, end: number): boolean {
  const before = charBefore(text, start);
  if (isBlocking(before)) return false;
  if (before !== undefined && JOINERS.has(before) && isBlocking(charBefore(text, start - 1))) return false;
  const after = charAt(text, end);
  if (isBlocking(after)) return false;
  return !(after !== undefined && JOINERS.has(after) && isBlocking(charAt(text, end + 1)));
}
