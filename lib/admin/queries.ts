import 'server-only'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { listUsersSchema, type ListUsersInput } from '@/lib/admin/schemas'
import type { Prisma } from '@/lib/generated/prisma/client'
import { getAuthPolicy, type AuthPolicyView } from '@/lib/auth/second-factor'

export const USERS_PAGE_SIZE = 50

export interface UserRowView {
  id: string
  email: string
  name: string
  role: 'ADMIN' | 'LEADER' | 'EXPERT' | 'DEVELOPER'
  active: boolean
  team: string | null
  /** How the person signs in: never the credential itself. */
  signIn: 'sso' | 'password' | 'none'
  /** Whether a second factor is set up (never the secret). */
  secondFactor: boolean
  version: number
}

/** admin.users. Paginated; searched by name or email. */
export async function listUsers(user: SessionUser, input: ListUsersInput = {}) {
  assertCan(user, 'admin.users')
  const { q, role, status, page } = parseInput(listUsersSchema, input)
  const where: Prisma.UserWhereInput = {
    ...(q ? { OR: [{ email: { contains: q, mode: 'insensitive' } }, { name: { contains: q, mode: 'insensitive' } }] } : {}),
    ...(role ? { role } : {}),
    ...(status === 'all' ? {} : { active: status === 'active' }),
  }
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ name: 'asc' }, { email: 'asc' }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, email: true, name: true, role: true, active: true, ssoSubject: true, passwordHash: true, version: true, team: { select: { name: true } }, secondFactor: { select: { enabledAt: true } } },
    }),
  ])
  const users: UserRowView[] = rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    active: r.active,
    team: r.team?.name ?? null,
    signIn: r.ssoSubject ? 'sso' : r.passwordHash ? 'password' : 'none',
    secondFactor: Boolean(r.secondFactor?.enabledAt),
    version: r.version,
  }))
  return { users, total, page, pageCount: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)), q, role: role ?? null, status }
}

/** admin.users. The sign-in policy as the admin page edits it. */
export async function getSignInPolicy(user: SessionUser): Promise<AuthPolicyView> {
  assertCan(user, 'admin.users')
  return getAuthPolicy()
}
