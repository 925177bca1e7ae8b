import { expect, test } from '@playwright/test'
import { DEMO_PASSWORD, NAV_BY_ACCOUNT, fillSignIn, mainNavLinks, signIn } from './support'

test.describe('each demo account signs in and sees exactly its role’s navigation', () => {
  for (const [email, role, links] of NAV_BY_ACCOUNT) {
    test(`${email} (${role})`, async ({ page }) => {
      await signIn(page, email)
      await expect(page).toHaveURL(/\/$/)
      await expect(mainNavLinks(page)).toHaveText(links)
      await page.getByRole('button', { name: 'Sign out' }).click()
      await expect(page).toHaveURL(/\/sign-in/)
      await page.goto('/')
      await expect(page).toHaveURL(/\/sign-in/)
    })
  }
})

test('a wrong password and an unknown email get the same message, and the email stays typed', async ({ page }) => {
  await page.goto('/sign-in')
  await fillSignIn(page, 'leader@example.com', 'not-the-password')
  // Next.js has a route announcer with role="alert" too: address the form's own.
  const alert = page.locator('#sign-in-error[role="alert"]')
  await expect(alert).toHaveText('Email or password is incorrect.')
  await expect(page.getByLabel('Email')).toHaveValue('leader@example.com')
  await expect(page.getByLabel('Password')).toHaveValue('')

  await fillSignIn(page, 'nobody.here@example.com', DEMO_PASSWORD)
  await expect(alert).toHaveText('Email or password is incorrect.')
})

test('the 11th failed sign-in within a minute is refused with a clear message', async ({ browser }) => {
  // This test's requests come through "a proxy" from an address of their own, so the per-address
  // limit it triggers does not affect the other tests.
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '192.0.2.111' } })
  const page = await context.newPage()
  await page.goto('/sign-in')
  for (let i = 1; i <= 10; i++) {
    await fillSignIn(page, `brute${i}@example.com`, `wrong-password-${i}`)
    await expect(page.locator('#sign-in-error[role="alert"]')).toHaveText('Email or password is incorrect.')
  }
  await fillSignIn(page, 'dev@example.com', DEMO_PASSWORD)
  await expect(page.locator('#sign-in-error[role="alert"]')).toHaveText('Too many failed sign-in attempts. Wait a minute, then try again.')
  await context.close()
})

test('pages need a session and the right role', async ({ page }) => {
  const anonymous = await page.goto('/outcomes')
  expect(anonymous?.status()).toBe(200)
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Foutcomes/)

  await fillSignIn(page, 'dev@example.com', DEMO_PASSWORD)
  await expect(page).toHaveURL(/\/outcomes$/)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/access/i)

  for (const path of ['/admin', '/budget', '/rollout/teams', '/rollout/audit']) {
    const r = await page.goto(path)
    expect(r?.status(), path).toBe(403)
  }
  // Developers read the training library and the plan with their own team's status.
  for (const path of ['/training', '/rollout']) {
    const r = await page.goto(path)
    expect(r?.status(), path).toBe(200)
  }
})

test('an unknown page is a helpful 404', async ({ page }) => {
  await signIn(page, 'expert@example.com')
  const r = await page.goto('/no/such/page')
  expect(r?.status()).toBe(404)
  await expect(page.getByRole('link', { name: /home/i }).first()).toBeVisible()
})
