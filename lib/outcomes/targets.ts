import 'server-only'
import { db } from '@/lib/db'
import { parseInput } from '@/lib/action-result'
import { recordAudit } from '@/lib/audit'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { ConflictError } from '@/lib/errors'
import { METRIC_INFO, OUTCOME_METRICS, type OutcomeMetric } from '@/lib/outcomes/metrics'
import { assessTarget } from '@/lib/outcomes/rules'
import { setTargetSchema } from '@/lib/outcomes/schemas'

// Improvement targets per outcome metric. One per metric, edited by leaders with optimistic
// locking; a target above 30 % is kept but flagged unsafe with the reason, wherever it is shown.

export interface TargetView {
  metric: OutcomeMetric
  label: string
  /** Percent (25 = 25 % better than the baseline); null: no target set. */
  percent: number | null
  note: string | null
  version: number
  unsafe: boolean
  warning: string | null
  updatedAt: string | null
}

function toView(metric: OutcomeMetric, row: { improvement: unknown; note: string | null; version: number; updatedAt: Date } | undefined): TargetView {
  const fraction = row ? Number(row.improvement) : null
  const assessed = fraction === null ? { unsafe: false, message: null } : assessTarget(fraction)
  return {
    metric,
    label: METRIC_INFO[metric].label,
    percent: fraction === null ? null : Math.round(fraction * 10_000) / 100,
    note: row?.note ?? null,
    version: row?.version ?? 0,
    unsafe: assessed.unsafe,
    warning: assessed.message,
    updatedAt: row ? row.updatedAt.toISOString() : null,
  }
}

/** outcomes.view. Every metric with its target (or none). */
export async function listTargets(user: SessionUser): Promise<TargetView[]> {
  assertCan(user, 'outcomes.view')
  const rows = await db.outcomeTarget.findMany({ select: { metric: true, improvement: true, note: true, version: true, updatedAt: true } })
  const byMetric = new Map(rows.map((r) => [r.metric, r]))
  return OUTCOME_METRICS.map((m) => toView(m, byMetric.get(m)))
}

/**
 * outcomes.targets. Sets a metric's target; `version` is the one the leader saw (0: none yet).
 * ValidationError for bad input, ConflictError when someone else saved in between. Audited.
 */
export async function setTarget(user: SessionUser, input: unknown): Promise<TargetView> {
  assertCan(user, 'outcomes.targets')
  const data = parseInput(setTargetSchema, input)
  const improvement = Math.round(data.percent * 100) / 10_000
  return db.$transaction(async (tx) => {
    const existing = await tx.outcomeTarget.findUnique({ where: { metric: data.metric } })
    let saved
    if (!existing) {
      if (data.version !== 0) throw new ConflictError('This target was removed or changed since you opened it. Reload to see the current one.')
      // A concurrent first save hits the unique metric: report it as the conflict it is.
      saved = await tx.outcomeTarget.create({ data: { metric: data.metric, improvement, note: data.note ?? null, updatedById: user.id, version: 1 } })
        .catch((err: { code?: string }) => {
          if (err?.code === 'P2002') throw new ConflictError()
          throw err
        })
    } else {
      const { count } = await tx.outcomeTarget.updateMany({
        where: { metric: data.metric, version: data.version },
        data: { improvement, note: data.note ?? null, updatedById: user.id, version: { increment: 1 } },
      })
      if (count === 0) throw new ConflictError('Someone else changed this target since you opened it. Reload to see their version; your input is kept below.')
      saved = (await tx.outcomeTarget.findUnique({ where: { metric: data.metric } }))!
    }
    const view = toView(data.metric, saved)
    await recordAudit({ id: user.id, email: user.email }, {
      action: 'outcome.target.set',
      entityType: 'OutcomeTarget',
      entityId: saved.id,
      summary: {
        metric: data.metric,
        before: existing ? Number(existing.improvement) : null,
        after: improvement,
        unsafe: view.unsafe,
      },
    }, tx)
    return view
  })
}
