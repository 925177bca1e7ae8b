import { addDays, addMonths, compactDate, sqlDate, sqlTimestamp } from './calendar'
import type { SeedContext } from './context'
import { insertOne } from './sql'

// Model versions with exact dated snapshot ids, and the two model changes of the story: one done
// (experts first, training re-validated before the pilot started on it) and one under way.
// Release dates follow the anchor so that the demo never shows a "future" model as retired.

export type ModelKey = 'previous' | 'small' | 'current' | 'next'

interface ModelSpec {
  key: ModelKey
  vendor: string
  family: string
  label: string
  snapshotPrefix: string
  status: 'RETIRED' | 'APPROVED' | 'DEFAULT' | 'EVALUATING'
  released: (anchor: Date) => Date
}

const MODELS: ModelSpec[] = [
  { key: 'previous', vendor: 'Anthropic', family: 'Claude Sonnet', label: 'Sonnet 4.5', snapshotPrefix: 'claude-sonnet-4-5',
    status: 'RETIRED', released: (a) => addDays(addMonths(a, -14), 28) },
  { key: 'small', vendor: 'Anthropic', family: 'Claude Haiku', label: 'Haiku 4.5', snapshotPrefix: 'claude-haiku-4-5',
    status: 'APPROVED', released: (a) => addMonths(a, -13) },
  { key: 'current', vendor: 'Anthropic', family: 'Claude Sonnet', label: 'Sonnet 4.6', snapshotPrefix: 'claude-sonnet-4-6',
    status: 'DEFAULT', released: (a) => addDays(addMonths(a, -9), 16) },
  { key: 'next', vendor: 'Anthropic', family: 'Claude Opus', label: 'Opus 4.7', snapshotPrefix: 'claude-opus-4-7',
    status: 'EVALUATING', released: (a) => addDays(addMonths(a, -3), 14) },
]

export function modelSnapshot(key: ModelKey, anchor: Date): string {
  const spec = MODELS.find((m) => m.key === key)!
  return `${spec.snapshotPrefix}-${compactDate(spec.released(anchor))}`
}

/** Release day of a model in the demo story (released models can be validated on from then). */
export function modelReleasedOn(key: ModelKey, anchor: Date): Date {
  return MODELS.find((m) => m.key === key)!.released(anchor)
}

/** When the completed change (previous -> current) was done: the previous model is retired from then. */
export function previousModelRetiredOn(anchor: Date): Date {
  return addDays(addMonths(anchor, -7), 6)
}

const DONE_REASON = [
  'Sonnet 4.5 leaves vendor support next quarter and 4.6 did better on our multi-file refactoring tasks in the experts\' two-week comparison.',
  'Handled as a breaking change: the experts switched first, re-ran every task walkthrough on the new snapshot, and rewrote the shared',
  'instruction files that had been tuned for 4.5 (plain task descriptions now beat them). The pilot teams started on 4.6 after the',
  'training library had been re-validated.',
].join(' ')

const NEXT_REASON = [
  'Opus 4.7 is markedly better at long debugging sessions in the experts\' evaluation, but early runs show the opposite of what we',
  'expected for our saved instructions: the more direction they add, the worse the result. Experts are evaluating it on their own work',
  'first. The pilot teams stay on Sonnet 4.6 until the walkthroughs and the review checklist have been re-validated on the new snapshot',
  'and the change has been announced with two weeks\' notice.',
].join(' ')

export async function seedModels(ctx: SeedContext): Promise<void> {
  const { db, timeline, ids, summary } = ctx
  const anchor = timeline.anchor
  const created = sqlTimestamp(addMonths(anchor, -14))
  for (const m of MODELS) {
    ids.models[m.key] = await insertOne(db, 'ModelVersion', {
      vendor: m.vendor,
      family: m.family,
      label: m.label,
      snapshot: modelSnapshot(m.key, anchor),
      releasedOn: sqlDate(m.released(anchor)),
      status: m.status,
      version: m.status === 'EVALUATING' ? 0 : 1,
      createdAt: created,
      updatedAt: sqlTimestamp(m.key === 'next' ? addMonths(anchor, -2) : addMonths(anchor, -7)),
    })
    summary.modelVersions++
  }

  const doneOn = previousModelRetiredOn(anchor)
  await insertOne(db, 'ModelChangeEvent', {
    fromModelId: ids.models.previous,
    toModelId: ids.models.current,
    plannedOn: sqlDate(doneOn),
    reason: DONE_REASON,
    scope: ['EXPERTS'],
    status: 'COMPLETED',
    currentStage: 'EXPERTS',
    createdById: ids.experts[1],
    version: 3,
    createdAt: sqlTimestamp(addDays(doneOn, -21)),
    updatedAt: sqlTimestamp(addDays(doneOn, 16)),
  })
  const nextOn = addDays(anchor, -12)
  await insertOne(db, 'ModelChangeEvent', {
    fromModelId: ids.models.current,
    toModelId: ids.models.next,
    plannedOn: sqlDate(nextOn),
    reason: NEXT_REASON,
    scope: ['EXPERTS', 'PILOT'],
    status: 'IN_PROGRESS',
    currentStage: 'EXPERTS',
    createdById: ids.experts[0],
    version: 1,
    createdAt: sqlTimestamp(addDays(nextOn, -25)),
    updatedAt: sqlTimestamp(nextOn),
  })
  summary.modelChanges = 2
}
