import { getEnv, dataDir } from '@/lib/env'
import { startEmbeddedPostgres } from '@/lib/database/embedded'
import { withClient } from '@/lib/database/pool'
import { DatabaseConfigError, describeDatabaseUrl, parseDatabaseUrl } from '@/lib/database/url'

export type Backend = 'embedded' | 'external'

export interface OpenDatabase {
  url: string
  backend: Backend
  stop: () => Promise<void>
}

export const EMBEDDED_DATABASE = 'paceline'
const MIN_SERVER_VERSION = 150000

/** Connects once to prove the server is there and new enough; one clear message otherwise. */
export async function checkServer(url: string): Promise<void> {
  let versionNum: number
  try {
    versionNum = await withClient(url, async (c) => Number((await c.query('SHOW server_version_num')).rows[0].server_version_num))
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { code?: string }
    const why =
      e.code === 'ECONNREFUSED' ? 'connection refused'
      : e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' ? 'host not found'
      : e.code === '28P01' || e.code === '28000' ? 'authentication failed'
      : e.code === '3D000' ? 'database does not exist'
      : e.message?.includes('timeout') ? 'connection timed out'
      : (e.message ?? String(err))
    throw new DatabaseConfigError(`cannot reach PostgreSQL at ${describeDatabaseUrl(url)}: ${why}`)
  }
  if (versionNum < MIN_SERVER_VERSION) {
    throw new DatabaseConfigError(
      `PostgreSQL at ${describeDatabaseUrl(url)} is version ${Math.floor(versionNum / 10000)}; Paceline needs 15 or newer`,
    )
  }
}

export async function ensureDatabaseExists(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (c) => {
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (!rowCount) await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`)
  })
}

/**
 * DATABASE_URL set: that server, as is. Unset: the embedded server under ./data, started here.
 * Both give a plain postgresql:// URL; everything after this point is the same code path.
 */
export async function openDatabase(log: (m: string) => void = () => {}): Promise<OpenDatabase> {
  const env = getEnv()
  if (env.DATABASE_URL) {
    parseDatabaseUrl(env.DATABASE_URL)
    await checkServer(env.DATABASE_URL)
    return { url: env.DATABASE_URL, backend: 'external', stop: async () => {} }
  }
  const server = await startEmbeddedPostgres({ dir: dataDir(), port: env.PACELINE_PG_PORT, log })
  try {
    await ensureDatabaseExists(server.url('postgres'), EMBEDDED_DATABASE)
  } catch (err) {
    await server.stop()
    throw err
  }
  return { url: server.url(EMBEDDED_DATABASE), backend: 'embedded', stop: server.stop }
}
