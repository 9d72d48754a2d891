/**
 * Importing an existing plan: tables as the readers give them (Word, Excel, CSV,
 * a paste) -> column mapping -> rows read as people write them -> the plan they
 * describe, every problem named by table, row and column. Pure: no I/O.
 */
export { cleanCell, placeKey, type ImportTable, type SourcePlace } from './table';
export { escapeFormula, unescapeFormula } from './formula-escape';
export {
  describeImportProblem,
  IMPORT_PROBLEM_CODES,
  type CellProblem,
  type ImportProblem,
  type ImportProblemCode,
  type ImportSeverity,
} from './problems';
export {
  columnMappingSchema,
  columnName,
  correctMapping,
  detectMapping,
  headingScore,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  isRepeatedHeader,
  normaliseHeading,
  rememberMapping,
  savedMappingSchema,
  type ColumnMapping,
  type ImportField,
  type SavedMapping,
} from './columns';
export {
  isNumberedAreaHeading,
  readAreaHeadings,
  readFocusHeading,
  readReferenceCell,
  type AreaHeading,
  type FocusHeading,
} from './headings';
export { readTimescale, type ImportDate, type ImportDue } from './timescales';
export { IMPACT_CHOICES, readRating, SUSTAINED_CHOICES, type RatingChoices } from './rating-values';
export { splitLeads } from './leads';
export { readActionCells, type ActionCells, type ImportAction } from './action-values';
export {
  readTable,
  SKIP_REASONS,
  type ImportActionRow,
  type ImportHeaderRow,
  type ImportHeadingRow,
  type ImportJoinRow,
  type ImportRow,
  type ImportSkippedRow,
  type ReadOptions,
  type RowOpens,
  type SkipReason,
  type TableReading,
} from './rows';
export {
  assemblePlan,
  importPlan,
  type DraftAction,
  type DraftArea,
  type DraftFocusArea,
  type ImportOptions,
  type ImportPlanDraft,
  type ImportTotals,
} from './assemble';
