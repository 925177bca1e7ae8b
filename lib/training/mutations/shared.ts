import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { SessionUser } from '@/lib/auth/session'
import { NotFoundError, ValidationError } from '@/lib/errors'
import { conflict } from '@/lib/training/rules'
import type { ModuleStatus } from '@/lib/training/schemas'

export type Tx = Prisma.TransactionClient

export const MODULE_FIELDS = ['title', 'summary', 'kind', 'tags', 'audience', 'estimatedMinutes', 'body', 'validatedModelIds'] as const
export type ModuleField = (typeof MODULE_FIELDS)[number]

export const LOCKED_SELECT = {
  id: true,
  slug: true,
  ownerId: true,
  status: true,
  title: true,
  summary: true,
  kind: true,
  tags: true,
  audience: true,
  estimatedMinutes: true,
  body: true,
  validatedModelIds: true,
  latestVersion: true,
  version: true,
  submittedById: true,
  lastEditedById: true,
  retiredAt: true,
} as const

export type LockedModule = Prisma.TrainingModuleGetPayload<{ select: typeof LOCKED_SELECT }> & { status: ModuleStatus }

export async function loadModule(tx: Tx, slug: string): Promise<LockedModule> {
  const row = await tx.trainingModule.findUnique({ where: { slug }, select: LOCKED_SELECT })
  if (!row) throw new NotFoundError('No training module at this address.')
  return row as LockedModule
}

export function actorOf(user: SessionUser) {
  return { id: user.id, email: user.email }
}

function same(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** The fields whose values differ between two versions of the draft. */
export function changedFields(before: Partial<Record<ModuleField, unknown>>, after: Partial<Record<ModuleField, unknown>>): ModuleField[] {
  return MODULE_FIELDS.filter((f) => f in after && !same(before[f], after[f]))
}

/**
 * Compare-and-set on the module's lock version. When someone else saved first, the error names
 * what they changed relative to what this person submitted, and carries the current values.
 */
export async function compareAndSet(tx: Tx, module: LockedModule, expectedVersion: number, data: Prisma.TrainingModuleUncheckedUpdateManyInput, submitted: Partial<Record<ModuleField, unknown>> = {}) {
  const { count } = await tx.trainingModule.updateMany({ where: { id: module.id, version: expectedVersion }, data: { ...data, version: { increment: 1 } } })
  if (count === 0) {
    const current = await loadModule(tx, module.slug)
    const theirs = changedFields(submitted, current).filter((f) => f in submitted)
    throw conflict(theirs).withDetails({
      currentVersion: current.version,
      status: current.status,
      changed: theirs.map((field) => ({ field, current: current[field], yours: submitted[field] })),
    })
  }
  return expectedVersion + 1
}

/** Every id must name an existing model version. */
export async function assertModelsExist(tx: Tx, ids: string[]) {
  if (ids.length === 0) return
  const found = await tx.modelVersion.count({ where: { id: { in: ids } } })
  if (found !== ids.length) throw new ValidationError('Some fields need attention.', { validatedModelIds: ['Unknown model version.'] })
}
