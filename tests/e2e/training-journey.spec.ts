import { expect, test, type Browser, type Page } from '@playwright/test'
import { signIn } from './support'

// The journey: expert A writes and submits -> expert B approves and publishes -> a
// developer finds it by a word from its body, opens it, marks it complete -> A publishes v2 ->
// the developer's stable URL shows v2 and the diff from v1.

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage()
  await signIn(page, email)
  return page
}

async function runStep(page: Page, button: string, expected: RegExp) {
  await page.getByRole('button', { name: button, exact: true }).click()
  await expect(page.getByRole('status').filter({ hasText: expected }).first()).toBeVisible()
}

async function approveAndPublish(reviewer: Page, slug: string, changelog: string) {
  await reviewer.goto(`/training/${slug}/edit`)
  await runStep(reviewer, 'Approve', /Approved/)
  await reviewer.reload()
  await reviewer.getByLabel('Changelog').fill(changelog)
  await runStep(reviewer, 'Publish', /Published/)
}

test('write, review, publish, find, complete, revise, compare', async ({ browser }) => {
  test.setTimeout(120_000)
  const word = `quokka${Date.now().toString(36)}`
  const title = `Pairing on a flaky test ${word}`

  // Expert A writes and submits.
  const a = await as(browser, 'expert@example.com')
  await a.goto('/training/new')
  await a.getByLabel('Title').fill(title)
  await a.getByLabel('Summary').fill('How to pair with the assistant to find why a test fails one run in twenty.')
  await a.getByLabel('Kind').selectOption('TASK_WALKTHROUGH')
  await a.getByLabel('Tags').fill('write tests, debug production incident')
  await a.getByLabel('Body (Markdown)').fill(`## First step\n\nRun the test in a loop and keep the ${word} seed that fails.\n`)
  await a.getByRole('button', { name: 'Create draft' }).click()
  await expect(a).toHaveURL(/\/training\/pairing-on-a-flaky-test-[a-z0-9-]+\/edit/)
  const slug = a.url().split('/training/')[1].split('/edit')[0]
  await runStep(a, 'Submit for review', /Submitted for review/)
  // A cannot approve their own module.
  await a.reload()
  await expect(a.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(0)

  // Expert B approves and publishes.
  const b = await as(browser, 'expert2@example.com')
  await approveAndPublish(b, slug, 'First version')

  // A developer finds it by a word from its body, opens it and marks it complete.
  const dev = await as(browser, 'dev@example.com')
  await dev.goto('/training')
  await dev.getByLabel('Search training').fill(word)
  await dev.getByRole('button', { name: 'Search', exact: true }).click()
  await dev.getByRole('link', { name: title }).click()
  await expect(dev).toHaveURL(new RegExp(`/training/${slug}$`))
  await expect(dev.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(dev.getByText('Version 1').first()).toBeVisible()
  await dev.getByRole('button', { name: 'Mark as complete' }).click()
  await expect(dev.getByRole('button', { name: 'Mark as not complete' })).toBeVisible()

  // A revises: v2 goes through review again.
  await a.goto(`/training/${slug}/edit`)
  const body = a.getByLabel('Body (Markdown)')
  await body.fill(`${await body.inputValue()}\n## Second step\n\nBisect the fixtures until the ${word} failure is gone.\n`)
  await runStep(a, 'Save draft', /saved/i)
  await runStep(a, 'Submit for review', /Submitted for review/)
  await approveAndPublish(b, slug, 'Added the bisecting step')

  // The developer's stable URL now shows v2, and the diff from v1.
  await dev.goto(`/training/${slug}`)
  await expect(dev.getByText('Version 2').first()).toBeVisible()
  await expect(dev.getByRole('heading', { name: 'Second step' })).toBeVisible()
  await dev.getByRole('link', { name: /Compare with v1/ }).first().click()
  await expect(dev).toHaveURL(new RegExp(`/training/${slug}/diff\\?from=1&to=2`))
  await expect(dev.getByText(`Bisect the fixtures until the ${word} failure is gone.`).first()).toBeVisible()

  // The old version stays readable.
  await dev.goto(`/training/${slug}/versions/1`)
  await expect(dev.getByText('Second step')).toHaveCount(0)
})

test('the quick finder opens the latest version with the keyboard', async ({ page }) => {
  await signIn(page, 'dev@example.com')
  await page.goto('/')
  const input = page.getByRole('combobox', { name: 'Find training' }).or(page.getByLabel('Find training'))
  // The shortcut works once the page has hydrated; a press before that does nothing, so press again.
  await expect(async () => {
    await page.keyboard.press('Control+k')
    await expect(input.first()).toBeFocused({ timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  await input.first().fill('review')
  await expect(page.getByRole('option').first()).toBeVisible()
  const first = (await page.getByRole('option').first().innerText()).split('\n')[0]
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/training\/[a-z0-9-]+$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first)
})

test('developers cannot reach the editor or the review queue', async ({ page }) => {
  await signIn(page, 'dev@example.com')
  for (const path of ['/training/new', '/training/workspace']) {
    const r = await page.goto(path)
    expect(r?.status(), path).toBe(403)
  }
})
