import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { hashPassword } from '@/lib/auth/password'
import { authenticateWithPassword } from '@/lib/auth/login'
import { LOGIN_LIMIT, accountKey } from '@/lib/auth/rules'

const PASSWORD = 'a perfectly fine passphrase'

beforeAll(async () => {
  const passwordHash = await hashPassword(PASSWORD)
  await db.user.createMany({
    data: [
      { email: 'ana@example.com', name: 'Ana', role: 'LEADER', passwordHash },
      { email: 'off@example.com', name: 'Off', role: 'DEVELOPER', passwordHash, active: false },
      { email: 'sso@example.com', name: 'Sso', role: 'DEVELOPER', passwordHash: null, ssoSubject: 'sub-1' },
    ],
  })
})

let n = 0
const addr = () => `198.51.100.${++n}`

describe('password sign-in', () => {
  it('accepts the right password, case-insensitively on the email, and returns the role', async () => {
    const r = await authenticateWithPassword({ email: '  ANA@Example.com ', password: PASSWORD, address: addr() })
    expect(r).toMatchObject({ ok: true, user: { email: 'ana@example.com', role: 'LEADER' } })
  })

  it('gives the same answer for a wrong password, an unknown email, a disabled account and an SSO-only account', async () => {
    const results = await Promise.all([
      authenticateWithPassword({ email: 'ana@example.com', password: 'wrong password!', address: addr() }),
      authenticateWithPassword({ email: 'nobody@example.com', password: PASSWORD, address: addr() }),
      authenticateWithPassword({ email: 'off@example.com', password: PASSWORD, address: addr() }),
      authenticateWithPassword({ email: 'sso@example.com', password: PASSWORD, address: addr() }),
    ])
    for (const r of results) expect(r).toEqual({ ok: false, reason: 'invalid' })
  })

  it('rejects empty and absurdly long input before hashing anything, without recording an attempt', async () => {
    const before = await db.loginFailure.count()
    expect(await authenticateWithPassword({ email: '', password: 'x', address: addr() })).toEqual({ ok: false, reason: 'invalid' })
    expect(await authenticateWithPassword({ email: 'ana@example.com', password: 'x'.repeat(5000), address: addr() })).toEqual({ ok: false, reason: 'invalid' })
    expect(await db.loginFailure.count()).toBe(before)
  })

  it('holds the limit against a burst of parallel attempts on one account', async () => {
    const email = 'burst.target@example.com'
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => authenticateWithPassword({ email, password: `guess-number-${i}`, address: addr() })),
    )
    const limited = results.filter((r) => !r.ok && r.reason === 'rate_limited').length
    expect(limited).toBeGreaterThanOrEqual(24 - LOGIN_LIMIT.maxFailures)
  })

  it('refuses the 11th failed attempt on one account within a minute, even with the right password, from any address', async () => {
    const email = 'ana@example.com'
    await db.loginFailure.deleteMany({ where: { accountKey: accountKey(email) } })
    for (let i = 0; i < LOGIN_LIMIT.maxFailures; i++) {
      expect(await authenticateWithPassword({ email, password: `wrong-${i}-xxxx`, address: addr() })).toEqual({ ok: false, reason: 'invalid' })
    }
    expect(await authenticateWithPassword({ email, password: PASSWORD, address: addr() })).toEqual({ ok: false, reason: 'rate_limited' })
    // The window passes: failures older than a minute no longer count.
    await db.loginFailure.updateMany({ where: { accountKey: accountKey(email) }, data: { at: new Date(Date.now() - LOGIN_LIMIT.windowMs - 1000) } })
    expect(await authenticateWithPassword({ email, password: PASSWORD, address: addr() })).toMatchObject({ ok: true })
    // A success clears the account's failures.
    expect(await db.loginFailure.count({ where: { accountKey: accountKey(email) } })).toBe(0)
  })

  it('limits one address that tries many accounts, and says the same for accounts that do not exist', async () => {
    const address = '203.0.113.77'
    for (let i = 0; i < LOGIN_LIMIT.maxFailures; i++) {
      await authenticateWithPassword({ email: `guess${i}@example.com`, password: 'nope nope nope', address })
    }
    expect(await authenticateWithPassword({ email: 'ana@example.com', password: PASSWORD, address })).toEqual({ ok: false, reason: 'rate_limited' })
    expect(await authenticateWithPassword({ email: 'ghost@example.com', password: PASSWORD, address })).toEqual({ ok: false, reason: 'rate_limited' })
    // Another address is not affected.
    expect(await authenticateWithPassword({ email: 'ana@example.com', password: PASSWORD, address: addr() })).toMatchObject({ ok: true })
  })

  it('stores failures under a hash, never the email itself', async () => {
    await authenticateWithPassword({ email: 'ana@example.com', password: 'wrong wrong wrong', address: addr() })
    const rows = await db.$queryRaw<Array<{ accountKey: string }>>`SELECT "accountKey" FROM "LoginFailure"`
    expect(rows.length).toBeGreaterThan(0)
    for (const r of rows) expect(r.accountKey).toMatch(/^[0-9a-f]{64}$/)
  })
})
