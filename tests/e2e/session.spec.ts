import { expect, test, type BrowserContext } from '@playwright/test'
import { createPasswordUser, signIn } from './support'

// Issue 8, sessions: signing out ends the session on the server, so a copy of the cookie taken
// before is refused afterwards, on pages and on the API. A fresh account keeps the demo ones untouched.

async function sessionCookies(context: BrowserContext) {
  return (await context.cookies()).filter((c) => c.name.startsWith('next-auth.session-token'))
}

test('a copied session cookie is refused after sign-out; the other browser stays signed in until it is ended', async ({ browser, baseURL }) => {
  const user = await createPasswordUser('DEVELOPER')
  const first = await browser.newContext()
  const second = await browser.newContext()
  const a = await first.newPage()
  const b = await second.newPage()
  await signIn(a, user.email, user.password)
  await signIn(b, user.email, user.password)

  const copied = await sessionCookies(first)
  expect(copied.length).toBeGreaterThan(0)

  // Both sessions are listed on the account page, this browser marked.
  await b.goto('/account/security')
  await expect(b.getByRole('heading', { level: 1, name: 'Account security' })).toBeVisible()
  const rows = b.getByRole('table', { name: /Your active sessions/ }).getByRole('row')
  await expect(rows).toHaveCount(3) // header + 2 sessions
  await expect(b.getByText('This browser')).toHaveCount(1)

  await a.getByRole('button', { name: 'Sign out' }).click()
  await expect(a).toHaveURL(/\/sign-in/)

  // Someone who copied the cookie before the sign-out:
  const thief = await browser.newContext()
  await thief.addCookies(copied)
  const t = await thief.newPage()
  await t.goto('/training')
  await expect(t).toHaveURL(/\/sign-in\?callbackUrl=%2Ftraining/)
  const api = await thief.request.get(`${baseURL}/api/v1/me`)
  expect(api.status()).toBe(401)
  expect((await api.json()).error.code).toBe('UNAUTHENTICATED')
  // next-auth's own session endpoint neither shows the user nor renews the copied cookie.
  const nextAuthSession = await thief.request.get(`${baseURL}/api/auth/session`)
  expect(await nextAuthSession.json()).toEqual({})
  expect(nextAuthSession.headers()['set-cookie'] ?? '').not.toMatch(/next-auth\.session-token=[^;]{20,}/)

  // The other browser's session is untouched, and next-auth's endpoint still answers for it.
  const mine = await second.request.get(`${baseURL}/api/v1/me`)
  expect(mine.status()).toBe(200)
  expect(((await (await second.request.get(`${baseURL}/api/auth/session`)).json()) as { user?: { email?: string } }).user?.email).toBeTruthy()
  await b.reload()
  await expect(rows).toHaveCount(2)

  // Ending a session from the list: take a third sign-in's cookie, end it from the second browser.
  const third = await browser.newContext()
  const c = await third.newPage()
  await signIn(c, user.email, user.password)
  const thirdCookie = await sessionCookies(third)
  await b.reload()
  await expect(rows).toHaveCount(3)
  await b.getByRole('button', { name: /^End session:/ }).click()
  await expect(rows).toHaveCount(2)
  const replay = await browser.newContext()
  await replay.addCookies(thirdCookie)
  expect((await replay.request.get(`${baseURL}/api/v1/me`)).status()).toBe(401)

  // Sign out everywhere: this browser too.
  await b.getByRole('button', { name: 'Sign out everywhere' }).click()
  await expect(b).toHaveURL(/\/sign-in/)
  const leftover = await browser.newContext()
  await leftover.addCookies(await sessionCookies(second))
  expect((await second.request.get(`${baseURL}/api/v1/me`)).status()).toBe(401)
  for (const ctx of [first, second, third, thief, replay, leftover]) await ctx.close()
})

test('the account page needs a session', async ({ page }) => {
  await page.goto('/account/security')
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount%2Fsecurity/)
})
