import { expect, test, type Page, type Response } from '@playwright/test'
import { signIn } from './support'

// Security headers on the running app (proxy.ts + next.config.ts, docs/decisions/0010-csp.md):
// a per-request script nonce and no 'unsafe-inline' scripts, every inline script carrying the nonce,
// the page still working with JavaScript under that policy, and the session cookies' flags.

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/)
    if (name) map.set(name.toLowerCase(), values)
  }
  return map
}

/** Checks the page response's CSP and inline scripts; returns the nonce. */
async function checkCsp(response: Response | null): Promise<string> {
  expect(response, 'page response').not.toBeNull()
  const headers = response!.headers()
  const csp = headers['content-security-policy']
  expect(csp, 'Content-Security-Policy header').toBeTruthy()
  const d = directives(csp)
  const scriptSrc = d.get('script-src') ?? []
  const nonceSource = scriptSrc.find((v) => /^'nonce-[A-Za-z0-9+/=_-]{16,}'$/.test(v))
  expect(nonceSource, `script-src has a nonce: ${scriptSrc.join(' ')}`).toBeTruthy()
  expect(scriptSrc).not.toContain("'unsafe-inline'")
  expect(scriptSrc).not.toContain("'unsafe-eval'")
  expect(scriptSrc).not.toContain('*')
  expect(d.get('frame-ancestors')).toEqual(["'none'"])
  expect(d.get('object-src')).toEqual(["'none'"])
  expect(d.get('base-uri')).toEqual(["'self'"])
  expect(d.get('form-action')).toEqual(["'self'"])
  expect(d.get('default-src')).toEqual(["'self'"])
  // Plain http here: no HSTS, and no upgrade of subresources to an https that does not exist.
  expect(headers['strict-transport-security']).toBeUndefined()
  expect(d.has('upgrade-insecure-requests')).toBe(false)
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['permissions-policy']).toContain('camera=()')

  const nonce = nonceSource!.slice("'nonce-".length, -1)
  const html = await response!.text()
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1])
  const inline = scripts.filter((attrs) => !/\bsrc=/i.test(attrs))
  expect(inline.length, 'the page has inline scripts (Next.js bootstrap/flight data)').toBeGreaterThan(0)
  for (const attrs of scripts) expect(attrs, 'every <script> carries the nonce').toContain(`nonce="${nonce}"`)
  return nonce
}

/** Collects the console's CSP violation reports (and page errors) while a test runs. */
function watchViolations(page: Page): string[] {
  const seen: string[] = []
  page.on('console', (msg) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(msg.text())) seen.push(msg.text())
  })
  page.on('pageerror', (err) => seen.push(`pageerror: ${err.message}`))
  return seen
}

test('the sign-in page has a nonce CSP, a fresh nonce per request, and works under it', async ({ page }) => {
  const violations = watchViolations(page)
  const first = await checkCsp(await page.goto('/sign-in'))
  const second = await checkCsp(await page.goto('/sign-in'))
  expect(second).not.toBe(first)

  // Hydrated (client-side validation and submit run in JS): a wrong password gets the form's own message.
  await page.getByLabel('Email').fill('nobody.csp@example.com')
  await page.getByLabel('Password').fill('not-a-password')
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await expect(page.locator('#sign-in-error[role="alert"]')).toHaveText('Email or password is incorrect.')
  expect(violations).toEqual([])
})

test('a portal page has a nonce CSP, charts render, the theme toggle and the quick finder work', async ({ page }) => {
  const violations = watchViolations(page)
  await signIn(page, 'leader@example.com')
  const a = await checkCsp(await page.goto('/outcomes'))
  const b = await checkCsp(await page.goto('/outcomes'))
  expect(b).not.toBe(a)

  // recharts draws its SVG in the browser (inline styles allowed for styles only).
  await expect(page.locator('[data-chart="incidents"] svg.recharts-surface').first()).toBeVisible()

  // Theme toggle (client JS): switches <html> to dark.
  await page.getByRole('radio', { name: 'Dark' }).filter({ visible: true }).first().check()
  await expect(page.locator('html')).toHaveClass(/\bdark\b/)
  await page.getByRole('radio', { name: 'Light' }).filter({ visible: true }).first().check()
  await expect(page.locator('html')).toHaveClass(/\blight\b/)

  // Quick finder opens with Ctrl+K.
  await page.keyboard.press('Control+k')
  await expect(page.getByRole('combobox', { name: 'Find training' }).or(page.getByLabel('Find training')).first()).toBeFocused()
  await page.keyboard.press('Escape')

  // Client-side navigation keeps working (RSC fetches under connect-src 'self').
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click()
  await expect(page).toHaveURL(/\/training/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect(violations).toEqual([])
})

test('HSTS only when the trusted reverse proxy says the request came over TLS', async ({ request }) => {
  // The e2e server runs with PACELINE_TRUSTED_PROXIES=1 (the tests act as that proxy).
  const viaTls = await request.get('/sign-in', { headers: { 'x-forwarded-proto': 'https' } })
  expect(viaTls.status()).toBe(200)
  expect(viaTls.headers()['strict-transport-security']).toMatch(/^max-age=\d{7,}/)
  expect(viaTls.headers()['content-security-policy']).toContain('upgrade-insecure-requests')
  const plain = await request.get('/sign-in', { headers: { 'x-forwarded-proto': 'http' } })
  expect(plain.headers()['strict-transport-security']).toBeUndefined()
  expect(plain.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
})

test('API responses keep their static headers plus nosniff, without a page nonce', async ({ request }) => {
  const res = await request.get('/api/v1/openapi.json')
  expect(res.status()).toBe(200)
  const headers = res.headers()
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['content-security-policy']).not.toContain('nonce-')
})

test('session cookies are httpOnly and SameSite=Lax (not Secure over plain http)', async ({ page, context }) => {
  await signIn(page, 'dev@example.com')
  const cookies = await context.cookies()
  const session = cookies.find((c) => c.name === 'next-auth.session-token' || c.name.startsWith('next-auth.session-token.'))
  expect(session, `session cookie among ${cookies.map((c) => c.name).join(', ')}`).toBeTruthy()
  const authCookies = cookies.filter((c) => c.name.includes('next-auth'))
  expect(authCookies.length).toBeGreaterThan(0)
  for (const c of authCookies) {
    expect(c.httpOnly, `${c.name} httpOnly`).toBe(true)
    expect(c.sameSite, `${c.name} sameSite`).toBe('Lax')
    expect(c.secure, `${c.name} secure over http`).toBe(false)
  }
})
