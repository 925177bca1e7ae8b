import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { z } from 'zod'
import { COMMON_PASSWORDS } from '@/lib/auth/common-passwords'

// Passwords: 8+ characters, up to 128 (64+ allowed, as NIST SP 800-63B asks), no composition rules,
// common passwords refused, hashed with scrypt (memory-hard; in Node's standard library).

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters.` })
  .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.` })
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), { error: 'This password is too common. Choose another.' })

// N=2^15, r=8: 32 MiB and ~50-100 ms per hash on these machines.
const PARAMS = { N: 32768, r: 8, p: 1, keylen: 32 }
const MAXMEM = 64 * 1024 * 1024

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  )
}

/** Format: scrypt$N$r$p$saltB64$hashB64 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, PARAMS.keylen, { N: PARAMS.N, r: PARAMS.r, p: PARAMS.p, maxmem: MAXMEM })
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [, n, r, p, saltB64, hashB64] = parts
  const expected = Buffer.from(hashB64, 'base64')
  const key = await scrypt(password.slice(0, PASSWORD_MAX * 4), Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: MAXMEM,
  })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

// Verified against when the account does not exist, so that both paths cost the same time.
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString('base64'))
  return dummyHash
}
