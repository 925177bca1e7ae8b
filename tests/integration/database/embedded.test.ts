import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startEmbeddedPostgres, runningServerPid } from '@/lib/database/embedded'
import { withClient } from '@/lib/database/pool'

// The embedded server's lifecycle, on its own data folder and port (independent of the backend
// the rest of the suite uses).

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

const dirs: string[] = []
async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'paceline-embedded-'))
  await chmod(dir, 0o755)
  dirs.push(dir)
  return dir
}
afterAll(async () => {
  for (const d of dirs) {
    const pid = await runningServerPid(path.join(d, 'postgres'))
    if (pid) process.kill(pid, 'SIGINT')
    await rm(d, { recursive: true, force: true }).catch(() => {})
  }
})

describe('embedded PostgreSQL', () => {
  it('initialises on first start, keeps data across restarts, and stops cleanly', async () => {
    const dir = await tempDir()
    const port = await freePort()
    const first = await startEmbeddedPostgres({ dir, port })
    await withClient(first.url(), (c) => c.query('CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)'))
    await first.stop()
    expect(existsSync(path.join(dir, 'postgres', 'postmaster.pid'))).toBe(false)
    const second = await startEmbeddedPostgres({ dir, port })
    const rows = await withClient(second.url(), async (c) => (await c.query('SELECT v FROM kept')).rows)
    expect(rows).toEqual([{ v: 42 }])
    const version = await withClient(second.url(), async (c) => Number((await c.query('SHOW server_version_num')).rows[0].server_version_num))
    expect(version).toBeGreaterThanOrEqual(150000)
    await second.stop()
    // The password is generated, private to the owner, and not the package default.
    const state = JSON.parse(await readFile(path.join(dir, 'embedded.json'), 'utf8'))
    expect(state.password).not.toBe('password')
    expect(state.password.length).toBeGreaterThanOrEqual(20)
  })

  it('recovers after the process that started it was killed (orphaned server, lock left behind)', async () => {
    const dir = await tempDir()
    const port = await freePort()
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/embedded-child.ts', dir, String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d) => String(d).includes('READY') && resolve())
      child.on('exit', (code) => reject(new Error(`child exited ${code}`)))
    })
    const orphan = await runningServerPid(path.join(dir, 'postgres'))
    expect(orphan).toBeTruthy()
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))

    const logs: string[] = []
    const server = await startEmbeddedPostgres({ dir, port, log: (m) => logs.push(m) })
    expect(logs.join('\n')).toMatch(/left running by an earlier run/)
    const pid = await runningServerPid(path.join(dir, 'postgres'))
    expect(pid).not.toBe(orphan)
    await withClient(server.url(), (c) => c.query('SELECT 1'))
    await server.stop()
  })

  it('removes a stale lock whose process is gone', async () => {
    const dir = await tempDir()
    const port = await freePort()
    const s1 = await startEmbeddedPostgres({ dir, port })
    await s1.stop()
    await writeFile(path.join(dir, 'postgres', 'postmaster.pid'), `999999\n${path.join(dir, 'postgres')}\n0\n${port}\n`)
    const logs: string[] = []
    const s2 = await startEmbeddedPostgres({ dir, port, log: (m) => logs.push(m) })
    expect(logs.join('\n')).toMatch(/stale PostgreSQL lock/)
    await withClient(s2.url(), (c) => c.query('SELECT 1'))
    await s2.stop()
  })

  it('fails with one clear sentence when its port is taken', async () => {
    const dir = await tempDir()
    const blocker = net.createServer()
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)))
    try {
      await expect(startEmbeddedPostgres({ dir, port })).rejects.toThrow(new RegExp(`port ${port} on 127.0.0.1 is in use`))
    } finally {
      blocker.close()
    }
  })
})
