'use server'
import { revalidatePath } from 'next/cache'
import { requireUser } from '@/lib/auth/session'
import { markNotificationsRead } from '@/lib/notifications/mutations'

export async function markReadAction(form: FormData) {
  const user = await requireUser()
  const id = form.get('id')
  await markNotificationsRead(user, typeof id === 'string' && id ? { ids: [id] } : { all: true })
  revalidatePath('/', 'layout')
}
