import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { E2E_URL } from '../../playwright.config'
import { signIn, tokenFor } from './support'
import { one, withDb } from './security-support'
import { XSS_CORPUS } from '../unit/training/xss-corpus'

// XSS corpus (issue 4's Markdown corpus, tests/unit/training/xss-corpus.ts) through every other
// free-text field that is displayed back: it is written through the API (the same zod schemas as
// the forms) and the pages that show it are opened in Chromium as an admin. Asserted: no dialog
// opens, no request leaves for another host, no element carries an event-handler attribute or a
// javascript:/vbscript:/data:text URL, no frame/object/embed/base element appears, and every script
// element is the app's own (nonce) — and the text itself is shown, so the field was really rendered.

const RUN = `xss${Date.now().toString(36)}`
// PostgreSQL text cannot hold NUL (the API refuses it with 400), so NUL characters are dropped here.
const PAYLOADS = XSS_CORPUS.map((c) => c.markdown.replace(/\u0000/g, ''))

/** Payloads packed into values of at most `max` characters (each value tagged so the page can be checked). */
function packed(max: number, limit: number): string[] {
  const out: string[] = []
  let current = ''
  for (const p of PAYLOADS) {
    const tag = `${RUN}-${out.length} `
    if (tag.length + p.length > max) continue
    if ((current || tag).length + p.length + 1 > max) {
      out.push(current)
      if (out.length >= limit) return out
      current = ''
    }
    current = current ? `${current} ${p}` : `${RUN}-${out.length} ${p}`
  }
  if (current) out.push(current)
  return out.slice(0, limit)
}

/** Every payload in one long value (bodies, descriptions). */
const ALL = (max: number) => `${RUN}-all\n\n${PAYLOADS.join('\n\n')}`.slice(0, max)

interface Field { what: string; pages: string[]; values: string[] }
const fields: Field[] = []
/** Removed at the end: the webhooks page is admin-wide, and an endpoint that never delivers is noise there. */
const webhookIds: string[] = []

async function created(api: APIRequestContext, url: string, data: unknown): Promise<Record<string, unknown>> {
  const res = await api.post(url, { data })
  expect(res.status(), `POST ${url}: ${await res.text()}`).toBeLessThan(300)
  return (await res.json()) as Record<string, unknown>
}

async function findings(api: APIRequestContext) {
  const phaseId = (await withDb((c) => one(c, `SELECT id FROM "RolloutPhase" ORDER BY position LIMIT 1`))).id
  const titles = packed(200, 6)
  for (const title of titles) await created(api, '/api/v1/findings', { phaseId, title, body: ALL(10_000), severity: 'LOW' })
  fields.push({ what: 'finding title and description', pages: ['/rollout/findings'], values: titles })
}

async function skills(api: APIRequestContext) {
  const titles = packed(160, 4)
  const slugs: string[] = []
  for (const title of titles) {
    const s = await created(api, '/api/v1/skills', { title, kind: 'PROMPT', purpose: ALL(2000), body: ALL(100_000), tags: ['xss-e2e'] })
    slugs.push(String(s.slug ?? (s.skill as Record<string, unknown> | undefined)?.slug ?? ''))
  }
  skillSlugs.push(...slugs.filter(Boolean))
  fields.push({ what: 'skill title, purpose and text', pages: ['/models/skills', ...slugs.filter(Boolean).map((s) => `/models/skills/${s}`)], values: titles })
}

const modelIds: string[] = []
const skillSlugs: string[] = []

async function models(api: APIRequestContext) {
  const labels = packed(80, 4)
  let n = 0
  for (const label of labels) {
    n++
    const m = await created(api, '/api/v1/models', { vendor: `${RUN} <b>v</b>`, family: `<img src=x onerror=alert(1)> ${n}`, label, snapshot: `xss-e2e-${RUN}-${n}-20260101`, status: 'EVALUATING' })
    const id = m.id ?? (m.model as Record<string, unknown> | undefined)?.id
    if (typeof id === 'string') modelIds.push(id)
  }
  fields.push({ what: 'model version vendor, family and label', pages: ['/models/registry'], values: labels })
}

/**
 * A model-change reason (shown on the change and the timeline) and its closing reason. Through the
 * API when some stage has no open change (then cancelled at once: the reason lands in the closed
 * tasks' notes); when open demo changes cover every stage, as a rolled-back copy of a demo change
 * written in SQL (what is under test here is the rendering, not the rules of overlapping changes).
 */
async function modelChanges(api: APIRequestContext) {
  expect(modelIds.length, 'model versions created above').toBeGreaterThanOrEqual(1)
  const reason = packed(4000, 1)[0]
  const tail = `${RUN}-tail ${PAYLOADS.slice(-40).join(' ')}`.slice(0, 2000)
  const plannedOn = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10)
  let id: string | null = null
  for (const stage of ['BROAD', 'PILOT', 'EXPERTS']) {
    const from = await withDb((c) => c.query(`SELECT a."modelVersionId" AS id FROM "ModelAssignment" a JOIN "Cohort" c ON c.id = a."cohortId" WHERE c.stage = $1 LIMIT 1`, [stage]))
    if (!from.rows[0]) continue
    const res = await api.post('/api/v1/changes', { data: { fromModelId: from.rows[0].id, toModelId: modelIds[0], plannedOn, reason, scope: [stage] } })
    expect([201, 409], `POST /api/v1/changes (${stage}): ${await res.text()}`).toContain(res.status())
    if (res.status() !== 201) continue
    const change = (await res.json()) as { id: string; version: number }
    const cancelled = await api.post(`/api/v1/changes/${change.id}/cancel`, { data: { version: change.version, reason: tail } })
    expect(cancelled.status(), `cancel: ${await cancelled.text()}`).toBeLessThan(300)
    id = change.id
    break
  }
  id ??= await withDb(async (c) => {
    await c.query(`CREATE TEMP TABLE xss_change AS SELECT * FROM "ModelChangeEvent" ORDER BY "createdAt" LIMIT 1`)
    await c.query(`UPDATE xss_change SET id = gen_random_uuid(), reason = $1, "rollbackReason" = $2, status = 'ROLLED_BACK', "plannedOn" = $3::date`, [reason, tail, plannedOn])
    const r = await c.query(`INSERT INTO "ModelChangeEvent" SELECT * FROM xss_change RETURNING id`)
    return r.rows[0].id as string
  })
  fields.push({ what: 'model change reason and closing reason', pages: [`/models/changes/${id}`, '/models'], values: [reason, tail] })
}

/** Validation notes of a skill against a model version, shown on the skill's page. */
async function validations(api: APIRequestContext) {
  const notes = packed(4000, 2)
  const slug = skillSlugs[0]
  expect(slug, 'a skill created above').toBeTruthy()
  for (const note of notes) await created(api, '/api/v1/validations', { skill: slug, modelVersionId: modelIds[0], result: 'SAME', notes: note })
  fields.push({ what: 'skill validation notes', pages: [`/models/skills/${slug}`], values: notes })
}

async function webhooks(api: APIRequestContext) {
  const names = packed(80, 4)
  for (const name of names) {
    const w = await created(api, '/api/v1/webhooks', { name, url: 'https://hooks.example.com/xss-e2e', secret: 'xss-e2e-secret-0123456789', active: false })
    if (typeof w.id === 'string') webhookIds.push(w.id)
  }
  fields.push({ what: 'webhook name', pages: ['/admin/webhooks'], values: names })
}

async function surveys(api: APIRequestContext) {
  const titles = packed(160, 4)
  const opens = new Date(Date.now() + 300 * 86_400_000)
  const closes = new Date(opens.getTime() + 7 * 86_400_000)
  for (const title of titles) await created(api, '/api/v1/surveys', { title, opensAt: opens.toISOString(), closesAt: closes.toISOString(), audience: { stages: [], cohortIds: [], teamIds: [] }, includeComment: true })
  fields.push({ what: 'survey title', pages: ['/surveys'], values: titles })
}

async function training(api: APIRequestContext) {
  const titles = packed(160, 4)
  const slugs: string[] = []
  for (const title of titles) {
    const m = await created(api, '/api/v1/training', { title, summary: ALL(600).padEnd(10, '.'), kind: 'REFERENCE', body: ALL(200_000), tags: ['xss-e2e'] })
    slugs.push(String(m.slug ?? ''))
  }
  fields.push({ what: 'training draft title, summary and body', pages: ['/training/workspace', ...slugs.filter(Boolean).map((s) => `/training/${s}/edit`)], values: titles })
}

/** What must never be in the DOM after a payload was displayed. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const bad = /^\s*(javascript|vbscript|data:text\/html|data:image\/svg)/i
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) problems.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value.slice(0, 60)}">`)
        // React's own placeholder on forms and buttons bound to a server action (never our data).
        const reactPlaceholder = /^(action|formaction)$/i.test(attr.name) && attr.value.startsWith("javascript:throw new Error('React form unexpectedly submitted.')")
        if (!reactPlaceholder && ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(attr.name.toLowerCase()) && bad.test(attr.value)) problems.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value.slice(0, 60)}">`)
      }
      const tag = el.tagName.toLowerCase()
      if (['iframe', 'frame', 'object', 'embed', 'base', 'applet'].includes(tag)) problems.push(`<${tag}>`)
      if (tag === 'meta' && el.getAttribute('http-equiv')) problems.push(`<meta http-equiv=${el.getAttribute('http-equiv')}>`)
      if (tag === 'script' && !el.hasAttribute('nonce') && !(el as HTMLScriptElement).src.startsWith(location.origin) && (el as HTMLScriptElement).type !== 'application/json') problems.push(`<script> without the app's nonce: ${(el.textContent ?? '').slice(0, 60)}`)
    }
    return problems
  })
}

// Tagged @alone: it runs in the serial project after every other spec (its rows would otherwise
// show up in other specs' pages while they run their axe checks).
test.describe('XSS corpus through every displayed free-text field @alone', () => {
  test('written through the API, shown on the pages: no script runs and nothing injected survives', async ({ browser, playwright }) => {
    test.setTimeout(240_000)
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50)
    const api = await playwright.request.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${tokenFor('admin@example.com', '--name', 'xss-fields')}` } })
    for (const write of [findings, skills, models, modelChanges, validations, webhooks, surveys, training]) await write(api)

    const context = await browser.newContext()
    const page = await context.newPage()
    const dialogs: string[] = []
    const foreign: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(`${page.url()}: ${d.type()} ${d.message()}`)
      void d.dismiss()
    })
    page.on('request', (r) => {
      if (!r.url().startsWith(E2E_URL) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(`${page.url()} -> ${r.url()}`)
    })
    await signIn(page, 'admin@example.com')
    const failures: string[] = []
    let checked = 0
    for (const field of fields) {
      for (const url of field.pages) {
        const res = await page.goto(url)
        expect(res?.status(), url).toBe(200)
        await page.waitForLoadState('networkidle')
        const text = await page.locator('body').innerText()
        const shown = field.values.filter((v) => text.includes(v.split(' ')[0]))
        if (url === field.pages[0] && shown.length === 0) failures.push(`${url}: none of the ${field.what} values is shown (the field was not rendered)`)
        for (const p of await injected(page)) failures.push(`${url} (${field.what}): ${p}`)
        checked++
      }
    }
    await context.close()
    for (const id of webhookIds) expect((await api.delete(`/api/v1/webhooks/${id}`)).status(), `DELETE webhook ${id}`).toBeLessThan(300)
    await api.dispose()
    console.log(`xss-fields: ${PAYLOADS.length} payloads through ${fields.length} field groups, ${checked} pages checked`)
    expect(failures).toEqual([])
    expect(dialogs, 'dialogs opened by injected script').toEqual([])
    expect(foreign, 'requests to other hosts').toEqual([])
  })
})
