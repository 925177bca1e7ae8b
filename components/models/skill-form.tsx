'use client'

import { useActionState } from 'react'
import { saveSkillAction } from '@/lib/models/actions'
import { SKILL_KIND_LABELS, SKILL_KINDS } from '@/lib/models/schemas'
import { Button } from '@/components/ui/button'
import { input, label } from '@/components/models/notice'

export interface SkillFormValues { slug?: string; version?: number; title: string; kind: string; purpose: string; body: string; tags: string[]; ownerId?: string }

const FIELD_LABELS: Record<string, string> = { title: 'Title', kind: 'Kind', purpose: 'Purpose', body: 'Text', tags: 'Tags', ownerId: 'Owner', version: 'Version' }

/** Register or edit a skill / prompt / agent instructions. Edits carry the lock version (409 on a stale one). */
export function SkillForm({ initial, owners }: { initial?: SkillFormValues; owners?: Array<{ id: string; name: string }> }) {
  const [state, action, pending] = useActionState(saveSkillAction, null)
  const failed = state && !state.ok ? state : null
  const v = (k: keyof SkillFormValues, fallback: string) => failed?.values?.[k] ?? fallback
  const err = (k: string) => failed?.fieldErrors?.[k]?.join(' ')
  const editing = Boolean(initial?.slug)
  const idp = editing ? 'edit' : 'new'
  return (
    <form action={action} className="space-y-4" aria-label={editing ? 'Edit skill' : 'Register a skill'}>
      {failed ? (
        <div role="alert" className="rounded-lg border border-danger-line bg-danger-soft px-3 py-2 text-sm text-danger">
          <p>{failed.message}{failed.code === 'CONFLICT' ? ' Your text is still in the form: reload the page in another tab to see theirs, then save again here with the new version.' : ''}</p>
          {failed.fieldErrors ? <ul className="mt-1 list-disc pl-5">{Object.entries(failed.fieldErrors).map(([k, m]) => <li key={k}>{FIELD_LABELS[k] ?? k}: {m.join(' ')}</li>)}</ul> : null}
        </div>
      ) : null}
      {editing ? (
        <>
          <input type="hidden" name="slug" value={initial!.slug} />
          <input type="hidden" name="version" value={initial!.version} />
        </>
      ) : null}
      <div>
        <label htmlFor={`${idp}-title`} className={label}>Title</label>
        <input id={`${idp}-title`} name="title" required minLength={3} maxLength={160} defaultValue={v('title', initial?.title ?? '')} aria-invalid={err('title') ? true : undefined} className={input} />
      </div>
      {!editing ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor={`${idp}-kind`} className={label}>Kind</label>
            <select id={`${idp}-kind`} name="kind" defaultValue={v('kind', initial?.kind ?? 'SKILL')} className={input}>
              {SKILL_KINDS.map((k) => <option key={k} value={k}>{SKILL_KIND_LABELS[k]}</option>)}
            </select>
          </div>
          {owners?.length ? (
            <div>
              <label htmlFor={`${idp}-owner`} className={label}>Owner</label>
              <select id={`${idp}-owner`} name="ownerId" defaultValue={v('ownerId', initial?.ownerId ?? '')} className={input}>
                <option value="">Me</option>
                {owners.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            </div>
          ) : null}
        </div>
      ) : null}
      <div>
        <label htmlFor={`${idp}-purpose`} className={label}>Purpose</label>
        <textarea id={`${idp}-purpose`} name="purpose" required minLength={10} maxLength={2000} rows={2} defaultValue={v('purpose', initial?.purpose ?? '')} aria-invalid={err('purpose') ? true : undefined} className={input} />
      </div>
      <div>
        <label htmlFor={`${idp}-body`} className={label}>Text</label>
        <p id={`${idp}-body-hint`} className="text-xs text-fg-muted">{editing ? 'Changing the text starts a new revision: earlier validations stay as history and the new text needs its own.' : 'The skill, prompt or agent instructions exactly as people use them.'}</p>
        <textarea id={`${idp}-body`} name="body" required rows={10} aria-describedby={`${idp}-body-hint`} defaultValue={v('body', initial?.body ?? '')} className={`${input} font-mono`} />
      </div>
      <div>
        <label htmlFor={`${idp}-tags`} className={label}>Tags</label>
        <p id={`${idp}-tags-hint`} className="text-xs text-fg-muted">Comma separated, e.g. review, testing</p>
        <input id={`${idp}-tags`} name="tags" aria-describedby={`${idp}-tags-hint`} defaultValue={v('tags', (initial?.tags ?? []).join(', '))} className={input} />
      </div>
      <Button type="submit" disabled={pending}>{pending ? 'Saving…' : editing ? 'Save skill' : 'Register skill'}</Button>
    </form>
  )
}
