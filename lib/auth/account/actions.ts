'use server'

import { revalidatePath } from 'next/cache'
import { formValues, toActionError, type ActionResult } from '@/lib/action-result'
import { requireSessionState, requireUser } from '@/lib/auth/session'
import { confirmSecondFactorEnrolment, disableSecondFactor, revokeSession, signOutEverywhere, startSecondFactorEnrolment } from '@/lib/auth/account/mutations'
import type { EnrolmentView } from '@/lib/auth/second-factor'

// Thin adapters for /account/security. Enrolment also serves a session that may only enrol
// (signed in with a password while a second factor is required); everything else needs a full one.

const PATH = '/account/security'

export async function startEnrolmentAction(): Promise<ActionResult<EnrolmentView>> {
  try {
    const { user } = await requireSessionState()
    return { ok: true, data: await startSecondFactorEnrolment(user) }
  } catch (err) {
    return toActionError(err)
  }
}

export async function confirmEnrolmentAction(_prev: ActionResult<{ recoveryCodes: string[] }> | null, formData: FormData): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  const values = formValues(formData)
  try {
    const { user, sessionId } = await requireSessionState()
    const result = await confirmSecondFactorEnrolment(user, sessionId, { code: values.code ?? '', enrolment: values.enrolment ?? '' })
    return { ok: true, data: result, message: 'Second factor is on.' }
  } catch (err) {
    return toActionError(err, { code: '', enrolment: values.enrolment ?? '' })
  }
}

export async function disableSecondFactorAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  try {
    const user = await requireUser()
    await disableSecondFactor(user, { code: String(formData.get('code') ?? '') })
    revalidatePath(PATH)
    return { ok: true, data: undefined, message: 'Second factor is off.' }
  } catch (err) {
    return toActionError(err, { code: '' })
  }
}

export async function revokeSessionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData)
  try {
    const user = await requireUser()
    await revokeSession(user, { sessionId: values.sessionId ?? '' })
    revalidatePath(PATH)
    return { ok: true, data: undefined, message: 'Session ended.' }
  } catch (err) {
    return toActionError(err, values)
  }
}

export async function signOutEverywhereAction(formData: FormData): Promise<ActionResult<{ revoked: number }>> {
  try {
    const user = await requireUser()
    return { ok: true, data: await signOutEverywhere(user, { confirm: String(formData.get('confirm') ?? '') as never }) }
  } catch (err) {
    return toActionError(err)
  }
}

