import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { signIn, tokenFor } from './support'

// A leader browses the audit log: filters in the URL, keyboard only, CSV of the filtered view.

test('a leader finds an entry by its filters, pages and exports it', async ({ page }) => {
  // One more entry than the seed's own: creating an API token is audited.
  tokenFor('leader@example.com')
  await signIn(page, 'leader@example.com')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible()
  const table = page.getByRole('table', { name: /Audit log entries/ })
  await expect(table).toBeVisible()

  // Keyboard only: type the action, submit with Enter.
  await page.getByLabel('Action').focus()
  await page.keyboard.type('seed.run')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/audit\?action=seed\.run$/)
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table.getByRole('rowheader', { name: 'seed.run' })).toBeVisible()
  await expect(table.getByRole('row').nth(1)).toContainText('seed')
  await expect(page.getByText('End of the log for these filters.')).toBeVisible()

  // The page's own content (the shell is covered by accessibility.spec.ts).
  const results = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([])

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Export CSV/ }).click()])
  expect(download.suggestedFilename()).toMatch(/^paceline-audit-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = (await (await download.createReadStream()).toArray()).map((b) => Buffer.from(b)).join('')
  const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
  expect(lines[0]).toBe('id,at (UTC),actor,actor name,action,entity type,entity id,changes and details,summary (JSON)')
  expect(lines).toHaveLength(2)
  expect(lines[1]).toContain(',seed.run,database,')

  // Nothing matches: a plain empty state with a way back.
  await page.goto('/audit?q=no-such-text-anywhere-4711')
  await expect(page.getByRole('heading', { name: 'No entries match these filters' })).toBeVisible()
  await page.getByRole('link', { name: 'Clear all filters' }).click()
  await expect(page).toHaveURL(/\/audit$/)

  // Keyset pages: one entry per page, the second page starts older than the first.
  await page.goto('/audit?limit=1')
  const first = await table.getByRole('row').nth(1).textContent()
  await page.getByRole('link', { name: 'Older entries' }).click()
  await expect(page).toHaveURL(/cursor=\d+/)
  await expect(table.getByRole('row').nth(1)).not.toHaveText(first ?? '')
  await page.getByRole('link', { name: 'Newest entries' }).click()
  await expect(table.getByRole('row').nth(1)).toHaveText(first ?? '')

  // A bad filter is explained next to its field.
  await page.goto('/audit?from=2026-11-02&to=2026-11-01')
  await expect(page.getByRole('alert').filter({ hasText: 'Some filters need attention' })).toBeVisible()
  await expect(page.getByLabel('To (UTC, inclusive)')).toHaveAttribute('aria-invalid', 'true')
})

test('developers and experts cannot open the audit log', async ({ page }) => {
  await signIn(page, 'dev@example.com')
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' })).toHaveCount(0)
  const res = await page.goto('/audit')
  expect(res?.status()).toBe(403)
  const api = await page.request.get('/api/v1/audit')
  expect(api.status()).toBe(403)
})
