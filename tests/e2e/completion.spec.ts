import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { signIn } from './support'

// Completion by team (/training/completion): one stage's learning path at a time, teams found by
// name and shown a page at a time, never a person. An organisation has hundreds of teams.

test('a leader reads completion for every stage or one, finds a team by name, and gets a clear message for an address it cannot read', async ({ page }) => {
  await signIn(page, 'leader@example.com')
  await page.goto('/training/completion')
  const stages = page.getByRole('navigation', { name: 'Learning path of the stage' })
  await expect(stages.getByRole('link', { name: 'All stages' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Experts', 'Pilot teams', 'Broad rollout'])

  await stages.getByRole('link', { name: 'Broad rollout' }).click()
  await expect(page).toHaveURL(/stage=BROAD/)
  await expect(stages.getByRole('link', { name: 'Broad rollout' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Broad rollout'])
  const teams = page.getByRole('table', { name: 'Broad rollout: completion by team' })
  const all = await teams.locator('tbody tr').count()
  expect(all).toBeGreaterThan(3)
  await expect(page.getByText(`Teams 1–${all} of ${all}`)).toBeVisible()
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(results.violations.map((v) => v.id)).toEqual([])

  const find = page.getByRole('search', { name: 'Find a team' })
  await find.getByLabel('Team name').fill('payments core')
  await find.getByRole('button', { name: 'Find' }).click()
  await expect(page).toHaveURL(/stage=BROAD/)
  await expect(teams.locator('tbody tr')).toHaveCount(1)
  await expect(teams.getByRole('rowheader')).toHaveText('Payments Core')
  // A team's figure is a percentage of the team or the note that it is withheld: never a name.
  await expect(teams.locator('tbody tr')).toContainText(/\d+(\.\d)?%|Fewer than 5 people: not shown|Not shown: with the other figures/)

  await find.getByLabel('Team name').fill('no team is called this')
  await find.getByRole('button', { name: 'Find' }).click()
  await expect(page.getByText('No team matches this name.')).toBeVisible()
  await page.getByRole('link', { name: 'Show every team' }).click()
  await expect(teams.locator('tbody tr')).toHaveCount(all)

  const res = await page.goto('/training/completion?stage=LATER&page=-1')
  expect(res?.status()).toBe(200)
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toContainText('Choose a stage from the list.')
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Experts', 'Pilot teams', 'Broad rollout'])
})

test('a developer gets no completion page', async ({ page }) => {
  await signIn(page, 'dev@example.com')
  const res = await page.goto('/training/completion')
  expect(res?.status()).toBe(403)
})
