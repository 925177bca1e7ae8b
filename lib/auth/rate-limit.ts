import 'server-only'
import { db } from '@/lib/db'
import { LOGIN_LIMIT } from '@/lib/auth/rules'

// Failed sign-ins counted in PostgreSQL, so the limit holds across every instance of the app.

export async function loginBlocked(key: string, address: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - LOGIN_LIMIT.windowMs)
  const [byAccount, byAddress] = await Promise.all([
    db.loginFailure.count({ where: { accountKey: key, at: { gte: since } } }),
    db.loginFailure.count({ where: { address, at: { gte: since } } }),
  ])
  return byAccount >= LOGIN_LIMIT.maxFailures || byAddress >= LOGIN_LIMIT.maxFailures
}

export async function recordLoginFailure(key: string, address: string): Promise<void> {
  await db.loginFailure.create({ data: { accountKey: key, address } })
  // Keep the table small: failures older than a day no longer matter to any window.
  if (Math.random() < 0.02) {
    await db.loginFailure.deleteMany({ where: { at: { lt: new Date(Date.now() - 86_400_000) } } })
  }
}

export async function clearAccountFailures(key: string): Promise<void> {
  await db.loginFailure.deleteMany({ where: { accountKey: key } })
}
