import { createHash, randomBytes } from 'node:crypto'

// API token format and hashing (no database: shared by the app and the `npm run token` CLI).

export const TOKEN_PREFIX = 'pl_'

export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
}

/** Tokens carry 256 random bits, so a fast hash is right: there is nothing to brute-force. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
