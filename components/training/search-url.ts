import { AUDIENCES, FRESHNESS, TRAINING_KINDS, type Audience, type TrainingKind } from '@/lib/training/schemas'

// The training home keeps its search in the URL (a view can be shared or bookmarked). Anything
// unknown in the URL is dropped here rather than turned into an error page.

export type RawParams = Record<string, string | string[] | undefined>

export interface TrainingSearch {
  q: string
  kind?: TrainingKind
  stage?: Audience
  tag?: string
  freshness: (typeof FRESHNESS)[number]
  includeRetired: boolean
  page: number
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => (list as readonly string[]).includes(v ?? '') ? (v as T) : undefined

export function parseTrainingSearch(sp: RawParams): TrainingSearch {
  const page = Number.parseInt(one(sp.page) ?? '1', 10)
  const tag = (one(sp.tag) ?? '').trim().toLowerCase().slice(0, 40)
  return {
    q: (one(sp.q) ?? '').trim().slice(0, 200),
    kind: oneOf(TRAINING_KINDS, one(sp.kind)),
    stage: oneOf(AUDIENCES, one(sp.stage)),
    tag: tag || undefined,
    freshness: oneOf(FRESHNESS, one(sp.freshness)) ?? 'any',
    includeRetired: ['true', '1', 'on'].includes(one(sp.includeRetired) ?? ''),
    page: Number.isFinite(page) && page >= 1 && page <= 1000 ? page : 1,
  }
}

/** True when the reader asked for something (a query or any filter), not the plain library. */
export function isFiltered(s: TrainingSearch): boolean {
  return Boolean(s.q || s.kind || s.stage || s.tag || s.freshness !== 'any' || s.includeRetired)
}

/** The URL of this search with some parts changed; page 1 unless given. */
export function trainingSearchHref(s: TrainingSearch, change: Partial<TrainingSearch> = {}): string {
  const next = { ...s, page: 1, ...change }
  const params = new URLSearchParams()
  if (next.q) params.set('q', next.q)
  if (next.kind) params.set('kind', next.kind)
  if (next.stage) params.set('stage', next.stage)
  if (next.freshness !== 'any') params.set('freshness', next.freshness)
  if (next.tag) params.set('tag', next.tag)
  if (next.includeRetired) params.set('includeRetired', 'true')
  if (next.page > 1) params.set('page', String(next.page))
  const qs = params.toString()
  return qs ? `/training?${qs}` : '/training'
}
