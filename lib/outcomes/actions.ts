'use server'

import { asInputError } from '@/lib/api-body'
import { revalidatePath } from 'next/cache'
import { formValues, toActionError, type ActionResult } from '@/lib/action-result'
import { requireUser } from '@/lib/auth/session'
import { setTarget, type TargetView } from '@/lib/outcomes/targets'

// Thin adapter from the targets form to lib/outcomes/targets (which authorises and audits).
export async function setTargetAction(_prev: ActionResult<TargetView> | null, formData: FormData): Promise<ActionResult<TargetView>> {
  const values = formValues(formData)
  try {
    const user = await requireUser()
    const saved = await setTarget(user, values)
    revalidatePath('/outcomes')
    return { ok: true, data: saved, message: saved.unsafe ? 'Target saved, and flagged as unsafe.' : 'Target saved.' }
  } catch (err) {
    return toActionError(asInputError(err), values)
  }
}
