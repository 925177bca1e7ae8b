'use client'

import { useActionState, useId } from 'react'
import { updateLearningPathAction } from '@/lib/training/actions'
import type { ActionResult } from '@/lib/action-result'
import { Button } from '@/components/ui/button'
import { cx } from '@/components/ui/cx'
import { controlClasses, Field, FormMessage, inputClasses, textareaClasses } from '@/components/training/form-controls'

export interface PathFormValues {
  stage: 'EXPERTS' | 'PILOT' | 'BROAD'
  label: string
  version: number | null
  title: string
  description: string
  modules: string[]
}

type PathState = { result: ActionResult<null>; values: Record<string, string> } | null

/** One stage's learning path: title, description and the ordered module slugs. */
export function PathForm({ path }: { path: PathFormValues }) {
  const id = useId()
  const [state, action, pending] = useActionState<PathState, FormData>(async (prev, data) => {
    const result = await updateLearningPathAction(prev?.result ?? null, data)
    const values: Record<string, string> = {}
    data.forEach((v, k) => {
      if (typeof v === 'string') values[k] = v
    })
    return { result, values }
  }, null)
  const result = state?.result
  const errors = result && !result.ok ? result.fieldErrors : undefined
  // React resets the form after each submit: its defaults are what was just sent (kept on failure too).
  const sent = state?.values
  // The lock version for the next save: a save bumps it (a new path starts at 0).
  const sentVersion = sent?.version !== undefined && sent.version !== '' ? Number(sent.version) : null
  const version = !state ? path.version : result?.ok ? (sentVersion === null ? 0 : sentVersion + 1) : (sentVersion ?? path.version)
  const headingId = `${id}-h`

  return (
    <section aria-labelledby={headingId} className="rounded-xl border border-line bg-surface p-4 sm:p-5">
      <h2 id={headingId} className="text-base font-semibold text-fg">
        {path.label}
      </h2>
      <form action={action} aria-labelledby={headingId} className="mt-4 space-y-4">
        <input type="hidden" name="stage" value={path.stage} />
        {version !== null && version >= 0 ? <input type="hidden" name="version" value={version} /> : null}
        <Field id={`${id}-title`} label="Title" error={errors?.title}>
          {(f) => (
            <input
              id={f.id}
              name="title"
              type="text"
              maxLength={120}
              defaultValue={sent?.title ?? path.title}
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid || undefined}
              className={inputClasses}
            />
          )}
        </Field>
        <Field id={`${id}-description`} label="Description" error={errors?.description}>
          {(f) => (
            <textarea
              id={f.id}
              name="description"
              rows={2}
              maxLength={1000}
              defaultValue={sent?.description ?? path.description}
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid || undefined}
              className={textareaClasses}
            />
          )}
        </Field>
        <Field
          id={`${id}-modules`}
          label="Modules (slugs, in order)"
          hint="One per line, the part after /training/ in a module's address. Only published modules."
          error={errors?.modules}
        >
          {(f) => (
            <textarea
              id={f.id}
              name="modules"
              rows={Math.max(4, path.modules.length + 1)}
              wrap="off"
              defaultValue={sent?.modules ?? path.modules.join('\n')}
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid || undefined}
              spellCheck={false}
              className={cx(controlClasses, 'px-3 py-2 font-mono text-[0.8125rem] leading-6')}
            />
          )}
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            Save path
          </Button>
          <FormMessage result={result} />
        </div>
      </form>
    </section>
  )
}
