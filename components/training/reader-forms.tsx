'use client'

import { useActionState, useId } from 'react'
import { useRouter } from 'next/navigation'
import { flagModuleAction, rateModuleAction, setCompletionAction } from '@/lib/training/actions'
import type { ActionResult } from '@/lib/action-result'
import { Button } from '@/components/ui/button'
import { cx } from '@/components/ui/cx'
import { FieldError, FormMessage, textareaClasses } from '@/components/training/form-controls'
import { CheckIcon, ChevronRightIcon, FlagIcon, ThumbDownIcon, ThumbUpIcon } from '@/components/training/icons'
import { plural } from '@/components/training/format'

// What a reader can do on a module page: tick it off (private), rate it, flag it as outdated.

/** The reader's own completion; nobody else sees it (leaders only see team percentages). */
export function CompletionToggle({ slug, completed }: { slug: string; completed: boolean }) {
  const [state, action, pending] = useActionState<ActionResult<{ completed: boolean }> | null, FormData>(setCompletionAction, null)
  const done = state?.ok ? state.data.completed : completed
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="completed" value={String(!done)} />
      {done ? (
        <p className="flex items-center gap-2 text-sm font-medium text-(--done-fg)">
          <span className="flex size-5 items-center justify-center rounded-full bg-(--done-soft)">
            <CheckIcon className="size-3.5" />
          </span>
          Completed
        </p>
      ) : (
        <p className="text-sm text-fg-muted">Only you see whether you completed it.</p>
      )}
      <Button type="submit" variant={done ? 'secondary' : 'primary'} size="sm" disabled={pending} className="w-full">
        {done ? 'Mark as not complete' : 'Mark as complete'}
      </Button>
      {/* The button's new label shows the change; the status repeats it for screen readers. */}
      <p role="status" className="sr-only">
        {state?.ok ? state.message : ''}
      </p>
      <p role="alert" className="text-sm text-danger">
        {state && !state.ok ? state.message : ''}
      </p>
    </form>
  )
}

type RatingState = { result: ActionResult<{ helpful: boolean }>; comment: string } | null

export function RatingForm({ slug, mine }: { slug: string; mine: { helpful: boolean; comment: string | null } | null }) {
  const commentId = useId()
  const [state, action, pending] = useActionState<RatingState, FormData>(async (prev, data) => {
    const result = await rateModuleAction(prev?.result ?? null, data)
    return { result, comment: String(data.get('comment') ?? '') }
  }, null)
  const result = state?.result
  const current = result?.ok ? { helpful: result.data.helpful } : mine
  // After a save React resets the form to these defaults: keep what was just sent.
  const comment = state ? state.comment : (mine?.comment ?? '')
  const error = result && !result.ok ? result.fieldErrors?.comment?.join(' ') : undefined

  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="slug" value={slug} />
      <p className="text-sm text-fg-muted">
        {current ? (current.helpful ? 'You found it helpful.' : 'You found it not helpful.') : 'Did it help you do the task?'}
      </p>
      <div>
        <label htmlFor={commentId} className="block text-sm font-medium text-fg">
          Comment (optional)
        </label>
        <textarea
          id={commentId}
          key={comment}
          name="comment"
          rows={2}
          maxLength={1000}
          defaultValue={comment}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${commentId}-error` : undefined}
          className={cx(textareaClasses, 'mt-1.5')}
        />
        <FieldError id={`${commentId}-error`} message={error} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="helpful" value="true" size="sm" variant={current?.helpful === true ? 'primary' : 'secondary'} aria-pressed={current?.helpful === true} disabled={pending}>
          <ThumbUpIcon className="size-4" />
          Helpful
        </Button>
        <Button type="submit" name="helpful" value="false" size="sm" variant={current?.helpful === false ? 'primary' : 'secondary'} aria-pressed={current?.helpful === false} disabled={pending}>
          <ThumbDownIcon className="size-4" />
          Not helpful
        </Button>
      </div>
      <FormMessage result={result} />
    </form>
  )
}

type FlagState = { result: ActionResult<null>; reason: string } | null

/** "Outdated / needs re-recording", with a reason; the owner sees it in their workspace. */
export function FlagForm({ slug, openFlags }: { slug: string; openFlags: number }) {
  const router = useRouter()
  const reasonId = useId()
  const [state, action, pending] = useActionState<FlagState, FormData>(async (prev, data) => {
    const result = await flagModuleAction(prev?.result ?? null, data)
    if (result.ok) router.refresh()
    return { result, reason: result.ok ? '' : String(data.get('reason') ?? '') }
  }, null)
  const result = state?.result
  const error = result && !result.ok ? result.fieldErrors?.reason?.join(' ') : undefined

  return (
    <div className="space-y-2">
      <p className="flex items-center gap-2 text-sm text-fg-muted">
        <FlagIcon className="size-4" />
        {openFlags === 0 ? 'No open flags' : plural(openFlags, 'open flag')}
      </p>
      <details className="group rounded-lg border border-line bg-surface">
        <summary className="cursor-pointer list-none rounded-lg px-3 py-2 text-sm font-medium text-fg hover:bg-surface-muted [&::-webkit-details-marker]:hidden">
          <ChevronRightIcon className="mr-1 inline-block size-4 -translate-y-px text-fg-muted transition-transform group-open:rotate-90" />
          Flag as outdated
        </summary>
        <form action={action} className="space-y-3 border-t border-line px-3 pt-3 pb-3">
          <input type="hidden" name="slug" value={slug} />
          <div>
            <label htmlFor={reasonId} className="block text-sm font-medium text-fg">
              What is outdated?
            </label>
            <textarea
              id={reasonId}
              key={state?.reason ?? ''}
              name="reason"
              rows={3}
              maxLength={1000}
              defaultValue={state?.reason ?? ''}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${reasonId}-error` : `${reasonId}-hint`}
              className={cx(textareaClasses, 'mt-1.5')}
            />
            <p id={`${reasonId}-hint`} className="mt-1 text-xs text-fg-muted">
              E.g. a step that no longer works with the current model version. The owner sees it in their workspace.
            </p>
            <FieldError id={`${reasonId}-error`} message={error} />
          </div>
          <Button type="submit" size="sm" variant="secondary" disabled={pending}>
            Flag as outdated
          </Button>
        </form>
      </details>
      <FormMessage result={result} />
    </div>
  )
}
