import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { MIN_RESPONDENTS, suppressNested } from '@/lib/outcomes/rules'

/** Groups smaller than this are not shown, so no percentage points at a person (the survey threshold). */
export const MIN_GROUP_SIZE = MIN_RESPONDENTS

export interface GroupCompletion {
  group: string
  members: number
  /** null: not shown (see `withheld`). */
  percent: number | null
  /**
   * Why the percentage is not shown: `small`, fewer than MIN_GROUP_SIZE members; `differencing`, it
   * would let a smaller group be worked out by subtracting it from, or it from, another figure (a
   * pilot cohort of one visible team and two people of another, say).
   */
  withheld: 'small' | 'differencing' | null
}

/** Every team's and active cohort's members and completions for one stage's path, and which figures are withheld. */
export interface CompletionFigures {
  /** Modules on the path (published, not retired). */
  total: number
  /** By `team:<id>` or `cohort:<id>`: the group's name, its active members (ids, never returned outward) and their completions. */
  groups: Map<string, { kind: 'team' | 'cohort'; group: string; leaves: string[]; done: number }>
  /** Keys whose figure would reveal a group under MIN_GROUP_SIZE by subtraction. */
  hidden: Set<string>
}

/**
 * No permission check: for getCompletionRates and the rollout gates (lib/rollout/queries/gates.ts),
 * which show the same figures and so must withhold the same ones.
 */
export async function completionFigures(stage: 'EXPERTS' | 'PILOT' | 'BROAD'): Promise<CompletionFigures> {
  // One row per group and member with the member's completed count: read here to work out which
  // figures are safe to show, never returned.
  const rows = await db.$queryRaw<Array<{ kind: 'team' | 'cohort'; id: string; grp: string; userId: string; done: number; total: number }>>(Prisma.sql`
    WITH path AS (
      SELECT i."moduleId" FROM "LearningPathItem" i JOIN "LearningPath" p ON p.id = i."pathId"
      JOIN "TrainingModule" m ON m.id = i."moduleId"
      WHERE p.stage = ${stage}::"Stage" AND m."latestVersion" > 0 AND m."retiredAt" IS NULL
    ),
    people AS (
      SELECT 'team' AS kind, t.id, t.name AS grp, u.id AS "userId" FROM "User" u JOIN "Team" t ON t.id = u."teamId" WHERE u.active
      UNION
      SELECT 'cohort', c.id, c.name, u.id FROM "Cohort" c JOIN "CohortMembership" cm ON cm."cohortId" = c.id AND cm."leftOn" IS NULL
      JOIN "User" u ON u.active AND (u.id = cm."userId" OR u."teamId" = cm."teamId") WHERE c.active
    )
    SELECT pe.kind, pe.id::text AS id, pe.grp, pe."userId"::text AS "userId",
           (SELECT count(*) FROM path)::int AS total,
           count(lc."moduleId")::int AS done
    FROM people pe
    LEFT JOIN "LearningCompletion" lc ON lc."userId" = pe."userId" AND lc."moduleId" IN (SELECT "moduleId" FROM path)
    GROUP BY pe.kind, pe.id, pe.grp, pe."userId"`)
  const total = rows[0]?.total ?? 0
  const groups = new Map<string, { kind: 'team' | 'cohort'; group: string; leaves: string[]; done: number }>()
  for (const r of rows) {
    const key = `${r.kind}:${r.id}`
    const g = groups.get(key) ?? { kind: r.kind, group: r.grp, leaves: [], done: 0 }
    g.leaves.push(r.userId)
    g.done += r.done
    groups.set(key, g)
  }
  const everyone = new Map(rows.map((r) => [r.userId, 1]))
  const hidden = suppressNested([...groups].map(([key, g]) => ({ key, leaves: g.leaves })), everyone)
  return { total, groups, hidden }
}

/**
 * outcomes.view (leaders, admins). Learning-path completion per team and per cohort: the share
 * of the stage path's modules completed by the group's members. Never per person: groups under
 * MIN_GROUP_SIZE are withheld, and so is any figure that would reveal such a group by difference
 * (lib/outcomes/rules.ts suppressNested, the rule survey results follow).
 */
export async function getCompletionRates(user: SessionUser, stage: 'EXPERTS' | 'PILOT' | 'BROAD') {
  assertCan(user, 'outcomes.view')
  const { total, groups, hidden } = await completionFigures(stage)
  const view = (kind: 'team' | 'cohort'): GroupCompletion[] =>
    [...groups]
      .filter(([, g]) => g.kind === kind)
      .map(([key, g]) => {
        const members = g.leaves.length
        const withheld: GroupCompletion['withheld'] = members < MIN_GROUP_SIZE ? 'small' : hidden.has(key) ? 'differencing' : null
        return { group: g.group, members, percent: withheld || total === 0 ? null : Math.round((1000 * g.done) / (members * total)) / 10, withheld }
      })
      .sort((a, b) => a.group.localeCompare(b.group, 'en'))
  return { stage, pathModules: total, teams: view('team'), cohorts: view('cohort') }
}
