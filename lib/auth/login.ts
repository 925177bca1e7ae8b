import 'server-only'
import { db } from '@/lib/db'
import { dummyPasswordHash, verifyPassword } from '@/lib/auth/password'
import { clearAccountFailures, pruneLoginFailures, registerAttempt, withdrawAttempt } from '@/lib/auth/rate-limit'
import { accountKey, normaliseEmail, secondFactorRequired } from '@/lib/auth/rules'
import { consumeSecondFactorCode, getAuthPolicy } from '@/lib/auth/second-factor'
import type { RoleName } from '@/lib/auth/permissions'

export type LoginResult =
  | { ok: true; user: { id: string; email: string; name: string; role: RoleName; sessionVersion: number; secondFactorPending: boolean } }
  | { ok: false; reason: 'invalid' | 'rate_limited' | 'second_factor_needed' | 'second_factor_invalid' }

// One outcome for unknown email, wrong password and disabled account (the sign-in page shows one
// message for it: lib/auth/sign-in.ts), and the same work on every path (a hash is always
// verified), so neither the text nor the timing tells whether an account exists.
//
// Second factor (decision 0011): only after the right password does the answer say whether a code
// is needed ('second_factor_needed') or wrong ('second_factor_invalid'), so it tells nothing to
// someone without the password. A wrong code stays recorded as a failed attempt (the same
// per-account and per-address limit as passwords); a missing code withdraws its attempt; only a
// complete sign-in clears the account's failures.

export async function authenticateWithPassword(input: {
  email: string
  password: string
  /** TOTP code or recovery code, when the form asked for it. */
  code?: string | null
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
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionVersion: true, secondFactor: { select: { enabledAt: true } } },
  })
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()))
  if (!user || !user.passwordHash || !valid || !user.active) {
    await pruneLoginFailures()
    return { ok: false, reason: 'invalid' }
  }
  const { secondFactor, passwordHash: _p, active: _a, ...who } = user
  let secondFactorPending = false
  if (secondFactor?.enabledAt) {
    const code = (input.code ?? '').trim()
    if (!code) {
      await withdrawAttempt(attempt.id)
      return { ok: false, reason: 'second_factor_needed' }
    }
    if (code.length > 32 || !(await consumeSecondFactorCode({ id: user.id, email: user.email }, code, { allowRecovery: true, address: input.address }))) {
      return { ok: false, reason: 'second_factor_invalid' }
    }
  } else {
    secondFactorPending = secondFactorRequired({ policy: await getAuthPolicy(), role: user.role, method: 'password' })
  }
  await clearAccountFailures(key)
  return { ok: true, user: { ...who, secondFactorPending } }
}
