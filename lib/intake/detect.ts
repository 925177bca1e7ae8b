import { HeaderIndex } from '@/lib/intake/csv'
import { FileRejectedError } from '@/lib/intake/errors'
import { FORMAT_LABELS, KIND_FORMATS, KIND_LABELS, type ImportFormat, type ImportKind } from '@/lib/intake/types'

// Which format a file is, from its header row (CSV) or its shape (JSON).

export function detectCsvFormat(header: string[]): ImportFormat {
  const h = new HeaderIndex(header)
  if (h.has('Response ID') && h.has('Timestamp') && h.has('Finished')) return 'formbricks-csv'
  if (h.has('Issue key') && h.has('Summary') && (h.has('Issue Type') || h.has('Created'))) return 'jira-csv'
  if (h.has('incident_number') || (h.has('urgency') && (h.has('priority_name') || h.has('seconds_to_resolve') || h.has('service_name')))) return 'pagerduty-csv'
  if (h.has('reference') && h.has('severity') && (h.has('incident_status') || h.has('status') || header.some((c) => /workload.?minutes/i.test(c)))) return 'incidentio-csv'
  return 'generic-csv'
}

export function detectJsonFormat(value: unknown): ImportFormat {
  const first = (list: unknown) => (Array.isArray(list) && list[0] && typeof list[0] === 'object' ? (list[0] as Record<string, unknown>) : undefined)
  const obj = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  if (obj && Array.isArray(obj.incidents)) return 'incidentio-json'
  const item = first(obj ? (obj.data ?? obj.items ?? obj.records) : value)
  if (item) {
    if ('priority_name' in item || 'urgency' in item || 'incident_number' in item || 'seconds_to_resolve' in item) return 'pagerduty-json'
    if ('reference' in item && ('incident_status' in item || (item.severity && typeof item.severity === 'object'))) return 'incidentio-json'
  }
  return 'generic-json'
}

/** A detected (or chosen) format must hold the chosen kind. */
export function assertFormatFits(kind: ImportKind, format: ImportFormat): void {
  if (KIND_FORMATS[kind].includes(format)) return
  const holds = (Object.keys(KIND_FORMATS) as ImportKind[]).filter((k) => KIND_FORMATS[k].includes(format) && !format.startsWith('generic'))
  throw new FileRejectedError(
    `This file is a ${FORMAT_LABELS[format]} file${holds.length ? `, which holds ${holds.map((k) => KIND_LABELS[k].toLowerCase()).join(' or ')}` : ''}; it cannot be imported as ${KIND_LABELS[kind].toLowerCase()}. Accepted for ${KIND_LABELS[kind].toLowerCase()}: ${KIND_FORMATS[kind].map((f) => FORMAT_LABELS[f]).join(', ')}.`,
  )
}

export function isJsonText(text: string): boolean {
  const c = text.trimStart()[0]
  return c === '[' || c === '{'
}
