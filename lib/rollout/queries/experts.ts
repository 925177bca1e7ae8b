import 'server-only'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { assertFeedAccess } from '@/lib/rollout/access'
import { isoDay } from '@/lib/rollout/rules'

export interface PollSummary {
  id: string
  title: string
  description: string | null
  status: 'OPEN' | 'CLOSED'
  closesOn: string | null
  version: number
  candidates: number
  /** The asking person's own candidacy in this poll. */
  mine: boolean
}

/** Everyone signed in. Polls, newest first, with whether the asking person is a candidate. */
export async function listPolls(user: SessionUser): Promise<PollSummary[]> {
  assertCan(user, 'home.view')
  const polls = await db.expertPoll.findMany({
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, title: true, description: true, status: true, closesOn: true, version: true, _count: { select: { candidates: true } }, candidates: { where: { userId: user.id }, select: { id: true } } },
  })
  return polls.map((p) => ({ id: p.id, title: p.title, description: p.description, status: p.status, closesOn: p.closesOn ? isoDay(p.closesOn) : null, version: p.version, candidates: p._count.candidates, mine: p.candidates.length > 0 }))
}

export interface CandidateView {
  id: string
  userId: string
  name: string
  email: string
  seniority: string | null
  jobTitle: string | null
  team: string | null
  volunteered: boolean
  nominatedBy: string | null
  codesDaily: boolean
  curiosity: number
  exploreIdea: string
  selected: boolean
}

/** rollout.plan. A poll's candidates with seniority and answers, for the leader to choose from. */
export async function getPollCandidates(user: SessionUser, pollId: string): Promise<{ poll: PollSummary; candidates: CandidateView[] } | null> {
  assertCan(user, 'rollout.plan')
  const p = await db.expertPoll.findUnique({
    where: { id: pollId },
    select: {
      id: true, title: true, description: true, status: true, closesOn: true, version: true,
      candidates: {
        orderBy: { createdAt: 'asc' },
        select: { id: true, userId: true, nominatedById: true, codesDaily: true, curiosity: true, exploreIdea: true, selected: true, nominatedBy: { select: { name: true } }, user: { select: { name: true, email: true, seniority: true, jobTitle: true, team: { select: { name: true } } } } },
      },
    },
  })
  if (!p) return null
  return {
    poll: { id: p.id, title: p.title, description: p.description, status: p.status, closesOn: p.closesOn ? isoDay(p.closesOn) : null, version: p.version, candidates: p.candidates.length, mine: false },
    candidates: p.candidates.map((c) => ({
      id: c.id, userId: c.userId, name: c.user.name, email: c.user.email, seniority: c.user.seniority, jobTitle: c.user.jobTitle, team: c.user.team?.name ?? null,
      volunteered: c.nominatedById === c.userId, nominatedBy: c.nominatedById === c.userId ? null : (c.nominatedBy?.name ?? null),
      codesDaily: c.codesDaily, curiosity: c.curiosity, exploreIdea: c.exploreIdea, selected: c.selected,
    })),
  }
}

/** Everyone signed in: colleagues one can nominate (active people, by name). */
export async function listColleagues(user: SessionUser): Promise<Array<{ id: string; name: string; team: string | null }>> {
  assertCan(user, 'home.view')
  const rows = await db.user.findMany({ where: { active: true, role: { in: ['DEVELOPER', 'EXPERT'] } }, orderBy: { name: 'asc' }, take: 2000, select: { id: true, name: true, team: { select: { name: true } } } })
  return rows.map((r) => ({ id: r.id, name: r.name, team: r.team?.name ?? null }))
}

export interface AllocationView {
  id: string | null
  userId: string
  name: string
  team: string | null
  manager: string | null
  timeSharePercent: number | null
  startsOn: string | null
  endsOn: string | null
  budgetGranted: number | null
  budgetSpent: number | null
  codeBase: string | null
  signedOffBy: string | null
  signedOffAt: string | null
  version: number | null
  /** The asking person manages this expert's team (may sign off). */
  canSignOff: boolean
}

/** rollout.view. Every selected expert (active experts cohort) and expert-role user, with their allocation. */
export async function listAllocations(user: SessionUser): Promise<AllocationView[]> {
  assertCan(user, 'rollout.view')
  const people = await db.user.findMany({
    where: { active: true, OR: [{ role: 'EXPERT' }, { cohortMemberships: { some: { leftOn: null, cohort: { stage: 'EXPERTS', active: true } } } }, { expertAllocations: { some: {} } }] },
    orderBy: { name: 'asc' },
    select: {
      id: true, name: true, team: { select: { name: true, managerId: true, manager: { select: { name: true } } } },
      expertAllocations: { select: { id: true, timeSharePercent: true, startsOn: true, endsOn: true, budgetGranted: true, budgetSpent: true, codeBase: true, signedOffAt: true, signedOffBy: { select: { name: true } }, version: true } },
    },
  })
  return people.map((p) => {
    const a = p.expertAllocations[0]
    return {
      id: a?.id ?? null, userId: p.id, name: p.name, team: p.team?.name ?? null, manager: p.team?.manager?.name ?? null,
      timeSharePercent: a?.timeSharePercent ?? null, startsOn: a ? isoDay(a.startsOn) : null, endsOn: a ? isoDay(a.endsOn) : null,
      budgetGranted: a ? Number(a.budgetGranted) : null, budgetSpent: a ? Number(a.budgetSpent) : null, codeBase: a?.codeBase ?? null,
      signedOffBy: a?.signedOffBy?.name ?? null, signedOffAt: a?.signedOffAt ? a.signedOffAt.toISOString() : null, version: a?.version ?? null,
      canSignOff: Boolean(a) && !a?.signedOffAt && p.id !== user.id && (user.role === 'ADMIN' || p.team?.managerId === user.id),
    }
  })
}

/** Experts and leaders. The experts' feed, newest first. */
export async function listFeed(user: SessionUser, take = 50) {
  await assertFeedAccess(user)
  const rows = await db.expertFeedPost.findMany({
    orderBy: { createdAt: 'desc' },
    take,
    select: { id: true, body: true, createdAt: true, author: { select: { name: true } }, module: { select: { slug: true, title: true, latestVersion: true } } },
  })
  return rows.map((r) => ({ id: r.id, body: r.body, at: r.createdAt.toISOString(), author: r.author?.name ?? 'Former member', module: r.module ? { slug: r.module.slug, title: r.module.title, draft: r.module.latestVersion === 0 } : null }))
}
