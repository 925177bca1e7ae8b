'use client'

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react'
import { answerSurveyAction } from '@/lib/surveys/actions'
import type { ActionResult } from '@/lib/action-result'
import { COMMENT_MAX, scaleLabels } from '@/lib/surveys/rules'
import { Button } from '@/components/ui/button'
import { cx } from '@/components/ui/cx'
import { FieldError, FormMessage } from '@/components/training/form-controls'

export interface AnswerQuestion {
  key: string
  prompt: string
  kind: 'SCALE_1_5' | 'FREE_TEXT'
  optional: boolean
}

/**
 * One pulse's questions as native radio groups (arrow keys move within a group, each group is a
 * fieldset with its question as the legend), and an optional comment. A second submission (double
 * click, retry after a lost reply) is refused by the server and shown as "already recorded".
 */
export function AnswerForm({ surveyId, questions }: { surveyId: string; questions: AnswerQuestion[] }) {
  const [state, dispatch, pending] = useActionState<ActionResult | null, FormData>(answerSurveyAction, null)
  const formRef = useRef<HTMLFormElement>(null)
  const doneRef = useRef<HTMLDivElement>(null)
  const errors = state && !state.ok ? state.fieldErrors : undefined
  const recorded = state?.ok || (state && !state.ok && state.code === 'CONFLICT')

  useEffect(() => {
    if (recorded) doneRef.current?.focus()
    else if (state && !state.ok) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"] input, [aria-invalid="true"]')?.focus()
  }, [state, recorded])

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (pending) return
    const data = new FormData(event.currentTarget)
    startTransition(() => dispatch(data))
  }

  if (recorded) {
    return (
      <div ref={doneRef} tabIndex={-1} role="status" className="rounded-xl border border-line bg-surface p-6 outline-none">
        <h2 className="text-base font-semibold text-fg">{state?.ok ? 'Thank you: your answer is recorded' : 'Your answer is already recorded'}</h2>
        <p className="mt-2 text-sm text-fg-muted">
          {state?.ok
            ? 'It was stored without your name. Results are shown only for groups of five or more people.'
            : state && !state.ok
              ? state.message
              : null}
        </p>
      </div>
    )
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-6">
      <input type="hidden" name="surveyId" value={surveyId} />
      {questions.map((q, i) => {
        const error = errors?.[q.key]
        const errorId = error ? `${q.key}-error` : undefined
        if (q.kind === 'FREE_TEXT') {
          return (
            <div key={q.key} className="rounded-xl border border-line bg-surface p-4 sm:p-5">
              <label htmlFor={`q-${q.key}`} className="block text-sm font-medium text-fg">
                {i + 1}. {q.prompt} <span className="font-normal text-fg-muted">(optional)</span>
              </label>
              <textarea
                id={`q-${q.key}`}
                name={q.key}
                rows={4}
                maxLength={COMMENT_MAX}
                defaultValue={state && !state.ok ? (state.values?.[q.key] ?? '') : ''}
                aria-invalid={error ? true : undefined}
                aria-describedby={cx(`${q.key}-hint`, errorId) || undefined}
                className="mt-2 block w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm leading-relaxed text-fg shadow-xs placeholder:text-fg-muted focus-visible:border-focus focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-focus"
              />
              <p id={`${q.key}-hint`} className="mt-1.5 text-xs text-fg-muted">
                Avoid names and details that would point to you or to others.
              </p>
              <FieldError id={errorId} message={error?.join(' ')} />
            </div>
          )
        }
        const labels = scaleLabels(q.key)
        const previous = state && !state.ok ? state.values?.[q.key] : undefined
        return (
          <fieldset key={q.key} aria-invalid={error ? true : undefined} aria-describedby={errorId} className="rounded-xl border border-line bg-surface p-4 sm:p-5">
            <legend className="float-left w-full text-sm font-medium text-fg">
              {i + 1}. {q.prompt}
            </legend>
            <div className="clear-both grid grid-cols-1 gap-2 pt-3 sm:grid-cols-5">
              {labels.map((label, j) => {
                const value = String(j + 1)
                const id = `q-${q.key}-${value}`
                return (
                  <div key={value} className="relative">
                    <input id={id} type="radio" name={q.key} value={value} required defaultChecked={previous === value} className="peer absolute top-1/2 left-3 size-4 -translate-y-1/2 accent-accent sm:top-3 sm:left-1/2 sm:-translate-x-1/2 sm:translate-y-0" />
                    <label
                      htmlFor={id}
                      className="flex h-full cursor-pointer items-center gap-2 rounded-md border border-line px-3 py-2.5 pl-9 text-sm text-fg peer-checked:border-accent peer-checked:bg-accent-soft peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-focus hover:bg-surface-muted sm:flex-col sm:pt-9 sm:pl-3 sm:text-center"
                    >
                      <span className="font-semibold tabular-nums">{value}</span>
                      <span className="text-fg-muted">{label}</span>
                    </label>
                  </div>
                )
              })}
            </div>
            <FieldError id={errorId} message={error?.join(' ')} />
          </fieldset>
        )
      })}
      <div className="flex flex-wrap items-center gap-4 border-t border-line pt-6">
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          {pending ? 'Sending…' : 'Send my answer'}
        </Button>
        <p className="text-sm text-fg-muted">You can answer once. Your answer is stored without your name.</p>
        <FormMessage result={state} className="basis-full" />
      </div>
    </form>
  )
}
