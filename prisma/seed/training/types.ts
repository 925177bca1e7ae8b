import type { ModelKey } from '../models'

// The shape of a training module as the seed describes it: the sections of its body with the
// versions they appeared in (and, for corrected steps, the version that replaced them), the
// published versions, and the state of the working draft. The builder turns this into the rows a
// real history of edits, reviews and publishes would have left behind.

export type TrainingKind = 'PROCESS' | 'TASK_WALKTHROUGH' | 'SUCCESS_STORY' | 'CAUTIONARY_STORY' | 'REFERENCE'
export type Audience = 'EXPERTS' | 'PILOT' | 'BROAD' | 'EVERYONE'
export type ModuleStatus = 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'PUBLISHED' | 'RETIRED'

/** The shared tag vocabulary: development tasks people search by. Stored lower-case, as the app does. */
export const TAGS = {
  tests: 'write tests',
  review: 'code review',
  aiPr: 'review ai-generated pr',
  legacy: 'refactor legacy module',
  incident: 'debug production incident',
  docs: 'write documentation',
  prompting: 'prompting',
  security: 'security review',
  migration: 'database migration',
  onboarding: 'onboarding',
  model: 'model change',
  team: 'team process',
  dependency: 'upgrade dependency',
} as const

export interface Section {
  /** First version that contains this section (versions.length + 1: only in the pending draft). */
  since: number
  /** First version that no longer contains it (a corrected step is a section with `until` and its replacement). */
  until?: number
  /** Markdown. Code fences are written ~~~ here and stored as ```. */
  md: string
}

export interface VersionSpec {
  changelog: string
  /** Days after the plan started. */
  day: number
  validatedOn: ModelKey[]
  /** Index of the approving expert (default: one who is neither owner nor editor). */
  approver?: number
  /** A reviewer sent the draft back with this comment before approving it. */
  changesRequested?: string
  /** Optional comment on the approval. */
  approvalNote?: string
  /** Another expert who edited and submitted this version (default: the owner). */
  editor?: number
  /** Values this version still had before a later version changed them. */
  was?: { title?: string; summary?: string; minutes?: number }
}

/** Work on the draft after the latest published version (statuses DRAFT, IN_REVIEW, APPROVED). */
export interface PendingSpec {
  /** Days after the plan started of the last edit, submission or approval. */
  day: number
  validatedOn: ModelKey[]
  /** Another expert who edited (and, if submitted, submitted) the draft. */
  editor?: number
  /** A reviewer sent the draft back with this comment (status DRAFT after a submission). */
  changesRequested?: string
  approver?: number
  approvalNote?: string
}

export interface ModuleSpec {
  slug: string
  title: string
  summary: string
  kind: TrainingKind
  tags: string[]
  audience: Audience
  minutes: number
  /** Index into the experts (0 = expert@, 1 = expert2@). */
  owner: number
  status: ModuleStatus
  sections: Section[]
  versions: VersionSpec[]
  pending?: PendingSpec
  /** Days after the plan started. */
  retiredDay?: number
}

const fence = (md: string) => md.trim().replace(/^~~~/gm, '```')

/** The body as of version `n` (Infinity: the working draft). */
export function bodyAt(spec: Pick<ModuleSpec, 'sections'>, n: number): string {
  return spec.sections
    .filter((s) => s.since <= n && (s.until === undefined || s.until > n))
    .map((s) => fence(s.md))
    .join('\n\n')
    .concat('\n')
}

/** Title, summary and minutes as of version `n` (Infinity: the working draft). */
export function fieldsAt(spec: ModuleSpec, n: number): { title: string; summary: string; minutes: number } {
  const was = Number.isFinite(n) ? spec.versions[n - 1]?.was : undefined
  return { title: was?.title ?? spec.title, summary: was?.summary ?? spec.summary, minutes: was?.minutes ?? spec.minutes }
}
