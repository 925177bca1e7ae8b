import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { readRows } from '@/lib/training/sql'
import { LruCache } from '@/lib/training/lru'

// Per-process caches of the training library (docs/decisions/0004-training-read-caches.md).
//
// - Search results are shared by everyone (they do not depend on who asks) and depend on the
//   library's state: what is published, retired, when it was reviewed, the status of the models
//   versions were validated on. Migration 20261124201305_training_library_stamp bumps a generation
//   stamp in the same transaction as any such change. A cached result is used only while the stamp
//   it was computed under is current:
//     * changes made through this process call libraryChanged(): the next read re-reads the stamp
//       and the cache is emptied, so the change is visible at once;
//     * changes made by another instance (or by SQL) are seen when this process next reads the
//       stamp, at most STAMP_CHECK_MS after its last read;
//     * every entry is also dropped RESULT_TTL_MS after it was computed, because "stale" moves with
//       the clock (180 days since the last review), not only with writes.
// - Published versions are immutable: their content is cached by version id, bounded by size only.

/** Longest time a change made elsewhere stays unseen by this process (plus one query). */
export const STAMP_CHECK_MS = 1_000
/** Longest life of a cached search result. */
export const RESULT_TTL_MS = 30_000

type Stamp = { value: string; readAt: number }

interface LibraryState {
  stamp: Stamp | null
  pending: Promise<string> | null
  results: LruCache<unknown>
  versions: LruCache<unknown>
}

// Kept on globalThis: Next may load this module more than once per process (route handlers and
// pages are separate bundles); they must share one cache and one stamp.
const globalForCache = globalThis as unknown as { __pacelineTrainingCache?: LibraryState }

function state(): LibraryState {
  if (!globalForCache.__pacelineTrainingCache) {
    globalForCache.__pacelineTrainingCache = {
      stamp: null,
      pending: null,
      results: new LruCache<unknown>(500, Number.POSITIVE_INFINITY, RESULT_TTL_MS),
      // Immutable version content (body and rendering): about 32 MB at most.
      versions: new LruCache<unknown>(5_000, 32 * 1024 * 1024),
    }
  }
  return globalForCache.__pacelineTrainingCache
}

async function readStamp(): Promise<string> {
  const rows = await readRows<{ stamp: string }>(
    Prisma.sql`SELECT "generation"::text || ':' || "changedAt"::text AS stamp FROM "TrainingLibraryStamp" WHERE "id" = 1`,
    'training-library-stamp',
  )
  return rows[0]?.stamp ?? 'none'
}

/**
 * The library generation as this process knows it, re-read from the database when the last read
 * is older than STAMP_CHECK_MS (one read at a time, shared by concurrent callers). When it moved,
 * the cached search results are dropped.
 */
export async function libraryGeneration(): Promise<string> {
  const s = state()
  if (s.stamp && Date.now() - s.stamp.readAt < STAMP_CHECK_MS) return s.stamp.value
  if (!s.pending) {
    const startedAt = Date.now()
    s.pending = readStamp()
      .then((value) => {
        if (s.stamp && s.stamp.value !== value) s.results.clear()
        // readAt is when the read started: results computed after it reflect at least this stamp.
        s.stamp = { value, readAt: startedAt }
        return value
      })
      .finally(() => {
        s.pending = null
      })
  }
  return s.pending
}

/** Call after committing a change that search results depend on (publish, retire, review). */
export function libraryChanged(): void {
  const s = state()
  s.stamp = null
  s.results.clear()
}

/**
 * A search result from the cache when it was computed under the current generation; else computed
 * by `load` and cached. Results computed while the generation moved are not kept.
 */
export async function cachedResult<T>(key: string, load: () => Promise<T>): Promise<T> {
  const generation = await libraryGeneration()
  const s = state()
  const full = `${generation}\u0000${key}`
  const hit = s.results.get(full) as T | undefined
  if (hit !== undefined) return hit
  const value = await load()
  // Keep it only if nothing was invalidated meanwhile (a local change empties the stamp).
  if (s.stamp?.value === generation) s.results.set(full, value)
  return value
}

/** Immutable content of a published version, by version id. */
export function cachedVersion<T>(id: string): T | undefined {
  return state().versions.get(id) as T | undefined
}

export function rememberVersion<T>(id: string, value: T, weight: number): void {
  state().versions.set(id, value, weight)
}

/** Tests: forget everything this process cached. */
export function resetTrainingCaches(): void {
  const s = state()
  s.stamp = null
  s.pending = null
  s.results.clear()
  s.versions.clear()
}
