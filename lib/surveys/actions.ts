'use server'

import { asInputError } from '@/lib/api-body'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { requireUser } from '@/lib/auth/session'
import { formValues, toActionError, type ActionResult } from '@/lib/action-result'
import { answerSurvey, closeSurvey, scheduleSurvey, updateSurvey } from '@/lib/surveys/mutations'

// Thin adapters from the survey forms to lib/surveys/mutations: authenticate, hand over,
// revalidate. Every rule and permission check lives in the mutation.

function surveyFields(formData: FormData) {
  const v = formValues(formData)
  return {
    title: v.title ?? '',
    opensAt: v.opensAt ?? '',
    closesAt: v.closesAt ?? '',
    includeComment: formData.get('includeComment') === 'on',
    audience: {
      stages: formData.getAll('audience.stages').map(String),
      cohortIds: formData.getAll('audience.cohortIds').map(String),
      teamIds: formData.getAll('audience.teamIds').map(String),
    },
  }
}

export async function scheduleSurveyAction(_prev: ActionResult<{ id: string }> | null, formData: FormData): Promise<ActionResult<{ id: string }>> {
  try {
    const user = await requireUser()
    await scheduleSurvey(user, surveyFields(formData) as never)
  } catch (err) {
    return toActionError(asInputError(err), formValues(formData))
  }
  revalidatePath('/surveys')
  redirect('/surveys?scheduled=1')
}

export async function updateSurveyAction(_prev: ActionResult<{ version: number }> | null, formData: FormData): Promise<ActionResult<{ version: number }>> {
  const values = formValues(formData)
  try {
    const user = await requireUser()
    const saved = await updateSurvey(user, values.id ?? '', { ...surveyFields(formData), version: values.version } as never)
    revalidatePath('/surveys')
    return { ok: true, data: { version: saved.version }, message: 'Saved.' }
  } catch (err) {
    return toActionError(asInputError(err), values)
  }
}

export async function closeSurveyAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData)
  try {
    const user = await requireUser()
    await closeSurvey(user, values.id ?? '', { version: values.version } as never)
  } catch (err) {
    return toActionError(asInputError(err), values)
  }
  revalidatePath('/surveys')
  redirect('/surveys?closed=1')
}

export async function answerSurveyAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData)
  try {
    const user = await requireUser()
    const input: Record<string, unknown> = {}
    for (const k of ['overall', 'tools_help', 'time_to_learn', 'workload', 'comment'] as const) if (k in values) input[k] = values[k]
    await answerSurvey(user, values.surveyId ?? '', input as never)
    // No revalidation: re-rendering this page would replace the thank-you with "already answered";
    // the survey pages are dynamic and read the new state on the next visit.
    return { ok: true, data: undefined, message: 'Thank you. Your answer was recorded without your name.' }
  } catch (err) {
    return toActionError(asInputError(err), values)
  }
}
