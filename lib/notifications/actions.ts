'use server'
import { requireActionUser } from '@/lib/auth/guard'
import { asInputError } from '@/lib/api-body'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { isAppError } from '@/lib/errors'
import { markNotificationsRead } from '@/lib/notifications/mutations'

// An action is a public POST endpoint: an anonymous call is sent to sign-in and an invalid id gets
// an error notice, never an unhandled error (which Next turns into a 500).
export async function markReadAction(form: FormData) {
  const user = await requireActionUser('/notifications')
  const id = form.get('id')
  try {
    await markNotificationsRead(user, typeof id === 'string' && id ? { ids: [id] } : { all: true })
  } catch (err) {
    err = asInputError(err)
    if (!isAppError(err)) throw err
    redirect(`/notifications?${new URLSearchParams({ error: err.message.slice(0, 300) })}`)
  }
  revalidatePath('/', 'layout')
}
