import 'server-only'
import { db } from '@/lib/db'
import { TOKEN_PREFIX, generateToken, hashToken } from '@/lib/auth/token-format'
import { insertApiToken, type IssueTokenInput } from '@/lib/auth/token-store'
import { assertCan, can } from '@/lib/auth/permissions'
import { ForbiddenError } from '@/lib/errors'
import type { SessionUser } from '@/lib/auth/session'

// API tokens: 256 random bits, shown once, stored only as SHA-256 (a fast hash is right for
// high-entropy secrets; nothing to brute-force). Requests act with the owner's current role.

export { generateToken, hashToken }

/**
 * tokens.own. Issues a token for the user themselves (admins with admin.users may issue for others).
 * Errors: FORBIDDEN.
 */
export async function createApiToken(user: SessionUser, input: IssueTokenInput): Promise<{ token: string; id: string }> {
  assertCan(user, 'tokens.own')
  if (input.userId !== user.id && !can(user, 'admin.users')) throw new ForbiddenError('You can only create API tokens for yourself.')
  return insertApiToken(db, { id: user.id, email: user.email }, input)
}

export interface TokenOwner {
  tokenId: string
  scope: 'READ' | 'WRITE'
  userId: string
}

/** The token's owner if the token is valid, unrevoked and unexpired; null otherwise. */
export async function verifyApiToken(token: string): Promise<TokenOwner | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, scope: true, userId: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  })
  if (!row || !isLiveToken(row)) return null
  await noteTokenUse(row.id, row.lastUsedAt)
  return { tokenId: row.id, scope: row.scope, userId: row.userId }
}

/** Not revoked and not expired. The one rule every token lookup applies. */
export function isLiveToken(row: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): boolean {
  return !row.revokedAt && !(row.expiresAt && row.expiresAt < now)
}

/** Records the last use at minute precision: one write per token per minute at most. */
export async function noteTokenUse(tokenId: string, lastUsedAt: Date | null): Promise<void> {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() <= 60_000) return
  await db.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: new Date() } }).catch(() => {})
}
