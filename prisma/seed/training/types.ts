import type { ModelKey } from '../models'

export type TrainingKind = 'PROCESS' | 'TASK_WALKTHROUGH' | 'SUCCESS_STORY' | 'CAUTIONARY_STORY' | 'REFERENCE'
export type Audience = 'EXPERTS' | 'PILOT' | 'BROAD' | 'EVERYONE'

export interface Section {
  /** First published version that contains this section (versions.length + 1: only in the draft). */
  since: number
  /** Markdown. Code fences are written ~~~ here and published as ```. */
  md: string
}

export interface VersionSpec {
  changelog: string
  /** Days after the plan started. */
  day: number
  validatedOn: ModelKey[]
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
  status: 'PUBLISHED' | 'RETIRED' | 'DRAFT'
  sections: Section[]
  versions: VersionSpec[]
  /** Days after the plan started; defaults to the last version's day. */
  lastReviewedDay?: number
  retiredDay?: number
}

/** The body as of version `n` (Infinity: the working draft). */
export function bodyAt(spec: ModuleSpec, n: number): string {
  return spec.sections
    .filter((s) => s.since <= n)
    .map((s) => s.md.trim().replace(/^~~~/gm, '```'))
    .join('\n\n')
    .concat('\n')
}
