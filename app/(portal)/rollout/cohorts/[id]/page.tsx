import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { z } from 'zod'
import { requirePageUser } from '@/lib/auth/guard'
import { can } from '@/lib/auth/permissions'
import { isExpertOrLeader } from '@/lib/rollout/access'
import { evaluateGate, listCohorts, listFindingOwners, listFindings, listTeams } from '@/lib/rollout/queries'
import { addCohortMembersAction, addCriterionAction, advanceAction, createFindingAction, removeCriterionAction } from '@/lib/rollout/actions'
import { BASELINE_MONTHS, COMPARATOR_LABELS, GATE_COMPARATORS, GATE_METRICS, METRIC_LABELS } from '@/lib/rollout/gate-rules'
import { STAGE_LABELS, nextStage } from '@/lib/rollout/rules'
import { inputSmClasses, selectSmClasses, textareaClasses } from '@/components/training/form-controls'
import { ActionForm } from '@/components/rollout/action-form'
import { Card, RolloutHeader, td, th } from '@/components/rollout/header'
import { FindingList, OwnerSelect } from '@/components/rollout/finding-list'
import { openEditorSchema, readListQuery } from '@/lib/paging'
import { GateBadge } from '@/components/rollout/badges'

export const metadata: Metadata = { title: 'Gate' }
export const dynamic = 'force-dynamic'

const num = (x: number | null) => (x === null ? '—' : String(Math.round(x * 100) / 100))

export default async function CohortGatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params
  const search = await searchParams
  const created = search.created === '1'
  const { query } = readListQuery(openEditorSchema, search)
  const user = await requirePageUser('rollout.view', `/rollout/cohorts/${id}`)
  if (!z.uuid().safeParse(id).success) notFound()
  const cohort = (await listCohorts(user)).find((c) => c.id === id)
  if (!cohort || !cohort.phaseId) notFound()
  const gate = await evaluateGate(user, { cohortId: id })
  const leader = can(user, 'rollout.plan')
  const writer = await isExpertOrLeader(user)
  const findings = await listFindings(user, { phaseId: gate.phaseId })
  const to = nextStage(gate.stage)
  const owners = writer ? await listFindingOwners(user) : []
  const free = leader && cohort.active ? (await listTeams(user)).teams.filter((t) => !t.stage && !t.isControl) : []

  return (
    <div className="space-y-6">
      <RolloutHeader user={user} current="/rollout/cohorts" title={`Gate: ${cohort.name}`} description={`${gate.phaseName} · since ${gate.startedOn}. Outcomes decide, never usage: a criterion without enough data is inconclusive, and a person decides with a written reason.`} />

      {created ? <p role="status" className="rounded-lg border border-line bg-surface p-3 text-sm text-fg">Cohort created. Its gate is below.</p> : null}
      <Card title="Gate criteria" id="gate" actions={<span className="text-sm">Gate: <GateBadge status={gate.outcome} /></span>}>
        <p className="mb-3 text-sm text-fg-muted">{gate.reason} Figures as of {gate.asOf}; baseline = the {BASELINE_MONTHS} months before the start{cohort.controlTeams.length ? `; control teams: ${cohort.controlTeams.map((t) => t.name).join(', ')}` : ''}.</p>
        <div className="overflow-x-auto">
          <table className="w-full min-w-[46rem] border-collapse">
            <caption className="sr-only">Gate criteria with status and live figures</caption>
            <thead className="border-b border-line"><tr><th scope="col" className={th}>Criterion</th><th scope="col" className={th}>Status</th><th scope="col" className={th}>Live figure</th><th scope="col" className={th}>Baseline</th><th scope="col" className={th}>Limit</th><th scope="col" className={th}>Why</th></tr></thead>
            <tbody className="divide-y divide-line">
              {gate.criteria.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className={`${td} max-w-xs font-normal`}>
                    <span className="font-medium">{METRIC_LABELS[c.metric].label}</span>
                    <span className="block text-xs text-fg-muted">{c.description}</span>
                    {leader ? (
                      <ActionForm action={removeCriterionAction} submitLabel="Remove" variant="secondary" label={`Remove criterion ${c.description}`} className="mt-1">
                        <input type="hidden" name="criterionId" value={c.id} />
                      </ActionForm>
                    ) : null}
                  </th>
                  <td className={td}><GateBadge status={c.status} /></td>
                  <td className={td}>{num(c.value)}{c.value !== null ? METRIC_LABELS[c.metric].unit : ''}</td>
                  <td className={td}>{num(c.baseline)}</td>
                  <td className={td}>{c.limit === null ? '—' : `${COMPARATOR_LABELS[c.comparator].startsWith('not') ? '' : COMPARATOR_LABELS[c.comparator] + ' '}${num(c.limit)}`}</td>
                  <td className={`${td} max-w-sm text-xs`}>{c.explanation}{c.detail ? <span className="block text-fg-muted">{c.detail}</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {gate.criteria.length === 0 ? <p className="mt-2 text-sm text-fg-muted">This phase has no gate criteria yet: the gate cannot pass until it has outcome criteria.</p> : null}
        {leader ? (
          <details className="mt-4">
            <summary className="cursor-pointer text-sm font-medium text-accent-text">Add a criterion</summary>
            <ActionForm action={addCriterionAction} submitLabel="Add criterion" label="Add a gate criterion" className="mt-2" fieldLabels={{ metric: 'Metric', comparator: 'Comparison', threshold: 'Threshold', description: 'Description' }}>
              <input type="hidden" name="phaseId" value={gate.phaseId} />
              <div className="grid gap-2 sm:grid-cols-3">
                <label className="text-sm text-fg">Metric<select name="metric" className={`${selectSmClasses} mt-1`}>{GATE_METRICS.map((m) => <option key={m} value={m}>{METRIC_LABELS[m].label}</option>)}</select></label>
                <label className="text-sm text-fg">Comparison<select name="comparator" className={`${selectSmClasses} mt-1`}>{GATE_COMPARATORS.map((m) => <option key={m} value={m}>{COMPARATOR_LABELS[m]}</option>)}</select></label>
                <label className="text-sm text-fg">Threshold or margin<input name="threshold" inputMode="decimal" className={`${inputSmClasses} mt-1`} /></label>
              </div>
              <label className="block text-sm text-fg">Description<input name="description" required maxLength={1000} className={`${inputSmClasses} mt-1`} /></label>
            </ActionForm>
          </details>
        ) : null}
      </Card>

      {leader && to ? (
        <Card title={`Advance to ${STAGE_LABELS[to].toLowerCase()}`} id="advance">
          <p className="mb-3 text-sm text-fg-muted">{gate.outcome === 'PASS' ? 'The gate has passed: the cohort or a team can move on.' : 'The gate has not passed. Advancing anyway is an override: write why. It is recorded in the audit log with your name and the time.'}</p>
          <ActionForm action={advanceAction} submitLabel={gate.outcome === 'PASS' ? 'Advance' : 'Advance with override'} label="Advance to the next stage" fieldLabels={{ reason: 'Reason' }}>
            <input type="hidden" name="cohortId" value={cohort.id} />
            {cohort.teams.length ? (
              <label className="block text-sm text-fg">What moves
                <select name="teamId" className={`${selectSmClasses} mt-1`} defaultValue="">
                  <option value="">The whole cohort</option>
                  {cohort.teams.map((t) => <option key={t.id} value={t.id}>Only {t.name}</option>)}
                </select>
              </label>
            ) : null}
            {gate.outcome !== 'PASS' ? <label className="block text-sm text-fg">Override reason<textarea name="reason" rows={3} minLength={10} maxLength={4000} className={`${textareaClasses} mt-1`} /></label> : null}
          </ActionForm>
        </Card>
      ) : null}

      {free.length ? (
        <Card title="Add a team later (staggered start)" id="add">
          <ActionForm action={addCohortMembersAction} submitLabel="Add to cohort" label="Add a team to this cohort" fieldLabels={{ teamIds: 'Team', joinedOn: 'Start' }}>
            <input type="hidden" name="cohortId" value={cohort.id} />
            <div className="grid gap-2 sm:grid-cols-2">
              <label className="text-sm text-fg">Team<select name="teamIds" className={`${selectSmClasses} mt-1`}>{free.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}</select></label>
              <label className="text-sm text-fg">Start<input type="date" name="joinedOn" required defaultValue={new Date().toISOString().slice(0, 10)} className={`${inputSmClasses} mt-1`} /></label>
            </div>
          </ActionForm>
        </Card>
      ) : null}

      <Card title={`Findings of this phase (${findings.length})`} id="findings">
        {writer ? (
          <details className="mb-4">
            <summary className="cursor-pointer text-sm font-medium text-accent-text">Record a finding</summary>
            <ActionForm action={createFindingAction} submitLabel="Record finding" label="Record a finding" className="mt-2" fieldLabels={{ title: 'Title', body: 'What was seen', severity: 'Severity', moduleSlugs: 'Training modules' }}>
              <input type="hidden" name="phaseId" value={gate.phaseId} />
              <input type="hidden" name="cohortId" value={cohort.id} />
              <label className="block text-sm text-fg">Title<input name="title" required maxLength={200} className={`${inputSmClasses} mt-1`} /></label>
              <label className="block text-sm text-fg">What was seen<textarea name="body" rows={3} required maxLength={10000} className={`${textareaClasses} mt-1`} /></label>
              <label className="block text-sm text-fg">Severity<select name="severity" className={`${selectSmClasses} mt-1 w-40`} defaultValue="MEDIUM"><option value="LOW">Low</option><option value="MEDIUM">Medium</option><option value="HIGH">High</option><option value="CRITICAL">Critical</option></select></label>
              <OwnerSelect owners={owners} me={user.id} />
            <label className="block text-sm text-fg">Training modules updated because of it (addresses, comma-separated; optional)<input name="moduleSlugs" className={`${inputSmClasses} mt-1`} /></label>
            </ActionForm>
          </details>
        ) : null}
        <FindingList findings={findings} editable={writer} owners={owners} editing={query.edit} basePath={`/rollout/cohorts/${id}`} />
      </Card>
    </div>
  )
}
