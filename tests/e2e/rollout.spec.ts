import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { signIn, ssoSignIn } from './support'

// The rollout planner end to end: a leader opens an expert poll, two developers volunteer, the
// leader selects them, creates a pilot cohort from the top-ranked group, sees its gate fail,
// records a finding and advances with an override whose reason shows in the audit log.

async function as(browser: Browser, who: string | { sso: string }): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  if (typeof who === 'string') await signIn(page, who)
  else {
    await ssoSignIn(page, who.sso)
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  }
  return page
}

async function volunteer(page: Page, pollTitle: string, idea: string) {
  await page.goto('/rollout/experts')
  await page.getByRole('link', { name: pollTitle }).click()
  const form = page.getByRole('form', { name: 'Answer the poll' })
  await form.getByRole('radio', { name: 'Yes' }).check()
  await form.getByRole('radio', { name: '5' }).check()
  await form.getByLabel('What would you (or they) explore?').fill(idea)
  await form.getByRole('button', { name: 'Send answer' }).click()
  await expect(form.getByRole('status')).toHaveText('Thank you — your answer is in.')
}

test('a leader runs the expert poll, starts a pilot from the top-ranked group and overrides a failed gate with an audited reason', async ({ browser }) => {
  test.setTimeout(120_000)
  const pollTitle = `Experts wanted ${Date.now()}`
  const leader = await as(browser, 'leader@example.com')

  // 1. The leader opens a poll.
  await leader.goto('/rollout/experts')
  await leader.getByText('Open a new poll').click()
  const open = leader.getByRole('form', { name: 'Open a poll' })
  await open.getByLabel('Title').fill(pollTitle)
  await open.getByRole('button', { name: 'Open poll' }).click()
  await expect(open.getByRole('status')).toHaveText(/Poll opened/)
  await expect(leader.getByRole('link', { name: pollTitle })).toBeVisible()

  // 2. Two developers volunteer, answering the three questions.
  const dev = await as(browser, 'dev@example.com')
  await volunteer(dev, pollTitle, 'Characterisation tests for the route planner before refactoring it.')
  const dev2 = await as(browser, { sso: 'sso-dev' })
  await volunteer(dev2, pollTitle, 'Using the assistant to read unfamiliar carrier integrations safely.')
  // A second answer from the same person is refused with a clear message.
  await dev.reload()
  const again = dev.getByRole('form', { name: 'Answer the poll' })
  await again.getByRole('radio', { name: 'Yes' }).check()
  await again.getByRole('radio', { name: '4' }).check()
  await again.getByLabel('What would you (or they) explore?').fill('Something else entirely, again.')
  await again.getByRole('button', { name: 'Send answer' }).click()
  await expect(again.getByRole('alert')).toHaveText('You are already a candidate in this poll.')

  // 3. The leader sees both with seniority and answers, and selects them.
  await leader.getByRole('link', { name: pollTitle }).click()
  const candidates = leader.getByRole('table', { name: 'Candidates with seniority and answers' })
  await expect(candidates.getByRole('row')).toHaveCount(3)
  await expect(candidates).toContainText('Lena Hoffmann')
  await expect(candidates).toContainText('Mid-level')
  await expect(candidates).toContainText('Rin Takeda')
  await expect(candidates).toContainText('Using the assistant to read unfamiliar carrier integrations safely.')
  await leader.getByRole('checkbox', { name: 'Select Lena Hoffmann' }).check()
  await leader.getByRole('checkbox', { name: 'Select Rin Takeda' }).check()
  await leader.getByRole('button', { name: 'Select as experts' }).click()
  await expect(leader.getByRole('form', { name: 'Select experts' }).getByRole('status')).toHaveText(/Selected/)
  await expect(candidates.getByText('Selected')).toHaveCount(2)

  // 3b. The leader sets one expert's time, dates, budget and code base; one editor is open at a time.
  await leader.goto('/rollout/experts')
  const allocations = leader.getByRole('table', { name: 'Expert allocations' })
  await allocations.getByRole('link', { name: 'Edit allocation of Lena Hoffmann' }).click()
  const allocation = leader.getByRole('form', { name: 'Allocation of Lena Hoffmann' })
  await expect(leader.getByRole('form', { name: /^Allocation of / })).toHaveCount(1)
  await expect(allocation.getByLabel('Time share (%)'), 'the editor takes the focus').toBeFocused()
  await allocation.getByLabel('Time share (%)').fill('40')
  await allocation.getByLabel('Code base').fill('route-planner')
  await allocation.getByLabel('Start').fill('2026-12-01')
  await allocation.getByLabel('End').fill('2027-02-28')
  await allocation.getByLabel('Budget granted (EUR)').fill('1500')
  await allocation.getByRole('button', { name: 'Save allocation' }).click()
  await expect(allocation.getByRole('status')).toHaveText(/Allocation saved/)
  const lena = allocations.getByRole('row', { name: /Lena Hoffmann/ }).first()
  await expect(lena).toContainText('40 %')
  await expect(lena).toContainText('route-planner')
  await expect(lena).toContainText('Waiting for')

  // 4. A pilot cohort from the top-ranked group, with its proposed control teams.
  await leader.goto('/rollout/teams')
  const top = leader.locator('#clusters li').first()
  const groupName = (await top.getByRole('heading').textContent())!.replace(/^#1 /, '').replace(/ · score.*$/, '')
  await top.getByText('Create a pilot cohort from this group').click()
  const create = leader.getByRole('form', { name: 'Create a pilot cohort from group 1' })
  await create.getByRole('button', { name: 'Create pilot cohort' }).click()
  const cohortName = `Pilot: ${groupName}`
  await expect(leader.getByRole('heading', { level: 1 })).toHaveText(`Gate: ${cohortName}`)
  await expect(leader.getByText('Cohort created. Its gate is below.')).toBeVisible()
  await leader.goto('/rollout/cohorts')
  await expect(leader.getByRole('region', { name: cohortName })).toContainText(`Teams: ${groupName}`)

  // 5. Its gate fails on a criterion (the pilot phase still has an open high-severity finding).
  await leader.getByRole('link', { name: `Gate of ${cohortName}` }).click()
  const gate = leader.getByRole('table', { name: 'Gate criteria with status and live figures' })
  const findingsRow = gate.getByRole('row', { name: /Open high-severity findings/ })
  await expect(findingsRow.getByText('Fail', { exact: true })).toBeVisible()
  await expect(gate.getByRole('row', { name: /SEV1–2 incidents per 100 developers/ }).getByText('Inconclusive')).toBeVisible()
  await expect(leader.locator('#gate-h').locator('..')).toContainText('Fail')

  // 6. A finding for this phase.
  await leader.getByText('Record a finding').click()
  const finding = leader.getByRole('form', { name: 'Record a finding' })
  await finding.getByLabel('Title').fill('Pull requests too large to review in the new pilot')
  await finding.getByLabel('What was seen').fill('Two people opened a week of pull requests in one day; reviewers could not keep up.')
  await finding.getByLabel('Severity').selectOption('MEDIUM')
  await finding.getByRole('button', { name: 'Record finding' }).click()
  await expect(finding.getByRole('status')).toHaveText('Finding recorded.')
  await expect(leader.getByRole('heading', { name: 'Pull requests too large to review in the new pilot' })).toBeVisible()
  // Its editor opens on its own, from the finding's "Update" link.
  await expect(leader.getByRole('form', { name: /^Update finding / })).toHaveCount(0)
  await leader.getByRole('link', { name: 'Update finding Pull requests too large to review in the new pilot' }).click()
  const update = leader.getByRole('form', { name: 'Update finding Pull requests too large to review in the new pilot' })
  await expect(update.getByLabel('Status'), 'the editor takes the focus').toBeFocused()
  await update.getByLabel('Resolution').fill('Pull requests are capped at 400 changed lines in the pilot teams.')
  await update.getByRole('button', { name: 'Save finding' }).click()
  await expect(update.getByRole('status')).toHaveText('Finding updated.')
  await expect(leader.getByText('Resolution: Pull requests are capped at 400 changed lines in the pilot teams.')).toBeVisible()
  await expect(leader.getByRole('form', { name: /^Update finding / })).toHaveCount(1)

  // 7. Advancing needs a reason; with one it is recorded in the audit log with who and when.
  const adv = leader.getByRole('form', { name: 'Advance to the next stage' })
  await adv.getByRole('button', { name: 'Advance with override' }).click()
  await expect(adv.getByRole('alert')).toHaveText(/The gate has failed. To advance anyway, write a reason/)
  const reason = 'The open finding is about migrations in another team; leaders agreed to go ahead on 24 Nov.'
  await adv.getByLabel('Override reason').fill(reason)
  await adv.getByRole('button', { name: 'Advance with override' }).click()
  await expect(adv.getByRole('status')).toHaveText('Advanced to the next stage.')

  await leader.goto('/rollout/audit')
  const audit = leader.getByRole('table', { name: 'Audit log of the rollout planner' })
  const row = audit.getByRole('row', { name: /Advanced by override/ }).first()
  await expect(row).toContainText(reason)
  await expect(row).toContainText('leader@example.com')
  await expect(row).toContainText(new Date().toISOString().slice(0, 10))
})

test('developers see the plan and their own team, not other teams or the planner\'s controls', async ({ browser }) => {
  const dev = await as(browser, 'dev@example.com')
  await dev.goto('/rollout')
  await expect(dev.getByRole('heading', { name: 'Your team' })).toBeVisible()
  await expect(dev.getByRole('table', { name: /Teams with their stage/ }).getByRole('row')).toHaveCount(2)
  await dev.goto('/rollout/plan')
  await expect(dev.getByText(/Planned dates of each phase/)).toBeVisible()
  await expect(dev.getByRole('button', { name: 'Save dates' })).toHaveCount(0)
  const res = await dev.goto('/rollout/teams')
  expect(res?.status()).toBe(403)
})

test('a leader edits a phase on the timeline with the keyboard and sees the plan checks', async ({ browser }) => {
  const leader = await as(browser, 'leader@example.com')
  await leader.goto('/rollout/plan')
  const bar = leader.getByRole('group', { name: /^Broad rollout, one group of teams at a time:/ })
  await bar.focus()
  for (let i = 0; i < 30; i++) await leader.keyboard.press('Shift+ArrowRight')
  await expect(bar).toHaveAccessibleName(/\(unsaved\)/)
  await expect(leader.getByRole('region', { name: 'Plan checks' })).toContainText(/beyond 18 months/)
  const form = leader.getByRole('form', { name: 'Dates of Broad rollout, one group of teams at a time' })
  await form.getByRole('button', { name: 'Save dates' }).click()
  await expect(form.getByText(/The end must be within the plan/)).toBeVisible()
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every planner page passes axe (WCAG 2.1 AA) in the ${colorScheme} theme`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme })
    const page = await context.newPage()
    await signIn(page, 'leader@example.com')
    await page.goto('/rollout/cohorts')
    const gateHref = await page.getByRole('link', { name: /^Gate of / }).first().getAttribute('href')
    await page.goto('/rollout/experts')
    const pollHref = await page.getByRole('link', { name: /Expert volunteers/ }).first().getAttribute('href')
    for (const path of ['/rollout', '/rollout/plan', '/rollout/experts', pollHref!, '/rollout/teams', '/rollout/cohorts', gateHref!, '/rollout/findings', '/rollout/audit']) {
      await page.goto(path)
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), path).toEqual([])
    }
    await context.close()
  })
}

test('a leader narrows the teams table by name and stage; an address it cannot read says so and shows every team', async ({ browser }) => {
  const leader = await as(browser, 'leader@example.com')
  await leader.goto('/rollout/teams')
  const table = leader.getByRole('table', { name: 'Teams with size, manager, dependencies, stage and readiness' })
  const all = await table.locator('tbody tr').count()
  expect(all).toBeGreaterThan(3)
  await expect(leader.getByText(`Teams 1–${all} of ${all}`)).toBeVisible()

  const filter = leader.getByRole('search', { name: 'Filter the teams' })
  await filter.getByLabel('Team name').fill('payMENTS')
  await filter.getByRole('button', { name: 'Filter' }).click()
  await expect(leader).toHaveURL(/[?&]q=payMENTS/)
  await expect(table.locator('tbody tr')).toHaveCount(1)
  await expect(table.getByRole('rowheader')).toHaveText(/^Payments Core/)
  await expect(leader.getByText(`Teams 1–1 of 1 matching the filters (${all} in all)`)).toBeVisible()

  await filter.getByLabel('Team name').fill('')
  await filter.getByLabel('Stage').selectOption({ label: 'Not yet in the rollout' })
  await filter.getByRole('button', { name: 'Filter' }).click()
  const notYet = await table.locator('tbody tr').count()
  expect(notYet).toBeGreaterThan(0)
  expect(notYet).toBeLessThan(all)
  await expect(table.locator('tbody tr').getByText(/^(Experts|Pilot|Broad rollout)$/)).toHaveCount(0)

  await filter.getByLabel('Team name').fill('no team is called this')
  await filter.getByRole('button', { name: 'Filter' }).click()
  await expect(leader.getByText('No team matches these filters.')).toBeVisible()
  await expect(table).toHaveCount(0)
  await leader.getByRole('link', { name: 'Clear filters' }).click()
  await expect(table.locator('tbody tr')).toHaveCount(all)

  const res = await leader.goto('/rollout/teams?page=0&stage=LATER')
  expect(res?.status()).toBe(200)
  await expect(leader.getByRole('alert').filter({ hasText: 'could not be read' })).toContainText('Pages start at 1.')
  await expect(table.locator('tbody tr')).toHaveCount(all)
  await expect(leader.getByRole('navigation', { name: 'Pages of the teams table' })).toHaveCount(0)
})
