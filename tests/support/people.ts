import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import type { RoleName } from '@/lib/auth/permissions'

/** Creates a user and returns them as the data layer sees a signed-in user. */
export async function makeUser(email: string, role: RoleName, teamId: string | null = null): Promise<SessionUser> {
  const u = await db.user.create({ data: { email, name: email.split('@')[0], role, teamId } })
  return { id: u.id, email: u.email, name: u.name, role: u.role, teamId: u.teamId, via: 'session' }
}
