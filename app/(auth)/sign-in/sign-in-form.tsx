'use client'

import { useRef, useState, type FormEvent } from 'react'
import { useRouter } from 'next/navigation'
import { signIn } from 'next-auth/react'
import { Button } from '@/components/ui/button'
import { AlertIcon } from '@/components/ui/icons'
import { TextField } from '@/components/ui/text-field'
import { SECOND_FACTOR_INVALID, SECOND_FACTOR_NEEDED, safeCallbackUrl, signInErrorMessage } from '@/lib/auth/sign-in'

const ERROR_ID = 'sign-in-error'
const SECOND_FACTOR_HINT = 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.'

export function SignInForm({
  callbackUrl,
  initialError,
  sso,
}: {
  callbackUrl: string
  /** A next-auth error code from the ?error= query, if any. */
  initialError: string | null
  sso: { displayName: string } | null
}) {
  const router = useRouter()
  const target = safeCallbackUrl(callbackUrl)
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  // After a right password for an account with a second factor, the form asks for the code and
  // resubmits email and password with it (nothing is kept on the server between the two steps).
  const [stage, setStage] = useState<'password' | 'code'>('password')
  const [code, setCode] = useState('')
  const codeRef = useRef<HTMLInputElement>(null)
  const [error, setError] = useState<string | null>(signInErrorMessage(initialError))
  // Only a wrong email/password marks the password field invalid; SSO and rate-limit errors do not.
  const [passwordRejected, setPasswordRejected] = useState(initialError === 'CredentialsSignin')
  const [pending, setPending] = useState(false)
  const [ssoPending, setSsoPending] = useState(false)
  const passwordRef = useRef<HTMLInputElement>(null)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setPending(true)
    setError(null)
    setPasswordRejected(false)
    let failure: string | null
    try {
      const result = await signIn('credentials', {
        email: email.trim(),
        password,
        ...(stage === 'code' ? { code: code.trim() } : {}),
        redirect: false,
        callbackUrl: target,
      })
      failure = result?.error ?? (result?.ok ? null : 'Unknown')
    } catch {
      failure = 'Unknown'
    }
    if (!failure) {
      // Stay "pending" while the next page loads.
      router.replace(target)
      router.refresh()
      return
    }
    setPending(false)
    if (failure === SECOND_FACTOR_NEEDED || failure === SECOND_FACTOR_INVALID) {
      // The password was right: keep it, ask for (another) code.
      setStage('code')
      setCode('')
      setError(failure === SECOND_FACTOR_INVALID ? signInErrorMessage(failure) : null)
      requestAnimationFrame(() => codeRef.current?.focus())
      return
    }
    setStage('password')
    setCode('')
    setPassword('')
    setError(signInErrorMessage(failure))
    setPasswordRejected(failure === 'CredentialsSignin')
    // The email is kept; the password is what to type again. The field is described by the error.
    requestAnimationFrame(() => passwordRef.current?.focus())
  }

  function backToPassword() {
    setStage('password')
    setCode('')
    setPassword('')
    setError(null)
    requestAnimationFrame(() => passwordRef.current?.focus())
  }

  async function onSso() {
    setSsoPending(true)
    setError(null)
    setPasswordRejected(false)
    try {
      await signIn('sso', { callbackUrl: target })
    } catch {
      setSsoPending(false)
      setError(signInErrorMessage('OAuthSignin'))
    }
  }

  const busy = pending || ssoPending

  return (
    <div className="space-y-5">
      <div id={ERROR_ID} role="alert" className={error ? undefined : 'sr-only'}>
        {error ? (
          <p className="flex gap-2.5 rounded-lg border border-danger-line bg-danger-soft px-3.5 py-3 text-sm text-danger">
            <AlertIcon className="mt-0.5 size-4 shrink-0" />
            <span>{error}</span>
          </p>
        ) : null}
      </div>

      {sso && stage === 'password' ? (
        <>
          <Button variant="secondary" className="w-full" onClick={onSso} disabled={busy} aria-busy={ssoPending || undefined}>
            Sign in with {sso.displayName}
          </Button>
          <div className="flex items-center gap-3 text-xs text-fg-muted" aria-hidden="true">
            <span className="h-px flex-1 bg-line" />
            or with your password
            <span className="h-px flex-1 bg-line" />
          </div>
        </>
      ) : null}

      {stage === 'code' ? (
        <form onSubmit={onSubmit} className="space-y-4" aria-label="Second factor">
          <p className="text-sm text-fg-muted">
            Signing in as <span className="font-medium text-fg">{email.trim()}</span>. {SECOND_FACTOR_HINT}
          </p>
          <TextField
            ref={codeRef}
            label="Authentication code"
            name="code"
            autoComplete="one-time-code"
            spellCheck={false}
            autoCapitalize="none"
            required
            maxLength={32}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? ERROR_ID : undefined}
          />
          <Button type="submit" className="w-full" disabled={busy} aria-busy={pending || undefined}>
            {pending ? 'Checking…' : 'Verify and sign in'}
          </Button>
          <Button type="button" variant="ghost" className="w-full" onClick={backToPassword} disabled={busy}>
            Use another account
          </Button>
        </form>
      ) : (
        <form onSubmit={onSubmit} className="space-y-4">
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            autoCapitalize="none"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <TextField
            ref={passwordRef}
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={passwordRejected || undefined}
            aria-describedby={passwordRejected ? ERROR_ID : undefined}
          />
          <Button type="submit" className="w-full" disabled={busy} aria-busy={pending || undefined}>
            {pending ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
      )}
    </div>
  )
}
