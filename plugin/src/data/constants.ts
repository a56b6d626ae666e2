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
  duplicateLookalike: 'duplicate-lookalike',
  lookalikeBlocksNothing: 'lookalike-blocks-nothing',
} as const;

export type RuleId = (typeof RULES)[keyof typeof RULES];

/** Files larger than this are refused before parsing. */
export const MAX_FILE_BYTES = 1024 * 1024;
