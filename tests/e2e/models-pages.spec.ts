import { createServer, type Server } from 'node:http'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { signIn, tokenFor } from './support'

// The registry pages of the model-change capability: skills & prompts with a side-by-side comparison
// per exact snapshot and a promptfoo import, the registry with a Copilot usage import, and the admin
// webhooks page (admins only), each checked with axe in light and dark mode.

async function expectNoViolations(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), label).toEqual([])
}

const auth = (t: string) => ({ authorization: `Bearer ${t}` })
const stamp = Date.now()
const day = new Date(stamp).toISOString().slice(0, 10).replaceAll('-', '')
const OLD = `pages-coder-a-${stamp}-${day}`
const NEW = `pages-coder-b-${stamp}-${day}`

test.describe.configure({ mode: 'serial' })

test.beforeAll(async ({ request }) => {
  const leader = tokenFor('leader@example.com')
  for (const [label, snapshot] of [[`Pages A ${stamp}`, OLD], [`Pages B ${stamp}`, NEW]]) {
    const res = await request.post('/api/v1/models', { headers: auth(leader), data: { vendor: 'Acme', family: 'Acme Coder', label, snapshot, status: 'APPROVED' } })
    expect(res.ok(), await res.text()).toBeTruthy()
  }
})

const promptfoo = (rows: Array<[string, boolean]>) => JSON.stringify({
  evalId: `eval-pages-${stamp}`,
  results: { version: 3, timestamp: new Date(stamp).toISOString(), prompts: [], stats: { successes: 0, failures: 0 },
    results: rows.map(([p, ok], i) => ({ provider: { id: `acme:chat:${p}`, label: p }, success: ok, score: ok ? 1 : 0, testIdx: i % 4, promptIdx: 0, vars: {}, response: { output: 'x' } })) },
  config: {},
})

test('an expert registers a skill, records a validation, imports promptfoo results and compares models side by side', async ({ page }) => {
  await signIn(page, 'expert@example.com')
  await page.goto('/models')
  await page.getByRole('link', { name: 'Skills & prompts' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Skills & prompts' })).toBeVisible()
  await expectNoViolations(page, '/models/skills')

  const title = `Review a diff ${stamp}`
  const form = page.getByRole('form', { name: 'Register a skill' })
  await form.getByLabel('Title').fill(title)
  await form.getByLabel('Kind').selectOption('PROMPT')
  await form.getByLabel('Purpose').fill('Ask the model to review a diff for behaviour changes first.')
  await form.getByLabel('Text', { exact: true }).fill('Review this diff. List behaviour changes before style.')
  await form.getByLabel('Tags').fill('review, e2e')
  await form.getByRole('button', { name: 'Register skill' }).click()
  await expect(page.getByRole('status')).toContainText('Skill registered')
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Not validated on any model yet')).toBeVisible()

  // A manual record on the old snapshot.
  await page.getByLabel('Exact model snapshot').selectOption({ label: `Pages A ${stamp} — ${OLD}` })
  await page.getByRole('radio', { name: 'Same' }).check()
  await page.getByLabel('Notes').fill('Works as tuned.')
  await page.getByRole('button', { name: 'Record validation' }).click()
  await expect(page.getByRole('status')).toContainText('Validation recorded')

  // A foreign file is refused with a clear message; nothing is imported.
  const upload = page.getByLabel('results.json')
  await upload.setInputFiles({ name: 'results.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ name: 'not promptfoo', items: [1, 2] })) })
  await page.getByRole('button', { name: 'Import results' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'not a promptfoo results file' })).toBeVisible()

  // The real shape: 3 of 4 pass on the old snapshot, 1 of 4 on the new one.
  await page.getByLabel('results.json').setInputFiles({ name: 'results.json', mimeType: 'application/json', buffer: Buffer.from(promptfoo([[OLD, true], [OLD, true], [OLD, true], [OLD, false], [NEW, true], [NEW, false], [NEW, false], [NEW, false]])) })
  await page.getByRole('button', { name: 'Import results' }).click()
  await expect(page.getByRole('status')).toContainText('promptfoo results imported')
  const compare = page.getByRole('region', { name: 'Comparison across model snapshots' })
  await expect(compare.getByRole('columnheader', { name: new RegExp(OLD) })).toBeVisible()
  await expect(compare.getByRole('columnheader', { name: new RegExp(NEW) })).toBeVisible()
  const passRow = compare.getByRole('row', { name: /Pass rate/ })
  await expect(passRow).toContainText('75% (3/4)')
  await expect(passRow).toContainText('25% (1/4)')
  await expect(compare.getByRole('row', { name: /Result/ })).toContainText('Worse')
  await expectNoViolations(page, '/models/skills/[slug]')

  // The library lists it with its latest result per model, found by tag.
  await page.goto('/models/skills?tag=e2e')
  await expect(page.getByRole('link', { name: title })).toBeVisible()
})

test('a leader sees the registry, changes a status and imports Copilot usage that proposes a change', async ({ page }) => {
  await signIn(page, 'leader@example.com')
  await page.goto('/models')
  await page.getByRole('link', { name: 'Registry' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Model registry' })).toBeVisible()
  const row = page.getByRole('row', { name: new RegExp(NEW) })
  await row.getByLabel(`Status of Pages B ${stamp}`, { exact: true }).selectOption('EVALUATING')
  await row.getByRole('button', { name: `Save status of Pages B ${stamp}` }).click()
  await expect(page.getByRole('status')).toContainText('Status saved')
  await expect(page.getByLabel(`Status of Pages B ${stamp}`, { exact: true })).toHaveValue('EVALUATING')

  const unknown = `acme-unlisted-${stamp}`
  const days = [3, 2, 1].map((n) => new Date(stamp - n * 86_400_000).toISOString().slice(0, 10))
  const ndjson = days.map((d) => JSON.stringify({ day: d, totals_by_language_model: [{ language: 'typescript', model: unknown, user_initiated_interaction_count: 40, code_generation_activity_count: 12 }] })).join('\n')
  await page.getByLabel('Usage-metrics report (NDJSON)').setInputFiles({ name: 'copilot.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(ndjson) })
  const team = page.getByLabel('Team (organisation totals only)')
  const firstTeam = await team.locator('option').nth(1).getAttribute('value')
  await team.selectOption(firstTeam!)
  await page.getByRole('button', { name: 'Import usage' }).click()
  await expect(page.getByRole('status')).toContainText('1 change(s) proposed')
  await expect(page.getByRole('region', { name: 'Model use per team and day' })).toContainText(`${unknown}: 40`)
  await expect(page.getByRole('link', { name: new RegExp(`${unknown}`) }).first()).toBeVisible()
  await expectNoViolations(page, '/models/registry')

  // A file that is not a usage report is refused.
  await page.getByLabel('Usage-metrics report (NDJSON)').setInputFiles({ name: 'x.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from('{"hello":"world"}\n') })
  await page.getByRole('button', { name: 'Import usage' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'not a GitHub Copilot usage-metrics report' })).toBeVisible()
})

test.describe('webhooks', () => {
  let server: Server
  let port = 0
  const received: Array<{ signature: string | undefined; body: string }> = []
  test.beforeAll(async () => {
    server = createServer((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => { received.push({ signature: req.headers['x-paceline-signature'] as string | undefined, body }); res.writeHead(200).end('ok') })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    port = (server.address() as { port: number }).port
  })
  test.afterAll(() => new Promise<void>((r) => server.close(() => r())))

  test('an admin adds an endpoint, sees the secret once, sends a test and reads the delivery log', async ({ page }) => {
    await signIn(page, 'admin@example.com')
    await page.goto('/admin')
    await page.getByRole('link', { name: 'Webhooks and delivery log' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible()
    await expectNoViolations(page, '/admin/webhooks')

    const name = `Chat ${stamp}`
    await page.getByLabel('Name').fill(name)
    await page.getByLabel('URL').fill('ftp://example.com/hook')
    await page.getByRole('button', { name: 'Add webhook' }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'http' })).toBeVisible()
    await expect(page.getByLabel('Name')).toHaveValue(name)
    await page.getByLabel('URL').fill(`http://127.0.0.1:${port}/hook`)
    await page.getByRole('button', { name: 'Add webhook' }).click()
    await expect(page.getByRole('status')).toContainText('not shown again')
    const secret = await page.getByTestId('webhook-secret').textContent()
    expect(secret!.length).toBeGreaterThanOrEqual(16)

    await page.reload()
    const endpoints = page.getByRole('region', { name: 'Webhook endpoints' })
    await expect(endpoints.getByRole('row', { name: new RegExp(name) })).toContainText('Enabled')
    await expect(page.getByText(secret!)).toHaveCount(0)
    await endpoints.getByRole('button', { name: `Send test to ${name}` }).click()
    await expect(page.getByRole('status')).toContainText('Test message queued')
    // Other tests record model changes meanwhile, and an enabled endpoint receives those too.
    const ping = () => received.find((r) => JSON.parse(r.body).paceline.event === 'ping')
    await expect.poll(() => ping() !== undefined, { timeout: 20_000 }).toBe(true)
    expect(ping()!.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
    await expect.poll(async () => { await page.reload(); return page.getByRole('region', { name: 'Delivery log' }).getByRole('row', { name: new RegExp(`${name}.*ping`) }).first().textContent() }, { timeout: 20_000 }).toContain('Delivered')

    await endpoints.getByRole('button', { name: `Disable ${name}` }).click()
    await expect(page.getByRole('status')).toContainText('Webhook disabled')
    await expect(endpoints.getByRole('row', { name: new RegExp(name) })).toContainText('Disabled')
  })

  test('a developer gets no webhooks page and no webhooks API', async ({ page, request }) => {
    await signIn(page, 'dev@example.com')
    const res = await page.goto('/admin/webhooks')
    expect([403, 404]).toContain(res!.status())
    await expect(page.getByRole('heading', { name: 'Delivery log' })).toHaveCount(0)
    const api = await request.get('/api/v1/webhooks', { headers: auth(tokenFor('dev@example.com')) })
    expect(api.status()).toBe(403)
  })
})

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`model pages with axe, ${colorScheme}`, () => {
    test.use({ colorScheme })
    test('every models page a developer and a leader can open', async ({ page }) => {
      await signIn(page, 'leader@example.com')
      for (const path of ['/models', '/models/skills', '/models/registry', '/models/queue', '/notifications']) {
        await page.goto(path)
        await expectNoViolations(page, `${path} (${colorScheme})`)
      }
      await page.goto('/models/skills')
      await page.getByRole('heading', { level: 3 }).getByRole('link').first().click()
      await expect(page.getByRole('heading', { level: 2, name: 'Side by side per model snapshot' })).toBeVisible()
      await expectNoViolations(page, `skill page (${colorScheme})`)
    })
  })
}
