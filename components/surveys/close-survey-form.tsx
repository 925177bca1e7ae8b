'use client'

import { startTransition, useActionState, useState, type FormEvent } from 'react'
import { closeSurveyAction } from '@/lib/surveys/actions'
import type { ActionResult } from '@/lib/action-result'
import { Button } from '@/components/ui/button'
import { FormMessage } from '@/components/training/form-controls'

/** "Close now", with a confirmation step (closing cannot be undone). */
export function CloseSurveyForm({ id, version, title }: { id: string; version: number; title: string }) {
  const [state, dispatch, pending] = useActionState<ActionResult | null, FormData>(closeSurveyAction, null)
  const [confirming, setConfirming] = useState(false)

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    startTransition(() => dispatch(data))
  }

  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-fg">Close “{title}” now? Nobody can answer afterwards.</span>
          <Button type="submit" size="sm" disabled={pending} aria-busy={pending || undefined}>
            {pending ? 'Closing…' : 'Yes, close it'}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
            Keep it open
          </Button>
        </div>
      ) : (
        <Button size="sm" variant="secondary" onClick={() => setConfirming(true)}>
          Close early
        </Button>
      )}
      <FormMessage result={state} />
    </form>
  )
}
