import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import type { SessionUser } from '@/lib/auth/session'
import { ForbiddenError } from '@/lib/errors'

export type Tx = Prisma.TransactionClient
export const actorOf = (u: SessionUser) => ({ id: u.id, email: u.email })

export function isLeader(user: SessionUser) {
  return user.role === 'LEADER' || user.role === 'ADMIN'
}

/** Only the task's owner or a leader closes or edits a re-validation task. */
export function assertOwnerOrLeader(user: SessionUser, ownerId: string) {
  if (user.id !== ownerId && user.role !== 'LEADER') throw new ForbiddenError('Only the owner of this item or a leader can do that.')
}

export function day(s: string): Date {
  return new Date(`${s}T00:00:00Z`)
}

export function today(): Date {
  const n = new Date()
  return new Date(Date.UTC(n.getUTCFullYear(), n.getUTCMonth(), n.getUTCDate()))
}

/** People in the active cohorts of the given stages: members of member teams and individual members. */
export async function cohortAudience(tx: Tx, stages: string[], cohortIds?: string[]): Promise<string[]> {
  if (stages.length === 0 && !cohortIds?.length) return []
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT DISTINCT u.id::text AS id FROM "CohortMembership" cm
    JOIN "Cohort" c ON c.id = cm."cohortId"
    JOIN "User" u ON (u.id = cm."userId" OR u."teamId" = cm."teamId")
    WHERE cm."leftOn" IS NULL AND c.active AND u.active
      AND ${cohortIds?.length ? Prisma.sql`c.id = ANY(${cohortIds}::uuid[])` : Prisma.sql`c.stage::text = ANY(${stages}::text[])`}`
  return rows.map((r) => r.id)
}

