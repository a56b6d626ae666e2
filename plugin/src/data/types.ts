/**
 * The normalised, validated dataset that everything downstream reads.
 * Nothing downstream re-reads YAML or re-validates.
 */
import type {FacetId, LineageRelation, ReleaseBasis} from './schema.js';

export type {FacetId, LineageRelation, ReleaseBasis};

export type Severity = 'error' | 'warning';

/** One problem found in the data, with its place. Lines and columns are 1-based. */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  readonly rule: string;
  readonly message: string;
  readonly hint?: string;
}

export interface Name {
  /** The text as written in the data. */
  readonly text: string;
  /** Never auto-link this name (it also means something else). */
  readonly ambiguous: boolean;
  /** Match the case exactly (default true). */
  readonly matchCase: boolean;
}

export interface Release {
  /** As written: `2018`, `2018-10` or `2018-10-11`. */
  readonly date: string;
  readonly precision: 'year' | 'month' | 'day';
  readonly year: number;
  readonly basis: ReleaseBasis;
}

export interface Size {
  readonly variant?: string;
  /** Parameter count as a number. */
  readonly parameters?: number;
  readonly active?: number;
}

export interface LineageEdge {
  readonly relation: LineageRelation;
  /** The model this edge starts from (the derived model). */
  readonly from: string;
  /** The model it derives from. */
  readonly to: string;
  readonly note?: string;
  readonly source?: string;
}

export interface Source {
  /** The primary page. */
  readonly url: string;
  /** A mirror where the primary page was read, if it was not read at its own address. */
  readonly via?: string;
  readonly supports: readonly string[];
}

export interface Paper {
  readonly title: string;
  readonly arxiv: string | null;
  readonly venue?: string;
  readonly authors?: readonly string[];
  readonly url?: string;
}

export interface SurveyRecord {
  readonly section?: string;
  readonly table?: 1 | 2 | 3;
  readonly row?: string;
  readonly printed?: Readonly<Record<string, string | number>>;
  readonly note?: string;
}

export interface Model {
  readonly id: string;
  readonly name: string;
  /** `name` first, then every alias. */
  readonly names: readonly Name[];
  /** Ids the model had before (their URLs redirect to it). */
  readonly formerIds: readonly string[];
  readonly domain: string;
  readonly architecture: string;
  readonly objectives: readonly string[];
  readonly released: Release;
  readonly organizations: readonly string[];
  readonly paper: Paper;
  readonly sizes: readonly Size[];
  /** Edges to the models this one derives from. */
  readonly lineage: readonly LineageEdge[];
  readonly access?: string;
  readonly license?: string;
  readonly links: Readonly<Partial<Record<'code' | 'weights' | 'blog' | 'project', string>>>;
  /** Markdown. */
  readonly summary: string;
  readonly sources: readonly Source[];
  readonly survey?: SurveyRecord;
  /** Path of the YAML file, relative to the dataset directory (`models/bert.yaml`). */
  readonly file: string;
}

export interface Term {
  readonly id: string;
  readonly facet: FacetId;
  /** Labels by locale; `en` always present. */
  readonly label: Readonly<Record<string, string>>;
  readonly description: string;
  readonly parent?: string;
  /** Direct sub-terms, in file order. */
  readonly children: readonly string[];
}

export interface Facet {
  readonly id: FacetId;
  readonly label: Readonly<Record<string, string>>;
  readonly description?: string;
  /** Terms in file order. */
  readonly terms: readonly Term[];
}

export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly kind?: string;
  readonly country?: string;
  readonly url?: string;
}

/** An immutable, indexed dataset. */
export interface Dataset {
  /** Absolute path of the dataset directory. */
  readonly dir: string;
  /** Hash of every file's content: changes whenever the data changes. */
  readonly hash: string;
  /**
   * A dataset serialises as its directory and hash only: in the remark plugin's options it is part of the
   * MDX loader's cache key, which must change with the data but not carry it (about 1 KB a model).
   */
  toJSON(): {readonly dir: string; readonly hash: string};
  /** Every model, sorted by id. */
  readonly models: readonly Model[];
  readonly facets: readonly Facet[];
  readonly organizations: readonly Organization[];
  /** Primary-host patterns from primary-hosts.yaml (`arxiv.org`, `github.com/google-research`); empty without the file. */
  readonly primaryHosts: readonly string[];
  /** Names that contain a model's name but are not that model (`lookalikes.yaml`), as written. */
  readonly lookalikes: readonly string[];
  model(id: string): Model | undefined;
  /** The model that had this id before (`formerIds`). */
  formerModel(id: string): Model | undefined;
  organization(id: string): Organization | undefined;
  facet(id: FacetId): Facet;
  term(facet: FacetId, id: string): Term | undefined;
  /** Models carrying a term; with `deep`, also those of its sub-terms. */
  modelsWithTerm(facet: FacetId, term: string, options?: {deep?: boolean}): readonly Model[];
  modelsOfOrganization(id: string): readonly Model[];
  /** Models whose name or an alias is exactly this text. */
  modelsNamed(text: string): readonly Model[];
  /** Edges from this model to the models it derives from. */
  parents(id: string): readonly LineageEdge[];
  /** Edges from the models that derive from this one. */
  children(id: string): readonly LineageEdge[];
}
