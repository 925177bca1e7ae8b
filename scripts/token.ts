import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { createPool } from '@/lib/database/pool'
import { openDatabase } from '@/lib/database/open'
import { normaliseEmail } from '@/lib/auth/rules'
import { generateToken, hashToken } from '@/lib/auth/token-format'
import { argValue, log, run } from './cli'

// npm run token -- --email <email> [--name <label>] [--scope read|write] [--days <n>]
// Prints a new API token on its last line. Only its SHA-256 is stored; it cannot be shown again.
run(async () => {
  const email = argValue('email')
  if (!email) throw new Error('usage: npm run token -- --email <email> [--name <label>] [--scope read|write] [--days <n>]')
  const scopeArg = (argValue('scope') ?? 'write').toUpperCase()
  if (scopeArg !== 'READ' && scopeArg !== 'WRITE') throw new Error('--scope must be read or write')
  const daysArg = argValue('days')
  const days = daysArg === undefined ? null : Number(daysArg)
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > 3650)) throw new Error('--days must be a whole number from 1 to 3650')
  const name = (argValue('name') ?? 'cli').slice(0, 80)

  const db = await openDatabase(log)
  const pool = createPool(db.url, { max: 2 })
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) })
  try {
    const user = await prisma.user.findUnique({ where: { email: normaliseEmail(email) }, select: { id: true, email: true, role: true, active: true } })
    if (!user) throw new Error(`no user with email ${normaliseEmail(email)}`)
    if (!user.active) throw new Error(`${user.email} is disabled; enable the account first`)
    const token = generateToken()
    await prisma.$transaction(async (tx) => {
      const row = await tx.apiToken.create({
        data: {
          userId: user.id,
          name,
          scope: scopeArg,
          prefix: token.slice(0, 10),
          tokenHash: hashToken(token),
          expiresAt: days ? new Date(Date.now() + days * 86_400_000) : null,
        },
      })
      await tx.auditLog.create({
        data: { actorLabel: 'cli', action: 'token.create', entityType: 'ApiToken', entityId: row.id, summary: { userId: user.id, name, scope: scopeArg } },
      })
    })
    log(`token for ${user.email} (${user.role}, scope ${scopeArg.toLowerCase()}${days ? `, expires in ${days} days` : ''}); it is shown only once:`)
    process.stdout.write(`${token}\n`)
  } finally {
    await prisma.$disconnect().catch(() => {})
    await pool.end().catch(() => {})
    await db.stop()
  }
})
