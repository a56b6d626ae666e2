/**
 * Which pages mention which models, found with the same matcher and tree walk as auto-linking, so what is
 * linked and what is counted never disagree. `scanMentions` is pure (contents in, report out);
 * `readContentFiles` is the file-system shell that collects a site's Markdown and MDX.
 */
import fs from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type {Heading, Root} from 'mdast';
import {toString} from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import type {Point, Position} from 'unist';
import {visitParents} from 'unist-util-visit-parents';
import {VFile} from 'vfile';
import {linkModels, type Mention} from './autolink.js';
import {FRONT_MATTER_MODEL_KEY} from './constants.js';
import {readFrontMatter} from './frontMatter.js';
import {normalizeOptions, type Options} from './options.js';
import type {RuleId} from './rules.js';
import type {LinkTargets} from './targets.js';

/** A Markdown (`.md`) or MDX (`.mdx`) file and its content. */
export interface ContentFile {
  /** Path as it should appear in the report; its extension picks the parser. */
  readonly path: string;
  readonly value: string;
}

/** The mentions of a model in one section of a page: the content under one heading. */
export interface SectionMention {
  /** Text of the heading; `undefined` for the top of the page (before its first heading below the title). */
  readonly heading: string | undefined;
  /** Anchor of the heading, as Docusaurus computes it (`{#custom-id}`, or the GitHub slug of its text). */
  readonly anchor: string | undefined;
  readonly count: number;
}

/** A page that mentions a model. */
export interface PageMention {
  readonly file: string;
  /** Front matter `title`, else the first heading, else the file name. */
  readonly title: string;
  /** Mentions where auto-linking looks (linked, already linked, or repeats under `once`). */
  readonly count: number;
  /** The same mentions by section, in page order. */
  readonly sections: readonly SectionMention[];
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

/** Where a section starts, and its heading. */
interface Section {
  readonly start: number;
  readonly heading: string | undefined;
  readonly anchor: string | undefined;
}

const HEADING_ID = /\s*\{#([^}]+)\}\s*$/;

/**
 * The sections of a page, in order: one per heading below the title, each with the anchor Docusaurus
 * gives it (every heading, the title included, takes its slug in turn, as in Docusaurus's headings plugin).
 */
function sectionsOf(tree: Root): Section[] {
  const slugger = new GithubSlugger();
  const sections: Section[] = [{start: 0, heading: undefined, anchor: undefined}];
  visitParents(tree, 'heading', (node) => {
    const written = toString(node);
    const explicit = HEADING_ID.exec(written);
    const heading = explicit ? written.slice(0, explicit.index) : written;
    const anchor = explicit ? slugger.slug(explicit[1]!, true) : slugger.slug(written);
    const start = node.position?.start.offset;
    if (node.depth > 1 && start !== undefined) sections.push({start, heading: heading.trim(), anchor});
  });
  return sections;
}

/** Counts of mentions by section, in page order (sections without mentions left out). */
function countBySection(sections: readonly Section[], offsets: readonly number[]): SectionMention[] {
  const counts = new Map<Section, number>();
  for (const offset of offsets) {
    let index = sections.length - 1;
    while (index > 0 && sections[index]!.start > offset) index--;
    counts.set(sections[index]!, (counts.get(sections[index]!) ?? 0) + 1);
  }
  return sections.flatMap((section) => {
    const count = counts.get(section);
    return count === undefined ? [] : [{heading: section.heading, anchor: section.anchor, count}];
  });
}

function toPlace(file: string, mention: Mention): MentionPlace {
  const start = startOf(mention.place);
  return {file, line: start?.line ?? 1, column: start?.column ?? 1, text: mention.text, models: mention.models, names: mention.names};
}

/** Whether an unlinked mention is a near miss: a case variant, or a known name with a version after it. */
const isNearMiss = (mention: Mention) => mention.kind === 'near-miss' || (mention.kind === 'other' && mention.rule === 'version');

/** How to link a near miss: the alias to add, or the rule that blocked it. */
function fixOf(mention: Mention, dataset: LinkTargets): string {
  const files = mention.models.map((id) => `models/${dataset.model(id)?.id ?? id}.yaml`).join(', ');
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
    let sections: Section[];
    try {
      tree = parse(file, problems);
      sections = sectionsOf(tree);
      frontMatter = readFrontMatter(tree, vfile);
      const current = frontMatter[FRONT_MATTER_MODEL_KEY];
      mentions = linkModels(tree, settings, vfile, typeof current === 'string' ? current : undefined);
    } catch (error) {
      problems.push({file: file.path, ...describeError(error), severity: 'error'});
      continue;
    }
    const offsets = new Map<string, number[]>();
    for (const mention of mentions) {
      if (mention.kind === 'ambiguous') {
        ambiguous.push(toPlace(file.path, mention));
        continue;
      }
      if (mention.kind !== 'model') {
        if (isNearMiss(mention)) nearMisses.push({...toPlace(file.path, mention), rule: mention.rule, fix: fixOf(mention, settings.matcher.dataset)});
        continue;
      }
      const list = offsets.get(mention.models[0]!) ?? [];
      list.push(startOf(mention.place)?.offset ?? 0);
      offsets.set(mention.models[0]!, list);
    }
    const title = offsets.size > 0 ? titleOf(tree, frontMatter, file.path) : '';
    for (const [id, found] of offsets) {
      const pages = models.get(id) ?? [];
      pages.push({file: file.path, title, count: found.length, sections: countBySection(sections, found)});
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
