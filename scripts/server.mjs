// The production HTTP server: Next.js's request handler behind a plain Node server, so that the
// client address the app sees is the socket's, not a header the client wrote. With
// PACELINE_TRUSTED_PROXIES=N (N reverse proxies in front), the socket address is appended to the
// X-Forwarded-For chain and lib/auth/rules.ts clientAddress() skips the N trusted hops.
//
// PACELINE_WORKERS=N (or `auto`: one per CPU core) runs N identical server processes sharing the
// port through node:cluster; a Node process renders on one core only. Nothing is kept in process
// memory that N instances could disagree on (docs/deployment.md), so workers need no coordination.
// The primary only forks, restarts a worker that dies, and passes SIGTERM/SIGINT on.
import cluster from 'node:cluster'
import http from 'node:http'
import os from 'node:os'
import next from 'next'

const port = Number(process.env.PORT ?? 3000)
const hostname = process.env.HOSTNAME ?? '0.0.0.0'
const trusted = Number(process.env.PACELINE_TRUSTED_PROXIES ?? 0)

/** PACELINE_WORKERS: unset or 1 = one process; `auto` = os.availableParallelism(); N = N processes. */
function workerCount(value = process.env.PACELINE_WORKERS) {
  if (value === undefined || value.trim() === '') return 1
  if (value.trim().toLowerCase() === 'auto') return os.availableParallelism()
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    console.error(`paceline: error: PACELINE_WORKERS must be a whole number from 1 to 256 or "auto" (got "${value}")`)
    process.exit(1)
  }
  return n
}

const workers = workerCount()
if (workers > 1 && cluster.isPrimary) {
  await runPrimary(workers)
} else {
  await runServer()
}

async function runPrimary(count) {
  let stopping = false
  let exitCode = 0
  let announced = false
  const restarts = []
  /** Workers that have started listening; one that exits before it does failed at start. */
  const started = new Set()
  const fork = () => cluster.fork()
  cluster.on('listening', (worker) => {
    started.add(worker.id)
    if (!announced && started.size === count) {
      announced = true
      console.log(`paceline: listening on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port} (${count} workers)`)
    }
  })
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode)
      return
    }
    // A worker that cannot listen (port in use, bad config) exits at start, before it listens:
    // stop everything rather than fork forever. A worker that dies after it started listening is
    // replaced, even while a sibling is still starting, at most 5 times a minute.
    const now = Date.now()
    while (restarts.length && now - restarts[0] > 60_000) restarts.shift()
    const failedAtStart = !started.has(worker.id)
    started.delete(worker.id)
    if (failedAtStart || restarts.length >= 5) {
      console.error(`paceline: error: worker ${worker.process.pid} exited (${signal ?? code}); stopping`)
      stopping = true
      exitCode = 1
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM')
      setTimeout(() => process.exit(1), 5_000).unref()
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1)
      return
    }
    restarts.push(now)
    console.error(`paceline: worker ${worker.process.pid} exited (${signal ?? code}); starting another`)
    fork()
  })
  const shutdown = () => {
    if (stopping) return
    stopping = true
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM')
    setTimeout(() => process.exit(0), 6_000).unref()
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  for (let i = 0; i < count; i++) fork()
}

async function runServer() {

  const app = next({ dev: false, dir: process.cwd(), port, hostname })
  const handle = app.getRequestHandler()
  await app.prepare()

  const server = http.createServer((req, res) => {
    const socketAddress = req.socket.remoteAddress ?? 'unknown'
    const existing = req.headers['x-forwarded-for']
    req.headers['x-forwarded-for'] = trusted > 0 && existing ? `${existing}, ${socketAddress}` : socketAddress
    handle(req, res).catch((err) => {
      console.error('[server] unhandled', err)
      if (!res.headersSent) {
        res.statusCode = 500
        res.end('Internal Server Error')
      }
    })
  })
  server.keepAliveTimeout = 65_000
  server.on('error', (err) => {
    console.error(`paceline: error: cannot listen on ${hostname}:${port}: ${err.code === 'EADDRINUSE' ? 'the port is in use (set PORT)' : err.message}`)
    process.exit(1)
  })
  server.listen(port, hostname, () => {
    if (cluster.isPrimary) console.log(`paceline: listening on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`)
  })

  let closing = false
  function shutdown() {
    if (closing) return
    closing = true
    server.close(() => process.exit(0))
    server.closeIdleConnections?.()
    setTimeout(() => process.exit(0), 5_000).unref()
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}
