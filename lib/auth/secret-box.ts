import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

// Second-factor secrets at rest: AES-256-GCM with a key derived from NEXTAUTH_SECRET by HKDF
// (its own "info", so it is never the key next-auth encrypts cookies with). A database dump alone
// does not reveal the secrets. Rotating NEXTAUTH_SECRET makes enrolled users enrol again (their
// recovery codes still work: they are hashed, not encrypted).

const INFO = 'paceline second-factor secret v1'
const PREFIX = 'v1'
let cached: { secret: string; key: Buffer } | undefined

function keyFor(appSecret: string): Buffer {
  if (cached?.secret !== appSecret) cached = { secret: appSecret, key: Buffer.from(hkdfSync('sha256', appSecret, '', INFO, 32)) }
  return cached.key
}

/** "v1.<iv>.<ciphertext>.<tag>" in base64url; `context` (the user id) is bound as associated data. */
export function sealSecret(plain: Uint8Array, appSecret: string, context: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFor(appSecret), iv)
  cipher.setAAD(Buffer.from(context, 'utf8'))
  const body = Buffer.concat([cipher.update(plain), cipher.final()])
  return [PREFIX, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.')
}

/** The secret, or null when the box was altered, moved to another user or sealed with another key. */
export function openSecret(sealed: string, appSecret: string, context: string): Buffer | null {
  const parts = sealed.split('.')
  if (parts.length !== 4 || parts[0] !== PREFIX) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(appSecret), Buffer.from(parts[1], 'base64url'))
    decipher.setAAD(Buffer.from(context, 'utf8'))
    decipher.setAuthTag(Buffer.from(parts[3], 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(parts[2], 'base64url')), decipher.final()])
  } catch {
    return null
  }
}
