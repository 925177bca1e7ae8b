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
