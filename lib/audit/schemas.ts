import { z } from 'zod'

// The filters of the audit log, shared by /audit (URL search params), GET /api/v1/audit and its CSV
// export. Client-safe: no server imports.

const text = (max: number) => z.string().trim().min(1).max(max)
const day = z.iso.date({ error: 'Use a date like 2026-11-24' })

export const AUDIT_PAGE_SIZE = 50
export const AUDIT_MAX_PAGE_SIZE = 200

export const auditFilterSchema = z
  .object({
    actor: text(320).toLowerCase().optional().describe('Who: an email, or system / seed / cli (exact, case-insensitive)'),
    action: text(120)
      .regex(/^[a-z0-9_.-]+\*?$/i, { error: 'Letters, digits, dots, dashes; end with * (or a dot) for every action that starts so' })
      .optional()
      .describe('What: an action such as user.role.change, or a prefix such as rollout.* or rollout.'),
    entityType: text(80).optional().describe('The kind of record, e.g. User, TrainingModule, Team'),
    entityId: text(200).optional().describe('The id of that record'),
    from: day.optional().describe('From this day (UTC), inclusive'),
    to: day.optional().describe('Up to this day (UTC), inclusive'),
    q: text(200).optional().describe('Words in the before/after summary (case-insensitive)'),
    cursor: z.string().regex(/^\d{1,19}$/, { error: 'Not a cursor from this API' }).optional().describe('nextCursor of the previous page'),
    limit: z.coerce.number().int().min(1).max(AUDIT_MAX_PAGE_SIZE).default(AUDIT_PAGE_SIZE).describe('Entries per page (1-200)'),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { error: 'The end date is before the start date', path: ['to'] })

export type AuditFilterInput = z.input<typeof auditFilterSchema>
export type AuditFilter = z.output<typeof auditFilterSchema>

/** The filter keys that travel in a URL, in a stable order (the cursor is the page, not a filter). */
export const AUDIT_FILTER_KEYS = ['actor', 'action', 'entityType', 'entityId', 'from', 'to', 'q'] as const

/** URL search params -> the schema's input: first value of repeated keys, empty fields dropped. */
export function auditParams(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(raw)) {
    const value = Array.isArray(v) ? v[0] : v
    if (value !== undefined && value.trim() !== '') out[k] = value
  }
  return out
}

/** The query string of a filter (and optionally a cursor), for links and the CSV export. */
export function auditQueryString(f: Partial<AuditFilter>, extra: Record<string, string | undefined> = {}): string {
  const p = new URLSearchParams()
  for (const k of AUDIT_FILTER_KEYS) if (f[k]) p.set(k, String(f[k]))
  for (const [k, v] of Object.entries(extra)) if (v) p.set(k, v)
  const s = p.toString()
  return s ? `?${s}` : ''
}
