import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { scheduleSurvey } from '@/lib/surveys/mutations'
import { makeUser } from '@/tests/support/people'

let n = 0

export async function makeTeam(name: string) {
  return db.team.create({ data: { slug: name.toLowerCase().replace(/\W+/g, '-'), name, size: 10 } })
}

export async function makeCohort(name: string, stage: 'EXPERTS' | 'PILOT' | 'BROAD', members: { teamIds?: string[]; userIds?: string[] }) {
  const cohort = await db.cohort.create({ data: { name, stage, startedOn: new Date('2026-01-01') } })
  for (const teamId of members.teamIds ?? []) await db.cohortMembership.create({ data: { cohortId: cohort.id, teamId, joinedOn: new Date('2026-01-01') } })
  for (const userId of members.userIds ?? []) await db.cohortMembership.create({ data: { cohortId: cohort.id, userId, joinedOn: new Date('2026-01-01') } })
  return cohort
}

export async function makeDevelopers(count: number, teamId: string | null, prefix = 'dev'): Promise<SessionUser[]> {
  const out: SessionUser[] = []
  for (let i = 0; i < count; i++) out.push(await makeUser(`${prefix}${++n}@example.com`, 'DEVELOPER', teamId))
  return out
}

/** An open pulse (opened a minute ago) with the standard questions. */
export async function openPulse(leader: SessionUser, title = `Pulse ${++n}`, extra: Record<string, unknown> = {}) {
  const now = Date.now()
  return scheduleSurvey(leader, { title, opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 7 * 86_400_000).toISOString(), ...extra })
}

export const answers = (s: number, comment?: string) => ({ overall: s, tools_help: s, time_to_learn: s, workload: s, ...(comment ? { comment } : {}) })
