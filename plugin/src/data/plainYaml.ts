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
 * Most of a 10,000-model catalog's loading time is parsing, and what a parse
 * leaves behind: every collection of the young generation copies the values
 * read so far. So it reads the text in place, by offsets, and makes no string
 * or array but the values (no lines, no tuples, no match arrays).
 */
import jsYaml from 'js-yaml';

/** Thrown (never an Error: no stack to capture) when the text leaves the subset. */
const OUTSIDE = Symbol('outside the plain subset');

/** Characters outside the subset anywhere in the text: controls, tabs, carriage returns, surrogates (astral characters), U+FEFF, noncharacters. */
const REFUSED_CHARACTER = /[^\n\x20-\x7E\u00A0-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]/;
/**
 * The deepest indentation of a nested block collection. Each level of nesting is indented further, so this
 * bounds the reader's recursion: deeper nesting, which could overflow the stack, is left to js-yaml, as is
 * everything unusual. (Catching the overflow instead was not reliable: now and then the stack overflow
 * escaped the catch.)
 */
const MAX_INDENT = 128;
/** Plain scalars that the core schema reads as null or a boolean. */
const KEYWORDS = new Map<string, null | boolean>([
  ...['null', 'Null', 'NULL'].map((word) => [word, null] as const),
  ...['true', 'True', 'TRUE'].map((word) => [word, true] as const),
  ...['false', 'False', 'FALSE'].map((word) => [word, false] as const),
]);
/** A plain scalar holding a character outside this set is a string: no null, boolean, integer or float can hold it. */
const NOT_NUMERIC = /[^\w.+~-]/;
/** What ends a plain scalar inside a flow collection: `,`, `[`, `]`, `{`, `}` (a character code). */
const isFlowIndicator = (code: number) => code === 0x2c || code === 0x5b || code === 0x5d || code === 0x7b || code === 0x7d;
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

const SPACE = 0x20;
const isLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
/** A character of a key after its first letter: letters, digits, `_` and `-`. */
const isKeyCharacter = (code: number) => isLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x2d;

/** A key of a mapping: one js-yaml reads as the same string, never a repeat. */
function addKey(mapping: Record<string, unknown>, key: string, value: unknown) {
  if (isKeyword(key) || Object.hasOwn(mapping, key)) throw OUTSIDE;
  mapping[key] = value;
}

/** Reads a text by offsets: `line` is an index into `#starts`, `at` an offset into the text. */
class Reader {
  readonly #text: string;
  /** Where each line starts; one more entry past the last line, as if the text ended with a line break. */
  readonly #starts: number[] = [0];
  /** The next line to read. */
  #line = 0;
  /** Where the last scalar or flow collection read ended. */
  #end = 0;

  constructor(text: string) {
    this.#text = text;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.#starts.push(at + 1);
    this.#starts.push(text.length + 1);
  }

  read(): unknown {
    const start = this.#contentLine();
    if (start === undefined || this.#indent(start) !== 0) throw OUTSIDE;
    const value = this.#mapping(0, start, this.#starts[start]!);
    if (this.#contentLine() !== undefined) throw OUTSIDE;
    return value;
  }

  #lineEnd(line: number): number {
    return this.#starts[line + 1]! - 1;
  }

  #skipSpaces(at: number): number {
    while (this.#text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  #indent(line: number): number {
    return this.#skipSpaces(this.#starts[line]!) - this.#starts[line]!;
  }

  /** Nothing to read from `at` to the end of its line `line`: spaces, or a comment. */
  #isBlank(line: number, at: number): boolean {
    at = this.#skipSpaces(at);
    return at === this.#lineEnd(line) || this.#text.charCodeAt(at) === 0x23;
  }

  /** The index of the next line that is not blank, from `#line` on. */
  #contentLine(): number | undefined {
    const lines = this.#starts.length - 1;
    while (this.#line < lines && this.#isBlank(this.#line, this.#starts[this.#line]!)) this.#line++;
    return this.#line < lines ? this.#line : undefined;
  }

  /** Where the key of a block mapping entry at `at` ends (at its colon, followed by a space or the end of the line), or -1. */
  #keyEnd(line: number, at: number): number {
    const text = this.#text;
    if (!isLetter(text.charCodeAt(at))) return -1;
    let end = at + 1;
    while (isKeyCharacter(text.charCodeAt(end))) end++;
    const after = text.charCodeAt(end + 1);
    return text.charCodeAt(end) === 0x3a && (after === SPACE || end + 1 === this.#lineEnd(line)) ? end : -1;
  }

  /** A block mapping whose keys are at `indent`; its first key is on line `first` at offset `at` (after `- ` in a sequence). */
  #mapping(indent: number, first: number, at: number): Record<string, unknown> {
    const mapping: Record<string, unknown> = {};
    for (let line: number | undefined = first; line !== undefined; line = this.#contentLine()) {
      if (line !== first) {
        // A more indented line (which would continue the last value) has a space where its key should start.
        if (this.#indent(line) < indent) break;
        at = this.#starts[line]! + indent;
      }
      const keyEnd = this.#keyEnd(line, at);
      if (keyEnd < 0) throw OUTSIDE;
      const valueAt = this.#skipSpaces(keyEnd + 1);
      this.#line = line + 1;
      addKey(mapping, this.#text.slice(at, keyEnd), valueAt === this.#lineEnd(line) ? this.#nested(indent) : this.#inline(line, valueAt, indent));
    }
    return mapping;
  }

  /** The value of a key written on the lines below it: a more indented mapping or sequence. */
  #nested(indent: number): unknown {
    const line = this.#contentLine();
    if (line === undefined) throw OUTSIDE;
    const lineIndent = this.#indent(line);
    if (lineIndent <= indent || lineIndent > MAX_INDENT) throw OUTSIDE;
    const at = this.#starts[line]! + lineIndent;
    return this.#text.charCodeAt(at) === 0x2d ? this.#sequence(lineIndent, line) : this.#mapping(lineIndent, line, at);
  }

  /** A block sequence whose dashes are at `indent`. */
  #sequence(indent: number, first: number): unknown[] {
    const sequence: unknown[] = [];
    const text = this.#text;
    for (let line: number | undefined = first; line !== undefined; line = this.#contentLine()) {
      const lineIndent = this.#indent(line);
      if (lineIndent < indent) break;
      const dash = this.#starts[line]! + indent;
      if (lineIndent > indent || text.charCodeAt(dash) !== 0x2d || text.charCodeAt(dash + 1) !== SPACE) throw OUTSIDE;
      const at = this.#skipSpaces(dash + 1);
      if (at === this.#lineEnd(line)) throw OUTSIDE;
      this.#line = line + 1;
      const column = at - this.#starts[line]!;
      sequence.push(this.#keyEnd(line, at) >= 0 ? this.#mapping(column, line, at) : this.#inline(line, at, indent));
    }
    return sequence;
  }

  /** A value that starts on line `line` at `at`, after its key or dash; `indent` is the indentation of the collection holding it. */
  #inline(line: number, at: number, indent: number): unknown {
    const first = this.#text.charCodeAt(at);
    let value: unknown;
    if (first === 0x3e || first === 0x7c) {
      return this.#blockScalar(this.#text.slice(at, this.#lineEnd(line)), indent);
    } else if (first === 0x27 || first === 0x22) {
      value = this.#quoted(line, at);
    } else if (first === 0x5b) {
      value = this.#flowSequence(line, at);
    } else if (first === 0x7b) {
      value = this.#flowMapping(line, at);
    } else {
      value = this.#plain(line, at, false);
    }
    // Only spaces and a comment may follow (a plain scalar stops before `: `, which would make the line a mapping).
    // A more indented line below, which would continue the value, is refused by the collection that holds it.
    const end = this.#end;
    if (!this.#isBlank(line, end) || (end < this.#lineEnd(line) && this.#text.charCodeAt(end) !== SPACE)) throw OUTSIDE;
    return value;
  }

  /** The lines of a block scalar, more indented than `indent`, all at one indentation, without trailing spaces. */
  #blockScalar(header: string, indent: number): string {
    if (!BLOCK_SCALAR_HEADERS.has(header)) throw OUTSIDE;
    const literal = header[0] === '|';
    const lines = this.#starts.length - 1;
    let value: string | undefined;
    let contentIndent = -1;
    /** Empty lines since the last line of text: they count only if more text follows. */
    let breaks = 0;
    for (; this.#line < lines; this.#line++) {
      const start = this.#starts[this.#line]!;
      const end = this.#lineEnd(this.#line);
      if (start === end) {
        if (value === undefined) throw OUTSIDE;
        breaks++;
        continue;
      }
      const lineIndent = this.#indent(this.#line);
      if (lineIndent <= indent && start + lineIndent < end) break;
      if (contentIndent < 0) contentIndent = lineIndent;
      if (lineIndent !== contentIndent || this.#text.charCodeAt(end - 1) === SPACE) throw OUTSIDE;
      const text = this.#text.slice(start + contentIndent, end);
      // Folded, neighbouring lines are joined by a space and each empty line between them is a line break; literal, every line ends with one.
      if (value === undefined) value = text;
      else if (literal) value += '\n'.repeat(breaks + 1) + text;
      else value += breaks === 0 ? ` ${text}` : '\n'.repeat(breaks) + text;
      breaks = 0;
    }
    if (value === undefined) throw OUTSIDE;
    return header.endsWith('-') ? value : `${value}\n`;
  }

  /** A quoted scalar on one line, from its opening quote at `at`. */
  #quoted(line: number, at: number): string {
    const text = this.#text;
    const quote = text[at]!;
    const lineEnd = this.#lineEnd(line);
    let value = '';
    for (let from = at + 1; ; ) {
      const close = text.indexOf(quote, from);
      if (close < 0 || close >= lineEnd) throw OUTSIDE;
      value += text.slice(from, close);
      // In single quotes, `''` is one quote; double quotes are taken only without escapes.
      if (quote === "'" && text.charCodeAt(close + 1) === 0x27) {
        value += "'";
        from = close + 2;
        continue;
      }
      if (quote === '"' && value.includes('\\')) throw OUTSIDE;
      this.#end = close + 1;
      return value;
    }
  }

  /**
   * A plain scalar from `at`. In a block it ends at ` #` or the end of the line; in a flow collection also
   * at a flow indicator or a colon followed by a space.
   */
  #plain(line: number, at: number, flow: boolean): unknown {
    const text = this.#text;
    const lineEnd = this.#lineEnd(line);
    if (INDICATORS.includes(text[at]!)) throw OUTSIDE;
    /** Whether the character after a `-` or `:` ends what it starts (an item, a key). */
    const ends = (next: number) => next === lineEnd || text.charCodeAt(next) === SPACE || (flow && isFlowIndicator(text.charCodeAt(next)));
    if (text.charCodeAt(at) === 0x2d && ends(at + 1)) throw OUTSIDE;
    let end = at;
    for (; end < lineEnd; end++) {
      const code = text.charCodeAt(end);
      if (code === SPACE && text.charCodeAt(end + 1) === 0x23) break;
      if (code === 0x3a && ends(end + 1)) break;
      if (flow && isFlowIndicator(code)) break;
    }
    this.#end = end;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    return resolvePlain(text.slice(at, end));
  }

  /** A scalar inside a flow collection. */
  #flowScalar(line: number, at: number): unknown {
    if (at >= this.#lineEnd(line)) throw OUTSIDE;
    const first = this.#text.charCodeAt(at);
    return first === 0x27 || first === 0x22 ? this.#quoted(line, at) : this.#plain(line, at, true);
  }

  /** Items separated by commas up to `close`, each read by `item` (which sets `#end`); no empty item, no trailing comma. */
  #flowItems(line: number, at: number, close: number, item: (at: number) => void) {
    const text = this.#text;
    at = this.#skipSpaces(at + 1);
    if (text.charCodeAt(at) === close) {
      this.#end = at + 1;
      return;
    }
    for (;;) {
      item(at);
      // At the end of the line, `next` is the line break: a collection that goes on below is refused.
      at = this.#skipSpaces(this.#end);
      const next = text.charCodeAt(at);
      if (next === close) {
        this.#end = at + 1;
        return;
      }
      if (next !== 0x2c) throw OUTSIDE;
      at = this.#skipSpaces(at + 1);
      if (text.charCodeAt(at) === close) throw OUTSIDE;
    }
  }

  /** `[a, 'b', 3]`: scalars only. */
  #flowSequence(line: number, at: number): unknown[] {
    const sequence: unknown[] = [];
    this.#flowItems(line, at, 0x5d, (from) => void sequence.push(this.#flowScalar(line, from)));
    return sequence;
  }

  /** `{key: value, other: [a, b]}`: keys as in a block mapping, values scalars or flow sequences. */
  #flowMapping(line: number, at: number): Record<string, unknown> {
    const mapping: Record<string, unknown> = {};
    const text = this.#text;
    this.#flowItems(line, at, 0x7d, (from) => {
      if (!isLetter(text.charCodeAt(from))) throw OUTSIDE;
      let colon = from + 1;
      while (isKeyCharacter(text.charCodeAt(colon))) colon++;
      if (text.charCodeAt(colon) !== 0x3a || text.charCodeAt(colon + 1) !== SPACE) throw OUTSIDE;
      const valueAt = this.#skipSpaces(colon + 1);
      addKey(mapping, text.slice(from, colon), text.charCodeAt(valueAt) === 0x5b ? this.#flowSequence(line, valueAt) : this.#flowScalar(line, valueAt));
    });
    return mapping;
  }
}

/** Characters that cannot start a plain scalar here. */
const INDICATORS = '#&*!|>\'"%@`,[]{}?:';

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
