/**
 * The one BibTeX writer: the paper of a model (`models.bib`, the Cite box) and the atlas entry itself.
 * Values are data: every character that means something to BibTeX or LaTeX is written as text, and every
 * value has balanced braces (BibTeX counts `\{` as a brace too, so braces become `\textbraceleft{}`).
 */
import type {Model} from '../data/index.js';

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** A text value for a BibTeX field: LaTeX specials escaped, braces balanced, whitespace runs collapsed. */
export function bibtexText(value: string): string {
  return value.replace(/\s+/g, ' ').trim().replace(/[\\{}&%$#_^~]/g, (c) => TEXT_ESCAPES[c]!);
}

/** A URL for the `url` field (read verbatim by LaTeX's url package): braces and backslashes percent-encoded. */
export function bibtexUrl(url: string): string {
  return url.replace(/[\s\\{}]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A citation key: letters, digits and `-:._` only. */
const bibtexKey = (key: string) => key.replace(/[^\w:.-]/g, '-');

/** Fields whose values are URLs or identifiers rather than text. */
const VERBATIM_FIELDS = new Set(['url', 'eprint', 'doi']);

/** One entry; fields without a value are left out. */
export function bibtexEntry(type: string, key: string, fields: readonly (readonly [string, string | undefined])[]): string {
  const body = fields.flatMap(([name, value]) =>
    value === undefined ? [] : [`  ${name} = {${VERBATIM_FIELDS.has(name) ? bibtexUrl(value) : bibtexText(value)}}`],
  );
  return `@${type}{${bibtexKey(key)},\n${body.join(',\n')}\n}\n`;
}

/** URL of the model's paper: its own, or its arXiv abstract. */
export const paperUrl = (model: Model): string | undefined => model.paper.url ?? (model.paper.arxiv ? `https://arxiv.org/abs/${model.paper.arxiv}` : undefined);

/** The model's paper; the key is the model id. */
export function paperBibtex(model: Model): string {
  const {paper} = model;
  return bibtexEntry('misc', model.id, [
    ['title', paper.title],
    ['author', paper.authors?.join(' and ')],
    ['year', String(model.released.year)],
    ['booktitle', paper.venue],
    ['eprint', paper.arxiv ?? undefined],
    ['archivePrefix', paper.arxiv ? 'arXiv' : undefined],
    ['url', paperUrl(model)],
  ]);
}

/** The atlas entry of a model (its page), to cite the entry rather than the paper. */
export function entryBibtex(model: Model, site: {readonly title: string; readonly url: string}): string {
  return bibtexEntry('misc', `atlas:${model.id}`, [
    ['title', model.name],
    ['howpublished', site.title],
    ['note', `Entry ${model.id}`],
    ['url', site.url],
  ]);
}
