/**
 * A parser for the plain YAML that data files are written in: block mappings
 * and sequences, one-line flow collections of scalars, quoted and plain
 * scalars, and folded or literal block scalars (`>-`, `>`, `|-`, `|`).
 *
 * It returns exactly what js-yaml's core schema returns, or `undefined` for
 * anything it does not know for certain (tabs, anchors, tags, escapes, keys
 * that need quoting, repeated keys, multi-line plain or flow scalars, …),
 * which then takes js-yaml's path. It is a shortcut, never a second dialect:
 * `plainYaml.property.test.ts` compares it with js-yaml on generated
 * documents, and on every file of the real dataset.
 *
 * It is about four times faster than js-yaml on a model file, and most of a
 * 10,000-model catalog's loading time is parsing.
 */
import jsYaml from 'js-yaml';

/** Thrown (never an Error: no stack to capture) when the text leaves the subset. */
const OUTSIDE = Symbol('outside the plain subset');

/** Characters outside the subset anywhere in the text: controls, tabs, carriage returns, surrogates (astral characters), U+FEFF, noncharacters. */
const REFUSED_CHARACTER = /[^\n\x20-\x7E\u00A0-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]/;
/** A key that js-yaml reads as the same string (a letter, then letters, digits, `_` and `-`), from `lastIndex`. */
const KEY = /[A-Za-z][\w-]*/y;
/** A block mapping entry from `lastIndex`: the key, then a colon followed by spaces or the end of the line. */
const ENTRY = /([A-Za-z][\w-]*):(?: +|$)/y;
/** Plain scalars that the core schema reads as null or a boolean. */
const KEYWORDS = new Map<string, null | boolean>([
  ...['null', 'Null', 'NULL'].map((word) => [word, null] as const),
  ...['true', 'True', 'TRUE'].map((word) => [word, true] as const),
  ...['false', 'False', 'FALSE'].map((word) => [word, false] as const),
]);
/** A plain scalar holding a character outside this set is a string: no null, boolean, integer or float can hold it. */
const NOT_NUMERIC = /[^\w.+~-]/;
/** What ends a plain scalar inside a flow collection: `,`, `[`, `]`, `{`, `}` (a character code; NaN past the end is none). */
const isFlowIndicator = (code: number) => code === 0x2c || code === 0x5b || code === 0x5d || code === 0x7b || code === 0x7d;
/** The end of the line or a space (NaN past the end). */
const isSpaceOrEnd = (code: number) => code === 0x20 || Number.isNaN(code);
const BLOCK_SCALAR_HEADERS = new Set(['>-', '>', '|-', '|']);

const isKeyword = (text: string) => (text.length === 4 || text.length === 5) && KEYWORDS.has(text);

/** Scalars that may be numbers, resolved once by js-yaml itself: dates and sizes recur from file to file. */
const resolved = new Map<string, unknown>();
const MAX_RESOLVED = 10_000;

/** What the core schema makes of a plain scalar. */
function resolvePlain(text: string): unknown {
  if (text === '') throw OUTSIDE;
  if (isKeyword(text)) return KEYWORDS.get(text);
  const first = text.charCodeAt(0);
  const letter = (first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a);
  if (letter || NOT_NUMERIC.test(text)) return text;
  if (resolved.has(text)) return resolved.get(text);
  let value: unknown;
  try {
    // In a flow sequence alone, the scalar is read as the plain scalar it was: no document marker, no indicator.
    const [item, ...rest] = jsYaml.load(`[${text}]`, {schema: jsYaml.CORE_SCHEMA}) as unknown[];
    if (rest.length > 0 || (item !== null && typeof item === 'object')) throw OUTSIDE;
    value = item;
  } catch {
    throw OUTSIDE;
  }
  if (resolved.size >= MAX_RESOLVED) resolved.clear();
  resolved.set(text, value);
  return value;
}

function skipSpaces(line: string, at: number): number {
  while (line.charCodeAt(at) === 0x20) at++;
  return at;
}

function indentOf(line: string): number {
  return skipSpaces(line, 0);
}

/** Nothing to read from `at` on: the end of the line, spaces, or a comment. */
function isBlank(line: string, at = 0): boolean {
  at = skipSpaces(line, at);
  return at === line.length || line[at] === '#';
}

/** The key of a block mapping entry at `at`, and where its value starts; `undefined` when there is none. */
function entryAt(line: string, at: number): [string, number] | undefined {
  ENTRY.lastIndex = at;
  const entry = ENTRY.exec(line);
  return entry ? [entry[1]!, ENTRY.lastIndex] : undefined;
}

/** A key of a mapping: one js-yaml reads as the same string, never a repeat. */
function addKey(mapping: Record<string, unknown>, key: string, value: unknown) {
  if (isKeyword(key) || Object.hasOwn(mapping, key)) throw OUTSIDE;
  mapping[key] = value;
}

class Reader {
  readonly #lines: readonly string[];
  #next = 0;

  constructor(text: string) {
    this.#lines = text.split('\n');
  }

  read(): unknown {
    const start = this.#contentLine();
    if (start === undefined || indentOf(this.#lines[start]!) !== 0) throw OUTSIDE;
    const value = this.#mapping(0, start, 0);
    if (this.#contentLine() !== undefined) throw OUTSIDE;
    return value;
  }

  /** The index of the next line that is not blank, from `#next` on. */
  #contentLine(): number | undefined {
    while (this.#next < this.#lines.length && isBlank(this.#lines[this.#next]!)) this.#next++;
    return this.#next < this.#lines.length ? this.#next : undefined;
  }

  /** A block mapping whose keys are at `indent`; its first key is on line `first` at `column` (after `- ` in a sequence). */
  #mapping(indent: number, first: number, column: number): Record<string, unknown> {
    const mapping: Record<string, unknown> = {};
    for (let index: number | undefined = first, at = column; index !== undefined; index = this.#contentLine(), at = indent) {
      const line = this.#lines[index]!;
      const lineIndent = indentOf(line);
      if (index !== first && lineIndent < indent) break;
      if (index !== first && lineIndent > indent) throw OUTSIDE;
      const entry = entryAt(line, at);
      if (!entry) throw OUTSIDE;
      const [key, valueAt] = entry;
      this.#next = index + 1;
      addKey(mapping, key, valueAt === line.length ? this.#nested(indent) : this.#inline(line, valueAt, indent));
    }
    return mapping;
  }

  /** The value of a key written on the lines below it: a more indented mapping or sequence. */
  #nested(indent: number): unknown {
    const index = this.#contentLine();
    if (index === undefined) throw OUTSIDE;
    const line = this.#lines[index]!;
    const lineIndent = indentOf(line);
    if (lineIndent <= indent) throw OUTSIDE;
    return line[lineIndent] === '-' ? this.#sequence(lineIndent, index) : this.#mapping(lineIndent, index, lineIndent);
  }

  /** A block sequence whose dashes are at `indent`. */
  #sequence(indent: number, first: number): unknown[] {
    const sequence: unknown[] = [];
    for (let index: number | undefined = first; index !== undefined; index = this.#contentLine()) {
      const line = this.#lines[index]!;
      const lineIndent = indentOf(line);
      if (lineIndent < indent) break;
      if (lineIndent > indent || line[indent] !== '-' || line[indent + 1] !== ' ') throw OUTSIDE;
      const at = skipSpaces(line, indent + 1);
      if (at === line.length) throw OUTSIDE;
      this.#next = index + 1;
      sequence.push(entryAt(line, at) ? this.#mapping(at, index, at) : this.#inline(line, at, indent));
    }
    return sequence;
  }

  /** A value that starts on its key's or dash's line, at `at`; `indent` is the indentation of the collection holding it. */
  #inline(line: string, at: number, indent: number): unknown {
    const first = line[at]!;
    let value: unknown;
    let end: number;
    if (first === '>' || first === '|') {
      return this.#blockScalar(line.slice(at), indent);
    } else if (first === "'" || first === '"') {
      [value, end] = quoted(line, at);
    } else if (first === '[' || first === '{') {
      [value, end] = first === '[' ? flowSequence(line, at) : flowMapping(line, at);
    } else {
      [value, end] = plain(line, at, false);
    }
    // Only spaces and a comment may follow (a plain scalar stops before `: `, which would make the line a mapping).
    // A more indented line below, which would continue the value, is refused by the collection that holds it.
    if (!isBlank(line, end) || (end < line.length && line[end] !== ' ')) throw OUTSIDE;
    return value;
  }

  /** The lines of a block scalar, more indented than `indent`, all at one indentation, without trailing spaces. */
  #blockScalar(header: string, indent: number): string {
    if (!BLOCK_SCALAR_HEADERS.has(header)) throw OUTSIDE;
    const lines: string[] = [];
    let contentIndent: number | undefined;
    for (; this.#next < this.#lines.length; this.#next++) {
      const line = this.#lines[this.#next]!;
      if (line === '') {
        if (contentIndent === undefined) throw OUTSIDE;
        lines.push(line);
        continue;
      }
      const lineIndent = indentOf(line);
      if (lineIndent <= indent && lineIndent < line.length) break;
      contentIndent ??= lineIndent;
      if (lineIndent !== contentIndent || line.endsWith(' ')) throw OUTSIDE;
      lines.push(line.slice(contentIndent));
    }
    while (lines.at(-1) === '') lines.pop();
    if (lines.length === 0) throw OUTSIDE;
    const body = header[0] === '|' ? lines.join('\n') : fold(lines);
    return header.endsWith('-') ? body : `${body}\n`;
  }
}

/** Folded lines: neighbours joined by a space, each empty line between them a line break. */
function fold(lines: readonly string[]): string {
  let text = lines[0]!;
  let breaks = 0;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (line === '') {
      breaks++;
      continue;
    }
    text += breaks === 0 ? ` ${line}` : '\n'.repeat(breaks) + line;
    breaks = 0;
  }
  return text;
}

/** A quoted scalar on one line, from its opening quote at `at`: its value and the index after the closing quote. */
function quoted(line: string, at: number): [string, number] {
  const quote = line[at]!;
  let text = '';
  let from = at + 1;
  for (;;) {
    const close = line.indexOf(quote, from);
    if (close < 0) throw OUTSIDE;
    text += line.slice(from, close);
    // In single quotes, `''` is one quote; double quotes are taken only without escapes.
    if (quote === "'" && line[close + 1] === "'") {
      text += "'";
      from = close + 2;
      continue;
    }
    if (quote === '"' && text.includes('\\')) throw OUTSIDE;
    return [text, close + 1];
  }
}

/** Characters that cannot start a plain scalar here. */
const INDICATORS = '#&*!|>\'"%@`,[]{}?:';

/**
 * A plain scalar from `at`: its value and the index where it ends. In a block
 * it ends at ` #` or the end of the line; in a flow collection also at a flow
 * indicator or a colon followed by a space.
 */
function plain(line: string, at: number, flow: boolean): [unknown, number] {
  if (INDICATORS.includes(line[at]!)) throw OUTSIDE;
  /** Whether the character after a `-` or `:` ends what it starts (an item, a key). */
  const ends = (code: number) => isSpaceOrEnd(code) || (flow && isFlowIndicator(code));
  if (line.charCodeAt(at) === 0x2d && ends(line.charCodeAt(at + 1))) throw OUTSIDE;
  let end = at;
  for (; end < line.length; end++) {
    const code = line.charCodeAt(end);
    if (code === 0x20 && line.charCodeAt(end + 1) === 0x23) break;
    if (code === 0x3a && ends(line.charCodeAt(end + 1))) break;
    if (flow && isFlowIndicator(code)) break;
  }
  let last = end;
  while (line.charCodeAt(last - 1) === 0x20) last--;
  return [resolvePlain(line.slice(at, last)), end];
}

/** A scalar inside a flow collection. */
function flowScalar(line: string, at: number): [unknown, number] {
  const first = line[at];
  if (first === undefined) throw OUTSIDE;
  return first === "'" || first === '"' ? quoted(line, at) : plain(line, at, true);
}

/** Items separated by commas up to `close`, each read by `item`; no empty item, no trailing comma. */
function flowItems(line: string, at: number, close: string, item: (at: number) => number): number {
  at = skipSpaces(line, at + 1);
  if (line[at] === close) return at + 1;
  for (;;) {
    at = skipSpaces(line, item(at));
    if (line[at] === close) return at + 1;
    if (line[at] !== ',') throw OUTSIDE;
    at = skipSpaces(line, at + 1);
    if (line[at] === close) throw OUTSIDE;
  }
}

/** `[a, 'b', 3]`: scalars only. */
function flowSequence(line: string, at: number): [unknown[], number] {
  const sequence: unknown[] = [];
  const end = flowItems(line, at, ']', (from) => {
    const [value, next] = flowScalar(line, from);
    sequence.push(value);
    return next;
  });
  return [sequence, end];
}

/** `{key: value, other: [a, b]}`: keys as in a block mapping, values scalars or flow sequences. */
function flowMapping(line: string, at: number): [Record<string, unknown>, number] {
  const mapping: Record<string, unknown> = {};
  const end = flowItems(line, at, '}', (from) => {
    KEY.lastIndex = from;
    const key = KEY.exec(line)?.[0];
    const colon = from + (key?.length ?? 0);
    if (key === undefined || line[colon] !== ':' || line[colon + 1] !== ' ') throw OUTSIDE;
    const valueAt = skipSpaces(line, colon + 1);
    const [value, next] = line[valueAt] === '[' ? flowSequence(line, valueAt) : flowScalar(line, valueAt);
    addKey(mapping, key, value);
    return next;
  });
  return [mapping, end];
}

/**
 * The value of a YAML text written in the plain subset, as js-yaml's core
 * schema reads it, or `undefined` when the text is outside the subset.
 */
export function parsePlainYaml(text: string): {value: Record<string, unknown>} | undefined {
  if (REFUSED_CHARACTER.test(text)) return undefined;
  try {
    return {value: new Reader(text).read() as Record<string, unknown>};
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}
