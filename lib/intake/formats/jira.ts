import { HeaderIndex, type CsvTable } from '@/lib/intake/csv'
import { cell, ignoredColumns, resolveColumns, widthError, type FieldSpec, type FormatOutput, type MappedRow } from '@/lib/intake/formats/common'

// Jira Cloud "Export CSV (all fields)". Quirks handled: repeated column names (several `Labels`,
// `Comment`, `Component/s` columns), optional columns, dates such as `11/May/24 03:26 PM` and
// `6/21/2025 16:14`. Which issues are debt is chosen per import: a label or an issue type.

export interface DebtFilter {
  label?: string
  type?: string
}

export const DEFAULT_DEBT_LABELS = ['tech-debt', 'techdebt', 'tech_debt', 'technical-debt', 'technicaldebt']
export const DEFAULT_DEBT_TYPES = ['tech debt', 'technical debt']

const SPECS: FieldSpec[] = [
  { field: 'key', aliases: ['Issue key', 'Key'], required: true },
  { field: 'summary', aliases: ['Summary'], required: true },
  { field: 'type', aliases: ['Issue Type'] },
  { field: 'status', aliases: ['Status'] },
  { field: 'priority', aliases: ['Priority'] },
  { field: 'resolution', aliases: ['Resolution'] },
  { field: 'created', aliases: ['Created'], required: true },
  { field: 'resolved', aliases: ['Resolved'] },
  { field: 'points', aliases: ['Custom field (Story Points)', 'Custom field (Story point estimate)', 'Story Points', 'Story point estimate'] },
  { field: 'team', aliases: ['Custom field (Team)', 'Team', 'Team Name', 'Custom field (Team Name)'] },
  { field: 'projectKey', aliases: ['Project key'] },
]

const COLUMN_OF: Record<string, string> = {
  externalId: 'Issue key',
  title: 'Summary',
  team: 'Team / Component/s / Project key',
  points: 'Custom field (Story Points)',
  openedOn: 'Created',
  repaidOn: 'Resolved',
  status: 'Status',
}

/** Resolutions that close an issue without repaying the debt. */
const NOT_REPAID = /won.?t|duplicate|cannot|can.?t|declined|obsolete|invalid|not a bug/i

export function mapJiraCsv(table: CsvTable, filter: DebtFilter): FormatOutput {
  const index = new HeaderIndex(table.header)
  const { cols, used } = resolveColumns(index, SPECS, 'Jira')
  const labelCols = index.findAll(['Labels'])
  const componentCols = index.findAll(['Component/s', 'Components'])
  for (const i of [...labelCols, ...componentCols]) used.add(i)
  const wantLabel = filter.label?.trim().toLowerCase()
  const wantType = filter.type?.trim().toLowerCase()

  const rows = table.rows.map((row): MappedRow => {
    const error = widthError(row, table)
    if (error) return { line: row.line, error }
    const get = (f: string) => cell(row, cols[f]) || undefined
    const labels = labelCols.flatMap((i) => (row.cells[i] ?? '').split(/[\s,]+/)).map((l) => l.trim().toLowerCase()).filter(Boolean)
    const type = (get('type') ?? '').toLowerCase()
    const isDebt = wantLabel || wantType
      ? (wantLabel ? labels.includes(wantLabel) : false) || (wantType ? type === wantType : false)
      : labels.some((l) => DEFAULT_DEBT_LABELS.includes(l)) || DEFAULT_DEBT_TYPES.includes(type)
    if (!isDebt) return { line: row.line, skip: `${get('key') ?? 'issue'} is not tech debt (${wantLabel ? `no label "${filter.label}"` : wantType ? `type is not "${filter.type}"` : 'no tech-debt label or type'})` }
    const component = componentCols.map((i) => cell(row, i)).find(Boolean)
    const resolution = get('resolution') ?? ''
    return {
      line: row.line,
      values: {
        externalId: get('key'),
        title: (get('summary') ?? '').slice(0, 500),
        team: get('team') ?? component ?? get('projectKey'),
        points: get('points'),
        openedOn: get('created'),
        repaidOn: NOT_REPAID.test(resolution) ? undefined : get('resolved'),
        status: get('status'),
      },
    }
  })
  return {
    source: 'jira',
    columns: Object.entries(COLUMN_OF).map(([field, column]) => ({ field, column })),
    columnOf: COLUMN_OF,
    ignored: ignoredColumns(table.header, used),
    dropped: [],
    rows,
  }
}
