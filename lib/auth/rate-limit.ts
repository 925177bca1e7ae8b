import 'server-only'
import { db } from '@/lib/db'
import { LOGIN_LIMIT } from '@/lib/auth/rules'

// Failed sign-ins counted in PostgreSQL, so the limit holds across every instance of the app.

/**
 * Records the attempt first, as a failure, and only then counts: a burst of parallel attempts
 * cannot all pass a check made before any of them was written. Returns the attempt's id (to
 * withdraw it on success) and whether the limit is exceeded, counting this attempt.
 */
export async function registerAttempt(key: string, address: string, now = new Date()): Promise<{ id: bigint; blocked: boolean }> {
  const { id } = await db.loginFailure.create({ data: { accountKey: key, address, at: now }, select: { id: true } })
  const since = new Date(now.getTime() - LOGIN_LIMIT.windowMs)
  const [byAccount, byAddress] = await Promise.all([
    db.loginFailure.count({ where: { accountKey: key, at: { gte: since } } }),
    db.loginFailure.count({ where: { address, at: { gte: since } } }),
  ])
  return { id, blocked: byAccount > LOGIN_LIMIT.maxFailures || byAddress > LOGIN_LIMIT.maxFailures }
}

export async function pruneLoginFailures(): Promise<void> {
  // Keep the table small: failures older than a day no longer matter to any window.
  if (Math.random() < 0.02) {
    await db.loginFailure.deleteMany({ where: { at: { lt: new Date(Date.now() - 86_400_000) } } })
  }
}

/** A successful sign-in withdraws its own attempt and clears the account's failures. */
export async function clearAccountFailures(key: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { accountKey: key } })
}

/** Takes back one attempt that turned out not to be a failure (a right password awaiting its code). */
export async function withdrawAttempt(id: bigint): Promise<void> {
  await db.loginFailure.deleteMany({ where: { id } })
}
