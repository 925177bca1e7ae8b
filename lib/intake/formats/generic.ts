import { HeaderIndex, type CsvTable } from '@/lib/intake/csv'
import { cell, ignoredColumns, jsonField, resolveColumns, widthError, type FieldSpec, type FormatOutput, type MappedRow } from '@/lib/intake/formats/common'
import type { ImportKind } from '@/lib/intake/types'

// The documented generic layouts (docs/import-formats.md): one header row, loosely matched
// names (case, spaces, _ and - do not matter), the same fields as the REST API.

export const GENERIC_FIELDS: Record<Exclude<ImportKind, 'survey'>, FieldSpec[]> = {
  incidents: [
    { field: 'externalId', aliases: ['id', 'external_id', 'incident_id', 'key', 'reference'], required: true },
    { field: 'title', aliases: ['title', 'name', 'summary', 'description'], required: true },
    { field: 'severity', aliases: ['severity', 'sev'], required: true },
    { field: 'sourceSeverity', aliases: ['source_severity', 'priority'] },
    { field: 'team', aliases: ['team', 'team_name', 'squad'] },
    { field: 'service', aliases: ['service', 'service_name', 'component'] },
    { field: 'startedAt', aliases: ['started_at', 'started', 'start', 'created_at', 'opened_at', 'date'], required: true },
    { field: 'resolvedAt', aliases: ['resolved_at', 'resolved', 'ended_at', 'closed_at'] },
    { field: 'causeChangeUrl', aliases: ['cause_change_url', 'change_url', 'cause_url', 'caused_by'] },
    { field: 'aiAssisted', aliases: ['ai_assisted', 'ai_assisted_change', 'ai'] },
    { field: 'status', aliases: ['status', 'state'] },
    { field: 'source', aliases: ['source'] },
    { field: 'businessHourInterruptions', aliases: ['business_hour_interruptions'] },
    { field: 'offHourInterruptions', aliases: ['off_hour_interruptions'] },
    { field: 'sleepHourInterruptions', aliases: ['sleep_hour_interruptions'] },
    { field: 'workloadMinutesWorking', aliases: ['workload_minutes_working'] },
    { field: 'workloadMinutesLate', aliases: ['workload_minutes_late'] },
    { field: 'workloadMinutesSleeping', aliases: ['workload_minutes_sleeping'] },
  ],
  'tech-debt': [
    { field: 'externalId', aliases: ['id', 'external_id', 'key', 'issue_key'], required: true },
    { field: 'title', aliases: ['title', 'summary', 'name'], required: true },
    { field: 'team', aliases: ['team', 'team_name'], required: true },
    { field: 'size', aliases: ['size', 't_shirt_size'] },
    { field: 'points', aliases: ['points', 'story_points', 'estimate'] },
    { field: 'openedOn', aliases: ['opened_on', 'opened', 'created', 'created_at', 'created_on'], required: true },
    { field: 'repaidOn', aliases: ['repaid_on', 'repaid', 'resolved', 'resolved_on', 'closed_on', 'done_on'] },
    { field: 'status', aliases: ['status'] },
    { field: 'source', aliases: ['source'] },
  ],
  throughput: [
    { field: 'team', aliases: ['team', 'team_name'], required: true },
    { field: 'month', aliases: ['month', 'period', 'date'], required: true },
    { field: 'featuresShipped', aliases: ['features_shipped', 'features', 'shipped', 'count'], required: true },
    { field: 'source', aliases: ['source'] },
  ],
  budget: [
    { field: 'externalId', aliases: ['id', 'external_id', 'key'] },
    { field: 'month', aliases: ['month', 'period', 'date'], required: true },
    { field: 'category', aliases: ['category', 'cost_category', 'type'], required: true },
    { field: 'team', aliases: ['team', 'team_name'] },
    { field: 'amount', aliases: ['amount', 'cost', 'value'], required: true },
    { field: 'currency', aliases: ['currency'] },
    { field: 'note', aliases: ['note', 'notes', 'description', 'comment'] },
    { field: 'source', aliases: ['source'] },
  ],
}

export function mapGenericCsv(kind: Exclude<ImportKind, 'survey'>, table: CsvTable): FormatOutput {
  const index = new HeaderIndex(table.header)
  const specs = GENERIC_FIELDS[kind]
  const { cols, columns, columnOf, used } = resolveColumns(index, specs, 'generic')
  const rows: MappedRow[] = table.rows.map((row) => {
    const error = widthError(row, table)
    if (error) return { line: row.line, error }
    const values: Record<string, unknown> = {}
    for (const s of specs) values[s.field] = cell(row, cols[s.field])
    return { line: row.line, values }
  })
  return { source: 'manual', columns, columnOf, ignored: ignoredColumns(table.header, used), dropped: [], rows }
}

export function mapGenericJson(kind: Exclude<ImportKind, 'survey'>, list: Array<Record<string, unknown>>): FormatOutput {
  const specs = GENERIC_FIELDS[kind]
  const columnOf: Record<string, string> = {}
  for (const s of specs) columnOf[s.field] = s.field
  const rows: MappedRow[] = list.map((obj, i) => {
    const values: Record<string, unknown> = {}
    for (const s of specs) {
      const v = jsonField(obj, [s.field, ...s.aliases])
      values[s.field] = v === null ? undefined : v
    }
    return { line: i + 1, values }
  })
  return { source: 'manual', columns: specs.map((s) => ({ field: s.field, column: s.field })), columnOf, ignored: [], dropped: [], rows }
}
