'use client'

import { useActionState, useState } from 'react'
import { useRouter } from 'next/navigation'
import { confirmEnrolmentAction, startEnrolmentAction } from '@/lib/auth/account/actions'
import type { ActionResult } from '@/lib/action-result'
import type { EnrolmentView } from '@/lib/auth/second-factor'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/text-field'

const ERROR_ID = 'enrol-error'

/**
 * Enrolment: a new secret (QR code, the secret as text and the otpauth:// URI), confirmed with a
 * current code before it is switched on; then the ten recovery codes, shown this once.
 */
export function SecondFactorSetup({ email, continueTo }: { email: string; continueTo?: string }) {
  const router = useRouter()
  const [enrolment, setEnrolment] = useState<EnrolmentView | null>(null)
  const [startError, setStartError] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)
  const [state, formAction, pending] = useActionState<ActionResult<{ recoveryCodes: string[] }> | null, FormData>(confirmEnrolmentAction, null)

  async function start() {
    setStarting(true)
    setStartError(null)
    const result = await startEnrolmentAction().catch(() => null)
    setStarting(false)
    if (result?.ok) setEnrolment(result.data)
    else setStartError(result?.message ?? 'That did not work. Try again.')
  }

  if (state?.ok) {
    return (
      <div className="space-y-4" role="status">
        <p className="text-sm font-medium text-fg">Second factor is on. Save these recovery codes now: each works once if you lose your phone, and they are not shown again.</p>
        <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 rounded-lg border border-line bg-surface-muted p-4 font-mono text-sm sm:grid-cols-5">
          {state.data.recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <Button
          type="button"
          onClick={() => {
            if (continueTo) window.location.href = continueTo
            else router.refresh()
          }}
        >
          I have saved my recovery codes
        </Button>
      </div>
    )
  }

  if (!enrolment) {
    return (
      <div className="space-y-2">
        <Button type="button" onClick={start} disabled={starting} aria-busy={starting || undefined}>
          {starting ? 'Preparing…' : 'Set up authenticator app'}
        </Button>
        {startError ? (
          <p role="alert" className="text-sm text-danger">
            {startError}
          </p>
        ) : null}
      </div>
    )
  }

  const failed = state && !state.ok
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-4 pl-5 text-sm text-fg">
        <li>
          Scan this code with your authenticator app, or type the secret in by hand.
          <div className="mt-3 flex flex-wrap items-start gap-4">
            {/* The QR code is an SVG we generated on the server; shown as an image (img-src allows data:). */}
            <img
              src={`data:image/svg+xml;base64,${btoa(enrolment.qrSvg)}`}
              alt={`QR code for Paceline (${email})`}
              width={176}
              height={176}
              className="rounded-md border border-line bg-white p-1"
            />
            <dl className="min-w-0 space-y-2">
              <div>
                <dt className="text-xs text-fg-muted">Secret</dt>
                <dd className="font-mono text-sm break-all" data-testid="totp-secret">{enrolment.secret}</dd>
              </div>
              <div>
                <dt className="text-xs text-fg-muted">Link for apps on this device</dt>
                <dd className="font-mono text-xs break-all">
                  <a href={enrolment.uri} className="underline underline-offset-2">{enrolment.uri}</a>
                </dd>
              </div>
            </dl>
          </div>
        </li>
        <li>
          Enter the 6-digit code the app shows now.
          <form action={formAction} className="mt-3 flex flex-wrap items-end gap-3" aria-label="Confirm the authenticator app">
            <input type="hidden" name="enrolment" value={enrolment.enrolment} />
            <TextField
              label="Code from the app"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              maxLength={7}
              className="w-48"
              aria-invalid={failed || undefined}
              aria-describedby={failed ? ERROR_ID : undefined}
            />
            <Button type="submit" disabled={pending}>
              {pending ? 'Checking…' : 'Turn on'}
            </Button>
          </form>
          <p id={ERROR_ID} role="alert" className="mt-2 text-sm text-danger">
            {failed ? state.message : ''}
          </p>
        </li>
      </ol>
    </div>
  )
}
