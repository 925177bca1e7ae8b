// Signing out from the browser without next-auth's client library (about 9 kB gzipped on every
// page): the same two requests its signOut() makes. next-auth clears the session cookie and the
// browser then loads the sign-in page.
export async function signOutToSignIn(): Promise<void> {
  const csrf = await fetch('/api/auth/csrf', { cache: 'no-store', credentials: 'same-origin' })
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const res = await fetch('/api/auth/signout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Auth-Return-Redirect': '1' },
    body: new URLSearchParams({ csrfToken, callbackUrl: '/sign-in', json: 'true' }),
  })
  if (!res.ok) throw new Error(`sign-out failed (${res.status})`)
  window.location.href = '/sign-in'
}
