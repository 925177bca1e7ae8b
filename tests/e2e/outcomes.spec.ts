import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { signIn, tokenFor } from './support'

// A leader reads the outcome dashboard of the demo organisation: table view, CSV export, targets.
test('leader opens the dashboard, reads a table, exports a chart and sets an unsafe target', async ({ page }) => {
  await signIn(page, 'leader@example.com')
  await page.goto('/outcomes?groupBy=cohort')
  await expect(page.getByRole('heading', { level: 1, name: 'Outcomes' })).toBeVisible()
  await expect(page.getByLabel('Group by')).toHaveValue('cohort')
  const incidents = page.locator('[data-chart="incidents"]')
  await expect(incidents.getByRole('heading', { name: 'Incidents per 100 developers, by severity' })).toBeVisible()
  await expect(incidents.getByText(/divided by the group's developers/)).toBeVisible()

  await incidents.getByRole('button', { name: 'Show table' }).click()
  const table = incidents.getByRole('table')
  await expect(table.getByRole('columnheader', { name: 'SEV1', exact: true })).toBeVisible()
  expect(await table.getByRole('row').count()).toBe(13) // header + 12 months

  const download = page.waitForEvent('download')
  await incidents.getByRole('button', { name: 'Export CSV' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^incidents-.*\.csv$/)
  const csv = (await readFile((await file.path())!, 'utf8')).replace(/^\uFEFF/, '')
  const lines = csv.trim().split('\r\n')
  expect(lines[0]).toBe('Month,SEV1 (per 100 developers),SEV2 (per 100 developers),SEV3 (per 100 developers),SEV4 (per 100 developers),SEV1 + SEV2: Baseline (before rollout) (per 100 developers),SEV1 + SEV2: Control (teams not yet in the rollout) (per 100 developers)')
  expect(lines).toHaveLength(13)
  expect(lines[1]).toMatch(/^\d{4}-\d{2},/)

  // The same figures come from the API.
  const api = await page.request.get(`/api/v1/outcomes?groupBy=cohort&from=${lines[1].slice(0, 7)}&to=${lines[12].slice(0, 7)}`)
  expect(api.status()).toBe(200)

  const target = page.locator('[data-metric="HIGH_SEVERITY_INCIDENTS"]')
  await target.getByLabel('Improvement target (%)').fill('45')
  await target.getByRole('button', { name: 'Save target' }).click()
  await expect(target.getByRole('alert')).toContainText('Unsafe target')
  await expect(target.getByRole('alert')).toContainText('above the 30 %')
  await page.reload()
  await expect(page.locator('[data-metric="HIGH_SEVERITY_INCIDENTS"]').getByRole('alert')).toContainText('45 %')

  await page.goto('/budget')
  await expect(page.getByRole('heading', { name: 'People and training spend beside tool and token spend' })).toBeVisible()
})

test('a developer gets 403 from the dashboard and the API', async ({ page, request }) => {
  await signIn(page, 'dev@example.com')
  const res = await page.goto('/outcomes')
  expect(res?.status()).toBe(403)
  const token = tokenFor('dev@example.com')
  const api = await request.get('/api/v1/outcomes?groupBy=team&from=2026-01&to=2026-03', { headers: { authorization: `Bearer ${token}` } })
  expect(api.status()).toBe(403)
})
