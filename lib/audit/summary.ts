// The before/after summary of an audit entry in words. Pure: no Prisma, no Next (unit-tested).
// Summaries are free-form JSON written by each domain; the convention is { before: {...},
// after: {...}, ...context }. Anything else is shown as key: value details.

export interface AuditChange {
  field: string
  before: string | null
  after: string | null
}

export interface AuditReadable {
  changes: AuditChange[]
  details: Array<{ key: string; value: string }>
  /** One line for the CSV and screen readers: "role: DEVELOPER → LEADER; slug: intro". */
  text: string
}

const MAX_VALUE = 160

function show(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'string') return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value) && value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) {
    return show(value.length ? value.map((v) => String(v)).join(', ') : '(none)')
  }
  return show(JSON.stringify(value))
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export function readableSummary(summary: unknown): AuditReadable {
  if (summary === null || summary === undefined) return { changes: [], details: [], text: '' }
  if (!isRecord(summary)) {
    const value = show(summary)
    return { changes: [], details: [{ key: 'value', value }], text: value }
  }
  const before = isRecord(summary.before) ? summary.before : null
  const after = isRecord(summary.after) ? summary.after : null
  const changes: AuditChange[] = []
  if (before || after) {
    const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
    for (const field of fields) {
      const b = before && field in before ? before[field] : undefined
      const a = after && field in after ? after[field] : undefined
      if (before && after && field in before && field in after && JSON.stringify(b) === JSON.stringify(a)) continue
      changes.push({ field, before: before && field in before ? show(b) : null, after: after && field in after ? show(a) : null })
    }
  }
  const details = Object.entries(summary)
    .filter(([k, v]) => !((k === 'before' && before) || (k === 'after' && after)) && v !== undefined)
    .map(([key, v]) => ({ key, value: show(v) }))
  const text = [
    ...changes.map((c) => `${c.field}: ${c.before ?? '(not recorded)'} → ${c.after ?? '(not recorded)'}`),
    ...details.map((d) => `${d.key}: ${d.value}`),
  ].join('; ')
  return { changes, details, text }
}
