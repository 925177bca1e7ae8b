import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readConfig } from './config'
import { openDatabase } from '@/lib/database/open'
import { setProcessEnv } from '@/lib/env'
import { loadFixtures, signIn } from './fixtures'
import { loadLeader, dashboardPaths } from './outcomes'
import { measure, type Scenario } from './load'
import { processTreeCpuMs } from './cpu'

// npx tsx scripts/bench/quick.ts [seconds] [workers]: a quick comparison while working on page speed.
// Serves the bench build (.next-bench, from `npm run bench`) on the bench database and measures the
// page floor and the four server-rendered main pages at 16 connections: req/s, p95 and the app's CPU
// per request, each as a ratio to the page floor. About a minute; the full report is `npm run bench`.
// QUICK_ONLY=module,rollout: only these (the floor always runs); QUICK_PATHS=/a,/b: more pages as the
// developer; QUICK_NODE_OPTIONS: Node flags for the server (to try V8 settings).

async function main() {
  const seconds = Number(process.argv[2] ?? 6)
  const workers = process.argv[3] ?? '1'
  const cfg = readConfig()
  setProcessEnv({ DATABASE_URL: cfg.externalUrl, PACELINE_DATA_DIR: cfg.dataDir, PACELINE_PG_PORT: String(cfg.pgPort) })
  const db = await openDatabase(() => {})
  const port = cfg.port + 4
  const baseUrl = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, ['scripts/server.mjs'], {
    cwd: cfg.root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1', NODE_ENV: 'production', PACELINE_WORKERS: workers, DATABASE_URL: db.url, PACELINE_DB_BACKEND: db.backend, NEXTAUTH_SECRET: randomBytes(32).toString('base64url'), NEXTAUTH_URL: baseUrl, NEXT_DIST_DIR: cfg.distDir, NEXT_TELEMETRY_DISABLED: '1', NODE_OPTIONS: process.env.QUICK_NODE_OPTIONS ?? '' },
  })
  try {
    for (let i = 0; i < 120; i++) {
      try { if ((await fetch(`${baseUrl}/api/health`)).ok) break } catch {}
      await new Promise((r) => setTimeout(r, 500))
    }
    const f = await loadFixtures(db.url)
    const leader = await loadLeader(db.url)
    const dev = { cookie: await signIn(baseUrl, f.developer.email) }
    const lead = { cookie: await signIn(baseUrl, leader.email) }
    const scenarios: Array<Scenario & { extra?: boolean }> = [
      { key: 'floor', name: 'page floor /sign-in', paths: ['/sign-in'], headers: {} },
      { key: 'module', name: 'module page', paths: f.slugs.map((s) => `/training/${encodeURIComponent(s)}`), headers: dev },
      { key: 'dashboard', name: 'dashboard (cohort)', paths: dashboardPaths(leader.teamId).cohort, headers: lead },
      { key: 'rollout', name: 'rollout overview', paths: ['/rollout'], headers: lead },
      { key: 'models', name: 'model changes', paths: ['/models'], headers: lead },
    ]
    // QUICK_PATHS=/a,/b: more pages, as the developer ({slug} takes the modules in turn), or signed out
    // (anon:/a) or as the leader (lead:/a).
    for (const entry of process.env.QUICK_PATHS?.split(',').filter(Boolean) ?? []) {
      const [, who, p] = /^(?:(anon|lead):)?(.*)$/.exec(entry)!
      const headers = who === 'anon' ? {} : who === 'lead' ? lead : dev
      scenarios.push({ key: entry, name: entry, extra: true, paths: p.includes('{slug}') ? f.slugs.map((s) => p.replace('{slug}', encodeURIComponent(s))) : [p], headers })
    }
    const only = process.env.QUICK_ONLY?.split(',')
    let floorCpu = NaN
    let floorRps = NaN
    for (const s of scenarios) {
      if (only && s.key !== 'floor' && !s.extra && !only.includes(s.key)) continue
      await measure(baseUrl, s, 16, 2)
      const m = await measure(baseUrl, s, 16, seconds, { cpu: { server: () => processTreeCpuMs(child.pid ?? null), db: () => null } })
      const cpu = m.serverCpuMsPerRequest ?? NaN
      if (s.key === 'floor') { floorCpu = cpu; floorRps = m.rps }
      console.log(`${s.name.padEnd(22)} ${m.rps.toFixed(0).padStart(5)} req/s (${(m.rps / floorRps).toFixed(2)}x)  p95 ${m.p95.toFixed(1).padStart(6)} ms  CPU ${cpu.toFixed(2)} ms (${(floorCpu / cpu).toFixed(2)}x)  non-2xx ${m.non2xx}`)
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    await db.stop()
  }
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1) })
