import { expect, test, type Page } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { signIn } from './support'

// A leader imports an incident CSV through the browser: preview, team mapping, progress, result.

const CSV = [
  'id,incident_number,description,created_at,resolved_at,status,urgency,major,priority_name,priority_order,service_name,team_name,seconds_to_first_ack,seconds_to_resolve,business_hour_interruptions,off_hour_interruptions,sleep_hour_interruptions',
  'PE2E0001,9001,Checkout returns 500 after deploy,2026-09-03T09:12:44Z,2026-09-03T10:02:10Z,resolved,high,false,P1,512,checkout-api,Checkout,184,2966,3,0,0',
  'PE2E0002,9002,"Ledger lag, reconciliation delayed",2026-09-05T23:40:00Z,2026-09-06T02:15:31Z,resolved,high,true,P2,256,ledger,Payments Core,600,9331,0,2,4',
  'PE2E0003,9003,Label printing slow,2026-09-07T14:03:00Z,2026-09-07T14:33:00Z,resolved,low,false,,,label-service,Carrier team (PagerDuty),60,1800,1,0,0',
].join('\n')

/** SEV4 incidents per 100 developers of Carrier Integrations in September 2026, read from the dashboard's table view. */
async function carrierSev4(page: Page): Promise<number> {
  await page.goto('/outcomes?groupBy=team&from=2026-09&to=2026-09')
  await page.getByLabel('Group', { exact: true }).selectOption({ label: 'Carrier Integrations' })
  await page.getByRole('button', { name: 'Apply filters' }).click()
  await expect(page.getByLabel('Group', { exact: true })).toHaveValue(/\S/)
  const incidents = page.locator('[data-chart="incidents"]')
  await incidents.getByRole('button', { name: 'Show table' }).click()
  const table = incidents.getByRole('table')
  const headers = await table.getByRole('columnheader').allInnerTexts()
  const column = headers.findIndex((h) => h.trim() === 'SEV4')
  expect(column).toBeGreaterThan(0)
  const rows = table.getByRole('row')
  await expect(rows).toHaveCount(2) // header + September
  const cells = await rows.nth(1).locator('th, td').allInnerTexts()
  return Number(cells[column].replace(/[^0-9.]/g, ''))
}

test('a leader imports a PagerDuty incident CSV and sees progress and the result', async ({ page }) => {
  await signIn(page, 'leader@example.com')
  const before = await carrierSev4(page)
  await page.goto('/outcomes/import')
  await expect(page.getByRole('heading', { level: 1, name: 'Import outcome data' })).toBeVisible()
  await page.getByLabel('What the file holds').selectOption('incidents')
  await page.getByLabel('Choose a file').setInputFiles({ name: 'pagerduty-incidents.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) })

  await expect(page.getByText('PagerDuty incidents (analytics CSV)')).toBeVisible()
  await expect(page.getByRole('table', { name: 'Column mapping' })).toContainText('priority_name')
  const errors = page.getByRole('table', { name: /Row errors/ })
  await expect(errors).toContainText('Carrier team (PagerDuty)')
  await expect(page.getByRole('button', { name: /Import 2 rows/ })).toBeDisabled()

  await page.getByLabel(/“Carrier team \(PagerDuty\)”/).selectOption({ label: 'Carrier Integrations' })
  await page.getByRole('button', { name: 'Save team mapping' }).click()
  await expect(page.getByRole('button', { name: 'Import 3 rows' })).toBeEnabled()
  await expect(errors).toHaveCount(0)

  const axe = await new AxeBuilder({ page }).include('main').analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])

  await page.getByRole('button', { name: 'Import 3 rows' }).click()
  await expect(page.getByLabel('Import progress')).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'created' })).toContainText('3 created, 0 updated')
  await expect(page.getByLabel('Import progress')).toHaveAttribute('value', '3')
  await expect(page.getByRole('link', { name: 'Open the outcome dashboard' })).toHaveAttribute('href', '/outcomes')

  // Importing the same file again updates instead of duplicating.
  await page.getByRole('button', { name: 'Import 3 rows' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'updated' })).toContainText('0 created, 3 updated')

  const api = await page.request.get('/api/v1/incidents?team=carrier-integrations&since=2026-09-01&until=2026-09-30')
  expect(api.ok()).toBe(true)
  const body = (await api.json()) as { items: Array<{ externalId: string; severity: string }>; total: number }
  // The demo data has its own incidents for this team: ours is there once, with its mapped severity.
  expect(body.items.filter((i) => i.externalId === 'PE2E0003').map((i) => i.severity)).toEqual(['SEV4'])

  await page.reload()
  await expect(page.getByRole('table', { name: 'Recent imports' })).toContainText('pagerduty-incidents.csv')

  // The dashboard counts the new incident.
  expect(await carrierSev4(page)).toBeGreaterThan(before)
})
