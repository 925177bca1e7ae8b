import { randomUUID } from 'node:crypto'
import { addMinutes } from '../calendar'
import type { ModelKey } from '../models'
import { hashString, type Rng } from '../random'
import { bodyAt, fieldsAt, type ModuleSpec, type ModuleStatus, type TrainingKind, type Audience } from './types'

// Turns module specs into the rows that the app's own workflow would have left behind: every
// publish preceded by saves, a submission and an approval by another expert (sometimes after a
// request for changes), the lock version counting every step, and the draft of a PUBLISHED module
// equal to its latest version. Specs that break a rule fail here, not in the app.

export interface ModuleRow {
  id: string
  slug: string
  ownerId: string
  status: ModuleStatus
  title: string
  summary: string
  kind: TrainingKind
  tags: string[]
  audience: Audience
  estimatedMinutes: number
  body: string
  validatedModelIds: string[]
  latestVersion: number
  publishedAt: Date | null
  lastReviewedAt: Date | null
  retiredAt: Date | null
  lastEditedById: string
  submittedById: string | null
  version: number
  createdAt: Date
  updatedAt: Date
}

export interface VersionRow {
  id: string
  moduleId: string
  number: number
  title: string
  summary: string
  kind: TrainingKind
  tags: string[]
  audience: Audience
  estimatedMinutes: number
  body: string
  changelog: string
  publishedById: string
  publishedAt: Date
}

export interface ValidationRow { trainingVersionId: string; modelVersionId: string; validatedAt: Date }

export interface ReviewRow {
  moduleId: string
  reviewerId: string
  decision: 'APPROVED' | 'CHANGES_REQUESTED'
  comment: string | null
  draftVersion: number
  createdAt: Date
}

export interface TrainingRows {
  modules: ModuleRow[]
  versions: VersionRow[]
  validations: ValidationRow[]
  reviews: ReviewRow[]
}

export interface BuildEnv {
  /** Expert user ids; spec indices are taken modulo their number. */
  experts: string[]
  models: Record<string, string>
  /** From when (and, for the retired model, until when) each model could be validated on. */
  modelWindow: Record<ModelKey, { from: Date; until?: Date }>
  /** Plan day -> midnight UTC of that day. */
  day: (n: number) => Date
  rng: Rng
}

export function emptyRows(): TrainingRows {
  return { modules: [], versions: [], validations: [], reviews: [] }
}

const hours = (date: Date, h: number) => addMinutes(date, Math.round(h * 60))

export function buildModule(spec: ModuleSpec, env: BuildEnv, out: TrainingRows): ModuleRow {
  const fail = (why: string): never => { throw new Error(`training module ${spec.slug}: ${why}`) }
  const rng = env.rng.fork(spec.slug)
  const n = env.experts.length
  const ownerIdx = spec.owner % n
  const owner = env.experts[ownerIdx]
  const salt = hashString(spec.slug)
  const editorOf = (i: number | undefined) => (i === undefined || i % n === ownerIdx ? ownerIdx : i % n)
  /** Someone other than the owner and the editor: the spec's choice when it can be, else one in turn. */
  const reviewerFor = (wanted: number | undefined, editor: number, turn: number): number => {
    if (wanted !== undefined && wanted % n !== ownerIdx && wanted % n !== editor) return wanted % n
    const others = Array.from({ length: n }, (_, i) => i).filter((i) => i !== ownerIdx && i !== editor)
    if (others.length === 0) fail('needs an expert other than its owner and editor')
    return others[(salt + turn) % others.length]
  }
  const published = spec.versions.length
  const pendingStatus = spec.status === 'DRAFT' || spec.status === 'IN_REVIEW' || spec.status === 'APPROVED'
  if (pendingStatus !== Boolean(spec.pending)) fail(`status ${spec.status} ${spec.pending ? 'cannot have' : 'needs'} a pending draft`)
  if ((spec.status === 'RETIRED') !== (spec.retiredDay !== undefined)) fail('retiredDay goes with status RETIRED')
  if (!pendingStatus && published === 0) fail(`status ${spec.status} needs a published version`)
  if (spec.pending?.changesRequested && spec.status !== 'DRAFT') fail('changes requested leaves the module a DRAFT')
  if (spec.pending?.approver !== undefined && spec.status !== 'APPROVED') fail('only an APPROVED draft has an approver')

  const moduleId = randomUUID()
  const firstDay = spec.versions[0]?.day ?? spec.pending!.day
  const createdAt = hours(env.day(Math.max(0, firstDay - rng.int(6, 14))), 9 + rng.next() * 3)
  let lock = 0
  let lastAt = createdAt
  let lastEditor = ownerIdx
  let submitter: number | null = null
  let lastReviewedAt: Date | null = null
  let previousDay = -Infinity
  const review = (reviewer: number, decision: ReviewRow['decision'], comment: string | undefined, at: Date) => {
    out.reviews.push({ moduleId, reviewerId: env.experts[reviewer], decision, comment: comment ?? null, draftVersion: lock, createdAt: at })
    lock++
  }
  const validated = (keys: ModelKey[], at: Date, what: string) => {
    if (keys.length === 0) fail(`${what} is validated on no model`)
    for (const key of keys) {
      const window = env.modelWindow[key]
      if (at < window.from || (window.until && at > window.until)) fail(`${what} cannot be validated on ${key} at ${at.toISOString()}`)
    }
  }

  for (const [i, v] of spec.versions.entries()) {
    const number = i + 1
    if (v.day < previousDay + 7) fail(`version ${number} comes less than a week after the one before`)
    previousDay = v.day
    const publishedAt = hours(env.day(v.day), 13 + rng.next() * 4)
    const editor = editorOf(v.editor)
    const approver = reviewerFor(v.approver, editor, number)
    lock += rng.int(1, 4) // saves
    if (v.changesRequested) {
      lock++ // submit
      review(approver, 'CHANGES_REQUESTED', v.changesRequested, hours(publishedAt, -24 * rng.int(4, 5)))
      lock += rng.int(1, 3) // the saves that answer it
    }
    lock++ // submit
    submitter = editor
    const approvedAt = hours(publishedAt, -(1 + rng.next() * 3))
    review(approver, 'APPROVED', v.approvalNote, approvedAt)
    lock++ // publish
    const publisher = number % 3 === 0 ? ownerIdx : approver
    const versionId = randomUUID()
    const fields = fieldsAt(spec, number)
    const validatedAt = hours(publishedAt, -(20 + rng.next() * 20))
    validated(v.validatedOn, validatedAt, `version ${number}`)
    out.versions.push({
      id: versionId, moduleId, number, title: fields.title, summary: fields.summary, kind: spec.kind, tags: spec.tags,
      audience: spec.audience, estimatedMinutes: fields.minutes, body: bodyAt(spec, number), changelog: v.changelog,
      publishedById: env.experts[publisher], publishedAt,
    })
    for (const key of v.validatedOn) out.validations.push({ trainingVersionId: versionId, modelVersionId: env.models[key], validatedAt })
    lastEditor = editor
    lastReviewedAt = publishedAt
    lastAt = publishedAt
  }

  const latest = spec.versions[published - 1]
  let validatedOn: ModelKey[] = latest?.validatedOn ?? []
  if (spec.pending) {
    const p = spec.pending
    if (p.day < previousDay + 3) fail('the pending draft starts too soon after the latest version')
    const at = hours(env.day(p.day), 10 + rng.next() * 6)
    const editor = editorOf(p.editor)
    lastEditor = editor
    validatedOn = p.validatedOn
    validated(p.validatedOn, hours(at, -2), 'the draft')
    lock += rng.int(1, 4) // saves
    submitter = null
    if (spec.status === 'DRAFT' && p.changesRequested) {
      lock++ // submit
      review(reviewerFor(p.approver, editor, 0), 'CHANGES_REQUESTED', p.changesRequested, at)
    } else if (spec.status === 'IN_REVIEW') {
      lock++
      submitter = editor
    } else if (spec.status === 'APPROVED') {
      lock++
      submitter = editor
      review(reviewerFor(p.approver, editor, published + 1), 'APPROVED', p.approvalNote, at)
      lastReviewedAt = at
    }
    lastAt = at
    const draft = bodyAt(spec, Infinity)
    if (published > 0 && draft === bodyAt(spec, published) && p.validatedOn.join() === latest.validatedOn.join()) {
      fail('the pending draft does not differ from the latest version')
    }
  } else if (bodyAt(spec, Infinity) !== bodyAt(spec, published) || latest.was) {
    fail('a published module\'s draft must equal its latest version')
  }
  let retiredAt: Date | null = null
  if (spec.retiredDay !== undefined) {
    if (spec.retiredDay < previousDay + 1) fail('retired before its latest version')
    retiredAt = hours(env.day(spec.retiredDay), 11 + rng.next() * 5)
    lock++
    lastAt = retiredAt
  }

  const draft = fieldsAt(spec, Infinity)
  const row: ModuleRow = {
    id: moduleId, slug: spec.slug, ownerId: owner, status: spec.status, title: draft.title, summary: draft.summary, kind: spec.kind,
    tags: spec.tags, audience: spec.audience, estimatedMinutes: draft.minutes, body: bodyAt(spec, Infinity),
    validatedModelIds: validatedOn.map((k) => env.models[k]),
    latestVersion: published,
    publishedAt: published ? out.versions[out.versions.length - 1].publishedAt : null,
    lastReviewedAt, retiredAt,
    lastEditedById: env.experts[lastEditor],
    submittedById: submitter === null ? null : env.experts[submitter],
    version: lock,
    createdAt, updatedAt: lastAt,
  }
  out.modules.push(row)
  return row
}

/** Latest publish day of a spec (or its pending day), for callers that place things after it. */
export function lastDay(spec: ModuleSpec): number {
  return spec.versions[spec.versions.length - 1]?.day ?? spec.pending?.day ?? 0
}
