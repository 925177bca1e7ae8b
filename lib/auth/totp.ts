import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

// TOTP (RFC 6238 over RFC 4226 HOTP): HMAC-SHA-1, 30-second steps, 6 digits, one step of clock
// drift either way. Pure (node:crypto only): unit-tested against the RFC's test vectors.

export const TOTP = { stepSeconds: 30, digits: 6, window: 1, secretBytes: 20 } as const

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const b of bytes) {
    value = (value << 8) | b
    bits += 8
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31]
  return out
}

/** Decodes base32 (case, spaces and padding ignored); null when a character is not base32. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase()
  let bits = 0
  let value = 0
  const out: number[] = []
  for (const ch of clean) {
    const idx = BASE32.indexOf(ch)
    if (idx < 0) return null
    value = ((value << 5) | idx) & 0xffff
    bits += 5
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff)
      bits -= 8
    }
  }
  return Buffer.from(out)
}

/** A fresh 160-bit secret (RFC 4226 recommends the HMAC's output length). */
export function generateTotpSecret(): Buffer {
  return randomBytes(TOTP.secretBytes)
}

/** RFC 4226 HOTP value for a counter. `algorithm` is only varied by the RFC 6238 test vectors. */
export function hotp(secret: Uint8Array, counter: number, digits: number = TOTP.digits, algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1'): string {
  const msg = Buffer.alloc(8)
  msg.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac(algorithm, secret).update(msg).digest()
  const offset = mac[mac.length - 1] & 0x0f
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3]
  return String(binary % 10 ** digits).padStart(digits, '0')
}

export function timeStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP.stepSeconds)
}

export function totp(secret: Uint8Array, nowMs: number): string {
  return hotp(secret, timeStep(nowMs))
}

/** True when the input looks like a TOTP code (6 digits; spaces allowed, as apps show "123 456"). */
export function normaliseTotpCode(input: string): string | null {
  const digits = input.replace(/\s/g, '')
  return /^\d{6}$/.test(digits) ? digits : null
}

/**
 * The time step the code matches, within ±1 step of now and after `lastStep` (a step already
 * used is never accepted again, whichever code it was); null otherwise.
 */
export function matchTotp(secret: Uint8Array, code: string, nowMs: number, lastStep: number | null): number | null {
  const clean = normaliseTotpCode(code)
  if (!clean) return null
  const current = timeStep(nowMs)
  let found: number | null = null
  // Check every candidate (no early exit), compare in constant time.
  for (let step = current - TOTP.window; step <= current + TOTP.window; step++) {
    const ok = timingSafeEqual(Buffer.from(hotp(secret, step)), Buffer.from(clean))
    if (ok && found === null && (lastStep === null || step > lastStep)) found = step
  }
  return found
}

/** The otpauth:// URI authenticator apps read (Key Uri Format): issuer and account shown in the app. */
export function otpauthUri(secret: Uint8Array, account: string, issuer = 'Paceline'): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`
  const params = new URLSearchParams({ secret: base32Encode(secret), issuer, algorithm: 'SHA1', digits: String(TOTP.digits), period: String(TOTP.stepSeconds) })
  return `otpauth://totp/${label}?${params}`
}

/** The secret grouped in fours for typing by hand. */
export function formatSecretForDisplay(secret: Uint8Array): string {
  return base32Encode(secret).replace(/(.{4})/g, '$1 ').trim()
}
