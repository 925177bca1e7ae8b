import { spawnSync } from 'node:child_process'
import { expect, type Page } from '@playwright/test'
import { E2E_DATA_DIR } from './global-setup'

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'paceline-demo'

export const NAV_BY_ACCOUNT: Array<[email: string, role: string, links: string[]]> = [
  ['admin@example.com', 'ADMIN', ['Rollout', 'Training', 'Model changes', 'Pulse surveys', 'Outcomes', 'Budget', 'Admin']],
  ['leader@example.com', 'LEADER', ['Rollout', 'Training', 'Model changes', 'Pulse surveys', 'Outcomes', 'Budget']],
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
