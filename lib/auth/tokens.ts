import 'server-only'
import { db } from '@/lib/db'
import { recordAudit, type AuditActor } from '@/lib/audit'
import { TOKEN_PREFIX, generateToken, hashToken } from '@/lib/auth/token-format'

// API tokens: 256 random bits, shown once, stored only as SHA-256 (a fast hash is right for
// high-entropy secrets; nothing to brute-force). Requests act with the owner's current role.

export { generateToken, hashToken }

export async function createApiToken(
  actor: AuditActor,
  input: { userId: string; name: string; scope?: 'READ' | 'WRITE'; expiresAt?: Date | null },
): Promise<{ token: string; id: string }> {
  const token = generateToken()
  const row = await db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId: input.userId,
        name: input.name,
        scope: input.scope ?? 'WRITE',
        prefix: token.slice(0, 10),
        tokenHash: hashToken(token),
        expiresAt: input.expiresAt ?? null,
      },
      select: { id: true },
    })
    await recordAudit(
      actor,
      { action: 'token.create', entityType: 'ApiToken', entityId: created.id, summary: { userId: input.userId, name: input.name, scope: input.scope ?? 'WRITE' } },
      tx,
    )
    return created
  })
  return { token, id: row.id }
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
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt < new Date())) return null
  // last-used at minute precision: one write per token per minute at most.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => {})
  }
  return { tokenId: row.id, scope: row.scope, userId: row.userId }
}
