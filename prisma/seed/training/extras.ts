import { randomUUID } from 'node:crypto'
import { addDays, addMinutes } from '../calendar'
import type { Rng } from '../random'
import type { ModuleRow, TrainingRows } from './build'
import { FLAG_REASONS, RATING_COMMENTS } from './fragments-b'
import { DEV_COMPLETED, FLAGS, PATHS, RATING_NOTES, type Who } from './feedback-text'

// What people did with the library: learning paths per stage, completions (pilot teams well along
// their path, dev@example.com about half-way), helpful/not-helpful ratings and "outdated" flags.
// Everything happens after the module it touches was published and before the anchor.

export interface PathRow { id: string; stage: 'EXPERTS' | 'PILOT' | 'BROAD'; title: string; description: string; version: number; updatedAt: Date }
export interface PathItemRow { pathId: string; moduleId: string; position: number }
export interface CompletionRow { userId: string; moduleId: string; completedAt: Date }
export interface RatingRow { moduleId: string; userId: string; helpful: boolean; comment: string | null; updatedAt: Date }
export interface FlagRow {
  moduleId: string
  reason: string
  raisedById: string
  moduleVersion: number
  resolvedAt: Date | null
  resolvedById: string | null
  resolution: string | null
  version: number
  createdAt: Date
}

export interface ExtraRows {
  paths: PathRow[]
  items: PathItemRow[]
  completions: CompletionRow[]
  ratings: RatingRow[]
  flags: FlagRow[]
}

export interface People {
  dev: string
  /** Pilot-team members other than dev@, in a stable order. */
  pilot: string[]
  experts: string[]
  /** Everyone who could rate or flag a module (generated modules draw from them). */
  everyone: string[]
}

export interface ExtrasEnv {
  rng: Rng
  people: People
  day: (n: number) => Date
  anchor: Date
  pilotStart: Date
  /** Model ids whose validations alone make a module stale (retired or being replaced). */
  staleModelIds: ReadonlySet<string>
  /** Modules that were generated (large scale); the rest are the hand-written demo library. */
  generated: ReadonlySet<string>
}

const DAY_MS = 86_400_000

export function buildExtras(rows: TrainingRows, env: ExtrasEnv): ExtraRows {
  const { people, anchor } = env
  const out: ExtraRows = { paths: [], items: [], completions: [], ratings: [], flags: [] }
  const bySlug = new Map(rows.modules.map((m) => [m.slug, m]))
  const publishTimes = new Map<string, Date[]>()
  for (const v of rows.versions) {
    const list = publishTimes.get(v.moduleId) ?? []
    list[v.number - 1] = v.publishedAt
    publishTimes.set(v.moduleId, list)
  }
  const firstPublish = (m: ModuleRow) => publishTimes.get(m.id)![0]
  const lastSafe = addDays(anchor, -1)
  const between = (rng: Rng, from: Date, to: Date) => new Date(from.getTime() + rng.next() * Math.max(0, to.getTime() - from.getTime()))
  const who = (w: Who, notOwner: string): string => {
    const [kind, n] = w.split(':') as [string, string | undefined]
    const list = kind === 'dev' ? [people.dev] : kind === 'pilot' ? people.pilot : people.experts
    const i = Number(n ?? 0)
    for (let k = 0; k < list.length; k++) if (list[(i + k) % list.length] !== notOwner) return list[(i + k) % list.length]
    throw new Error(`no one but the owner to stand for ${w}`)
  }
  const isStale = (m: ModuleRow) =>
    (m.lastReviewedAt !== null && anchor.getTime() - m.lastReviewedAt.getTime() > 180 * DAY_MS) ||
    (m.validatedModelIds.length > 0 && m.validatedModelIds.every((id) => env.staleModelIds.has(id)))

  // Learning paths: published modules only, in order.
  const pathModules = new Map<string, ModuleRow[]>()
  for (const [p, path] of PATHS.entries()) {
    const modules = path.slugs.map((slug) => {
      const m = bySlug.get(slug)
      if (!m || m.latestVersion === 0 || m.retiredAt) throw new Error(`learning path ${path.stage}: ${slug} is not a published module`)
      return m
    })
    const latest = Math.max(...modules.map((m) => firstPublish(m).getTime()))
    const id = randomUUID()
    out.paths.push({ id, stage: path.stage, title: path.title, description: path.description, version: 2 + p, updatedAt: addMinutes(new Date(latest), 90) })
    modules.forEach((m, i) => out.items.push({ pathId: id, moduleId: m.id, position: i + 1 }))
    pathModules.set(path.stage, modules)
  }

  // Completions: the pilot teams work through their path after the pilot started.
  const crng = env.rng.fork('completions')
  const pilotPath = pathModules.get('PILOT')!
  const done = new Set<string>()
  const complete = (userId: string, m: ModuleRow, at: Date) => {
    if (done.has(`${m.id}:${userId}`)) return // a module on two paths is completed once
    const earliest = addDays(firstPublish(m), 1)
    const when = at < earliest ? addMinutes(earliest, crng.int(30, 600)) : at
    if (when > lastSafe) return
    out.completions.push({ userId, moduleId: m.id, completedAt: when })
    done.add(`${m.id}:${userId}`)
  }
  const walk = (userId: string, positions: number[]) => {
    let at = addMinutes(addDays(env.pilotStart, crng.int(1, 14)), crng.int(8 * 60, 17 * 60))
    for (const p of positions) {
      complete(userId, pilotPath[p], at)
      at = addMinutes(addDays(at, crng.int(2, 12)), crng.int(-120, 120))
    }
  }
  walk(people.dev, DEV_COMPLETED)
  for (const userId of people.pilot) {
    const k = crng.weighted([[pilotPath.length, 40], [pilotPath.length - 1, 15], [pilotPath.length - 2, 15], [5, 10], [4, 10], [2, 5], [0, 5]])
    const positions = Array.from({ length: pilotPath.length }, (_, i) => i)
    if (k < pilotPath.length && k > 0 && crng.chance(0.3)) positions.splice(crng.int(0, k - 1), 1) // skipped one, went on
    walk(userId, positions.slice(0, k))
  }
  // Experts read each other's modules on their own path.
  for (const expert of people.experts) {
    for (const m of pathModules.get('EXPERTS')!) {
      if (m.ownerId !== expert && crng.chance(0.8)) complete(expert, m, between(crng, firstPublish(m), lastSafe))
    }
  }

  // Ratings: mostly from people who completed a module, a few from anyone; written notes on top.
  const rrng = env.rng.fork('ratings')
  const ratings = new Map<string, RatingRow>()
  const rate = (m: ModuleRow, userId: string, helpful: boolean, comment: string | null) => {
    if (userId === m.ownerId) return
    ratings.set(`${m.id}:${userId}`, { moduleId: m.id, userId, helpful, comment, updatedAt: between(rrng, addDays(firstPublish(m), 1), lastSafe) })
  }
  for (const m of rows.modules) {
    if (m.latestVersion === 0) continue
    const helpfulChance = isStale(m) ? 0.5 : 0.85
    if (env.generated.has(m.id)) {
      for (let n = rrng.int(0, 6); n > 0; n--) {
        const helpful = rrng.chance(helpfulChance)
        const pool = helpful ? RATING_COMMENTS.helpful : RATING_COMMENTS.notHelpful
        rate(m, rrng.pick(people.everyone), helpful, rrng.chance(0.06) ? rrng.pick(pool) : null)
      }
      continue
    }
    for (const userId of [people.dev, ...people.pilot]) {
      if (done.has(`${m.id}:${userId}`) && rrng.chance(0.35)) rate(m, userId, rrng.chance(helpfulChance), null)
    }
    for (const userId of people.experts) if (rrng.chance(0.3)) rate(m, userId, rrng.chance(helpfulChance), null)
    for (let n = rrng.int(0, 3); n > 0; n--) rate(m, rrng.pick(people.everyone), rrng.chance(helpfulChance), null)
  }
  for (const note of RATING_NOTES) {
    const m = bySlug.get(note.slug)!
    rate(m, who(note.by, m.ownerId), note.helpful, note.comment)
  }
  out.ratings = [...ratings.values()]

  // Flags: the written ones, then a few per hundred generated modules (more on stale ones).
  const frng = env.rng.fork('flags')
  for (const f of FLAGS) {
    const m = bySlug.get(f.slug)!
    const times = publishTimes.get(m.id)!
    const createdAt = addMinutes(env.day(f.day), frng.int(9 * 60, 17 * 60))
    const seen = times.filter((t) => t < createdAt).length
    const resolvedAt = f.resolvedBy ? addMinutes(times[f.resolvedBy.version - 1], frng.int(5, 60)) : null
    if (seen === 0 || (f.resolvedBy && seen !== f.resolvedBy.version - 1)) throw new Error(`flag on ${f.slug} does not fit its versions`)
    out.flags.push({
      moduleId: m.id, reason: f.reason, raisedById: who(f.by, m.ownerId), moduleVersion: seen, createdAt,
      resolvedAt, resolvedById: f.resolvedBy ? m.ownerId : null, resolution: f.resolvedBy?.resolution ?? null, version: f.resolvedBy ? 1 : 0,
    })
  }
  for (const m of rows.modules) {
    if (!env.generated.has(m.id) || m.latestVersion === 0) continue
    const times = publishTimes.get(m.id)!
    const raiser = () => { const u = frng.pick(people.everyone); return u === m.ownerId ? people.dev : u }
    if (frng.chance(isStale(m) ? 0.15 : 0.015)) {
      out.flags.push({
        moduleId: m.id, reason: frng.pick(FLAG_REASONS), raisedById: raiser(), moduleVersion: m.latestVersion,
        createdAt: between(frng, addDays(times[m.latestVersion - 1], 1), lastSafe), resolvedAt: null, resolvedById: null, resolution: null, version: 0,
      })
    }
    if (m.latestVersion >= 2 && frng.chance(0.01)) {
      const n = frng.int(2, m.latestVersion)
      out.flags.push({
        moduleId: m.id, reason: frng.pick(FLAG_REASONS), raisedById: raiser(), moduleVersion: n - 1,
        createdAt: between(frng, addMinutes(times[n - 2], 60), addMinutes(times[n - 1], -24 * 60)),
        resolvedAt: addMinutes(times[n - 1], 30), resolvedById: m.ownerId, resolution: `Fixed in version ${n}.`, version: 1,
      })
    }
  }
  return out
}
