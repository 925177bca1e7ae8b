import { HeaderIndex, normaliseHeader, type CsvTable } from '@/lib/intake/csv'
import { asText, cell, ignoredColumns, resolveColumns, widthError, type FieldSpec, type FormatOutput, type MappedRow } from '@/lib/intake/formats/common'
import { mapIncidentIoSeverity, type IncidentIoMapping } from '@/lib/intake/severity'

// incident.io incidents: the API v2 list (`{"incidents":[...],"pagination_meta":{...}}`) and CSV
// exports with loosely named columns. The incident's key is its `reference` (INC-123), present in
// both, so a JSON and a CSV import of the same incident update one row.

/** Status categories that are not real incidents: read and skipped. */
const NOT_INCIDENTS = new Set(['declined', 'merged', 'canceled', 'cancelled', 'triage'])

const COLUMN_OF: Record<string, string> = {
  externalId: 'reference',
  title: 'name',
  severity: 'severity',
  status: 'incident_status',
  startedAt: 'reported_at',
  resolvedAt: 'resolved_at',
  team: 'team',
  service: 'service',
  workloadMinutesWorking: 'workload_minutes_working',
  workloadMinutesLate: 'workload_minutes_late',
  workloadMinutesSleeping: 'workload_minutes_sleeping',
}

interface Extracted {
  line: number
  id?: string
  reference?: string
  name?: string
  severityName: string
  severityRank: number | null
  statusName?: string
  category?: string
  createdAt?: string
  reportedAt?: string
  resolvedAt?: string
  durationSeconds?: number
  team?: string
  service?: string
  working?: string
  late?: string
  sleeping?: string
}

function toRow(x: Extracted, mapping: IncidentIoMapping): MappedRow {
  const category = (x.category ?? x.statusName ?? '').toLowerCase()
  if (NOT_INCIDENTS.has(category)) return { line: x.line, skip: `status "${x.category ?? x.statusName}" is not an incident (${x.reference ?? x.id})` }
  const sev = mapIncidentIoSeverity(mapping, { name: x.severityName, rank: x.severityRank })
  if ('error' in sev) return { line: x.line, error: { line: x.line, column: 'severity', reason: sev.error } }
  const startedAt = x.reportedAt || x.createdAt
  let resolvedAt = x.resolvedAt
  if (!resolvedAt && x.durationSeconds !== undefined && startedAt && ['closed', 'resolved', 'learning', 'post-incident', 'postincident'].includes(category)) {
    const t = Date.parse(startedAt)
    if (Number.isFinite(t)) resolvedAt = new Date(t + x.durationSeconds * 1000).toISOString()
  }
  let title = x.name ?? ''
  if (title.length > 500) title = `${title.slice(0, 499)}…`
  return {
    line: x.line,
    values: {
      externalId: x.reference || x.id,
      title,
      severity: sev.severity,
      sourceSeverity: sev.label,
      status: x.category || x.statusName,
      startedAt,
      resolvedAt,
      team: x.team,
      service: x.service,
      workloadMinutesWorking: x.working,
      workloadMinutesLate: x.late,
      workloadMinutesSleeping: x.sleeping,
    },
  }
}

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined)

/** The first value of a custom field whose name matches. */
function customField(entries: unknown, pattern: RegExp): string | undefined {
  if (!Array.isArray(entries)) return undefined
  for (const e of entries) {
    const entry = obj(e)
    const name = asText(obj(entry?.custom_field)?.name)
    if (!name || !pattern.test(name)) continue
    const values = Array.isArray(entry?.values) ? entry.values : []
    for (const v of values) {
      const value = obj(v)
      const text = asText(obj(value?.value_catalog_entry)?.name) ?? asText(obj(value?.value_option)?.value) ?? asText(value?.value_text)
      if (text) return text
    }
  }
  return undefined
}

function timestamp(values: unknown, pattern: RegExp): string | undefined {
  if (!Array.isArray(values)) return undefined
  for (const t of values) {
    const entry = obj(t)
    const name = asText(obj(entry?.incident_timestamp)?.name)
    if (name && pattern.test(name)) {
      const v = asText(obj(entry?.value)?.value)
      if (v) return v
    }
  }
  return undefined
}

function durationSeconds(metrics: unknown): number | undefined {
  if (!Array.isArray(metrics)) return undefined
  for (const m of metrics) {
    const entry = obj(m)
    const name = asText(obj(entry?.duration_metric)?.name) ?? ''
    if (/resolv|lasted|duration|time to fix/i.test(name) && typeof entry?.value_seconds === 'number') return entry.value_seconds
  }
  return undefined
}

export function mapIncidentIoJson(list: Obj[], mapping: IncidentIoMapping): FormatOutput {
  const rows = list.map((o, i): MappedRow => {
    const severity = obj(o.severity)
    const status = obj(o.incident_status)
    return toRow(
      {
        line: i + 1,
        id: asText(o.id),
        reference: asText(o.reference),
        name: asText(o.name),
        severityName: asText(severity?.name) ?? asText(o.severity) ?? '',
        severityRank: typeof severity?.rank === 'number' ? severity.rank : null,
        statusName: asText(status?.name) ?? asText(o.incident_status),
        category: asText(status?.category),
        createdAt: asText(o.created_at),
        reportedAt: asText(o.reported_at),
        resolvedAt: timestamp(o.incident_timestamp_values, /resolved|closed/i) ?? asText(o.resolved_at),
        durationSeconds: durationSeconds(o.duration_metrics),
        team: customField(o.custom_field_entries, /team/i) ?? asText(o.team),
        service: customField(o.custom_field_entries, /service/i) ?? asText(o.service),
        working: asText(o.workload_minutes_working),
        late: asText(o.workload_minutes_late),
        sleeping: asText(o.workload_minutes_sleeping),
      },
      mapping,
    )
  })
  return output(rows, [])
}

const CSV_SPECS: FieldSpec[] = [
  { field: 'id', aliases: ['id', 'incident_id'] },
  { field: 'reference', aliases: ['reference', 'ref', 'incident_reference'] },
  { field: 'name', aliases: ['name', 'title', 'incident_name'], required: true },
  { field: 'severity', aliases: ['severity', 'severity_name'], required: true },
  { field: 'severityRank', aliases: ['severity_rank', 'severity.rank'] },
  { field: 'status', aliases: ['incident_status', 'status', 'status_name'] },
  { field: 'category', aliases: ['incident_status_category', 'status_category', 'incident_status.category', 'category'] },
  { field: 'createdAt', aliases: ['created_at', 'created'] },
  { field: 'reportedAt', aliases: ['reported_at', 'reported'] },
  { field: 'resolvedAt', aliases: ['resolved_at', 'resolved', 'closed_at', 'closed'] },
  { field: 'duration', aliases: ['duration_seconds', 'duration_metrics', 'duration', 'lasted', 'time_to_resolve'] },
  { field: 'working', aliases: ['workload_minutes_working'] },
  { field: 'late', aliases: ['workload_minutes_late'] },
  { field: 'sleeping', aliases: ['workload_minutes_sleeping'] },
]

export function mapIncidentIoCsv(table: CsvTable, mapping: IncidentIoMapping): FormatOutput {
  const index = new HeaderIndex(table.header)
  const { cols, used } = resolveColumns(index, CSV_SPECS, 'incident.io')
  if (cols.id === undefined && cols.reference === undefined) {
    resolveColumns(index, [{ field: 'reference', aliases: ['reference'], required: true }], 'incident.io')
  }
  // Loosely named custom fields: "Team", "Affected team", "Custom field: Owning Team"...
  const teamCol = table.header.findIndex((h, i) => !used.has(i) && /team/.test(normaliseHeader(h)))
  const serviceCol = table.header.findIndex((h, i) => !used.has(i) && /service/.test(normaliseHeader(h)))
  if (teamCol >= 0) used.add(teamCol)
  if (serviceCol >= 0) used.add(serviceCol)
  const rows = table.rows.map((row): MappedRow => {
    const error = widthError(row, table)
    if (error) return { line: row.line, error }
    const get = (f: string) => cell(row, cols[f]) || undefined
    const rank = get('severityRank')
    const duration = get('duration')
    return toRow(
      {
        line: row.line,
        id: get('id'),
        reference: get('reference'),
        name: get('name'),
        severityName: get('severity') ?? '',
        severityRank: rank && /^\d+$/.test(rank) ? Number(rank) : null,
        statusName: get('status'),
        category: get('category'),
        createdAt: get('createdAt'),
        reportedAt: get('reportedAt'),
        resolvedAt: get('resolvedAt'),
        durationSeconds: duration && Number.isFinite(Number(duration)) ? Number(duration) : undefined,
        team: teamCol >= 0 ? cell(row, teamCol) || undefined : undefined,
        service: serviceCol >= 0 ? cell(row, serviceCol) || undefined : undefined,
        working: get('working'),
        late: get('late'),
        sleeping: get('sleeping'),
      },
      mapping,
    )
  })
  const out = output(rows, ignoredColumns(table.header, used))
  out.columns = out.columns.map((c) => ({
    field: c.field,
    column:
      c.field === 'team' ? (teamCol >= 0 ? table.header[teamCol] : null)
      : c.field === 'service' ? (serviceCol >= 0 ? table.header[serviceCol] : null)
      : c.column,
  }))
  return out
}

function output(rows: MappedRow[], ignored: string[]): FormatOutput {
  return {
    source: 'incidentio',
    columns: Object.entries(COLUMN_OF).map(([field, column]) => ({ field, column })),
    columnOf: COLUMN_OF,
    ignored,
    dropped: [],
    rows,
  }
}
