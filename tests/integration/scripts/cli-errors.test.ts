import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'

// The commands fail fast with one clear line (no stack trace) on bad configuration.

function run(script: string, env: Record<string, string>, args: string[] = []) {
  const started = Date.now()
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env, PACELINE_DEBUG: '' },
    timeout: 60_000,
  })
  return { code: r.status, stderr: r.stderr.trim(), stdout: r.stdout.trim(), ms: Date.now() - started }
}

describe('start-up with a bad DATABASE_URL', () => {
  it.each([
    ['mysql://root@localhost/paceline', 'paceline: error: DATABASE_URL must start with postgresql:// (got mysql://); Paceline runs on PostgreSQL 15 or newer only'],
    ['postgresql://postgres:pw@127.0.0.1:1/paceline', 'paceline: error: cannot reach PostgreSQL at 127.0.0.1:1/paceline: connection refused'],
    ['://nonsense', 'paceline: error: DATABASE_URL is not a valid URL (expected postgresql://user:password@host:5432/database)'],
  ])('npm start with %s exits 1 with one line', (url, line) => {
    const r = run('scripts/start.ts', { DATABASE_URL: url, PORT: '3999' })
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(line)
    expect(r.stderr).not.toMatch(/\n|at .*\.ts:\d+/)
  })

  it('npm run db:migrate says the same', () => {
    const r = run('scripts/db-migrate.ts', { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/x' })
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('paceline: error: cannot reach PostgreSQL at 127.0.0.1:1/x: connection refused')
  })

  it('production refuses to start without NEXTAUTH_SECRET', () => {
    const r = run('scripts/start.ts', { NODE_ENV: 'production', NEXTAUTH_SECRET: '', DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/x' })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^paceline: error: NEXTAUTH_SECRET is required when NODE_ENV=production/)
  })

  it('npm run db:migration without a name explains its usage', () => {
    const r = run('scripts/db-migration.ts', {})
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('paceline: error: usage: npm run db:migration -- <name>   (e.g. add_learning_paths)')
  })
})
