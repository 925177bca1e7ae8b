'use client'

import { useActionState, useState } from 'react'
import { revokeSessionAction, signOutEverywhereAction } from '@/lib/auth/account/actions'
import type { ActionResult } from '@/lib/action-result'
import { signOutToSignIn } from '@/components/shell/sign-out'
import { Button } from '@/components/ui/button'

/** Ends one of the user's other sessions. */
export function RevokeSessionButton({ sessionId, label }: { sessionId: string; label: string }) {
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(revokeSessionAction, null)
  return (
    <form action={formAction}>
      <input type="hidden" name="sessionId" value={sessionId} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={`End session: ${label}`}>
        {pending ? 'Ending…' : 'End session'}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-xs text-danger">
          {state.message}
        </p>
      ) : null}
    </form>
  )
}

/** Ends every session of the user, this one too, then clears this browser's cookie. */
export function SignOutEverywhere() {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function onClick() {
    setPending(true)
    setError(null)
    const form = new FormData()
    form.set('confirm', 'everywhere')
    const result = await signOutEverywhereAction(form).catch(() => null)
    if (!result?.ok) {
      setPending(false)
      setError(result?.message ?? 'That did not work. Try again.')
      return
    }
    await signOutToSignIn().catch(() => {
      window.location.href = '/sign-in'
    })
  }

  return (
    <div className="text-right">
      <Button type="button" variant="secondary" size="sm" onClick={onClick} disabled={pending} aria-busy={pending || undefined}>
        {pending ? 'Signing out…' : 'Sign out everywhere'}
      </Button>
      {error ? (
        <p role="alert" className="mt-1 text-xs text-danger">
          {error}
        </p>
      ) : null}
    </div>
  )
}
