import { createHash, randomInt } from 'node:crypto'

// One-time recovery codes: ten per enrolment, shown once, stored as SHA-256 only. 12 characters
// from a 31-letter alphabet (about 59 random bits) make a fast hash safe, and every guess at sign-in
// counts toward the rate limit.

export const RECOVERY_CODE_COUNT = 10
// No 0/O, 1/I/L: codes are read off paper.
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    let s = ''
    for (let i = 0; i < 12; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
    return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`
  })
}

/** Lower case without separators or spaces; null when it cannot be a recovery code. */
export function normaliseRecoveryCode(input: string): string | null {
  const clean = input.replace(/[\s-]/g, '').toLowerCase()
  return /^[a-z0-9]{12}$/.test(clean) ? clean : null
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(`paceline-recovery:${normaliseRecoveryCode(code) ?? code}`).digest('hex')
}
