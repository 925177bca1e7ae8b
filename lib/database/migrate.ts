import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { parse as parseConnectionString } from 'pg-connection-string'
import { withClient } from '@/lib/database/pool'
import { MIGRATIONS_DIR, readMigrations } from '@/lib/database/migration-files'
import { getEnv } from '@/lib/env'

// Migrations run through Prisma's own schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm, pinned to the engine of the installed Prisma), because the Prisma
// CLI cannot download its native engine offline. The result is the standard Prisma layout and the
// standard `_prisma_migrations` table, so `prisma migrate deploy` elsewhere sees the same history.
// See docs/decisions/0002-offline-migrations.md.

export const SCHEMA_PATH = path.join(process.cwd(), 'prisma', 'schema.prisma')

const FILTERS = { externalTables: [] as string[], externalEnums: [] as string[] }

interface SchemaEngine {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>
  free?: () => void
}

interface EngineModule {
  __wbg_set_wasm(exports: WebAssembly.Exports): void
  SchemaEngine: { new: (options: unknown, log: (m: string) => void, adapter: unknown) => Promise<SchemaEngine> }
}

let enginePromise: Promise<EngineModule> | undefined
let lastPanic: string | undefined

async function loadEngineModule(): Promise<EngineModule> {
  enginePromise ??= (async () => {
    // The engine reports a Rust panic's message through this global before it traps.
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } }
    g.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m: string) => { lastPanic = m } }
    const require = createRequire(path.join(process.cwd(), 'package.json'))
    const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'))
    const glue = (await import(
      /* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(path.join(pkgDir, 'schema_engine_bg.js')).href
    )) as EngineModule & Record<string, unknown>
    const bytes = await readFile(path.join(pkgDir, 'schema_engine_bg.wasm'))
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports })
    glue.__wbg_set_wasm(instance.exports)
    ;(instance.exports.__wbindgen_start as () => void)()
    return glue
  })()
  return enginePromise
}

async function migrationList(dir = MIGRATIONS_DIR) {
  const migrations = await readMigrations(dir)
  const lockPath = path.join(dir, 'migration_lock.toml')
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.sql } },
    })),
  }
}

/**
 * The engine describes a database through catalog queries that return PostgreSQL's one-byte
 * "char" type (pg_class.relkind and friends), which the pg adapter refuses ("Column type 'char'
 * could not be deserialized"). The values arrive as one-letter strings; report them as text.
 * Tested by tests/integration/database/migrations.test.ts on PostgreSQL 15 and 18.
 */
class EngineCompatClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const fix = (r: pg.QueryResult | undefined) => {
      if (!r?.fields) return r
      for (const f of r.fields) if (f.dataTypeID === PG_CHAR_OID) f.dataTypeID = PG_TEXT_OID
      // The describer reads pg_constraint.contype of CHECK ('c'), exclusion ('x') and, on
      // PostgreSQL 18, NOT NULL ('n') rows as a one-byte char, which cannot cross the adapter (it
      // panics on the text we turn it into). schema.prisma cannot express those constraints, so the
      // diff never touches them, and nullability is read from pg_attribute: drop the rows.
      const typeColumn = r.fields.findIndex((f) => f.name === 'constraint_type')
      if (typeColumn >= 0) {
        r.rows = r.rows.filter((row) => !ENGINE_UNREADABLE_CONSTRAINTS.has(Array.isArray(row) ? row[typeColumn] : row.constraint_type))
        r.rowCount = r.rows.length
      }
      return r
    }
    const last = args.length - 1
    if (typeof args[last] === 'function') {
      const callback = args[last]
      args[last] = (err: unknown, r: pg.QueryResult) => callback(err, fix(r))
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args)
    return result && typeof result.then === 'function' ? result.then(fix) : result
  }
}
/**
 * The pg adapter's executeScript splits a migration on every ';' — inside comments, strings and
 * dollar-quoted function bodies too — which breaks any migration with a trigger function. Send the
 * script whole instead: PostgreSQL's simple query protocol runs several statements in one message,
 * as psql and Prisma's native engine do.
 */
function sendScriptsWhole<T extends { executeScript(script: string): Promise<void>; underlyingDriver(): pg.Pool }>(adapter: T): T {
  const onError = (adapter as unknown as { onError(e: unknown): never }).onError.bind(adapter)
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script)
    } catch (error) {
      onError(error)
    }
  }
  return adapter
}

const PG_CHAR_OID = 18
const ENGINE_UNREADABLE_CONSTRAINTS = new Set(['c', 'x', 'n'])
const PG_TEXT_OID = 25

async function withEngine<T>(url: string, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const mod = await loadEngineModule()
  // A config object, not a connection string: the adapter's own shadow database support replaces
  // `database`, which a connectionString silently overrides (the "shadow" would be the real
  // database). We also create the shadow ourselves so its pool has an error handler and the scratch
  // database is always dropped, even when the engine does not dispose of it.
  const { host, port, user, password, database, ssl } = parseConnectionString(url)
  const config = {
    host: host ?? undefined,
    port: port ? Number(port) : undefined,
    user,
    password,
    database: database ?? undefined,
    ssl: ssl as never,
    max: 2,
    connectionTimeoutMillis: getEnv().PACELINE_DB_CONNECT_TIMEOUT_MS,
    Client: EngineCompatClient,
  }
  const quiet = { onPoolError: () => {} }
  const base = new PrismaPg(config, quiet)
  const shadows: Array<{ name: string; adapter: { dispose(): Promise<void> } }> = []
  const opened: Array<{ dispose(): Promise<void> }> = []
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => {
      const adapter = sendScriptsWhole(await base.connect())
      opened.push(adapter)
      return adapter
    },
    connectToShadowDb: async () => {
      const name = `paceline_shadow_${randomUUID().replace(/-/g, '')}`
      await withClient(url, (c) => c.query(`CREATE DATABASE "${name}"`))
      const adapter = sendScriptsWhole(await new PrismaPg({ ...config, database: name }, quiet).connect())
      shadows.push({ name, adapter })
      return adapter
    },
  }
  const adapter = bindMigrationAwareSqlAdapterFactory(factory)
  const schema = await readFile(SCHEMA_PATH, 'utf8')
  const logs: string[] = []
  const engine = await mod.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, (m: string) => logs.push(m), adapter)
  try {
    return await fn(engine)
  } catch (err) {
    const panic = lastPanic
    lastPanic = undefined
    // A panic leaves the WebAssembly instance unusable: load a fresh one next time.
    if (panic) enginePromise = undefined
    throw new Error(panic ? `the Prisma schema engine failed: ${panic}` : engineErrorMessage(err))
  } finally {
    engine.free?.()
    // Close every connection we opened: a template database must have none left (CREATE DATABASE ... TEMPLATE).
    for (const adapter of opened) await adapter.dispose().catch(() => {})
    for (const shadow of shadows) {
      await shadow.adapter.dispose().catch(() => {})
      await withClient(url, (c) => c.query(`DROP DATABASE IF EXISTS "${shadow.name}" WITH (FORCE)`)).catch(() => {})
    }
  }
}

function engineErrorMessage(err: unknown): string {
  // The engine appends a Rust backtrace ("   0: schema_engine_wasm::..."): keep the message.
  if (err instanceof Error) return err.message.split('\n   0: ')[0].trim()
  if (err && typeof err === 'object') {
    const e = err as { message?: string; error?: string; meta?: unknown }
    return e.message ?? e.error ?? JSON.stringify(err)
  }
  return String(err)
}

/** Applies every pending migration; returns the names applied now. */
export async function applyMigrations(url: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = await migrationList(dir)
  return withEngine(url, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: FILTERS })
    return out.appliedMigrationNames
  })
}

/**
 * SQL that would take a database built from the committed migrations to schema.prisma. Empty
 * when they agree. Replays the migrations on a scratch (shadow) database on the same server.
 */
export async function diffMigrationsToSchema(url: string, dir = MIGRATIONS_DIR): Promise<string> {
  const migrationsList = await migrationList(dir)
  const schema = await readFile(SCHEMA_PATH, 'utf8')
  return withEngine(url, async (engine) => {
    const out = await engine.diff({
      from: migrationsList.migrationDirectories.length ? { tag: 'migrations', ...migrationsList } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: FILTERS,
    })
    const sql = (out.stdout ?? '').trim()
    return sql === '-- This is an empty migration.' ? '' : sql
  })
}


export { MIGRATIONS_DIR }
