import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { signIn } from './support'

// axe-core (WCAG 2.1 A/AA rules) on every page of the shell, in light and dark themes.

async function expectNoViolations(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
  expect(summary, label).toEqual([])
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${colorScheme} theme`, () => {
    test.use({ colorScheme })

    test('sign-in page', async ({ page }) => {
      await page.goto('/sign-in')
      await expectNoViolations(page, 'sign-in')
    })

    test('every section an admin can reach, and the error pages', async ({ page }) => {
      await signIn(page, 'admin@example.com')
      for (const path of ['/', '/rollout', '/training', '/models', '/surveys', '/outcomes', '/budget', '/audit', '/admin', '/account/security', '/notifications', '/no-such-page']) {
        await page.goto(path)
        await expectNoViolations(page, path)
      }
    })
  })
}

test('the shell works by keyboard: skip link first, then the main navigation', async ({ page }) => {
  await signIn(page, 'leader@example.com')
  await page.goto('/')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to main content' })
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('main#main')).toBeFocused()
})
