import { expect, test } from '@playwright/test'
import { mainNavLinks, ssoSignIn } from './support'

// Signs in through a real OpenID Connect provider (oidc-provider on a local port).

test('a new SSO user with a leaders group claim arrives as a leader', async ({ page }) => {
  await ssoSignIn(page, 'sso-leader')
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/)
  await expect(mainNavLinks(page)).toHaveText(['Rollout', 'Training', 'Model changes', 'Pulse surveys', 'Outcomes', 'Budget', 'Audit log'])
  await expect(page.getByText('Sam Okafor').first()).toBeVisible()
})

test('an SSO user without a role claim arrives as a developer', async ({ page }) => {
  await ssoSignIn(page, 'sso-dev')
  await expect(mainNavLinks(page)).toHaveText(['Rollout', 'Training', 'Model changes', 'Pulse surveys'])
})
