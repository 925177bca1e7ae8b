import 'server-only'
import { forbidden, redirect } from 'next/navigation'
import { getSessionUser, type SessionUser } from '@/lib/auth/session'
import { can, type Permission } from '@/lib/auth/permissions'

/**
 * For pages and layouts: the signed-in user, or a redirect to sign-in; a 403 page when the role
 * lacks `permission`. This is UX. Server actions and route handlers check again with
 * requireUser()/requireApiUser() + assertCan().
 */
export async function requirePageUser(permission?: Permission, returnTo = '/'): Promise<SessionUser> {
  const user = await getSessionUser()
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`)
  if (permission && !can(user, permission)) forbidden()
  return user
}
