import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { portIsFree } from '@/lib/database/embedded'
import type { OpenDatabase } from '@/lib/database/open'
import type { BenchConfig } from './config'

// The app under test: a production build in the bench's own folder, served by scripts/server.mjs
// with the same environment scripts/start.ts gives it.

/** `next build` into cfg.distDir when the sources changed. Next rewrites tsconfig.json and
 *  next-env.d.ts for a non-default folder; both are put back so nobody else's setup moves. */
export async function buildApp(cfg: BenchConfig, log: (m: string) => void): Promise<void> {
  process.env.NEXT_DIST_DIR = cfg.distDir
  const guarded = ['tsconfig.json', 'next-env.d.ts'].map((f) => path.join(cfg.root, f))
  const before = guarded.map((f) => (existsSync(f) ? readFileSync(f, 'utf8') : null))
  const restore = () => {
    guarded.forEach((file, i) => {
      const was = before[i]
      if (was !== null && existsSync(file) && readFileSync(file, 'utf8') !== was) {
        writeFileSync(file, was)
        log(`restored ${path.basename(file)} (next build had rewritten it for ${cfg.distDir})`)
      }
    })
  }
  // Also on Ctrl+C during the build (exit handlers run even when a signal handler exits).
  process.once('exit', restore)
  // Imported here: build-stamp reads NEXT_DIST_DIR when it loads.
  const { buildIfNeeded } = await import('../next-build')
  try {
    buildIfNeeded(log)
  } finally {
    restore()
    process.removeListener('exit', restore)
  }
}

export interface RunningServer {
  baseUrl: string
  pid: number | undefined
  logFile: string
  /** Sends SIGTERM at once (safe in a signal handler); the promise settles when the process is gone. */
  stop: () => Promise<void>
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was healthy`)
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) })
      const body = await res.text()
      if (res.ok) return
      last = `HTTP ${res.status}: ${body.slice(0, 200)}`
    } catch (err) {
      last = err instanceof Error ? err.message : String(err)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the server was not healthy after ${timeoutMs / 1000} s (${last})`)
}

export async function startServer(cfg: BenchConfig, db: Pick<OpenDatabase, 'url' | 'backend'>, log: (m: string) => void, logName = 'server.log'): Promise<RunningServer> {
  if (!(await portIsFree(cfg.port))) throw new Error(`port ${cfg.port} on 127.0.0.1 is in use; set BENCH_PORT to a free port`)
  mkdirSync(cfg.resultsDir, { recursive: true })
  const logFile = path.join(cfg.resultsDir, logName)
  const out = createWriteStream(logFile)
  const baseUrl = `http://127.0.0.1:${cfg.port}`
  const child = spawn(process.execPath, ['scripts/server.mjs'], {
    cwd: cfg.root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(cfg.port),
      HOSTNAME: '127.0.0.1',
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      PACELINE_DB_BACKEND: db.backend,
      // Sessions only need to outlive this run.
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: baseUrl,
      NEXT_DIST_DIR: cfg.distDir,
      NEXT_TELEMETRY_DISABLED: '1',
      PACELINE_WORKERS: cfg.workers,
    },
  })
  child.stdout?.pipe(out)
  child.stderr?.pipe(out)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  // Last resort if this process dies without cleaning up: never leave a server on the port.
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
  process.once('exit', killOnExit)

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 8_000)
      await exited
      clearTimeout(timer)
    }
    process.removeListener('exit', killOnExit)
    out.end()
  }

  try {
    await waitForHealth(baseUrl, child, 60_000)
  } catch (err) {
    await stop()
    const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n')
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- ${logFile} (last lines) ---\n${tail}`)
  }
  log(`server ready on ${baseUrl} (log: ${path.relative(cfg.root, logFile)})`)
  return { baseUrl, pid: child.pid, logFile, stop }
}
