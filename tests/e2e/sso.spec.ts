import { expect, test, type Page } from '@playwright/test'
import { mainNavLinks } from './support'

// Signs in through a real OpenID Connect provider (oidc-provider on a local port).

async function ssoSignIn(page: Page, login: string) {
  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Sign in with Company SSO' }).click()
  await page.locator('input[name="login"]').fill(login)
  await page.locator('input[name="password"]').fill('any password works on the dev form')
  await page.getByRole('button', { name: 'Sign-in' }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
}

test('a new SSO user with a leaders group claim arrives as a leader', async ({ page }) => {
  await ssoSignIn(page, 'sso-leader')
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/)
  await expect(mainNavLinks(page)).toHaveText(['Rollout', 'Training', 'Model changes', 'Outcomes', 'Budget'])
  await expect(page.getByText('Sam Okafor').first()).toBeVisible()
})

test('an SSO user without a role claim arrives as a developer', async ({ page }) => {
  await ssoSignIn(page, 'sso-dev')
  await expect(mainNavLinks(page)).toHaveText(['Training', 'Model changes'])
})
