import { createPrismaClient } from '@/lib/database/client'
import { openDatabase } from '@/lib/database/open'
import { normaliseEmail } from '@/lib/auth/rules'
import { insertApiToken } from '@/lib/auth/token-store'
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
  const { client: prisma, close } = createPrismaClient(db.url, 2)
  try {
    const user = await prisma.user.findUnique({ where: { email: normaliseEmail(email) }, select: { id: true, email: true, role: true, active: true } })
    if (!user) throw new Error(`no user with email ${normaliseEmail(email)}`)
    if (!user.active) throw new Error(`${user.email} is disabled; enable the account first`)
    const { token } = await insertApiToken(prisma, { id: null, email: 'cli' }, {
      userId: user.id,
      name,
      scope: scopeArg,
      expiresAt: days ? new Date(Date.now() + days * 86_400_000) : null,
    })
    log(`token for ${user.email} (${user.role}, scope ${scopeArg.toLowerCase()}${days ? `, expires in ${days} days` : ''}); it is shown only once:`)
    process.stdout.write(`${token}\n`)
  } finally {
    await close()
    await db.stop()
  }
})
