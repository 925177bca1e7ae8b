import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { listCohorts } from '@/lib/rollout/queries'
import { EmptyState } from '@/components/ui/empty-state'
import { Card, RolloutHeader } from '@/components/rollout/header'
import { StageBadge } from '@/components/rollout/badges'
import { Badge } from '@/components/training/badges'

export const metadata: Metadata = { title: 'Cohorts and gates' }
export const dynamic = 'force-dynamic'

export default async function CohortsPage() {
  const user = await requirePageUser('rollout.view', '/rollout/cohorts')
  const cohorts = await listCohorts(user)
  return (
    <div className="space-y-6">
      <RolloutHeader user={user} current="/rollout/cohorts" title="Cohorts and gates" description="A team or person is in one active stage at a time. Each cohort’s gate decides when it moves on." />
      {cohorts.length === 0 ? <EmptyState title="No cohorts yet"><p>Create a pilot cohort from a suggested group under Teams and pilots.</p></EmptyState> : (
        <div className="grid gap-4 md:grid-cols-2">
          {cohorts.map((c) => (
            <Card key={c.id} title={c.name} id={`c-${c.id}`} actions={<span className="flex gap-1"><StageBadge stage={c.stage} />{c.active ? null : <Badge>Ended {c.endedOn}</Badge>}</span>}>
              <p className="text-sm text-fg-muted">{c.phaseName ?? 'No phase'} · since {c.startedOn ?? '—'}</p>
              {c.teams.length ? <p className="mt-2 text-sm text-fg">Teams: {c.teams.map((t) => t.name).join(', ')}</p> : null}
              {c.people.length ? <p className="mt-2 text-sm text-fg">People: {c.people.map((t) => t.name).join(', ')}</p> : null}
              {!c.teams.length && !c.people.length ? <p className="mt-2 text-sm text-fg-muted">No current members.</p> : null}
              {c.controlTeams.length ? <p className="mt-2 text-sm text-fg-muted">Control teams: {c.controlTeams.map((t) => t.name).join(', ')}</p> : null}
              {c.active && c.phaseId ? <p className="mt-3 text-sm"><Link href={`/rollout/cohorts/${c.id}`} className="font-medium text-accent-text underline">Gate of {c.name}</Link></p> : null}
            </Card>
          ))}
        </div>
      )}
    </div>
  )
}
