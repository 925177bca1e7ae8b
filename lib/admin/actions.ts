'use server'

import { requireActionUser } from '@/lib/auth/guard'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { requireUser } from '@/lib/auth/session'
import { formValues, toActionError, type ActionResult } from '@/lib/action-result'
import { isAppError } from '@/lib/errors'
import { resetSecondFactor, updateAuthPolicy, updateUser } from '@/lib/admin/mutations'

export async function updateUserAction(_prev: ActionResult<{ version: number }> | null, formData: FormData): Promise<ActionResult<{ version: number }>> {
  const values = formValues(formData)
  try {
    const user = await requireUser()
    const result = await updateUser(user, {
      userId: values.userId,
      version: Number(values.version),
      role: values.role as never,
      active: values.active ?? '',
    })
    revalidatePath('/admin')
    return { ok: true, data: { version: result.version }, message: 'Saved.' }
  } catch (err) {
    return toActionError(err, values)
  }
}

export async function resetSecondFactorAction(_prev: ActionResult<{ version: number }> | null, formData: FormData): Promise<ActionResult<{ version: number }>> {
  const values = formValues(formData)
  try {
    const user = await requireUser()
    const result = await resetSecondFactor(user, { userId: values.userId, version: values.version as never })
    revalidatePath('/admin')
    return { ok: true, data: { version: result.version }, message: 'Second factor removed; their sessions ended.' }
  } catch (err) {
    return toActionError(err, values)
  }
}

/**
 * The sign-in policy form on /admin posts here (a plain form, works without JavaScript). As the
 * webhook actions do, the outcome comes back in the URL: ?notice=... or ?error=<message>; an
 * anonymous call goes to sign-in.
 */
export async function updateAuthPolicyAction(formData: FormData): Promise<void> {
  const values = formValues(formData)
  const user = await requireActionUser('/admin')
  let target: string
  try {
    await updateAuthPolicy(user, { version: values.version as never, requireSecondFactor: values.requireSecondFactor ?? '' })
    target = `/admin?${new URLSearchParams({ notice: 'Sign-in policy saved. It applies to sign-ins from now on.' })}`
  } catch (err) {
    if (!isAppError(err)) throw err
    const message = err.code === 'INVALID_INPUT' ? 'The sign-in policy was not saved: reload the page and try again.' : err.message
    target = `/admin?${new URLSearchParams({ error: message })}`
  }
  revalidatePath('/admin')
  redirect(`${target}#sign-in-policy`)
}
