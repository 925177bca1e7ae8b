import type { Metadata } from 'next'
import { requirePageUser } from '@/lib/auth/guard'
import { recordChangeAction } from '@/lib/models/actions'
import { listModels } from '@/lib/models/queries'
import { STAGE_LABELS, STAGES } from '@/lib/models/schemas'
import { PageHeader } from '@/components/ui/page-header'
import { Button } from '@/components/ui/button'
import { ActionNotice, input, label } from '@/components/models/notice'

export const metadata: Metadata = { title: 'Record a model change' }

export default async function NewChangePage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const user = await requirePageUser('models.manage', '/models/changes/new')
  const sp = await searchParams
  const models = (await listModels(user)).filter((m) => m.status !== 'RETIRED')
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title="Record a model change" description="Every change of model version is a breaking change: whatever was validated on the old snapshot is re-validated." />
      <ActionNotice notice={sp.notice} error={sp.error} />
      <form action={recordChangeAction} className="space-y-4">
        <div>
          <label htmlFor="fromModelId" className={label}>From (model in use)</label>
          <select id="fromModelId" name="fromModelId" required className={input}>
            {models.map((m) => <option key={m.id} value={m.id}>{m.label} — {m.snapshot}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="toModelId" className={label}>To (new model)</label>
          <select id="toModelId" name="toModelId" required className={input}>
            {models.map((m) => <option key={m.id} value={m.id}>{m.label} — {m.snapshot}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="plannedOn" className={label}>Planned date</label>
          <input id="plannedOn" name="plannedOn" type="date" required className={input} />
        </div>
        <fieldset>
          <legend className={label}>Scope (rolls out in this order)</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {STAGES.map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm text-fg">
                <input type="checkbox" name="scope" value={s} defaultChecked={s !== 'BROAD'} /> {STAGE_LABELS[s]}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor="reason" className={label}>Reason</label>
          <textarea id="reason" name="reason" required minLength={10} rows={4} className={input} />
        </div>
        <div>
          <label htmlFor="dueInDays" className={label}>Re-validation due after (days)</label>
          <input id="dueInDays" name="dueInDays" type="number" min={1} max={180} defaultValue={14} className={input} />
        </div>
        <Button type="submit">Record change</Button>
      </form>
    </div>
  )
}
