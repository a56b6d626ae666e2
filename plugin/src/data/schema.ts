/**
 * The dataset's one schema. TypeScript types (`Static<…>`) and the JSON Schema
 * files shipped in `schema/` (written by `scripts/write-schema.js`) both come
 * from these definitions.
 */
import {Type, type Static, type TSchema} from '@sinclair/typebox';

/** A string enum that serialises as a plain JSON Schema `enum`. */
function StringEnum<const T extends readonly string[]>(values: T, description: string) {
  return Type.Unsafe<T[number]>({type: 'string', enum: [...values], description});
}

const Text = (description: string) => Type.String({minLength: 1, description});
const HttpUrl = (description: string) =>
  Type.String({pattern: '^https?://[^\\s]+$', description: `${description} (http or https).`});
const Id = (description: string) =>
  Type.String({pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description});

export const RELEASE_BASES = ['arxiv', 'paper', 'blog', 'weights', 'api', 'announcement'] as const;
export const LINEAGE_RELATIONS = [
  'builds-on',
  'fine-tuned-from',
  'instruction-tuned-from',
  'distilled-from',
  'compressed-from',
  'continued-from',
  'successor-of',
  'variant-of',
  'uses-component',
] as const;
export const ACCESS_KINDS = ['open-weights', 'open-weights-restricted', 'api', 'unreleased', 'unknown'] as const;
/** Fields of a model entry that a source can back. */
export const SOURCED_FIELDS = [
  'name',
  'aliases',
  'released',
  'organizations',
  'paper',
  'sizes',
  'lineage',
  'architecture',
  'objectives',
  'access',
  'license',
  'links',
] as const;
export const ORGANIZATION_KINDS = ['industry', 'academia', 'collective', 'government', 'nonprofit'] as const;

/** A parameter count: a positive number, or a string such as `340M`, `1.5B`, `175e9`. */
export const ParameterCount = Type.Union([Type.Number(), Type.String()], {
  description: 'Parameter count: a whole number of at least 1 (175e9), or a number with a suffix K, M, B or T that comes to at least 1 (340M, 1.5B).',
});

export const Alias = Type.Union(
  [
    Text('Another linkable name of the model.'),
    Type.Object(
      {
        name: Text('Another linkable name of the model.'),
        ambiguous: Type.Optional(
          Type.Boolean({description: 'The name also means something else: never auto-link it.'}),
        ),
        matchCase: Type.Optional(
          Type.Boolean({description: 'Match the case exactly (default true). Set false to link any casing.'}),
        ),
      },
      {additionalProperties: false},
    ),
  ],
  {description: 'An alias: a string, or an object with `name` and options.'},
);

export const Released = Type.Object(
  {
    date: Type.Union([Type.String({pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$'}), Type.Integer()], {
      description: 'YYYY, YYYY-MM or YYYY-MM-DD; the form is the precision.',
    }),
    basis: StringEnum(RELEASE_BASES, 'What the date is: arXiv v1, the paper, a blog post, the weights, an API launch, an announcement.'),
  },
  {additionalProperties: false, description: 'When the model was first made public.'},
);

export const Paper = Type.Object(
  {
    title: Text('Title of the introducing paper or report.'),
    arxiv: Type.Union([Type.String(), Type.Null()], {
      description: 'arXiv identifier (2005.14165), or null when the paper has no arXiv version.',
    }),
    venue: Type.Optional(Text('Where it was published, e.g. "NAACL 2019" or "arXiv".')),
    authors: Type.Optional(Type.Array(Text('An author.'), {minItems: 1, description: 'Authors, in order.'})),
    url: Type.Optional(HttpUrl('Link to the paper')),
  },
  {additionalProperties: false},
);

export const Size = Type.Object(
  {
    variant: Type.Optional(Text('Variant name, e.g. "BERT-Large".')),
    parameters: Type.Optional(ParameterCount),
    active: Type.Optional(ParameterCount),
  },
  {additionalProperties: false, description: 'One released size; `active` is for mixture-of-experts models.'},
);

export const LineageEdge = Type.Object(
  {
    relation: StringEnum(LINEAGE_RELATIONS, 'How this model relates to the target.'),
    target: Id('Id of another model of the dataset.'),
    note: Type.Optional(Text('A short note on the relation.')),
    source: Type.Optional(HttpUrl('Where the relation is stated')),
  },
  {additionalProperties: false},
);

export const Links = Type.Object(
  {
    code: Type.Optional(HttpUrl('Source code')),
    weights: Type.Optional(HttpUrl('Released weights')),
    blog: Type.Optional(HttpUrl('Announcement')),
    project: Type.Optional(HttpUrl('Project page')),
  },
  {additionalProperties: false},
);

export const Source = Type.Object(
  {
    url: HttpUrl('The primary page that backs the fields (arXiv abstract, proceedings, the authors\' blog, repository or model card)'),
    via: Type.Optional(HttpUrl('A mirror where the primary page was actually read, when it was not read at its own address')),
    supports: Type.Array(StringEnum(SOURCED_FIELDS, 'A field this source backs.'), {minItems: 1}),
  },
  {additionalProperties: false},
);

export const SurveyRecord = Type.Object(
  {
    section: Type.Optional(Type.String({pattern: '^\\d+(\\.\\d+)*$', description: 'Survey section, e.g. "3.1".'})),
    table: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)], {description: 'Survey table.'})),
    row: Type.Optional(Text('The model name exactly as the survey table prints it.')),
    printed: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
        description: 'Cells as the survey printed them, where they differ from the facts.',
      }),
    ),
    note: Type.Optional(Text('Where the survey disagrees with primary sources.')),
  },
  {additionalProperties: false, description: 'What the survey printed, kept apart from the facts.'},
);

export const ModelEntry = Type.Object(
  {
    id: Id('Stable slug; equal to the file name.'),
    name: Text('Display name, also linked in prose.'),
    ambiguous: Type.Optional(Type.Boolean({description: 'The name also means something else: never auto-link it.'})),
    aliases: Type.Optional(Type.Array(Alias, {description: 'Other linkable names.'})),
    formerIds: Type.Optional(
      Type.Array(Id('An id this model had before: its old URL redirects to the model, and `:model{#old-id}` still resolves.'), {
        minItems: 1,
        uniqueItems: true,
        description: 'Ids the model had before a rename or merge; never reuse one for another model.',
      }),
    ),
    domain: Id('Term of the `domain` facet.'),
    architecture: Id('Term of the `architecture` facet.'),
    objectives: Type.Array(Id('Term of the `objective` facet.'), {minItems: 1}),
    released: Released,
    organizations: Type.Optional(
      Type.Array(Id('Id from organizations.yaml.'), {minItems: 1, description: 'Leave out when no source names them.'}),
    ),
    paper: Paper,
    sizes: Type.Optional(Type.Array(Size)),
    lineage: Type.Optional(Type.Array(LineageEdge)),
    access: Type.Optional(StringEnum(ACCESS_KINDS, 'How the model can be used.')),
    license: Type.Optional(Text('SPDX id or license name.')),
    links: Type.Optional(Links),
    summary: Text('Two to five sentences of Markdown, in your own words.'),
    sources: Type.Array(Source, {minItems: 1}),
    survey: Type.Optional(SurveyRecord),
  },
  {additionalProperties: false, title: 'Model Atlas model entry'},
);

const Labels = Type.Object(
  {en: Text('English label.')},
  {additionalProperties: Type.String({minLength: 1}), description: 'Labels by locale: `en` and e.g. `zh-Hans`.'},
);

export const Term = Type.Object(
  {
    label: Labels,
    description: Text('One sentence on what the term means.'),
    parent: Type.Optional(Id('Parent term of the same facet.')),
  },
  {additionalProperties: false},
);

export const Facet = Type.Object(
  {
    label: Labels,
    description: Type.Optional(Text('What the facet classifies.')),
    terms: Type.Record(Type.String(), Term, {description: 'Terms by id.'}),
  },
  {additionalProperties: false},
);

export const FACETS = ['domain', 'architecture', 'objective'] as const;

export const TaxonomyFile = Type.Object(
  {
    domain: Facet,
    architecture: Facet,
    objective: Facet,
  },
  {additionalProperties: false, title: 'Model Atlas taxonomy'},
);

export const Organization = Type.Object(
  {
    name: Text('Display name.'),
    kind: Type.Optional(StringEnum(ORGANIZATION_KINDS, 'Kind of organization.')),
    country: Type.Optional(Type.String({pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code.'})),
    url: Type.Optional(HttpUrl('Home page')),
  },
  {additionalProperties: false},
);

export const OrganizationsFile = Type.Record(Type.String(), Organization, {
  title: 'Model Atlas organizations',
  description: 'Organizations by id.',
});

export const PRIMARY_HOST_KINDS = ['preprint', 'proceedings', 'publisher', 'organization', 'author', 'repository', 'model-card'] as const;

export const PrimaryHostsFile = Type.Object(
  {
    hosts: Type.Array(
      Type.Object(
        {
          match: Type.String({
            pattern: '^[a-z0-9.-]+\\.[a-z]{2,}(/[A-Za-z0-9._~-]+)*$',
            description: 'A host (`arxiv.org`), or a host and a path prefix (`github.com/google-research`).',
          }),
          kind: StringEnum(PRIMARY_HOST_KINDS, 'Why pages there are primary: who publishes them.'),
          note: Type.Optional(Text('Whose pages these are.')),
        },
        {additionalProperties: false},
      ),
      {minItems: 1},
    ),
  },
  {
    additionalProperties: false,
    title: 'Model Atlas primary source hosts',
    description: 'Hosts whose pages count as primary sources; sources elsewhere get a warning.',
  },
);

export const Lookalike = Type.Union(
  [
    Text('A name that contains a model\'s name but is not that model, e.g. "Chinese LLaMA".'),
    Type.Object(
      {
        name: Text('A name that contains a model\'s name but is not that model, e.g. "Chinese LLaMA".'),
        note: Type.Optional(Text('What it is, e.g. "a benchmark", "a Chinese continuation of LLaMA".')),
      },
      {additionalProperties: false},
    ),
  ],
  {description: 'A look-alike: a string, or an object with `name` and `note`.'},
);

export const LookalikesFile = Type.Array(Lookalike, {
  title: 'Model Atlas look-alikes',
  description: 'Names that contain a model\'s name but are not that model: never linked, and the name inside is not linked either.',
});

export type ModelEntry = Static<typeof ModelEntry>;
export type LookalikesFile = Static<typeof LookalikesFile>;
export type AliasEntry = Static<typeof Alias>;
export type TaxonomyFile = Static<typeof TaxonomyFile>;
export type FacetEntry = Static<typeof Facet>;
export type TermEntry = Static<typeof Term>;
export type OrganizationEntry = Static<typeof Organization>;
export type OrganizationsFile = Static<typeof OrganizationsFile>;
export type PrimaryHostsFile = Static<typeof PrimaryHostsFile>;
export type FacetId = (typeof FACETS)[number];
export type LineageRelation = (typeof LINEAGE_RELATIONS)[number];
export type ReleaseBasis = (typeof RELEASE_BASES)[number];

/** The schema of each kind of data file, by a name that is also a JavaScript identifier. */
export const SCHEMAS: Readonly<Record<string, TSchema>> = {
  model: ModelEntry,
  taxonomy: TaxonomyFile,
  organizations: OrganizationsFile,
  primaryHosts: PrimaryHostsFile,
  lookalikes: LookalikesFile,
};

/** The JSON Schema files shipped in the package, by file name (`primary-hosts.schema.json`). */
export const SCHEMA_FILES: Record<string, TSchema> = Object.fromEntries(
  Object.entries(SCHEMAS).map(([name, schema]) => [`${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}.schema.json`, schema]),
);

/** A schema as written to `schema/*.json`: plain JSON with its `$schema` dialect. */
export function toJsonSchema(schema: TSchema): Record<string, unknown> {
  return {$schema: 'https://json-schema.org/draft/2020-12/schema', ...JSON.parse(JSON.stringify(schema))};
}
