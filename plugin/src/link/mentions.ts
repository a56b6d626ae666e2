/**
 * Which pages mention which models, found with the same matcher and tree walk as auto-linking, so what is
 * linked and what is counted never disagree. `scanMentions` is pure (contents in, report out);
 * `readContentFiles` is the file-system shell that collects a site's Markdown and MDX.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Heading, Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import type {Point, Position} from 'unist';
import {VFile} from 'vfile';
import {linkModels, type Mention} from './autolink.js';
import {FRONT_MATTER_MODEL_KEY} from './constants.js';
import {readFrontMatter} from './frontMatter.js';
import {normalizeOptions, type Options} from './options.js';
import type {RuleId} from './rules.js';
import type {Dataset} from '../data/types.js';

/** A Markdown (`.md`) or MDX (`.mdx`) file and its content. */
export interface ContentFile {
  /** Path as it should appear in the report; its extension picks the parser. */
  readonly path: string;
  readonly value: string;
}

/** A page that mentions a model. */
export interface PageMention {
  readonly file: string;
  /** Front matter `title`, else the first heading, else the file name. */
  readonly title: string;
  /** Mentions where auto-linking looks (linked, already linked, or repeats under `once`). */
  readonly count: number;
}

/** A mention left unlinked that deserves a look: an ambiguous name, a case variant of a name, or a name with a version. */
export interface MentionPlace {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The text as written. */
  readonly text: string;
  /** Candidate model ids. */
  readonly models: readonly string[];
  /** The names as the data writes them (for a near-miss: what was probably meant). */
  readonly names: readonly string[];
  /** For a near miss: the rule that left it unlinked, and how to link it. */
  readonly rule?: RuleId;
  readonly fix?: string;
}

/** A file that could not be read as intended. */
export interface ScanProblem {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** `warning`: read with a fallback (MDX that only parses as Markdown); `error`: not scanned (a bad `:model` directive). */
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface MentionReport {
  /** Number of files scanned. */
  readonly files: number;
  /** Pages mentioning each model, by model id (only models mentioned at least once), pages in input order. */
  readonly models: ReadonlyMap<string, readonly PageMention[]>;
  /** Ambiguous names left unlinked. */
  readonly ambiguous: readonly MentionPlace[];
  /**
   * Near misses, never linked: case variants of case-sensitive names (`Roberta`; not lower-case words such
   * as `clip` or capitalised acronyms such as `Bert`), and names followed by a version (`LLaMA 3`).
   */
  readonly nearMisses: readonly MentionPlace[];
  readonly problems: readonly ScanProblem[];
}

/** Options of the scan: those of the remark plugin that change what counts (density options do not). */
export type ScanOptions = Pick<Options, 'data' | 'routeBasePath' | 'trailingSlash' | 'headings'>;

const markdown = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkDirective).freeze();
const mdx = unified().use(remarkParse).use(remarkFrontmatter).use(remarkMdx).use(remarkGfm).use(remarkDirective).freeze();

const CONTENT_EXTENSIONS = new Set(['.md', '.mdx']);

const startOf = (place: Position | Point | undefined): Point | undefined => (place && 'start' in place ? place.start : place);

function describeError(error: unknown): {message: string; line: number | undefined; column: number | undefined} {
  const {reason, message, line, column} = error as {reason?: string; message?: string; line?: number; column?: number};
  return {message: reason ?? message ?? String(error), line: line ?? undefined, column: column ?? undefined};
}

/** Parses as MDX for `.mdx` (falling back to Markdown with a warning), as CommonMark + GFM otherwise. */
function parse(file: ContentFile, problems: ScanProblem[]): Root {
  if (path.extname(file.path) !== '.mdx') return markdown.parse(file.value);
  try {
    return mdx.parse(file.value);
  } catch (error) {
    const {message, line, column} = describeError(error);
    problems.push({file: file.path, line, column, severity: 'warning', message: `Not valid MDX (${message}); scanned as Markdown.`});
    return markdown.parse(file.value);
  }
}

function titleOf(tree: Root, frontMatter: Record<string, unknown>, file: string): string {
  if (typeof frontMatter.title === 'string' && frontMatter.title.trim() !== '') return frontMatter.title;
  const heading = tree.children.find((node): node is Heading => node.type === 'heading');
  const text = heading ? toString(heading).trim() : '';
  return text || path.basename(file, path.extname(file));
}

function toPlace(file: string, mention: Mention): MentionPlace {
  const start = startOf(mention.place);
  return {file, line: start?.line ?? 1, column: start?.column ?? 1, text: mention.text, models: mention.models, names: mention.names};
}

/** Whether an unlinked mention is a near miss: a case variant, or a known name with a version after it. */
const isNearMiss = (mention: Mention) => mention.kind === 'near-miss' || (mention.kind === 'other' && mention.rule === 'version');

/** How to link a near miss: the alias to add, or the rule that blocked it. */
function fixOf(mention: Mention, dataset: Dataset): string {
  const files = mention.models.map((id) => dataset.model(id)?.file ?? id).join(', ');
  if (mention.kind === 'near-miss') {
    return `only the case differs from ${mention.names.map((name) => `"${name}"`).join(' or ')}: write it so, or add the alias {name: "${mention.text}"} (or matchCase: false) to ${files}`;
  }
  return `rule "${mention.rule}": a version after ${mention.names.map((name) => `"${name}"`).join(' or ')} names another model; add a model (or an alias) named "${mention.text}" to link it`;
}

/** Finds the mentions of every model in content files. Never throws on content: problems are reported. */
export function scanMentions(files: readonly ContentFile[], options: ScanOptions): MentionReport {
  const settings = normalizeOptions({...options, once: false});
  const models = new Map<string, PageMention[]>();
  const ambiguous: MentionPlace[] = [];
  const nearMisses: MentionPlace[] = [];
  const problems: ScanProblem[] = [];
  for (const file of files) {
    const vfile = new VFile({path: file.path, value: file.value});
    let tree: Root;
    let frontMatter: Record<string, unknown>;
    let mentions: Mention[];
    try {
      tree = parse(file, problems);
      frontMatter = readFrontMatter(tree, vfile);
      const current = frontMatter[FRONT_MATTER_MODEL_KEY];
      mentions = linkModels(tree, settings, vfile, typeof current === 'string' ? current : undefined);
    } catch (error) {
      problems.push({file: file.path, ...describeError(error), severity: 'error'});
      continue;
    }
    const counts = new Map<string, number>();
    for (const mention of mentions) {
      if (mention.kind === 'model') counts.set(mention.models[0]!, (counts.get(mention.models[0]!) ?? 0) + 1);
      else if (mention.kind === 'ambiguous') ambiguous.push(toPlace(file.path, mention));
      else if (isNearMiss(mention)) nearMisses.push({...toPlace(file.path, mention), rule: mention.rule, fix: fixOf(mention, settings.matcher.dataset)});
    }
    const title = counts.size > 0 ? titleOf(tree, frontMatter, file.path) : '';
    for (const [id, count] of counts) {
      const pages = models.get(id) ?? [];
      pages.push({file: file.path, title, count});
      models.set(id, pages);
    }
  }
  return {files: files.length, models, ambiguous, nearMisses, problems};
}

/**
 * Reads every `.md` and `.mdx` file under the given directories, sorted by path. Like Docusaurus, skips
 * files and folders whose name starts with `_` (partials) or `.`, and `node_modules`.
 */
export function readContentFiles(dirs: readonly string[]): ContentFile[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
      if (/^[._]/.test(entry.name) || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && CONTENT_EXTENSIONS.has(path.extname(entry.name))) found.push(full);
    }
  };
  for (const dir of dirs) walk(dir);
  return found.sort().map((file) => ({path: file, value: fs.readFileSync(file, 'utf8')}));
}
