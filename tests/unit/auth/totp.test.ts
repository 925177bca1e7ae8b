import { describe, expect, it } from 'vitest'
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, timeStep, totp } from '@/lib/auth/totp'
import { openSecret, sealSecret } from '@/lib/auth/secret-box'
import { generateRecoveryCodes, hashRecoveryCode, normaliseRecoveryCode } from '@/lib/auth/recovery-codes'

const SHA1_SEED = Buffer.from('12345678901234567890', 'ascii')
const SHA256_SEED = Buffer.from('12345678901234567890123456789012', 'ascii')
const SHA512_SEED = Buffer.from('1234567890'.repeat(6) + '1234', 'ascii')

describe('HOTP (RFC 4226, appendix D)', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489']
  it.each(expected.map((code, counter) => [counter, code]))('counter %i -> %s', (counter, code) => {
    expect(hotp(SHA1_SEED, counter)).toBe(code)
  })
})

describe('TOTP (RFC 6238, appendix B: 8 digits, 30 s steps)', () => {
  it.each([
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ])('T = %i s', (seconds, sha1, sha256, sha512) => {
    const step = timeStep(seconds * 1000)
    expect(hotp(SHA1_SEED, step, 8, 'sha1')).toBe(sha1)
    expect(hotp(SHA256_SEED, step, 8, 'sha256')).toBe(sha256)
    expect(hotp(SHA512_SEED, step, 8, 'sha512')).toBe(sha512)
  })

  it('uses 6 digits of SHA-1 for the app (the last 6 of the 8-digit vector)', () => {
    expect(totp(SHA1_SEED, 59_000)).toBe('287082')
    expect(totp(SHA1_SEED, 1111111109_000)).toBe('081804')
  })
})

describe('matching a code', () => {
  const now = 1_700_000_000_000
  const step = timeStep(now)
  it('accepts the current step and one either side, nothing further', () => {
    expect(matchTotp(SHA1_SEED, hotp(SHA1_SEED, step), now, null)).toBe(step)
    expect(matchTotp(SHA1_SEED, hotp(SHA1_SEED, step - 1), now, null)).toBe(step - 1)
    expect(matchTotp(SHA1_SEED, hotp(SHA1_SEED, step + 1), now, null)).toBe(step + 1)
    expect(matchTotp(SHA1_SEED, hotp(SHA1_SEED, step - 2), now, null)).toBeNull()
    expect(matchTotp(SHA1_SEED, hotp(SHA1_SEED, step + 2), now, null)).toBeNull()
  })

  it('never accepts a step already used (replay), nor an earlier one', () => {
    const code = hotp(SHA1_SEED, step)
    expect(matchTotp(SHA1_SEED, code, now, step)).toBeNull()
    expect(matchTotp(SHA1_SEED, hotp(SHA1_SEED, step - 1), now, step)).toBeNull()
    expect(matchTotp(SHA1_SEED, hotp(SHA1_SEED, step + 1), now, step)).toBe(step + 1)
  })

  it('accepts "123 456" spacing, refuses anything that is not 6 digits', () => {
    const code = hotp(SHA1_SEED, step)
    expect(matchTotp(SHA1_SEED, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(step)
    for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`, ` ${code}x`]) expect(matchTotp(SHA1_SEED, bad, now, null)).toBeNull()
  })
})

describe('base32 and the otpauth URI', () => {
  it('round-trips and matches RFC 4648 test vectors', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI')
    expect(base32Encode(Buffer.from('f'))).toBe('MY')
    expect(base32Decode('mzxw 6ytb oi======')?.toString()).toBe('foobar')
    expect(base32Decode('MZXW1')).toBeNull()
    expect(base32Decode(base32Encode(SHA1_SEED))).toEqual(SHA1_SEED)
  })

  it('names the issuer, account and the algorithm apps must use', () => {
    const uri = new URL(otpauthUri(SHA1_SEED, 'ana@example.com'))
    expect(uri.protocol).toBe('otpauth:')
    expect(uri.host).toBe('totp')
    expect(decodeURIComponent(uri.pathname)).toBe('/Paceline:ana@example.com')
    expect(Object.fromEntries(uri.searchParams)).toEqual({ secret: base32Encode(SHA1_SEED), issuer: 'Paceline', algorithm: 'SHA1', digits: '6', period: '30' })
  })
})

describe('secrets at rest', () => {
  const key = 'test-app-secret-0123456789abcdefghijklmnop'
  it('opens only with the same app secret and for the same user', () => {
    const sealed = sealSecret(SHA1_SEED, key, 'user-1')
    expect(sealed).not.toContain(base32Encode(SHA1_SEED))
    expect(openSecret(sealed, key, 'user-1')).toEqual(SHA1_SEED)
    expect(openSecret(sealed, key, 'user-2')).toBeNull()
    expect(openSecret(sealed, `${key}x`, 'user-1')).toBeNull()
    const parts = sealed.split('.')
    parts[2] = Buffer.from(Buffer.from(parts[2], 'base64url').map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64url')
    expect(openSecret(parts.join('.'), key, 'user-1')).toBeNull()
    expect(sealSecret(SHA1_SEED, key, 'user-1')).not.toBe(sealed) // fresh IV each time
  })
})

describe('recovery codes', () => {
  it('gives ten distinct codes that normalise and hash the same however they are typed', () => {
    const codes = generateRecoveryCodes()
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
    const c = codes[0]
    expect(hashRecoveryCode(c.toUpperCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(c))
    expect(normaliseRecoveryCode('123456')).toBeNull()
  })
})
