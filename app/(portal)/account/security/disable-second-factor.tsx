'use client'

import { useActionState } from 'react'
import { disableSecondFactorAction } from '@/lib/auth/account/actions'
import type { ActionResult } from '@/lib/action-result'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/text-field'

const ERROR_ID = 'disable-second-factor-error'

/** Turning the second factor off takes a current code (or a recovery code): a stolen session alone cannot. */
export function DisableSecondFactor() {
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(disableSecondFactorAction, null)
  const failed = state && !state.ok
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" aria-label="Turn off the second factor">
      <TextField
        label="Current code or a recovery code"
        name="code"
        autoComplete="one-time-code"
        spellCheck={false}
        autoCapitalize="none"
        required
        maxLength={32}
        className="w-64"
        aria-invalid={failed || undefined}
        aria-describedby={failed ? ERROR_ID : undefined}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Turning off…' : 'Turn off second factor'}
      </Button>
      <p id={ERROR_ID} role={failed ? 'alert' : 'status'} className={`w-full text-sm ${failed ? 'text-danger' : 'text-fg-muted'}`}>
        {state ? state.message : ''}
      </p>
    </form>
  )
}
