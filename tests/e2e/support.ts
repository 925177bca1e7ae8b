import { spawnSync } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { expect, type Page } from '@playwright/test'
import { hashPassword } from '@/lib/auth/password'
import { E2E_DATA_DIR } from './global-setup'
import { withDb } from './security-support'

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'paceline-demo'

export const NAV_BY_ACCOUNT: Array<[email: string, role: string, links: string[]]> = [
  ['admin@example.com', 'ADMIN', ['Rollout', 'Training', 'Model changes', 'Pulse surveys', 'Outcomes', 'Budget', 'Audit log', 'Admin']],
  ['leader@example.com', 'LEADER', ['Rollout', 'Training', 'Model changes', 'Pulse surveys', 'Outcomes', 'Budget', 'Audit log']],
  ['expert@example.com', 'EXPERT', ['Rollout', 'Training', 'Model changes', 'Pulse surveys']],
  ['expert2@example.com', 'EXPERT', ['Rollout', 'Training', 'Model changes', 'Pulse surveys']],
  ['dev@example.com', 'DEVELOPER', ['Rollout', 'Training', 'Model changes', 'Pulse surveys']],
]

export async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in')
  await fillSignIn(page, email, password)
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
}

export function mainNavLinks(page: Page) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link')
}

/** Signs in through the local OIDC provider's development login and consent forms. */
export async function ssoSignIn(page: Page, login: string) {
  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Sign in with Company SSO' }).click()
  await page.locator('input[name="login"]').fill(login)
  await page.locator('input[name="password"]').fill('any password works on the dev form')
  await page.getByRole('button', { name: 'Sign-in' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
}

/** `npm run token` against the e2e app's embedded database (shared with the running server). */
export function runTokenCli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/token.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, PACELINE_DATA_DIR: E2E_DATA_DIR, PACELINE_PG_PORT: process.env.PACELINE_E2E_PG_PORT ?? '54349', DATABASE_URL: '' },
  })
}

export function tokenFor(email: string, ...extra: string[]): string {
  const out = runTokenCli('--email', email, ...extra)
  if (out.status !== 0) throw new Error(out.stderr)
  return out.stdout.trim().split('\n').at(-1)!
}

/**
 * A fresh account with a password, written straight into the e2e database: for specs that change
 * an account's security (second factor, sign out everywhere) without touching the shared demo
 * accounts other specs sign in as.
 */
export async function createPasswordUser(role: 'ADMIN' | 'LEADER' | 'EXPERT' | 'DEVELOPER', password = DEMO_PASSWORD): Promise<{ email: string; password: string; id: string }> {
  const email = `e2e-${role.toLowerCase()}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`
  const passwordHash = await hashPassword(password)
  const id = await withDb(async (c) => {
    const r = await c.query(`INSERT INTO "User" (email, name, role, "passwordHash", "updatedAt") VALUES ($1, $2, $3::"Role", $4, now()) RETURNING id`, [email, `E2E ${role.toLowerCase()}`, role, passwordHash])
    return String(r.rows[0].id)
  })
  return { email, password, id }
}

/** The 6-digit TOTP code (RFC 6238, SHA-1, 30 s) of a base32 secret as the enrolment page shows it, `offset` steps from now. */
export function totpCode(base32Secret: string, offset = 0, nowMs = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const ch of base32Secret.replace(/\s/g, '').toUpperCase()) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0')
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)))
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(nowMs / 30_000) + offset))
  const mac = createHmac('sha1', key).update(counter).digest()
  const o = mac[mac.length - 1] & 0x0f
  return String((((mac[o] & 0x7f) << 24) | (mac[o + 1] << 16) | (mac[o + 2] << 8) | mac[o + 3]) % 1_000_000).padStart(6, '0')
}
