import { expect, test } from '@playwright/test'
import { mainNavLinks, signIn, ssoSignIn } from './support'

test('an admin changes a role and disables an account; both apply on the person’s next request', async ({ browser }) => {
  const person = await (await browser.newContext()).newPage()
  await ssoSignIn(person, 'sso-admin-target')
  await expect(mainNavLinks(person)).toHaveText(['Rollout', 'Training', 'Model changes', 'Pulse surveys'])

  const admin = await (await browser.newContext()).newPage()
  await signIn(admin, 'admin@example.com')
  await admin.goto('/admin?q=sso-admin-target')
  // A second admin tab opened at the same time, to prove a stale save is refused.
  const staleTab = await admin.context().newPage()
  await staleTab.goto('/admin?q=sso-admin-target')

  await admin.getByLabel('Role of sso-admin-target').selectOption('LEADER')
  await admin.getByRole('button', { name: 'Save sso-admin-target' }).click()
  await expect(admin.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible()

  await person.reload()
  await expect(mainNavLinks(person)).toHaveText(['Rollout', 'Training', 'Model changes', 'Pulse surveys', 'Outcomes', 'Budget', 'Audit log'])

  await staleTab.getByLabel('Role of sso-admin-target').selectOption('EXPERT')
  await staleTab.getByRole('button', { name: 'Save sso-admin-target' }).click()
  await expect(staleTab.getByRole('alert').filter({ hasText: 'changed by someone else' })).toBeVisible()
  // What the second admin chose is still on screen, and the first admin's change stands.
  await expect(staleTab.getByLabel('Role of sso-admin-target')).toHaveValue('EXPERT')

  await admin.getByRole('checkbox', { name: 'Active (sso-admin-target)' }).uncheck()
  // The first save's "Saved." is still on screen: wait for this save's own answer.
  await Promise.all([
    admin.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin')),
    admin.getByRole('button', { name: 'Save sso-admin-target' }).click(),
  ])
  await admin.goto('/admin?q=sso-admin-target&status=disabled')
  await expect(admin.getByRole('row').filter({ hasText: 'sso-admin-target' })).toHaveCount(1)

  await person.reload()
  await expect(person).toHaveURL(/\/sign-in/)
  // The provider still has its own session, so SSO answers at once: and Paceline refuses.
  await person.getByRole('button', { name: 'Sign in with Company SSO' }).click()
  await expect(person).toHaveURL(/error=AccessDenied/)
  await expect(person.locator('#sign-in-error[role="alert"]')).toContainText('cannot sign in')
})

test('an admin cannot lock themselves out', async ({ page }) => {
  await signIn(page, 'admin@example.com')
  await page.goto('/admin?q=admin%40example.com')
  const row = page.getByRole('row').filter({ hasText: 'admin@example.com' })
  await row.getByRole('combobox').selectOption('DEVELOPER')
  await row.getByRole('button', { name: /^Save / }).click()
  await expect(row.getByRole('alert')).toHaveText('You cannot remove your own admin role or disable your own account. Ask another admin.')
  await page.reload()
  await expect(mainNavLinks(page)).toContainText(['Admin'])
})
