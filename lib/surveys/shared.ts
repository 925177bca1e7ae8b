import 'server-only'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import { NotFoundError } from '@/lib/errors'
import { groupAttributes, type Audience, type GroupAttributes, type StageName } from '@/lib/surveys/rules'

export type Tx = Prisma.TransactionClient

export const SURVEY_SELECT = {
  id: true,
  title: true,
  status: true,
  opensAt: true,
  closesAt: true,
  source: true,
  version: true,
  audienceStages: true,
  audienceCohortIds: true,
  audienceTeamIds: true,
  questions: { select: { id: true, key: true, prompt: true, kind: true, position: true, optional: true }, orderBy: { position: 'asc' } },
} as const

export type SurveyRow = Prisma.PulseSurveyGetPayload<{ select: typeof SURVEY_SELECT }>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (v: string) => UUID.test(v)

export async function loadSurvey(tx: Tx | typeof db, id: string): Promise<SurveyRow> {
  const row = isUuid(id) ? await tx.pulseSurvey.findUnique({ where: { id }, select: SURVEY_SELECT }) : null
  if (!row) throw new NotFoundError('No pulse survey with this id.')
  return row
}

export const audienceOf = (s: { audienceStages: StageName[]; audienceCohortIds: string[]; audienceTeamIds: string[] }): Audience => ({
  stages: s.audienceStages,
  cohortIds: s.audienceCohortIds,
  teamIds: s.audienceTeamIds,
})

export function actorOf(user: { id: string; email: string }) {
  return { id: user.id, email: user.email }
}

/**
 * Moves stored statuses along the clock (SCHEDULED -> OPEN -> CLOSED). When a survey closes, its
 * participation rows are rewritten in random order in one transaction: while a survey is open a
 * participation row and its response are written by the same transaction, and this breaks any
 * link a database administrator could draw from system columns (xmin) or physical row order.
 */
export async function syncStatuses(now = new Date()): Promise<void> {
  await db.pulseSurvey.updateMany({ where: { status: 'SCHEDULED', opensAt: { lte: now }, closesAt: { gt: now } }, data: { status: 'OPEN' } })
  const closing = await db.pulseSurvey.findMany({ where: { status: { not: 'CLOSED' }, closesAt: { lte: now } }, select: { id: true } })
  for (const s of closing) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.pulseSurvey.updateMany({ where: { id: s.id, status: { not: 'CLOSED' } }, data: { status: 'CLOSED' } })
      if (count > 0) await reshuffleParticipation(tx, s.id)
    })
  }
}

export async function reshuffleParticipation(tx: Tx, surveyId: string): Promise<void> {
  const rows = await tx.$queryRaw<Array<{ userId: string }>>`DELETE FROM "SurveyParticipation" WHERE "surveyId" = ${surveyId}::uuid RETURNING "userId"`
  if (rows.length === 0) return
  const ids = rows.map((r) => r.userId)
  await tx.$executeRaw`INSERT INTO "SurveyParticipation" ("surveyId", "userId") SELECT ${surveyId}::uuid, u FROM unnest(${ids}::uuid[]) AS u ORDER BY random()`
}

type CohortRef = { id: string; stage: StageName }

/** Current cohort memberships: by person and by team (the most recent active one wins). */
async function cohortMaps(tx: Tx | typeof db, where: Prisma.CohortMembershipWhereInput = {}) {
  const now = new Date()
  const rows = await tx.cohortMembership.findMany({
    where: { ...where, cohort: { active: true }, joinedOn: { lte: now }, OR: [{ leftOn: null }, { leftOn: { gt: now } }] },
    select: { userId: true, teamId: true, joinedOn: true, cohort: { select: { id: true, stage: true } } },
    orderBy: { joinedOn: 'asc' },
  })
  const byUser = new Map<string, CohortRef>()
  const byTeam = new Map<string, CohortRef>()
  for (const r of rows) {
    if (r.userId) byUser.set(r.userId, r.cohort)
    if (r.teamId) byTeam.set(r.teamId, r.cohort)
  }
  return { byUser, byTeam }
}

/** The group attributes of one person now (recorded with their answer). */
export async function attributesOf(tx: Tx | typeof db, user: { id: string; teamId: string | null }): Promise<GroupAttributes> {
  const { byUser, byTeam } = await cohortMaps(tx, { OR: [{ userId: user.id }, ...(user.teamId ? [{ teamId: user.teamId }] : [])] })
  return groupAttributes({ teamId: user.teamId, personalCohort: byUser.get(user.id) ?? null, teamCohort: user.teamId ? (byTeam.get(user.teamId) ?? null) : null })
}

/** Group attributes of every active person (for audience sizes and response rates; never per person outward). */
export async function attributesOfEveryone(): Promise<GroupAttributes[]> {
  const [users, maps] = await Promise.all([db.user.findMany({ where: { active: true }, select: { id: true, teamId: true } }), cohortMaps(db)])
  return users.map((u) => groupAttributes({ teamId: u.teamId, personalCohort: maps.byUser.get(u.id) ?? null, teamCohort: u.teamId ? (maps.byTeam.get(u.teamId) ?? null) : null }))
}
