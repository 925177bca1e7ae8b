import 'server-only'
import { db } from '@/lib/db'
import { assertCan, can } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { ForbiddenError } from '@/lib/errors'

// Who may do what in the rollout planner, beyond the role map:
// - everyone signed in sees the plan and their own team's status (home.view);
// - rollout.view (experts, leaders, admins) sees every team, cohort, gate and finding;
// - rollout.plan (leaders, admins) changes the plan, cohorts, gates and expert allocations;
// - findings and the experts' feed are written by experts (the role, or a person selected into an
//   active experts cohort), leaders and admins. findings.create alone (developers hold it) is not enough.

export function canSeeEverything(user: SessionUser): boolean {
  return can(user, 'rollout.view')
}

export function assertSeesPlan(user: SessionUser): void {
  assertCan(user, 'home.view')
}

/** A selected expert: in an open membership of an active experts cohort. */
export async function isSelectedExpert(userId: string): Promise<boolean> {
  const n = await db.cohortMembership.count({ where: { userId, leftOn: null, cohort: { active: true, stage: 'EXPERTS' } } })
  return n > 0
}

export async function isExpertOrLeader(user: SessionUser): Promise<boolean> {
  if (user.role === 'EXPERT' || user.role === 'LEADER' || user.role === 'ADMIN') return true
  return isSelectedExpert(user.id)
}

export async function assertFindingsWriter(user: SessionUser): Promise<void> {
  assertCan(user, 'findings.create')
  if (!(await isExpertOrLeader(user))) throw new ForbiddenError('Only experts and leaders record findings.')
}

export async function assertFeedAccess(user: SessionUser): Promise<void> {
  assertCan(user, 'home.view')
  if (!(await isExpertOrLeader(user))) throw new ForbiddenError('The experts’ feed is for experts and leaders.')
}

export function actorOf(user: SessionUser) {
  return { id: user.id, email: user.email }
}
