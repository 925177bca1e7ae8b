// Shared shapes of the intake pipeline (client-safe: no server imports).

export const IMPORT_KINDS = ['incidents', 'tech-debt', 'throughput', 'budget', 'survey'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export const FORMATS = [
  'pagerduty-csv',
  'pagerduty-json',
  'incidentio-json',
  'incidentio-csv',
  'jira-csv',
  'formbricks-csv',
  'generic-csv',
  'generic-json',
] as const
export type ImportFormat = (typeof FORMATS)[number]

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  'pagerduty-csv': 'PagerDuty incidents (analytics CSV)',
  'pagerduty-json': 'PagerDuty incidents (analytics JSON)',
  'incidentio-json': 'incident.io incidents (API v2 JSON)',
  'incidentio-csv': 'incident.io incidents (CSV)',
  'jira-csv': 'Jira Cloud export (CSV, all fields)',
  'formbricks-csv': 'Formbricks responses (CSV)',
  'generic-csv': 'Paceline generic layout (CSV)',
  'generic-json': 'Paceline generic layout (JSON)',
}

export const KIND_LABELS: Record<ImportKind, string> = {
  incidents: 'Incidents',
  'tech-debt': 'Tech debt',
  throughput: 'Delivery throughput',
  budget: 'Budget',
  survey: 'Survey answers (Formbricks)',
}

/** Which formats each kind accepts. */
export const KIND_FORMATS: Record<ImportKind, ImportFormat[]> = {
  incidents: ['pagerduty-csv', 'pagerduty-json', 'incidentio-json', 'incidentio-csv', 'generic-csv', 'generic-json'],
  'tech-debt': ['jira-csv', 'generic-csv', 'generic-json'],
  throughput: ['generic-csv', 'generic-json'],
  budget: ['generic-csv', 'generic-json'],
  survey: ['formbricks-csv'],
}

/** A problem with one row: the file's line (1 = header row), the column and why. */
export interface RowError {
  line: number | null
  column: string | null
  reason: string
}

/** A row that was read but deliberately not imported (e.g. a Jira issue that is not debt). */
export interface SkippedRow {
  line: number | null
  reason: string
}

export type SeverityName = 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4'

export interface IncidentRecord {
  line: number | null
  externalId: string
  source: string
  title: string
  severity: SeverityName
  sourceSeverity: string | null
  teamName: string | null
  service: string | null
  startedAt: Date
  resolvedAt: Date | null
  causeChangeUrl: string | null
  aiAssisted: boolean | null
  status: string | null
  businessHourInterruptions: number | null
  offHourInterruptions: number | null
  sleepHourInterruptions: number | null
  workloadMinutesWorking: number | null
  workloadMinutesLate: number | null
  workloadMinutesSleeping: number | null
}

export type DebtSizeName = 'S' | 'M' | 'L'

export interface TechDebtRecord {
  line: number | null
  externalId: string
  source: string
  title: string
  teamName: string | null
  size: DebtSizeName
  points: number | null
  openedOn: Date
  repaidOn: Date | null
  status: string | null
}

export interface ThroughputRecord {
  line: number | null
  teamName: string | null
  month: Date
  featuresShipped: number
  source: string
}

export const BUDGET_CATEGORIES = ['TRAINING', 'EXPERT_TIME', 'TOOL_LICENCES', 'TOKEN_SPEND', 'HARDWARE'] as const
export type BudgetCategoryName = (typeof BUDGET_CATEGORIES)[number]

export interface BudgetRecord {
  line: number | null
  externalId: string
  source: string
  month: Date
  category: BudgetCategoryName
  /** null: an organisation-wide line. */
  teamName: string | null
  amount: string
  currency: string
  note: string | null
}

export const STANDARD_QUESTIONS = ['overall', 'tools_help', 'time_to_learn', 'workload', 'comment'] as const
export type StandardQuestionKey = (typeof STANDARD_QUESTIONS)[number]

export interface SurveyResponseRecord {
  line: number | null
  /** The source's response id (hashed before it is stored). */
  externalId: string
  submittedOn: Date
  scores: Partial<Record<Exclude<StandardQuestionKey, 'comment'>, number>>
  comment: string | null
}

export interface SurveyImportHeader {
  externalId: string
  title: string
  questions: Array<{ key: StandardQuestionKey; prompt: string; column: string }>
}

export type RecordOf<K extends ImportKind> = K extends 'incidents'
  ? IncidentRecord
  : K extends 'tech-debt'
    ? TechDebtRecord
    : K extends 'throughput'
      ? ThroughputRecord
      : K extends 'budget'
        ? BudgetRecord
        : SurveyResponseRecord

export type AnyRecord = IncidentRecord | TechDebtRecord | ThroughputRecord | BudgetRecord | SurveyResponseRecord

/** Which source column fed which Paceline field (shown in the preview). */
export interface ColumnMapping {
  field: string
  column: string | null
}

export interface ParseResult<R = AnyRecord> {
  kind: ImportKind
  format: ImportFormat
  source: string
  columns: ColumnMapping[]
  /** Columns of the file that are not used (identity columns of survey exports are listed in `dropped`). */
  ignoredColumns: string[]
  dropped: string[]
  totalRows: number
  records: R[]
  errors: RowError[]
  skipped: SkippedRow[]
  survey?: SurveyImportHeader
}

export const MAX_FILE_BYTES = 50 * 1024 * 1024
export const MAX_API_RECORDS = 10_000
