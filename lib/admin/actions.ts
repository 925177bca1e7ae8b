'use server'

import { revalidatePath } from 'next/cache'
import { requireUser } from '@/lib/auth/session'
import { formValues, toActionError, type ActionResult } from '@/lib/action-result'
import { updateUser } from '@/lib/admin/mutations'

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
