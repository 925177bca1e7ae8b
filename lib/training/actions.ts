'use server'

import { requireActionUser } from '@/lib/auth/guard'
import { asInputError } from '@/lib/api-body'
import { cookies } from 'next/headers'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { requireUser } from '@/lib/auth/session'
import { formValues, toActionError, type ActionResult } from '@/lib/action-result'
import {
  approveModule,
  createModule,
  flagModule,
  publishModule,
  rateModule,
  requestChanges,
  resolveFlag,
  retireModule,
  saveDraft,
  setCompletion,
  submitForReview,
  updateLearningPath,
} from '@/lib/training/mutations'
import { TRAINING_SEEN_COOKIE } from '@/lib/training/rules'
import { ValidationError } from '@/lib/errors'

// Thin adapters from forms to lib/training/mutations: authenticate, hand over, revalidate. Every
// rule and permission check lives in the mutation. Failures return the submitted values.

type Result<T = { version: number }> = ActionResult<T>

/** Form fields of the module editor -> the mutation's input (tags comma-separated, models as checkboxes). */
function moduleFields(formData: FormData) {
  const v = formValues(formData)
  const out: Record<string, unknown> = {}
  for (const k of ['title', 'summary', 'kind', 'stage', 'estimatedMinutes', 'body'] as const) if (k in v) out[k] = v[k]
  if ('tags' in v) out.tags = v.tags.split(',').map((t) => t.trim()).filter(Boolean)
  if (formData.has('validatedModelIds') || formData.has('validatedModelIds.present')) {
    out.validatedModelIds = formData.getAll('validatedModelIds').map(String).filter(Boolean)
  }
  return out
}

export async function createModuleAction(_prev: Result<{ slug: string }> | null, formData: FormData): Promise<Result<{ slug: string }>> {
  let slug: string
  try {
    const user = await requireUser()
    slug = (await createModule(user, moduleFields(formData) as never)).slug
  } catch (err) {
    return toActionError(asInputError(err), formValues(formData))
  }
  revalidatePath('/training')
  redirect(`/training/${slug}/edit?created=1`)
}

export async function saveDraftAction(_prev: Result<{ version: number; savedAt: string }> | null, formData: FormData): Promise<Result<{ version: number; savedAt: string }>> {
  const values = formValues(formData)
  try {
    const user = await requireUser()
    const saved = await saveDraft(user, values.slug, { ...moduleFields(formData), version: values.version } as never)
    revalidatePath(`/training/${values.slug}`)
    return { ok: true, data: { version: saved.version, savedAt: new Date().toISOString() }, message: saved.changed.length ? 'Draft saved.' : 'No changes to save.' }
  } catch (err) {
    return toActionError(asInputError(err), values)
  }
}

const STEPS = {
  submit: { run: submitForReview, done: 'Submitted for review.' },
  approve: { run: approveModule, done: 'Approved. It can now be published.' },
  'request-changes': { run: requestChanges, done: 'Sent back to the author with your comments.' },
  publish: { run: publishModule, done: 'Published.' },
  retire: { run: retireModule, done: 'Retired. It stays readable but is hidden from search.' },
} as const

/** One action for the review workflow; the button's `step` field says which step. */
export async function workflowAction(_prev: Result | null, formData: FormData): Promise<Result> {
  const values = formValues(formData)
  try {
    const user = await requireUser()
    const step = STEPS[values.step as keyof typeof STEPS]
    if (!step || !Object.hasOwn(STEPS, values.step)) throw new ValidationError('Unknown workflow step.')
    const after = await step.run(user, values.slug, values)
    revalidatePath(`/training/${values.slug}`)
    revalidatePath('/training')
    return { ok: true, data: { version: after.version }, message: step.done }
  } catch (err) {
    return toActionError(asInputError(err), values)
  }
}

export async function flagModuleAction(_prev: Result<null> | null, formData: FormData): Promise<Result<null>> {
  const values = formValues(formData)
  try {
    await flagModule(await requireUser(), values.slug, values)
    revalidatePath(`/training/${values.slug}`)
    return { ok: true, data: null, message: 'Thank you. The owner will see your flag.' }
  } catch (err) {
    return toActionError(asInputError(err), values)
  }
}

export async function resolveFlagAction(_prev: Result<null> | null, formData: FormData): Promise<Result<null>> {
  const values = formValues(formData)
  try {
    await resolveFlag(await requireUser(), values.slug, values)
    revalidatePath('/training/workspace')
    return { ok: true, data: null, message: 'Flag resolved.' }
  } catch (err) {
    return toActionError(asInputError(err), values)
  }
}

export async function rateModuleAction(_prev: Result<{ helpful: boolean }> | null, formData: FormData): Promise<Result<{ helpful: boolean }>> {
  const values = formValues(formData)
  try {
    const r = await rateModule(await requireUser(), values.slug, values)
    return { ok: true, data: r, message: 'Thanks for the feedback.' }
  } catch (err) {
    return toActionError(asInputError(err), values)
  }
}

export async function setCompletionAction(_prev: Result<{ completed: boolean }> | null, formData: FormData): Promise<Result<{ completed: boolean }>> {
  const values = formValues(formData)
  try {
    const r = await setCompletion(await requireUser(), values.slug, values)
    revalidatePath(`/training/${values.slug}`)
    revalidatePath('/training')
    return { ok: true, data: r, message: r.completed ? 'Marked as complete.' : 'Marked as not complete.' }
  } catch (err) {
    return toActionError(asInputError(err), values)
  }
}

export async function updateLearningPathAction(_prev: Result<null> | null, formData: FormData): Promise<Result<null>> {
  const values = formValues(formData)
  try {
    await updateLearningPath(await requireUser(), {
      stage: values.stage as never,
      version: values.version === undefined || values.version === '' ? undefined : Number(values.version),
      title: values.title,
      description: values.description,
      modules: (values.modules ?? '').split(/[\s,]+/).filter(Boolean),
    })
    revalidatePath('/training')
    revalidatePath('/training/paths')
    return { ok: true, data: null, message: 'Learning path saved.' }
  } catch (err) {
    return toActionError(asInputError(err), values)
  }
}

/**
 * Remembers, in a cookie on this browser only, when the training home was last seen, for "new and
 * updated since your last visit". Nothing about visits is stored on the server.
 */
export async function markTrainingSeenAction(): Promise<void> {
  await requireActionUser('/training')
  ;(await cookies()).set(TRAINING_SEEN_COOKIE, new Date().toISOString(), { httpOnly: true, sameSite: 'lax', path: '/', maxAge: 365 * 86_400 })
}
