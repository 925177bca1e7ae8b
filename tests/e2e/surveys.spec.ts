import AxeBuilder from '@axe-core/playwright'
import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { signIn, tokenFor } from './support'

// The pulse survey journey on the real server: a leader schedules a pulse, developers answer
// (in the browser and through the API), and results stay hidden below 5 respondents and appear at 5.

const auth = (token: string) => ({ authorization: `Bearer ${token}` })
const title = `E2E pulse ${Date.now()}`

async function noAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

test.describe.configure({ mode: 'serial' })

test('a leader schedules a pulse, developers answer, results appear only from 5 respondents', async ({ page, browser, request }) => {
  test.setTimeout(180_000)

  // 1. The leader schedules a pulse that opens now, for everyone.
  await signIn(page, 'leader@example.com')
  await page.goto('/surveys')
  await page.getByRole('link', { name: 'Schedule a pulse' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Schedule a pulse' })).toBeVisible()
  await page.getByLabel('Title').fill(title)
  const local = await page.evaluate(() => {
    const f = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}T${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
    return { opens: f(new Date(Date.now() - 60_000)), closes: f(new Date(Date.now() + 7 * 86_400_000)), backwards: f(new Date(Date.now() - 86_400_000)) }
  })
  // A window that closes before it opens is refused next to the field, and nothing typed is lost.
  await page.getByLabel('Opens').fill(local.opens)
  await page.getByLabel('Closes').fill(local.backwards)
  await page.getByRole('button', { name: 'Schedule pulse' }).click()
  await expect(page.getByText('The survey must close after it opens.')).toBeVisible()
  await expect(page.getByLabel('Title')).toHaveValue(title)
  await page.getByLabel('Closes').fill(local.closes)
  await page.getByRole('button', { name: 'Schedule pulse' }).click()
  await expect(page).toHaveURL(/\/surveys\?scheduled=1/)
  const all = page.getByRole('region', { name: 'All pulses' })
  const row = all.getByRole('listitem').filter({ hasText: title })
  await expect(row.getByText('Open', { exact: true })).toBeVisible()
  await expect(row).toContainText('fewer than 5 responses')

  const leaderToken = tokenFor('leader@example.com')
  const list = await (await request.get('/api/v1/surveys', { headers: auth(leaderToken) })).json()
  const survey = list.items.find((s: { title: string }) => s.title === title)
  expect(survey).toMatchObject({ status: 'OPEN', questions: expect.arrayContaining([expect.objectContaining({ key: 'tools_help', prompt: 'The AI tools help me do good work.' })]) })

  // 2. A developer answers in the browser, with the keyboard for the first question.
  const devContext = await browser.newContext({ colorScheme: 'dark' })
  const dev = await devContext.newPage()
  await signIn(dev, 'dev@example.com')
  await dev.goto('/surveys')
  await dev.getByRole('link', { name: `Answer now for “${title}”` }).click()
  const overall = dev.getByRole('group', { name: /Overall, how satisfied/ })
  await overall.getByRole('radio').first().focus()
  await dev.keyboard.press('ArrowRight')
  await dev.keyboard.press('ArrowRight')
  await dev.keyboard.press('ArrowRight')
  await expect(overall.getByRole('radio', { name: /4 Satisfied/ })).toBeChecked()
  await noAxeViolations(dev)
  await dev.getByRole('group', { name: /AI tools help me/ }).getByText('Agree', { exact: true }).click()
  await dev.getByRole('group', { name: /time to learn/ }).getByText('Neutral').click()
  await dev.getByRole('button', { name: 'Send my answer' }).click()
  // One question left out: a clear message next to it, the other answers kept.
  await expect(dev.getByRole('group', { name: /workload/ }).getByText('Choose an answer from 1 to 5.')).toBeVisible()
  await expect(overall.getByRole('radio', { name: /4 Satisfied/ })).toBeChecked()
  await dev.getByRole('group', { name: /workload/ }).getByText('Disagree', { exact: true }).click()
  await dev.getByLabel(/Anything you want the rollout team to know/).fill('=HYPERLINK("http://evil.example")')
  await dev.getByRole('button', { name: 'Send my answer' }).click()
  await expect(dev.getByRole('heading', { name: 'Thank you: your answer is recorded' })).toBeVisible()
  await dev.goto('/surveys')
  await expect(dev.getByRole('listitem').filter({ hasText: title })).toContainText('You have answered')
  // A second answer through the API (retry, another tab) is refused with 409.
  const devToken = tokenFor('dev@example.com')
  const again = await request.post(`/api/v1/surveys/${survey.id}/responses`, { headers: auth(devToken), data: { overall: 1, tools_help: 1, time_to_learn: 1, workload: 1 } })
  expect(again.status()).toBe(409)
  expect((await again.json()).error.message).toMatch(/already answered/)
  await devContext.close()

  // 3. Three more answer through the API: 4 respondents, still hidden everywhere.
  for (const email of ['expert@example.com', 'expert2@example.com', 'admin@example.com']) {
    const res = await request.post(`/api/v1/surveys/${survey.id}/responses`, { headers: auth(tokenFor(email)), data: { overall: 5, tools_help: 4, time_to_learn: 2, workload: 3, comment: 'More pairing please.' } })
    expect(res.status()).toBe(201)
  }
  const hidden = await request.get(`/api/v1/surveys/${survey.id}/results`, { headers: auth(leaderToken) })
  expect(await hidden.json()).toEqual({ suppressed: true, reason: 'fewer than 5 responses' })
  expect((await request.get(`/api/v1/surveys/${survey.id}/results`)).status()).toBe(401)
  expect((await request.get(`/api/v1/surveys/${survey.id}/results`, { headers: auth(devToken) })).status()).toBe(403)
  await page.goto(`/surveys/${survey.id}/results`)
  await expect(page.getByRole('heading', { name: 'Not enough responses to protect anonymity.' })).toBeVisible()
  await expect(page.getByRole('region', { name: /Overall, how satisfied/ })).toHaveCount(0)
  await expect(page.getByText(/^\d+ respondents/)).toHaveCount(0)

  // 4. The leader answers too: 5 respondents, figures appear.
  await page.goto(`/surveys/${survey.id}`)
  for (const [q, answer] of [[/Overall/, 'Neutral'], [/AI tools/, 'Strongly agree'], [/time to learn/, 'Agree'], [/workload/, 'Agree']] as const) {
    await page.getByRole('group', { name: q }).getByText(answer, { exact: true }).click()
  }
  await page.getByRole('button', { name: 'Send my answer' }).click()
  await expect(page.getByRole('heading', { name: 'Thank you: your answer is recorded' })).toBeVisible()

  const shown = await (await request.get(`/api/v1/surveys/${survey.id}/results`, { headers: auth(leaderToken) })).json()
  expect(shown).toMatchObject({ suppressed: false, respondents: 5 })
  // overall: 4 (dev), 5, 5, 5 (API), 3 (leader) -> mean 4.4
  expect(shown.questions.find((q: { key: string }) => q.key === 'overall')).toMatchObject({ mean: 4.4, distribution: { '1': 0, '2': 0, '3': 1, '4': 1, '5': 3 } })
  expect(shown.comments).toEqual({ suppressed: true, reason: 'fewer than 10 responses' })
  // A stage breakdown: the experts (2) and everyone else are each below 5, so every bucket is hidden.
  const byStage = await (await request.get(`/api/v1/surveys/${survey.id}/results?breakdown=stage`, { headers: auth(leaderToken) })).json()
  for (const b of byStage.breakdown.buckets) expect(b).toMatchObject({ suppressed: true, reason: 'fewer than 5 responses' })

  await page.goto(`/surveys/${survey.id}/results?breakdown=stage`)
  await expect(page.getByText(/^5 respondents/)).toBeVisible()
  await expect(page.getByRole('heading', { name: /Overall, how satisfied/ })).toBeVisible()
  await expect(page.getByRole('row', { name: /Experts/ })).toContainText('Not enough responses to protect anonymity.')
  await expect(page.getByText(/Comments are shown only for groups of at least 10/)).toBeVisible()

  // Table view and CSV export of a chart.
  const card = page.getByRole('region', { name: /Overall, how satisfied/ })
  await card.getByRole('button', { name: 'Show table' }).click()
  await expect(card.getByRole('table')).toContainText('Very satisfied')
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download CSV' }).click()])
  const csv = await readFile((await download.path())!, 'utf8')
  expect(csv).toContain('Question,Answer,Label,People,Share (%)')
  expect(csv).toContain(',5,Very satisfied,3,60')
  await noAxeViolations(page)

  // 5. Closing early is audited; the pulse no longer takes answers.
  await page.goto('/surveys')
  const closeRow = page.getByRole('region', { name: 'All pulses' }).getByRole('listitem').filter({ hasText: title })
  await closeRow.getByRole('button', { name: 'Close early' }).click()
  await closeRow.getByRole('button', { name: 'Yes, close it' }).click()
  await expect(page).toHaveURL(/closed=1/)
  await expect(page.getByRole('region', { name: 'All pulses' }).getByRole('listitem').filter({ hasText: title }).getByText('Closed', { exact: true })).toBeVisible()
})
