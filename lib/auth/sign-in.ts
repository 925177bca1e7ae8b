// Sign-in messages and redirect rules (pure, client-safe): the one home of what a failed sign-in
// says and where a successful one may go.

export const SIGN_IN_MESSAGES = {
  credentials: 'Email or password is incorrect.',
  rateLimited: 'Too many failed sign-in attempts. Wait a minute, then try again.',
  accessDenied: 'Your account cannot sign in here. Ask an admin.',
  ssoFailed: 'Single sign-on failed. Try again or use your password.',
  generic: 'Sign-in did not work. Try again, and ask an admin if it keeps failing.',
  codeNeeded: 'Enter the 6-digit code from your authenticator app, or a recovery code.',
  codeInvalid: 'That code is not right, or it was already used. Wait for the next code and try again.',
} as const

/** next-auth error codes of the second-factor step (lib/auth/options.ts throws them after a right password). */
export const SECOND_FACTOR_NEEDED = 'SecondFactorNeeded'
export const SECOND_FACTOR_INVALID = 'SecondFactorInvalid'

const SSO_ERRORS = new Set(['OAuthSignin', 'OAuthCallback', 'Callback', 'OAuthCreateAccount', 'OAuthAccountNotLinked'])

/** The message for a next-auth error code (from signIn()'s result or the ?error= query); null for none. */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null
  if (code === 'CredentialsSignin') return SIGN_IN_MESSAGES.credentials
  if (code === 'RateLimited') return SIGN_IN_MESSAGES.rateLimited
  if (code === SECOND_FACTOR_NEEDED) return SIGN_IN_MESSAGES.codeNeeded
  if (code === SECOND_FACTOR_INVALID) return SIGN_IN_MESSAGES.codeInvalid
  if (code === 'AccessDenied') return SIGN_IN_MESSAGES.accessDenied
  if (SSO_ERRORS.has(code)) return SIGN_IN_MESSAGES.ssoFailed
  return SIGN_IN_MESSAGES.generic
}

/**
 * next-auth hands back an absolute callbackUrl after a failed SSO round trip. One on our own
 * origin becomes its path; anything else stays as it is (and safeCallbackUrl then refuses it).
 */
export function sameOriginPath(value: string | null | undefined, appUrl: string | undefined): string | null | undefined {
  if (!value || value.startsWith('/') || !appUrl) return value
  try {
    const url = new URL(value)
    return url.origin === new URL(appUrl).origin ? `${url.pathname}${url.search}${url.hash}` : value
  } catch {
    return value
  }
}

/**
 * Where to go after signing in: a path on this site, else '/'. Refuses '//host' and '/\host'
 * (both leave the site) and control characters (browsers drop tabs and newlines, so '/\t/host'
 * would become '//host').
 */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (!value || value[0] !== '/' || value[1] === '/' || value[1] === '\\') return '/'
  if (/[\u0000-\u001f\u007f]/.test(value)) return '/'
  return value
}
