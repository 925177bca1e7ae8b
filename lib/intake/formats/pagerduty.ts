import { HeaderIndex, type CsvTable } from '@/lib/intake/csv'
import { asText, cell, ignoredColumns, jsonField, resolveColumns, widthError, type FieldSpec, type FormatOutput, type MappedRow } from '@/lib/intake/formats/common'
import { mapPagerDutySeverity, type PagerDutyMapping } from '@/lib/intake/severity'

// PagerDuty Analytics "raw incidents" (POST /analytics/raw/incidents, or the CSV download of the
// same fields). PagerDuty has no severity: it is derived from priority, `major` and urgency
// through the editable mapping. Columns not listed here are ignored.

const SPECS: FieldSpec[] = [
  { field: 'id', aliases: ['id', 'incident_id'], required: true },
  { field: 'incident_number', aliases: ['incident_number'] },
  { field: 'description', aliases: ['description', 'title', 'summary'] },
  { field: 'created_at', aliases: ['created_at'], required: true },
  { field: 'resolved_at', aliases: ['resolved_at'] },
  { field: 'status', aliases: ['status'] },
  { field: 'urgency', aliases: ['urgency'] },
  { field: 'major', aliases: ['major'] },
  { field: 'priority_name', aliases: ['priority_name', 'priority'] },
  { field: 'priority_order', aliases: ['priority_order'] },
  { field: 'service_name', aliases: ['service_name'] },
  { field: 'team_name', aliases: ['team_name'] },
  { field: 'seconds_to_first_ack', aliases: ['seconds_to_first_ack'] },
  { field: 'seconds_to_resolve', aliases: ['seconds_to_resolve'] },
  { field: 'business_hour_interruptions', aliases: ['business_hour_interruptions'] },
  { field: 'off_hour_interruptions', aliases: ['off_hour_interruptions'] },
  { field: 'sleep_hour_interruptions', aliases: ['sleep_hour_interruptions'] },
]

/** Canonical field -> PagerDuty column (for the preview and error messages). */
const COLUMN_OF: Record<string, string> = {
  externalId: 'id',
  title: 'description',
  severity: 'priority_name',
  startedAt: 'created_at',
  resolvedAt: 'resolved_at',
  status: 'status',
  team: 'team_name',
  service: 'service_name',
  businessHourInterruptions: 'business_hour_interruptions',
  offHourInterruptions: 'off_hour_interruptions',
  sleepHourInterruptions: 'sleep_hour_interruptions',
}

function toValues(get: (f: string) => string | undefined, line: number, mapping: PagerDutyMapping): MappedRow {
  const major = (get('major') ?? '').toLowerCase()
  const sev = mapPagerDutySeverity(mapping, { priority: get('priority_name') ?? '', major: major === 'true' || major === '1' || major === 'yes', urgency: get('urgency') ?? '' })
  if ('error' in sev) return { line, error: { line, column: get('priority_name') ? 'priority_name' : 'urgency', reason: sev.error } }
  const number = get('incident_number')
  let title = get('description') || (number ? `Incident #${number}` : get('id') ? `Incident ${get('id')}` : '')
  if (title.length > 500) title = `${title.slice(0, 499)}…`
  let resolvedAt: string | undefined = get('resolved_at')
  if (!resolvedAt) {
    // Some exports leave resolved_at empty but carry seconds_to_resolve.
    const secs = Number(get('seconds_to_resolve'))
    const created = Date.parse(get('created_at') ?? '')
    if (get('seconds_to_resolve') && Number.isFinite(secs) && Number.isFinite(created)) resolvedAt = new Date(created + secs * 1000).toISOString()
  }
  return {
    line,
    values: {
      externalId: get('id'),
      title,
      severity: sev.severity,
      sourceSeverity: sev.label,
      team: get('team_name'),
      service: get('service_name'),
      startedAt: get('created_at'),
      resolvedAt,
      status: get('status'),
      businessHourInterruptions: get('business_hour_interruptions'),
      offHourInterruptions: get('off_hour_interruptions'),
      sleepHourInterruptions: get('sleep_hour_interruptions'),
    },
  }
}

export function mapPagerDutyCsv(table: CsvTable, mapping: PagerDutyMapping): FormatOutput {
  const index = new HeaderIndex(table.header)
  const { cols, used } = resolveColumns(index, SPECS, 'PagerDuty')
  const rows = table.rows.map((row) => {
    const error = widthError(row, table)
    if (error) return { line: row.line, error }
    return toValues((f) => cell(row, cols[f]), row.line, mapping)
  })
  return output(rows, ignoredColumns(table.header, used))
}

export function mapPagerDutyJson(list: Array<Record<string, unknown>>, mapping: PagerDutyMapping): FormatOutput {
  const rows = list.map((obj, i) => toValues((f) => asText(jsonField(obj, SPECS.find((s) => s.field === f)!.aliases)), i + 1, mapping))
  return output(rows, [])
}

function output(rows: MappedRow[], ignored: string[]): FormatOutput {
  return {
    source: 'pagerduty',
    columns: Object.entries(COLUMN_OF).map(([field, column]) => ({ field, column })),
    columnOf: COLUMN_OF,
    ignored,
    dropped: [],
    rows,
  }
}

export const PAGERDUTY_SIGNATURE = ['incident_number', 'urgency', 'priority_name', 'seconds_to_resolve', 'service_name', 'sleep_hour_interruptions']
