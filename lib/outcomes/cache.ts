import 'server-only'
import { db } from '@/lib/db'

// Computed dashboards cached per process under the rollup generation (a sequence bumped by every
// statement that changes a rollup or the small tables the figures depend on). A generation is
// taken before the writer commits, so a reader racing an open write could cache the old figures
// under the new number: entries also expire after TTL_MS, which bounds that window.

const TTL_MS = 15_000
const MAX_ENTRIES = 200

const store = new Map<string, { generation: string; at: number; value: Promise<unknown> }>()

export async function rollupGeneration(): Promise<string> {
  const rows = await db.$queryRaw<Array<{ g: bigint }>>`SELECT last_value AS g FROM outcome_rollup_generation`
  return String(rows[0]?.g ?? 0)
}

export async function cachedByGeneration<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const generation = await rollupGeneration()
  const hit = store.get(key)
  if (hit && hit.generation === generation && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>
  const value = compute()
  store.set(key, { generation, at: Date.now(), value })
  value.catch(() => store.delete(key))
  if (store.size > MAX_ENTRIES) store.delete(store.keys().next().value!)
  return value
}
