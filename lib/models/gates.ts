import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { incidentGate, revalidationGate, type GateState, type IncidentWindow, type StageKey } from '@/lib/models/rules'

// The stage gates of a model change, read from the re-validation tasks, the learning paths and the
// outcome rollups (OutcomeTeamMonth, kept by lib/outcomes' triggers).

type Tx = Prisma.TransactionClient
export interface Gate { key: 'revalidation' | 'incidents'; label: string; state: GateState; detail: string }

export const BEFORE_MONTHS = 6

function monthStart(d: Date) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1))
}
function addMonths(d: Date, n: number) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1))
}

/** High-severity incidents of the switched cohorts' teams, in full months before and after the first switch. */
export async function incidentWindows(tx: Tx, changeId: string, now = new Date()): Promise<{ before: IncidentWindow; after: IncidentWindow; switchedOn: Date } | null> {
  const switches = await tx.modelChangeSwitch.findMany({ where: { changeId, revertedAt: null }, select: { cohortId: true, switchedAt: true } })
  if (switches.length === 0) return null
  const switchedOn = switches.reduce((a, s) => (s.switchedAt < a ? s.switchedAt : a), switches[0].switchedAt)
  const teams = await tx.$queryRaw<Array<{ id: string; size: number }>>`
    SELECT DISTINCT t.id::text AS id, t.size FROM "CohortMembership" cm JOIN "Team" t ON t.id = cm."teamId"
    WHERE cm."cohortId" = ANY(${switches.map((s) => s.cohortId)}::uuid[]) AND cm."leftOn" IS NULL`
  const switchMonth = monthStart(switchedOn)
  const beforeFrom = addMonths(switchMonth, -BEFORE_MONTHS)
  const afterFrom = addMonths(switchMonth, 1)
  const afterTo = monthStart(now) // exclusive: the running month is not complete
  const afterMonths = Math.max(0, (afterTo.getUTCFullYear() - afterFrom.getUTCFullYear()) * 12 + afterTo.getUTCMonth() - afterFrom.getUTCMonth())
  const size = teams.reduce((a, t) => a + t.size, 0)
  const ids = teams.map((t) => t.id)
  const sum = async (from: Date, to: Date) => {
    if (ids.length === 0 || to <= from) return 0
    const r = await tx.$queryRaw<Array<{ n: number }>>`
      SELECT COALESCE(SUM("incidentsSev1" + "incidentsSev2"), 0)::int AS n FROM "OutcomeTeamMonth"
      WHERE "teamId" = ANY(${ids}::uuid[]) AND month >= ${from}::date AND month < ${to}::date`
    return r[0]?.n ?? 0
  }
  return {
    switchedOn,
    before: { highSeverity: await sum(beforeFrom, switchMonth), developerMonths: size * BEFORE_MONTHS, months: BEFORE_MONTHS },
    after: { highSeverity: await sum(afterFrom, afterTo), developerMonths: size * afterMonths, months: afterMonths },
  }
}

/** The gates for moving to `target` (null: completing after the last stage). */
export async function evaluateGates(tx: Tx, changeId: string, target: StageKey | null): Promise<Gate[]> {
  const gates: Gate[] = []
  if (target) {
    const rows = await tx.$queryRaw<Array<{ modules: number; open: number }>>`
      SELECT count(DISTINCT i."moduleId")::int AS modules,
             count(DISTINCT t."moduleId") FILTER (WHERE t.status IN ('OPEN', 'UPDATING'))::int AS open
      FROM "LearningPath" p JOIN "LearningPathItem" i ON i."pathId" = p.id
      LEFT JOIN "RevalidationTask" t ON t."moduleId" = i."moduleId" AND t."changeId" = ${changeId}::uuid
      WHERE p.stage::text = ${target}`
    const g = revalidationGate(rows[0]?.open ?? 0, rows[0]?.modules ?? 0)
    gates.push({ key: 'revalidation', label: "Stage's learning path re-validated", ...g })
  }
  const w = await incidentWindows(tx, changeId)
  const g = incidentGate(w?.before ?? null, w?.after ?? null)
  gates.push({ key: 'incidents', label: 'No rise in high-severity incidents (switched cohorts)', ...g })
  return gates
}
