/** Rule ids of every data diagnostic, in one place. */
export const RULES = {
  yamlSyntax: 'yaml-syntax',
  emptyFile: 'empty-file',
  notUtf8: 'not-utf8',
  fileTooLarge: 'file-too-large',
  unreadable: 'unreadable-file',
  missingFile: 'missing-file',
  noModels: 'no-models',
  strayFile: 'stray-file',
  schema: 'schema',
  unknownField: 'unknown-field',
  missingField: 'missing-field',
  invalidEnum: 'invalid-enum-value',
  idMismatch: 'id-mismatch',
  unsafeId: 'unsafe-id',
  caseCollision: 'case-only-collision',
  formerIdReused: 'former-id-reused',
  formerIdCollision: 'former-id-collision',
  duplicateName: 'duplicate-name',
  unknownTerm: 'unknown-taxonomy-term',
  unknownParent: 'unknown-parent-term',
  termCycle: 'term-cycle',
  unknownOrganization: 'unknown-organization',
  unknownLineageTarget: 'unknown-lineage-target',
  selfLineage: 'self-lineage',
  lineageCycle: 'lineage-cycle',
  arxivFormat: 'arxiv-format',
  arxivDate: 'arxiv-date-mismatch',
  arxivMissing: 'arxiv-missing',
  duplicateArxiv: 'duplicate-arxiv',
  invalidDate: 'invalid-date',
  parameterCount: 'parameter-count',
  missingTranslation: 'missing-translation',
  unsourcedField: 'unsourced-field',
  unsafeSource: 'unsafe-source-url',
  secondarySource: 'secondary-source',
  arxivSource: 'arxiv-source-missing',
  outsideData: 'outside-data-folder',
  notRegularFile: 'not-a-regular-file',
  invalidCharacter: 'invalid-character',
  reservedId: 'reserved-id',
  caseInsensitiveName: 'case-insensitive-name',
  duplicateLookalike: 'duplicate-lookalike',
  lookalikeBlocksNothing: 'lookalike-blocks-nothing',
} as const;

export type RuleId = (typeof RULES)[keyof typeof RULES];

/** Files larger than this are refused before parsing. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** Text and GitHub output show this many diagnostics of one rule, then count the rest. */
export const MAX_REPORTED_PER_RULE = 20;
/** Values longer than this are quoted shortened in messages and get no "did you mean" hint. */
export const MAX_QUOTED_LENGTH = 80;

/**
 * Model ids that would collide with generated pages or static files: the
 * overview pages, the facet pages, the tags and hover-card folders, the index.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['explorer', 'timeline', 'family-tree', 'survey', 'ids', 'domain', 'architecture', 'objective', 'organization', 'year', 'tags', 'cards', 'index']);
/** Term and organization ids that would collide with their facet's own page (`<facet>/index`). */
export const RESERVED_TERM_IDS: ReadonlySet<string> = new Set(['index']);
