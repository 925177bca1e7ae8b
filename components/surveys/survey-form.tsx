'use client'

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from 'react'
import { useRouter } from 'next/navigation'
import { scheduleSurveyAction, updateSurveyAction } from '@/lib/surveys/actions'
import type { ActionResult } from '@/lib/action-result'
import { STAGE_LABELS, STAGES, STANDARD_QUESTIONS, type Audience } from '@/lib/surveys/rules'
import { Button } from '@/components/ui/button'
import { ConflictNotice } from '@/components/surveys/conflict-notice'
import { Field, FieldError, FormMessage, inputClasses, inputSmClasses } from '@/components/training/form-controls'

export interface SurveyFormValues {
  id?: string
  version?: number
  title: string
  opensAt: string
  closesAt: string
  audience: Audience
  includeComment: boolean
}

export interface GroupChoice {
  id: string
  name: string
  hint?: string
}

/** ISO -> the value of a datetime-local input in the browser's time zone. */
function toLocalInput(iso: string): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

function Checklist({ legend, name, choices, checked, filterable }: { legend: string; name: string; choices: GroupChoice[]; checked: string[]; filterable?: boolean }) {
  const [q, setQ] = useState('')
  const shown = q ? choices.filter((c) => c.name.toLowerCase().includes(q.toLowerCase())) : choices
  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="text-sm font-medium text-fg">{legend}</legend>
      {filterable && choices.length > 8 ? (
        <input type="search" aria-label={`Find ${legend.toLowerCase()}`} placeholder="Find…" value={q} onChange={(e) => setQ(e.target.value)} className={inputSmClasses} />
      ) : null}
      {choices.length === 0 ? <p className="text-sm text-fg-muted">None yet.</p> : null}
      <ul className="max-h-56 space-y-1 overflow-y-auto rounded-md border border-line p-2">
        {choices.map((c) => (
          // Filtered-out choices stay in the form (hidden), so a search never drops a selection.
          <li key={c.id} hidden={!shown.includes(c)}>
            <label className="flex items-center gap-2 rounded px-1.5 py-1 text-sm text-fg hover:bg-surface-muted">
              <input type="checkbox" name={name} value={c.id} defaultChecked={checked.includes(c.id)} className="size-4 accent-accent" />
              <span>{c.name}</span>
              {c.hint ? <span className="text-xs text-fg-muted">{c.hint}</span> : null}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}

/** Schedule a pulse, or edit one that has not opened yet (with its lock version). */
export function SurveyForm({ values, teams, cohorts, mode }: { values: SurveyFormValues; teams: GroupChoice[]; cohorts: GroupChoice[]; mode: 'schedule' | 'edit' }) {
  const action = mode === 'schedule' ? scheduleSurveyAction : updateSurveyAction
  const [state, dispatch, pending] = useActionState<ActionResult<unknown> | null, FormData>(action as never, null)
  const [version, setVersion] = useState(values.version ?? 0)
  const formRef = useRef<HTMLFormElement>(null)
  const router = useRouter()
  const errors = state && !state.ok ? state.fieldErrors : undefined
  const kept = state && !state.ok ? state.values : undefined

  useEffect(() => {
    if (state?.ok && state.data && typeof (state.data as { version?: number }).version === 'number') {
      setVersion((state.data as { version: number }).version)
      // The page's other forms (close) need the new lock version too.
      router.refresh()
    }
    if (state && !state.ok) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [state, router])

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    // datetime-local has no time zone: send the instant the person meant, in their own zone.
    for (const k of ['opensAt', 'closesAt'] as const) {
      const local = String(data.get(`${k}Local`) ?? '')
      const d = new Date(local)
      data.set(k, local && !Number.isNaN(d.getTime()) ? d.toISOString() : '')
    }
    startTransition(() => dispatch(data))
  }

  const err = (k: string) => errors?.[k]
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-8">
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      <input type="hidden" name="version" value={version} />
      {state && !state.ok && state.code === 'CONFLICT' ? <ConflictNotice message={state.message} /> : null}
      <Field id="survey-title" label="Title" hint="People see it on the Pulse surveys page, e.g. “Monthly pulse: March”." error={err('title')}>
        {(ids) => <input id={ids.id} name="title" required maxLength={160} defaultValue={kept?.title ?? values.title} aria-invalid={ids.invalid || undefined} aria-describedby={ids.describedBy} className={inputClasses} />}
      </Field>
      <div className="grid gap-6 sm:grid-cols-2">
        <Field id="survey-opens" label="Opens" hint="In your time zone." error={err('opensAt')}>
          {(ids) => <input id={ids.id} type="datetime-local" name="opensAtLocal" required defaultValue={toLocalInput(values.opensAt)} aria-invalid={ids.invalid || undefined} aria-describedby={ids.describedBy} className={inputClasses} />}
        </Field>
        <Field id="survey-closes" label="Closes" hint="A pulse runs a few days to a few weeks." error={err('closesAt')}>
          {(ids) => <input id={ids.id} type="datetime-local" name="closesAtLocal" required defaultValue={toLocalInput(values.closesAt)} aria-invalid={ids.invalid || undefined} aria-describedby={ids.describedBy} className={inputClasses} />}
        </Field>
      </div>

      <section aria-labelledby="audience-heading" className="space-y-3">
        <div>
          <h2 id="audience-heading" className="text-base font-semibold text-fg">
            Who is asked
          </h2>
          <p className="text-sm text-fg-muted">Choose nothing to ask everyone. Otherwise everyone in any chosen stage, cohort or team is asked.</p>
        </div>
        <div className="grid gap-6 md:grid-cols-3">
          <Checklist legend="Stages" name="audience.stages" choices={STAGES.map((s) => ({ id: s, name: STAGE_LABELS[s] }))} checked={values.audience.stages} />
          <Checklist legend="Cohorts" name="audience.cohortIds" choices={cohorts} checked={values.audience.cohortIds} filterable />
          <Checklist legend="Teams" name="audience.teamIds" choices={teams} checked={values.audience.teamIds} filterable />
        </div>
        <FieldError message={[...(err('audience.teamIds') ?? []), ...(err('audience.cohortIds') ?? []), ...(err('audience.stages') ?? [])].join(' ') || undefined} />
      </section>

      <section aria-labelledby="questions-heading" className="space-y-3">
        <h2 id="questions-heading" className="text-base font-semibold text-fg">
          Questions
        </h2>
        <p className="text-sm text-fg-muted">Every pulse asks the same questions, so that months can be compared.</p>
        <ol className="list-decimal space-y-1 pl-5 text-sm text-fg">
          {STANDARD_QUESTIONS.filter((q) => q.kind === 'SCALE_1_5').map((q) => (
            <li key={q.key}>
              {q.prompt} <span className="text-fg-muted">(1–5)</span>
            </li>
          ))}
        </ol>
        <label className="flex items-start gap-2 text-sm text-fg">
          <input type="checkbox" name="includeComment" defaultChecked={values.includeComment} className="mt-0.5 size-4 accent-accent" />
          <span>
            Also ask for an optional comment <span className="text-fg-muted">(shown only for groups of 10 or more)</span>
          </span>
        </label>
      </section>

      <div className="flex flex-wrap items-center gap-4 border-t border-line pt-6">
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          {pending ? 'Saving…' : mode === 'schedule' ? 'Schedule pulse' : 'Save changes'}
        </Button>
        <FormMessage result={state} className="basis-full" />
      </div>
    </form>
  )
}
