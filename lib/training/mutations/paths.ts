import 'server-only'
import type { z } from 'zod'
import { db } from '@/lib/db'
import { recordAudit } from '@/lib/audit'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { parseInput } from '@/lib/action-result'
import { ValidationError } from '@/lib/errors'
import { conflict } from '@/lib/training/rules'
import { updatePathSchema } from '@/lib/training/schemas'
import { actorOf } from './shared'

/** training.author. Replaces a stage's ordered learning path (published modules only). Errors: INVALID_INPUT, CONFLICT. */
export async function updateLearningPath(user: SessionUser, raw: z.input<typeof updatePathSchema>) {
  assertCan(user, 'training.author')
  const input = parseInput(updatePathSchema, raw)
  const slugs = [...new Set(input.modules)]
  return db.$transaction(async (tx) => {
    const modules = await tx.trainingModule.findMany({ where: { slug: { in: slugs }, latestVersion: { gt: 0 }, retiredAt: null }, select: { id: true, slug: true } })
    const bySlug = new Map(modules.map((m) => [m.slug, m.id]))
    const missing = slugs.filter((s) => !bySlug.has(s))
    if (missing.length) throw new ValidationError('Some fields need attention.', { modules: [`Not a published module: ${missing.join(', ')}`] })
    let path = await tx.learningPath.findUnique({ where: { stage: input.stage }, select: { id: true, version: true } })
    if (!path) {
      path = await tx.learningPath.create({ data: { stage: input.stage, title: input.title, description: input.description }, select: { id: true, version: true } })
    } else {
      const { count } = await tx.learningPath.updateMany({
        where: { id: path.id, ...(input.version === undefined ? {} : { version: input.version }) },
        data: { title: input.title, description: input.description ?? null, version: { increment: 1 } },
      })
      if (count === 0) throw conflict([])
    }
    await tx.learningPathItem.deleteMany({ where: { pathId: path.id } })
    await tx.learningPathItem.createMany({ data: slugs.map((slug, position) => ({ pathId: path.id, moduleId: bySlug.get(slug)!, position })) })
    await recordAudit(actorOf(user), { action: 'training.path.update', entityType: 'LearningPath', entityId: path.id, summary: { stage: input.stage, modules: slugs } }, tx)
    return { stage: input.stage, modules: slugs }
  })
}
