/**
 * BibTeX entries for the models' papers, escaped so that no value can leave
 * its field: BibTeX counts braces even after a backslash, so `\}` would still
 * close a `{…}` field and let the rest of a title start a new entry. Every
 * brace in a value is therefore written as a LaTeX command whose own braces
 * are balanced (`\textbraceright{}`), and the other LaTeX specials are
 * escaped. Used by `models.bib` and by each model page's citation.
 */
import type {Model} from '../data/index.js';

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '%': '\\%',
  '&': '\\&',
  '#': '\\#',
  '$': '\\$',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** A text field's value: LaTeX specials escaped, braces balanced, whitespace (newlines included) collapsed. */
export function bibtexText(value: string): string {
  return value.replace(/\s+/g, ' ').replace(/[\\{}%&#$_^~]/g, (c) => LATEX_SPECIALS[c]!);
}

/**
 * A URL field's value, read verbatim by the `url` package: only the characters
 * that could unbalance the field (braces, backslash) or start a comment (`%`
 * is left: it is how URLs escape) are percent-encoded, and whitespace.
 */
export function bibtexUrl(value: string): string {
  return value.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A citation key: the model id (a slug once validated), reduced to the characters BibTeX keys allow. */
export function bibtexKey(id: string): string {
  return id.replace(/[^A-Za-z0-9_:.-]/g, '-');
}

/** A BibTeX entry for the model's paper; the key is the model id. */
export function toBibtex(model: Model): string {
  const {paper} = model;
  const text = (value: string | undefined) => (value === undefined ? undefined : bibtexText(value));
  const fields: [string, string | undefined][] = [
    ['title', text(paper.title)],
    ['author', text(paper.authors?.join(' and '))],
    ['year', String(model.released.year)],
    ['booktitle', text(paper.venue)],
    ['eprint', text(paper.arxiv ?? undefined)],
    ['archivePrefix', paper.arxiv ? 'arXiv' : undefined],
    ['url', bibtexUrl(paper.url ?? (paper.arxiv ? `https://arxiv.org/abs/${paper.arxiv}` : '')) || undefined],
  ];
  const body = fields.flatMap(([name, value]) => (value === undefined ? [] : [`  ${name} = {${value}}`]));
  return `@misc{${bibtexKey(model.id)},\n${body.join(',\n')}\n}\n`;
}

/** `models.bib`: one entry per model. */
export function toModelsBib(models: readonly Model[]): string {
  return models.map(toBibtex).join('\n');
}
