import type { Metadata } from 'next'
import { requirePageUser } from '@/lib/auth/guard'
import { can } from '@/lib/auth/permissions'
import { isExpertOrLeader } from '@/lib/rollout/access'
import { getPlan, listFindingOwners, listFindings } from '@/lib/rollout/queries'
import { closePhaseAction, createFindingAction } from '@/lib/rollout/actions'
import { inputSmClasses, selectSmClasses, textareaClasses } from '@/components/training/form-controls'
import { ActionForm } from '@/components/rollout/action-form'
import { Card, RolloutHeader } from '@/components/rollout/header'
import { FindingList, OwnerSelect } from '@/components/rollout/finding-list'
import { openEditorSchema, readListQuery } from '@/lib/paging'
import { PHASE_STATUS_LABELS } from '@/components/rollout/badges'

export const metadata: Metadata = { title: 'Findings' }
export const dynamic = 'force-dynamic'

export default async function FindingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser('rollout.view', '/rollout/findings')
  const { query } = readListQuery(openEditorSchema, await searchParams)
  const plan = await getPlan(user)
  const findings = await listFindings(user)
  const writer = await isExpertOrLeader(user)
  const leader = can(user, 'rollout.plan')
  const phases = plan?.phases ?? []
  const owners = writer ? await listFindingOwners(user) : []

  return (
    <div className="space-y-6">
      <RolloutHeader user={user} current="/rollout/findings" title="Findings" description="Gaps found at each stage — in the process, the training, the tools or the code base — and the training updated because of them. A phase cannot close while a high-severity finding is open." />
      {writer && phases.length ? (
        <Card title="Record a finding" id="new">
          <ActionForm action={createFindingAction} submitLabel="Record finding" label="Record a finding" fieldLabels={{ title: 'Title', body: 'What was seen', severity: 'Severity', moduleSlugs: 'Training modules', phaseId: 'Phase' }}>
            <div className="grid gap-2 sm:grid-cols-2">
              <label className="text-sm text-fg">Phase<select name="phaseId" className={`${selectSmClasses} mt-1`}>{phases.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}</select></label>
              <label className="text-sm text-fg">Severity<select name="severity" className={`${selectSmClasses} mt-1`} defaultValue="MEDIUM"><option value="LOW">Low</option><option value="MEDIUM">Medium</option><option value="HIGH">High</option><option value="CRITICAL">Critical</option></select></label>
            </div>
            <label className="block text-sm text-fg">Title<input name="title" required maxLength={200} className={`${inputSmClasses} mt-1`} /></label>
            <label className="block text-sm text-fg">What was seen<textarea name="body" rows={3} required maxLength={10000} className={`${textareaClasses} mt-1`} /></label>
            <OwnerSelect owners={owners} me={user.id} />
            <label className="block text-sm text-fg">Training modules updated because of it (addresses, comma-separated; optional)<input name="moduleSlugs" className={`${inputSmClasses} mt-1`} /></label>
          </ActionForm>
        </Card>
      ) : null}
      {phases.map((p) => {
        const mine = findings.filter((f) => f.phaseId === p.id)
        return (
          <Card key={p.id} title={`${p.name} (${mine.length})`} id={`phase-${p.id}`} actions={<span className="text-xs text-fg-muted">{PHASE_STATUS_LABELS[p.status]}</span>}>
            {leader && p.status !== 'COMPLETED' ? (
              <ActionForm action={closePhaseAction} submitLabel="Close this phase" variant="secondary" label={`Close ${p.name}`} className="mb-3">
                <input type="hidden" name="phaseId" value={p.id} /><input type="hidden" name="version" value={p.version} />
              </ActionForm>
            ) : null}
            <FindingList findings={mine} editable={writer} owners={owners} editing={query.edit} basePath="/rollout/findings" />
          </Card>
        )
      })}
    </div>
  )
}
