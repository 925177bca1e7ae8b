import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { E2E_DATA_DIR } from './global-setup'

// Shared by authz-matrix.spec.ts and security.spec.ts: the e2e app's embedded database (read-only
// use: ids for dynamic segments, digests), and the list of pages and route handlers on disk.

export function e2eDatabaseUrl(): string {
  const state = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, 'embedded.json'), 'utf8')) as { password: string }
  const port = process.env.PACELINE_E2E_PG_PORT ?? '54349'
  return `postgresql://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${port}/paceline`
}

export async function withDb<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: e2eDatabaseUrl() })
  await c.connect()
  try {
    return await fn(c)
  } finally {
    await c.end()
  }
}

export async function one(c: pg.Client, sql: string, params: unknown[] = []): Promise<Record<string, string>> {
  const r = await c.query(sql, params)
  if (!r.rows[0]) throw new Error(`the demo data has no row for: ${sql}`)
  return r.rows[0]
}

/** Real ids and slugs from the demo data for every dynamic segment. */
export interface DemoIds {
  changeId: string
  cohortId: string
  pollId: string
  findingId: string
  importId: string
  modelId: string
  skillSlug: string
  surveyId: string
  taskId: string
  trainingSlug: string
  trainingVersion: string
  webhookId: string
}

export const MISSING_ID = '00000000-0000-4000-8000-000000000000'

export async function demoIds(): Promise<DemoIds> {
  return withDb(async (c) => {
    const maybe = async (sql: string) => ((await c.query(sql)).rows[0]?.id as string | undefined) ?? MISSING_ID
    const mod = await one(c, `SELECT m.slug, v.number FROM "TrainingModule" m JOIN "TrainingModuleVersion" v ON v."moduleId" = m.id WHERE m.status = 'PUBLISHED' ORDER BY m.slug, v.number LIMIT 1`)
    return {
      changeId: (await one(c, `SELECT id FROM "ModelChangeEvent" ORDER BY "createdAt" LIMIT 1`)).id,
      cohortId: (await one(c, `SELECT id FROM "Cohort" ORDER BY "createdAt" LIMIT 1`)).id,
      pollId: await maybe(`SELECT id FROM "ExpertPoll" ORDER BY "createdAt" LIMIT 1`),
      findingId: (await one(c, `SELECT id FROM "Finding" ORDER BY "createdAt" LIMIT 1`)).id,
      importId: await maybe(`SELECT id FROM "ImportJob" ORDER BY "createdAt" LIMIT 1`),
      modelId: (await one(c, `SELECT id FROM "ModelVersion" ORDER BY "createdAt" LIMIT 1`)).id,
      skillSlug: (await one(c, `SELECT slug FROM "Skill" ORDER BY slug LIMIT 1`)).slug,
      surveyId: (await one(c, `SELECT id FROM "PulseSurvey" ORDER BY "createdAt" LIMIT 1`)).id,
      taskId: await maybe(`SELECT id FROM "RevalidationTask" ORDER BY "createdAt" LIMIT 1`),
      trainingSlug: mod.slug,
      trainingVersion: String(mod.number),
      webhookId: await maybe(`SELECT id FROM "WebhookEndpoint" ORDER BY "createdAt" LIMIT 1`),
    }
  })
}

/** Every app/**\/page.tsx and app/**\/route.ts, relative to app/. */
export function appFiles(): { pages: string[]; routes: string[] } {
  const pages: string[] = []
  const routes: string[] = []
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name)
      if (e.isDirectory()) walk(full)
      else if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(e.name)) pages.push(path.relative('app', full))
      else if (/^route\.(ts|js)$/.test(e.name)) routes.push(path.relative('app', full))
    }
  }
  walk('app')
  return { pages: pages.sort(), routes: routes.sort() }
}

/** The HTTP methods a route file exports (export function/const GET, or export { x as GET }). */
export function exportedMethods(routeFile: string): string[] {
  const src = readFileSync(path.join('app', routeFile), 'utf8')
  const found = new Set<string>()
  for (const m of src.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) found.add(m[1])
  for (const m of src.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/).at(-1)?.trim()
      if (name && /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(name)) found.add(name)
    }
  }
  return [...found].sort()
}

/** A Node/V8 stack line or a server file path in a response body. */
export const STACK_TRACE = /\n\s+at\s+\S+.*\(?[/\\][^)\s]+:\d+:\d+|\/work\/|node_modules[/\\]|webpack-internal:|[A-Za-z]:\\[^\s]+\.ts|\.tsx?:\d+:\d+/

/** An exported server action: the file (relative to the repository) and the export's name. */
export interface ServerActionExport {
  file: string
  name: string
}

const SOURCE_ROOTS = ['app', 'lib', 'components']

/**
 * Every server action in the sources: each export of a module whose first statement is 'use server',
 * and every function with an inline 'use server' (listed as `inline@<line>`, so the matrix must name it).
 */
export function serverActionExports(): ServerActionExport[] {
  const out: ServerActionExport[] = []
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name)
      if (e.isDirectory()) {
        if (e.name !== 'generated' && e.name !== 'node_modules') walk(full)
        continue
      }
      if (!/\.(ts|tsx|js|jsx|mjs)$/.test(e.name)) continue
      const src = readFileSync(full, 'utf8')
      if (!/['"]use server['"]/.test(src)) continue
      const body = src.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, '')
      if (/^['"]use server['"]/.test(body)) {
        for (const m of src.matchAll(/export\s+(?:async\s+)?(?:function\s*\*?|const|let|var)\s+([A-Za-z_$][\w$]*)/g)) out.push({ file: full, name: m[1] })
        for (const m of src.matchAll(/export\s*\{([^}]*)\}/g)) {
          for (const part of m[1].split(',')) {
            const name = part.trim().split(/\s+as\s+/).at(-1)?.trim()
            if (name) out.push({ file: full, name })
          }
        }
        if (/export\s+default\b/.test(src)) out.push({ file: full, name: 'default' })
      } else {
        src.split('\n').forEach((line, i) => {
          if (/^\s*['"]use server['"]/.test(line)) out.push({ file: full, name: `inline@${i + 1}` })
        })
      }
    }
  }
  for (const root of SOURCE_ROOTS) walk(root)
  return out.sort((a, b) => `${a.file}#${a.name}`.localeCompare(`${b.file}#${b.name}`))
}

/** One server action in the build: its id, source file and export, and the pages (workers) that can run it. */
export interface BuiltServerAction {
  id: string
  file: string
  name: string
  workers: string[]
}

/** The build's server-reference-manifest.json (NEXT_DIST_DIR, as the e2e app was built). */
export function builtServerActions(): BuiltServerAction[] {
  const dist = process.env.NEXT_DIST_DIR ?? '.next'
  const manifest = JSON.parse(readFileSync(path.join(dist, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>
  }
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    file: entry.filename ?? '',
    name: entry.exportedName ?? '',
    workers: Object.keys(entry.workers),
  }))
}

/**
 * A cheap fingerprint of the whole database: per table its row count, and where the table has them
 * the latest updatedAt and the sum of versions. One query (built once per call from the catalogue).
 * Tables in `excluded` are left out: tables that move on their own (sign-in bookkeeping and
 * server-side sessions, token last use, the audit log that also records refusals, schema history).
 */
export const DIGEST_EXCLUDED = new Set(['_prisma_migrations', 'AuditLog', 'LoginFailure', 'ApiToken', 'AuthSession'])

export async function databaseDigest(c: pg.Client, excluded: ReadonlySet<string> = DIGEST_EXCLUDED): Promise<Record<string, string>> {
  return (await databaseDigester(c, excluded))()
}

/** The digest query built once (for many digests on one connection, as the fuzzer takes). */
export async function databaseDigester(c: pg.Client, excluded: ReadonlySet<string> = DIGEST_EXCLUDED): Promise<() => Promise<Record<string, string>>> {
  const cols = await c.query(
    `SELECT c.table_name AS t, array_agg(c.column_name::text) AS cols FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' GROUP BY c.table_name ORDER BY c.table_name`,
  )
  const parts: string[] = []
  for (const row of cols.rows as Array<{ t: string; cols: string[] }>) {
    if (excluded.has(row.t)) continue
    const names = new Set(row.cols)
    const fields = ['count(*)::text']
    if (names.has('updatedAt')) fields.push(`coalesce(max("updatedAt")::text, '-')`)
    if (names.has('version')) fields.push(`coalesce(sum("version")::text, '-')`)
    parts.push(`SELECT ${pgLiteral(row.t)} AS t, concat_ws('|', ${fields.join(', ')}) AS d FROM "${row.t.replace(/"/g, '""')}"`)
  }
  const sql = parts.join(' UNION ALL ')
  return async () => {
    const out: Record<string, string> = {}
    if (!parts.length) return out
    const r = await c.query(sql)
    for (const row of r.rows as Array<{ t: string; d: string }>) out[row.t] = row.d
    return out
  }
}

function pgLiteral(s: string): string {
  return `'${s.replace(/'/g, "''")}'`
}

/** The tables whose fingerprint differs, as "Table: before -> after". */
export function digestDiff(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]).map((t) => `${t}: ${before[t]} -> ${after[t]}`)
}
