import 'server-only'
import { randomBytes } from 'node:crypto'
import { db } from '@/lib/db'
import { recordAudit } from '@/lib/audit'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { ConflictError, ValidationError } from '@/lib/errors'
import { DEFAULT_MAPPINGS, incidentIoMappingSchema, pagerDutyMappingSchema, type SeverityMappings } from '@/lib/intake/severity'
import { z } from 'zod'

// Severity mappings live in IntakeSetting ("severity.pagerduty", "severity.incidentio") with a
// version for optimistic locking: the later of two concurrent saves gets 409.

export const SEVERITY_KEYS = { pagerduty: 'severity.pagerduty', incidentio: 'severity.incidentio' } as const
export type MappingSource = keyof typeof SEVERITY_KEYS

export interface SeverityMappingView {
  source: MappingSource
  value: SeverityMappings[MappingSource]
  version: number
  updatedAt: string | null
  isDefault: boolean
}

export async function loadMappings(): Promise<SeverityMappings> {
  const rows = await db.intakeSetting.findMany({ where: { key: { in: Object.values(SEVERITY_KEYS) } } })
  const get = (key: string) => rows.find((r) => r.key === key)?.value
  const pd = pagerDutyMappingSchema.safeParse(get(SEVERITY_KEYS.pagerduty))
  const io = incidentIoMappingSchema.safeParse(get(SEVERITY_KEYS.incidentio))
  return { pagerduty: pd.success ? pd.data : DEFAULT_MAPPINGS.pagerduty, incidentio: io.success ? io.data : DEFAULT_MAPPINGS.incidentio }
}

/** outcomes.view */
export async function getSeverityMappings(user: SessionUser): Promise<SeverityMappingView[]> {
  assertCan(user, 'outcomes.view')
  const rows = await db.intakeSetting.findMany({ where: { key: { in: Object.values(SEVERITY_KEYS) } } })
  const current = await loadMappings()
  return (Object.keys(SEVERITY_KEYS) as MappingSource[]).map((source) => {
    const row = rows.find((r) => r.key === SEVERITY_KEYS[source])
    return { source, value: current[source], version: row?.version ?? 0, updatedAt: row?.updatedAt.toISOString() ?? null, isDefault: !row }
  })
}

export const updateSeverityMappingSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('pagerduty'), version: z.number().int().min(0), value: pagerDutyMappingSchema }),
  z.object({ source: z.literal('incidentio'), version: z.number().int().min(0), value: incidentIoMappingSchema }),
])

/** outcomes.import; ConflictError when someone saved since `version`. */
export async function updateSeverityMapping(user: SessionUser, input: unknown): Promise<SeverityMappingView> {
  assertCan(user, 'outcomes.import')
  const parsed = updateSeverityMappingSchema.safeParse(input)
  if (!parsed.success) {
    const fields: Record<string, string[]> = {}
    for (const i of parsed.error.issues) (fields[i.path.join('.') || 'value'] ??= []).push(i.message)
    throw new ValidationError('The severity mapping is not valid.', fields)
  }
  const { source, version, value } = parsed.data
  const key = SEVERITY_KEYS[source]
  return db.$transaction(async (tx) => {
    const existing = await tx.intakeSetting.findUnique({ where: { key } })
    if (!existing) {
      if (version !== 0) throw new ConflictError()
      try {
        await tx.intakeSetting.create({ data: { key, value, version: 1, updatedById: user.id } })
      } catch {
        throw new ConflictError()
      }
    } else {
      const { count } = await tx.intakeSetting.updateMany({ where: { key, version }, data: { value, version: { increment: 1 }, updatedById: user.id } })
      if (count === 0) throw new ConflictError()
    }
    await recordAudit(user, { action: 'intake.severity-mapping.update', entityType: 'IntakeSetting', entityId: key, summary: { before: (existing?.value ?? DEFAULT_MAPPINGS[source]) as object, after: value } }, tx)
    const row = await tx.intakeSetting.findUniqueOrThrow({ where: { key } })
    return { source, value, version: row.version, updatedAt: row.updatedAt.toISOString(), isDefault: false }
  })
}

/** A random key for hashing imported survey response ids, created once. */
export async function responseKeySalt(): Promise<string> {
  const key = 'survey.responseKeySalt'
  const found = await db.intakeSetting.findUnique({ where: { key } })
  if (found && typeof found.value === 'string') return found.value
  const salt = randomBytes(32).toString('base64url')
  await db.intakeSetting.upsert({ where: { key }, create: { key, value: salt }, update: {} })
  const row = await db.intakeSetting.findUniqueOrThrow({ where: { key } })
  return row.value as string
}
