import { addDays } from '../calendar'
import type { Scale, SeedContext, SeedSizes } from '../context'
import { modelReleasedOn, previousModelRetiredOn } from '../models'
import type { Rng } from '../random'
import type { TeamSpec } from '../teams'
import { buildModule, emptyRows, type BuildEnv } from './build'
import { TRAINING_MODULES } from './catalogue'
import { buildExtras } from './extras'
import { generateModules } from './generate'
import { insertTraining } from './insert'
import type { ModuleSpec } from './types'

// The training library: the hand-written modules at both scales, plus generated ones up to the
// large scale's totals; then learning paths, completions, ratings and flags. Specs are planned
// before anything is inserted (for the progress total); rows are built once user and model ids exist.

export { TRAINING_MODULES } from './catalogue'

export interface TrainingPlan {
  specs: ModuleSpec[]
  /** How many of `specs` are the hand-written library (the rest were generated). */
  handWritten: number
}

export const HAND_WRITTEN_VERSIONS = TRAINING_MODULES.reduce((n, m) => n + m.versions.length, 0)

/** Refuses totals the generator cannot reach with a realistic number of versions per module. */
export function checkTrainingSizes(sizes: Pick<SeedSizes, 'trainingModules' | 'trainingVersions'>): void {
  const modules = sizes.trainingModules - TRAINING_MODULES.length
  const versions = sizes.trainingVersions - HAND_WRITTEN_VERSIONS
  if (!Number.isInteger(sizes.trainingModules) || modules < 0) {
    throw new Error(`sizes.trainingModules must be a whole number of at least ${TRAINING_MODULES.length}, the hand-written library (got ${sizes.trainingModules})`)
  }
  if (!Number.isInteger(sizes.trainingVersions) || versions < modules || versions > modules * 7) {
    throw new Error(
      `sizes.trainingVersions must leave 1-7 versions per generated module: between ${HAND_WRITTEN_VERSIONS + modules} and ` +
      `${HAND_WRITTEN_VERSIONS + modules * 7} for ${sizes.trainingModules} modules (got ${sizes.trainingVersions})`,
    )
  }
}

export function planTraining(rng: Rng, scale: Scale, sizes: SeedSizes, teams: readonly TeamSpec[]): TrainingPlan {
  const specs = [...TRAINING_MODULES]
  if (scale === 'large') {
    const extra = sizes.trainingModules - TRAINING_MODULES.length
    const taken = new Set(specs.map((s) => s.slug))
    specs.push(...generateModules(rng.fork('generated'), extra, sizes.trainingVersions - HAND_WRITTEN_VERSIONS, teams, taken))
  }
  return { specs, handWritten: TRAINING_MODULES.length }
}

/** Rows the plan will insert, roughly (ratings, flags and completions are estimated), for progress. */
export function trainingRowEstimate(plan: TrainingPlan): number {
  let rows = 0
  for (const s of plan.specs) {
    rows += 1 + s.versions.length * 2 + (s.pending ? 1 : 0)
    for (const v of s.versions) rows += v.validatedOn.length + (v.changesRequested ? 1 : 0)
  }
  return rows + plan.specs.length * 3
}

export async function seedTraining(ctx: SeedContext, plan: TrainingPlan): Promise<void> {
  const { timeline: t, ids, org } = ctx
  const anchor = t.anchor
  const env: BuildEnv = {
    experts: ids.experts,
    models: ids.models,
    modelWindow: {
      previous: { from: modelReleasedOn('previous', anchor), until: addDays(previousModelRetiredOn(anchor), 3) },
      small: { from: modelReleasedOn('small', anchor) },
      current: { from: modelReleasedOn('current', anchor) },
      next: { from: modelReleasedOn('next', anchor) },
    },
    day: (n) => addDays(t.planStart, n),
    rng: ctx.rng.fork('training'),
  }
  const rows = emptyRows()
  const generated = new Set<string>()
  plan.specs.forEach((spec, i) => {
    const row = buildModule(spec, env, rows)
    if (i >= plan.handWritten) generated.add(row.id)
  })

  const dev = ids.users.get('dev@example.com')!
  const pilotTeams = new Set(org.catalogue.pilotTeams)
  const members = org.members.map((p) => ({ id: ids.users.get(p.email)!, pilot: p.team !== null && pilotTeams.has(p.team) }))
  const extras = buildExtras(rows, {
    rng: ctx.rng.fork('training-use'),
    people: {
      dev,
      pilot: members.filter((m) => m.pilot && m.id !== dev).map((m) => m.id),
      experts: ids.experts,
      everyone: members.map((m) => m.id),
    },
    day: env.day,
    anchor,
    pilotStart: t.pilotStart,
    // Sonnet 4.5 is retired; Sonnet 4.6 is the `from` model of the running change (models.ts).
    staleModelIds: new Set([ids.models.previous, ids.models.current]),
    generated,
  })
  await insertTraining(ctx, rows, extras)
}
