import { addDays, addMonths, sqlTimestamp } from '../calendar'
import type { SeedContext } from '../context'
import { insertOne } from '../sql'
import { ENVIRONMENT, HOW_WE_WORK, MODEL_CHANGES, RETIRED_INSTRUCTIONS, REVIEWING } from './content-process'
import { CAUTIONARY_TIMEZONE, SUCCESS_IMPORTER } from './content-stories'
import { DEBUGGING, OUTSIDE_YOUR_STACK, REFACTORING, WRITING_TESTS } from './content-tasks'
import { bodyAt, type ModuleSpec } from './types'

// The training library: published modules with immutable versions, each validated on the exact
// model snapshot(s) it was checked against; one module retired with its model, one still a
// draft, one not reviewed for more than 180 days.

export const TRAINING_MODULES: ModuleSpec[] = [
  HOW_WE_WORK, ENVIRONMENT, RETIRED_INSTRUCTIONS, WRITING_TESTS, MODEL_CHANGES, REVIEWING,
  REFACTORING, DEBUGGING, SUCCESS_IMPORTER, CAUTIONARY_TIMEZONE, OUTSIDE_YOUR_STACK,
]

export async function seedTraining(ctx: SeedContext): Promise<void> {
  const { db, timeline: t, ids, summary } = ctx
  const day = (n: number) => addDays(t.planStart, n)
  // Validation on the model under evaluation happened in the last weeks before the anchor.
  const changeDone = addDays(addMonths(t.anchor, -7), 6)
  const validatedAt = (model: string, published: Date): Date => {
    if (model === 'next') return addDays(t.anchor, -6)
    if (model === 'current' && published < changeDone) return addDays(changeDone, 5)
    return published
  }

  for (const spec of TRAINING_MODULES) {
    const owner = ids.experts[spec.owner % ids.experts.length]
    const versions = spec.versions.length
    const last = spec.versions[versions - 1]
    const created = day(Math.max(0, (spec.versions[0]?.day ?? 230) - 9))
    const updated = spec.status === 'DRAFT' ? addDays(t.anchor, -4) : spec.retiredDay !== undefined ? day(spec.retiredDay) : day(last.day)
    const moduleId = await insertOne(db, 'TrainingModule', {
      slug: spec.slug,
      ownerId: owner,
      status: spec.status,
      title: spec.title,
      summary: spec.summary,
      kind: spec.kind,
      tags: spec.tags,
      audience: spec.audience,
      estimatedMinutes: spec.minutes,
      body: bodyAt(spec, Infinity),
      latestVersion: versions,
      lastReviewedAt: versions ? sqlTimestamp(day(spec.lastReviewedDay ?? last.day)) : null,
      retiredAt: spec.retiredDay !== undefined ? sqlTimestamp(day(spec.retiredDay)) : null,
      version: versions * 2 + (spec.status === 'DRAFT' ? 3 : spec.status === 'RETIRED' ? 1 : 0),
      createdAt: sqlTimestamp(created),
      updatedAt: sqlTimestamp(updated),
    })
    summary.trainingModules++

    for (const [i, v] of spec.versions.entries()) {
      const published = addDays(day(v.day), 0)
      const versionId = await insertOne(db, 'TrainingModuleVersion', {
        moduleId,
        number: i + 1,
        title: spec.title,
        summary: spec.summary,
        kind: spec.kind,
        tags: spec.tags,
        audience: spec.audience,
        estimatedMinutes: spec.minutes,
        body: bodyAt(spec, i + 1),
        changelog: v.changelog,
        // Publishing is an expert's job; the owner publishes their own module.
        publishedById: owner,
        publishedAt: sqlTimestamp(new Date(published.getTime() + 14 * 3_600_000)),
      })
      summary.trainingVersions++
      for (const model of v.validatedOn) {
        await db.query(
          `INSERT INTO "TrainingValidation" ("trainingVersionId", "modelVersionId", "validatedAt") VALUES ($1, $2, $3)`,
          [versionId, ids.models[model], sqlTimestamp(new Date(validatedAt(model, published).getTime() + 11 * 3_600_000))],
        )
        summary.trainingValidations++
      }
    }
  }
}
