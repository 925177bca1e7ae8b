import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'

/** Groups smaller than this are not shown, so no percentage points at a person. */
export const MIN_GROUP_SIZE = 5

export interface GroupCompletion {
  group: string
  members: number
  /** null: fewer than MIN_GROUP_SIZE members. */
  percent: number | null
}

/**
 * outcomes.view (leaders, admins). Learning-path completion per team and per cohort: the share
 * of the stage path's modules completed by the group's members. Never per person.
 */
export async function getCompletionRates(user: SessionUser, stage: 'EXPERTS' | 'PILOT' | 'BROAD') {
  assertCan(user, 'outcomes.view')
  const rows = await db.$queryRaw<Array<{ kind: string; grp: string; members: number; done: number; total: number }>>(Prisma.sql`
    WITH path AS (
      SELECT i."moduleId" FROM "LearningPathItem" i JOIN "LearningPath" p ON p.id = i."pathId"
      JOIN "TrainingModule" m ON m.id = i."moduleId"
      WHERE p.stage = ${stage}::"Stage" AND m."latestVersion" > 0 AND m."retiredAt" IS NULL
    ),
    people AS (
      SELECT 'team' AS kind, t.name AS grp, u.id AS "userId" FROM "User" u JOIN "Team" t ON t.id = u."teamId" WHERE u.active
      UNION ALL
      SELECT 'cohort', c.name, u.id FROM "Cohort" c JOIN "CohortMembership" cm ON cm."cohortId" = c.id AND cm."leftOn" IS NULL
      JOIN "User" u ON u.active AND (u.id = cm."userId" OR u."teamId" = cm."teamId") WHERE c.active
    )
    SELECT pe.kind, pe.grp, count(DISTINCT pe."userId")::int AS members,
           (SELECT count(*) FROM path)::int AS total,
           count(lc."moduleId")::int AS done
    FROM people pe
    LEFT JOIN "LearningCompletion" lc ON lc."userId" = pe."userId" AND lc."moduleId" IN (SELECT "moduleId" FROM path)
    GROUP BY pe.kind, pe.grp
    ORDER BY pe.kind, pe.grp`)
  const toView = (r: (typeof rows)[number]): GroupCompletion => ({
    group: r.grp,
    members: r.members,
    percent: r.members < MIN_GROUP_SIZE || r.total === 0 ? null : Math.round((1000 * r.done) / (r.members * r.total)) / 10,
  })
  return {
    stage,
    pathModules: rows[0]?.total ?? 0,
    teams: rows.filter((r) => r.kind === 'team').map(toView),
    cohorts: rows.filter((r) => r.kind === 'cohort').map(toView),
  }
}
