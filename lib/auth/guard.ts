import 'server-only'
import { forbidden, redirect } from 'next/navigation'
import { getSessionState, requireUser, type SessionState, type SessionUser } from '@/lib/auth/session'
import { UnauthenticatedError } from '@/lib/errors'
import { can, type Permission } from '@/lib/auth/permissions'

export const ACCOUNT_SECURITY_PATH = '/account/security'

/**
 * For pages and layouts: the signed-in user, or a redirect to sign-in; a 403 page when the role
 * lacks `permission`. A session that must first enrol a second factor goes to /account/security.
 * This is UX. Server actions and route handlers check again with requireUser()/requireApiUser()
 * + assertCan().
 */
export async function requirePageUser(permission?: Permission, returnTo = '/'): Promise<SessionUser> {
  const state = await getSessionState()
  if (!state) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`)
  if (state.secondFactorPending) redirect(ACCOUNT_SECURITY_PATH)
  const user = state.user
  if (permission && !can(user, permission)) forbidden()
  return user
}

/** For /account/security only: the session, including one that may only enrol a second factor. */
export async function requireAccountPageSession(returnTo = ACCOUNT_SECURITY_PATH): Promise<SessionState> {
  const state = await getSessionState()
  if (!state) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`)
  return state
}

/**
 * For server actions that answer with a redirect (plain forms): the signed-in user, or a redirect
 * to sign-in coming back to `returnTo`. An action is a public POST endpoint: an anonymous call gets
 * the answer a page gives, not an unhandled error (which Next turns into a 500). Other refusals
 * (a session that must enrol a second factor) are thrown as they are.
 */
export async function requireActionUser(returnTo: string): Promise<SessionUser> {
  try {
    return await requireUser()
  } catch (err) {
    if (err instanceof UnauthenticatedError) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`)
    throw err
  }
}
