import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { createPasswordUser, fillSignIn, signIn, totpCode } from './support'

// Issue 8, second factor: a fresh account enrols an authenticator app in the browser (codes are
// computed here with node:crypto), signs out, and signs in again with password + code. Enforcement
// for leaders and admins is tested against the real sign-in rules in
// tests/integration/auth/second-factor.test.ts (flipping the shared e2e database's policy would
// change every other spec's demo-leader sign-in).

const alert = (page: Page) => page.locator('#sign-in-error[role="alert"]')

test('enrol a second factor, then sign in with password and code; a wrong code is refused', async ({ page }) => {
  const user = await createPasswordUser('EXPERT')
  await signIn(page, user.email, user.password)
  // The header's identity links to the account page.
  await page.getByRole('link', { name: /account security/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Account security' })).toBeVisible()

  await page.getByRole('button', { name: 'Set up authenticator app' }).click()
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim()
  expect(secret.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32}$/)
  await expect(page.getByRole('img', { name: /QR code for Paceline/ })).toBeVisible()
  await expect(page.getByRole('link', { name: /^otpauth:\/\/totp\/Paceline:/ })).toBeVisible()

  const a11y = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(a11y.violations.map((v) => v.id)).toEqual([])

  const right = totpCode(secret)
  const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0')
  await page.getByLabel('Code from the app').fill(wrong)
  await page.getByRole('button', { name: 'Turn on' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'That code is not right' })).toBeVisible()

  await page.getByLabel('Code from the app').fill(right)
  await page.getByRole('button', { name: 'Turn on' }).click()
  const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')
  await expect(codes).toHaveCount(10)
  await page.getByRole('button', { name: 'I have saved my recovery codes' }).click()
  await expect(page.getByText(/^On$/)).toBeVisible()

  await page.getByRole('button', { name: 'Sign out' }).first().click()
  await expect(page).toHaveURL(/\/sign-in/)

  // Password first: the form then asks for the code, keeping email and password.
  await fillSignIn(page, user.email, user.password)
  const code = page.getByLabel('Authentication code')
  await expect(code).toBeVisible()
  await expect(page.getByText(`Signing in as ${user.email}`)).toBeVisible()

  await code.fill(wrong)
  await page.getByRole('button', { name: 'Verify and sign in' }).click()
  await expect(alert(page)).toHaveText(/That code is not right/)

  // The enrolment used the current step; the next one (inside the ±1 window) is fresh.
  await code.fill(totpCode(secret, 1))
  await page.getByRole('button', { name: 'Verify and sign in' }).click()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
})

test('a wrong password never reveals whether the account has a second factor', async ({ page }) => {
  await page.goto('/sign-in')
  await fillSignIn(page, 'expert@example.com', 'not-the-password')
  await expect(alert(page)).toHaveText('Email or password is incorrect.')
  await expect(page.getByLabel('Authentication code')).toHaveCount(0)
})
