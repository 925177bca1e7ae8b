import type { Metadata } from 'next'
import { requirePageUser } from '@/lib/auth/guard'
import { can } from '@/lib/auth/permissions'
import { getPlan } from '@/lib/rollout/queries'
import { EmptyState } from '@/components/ui/empty-state'
import { RolloutHeader } from '@/components/rollout/header'
import { Timeline } from '@/components/rollout/timeline'

export const metadata: Metadata = { title: 'Rollout plan' }
export const dynamic = 'force-dynamic'

export default async function PlanPage() {
  const user = await requirePageUser('home.view', '/rollout/plan')
  const plan = await getPlan(user)
  return (
    <div className="space-y-6">
      <RolloutHeader user={user} current="/rollout/plan" title="Rollout plan" description="Phases on a timeline. A skills change takes 9–18 months; pilots run at least 8 weeks before the broad rollout." />
      {!plan ? (
        <EmptyState title="No rollout plan yet" />
      ) : (
        <>
          <p className="text-sm text-fg-muted">{plan.name} · {plan.startsOn} – {plan.endsOn}</p>
          {plan.description ? <p className="max-w-3xl text-sm text-fg">{plan.description}</p> : null}
          <Timeline startsOn={plan.startsOn} endsOn={plan.endsOn} phases={plan.phases} editable={can(user, 'rollout.plan')} today={new Date().toISOString().slice(0, 10)} />
        </>
      )}
    </div>
  )
}
