'use server'
import { asInputError } from '@/lib/api-body'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { requireActionUser } from '@/lib/auth/guard'
import { isAppError } from '@/lib/errors'
import { advanceModelChange, assignModel, cancelModelChange, confirmProposedChange, createModelVersion, createSkill, recordModelChange, recordSkillValidation, resolveTask, rollbackModelChange, unassignModel, updateModelVersion, updateSkill } from '@/lib/models/mutations'
import { importCopilotUsage, importPromptfoo } from '@/lib/models/imports'
import { formValues, toActionError, type ActionResult } from '@/lib/action-result'

// Thin adapters for the model-change pages: authenticate, call lib (which authorises, validates
// and audits), then send the person back with a notice or the error (and field errors) in the URL.

function back(path: string, params: Record<string, string>) {
  const q = new URLSearchParams(params)
  redirect(`${path}${path.includes('?') ? '&' : '?'}${q.toString()}`)
}

async function run(path: string, fn: () => Promise<string | void>, okMessage: string) {
  let target: string | void = undefined
  try {
    target = await fn()
  } catch (err) {
    err = asInputError(err)
    if (!isAppError(err)) throw err
    const fields = err.fieldErrors ? ' ' + Object.entries(err.fieldErrors).map(([k, v]) => `${k}: ${v.join(' ')}`).join('; ') : ''
    back(path, { error: `${err.message}${fields}`.slice(0, 600) })
  }
  revalidatePath('/models', 'layout')
  back(target || path, { notice: okMessage })
}


const str = (f: FormData, k: string) => (typeof f.get(k) === 'string' ? String(f.get(k)) : undefined)

export async function recordChangeAction(form: FormData) {
  const user = await requireActionUser('/models/changes/new')
  await run('/models/changes/new', async () => {
    const r = await recordModelChange(user, {
      fromModelId: str(form, 'fromModelId'), toModelId: str(form, 'toModelId'), plannedOn: str(form, 'plannedOn'), reason: str(form, 'reason'),
      scope: form.getAll('scope').map(String), dueInDays: str(form, 'dueInDays') || undefined,
    })
    return `/models/changes/${r.id}`
  }, 'Model change recorded: affected items are flagged and their owners have re-validation tasks.')
}

export async function advanceChangeAction(form: FormData) {
  const id = str(form, 'id')!
  const user = await requireActionUser(`/models/changes/${encodeURIComponent(id)}`)
  await run(`/models/changes/${encodeURIComponent(id)}`, async () => { await advanceModelChange(user, id, { version: str(form, 'version'), acceptInconclusive: str(form, 'acceptInconclusive') === 'on', note: str(form, 'note') }) }, 'The change moved to its next step.')
}

export async function rollbackChangeAction(form: FormData) {
  const id = str(form, 'id')!
  const user = await requireActionUser(`/models/changes/${encodeURIComponent(id)}`)
  await run(`/models/changes/${encodeURIComponent(id)}`, async () => { await rollbackModelChange(user, id, { version: str(form, 'version'), reason: str(form, 'reason') }) }, 'Rolled back: cohorts are on their previous default model again.')
}

export async function confirmChangeAction(form: FormData) {
  const id = str(form, 'id')!
  const user = await requireActionUser(`/models/changes/${encodeURIComponent(id)}`)
  await run(`/models/changes/${encodeURIComponent(id)}`, async () => { await confirmProposedChange(user, id, { version: str(form, 'version'), fromModelId: str(form, 'fromModelId') || undefined }) }, 'Change confirmed and planned.')
}

export async function cancelChangeAction(form: FormData) {
  const id = str(form, 'id')!
  const user = await requireActionUser(`/models/changes/${encodeURIComponent(id)}`)
  await run(`/models/changes/${encodeURIComponent(id)}`, async () => { await cancelModelChange(user, id, { version: str(form, 'version'), reason: str(form, 'reason') }) }, 'Change cancelled.')
}

export async function resolveTaskAction(form: FormData) {
  const id = str(form, 'id')!
  // Back to where the form was, but only a path on this site (never an open redirect).
  const from = /^\/(?!\/)[\w\-.~/?=&%]*$/.test(str(form, 'from') ?? '') ? str(form, 'from')! : '/models/queue'
  const user = await requireActionUser('/models/queue')
  const outcome = str(form, 'outcome')
  await run(from, async () => { await resolveTask(user, id, { version: str(form, 'version'), outcome, notes: str(form, 'notes'), body: str(form, 'body') || undefined, result: str(form, 'result') || undefined }) },
    outcome === 'UPDATE' ? 'Marked for update: publish the new version (validated on the new model) to close the task.' : outcome === 'RETIRE' ? 'Retired; task closed.' : 'Kept as is; task closed.')
}

export async function createSkillAction(form: FormData) {
  const user = await requireActionUser('/models/skills')
  await run('/models/skills', async () => {
    const s = await createSkill(user, { title: str(form, 'title'), kind: str(form, 'kind'), purpose: str(form, 'purpose'), body: str(form, 'body'), tags: (str(form, 'tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean) })
    return `/models/skills/${s.slug}`
  }, 'Skill registered.')
}

export async function recordValidationAction(form: FormData) {
  const slug = str(form, 'slug')!
  const user = await requireActionUser('/models/skills')
  await run(`/models/skills/${encodeURIComponent(slug)}`, async () => { await recordSkillValidation(user, slug, { modelVersionId: str(form, 'modelVersionId'), result: str(form, 'result'), notes: str(form, 'notes'), validatedOn: str(form, 'validatedOn') || undefined }) }, 'Validation recorded.')
}

export async function importPromptfooAction(form: FormData) {
  const slug = str(form, 'slug')!
  const user = await requireActionUser('/models/skills')
  const file = form.get('file')
  await run(`/models/skills/${encodeURIComponent(slug)}`, async () => {
    if (!(file instanceof File) || file.size === 0) throw new (await import('@/lib/errors')).ValidationError('Choose a promptfoo results.json file.')
    const r = await importPromptfoo(user, slug, new Uint8Array(await file.arrayBuffer()))
    if (r.rowErrors.length) back(`/models/skills/${encodeURIComponent(slug)}`, { notice: `Imported ${r.imported.length} model(s).`, error: r.rowErrors.slice(0, 5).map((e) => `line ${e.line}: ${e.reason}`).join(' ') })
  }, 'promptfoo results imported.')
}

export async function assignModelAction(form: FormData) {
  const user = await requireActionUser('/models/registry')
  const holder = str(form, 'holder') ?? ''
  const [kind, hid] = holder.split(':')
  await run('/models/registry', async () => { await assignModel(user, { modelVersionId: str(form, 'modelVersionId'), use: str(form, 'use'), ...(kind === 'team' ? { teamId: hid } : { cohortId: hid }) }) }, 'Assignment saved.')
}

const tagList = (f: FormData) => (str(f, 'tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean)

/**
 * Create or edit a skill (useActionState): on an error the form gets its values back, so nothing
 * typed is lost (also on a CONFLICT: the later save never overwrites the earlier one).
 */
export async function saveSkillAction(_prev: ActionResult<{ slug: string }> | null, form: FormData): Promise<ActionResult<{ slug: string }>> {
  const user = await requireActionUser('/models/skills')
  const slug = str(form, 'slug')
  let target: string
  try {
    if (slug) {
      const r = await updateSkill(user, slug, { version: str(form, 'version'), title: str(form, 'title'), purpose: str(form, 'purpose'), body: str(form, 'body'), tags: tagList(form) })
      target = `/models/skills/${r.slug}`
    } else {
      const r = await createSkill(user, { title: str(form, 'title'), kind: str(form, 'kind'), purpose: str(form, 'purpose'), body: str(form, 'body'), tags: tagList(form), ownerId: str(form, 'ownerId') || undefined })
      target = `/models/skills/${r.slug}`
    }
  } catch (err) {
    return toActionError(asInputError(err), formValues(form))
  }
  revalidatePath('/models', 'layout')
  redirect(`${target}?notice=${encodeURIComponent(slug ? 'Skill saved.' : 'Skill registered.')}`)
}

export async function createModelAction(form: FormData) {
  const user = await requireActionUser('/models/registry')
  await run('/models/registry', async () => {
    await createModelVersion(user, { vendor: str(form, 'vendor'), family: str(form, 'family'), label: str(form, 'label'), snapshot: str(form, 'snapshot'), releasedOn: str(form, 'releasedOn') || null, status: str(form, 'status') || undefined })
  }, 'Model version registered.')
}

export async function updateModelStatusAction(form: FormData) {
  const user = await requireActionUser('/models/registry')
  const id = str(form, 'id')!
  await run('/models/registry', async () => { await updateModelVersion(user, id, { version: str(form, 'version'), status: str(form, 'status') }) }, 'Status saved.')
}

export async function unassignModelAction(form: FormData) {
  const user = await requireActionUser('/models/registry')
  const id = str(form, 'id')!
  await run('/models/registry', async () => { await unassignModel(user, id) }, 'Assignment removed.')
}

export async function importUsageAction(form: FormData) {
  const user = await requireActionUser('/models/registry')
  const file = form.get('file')
  await run('/models/registry', async () => {
    if (!(file instanceof File) || file.size === 0) throw new (await import('@/lib/errors')).ValidationError('Choose a Copilot usage-metrics NDJSON file.')
    const r = await importCopilotUsage(user, new Uint8Array(await file.arrayBuffer()), { teamSlug: str(form, 'team') || null })
    const summary = `Imported ${r.rows} team/day/model row(s) for ${r.teamDays} team-day(s); ${r.suppressedTeamDays} team-day(s) under 5 people not stored; ${r.proposals.length} change(s) proposed.`
    revalidatePath('/models', 'layout')
    if (r.rowErrors.length) back('/models/registry', { notice: summary, error: r.rowErrors.slice(0, 5).map((e) => `line ${e.line}: ${e.reason}`).join(' ') })
    back('/models/registry', { notice: summary })
  }, 'Usage imported.')
}
