import { expect, test } from '@playwright/test'
import { signIn } from './support'

// The 404 and 403 pages: what a person sees and can do, outside and inside the shell. Their bodies
// are client components (decision 0015), so a page that renders fine carries no copy of them.

test('an unknown address outside the shell: 404, the page-not-found body, a way home', async ({ page }) => {
  const res = await page.goto('/no-such-page-at-all')
  expect(res?.status()).toBe(404)
  await expect(page).toHaveTitle(/Page not found/)
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await expect(page.locator('main#main')).toHaveCount(1)
  await page.getByRole('link', { name: 'Go to the home page' }).click()
  await expect(page).toHaveURL(/\/sign-in/)
  // The body is in the server's HTML, not only drawn by the browser after its code loads.
  const html = await (await page.request.get('/no-such-page-at-all')).text()
  expect(html).toContain('The address may be mistyped')
})

test('inside the shell: a missing module is a 404 and a page beyond the role a 403, both keep the navigation', async ({ page }) => {
  await signIn(page, 'dev@example.com')
  const missing = await page.goto('/training/no-such-module-here')
  expect(missing?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  await expect(page.locator('main#main')).toHaveCount(1)

  const denied = await page.goto('/audit')
  expect(denied?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1, name: "You don't have access to this page" })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  await page.getByRole('link', { name: 'Go to the home page' }).click()
  await expect(page).toHaveURL(/\/$/)
})

test('a page that renders fine does not carry the bodies of the status pages', async ({ page }) => {
  await signIn(page, 'dev@example.com')
  for (const path of ['/', '/training', '/sign-in']) {
    const html = await (await page.request.get(path)).text()
    for (const text of ['Page not found', "You don't have access to this page", 'not authorized', 'Sign in to see this page']) {
      expect(html.includes(text), `${path} contains "${text}"`).toBe(false)
    }
  }
})
