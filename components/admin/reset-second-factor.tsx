'use client'

import { useActionState, useId } from 'react'
import { resetSecondFactorAction } from '@/lib/admin/actions'
import type { ActionResult } from '@/lib/action-result'
import { Button } from '@/components/ui/button'

/**
 * "Reset second factor" for someone who lost their authenticator and recovery codes. Asks first:
 * it also ends every session the person has.
 */
export function ResetSecondFactor({ userId, name, version }: { userId: string; name: string; version: number }) {
  const [state, formAction, pending] = useActionState<ActionResult<{ version: number }> | null, FormData>(resetSecondFactorAction, null)
  const statusId = useId()
  if (state?.ok) {
    return <p role="status" className="mt-1 max-w-56 text-xs text-fg-muted">{state.message}</p>
  }
  return (
    <form
      action={formAction}
      aria-describedby={statusId}
      className="mt-1"
      onSubmit={(e) => {
        if (!window.confirm(`Remove ${name}'s second factor and end their sessions? They will sign in with their password and set up a new one.`)) e.preventDefault()
      }}
    >
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {pending ? 'Resetting…' : 'Reset second factor'}
        <span className="sr-only"> of {name}</span>
      </Button>
      <p id={statusId} role={state && !state.ok ? 'alert' : 'status'} className="mt-1 max-w-56 text-xs text-danger">
        {state && !state.ok ? state.message : ''}
      </p>
    </form>
  )
}
