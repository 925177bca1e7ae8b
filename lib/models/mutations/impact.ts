import 'server-only'
import { needsRevalidation, skillSnapshots } from '@/lib/models/rules'
import type { Tx } from './shared'

// Impact of a model change: exactly the training modules and skills whose latest validation is on
// the old snapshot and not on the new one.

export interface ImpactItem { type: 'module' | 'skill'; id: string; ownerId: string; title: string; slug: string; snapshots: string[] }

export async function computeImpact(tx: Tx, fromSnapshot: string, toSnapshot: string): Promise<ImpactItem[]> {
  const modules = await tx.$queryRaw<Array<{ id: string; ownerId: string; title: string; slug: string; snapshots: string[] }>>`
    SELECT m.id::text AS id, m."ownerId"::text AS "ownerId", m.title, m.slug, array_agg(mv.snapshot ORDER BY mv.snapshot) AS snapshots
    FROM "TrainingModule" m
    JOIN "TrainingModuleVersion" v ON v."moduleId" = m.id AND v.number = m."latestVersion"
    JOIN "TrainingValidation" tv ON tv."trainingVersionId" = v.id
    JOIN "ModelVersion" mv ON mv.id = tv."modelVersionId"
    WHERE m.status <> 'RETIRED' AND m."latestVersion" > 0
    GROUP BY m.id`
  const skills = await tx.skill.findMany({
    where: { status: 'ACTIVE' },
    select: { id: true, ownerId: true, title: true, slug: true, revision: true, validations: { select: { result: true, createdAt: true, skillRevision: true, modelVersion: { select: { snapshot: true } } } } },
  })
  const skillItems = skills.map((s) => ({
    id: s.id, ownerId: s.ownerId, title: s.title, slug: s.slug,
    snapshots: skillSnapshots(s.validations.map((v) => ({ modelSnapshot: v.modelVersion.snapshot, result: v.result, at: v.createdAt, skillRevision: v.skillRevision })), s.revision),
  }))
  return [
    ...needsRevalidation(modules, fromSnapshot, toSnapshot).map((m) => ({ type: 'module' as const, ...m })),
    ...needsRevalidation(skillItems, fromSnapshot, toSnapshot).map((s) => ({ type: 'skill' as const, ...s })),
  ]
}
