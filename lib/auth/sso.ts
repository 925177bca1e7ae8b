import 'server-only'
import { db } from '@/lib/db'
import { recordAudit } from '@/lib/audit'
import { getEnv, type Env } from '@/lib/env'
import { isRole, type RoleName } from '@/lib/auth/permissions'
import { normaliseEmail } from '@/lib/auth/rules'

// Single sign-on through any OIDC provider. The provider's claims may set role and team
// (OIDC_ROLE_CLAIM / OIDC_TEAM_CLAIM, values mapped by OIDC_ROLE_MAP); without them a new user
// starts as OIDC_DEFAULT_ROLE and an existing user keeps what an admin gave them.

export function parseRoleMap(raw: string): Map<string, RoleName> {
  const map = new Map<string, RoleName>()
  for (const pair of raw.split(',')) {
    const [from, to] = pair.split('=').map((s) => s?.trim())
    if (from && to && isRole(to.toUpperCase())) map.set(from.toLowerCase(), to.toUpperCase() as RoleName)
  }
  return map
}

/**
 * The role a claim value grants, or null when the claim is absent or maps to nothing. With a role
 * map, only mapped values count (an unrelated IdP group that happens to be called "admin" grants
 * nothing); without one, the claim must name a role itself.
 */
export function roleFromClaim(value: unknown, env: Pick<Env, 'OIDC_ROLE_MAP'>): RoleName | null {
  const values = Array.isArray(value) ? value : value == null ? [] : [value]
  const map = parseRoleMap(env.OIDC_ROLE_MAP)
  const granted = new Set<RoleName>()
  for (const v of values) {
    if (typeof v !== 'string') continue
    const s = v.trim()
    if (map.size === 0 && isRole(s.toUpperCase())) granted.add(s.toUpperCase() as RoleName)
    const mapped = map.get(s.toLowerCase())
    if (mapped) granted.add(mapped)
  }
  // Several groups: the highest role wins.
  for (const role of ['ADMIN', 'LEADER', 'EXPERT', 'DEVELOPER'] as const) if (granted.has(role)) return role
  return null
}

export interface SsoProfile {
  sub?: unknown
  email?: unknown
  name?: unknown
  [claim: string]: unknown
}

/**
 * Finds or creates the user for an SSO sign-in. Returns null when the account is disabled or the
 * profile lacks a subject or email (the sign-in is then refused).
 */
export async function syncSsoUser(profile: SsoProfile) {
  const env = getEnv()
  const sub = typeof profile.sub === 'string' ? profile.sub : null
  const email = typeof profile.email === 'string' ? normaliseEmail(profile.email) : null
  if (!sub || !email) return null
  // An address the provider has not verified could be anyone's: never sign in or link with it.
  const verified = profile.email_verified === true || profile.email_verified === 'true'
  const name = typeof profile.name === 'string' && profile.name.trim() ? profile.name.trim().slice(0, 120) : email
  const claimedRole = roleFromClaim(profile[env.OIDC_ROLE_CLAIM], env)
  const teamClaim = profile[env.OIDC_TEAM_CLAIM]
  const team =
    typeof teamClaim === 'string' && teamClaim.trim()
      ? await db.team.findFirst({ where: { OR: [{ slug: teamClaim.trim().toLowerCase() }, { name: teamClaim.trim() }] }, select: { id: true } })
      : null

  const select = { id: true, role: true, teamId: true, active: true, ssoSubject: true, sessionVersion: true, email: true, passwordHash: true } as const
  // The subject is the identity; the email only links an account that has no subject yet.
  const bySubject = await db.user.findUnique({ where: { ssoSubject: sub }, select })
  const byEmail = bySubject ? null : await db.user.findUnique({ where: { email }, select })
  const existing = bySubject ?? byEmail
  if (!bySubject && !verified) return null
  if (existing && !existing.active) return null
  if (byEmail && byEmail.ssoSubject) return null // the email belongs to another identity
  // Linking a password account by email hands it to whoever controls that address at the IdP:
  // only when the operator says the IdP is authoritative for its addresses.
  if (byEmail && byEmail.passwordHash && !env.OIDC_LINK_PASSWORD_ACCOUNTS) return null

  if (!existing) {
    const created = await db.user.create({
      data: { email, name, role: claimedRole ?? env.OIDC_DEFAULT_ROLE, ssoSubject: sub, teamId: team?.id ?? null },
      select: { id: true, email: true, name: true, role: true, sessionVersion: true },
    })
    await recordAudit({ id: created.id, email }, { action: 'user.sso.provision', entityType: 'User', entityId: created.id, summary: { role: created.role } })
    return created
  }

  const changes: { ssoSubject?: string; role?: RoleName; teamId?: string; sessionVersion?: { increment: number } } = {}
  if (!existing.ssoSubject) changes.ssoSubject = sub
  if (claimedRole && claimedRole !== existing.role) changes.role = claimedRole
  if (team && team.id !== existing.teamId) changes.teamId = team.id
  const updated = await db.user.update({
    where: { id: existing.id },
    data: { ...changes, ...(Object.keys(changes).length ? { version: { increment: 1 } } : {}) },
    select: { id: true, email: true, name: true, role: true, sessionVersion: true },
  })
  if (Object.keys(changes).length) {
    await recordAudit({ id: existing.id, email }, {
      action: 'user.sso.sync',
      entityType: 'User',
      entityId: existing.id,
      summary: { before: { role: existing.role, teamId: existing.teamId }, after: { role: updated.role, teamId: changes.teamId ?? existing.teamId } },
    })
  }
  return updated
}
