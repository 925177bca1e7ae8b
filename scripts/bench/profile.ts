import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { readConfig } from './config'
import { openDatabase } from '@/lib/database/open'
import { setProcessEnv } from '@/lib/env'
import { loadFixtures, signIn } from './fixtures'
import { loadLeader, dashboardPaths } from './outcomes'
import { measure } from './load'
import { processCpuMs } from './cpu'

// npx tsx scripts/bench/profile.ts <page|dashboard|sign-in|/any/path> [seconds]
// Profiles the bench build (.next-bench) under load with `node --cpu-prof` against the bench
// database, and prints where the server's CPU went (self time by function and by package).
// Run `npm run bench` first (it builds and seeds). See docs/bench.md.

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number; children?: number[] }

async function main() {
  const what = process.argv[2] ?? 'page'
  const seconds = Number(process.argv[3] ?? 10)
  const cfg = readConfig()
  setProcessEnv({ DATABASE_URL: cfg.externalUrl, PACELINE_DATA_DIR: cfg.dataDir, PACELINE_PG_PORT: String(cfg.pgPort) })
  const db = await openDatabase(() => {})
  const measured = { from: 0, to: 0, requests: 0 }
  const port = cfg.port + 2
  const baseUrl = `http://127.0.0.1:${port}`
  const dir = path.join(cfg.resultsDir, 'profile')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, 'scripts/server.mjs'], {
    cwd: cfg.root,
    stdio: 'inherit',
    env: { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1', NODE_ENV: 'production', DATABASE_URL: db.url, PACELINE_DB_BACKEND: db.backend, NEXTAUTH_SECRET: randomBytes(32).toString('base64url'), NEXTAUTH_URL: baseUrl, NEXT_DIST_DIR: cfg.distDir, NEXT_TELEMETRY_DISABLED: '1' },
  })
  try {
    for (let i = 0; i < 120; i++) {
      try { if ((await fetch(`${baseUrl}/api/health`)).ok) break } catch {}
      await new Promise((r) => setTimeout(r, 500))
    }
    let paths: string[]
    let headers: Record<string, string> = {}
    if (what === 'dashboard') {
      const leader = await loadLeader(db.url)
      headers = { cookie: await signIn(baseUrl, leader.email) }
      // PROFILE_PATH=/rollout: another page, as the bench's leader.
      paths = process.env.PROFILE_PATH ? [process.env.PROFILE_PATH] : dashboardPaths(leader.teamId).cohort
    } else if (what === 'sign-in') {
      paths = ['/sign-in']
    } else if (what.startsWith('/')) {
      // Any page, as the bench's developer.
      const f = await loadFixtures(db.url)
      headers = { cookie: await signIn(baseUrl, f.developer.email) }
      paths = [what]
    } else {
      const f = await loadFixtures(db.url)
      headers = { cookie: await signIn(baseUrl, f.developer.email) }
      paths = f.slugs.map((s) => `/training/${encodeURIComponent(s)}`)
    }
    const html = await (await fetch(`${baseUrl}${paths[0]}`, { headers })).text()
    const flight = [...html.matchAll(/self\.__next_f\.push\((.*?)\)<\/script>/gs)].reduce((n, m) => n + m[1].length, 0)
    console.log(`${paths[0]}: ${(html.length / 1024).toFixed(1)} kB of HTML, ${(flight / 1024).toFixed(1)} kB of it the inlined RSC payload`)
    if (process.env.PROFILE_SAVE_HTML) require('node:fs').writeFileSync(process.env.PROFILE_SAVE_HTML, html)
    await measure(baseUrl, { key: what, name: what, paths, headers }, 16, 3)
    measured.from = Number(process.hrtime.bigint() / 1000n)
    const m = await measure(baseUrl, { key: what, name: what, paths, headers }, 16, seconds, { cpu: { server: () => processCpuMs(child.pid), db: () => null } })
    measured.to = Number(process.hrtime.bigint() / 1000n)
    measured.requests = m.count
    console.log(`${what}: ${m.count} requests, ${m.rps.toFixed(0)} req/s, p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms, non-2xx ${m.non2xx}, app CPU ${m.serverCpuMsPerRequest?.toFixed(2) ?? '-'} ms per request (with the profiler on)`)
  } finally {
    child.kill('SIGINT')
    await new Promise((r) => child.once('exit', r))
    await db.stop()
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
  if (!file) throw new Error('no profile written')
  const prof = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as { nodes: Node[]; startTime: number; endTime: number; samples: number[] }
  const total = prof.nodes.reduce((n, x) => n + (x.hitCount ?? 0), 0)
  const byFn = new Map<string, number>()
  const byPkg = new Map<string, number>()
  for (const n of prof.nodes) {
    const hits = n.hitCount ?? 0
    if (!hits) continue
    const url = n.callFrame.url
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.includes('.next') ? `app:${url.split('/').slice(-1)[0]}` : url ? 'node:' + url.split('/').slice(-1)[0] : n.callFrame.functionName)
    const fn = `${n.callFrame.functionName || '(anon)'} ${url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`
    byFn.set(fn, (byFn.get(fn) ?? 0) + hits)
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + hits)
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, h]) => `${((100 * h) / total).toFixed(1).padStart(5)}%  ${name}`)
  console.log(`\nself time by package (${total} samples):`, '\n' + top(byPkg, 25).join('\n'))
  console.log('\nself time by function:', '\n' + top(byFn, 40).join('\n'))
  console.log(`\nCPU per request by rendering stage, during the measured run only (self time):\n${byStage(prof as unknown as Profile, measured, cfg.root)}`)
  console.log(`\nprofile: ${path.join(dir, file)}`)
}

interface Profile { nodes: Node[]; startTime: number; samples: number[]; timeDeltas: number[] }

/**
 * Self time per request, grouped by what the code does. React and Next's page renderer come as one
 * minified bundle (app-page-turbo.runtime.prod.js); a frame is placed by the bundle's module that
 * contains it. V8 stamps samples with the same monotonic clock as process.hrtime, so only samples
 * taken during the measured run count.
 */
function byStage(prof: Profile, measured: { from: number; to: number; requests: number }, root: string): string {
  const runtime = path.join(root, 'node_modules/next/dist/compiled/next-server/app-page-turbo.runtime.prod.js')
  const lines = readFileSync(runtime, 'utf8').split('\n')
  const bounds: Array<[number, number, string]> = []
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/"([^"]{3,160})"\((?:e|e,t|e,t,r)\)\{/g)) bounds.push([i, m.index, m[1]])
  })
  const moduleAt = (line: number, col: number) => {
    let lo = 0, hi = bounds.length - 1, found = ''
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const [l, c] = bounds[mid]
      if (l < line || (l === line && c <= col)) { found = bounds[mid][2]; lo = mid + 1 } else hi = mid - 1
    }
    return found
  }
  const stage = (n: Node): string => {
    const { url, lineNumber, columnNumber, functionName } = n.callFrame
    if (url.includes('app-page-turbo.runtime')) {
      const mod = moduleAt(lineNumber, columnNumber)
      if (mod.includes('react-server-dom-turbopack-server')) return 'React server components (Flight render and serialisation)'
      if (mod.includes('react-dom-server')) return 'React HTML render (Fizz)'
      if (mod.includes('react-server-dom-turbopack-client')) return 'RSC payload decoded for the HTML render'
      if (mod.includes('react')) return 'React, other'
      return "Next's page renderer (app-render)"
    }
    if (functionName === '(garbage collector)') return 'garbage collection'
    if (functionName === '(idle)' || functionName === '(program)') return 'idle, program'
    if (/node_modules\/next\//.test(url)) return "Next's server (routing, request handling)"
    if (/node_modules\/(pg|pg-protocol|pg-pool|@prisma)\//.test(url)) return 'database driver (pg, Prisma)'
    if (url.includes('.next')) return 'the app bundle (app code and bundled libraries)'
    if (url.startsWith('node:')) return /stream/.test(url) ? 'Node streams' : /async_hooks/.test(url) ? 'Node async_hooks (AsyncLocalStorage)' : 'Node, other'
    return url ? 'other' : 'native (writes, microtasks)'
  }
  const byId = new Map(prof.nodes.map((n) => [n.id, n]))
  const ms = new Map<string, number>()
  let t = prof.startTime
  prof.samples.forEach((id, i) => {
    t += prof.timeDeltas[i]
    if (t < measured.from || t > measured.to) return
    const k = stage(byId.get(id)!)
    ms.set(k, (ms.get(k) ?? 0) + prof.timeDeltas[i] / 1000)
  })
  const n = Math.max(1, measured.requests)
  const total = [...ms.values()].reduce((a, b) => a + b, 0)
  return [...ms].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${(v / n).toFixed(2).padStart(6)} ms  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n') +
    `\n${(total / n).toFixed(2).padStart(6)} ms  on the main thread per request (${measured.requests} requests)`
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1) })
