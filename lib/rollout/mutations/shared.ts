import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { RuleViolationError } from '@/lib/errors'
import { stageClashes, type Stage } from '@/lib/rollout/rules'

export type Tx = Prisma.TransactionClient

/** Refuses members who already have an open membership (a team or person is in one active stage at a time). */
export async function assertNotInActiveStage(tx: Tx, wanted: Array<{ kind: 'team' | 'user'; id: string; label: string }>) {
  const teamIds = wanted.filter((w) => w.kind === 'team').map((w) => w.id)
  const userIds = wanted.filter((w) => w.kind === 'user').map((w) => w.id)
  const open = await tx.cohortMembership.findMany({
    where: { leftOn: null, OR: [{ teamId: { in: teamIds } }, { userId: { in: userIds } }] },
    select: { teamId: true, userId: true, cohort: { select: { name: true, stage: true } } },
  })
  const clashes = stageClashes(
    wanted,
    open.map((o) => ({ kind: o.teamId ? ('team' as const) : ('user' as const), id: (o.teamId ?? o.userId)!, stage: o.cohort.stage as Stage, cohort: o.cohort.name })),
  )
  if (clashes.length) throw new RuleViolationError(clashes.join(' '))
}

/** The database's own guard (partial unique indexes, triggers) turned into the same clear message. */
export function translateDbError(err: unknown): never {
  const e = err as { code?: string; message?: string; meta?: unknown }
  if (e?.code === 'P2002' || /CohortMembership_open_(team|user)_key/.test(String(e?.message))) {
    throw new RuleViolationError('A team or person is in one active stage at a time: someone here was just added to another active cohort.')
  }
  if (/check_violation|23514/.test(String(e?.message)) || e?.code === 'P2010') {
    throw new RuleViolationError(`The database refused the change: ${String(e?.message).split('\n').pop()}`)
  }
  throw err
}
