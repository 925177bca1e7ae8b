import 'server-only'
import { db } from '@/lib/db'
import { dummyPasswordHash, verifyPassword } from '@/lib/auth/password'
import { clearAccountFailures, pruneLoginFailures, registerAttempt } from '@/lib/auth/rate-limit'
import { accountKey, normaliseEmail } from '@/lib/auth/rules'
import type { RoleName } from '@/lib/auth/permissions'

export type LoginResult =
  | { ok: true; user: { id: string; email: string; name: string; role: RoleName; sessionVersion: number } }
  | { ok: false; reason: 'invalid' | 'rate_limited' }

// One outcome for unknown email, wrong password and disabled account (the sign-in page shows one
// message for it: lib/auth/sign-in.ts), and the same work on every path (a hash is always
// verified), so neither the text nor the timing tells whether an account exists.

export async function authenticateWithPassword(input: {
  email: string
  password: string
  address: string
}): Promise<LoginResult> {
  const email = normaliseEmail(input.email ?? '')
  const key = accountKey(email)
  if (!email || !input.password || input.password.length > 1024 || email.length > 320) {
    await verifyPassword('x', await dummyPasswordHash())
    return { ok: false, reason: 'invalid' }
  }
  const attempt = await registerAttempt(key, input.address)
  if (attempt.blocked) return { ok: false, reason: 'rate_limited' }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionVersion: true },
  })
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()))
  if (!user || !user.passwordHash || !valid || !user.active) {
    await pruneLoginFailures()
    return { ok: false, reason: 'invalid' }
  }
  await clearAccountFailures(key)
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  }
}
