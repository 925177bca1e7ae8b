import { expect, test, type APIRequestContext } from '@playwright/test'
import { signIn, tokenFor } from './support'

// The model-change journey: an expert records a change -> affected modules are flagged and tasks
// created -> one is re-validated by publishing a new version (training library publish flow), the
// other by "keep as is" -> a developer sees the new version without a banner, and the second module
// with its banner gone.

const auth = (token: string) => ({ authorization: `Bearer ${token}` })
let expert: string
let expert2: string
let leader: string

test.beforeAll(() => {
  expert = tokenFor('expert@example.com')
  expert2 = tokenFor('expert2@example.com')
  leader = tokenFor('leader@example.com')
})

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ok(res: Awaited<ReturnType<APIRequestContext["post"]>>): Promise<any> {
  expect(res.ok(), await res.text()).toBeTruthy()
  return res.json()
}

async function publishModule(request: APIRequestContext, slug: string, version: number, changelog: string) {
  const submitted = await ok(await request.post(`/api/v1/training/${slug}/submit`, { headers: auth(expert), data: { version } }))
  const approved = await ok(await request.post(`/api/v1/training/${slug}/approve`, { headers: auth(expert2), data: { version: submitted.version } }))
  return ok(await request.post(`/api/v1/training/${slug}/publish`, { headers: auth(expert2), data: { version: approved.version, changelog } }))
}

test('a model change flags modules, they are re-validated, readers see the result', async ({ page, request, browser }) => {
  const stamp = Date.now()
  const day = new Date(stamp).toISOString().slice(0, 10).replaceAll('-', '')
  const oldModel = await ok(await request.post('/api/v1/models', { headers: auth(leader), data: { vendor: 'Acme', family: 'Acme Coder', label: `Coder A ${stamp}`, snapshot: `acme-coder-a-${stamp}-${day}`, status: 'DEFAULT' } }))
  const newModel = await ok(await request.post('/api/v1/models', { headers: auth(leader), data: { vendor: 'Acme', family: 'Acme Coder', label: `Coder B ${stamp}`, snapshot: `acme-coder-b-${stamp}-${day}`, status: 'EVALUATING' } }))
  const teams = await ok(await request.get('/api/v1/teams', { headers: auth(leader) }))
  const teamId = teams.items[0].id
  await ok(await request.post('/api/v1/models/assignments', { headers: auth(leader), data: { modelVersionId: oldModel.id, teamId, use: 'DEFAULT' } }))

  // The training API has no draft read: the lock version comes back from every write (publish included).
  const slugs: string[] = []
  const locks: Record<string, number> = {}
  for (const title of [`Refactor with Coder ${stamp}`, `Debug with Coder ${stamp}`]) {
    const created = await ok(await request.post('/api/v1/training', { headers: auth(expert), data: { title, summary: 'A walkthrough validated on Coder A only.', kind: 'TASK_WALKTHROUGH', body: '## Steps\n\n1. Describe the task plainly.\n2. Review the diff.\n', validatedModelIds: [oldModel.id] } }))
    const published = await publishModule(request, created.slug, created.version, 'First version')
    locks[created.slug] = published.version
    slugs.push(created.slug)
  }

  // The expert records the change in the browser.
  await signIn(page, 'expert@example.com')
  await page.goto('/models/changes/new')
  await page.getByLabel('From (model in use)').selectOption(oldModel.id)
  await page.getByLabel('To (new model)').selectOption(newModel.id)
  await page.getByLabel('Planned date').fill('2031-01-15')
  await page.getByLabel('Experts').uncheck()
  await page.getByLabel('Pilot cohorts').uncheck()
  await page.getByLabel('Broad rollout').check()
  await page.getByLabel('Reason').fill('Coder B is better on our multi-file tasks; re-check every walkthrough.')
  await page.getByRole('button', { name: 'Record change' }).click()
  await expect(page.getByRole('status')).toContainText('Model change recorded')
  const tasks = page.getByRole('region', { name: 'Re-validation tasks' })
  for (const title of [`Refactor with Coder ${stamp}`, `Debug with Coder ${stamp}`]) {
    await expect(tasks.getByRole('row', { name: new RegExp(title) })).toContainText('Needs re-validation')
  }
  await expect(page.getByText('0% re-validated')).toBeVisible()

  // A developer sees the banner on an affected module.
  const devContext = await browser.newContext()
  const dev = await devContext.newPage()
  await signIn(dev, 'dev@example.com')
  await dev.goto(`/training/${slugs[1]}`)
  await expect(dev.getByRole('note', { name: 'Model change' })).toContainText(`being re-checked for Coder B ${stamp}`)

  // First module: "Update" and publish a new version validated on the new model.
  await tasks.getByRole('button', { name: `Update: Refactor with Coder ${stamp}` }).click()
  await expect(page.getByRole('status')).toContainText('Marked for update')
  // "Update" leaves the module itself untouched, so the lock from its publish still holds.
  const saved = await ok(await request.patch(`/api/v1/training/${slugs[0]}`, { headers: auth(expert), data: { version: locks[slugs[0]], body: '## Steps\n\n1. Describe the task plainly; Coder B needs less direction.\n2. Review the diff.\n', validatedModelIds: [newModel.id] } }))
  await publishModule(request, slugs[0], saved.version, 'Re-validated on Coder B')

  // Second module: keep as is.
  await page.reload()
  await tasks.getByRole('button', { name: `Keep as is: Debug with Coder ${stamp}` }).click()
  await expect(page.getByRole('status')).toContainText('Kept as is')
  await expect(page.getByText('100% re-validated')).toBeVisible()

  // The developer: the first module is at its new version without a banner; the second's banner is gone.
  await dev.goto(`/training/${slugs[0]}`)
  await expect(dev.getByText('Re-validated on Coder B').first()).toBeVisible()
  await expect(dev.getByRole('note', { name: 'Model change' })).toHaveCount(0)
  await dev.goto(`/training/${slugs[1]}`)
  await expect(dev.getByRole('heading', { name: `Debug with Coder ${stamp}` })).toBeVisible()
  await expect(dev.getByRole('note', { name: 'Model change' })).toHaveCount(0)
  await devContext.close()
})
