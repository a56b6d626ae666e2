/**
 * The grammar of model names: a small, pure step after the automaton. For each candidate name found in a
 * text, the characters around it decide whether it is the model, a variant of it, another model, or a
 * compound word that mentions it. The rules are a table, tried in order; the first that decides wins.
 * The remark plugin and `model-atlas mentions` both read names through it.
 */
import {isBlocking} from './boundaries.js';
import {canonicalize} from './normalize.js';

/**
 * What a candidate is:
 * - `model`: a mention of the model (linked);
 * - `variant`: a size or checkpoint of the model, `BERT-base`, `LLaMA-30B` (linked: the name and the variant);
 * - `compound`: a word built on the name, `BERT-based`, `pre-BERT` (the name alone is linked);
 * - `other`: another model, `LLaMA 2`, `Flan-PaLM` (not linked);
 * - `none`: part of a longer word, `RoBERTa` for BERT (not a reading of the name at all).
 */
export type Reading = 'model' | 'variant' | 'compound' | 'other' | 'none';

export type RuleId =
  | 'spelling'
  | 'plural'
  | 'word-boundary'
  | 'derivative-prefix'
  | 'name-prefix'
  | 'compound-prefix'
  | 'joined-prefix'
  | 'size'
  | 'edition'
  | 'version'
  | 'compound-suffix'
  | 'joined-word'
  | 'name';

/** A known name another spelling resolves to (names compared without spaces, hyphens and underscores). */
export interface Spelled {
  readonly models: readonly string[];
  readonly names: readonly string[];
  readonly ambiguous: boolean;
}

/** What a rule sees: the candidate and the characters around it, as read (see `normalize.ts`). */
export interface Context {
  /** The name as written, read. */
  readonly name: string;
  /** Up to `WINDOW` code units before the name, as read; `before.length` units end at `start`. */
  readonly before: string;
  /** Up to `WINDOW` code units after the name, as read. */
  readonly after: string;
  /** The known name that `form` spells, if any (see `spelling`). */
  spell(form: string): Spelled | undefined;
  /** Whether some known spelling continues `form` on that side (a cheap test before `spell`). */
  mayGrow(form: string, side: 'left' | 'right'): boolean;
}

/** A rule's decision. `extendBefore`/`extendAfter` widen the mention past the name (a variant, a spelling). */
export interface Decision {
  readonly reading: Reading;
  readonly extendBefore?: number;
  readonly extendAfter?: number;
  /** The model another spelling names (rule `spelling`). */
  readonly spelled?: Spelled;
}

export interface Rule {
  readonly id: RuleId;
  /** What the rule says, for the README and the mention report. */
  readonly summary: string;
  /** Examples, in Markdown, where the rule links: `[text](id)` is the link expected, to the model `id`. */
  readonly linked: readonly string[];
  /** Examples where the rule leaves the name unlinked. */
  readonly unlinked: readonly string[];
  /** A decision, or `undefined` to let the next rule decide. `final: false` decisions are a default that later rules may override. */
  readonly apply: (context: Context) => (Decision & {final?: boolean}) | undefined;
}

/** How many code units around a candidate the rules look at. */
const WINDOW = 48;

/** Scripts written without spaces: their letters never continue a Latin name (`训练BLOOM-176B之前`). */
const UNSPACED = '\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Hangul}\\p{scx=Thai}\\p{scx=Lao}\\p{scx=Khmer}\\p{scx=Myanmar}';
/** A letter or digit of a script written with spaces. */
const LETTER = `(?:(?![${UNSPACED}])[\\p{L}\\p{N}])`;
/** The same, or an underscore: what continues a word. */
const W = `(?:${LETTER}|_)`;
const TOKEN_AFTER = new RegExp(`^([ _-]?)(${LETTER}+(?:\\.\\p{N}+)*)`, 'u');
const IS_LETTER = new RegExp(`^${LETTER}$`, 'u');

/** The word (and one separator) right before a name, found backwards: a regular expression anchored at the end would retry from every position. */
function tokenBefore(before: string): string | undefined {
  let at = before.length;
  if (at > 0 && ' _-'.includes(before[at - 1]!)) at--;
  const end = at;
  while (at > 0 && IS_LETTER.test(before[at - 1]!)) at--;
  return at < end ? before.slice(at) : undefined;
}
const SQUEEZE = /[ _-]/g;
const DIGIT = /\p{N}/u;

/** Words that, written before a name, make another model of it: `Chinese LLaMA`, `Multilingual BART`, `中文LLaMA`. */
const DERIVATIVE_PREFIX =
  /(?:^|[^\p{L}\p{N}])(?:Chinese|Multilingual|Japanese|Korean|Arabic|French|German|Spanish|Russian|Vietnamese|Indonesian|Italian|Portuguese|Dutch|Polish|Turkish|Persian|Hindi|Thai|Greek|Finnish|Swedish|Danish|Norwegian|Czech|Hebrew|Ukrainian)[ -]$|(?:中文|汉语|漢語|多语言|多語言|日语|日語|韩语|韓語)$/u;
/**
 * A capitalised word before a name that is itself a capitalised word (`Transformer`, `Gemma`) makes a
 * longer proper name: `Differential Transformer`, `Recurrent Gemma`, `Pyramid Vision Transformer`. Not
 * after a sentence start, nor an organisation or a plain adjective that keeps the model.
 */
const NAME_PREFIX = /(?:^|[^.!?:;]\s)(\p{Lu}\p{Ll}{2,})[ ]$/u;
const KEEPING_PREFIX = new Set(['Google', 'Meta', 'OpenAI', 'Microsoft', 'DeepMind', 'Facebook', 'Anthropic', 'Alibaba', 'Baidu', 'Tencent', 'Nvidia', 'Apple', 'Amazon', 'Salesforce', 'Stability', 'Original', 'Vanilla', 'Standard', 'Like', 'Unlike', 'With', 'Using', 'Use', 'The', 'Our', 'Both', 'And', 'From', 'For', 'See', 'Than']);
const TITLE_WORD = /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)*$/u;
/** A capitalised edition word after a name names another model: `GPT-4 Turbo`, `Gemini Pro`, `Llama 4 Scout`. */
const EDITION = new RegExp(`^ (?:Turbo|Pro|Ultra|Max|Plus|Flash|Nano|Lite|Vision|Chat|Instruct|Coder|Omni|Opus|Sonnet|Haiku|Scout|Maverick|Thinking|Reasoner|Next|Audio|Math)(?!${W})`, 'u');
/** Lower-case prefixes of compound words: `pre-BERT`, `non-GPT`. */
const COMPOUND_PREFIX = /(?:^|[^\p{L}\p{N}])(?:pre|post|non|proto|pseudo|anti|quasi)-$/iu;
const CHECKPOINT_WORDS = 'base|large|small|tiny|mini|medium|xl|xxl|xlarge|xxlarge|huge|giant|micro|nano|big';
/** Quantised or converted checkpoints of the same weights: `Qwen-GPTQ`, `Llama-2-7B-GGUF`, `-Int4`. */
const QUANTIZED_WORDS = 'gptq|awq|gguf|ggml|int4|int8|fp8|fp16|bf16|4bit|8bit';
/** What may follow a size or checkpoint and still belong to it: `-uncased`, `-v2`, `-patch16-224`. */
const CHECKPOINT_TAIL = `(?:[-_](?:${CHECKPOINT_WORDS}|${QUANTIZED_WORDS}|cased|uncased|alpha|beta|v\\d+(?:\\.\\d+)*|\\d+[kmb]?|patch\\d+|chinese|multilingual|en|zh|hf|deduped))*`;
const END = `(?!${W})`;
const PLURAL = new RegExp(`^s${END}`, 'u');
/** Another capitalised word follows: the words make a proper name (`GPT-Generated Unified Format`). */
const TITLE_CONTINUES = /^ \p{Lu}\p{Ll}/u;
const SIZES = [
  // A parameter count: `-176B`, ` 175B`, `-7B1`, `-1.3B`, `-8x7B`.
  new RegExp(`^[-_ ]?(?:\\d+(?:\\.\\d+)?[KMBT]\\d*|\\d+x\\d+(?:\\.\\d+)?[BM])${CHECKPOINT_TAIL}${END}`, 'iu'),
  // A checkpoint joined by a hyphen, in any case: `-base`, `-Large`, `-XXL`, `-large-v2`, `-GPTQ`, `-Int4`.
  new RegExp(`^[-_](?:${CHECKPOINT_WORDS}|${QUANTIZED_WORDS})${CHECKPOINT_TAIL}${END}`, 'iu'),
  // A checkpoint after a space, capitalised or with a version: `T5 XXL`, `BERT Large`, `Whisper large-v2`.
  new RegExp(`^ (?:Base|Large|Small|Tiny|Mini|Medium|XL|XXL|XLarge|XXLarge|Huge|Giant)${CHECKPOINT_TAIL}${END}|^ (?:${CHECKPOINT_WORDS})-v\\d+(?:\\.\\d+)*${END}`, 'u'),
  // A date-stamped checkpoint: `-0613`, `-2407`, `-20240229`.
  new RegExp(`^-(?:\\d{4}|\\d{6}|\\d{8})${END}`, 'u'),
  // A checkpoint's suffix after a name that already holds its size (`BERT-base` + `-uncased`).
  new RegExp(`^(?:[-_](?:cased|uncased|chinese|multilingual|deduped|hf|patch\\d+))+${END}`, 'iu'),
  // A vision transformer's size and patch: `ViT-B/16`, `ViT-H/14`, `ViT-L/14@336px`, `ViT-L`.
  new RegExp(`^-(?:Ti|S|B|L|H|g|G|bigG)(?:/\\d+)?(?:@\\d+px)?${END}`, 'u'),
];
/**
 * A version: `2`, `3.5`, `v2`, `V3`, `-2`, ` 2`, `.5`, ` II`. A number after a space has one or two
 * digits (a year is not a version) and is not the start of a compound (`BERT 12-layer`).
 */
const VERSION = new RegExp(`^(?:[-_]?[vV]?\\d+(?:\\.\\d+)*[ac-jl-su-z]?|[ ][vV]?\\d{1,2}(?:\\.\\d+)*[ac-jl-su-z]?(?!-\\p{Ll})|[ ][vV]\\d+(?:\\.\\d+)*|\\.\\d+|[ -](?:II|III|IV|VI|VII|VIII|IX))(?!${W}|\\.\\d)`, 'u');
const COMPOUND_SUFFIX = new RegExp(
  `^-(?:based|style|styled|like|era|sized|size|inspired|powered|type|family|series|derived|compatible|specific|esque|ish|level|scale|class|driven|generated|related|fashion|alike|centric|oriented|ready|friendly|free|only|flavored|flavoured|killer|equivalent)${END}`,
  'iu',
);
const JOINERS = new Set(['-', '.']);

const lastChar = (text: string) => (text === '' ? undefined : String.fromCodePoint(text.codePointAt(text.length - (text.length >= 2 && /[\udc00-\udfff]/.test(text.at(-1)!) ? 2 : 1))!));
const firstChar = (text: string) => (text === '' ? undefined : String.fromCodePoint(text.codePointAt(0)!));

/** Whether `after` starts with a letter or digit, or with a joiner and one (`-turbo`, `.5`): the text goes on as a longer word. */
function isJoinedAfter(after: string): boolean {
  const first = firstChar(after);
  return isBlocking(first) || (first !== undefined && JOINERS.has(first) && isBlocking(firstChar(after.slice(1))));
}

/** Whether `before` ends with a letter or digit, or with one and a joiner. */
function isJoinedBefore(before: string): boolean {
  const last = lastChar(before);
  return isBlocking(last) || (last !== undefined && JOINERS.has(last) && isBlocking(lastChar(before.slice(0, -1))));
}

/** The rules, in the order they are tried. */
export const RULES: readonly Rule[] = [
  {
    id: 'spelling',
    summary:
      'The name and the word next to it spell a known name (or look-alike) once spaces, hyphens and underscores are left out, and case too when the form has a digit: the mention is of that model (a look-alike: of none), the whole form linked.',
    linked: ['[GPT4](gpt-4) and [GPT 3](gpt-3)', '[Flan T5](flan-t5)', '[Transformer XL](transformer-xl)', 'the [llama 2](llama-2) paper'],
    unlinked: ['a context encoder', 'a Roberta model', 'Alpaca Eval'],
    apply({name, before, after, spell, mayGrow}) {
      const growsRight = mayGrow(name, 'right');
      const growsLeft = mayGrow(name, 'left');
      const right = growsRight || growsLeft ? TOKEN_AFTER.exec(after) : null;
      const left = growsRight || growsLeft ? tokenBefore(before) : undefined;
      const rest = right ? after.slice(right[0].length) : '';
      const rightBlocked = right && isJoinedAfter(rest) && !COMPOUND_SUFFIX.test(rest);
      const leftBlocked = left && isJoinedBefore(before.slice(0, before.length - left.length));
      const glued = {before: isBlocking(lastChar(before)), after: isBlocking(firstChar(after))};
      const forms: [number, number][] = [];
      if (left && right && !leftBlocked && !rightBlocked && growsLeft && mayGrow(left + name, 'right')) forms.push([left.length, right[0].length]);
      if (right && !rightBlocked && !glued.before && growsRight) forms.push([0, right[0].length]);
      if (left && !leftBlocked && !glued.after && growsLeft) forms.push([left.length, 0]);
      for (const [extendBefore, extendAfter] of forms) {
        const form = before.slice(before.length - extendBefore) + name + after.slice(0, extendAfter);
        const spelled = spell(form);
        if (spelled) return {reading: 'model', extendBefore, extendAfter, spelled};
      }
      return undefined;
    },
  },
  {
    id: 'plural',
    summary: 'An `s` after a name ending in a capital or a digit is its plural: the name alone is linked.',
    linked: ['two [BERT](bert)s', 'Vision Transformers ([ViT](vit)s)'],
    unlinked: ['RoBERTas', 'BERTso', 'mBERTs'],
    apply: ({name, before, after}) => (/[\p{Lu}\p{N}]$/u.test(name) && PLURAL.test(after) && !isBlocking(lastChar(before)) ? {reading: 'compound'} : undefined),
  },
  {
    id: 'word-boundary',
    summary:
      'A letter or digit of a script written with spaces right before or after the name makes it part of another word (also after a name ending in punctuation). Han, kana, Hangul and Thai do not.',
    linked: ['([BERT](bert))', '从[BERT](bert)到[ChatGPT](chatgpt)', '[BERT](bert).'],
    unlinked: ['mBERT', 'BERTology', 'LLaMA2x', 'C++11'],
    apply: ({before, after}) => (isBlocking(lastChar(before)) || isBlocking(firstChar(after)) ? {reading: 'none'} : undefined),
  },
  {
    id: 'derivative-prefix',
    summary: 'A language or "Multilingual" written before the name makes a derivative: another model.',
    linked: ['a multilingual [BERT](bert) model'],
    unlinked: ['Multilingual BART', 'Chinese BERT', '中文BERT'],
    apply: ({before}) => (DERIVATIVE_PREFIX.test(before) ? {reading: 'other'} : undefined),
  },
  {
    id: 'name-prefix',
    summary:
      'A capitalised word before a name that is a capitalised word itself makes a longer proper name: another model. Not at the start of a sentence, nor an organisation (`Google`, `Meta`, `OpenAI`, …).',
    linked: ['the Google [Transformer](transformer) and the [Transformer](transformer)', 'Like [Whisper](whisper), it'],
    unlinked: ['the Differential Transformer', 'a Pyramid Vision Transformer', 'the Recurrent Whisper model'],
    apply({name, before}) {
      const prefix = NAME_PREFIX.exec(before);
      return prefix && TITLE_WORD.test(name) && !KEEPING_PREFIX.has(prefix[1]!) ? {reading: 'other'} : undefined;
    },
  },
  {
    id: 'compound-prefix',
    summary: 'A lower-case prefix joined by a hyphen (`pre-`, `post-`, `non-`, `proto-`, `pseudo-`, `anti-`, `quasi-`) makes a compound: the name alone is linked.',
    linked: ['pre-[BERT](bert)', 'non-[GPT](gpt) models', 'the post-[BERT](bert)-era'],
    unlinked: ['pro-BERT'],
    apply: ({before}) => (COMPOUND_PREFIX.test(before) ? {reading: 'compound', final: false} : undefined),
  },
  {
    id: 'joined-prefix',
    summary: 'Any other word joined before the name by a hyphen or a dot makes another model: `Flan-PaLM`, `XLM-RoBERTa`.',
    linked: ['Flan - [PaLM](palm)'],
    unlinked: ['Flan-PaLM', 'XLM-RoBERTa', 'Chinese-BERT'],
    // Glued letters were read by `word-boundary` already: what is left is a joined word.
    apply: ({before}) => (isJoinedBefore(before) && !COMPOUND_PREFIX.test(before) ? {reading: 'other'} : undefined),
  },
  {
    id: 'size',
    summary:
      'A size or checkpoint after the name is a variant of the same model: a parameter count (`-176B`, ` 175B`, `-7B1`, `-8x7B`), `-base`, `-large`, `-small`, `-tiny`, `-XL`, `-XXL`, `-huge` in any case, ` Large` capitalised, `large-v2`, `ViT-B/16`, `-uncased`, and quantised checkpoints (`-GPTQ`, `-AWQ`, `-GGUF`, `-Int4`). A parameter count also pins a name marked ambiguous to its one model (`Falcon-40B`). The name and the variant are linked together; a checkpoint id may be in any case (`bert-base-uncased`, `llama-7b`).',
    linked: ['[BERT-base](bert)', '[RoBERTa-Large](roberta)', '[BLOOM-176B](bloom)', '[GPT-3 175B](gpt-3)', '[LLaMA-30B](llama)', '[ViT-B/16](vit)', '[T5-XXL](t5)', '[Whisper large-v2](whisper)', '[bert-base-uncased](bert)', '[llama-7b](llama)', '[LLaMA-7B-GPTQ](llama)', '[Falcon-40B](falcon)'],
    unlinked: ['BERT-largest'],
    // (A size followed by a word that spells another model links that model: `Llama-2-7b-chat` with a Llama 2-Chat in the data.)
    apply({name, after, spell}) {
      for (const size of SIZES) {
        const found = size.exec(after);
        if (!found) continue;
        // A size of another model: `Llama2-70B-Chat` is Llama 2-Chat when the data has it.
        const edition = /^[-_ ](\p{L}+)/u.exec(after.slice(found[0].length));
        const spelled = edition ? spell(`${name} ${edition[1]}`) : undefined;
        if (spelled && edition) return {reading: 'variant', extendAfter: found[0].length + edition[0].length, spelled};
        return {reading: 'variant', extendAfter: found[0].length};
      }
      return undefined;
    },
  },
  {
    id: 'edition',
    summary: 'A capitalised edition word after the name names another model: ` Turbo`, ` Pro`, ` Ultra`, ` Flash`, ` Vision`, ` Chat`, ` Instruct`, ` Scout`, ….',
    linked: ['[GPT-4](gpt-4) turbo-charged'],
    unlinked: ['GPT-4 Turbo', 'PaLM Pro'],
    apply: ({after}) => (EDITION.test(after) ? {reading: 'other'} : undefined),
  },
  {
    id: 'version',
    summary:
      'A version after the name names another model: `2`, `3.5`, `v2`, `V3`, `-2`, ` 2`, `.5`, ` II`. A year or a number starting a compound (`BERT 12-layer`) is not a version.',
    linked: ['[BERT](bert) 2018', '[BERT](bert) 12-layer', '[GPT-3](gpt-3) 1) and 2)'],
    unlinked: ['LLaMA 3', 'BEiT v3', 'DALL-E 3', 'Stable Diffusion 3', 'LLaMA II', 'LLaMA-3', 'GPT-3.5.1', 'Whisper 3n'],
    apply({name, after}) {
      const version = VERSION.exec(after);
      // After a name that ends in a number, a number after a space is something else (`GLM-4 1) rivals`).
      if (!version || (/\p{N}$/u.test(name) && version[0].startsWith(' '))) return undefined;
      return {reading: 'other', extendAfter: version[0].length};
    },
  },
  {
    id: 'compound-suffix',
    summary:
      'A compound suffix (`-based`, `-style`, `-like`, `-era`, `-sized`, `-inspired`, `-powered`, `-type`, …) keeps the mention: the name alone is linked. Capitalised and followed by another capitalised word, it is part of a longer proper name: another model or thing.',
    linked: ['[BERT](bert)-based', '[GPT](gpt)-style', '[CLIP](clip)-like', '*[T5](t5)*-style', '**[BERT](bert)**-like', '[GPT](gpt)-Based models'],
    unlinked: ['GPT-styles', 'the GPT-Generated Unified Format'],
    apply({after}) {
      const suffix = COMPOUND_SUFFIX.exec(after);
      if (!suffix) return undefined;
      return /^-\p{Lu}/u.test(suffix[0]) && TITLE_CONTINUES.test(after.slice(suffix[0].length)) ? {reading: 'other'} : {reading: 'compound'};
    },
  },
  {
    id: 'joined-word',
    summary: 'Any other word joined after the name by a hyphen or a dot makes another model: `GPT-3.5-turbo`, `BERT-wwm`, `GPT-J`.',
    linked: ['[BERT](bert)- and [GPT](gpt)-based'],
    unlinked: ['BERT-wwm', 'GPT-J', 'GPT-3.5-turbo'],
    apply: ({after}) => (isJoinedAfter(after) ? {reading: 'other'} : undefined),
  },
  {
    id: 'name',
    summary: 'Otherwise the name, written in a case its entry accepts, is a mention of the model.',
    linked: ['[BERT](bert)', '[wav2vec 2.0](wav2vec-2)'],
    unlinked: ['Bert'],
    apply: () => ({reading: 'model'}),
  },
];

/** A candidate's reading, and the rule that decided it. */
export interface Verdict extends Decision {
  readonly rule: RuleId;
}

/** Reads a candidate name at `text.slice(start, end)` through the rules. */
export function classify(text: string, start: number, end: number, spelling: Pick<Context, 'spell' | 'mayGrow'>): Verdict {
  const context: Context = {
    name: canonicalize(text.slice(start, end)),
    before: canonicalize(text.slice(Math.max(0, start - WINDOW), start)),
    after: canonicalize(text.slice(end, end + WINDOW)),
    spell: spelling.spell,
    mayGrow: spelling.mayGrow,
  };
  let fallback: Verdict | undefined;
  for (const rule of RULES) {
    const decision = rule.apply(context);
    if (!decision) continue;
    const {final, ...verdict} = decision;
    if (final === false) {
      fallback ??= {...verdict, rule: rule.id};
      continue;
    }
    if (fallback && verdict.reading === 'model') return fallback;
    return {...verdict, rule: rule.id};
  }
  return fallback ?? {reading: 'model', rule: 'name'};
}

/** Names compared for another spelling: without spaces, hyphens and underscores. */
export const squeeze = (text: string) => text.replace(SQUEEZE, '');

/** Whether another spelling may ignore case: the form has a digit, as versions do (`llama 2`; not `Roberta`, `context encoder`). */
export const mayIgnoreCase = (form: string) => DIGIT.test(form);
