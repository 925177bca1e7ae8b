import 'server-only'
import { db, dbPool } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { NotFoundError, ValidationError } from '@/lib/errors'
import { teamAliasesInputSchema } from '@/lib/intake/schemas'
import { findTeam, saveAliases } from '@/lib/intake/teams'
import type { ImportKind, RowError } from '@/lib/intake/types'

export interface ImportJobView {
  id: string
  kind: ImportKind
  format: string
  fileName: string | null
  status: 'VALIDATING' | 'INVALID' | 'WRITING' | 'SUCCEEDED' | 'FAILED'
  totalRows: number
  processedRows: number
  created: number
  updated: number
  skipped: number
  errorCount: number
  validOnly: boolean
  by: string | null
  createdAt: string
  finishedAt: string | null
}

const SELECT = {
  id: true, kind: true, format: true, fileName: true, status: true, totalRows: true, processedRows: true, created: true, updated: true,
  skipped: true, errorCount: true, validOnly: true, createdAt: true, finishedAt: true, createdBy: { select: { name: true } },
} as const

type Row = { [K in keyof typeof SELECT]: unknown } & { createdBy: { name: string } | null; createdAt: Date; finishedAt: Date | null }

function view(r: Row): ImportJobView {
  const { createdBy, createdAt, finishedAt, ...rest } = r
  return { ...(rest as Omit<ImportJobView, 'by' | 'createdAt' | 'finishedAt'>), by: createdBy?.name ?? null, createdAt: createdAt.toISOString(), finishedAt: finishedAt?.toISOString() ?? null }
}

/** outcomes.import or budget.edit */
export async function listImportJobs(user: SessionUser, limit = 20): Promise<ImportJobView[]> {
  assertCanImportSomething(user)
  const rows = await db.importJob.findMany({ orderBy: { createdAt: 'desc' }, take: Math.min(Math.max(limit, 1), 100), select: SELECT })
  return rows.map((r) => view(r as unknown as Row))
}

/** outcomes.import or budget.edit; NotFoundError */
export async function getImportJob(user: SessionUser, id: string): Promise<ImportJobView & { errors: RowError[] }> {
  assertCanImportSomething(user)
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError('No such import.')
  const r = await db.importJob.findUnique({ where: { id }, select: { ...SELECT, errors: true } })
  if (!r) throw new NotFoundError('No such import.')
  const { errors, ...rest } = r
  return { ...view(rest as unknown as Row), errors: (errors as RowError[] | null) ?? [] }
}

function assertCanImportSomething(user: SessionUser) {
  try {
    assertCan(user, 'outcomes.import')
  } catch {
    assertCan(user, 'budget.edit')
  }
}

/** outcomes.import. Saves "source name -> team" aliases from the import preview (audited). */
export async function saveTeamAliases(user: SessionUser, input: unknown): Promise<{ saved: number }> {
  assertCan(user, 'outcomes.import')
  const parsed = teamAliasesInputSchema.safeParse(input)
  if (!parsed.success) {
    const fields: Record<string, string[]> = {}
    for (const i of parsed.error.issues) (fields[i.path.join('.') || 'aliases'] ??= []).push(i.message)
    throw new ValidationError('The team mapping is not valid.', fields)
  }
  const client = await dbPool().connect()
  try {
    await client.query('BEGIN')
    const toSave = []
    for (const [i, a] of parsed.data.aliases.entries()) {
      const team = await findTeam(client, a.team)
      if (!team) throw new ValidationError('The team mapping is not valid.', { [`aliases.${i}.team`]: [`no team "${a.team}"`] })
      toSave.push({ source: a.source, alias: a.alias, teamId: team.id, teamName: team.name })
    }
    await saveAliases(client, toSave, user.id)
    await client.query(
      'INSERT INTO "AuditLog" ("actorId", "actorLabel", action, "entityType", summary) VALUES ($1::uuid, $2, $3, $4, $5::jsonb)',
      [user.id, user.email, 'intake.team-alias.save', 'TeamAlias', JSON.stringify({ aliases: toSave.map((a) => ({ source: a.source, name: a.alias, team: a.teamName })) })],
    )
    await client.query('COMMIT')
    return { saved: toSave.length }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}

/** outcomes.import: the teams a name can be mapped to. */
export async function listTeamChoices(user: SessionUser) {
  assertCan(user, 'outcomes.import')
  return db.team.findMany({ select: { id: true, slug: true, name: true }, orderBy: { name: 'asc' } })
}
