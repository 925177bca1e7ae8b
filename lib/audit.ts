import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { db } from '@/lib/db'

// The audit log is insert-only: there is no update or delete path for it anywhere in the app.

export interface AuditActor {
  id: string | null
  email: string
}

export const SYSTEM_ACTOR: AuditActor = { id: null, email: 'system' }

export interface AuditEntry {
  action: string
  entityType: string
  entityId?: string | null
  summary?: Prisma.InputJsonValue
  address?: string | null
}

type Tx = Pick<Prisma.TransactionClient, 'auditLog'>

export async function recordAudit(actor: AuditActor, entry: AuditEntry, tx: Tx = db): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      actorLabel: actor.email,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      summary: entry.summary,
      address: entry.address ?? null,
    },
  })
}
