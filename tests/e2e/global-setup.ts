import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { E2E_PORT, E2E_URL } from '../../playwright.config'

// Starts a real OIDC provider and the app exactly as `npm start` does (embedded PostgreSQL in a data
// folder of its own, migrations, demo seed, build if needed, the production server), then waits
// for /api/health. Teardown stops the app with SIGTERM and checks the database stopped cleanly.

export const E2E_DATA_DIR = process.env.PACELINE_E2E_DATA_DIR ?? path.join(process.cwd(), 'data', 'e2e')
export const OIDC_PORT = Number(process.env.PACELINE_E2E_OIDC_PORT ?? 3219)

/** The app's SSO settings against the test OpenID Connect provider (every app instance the e2e runs). */
export const SSO_ENV = {
  OIDC_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
  OIDC_CLIENT_ID: 'paceline-e2e',
  OIDC_CLIENT_SECRET: 'paceline-e2e-secret-0123456789abcdef',
  OIDC_DISPLAY_NAME: 'Company SSO',
  OIDC_SCOPES: 'openid email profile paceline',
  OIDC_ROLE_MAP: 'eng-leads=LEADER',
}

function waitForLine(child: ChildProcess, text: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for "${text}"`)), timeoutMs)
    child.stdout?.on('data', (d) => {
      if (String(d).includes(text)) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.on('exit', (code) => reject(new Error(`process exited (${code}) before "${text}"`)))
  })
}

async function waitForHealth(app: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  let exited = false
  app.on('exit', () => (exited = true))
  while (Date.now() < deadline) {
    if (exited) throw new Error('the app exited during start-up (see its output above)')
    try {
      const r = await fetch(`${E2E_URL}/api/health`)
      if (r.status === 200) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('the app did not become healthy in time')
}

export default async function globalSetup() {
  await rm(E2E_DATA_DIR, { recursive: true, force: true })

  const oidc = spawn(process.execPath, ['tests/support/oidc-server.mjs'], {
    env: { ...process.env, OIDC_PORT: String(OIDC_PORT), APP_URL: E2E_URL },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await waitForLine(oidc, 'READY', 20_000)

  // The app gets the embedded database and its own NODE_ENV, whatever this shell has.
  const { DATABASE_URL: _url, NODE_ENV: _nodeEnv, ...inherited } = process.env
  const env: Record<string, string | undefined> = {
    ...inherited,
    PORT: String(E2E_PORT),
    HOSTNAME: '127.0.0.1',
    PACELINE_DATA_DIR: E2E_DATA_DIR,
    PACELINE_PG_PORT: process.env.PACELINE_E2E_PG_PORT ?? '54349',
    NEXTAUTH_URL: E2E_URL,
    // Tests act as a reverse proxy to simulate several client addresses (rate limits).
    PACELINE_TRUSTED_PROXIES: '1',
    ...SSO_ENV,
  }
  const app = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'inherit', 'inherit'] })
  try {
    await waitForHealth(app, 8 * 60_000)
  } catch (err) {
    // Leave nothing running: the next run would otherwise delete a live server's data folder.
    app.kill('SIGTERM')
    oidc.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 3_000))
    throw err
  }

  return async () => {
    const exited = new Promise((r) => app.once('exit', r))
    app.kill('SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))])
    oidc.kill('SIGTERM')
    if (existsSync(path.join(E2E_DATA_DIR, 'postgres', 'postmaster.pid'))) {
      throw new Error('the embedded PostgreSQL was not stopped cleanly on SIGTERM')
    }
  }
}
