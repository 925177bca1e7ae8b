import { describe, expect, it } from 'vitest'
import { accountKey, clientAddress, normaliseEmail, sessionExpired } from '@/lib/auth/rules'
import { passwordSchema, hashPassword, verifyPassword } from '@/lib/auth/password'
import { parseRoleMap, roleFromClaim } from '@/lib/auth/sso'

describe('password policy', () => {
  it.each([
    ['seven77', false, 'Use at least 8 characters.'],
    ['eightchr', true, null],
    ['only lowercase words are fine', true, null],
    ['x'.repeat(64), true, null],
    ['x'.repeat(128), true, null],
    ['x'.repeat(129), false, 'Use at most 128 characters.'],
    ['password123', false, 'This password is too common. Choose another.'],
    ['PassWord123', false, 'This password is too common. Choose another.'],
    ['qwertyuiop', false, 'This password is too common. Choose another.'],
    ['🙂🙂🙂🙂🙂🙂🙂🙂', true, null],
  ])('%j -> %s', (pw, ok, message) => {
    const r = passwordSchema.safeParse(pw)
    expect(r.success).toBe(ok)
    if (!ok && !r.success) expect(r.error.issues[0].message).toBe(message)
  })
})

describe('password hashing', () => {
  it('hashes with scrypt and a fresh salt, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse staple')
    const b = await hashPassword('correct horse staple')
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(a).not.toBe(b)
    expect(await verifyPassword('correct horse staple', a)).toBe(true)
    expect(await verifyPassword('correct horse stapl', a)).toBe(false)
    expect(await verifyPassword('correct horse staple', 'bcrypt$whatever')).toBe(false)
    expect(await verifyPassword('x', '')).toBe(false)
  })
})

describe('client address for rate limiting', () => {
  it.each([
    [null, 0, 'unknown'],
    ['10.0.0.5', 0, '10.0.0.5'],
    // Without trusted proxies, only the last hop (written by our server from the socket) counts.
    ['6.6.6.6, 10.0.0.5', 0, '10.0.0.5'],
    ['203.0.113.9, 10.0.0.5', 1, '203.0.113.9'],
    ['1.1.1.1, 203.0.113.9, 10.0.0.5', 1, '203.0.113.9'],
    ['10.0.0.5', 3, '10.0.0.5'],
  ])('%j with %i trusted proxies -> %s', (xff, trusted, expected) => {
    expect(clientAddress(xff, trusted)).toBe(expected)
  })
})

describe('accounts and sessions', () => {
  it('normalises emails and hashes the rate-limit key', () => {
    expect(normaliseEmail('  Dev@Example.COM ')).toBe('dev@example.com')
    expect(accountKey('Dev@Example.com')).toBe(accountKey('dev@example.com '))
    expect(accountKey('dev@example.com')).not.toContain('dev')
  })

  it('ends a session after its absolute lifetime, and refuses times from the future', () => {
    const now = Date.UTC(2026, 10, 24, 12)
    expect(sessionExpired({ authAt: now - 11 * 3600_000, now, absoluteHours: 12 })).toBe(false)
    expect(sessionExpired({ authAt: now - 13 * 3600_000, now, absoluteHours: 12 })).toBe(true)
    expect(sessionExpired({ authAt: Number.NaN, now, absoluteHours: 12 })).toBe(true)
    expect(sessionExpired({ authAt: now + 3600_000, now, absoluteHours: 12 })).toBe(true)
  })
})

describe('SSO role claims', () => {
  const env = { OIDC_ROLE_MAP: 'eng-leads=LEADER, platform-admins=admin, bogus=KING' }
  it('parses the map, ignoring unknown roles', () => {
    expect([...parseRoleMap(env.OIDC_ROLE_MAP)]).toEqual([
      ['eng-leads', 'LEADER'],
      ['platform-admins', 'ADMIN'],
    ])
  })
  it.each([
    [undefined, null],
    ['eng-leads', 'LEADER'],
    [['staff', 'eng-leads', 'platform-admins'], 'ADMIN'],
    [['staff', 'bogus'], null],
    // With a map, a value that merely spells a role grants nothing.
    ['admin', null],
    [['Leader', 'expert'], null],
    [42, null],
  ])('with a role map: %j -> %s', (claim, role) => {
    expect(roleFromClaim(claim, env)).toBe(role)
  })
  it.each([
    ['expert', 'EXPERT'],
    [['developer', 'LEADER'], 'LEADER'],
    ['eng-leads', null],
  ])('without a role map: %j -> %s', (claim, role) => {
    expect(roleFromClaim(claim, { OIDC_ROLE_MAP: '' })).toBe(role)
  })
})

describe('second factor and session rules', () => {
  it('requires a second factor only for leaders and admins signing in with a password, when the policy says so', async () => {
    const { secondFactorRequired } = await import('@/lib/auth/rules')
    const on = { requireSecondFactor: true }
    const off = { requireSecondFactor: false }
    expect(secondFactorRequired({ policy: on, role: 'ADMIN', method: 'password' })).toBe(true)
    expect(secondFactorRequired({ policy: on, role: 'LEADER', method: 'password' })).toBe(true)
    expect(secondFactorRequired({ policy: on, role: 'EXPERT', method: 'password' })).toBe(false)
    expect(secondFactorRequired({ policy: on, role: 'DEVELOPER', method: 'password' })).toBe(false)
    expect(secondFactorRequired({ policy: on, role: 'ADMIN', method: 'sso' })).toBe(false)
    expect(secondFactorRequired({ policy: off, role: 'ADMIN', method: 'password' })).toBe(false)
  })

  it('summarises a user agent as browser and system, without versions', async () => {
    const { browserSummary } = await import('@/lib/auth/rules')
    expect(browserSummary('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15')).toBe('Safari on macOS')
    expect(browserSummary('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0')).toBe('Edge on Windows')
    expect(browserSummary('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox on Linux')
    expect(browserSummary('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1')).toBe('Chrome on iOS')
    expect(browserSummary('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36')).toBe('Chrome on Android')
    expect(browserSummary('curl/8.5.0')).toBe('curl')
    expect(browserSummary(null)).toBe('Unknown browser')
  })
})
