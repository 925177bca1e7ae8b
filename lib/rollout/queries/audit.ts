import 'server-only'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'

const LABELS: Record<string, string> = {
  'rollout.advance.override': 'Advanced by override',
  'rollout.advance': 'Advanced on a passed gate',
  'rollout.cohort.create': 'Cohort created',
  'rollout.cohort.add': 'Added to a cohort (staggered start)',
  'rollout.phase.dates': 'Phase dates changed',
  'rollout.plan.dates': 'Plan dates changed',
  'rollout.phase.close': 'Phase closed',
  'rollout.gate.criterion.add': 'Gate criterion added',
  'rollout.gate.criterion.remove': 'Gate criterion removed',
  'rollout.poll.open': 'Expert poll opened',
  'rollout.poll.close': 'Expert poll closed',
  'rollout.poll.volunteer': 'Volunteered as expert',
  'rollout.poll.nominate': 'Nominated a colleague',
  'rollout.experts.select': 'Experts selected',
  'rollout.allocation.save': 'Expert allocation saved',
  'rollout.allocation.sign-off': 'Expert allocation signed off',
  'rollout.finding.create': 'Finding recorded',
  'rollout.finding.update': 'Finding updated',
  'rollout.readiness.save': 'Team readiness saved',
  'rollout.feed.post': 'Posted to the experts’ feed',
}

/** audit.view. The rollout planner's audit entries, newest first. */
export async function listRolloutAudit(user: SessionUser, take = 200) {
  assertCan(user, 'audit.view')
  const rows = await db.auditLog.findMany({ where: { action: { startsWith: 'rollout.' } }, orderBy: { at: 'desc' }, take, select: { id: true, at: true, actorLabel: true, actor: { select: { name: true } }, action: true, summary: true } })
  return rows.map((r) => {
    const s = (r.summary ?? {}) as Record<string, unknown>
    const reason = typeof s.reason === 'string' ? s.reason : null
    const details = r.action.startsWith('rollout.advance')
      ? `${String(s.subject ?? '')}: ${String(s.from ?? '')} → ${String(s.to ?? '')}, gate ${String(s.gate ?? '').toLowerCase()}${Array.isArray(s.failing) && s.failing.length ? ` (${s.failing.join(', ')})` : ''}`
      : typeof s.title === 'string' ? s.title : typeof s.name === 'string' ? s.name : null
    return { id: String(r.id), at: r.at.toISOString(), actor: r.actor?.name ? `${r.actor.name} (${r.actorLabel})` : r.actorLabel, action: r.action, label: LABELS[r.action] ?? r.action, reason, details }
  })
}
