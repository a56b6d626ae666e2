/**
 * How the matcher reads characters: one code unit in, one code unit out, so offsets in the text as
 * written and in the text as read are the same and positions stay exact.
 *
 * A character reads as its NFKC form when that is a single code unit (full-width `ＢＥＲＴ`, `－`, `２`;
 * ligatures and other expansions stay as they are); Unicode hyphens (U+2010, U+2011, U+2012), the
 * full-width hyphen and middle dots (`DALL·E`) read as `-`; every white space (no-break space included)
 * reads as a space. `fold` also lower-cases, without changing the length.
 */

const HYPHENS = [0x2010, 0x2011, 0x2012, 0xfe63, 0xff0d, 0x00b7, 0x2027, 0x30fb, 0xff65, 0x2219, 0x22c5];
const SPACE = 0x20;
const DASH = 0x2d;

let canonicalTable: Uint16Array | undefined;
let foldedTable: Uint16Array | undefined;

function buildTables(): [Uint16Array, Uint16Array] {
  const canonical = new Uint16Array(0x10000);
  const folded = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    let read = code;
    if (code < 0xd800 || code > 0xdfff) {
      const char = String.fromCharCode(code);
      const nfkc = code < 0x80 ? char : char.normalize('NFKC');
      if (nfkc.length === 1) read = nfkc.charCodeAt(0);
      if (/\s/.test(char)) read = SPACE;
    }
    if (HYPHENS.includes(code)) read = DASH;
    canonical[code] = read;
    const lower = String.fromCharCode(read).toLowerCase();
    folded[code] = lower.length === 1 ? lower.charCodeAt(0) : read;
  }
  return [canonical, folded];
}

function tables(): [Uint16Array, Uint16Array] {
  if (!canonicalTable || !foldedTable) [canonicalTable, foldedTable] = buildTables();
  return [canonicalTable, foldedTable];
}

/** The table of `fold`, code unit by code unit, for hot loops. */
export function foldTable(): Uint16Array {
  return tables()[1];
}

function mapString(text: string, table: Uint16Array): string {
  let first = 0;
  while (first < text.length && table[text.charCodeAt(first)] === text.charCodeAt(first)) first++;
  if (first === text.length) return text;
  let result = '';
  const codes = new Array<number>(text.length);
  for (let index = 0; index < text.length; index++) codes[index] = table[text.charCodeAt(index)]!;
  for (let from = 0; from < codes.length; from += 4096) result += String.fromCharCode(...codes.slice(from, from + 4096));
  return result;
}

/** `text` as read, case kept; same length. */
export function canonicalize(text: string): string {
  return mapString(text, tables()[0]);
}

/** `text` as read, lower-cased; same length. */
export function fold(text: string): string {
  return mapString(text, tables()[1]);
}

/** A name as the data writes it, read and with white space runs collapsed and trimmed. */
export function normalizeName(text: string): string {
  return canonicalize(text).trim().replace(/ {2,}/g, ' ');
}
