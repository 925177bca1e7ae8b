import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'
import { generateToken, hashToken } from '@/lib/auth/token-format'

// Issuing an API token: shared by the app (lib/auth/tokens.ts, which authorises) and the
// `npm run token` CLI (an operator on the server). No authorisation here: callers decide.

export interface IssueTokenInput {
  userId: string
  name: string
  scope?: 'READ' | 'WRITE'
  expiresAt?: Date | null
}

/** Inserts the token's hash and an audit entry; returns the token, which is never shown again. */
export async function insertApiToken(client: PrismaClient, actor: { id: string | null; email: string }, input: IssueTokenInput): Promise<{ token: string; id: string }> {
  const token = generateToken()
  const scope = input.scope ?? 'WRITE'
  const id = await client.$transaction(async (tx: Prisma.TransactionClient) => {
    const created = await tx.apiToken.create({
      data: { userId: input.userId, name: input.name, scope, prefix: token.slice(0, 10), tokenHash: hashToken(token), expiresAt: input.expiresAt ?? null },
      select: { id: true },
    })
    await tx.auditLog.create({
      data: { actorId: actor.id, actorLabel: actor.email, action: 'token.create', entityType: 'ApiToken', entityId: created.id, summary: { userId: input.userId, name: input.name, scope } },
    })
    return created.id
  })
  return { token, id }
}
