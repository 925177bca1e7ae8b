'use server'
import { asInputError } from '@/lib/api-body'
import { randomBytes } from 'node:crypto'
import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { requireActionUser } from '@/lib/auth/guard'
import { isAppError } from '@/lib/errors'
import { formValues, toActionError, type ActionResult } from '@/lib/action-result'
import { createWebhook, deleteWebhook, sendTestWebhook, updateWebhook } from '@/lib/webhooks/endpoints'

// Thin adapters for /admin/webhooks. lib/webhooks/endpoints authorises (admin.access), validates and audits.

const PAGE = '/admin/webhooks'
const str = (f: FormData, k: string) => (typeof f.get(k) === 'string' ? String(f.get(k)) : undefined)


function back(params: Record<string, string>): never {
  redirect(`${PAGE}?${new URLSearchParams(params)}`)
}

async function run(fn: () => Promise<unknown>, ok: string) {
  try {
    await fn()
  } catch (err) {
    err = asInputError(err)
    if (!isAppError(err)) throw err
    const fields = err.fieldErrors ? ' ' + Object.entries(err.fieldErrors).map(([k, v]) => `${k}: ${v.join(' ')}`).join('; ') : ''
    back({ error: `${err.message}${fields}`.slice(0, 600) })
  }
  revalidatePath(PAGE)
  back({ notice: ok })
}

/** Adds an endpoint. The secret is shown once in the returned state (generated when left empty), never again. */
export async function createWebhookAction(_prev: ActionResult<{ secret: string; name: string }> | null, form: FormData): Promise<ActionResult<{ secret: string; name: string }>> {
  const user = await requireActionUser(PAGE)
  const secret = str(form, 'secret') || randomBytes(24).toString('base64url')
  try {
    await createWebhook(user, { name: str(form, 'name'), url: str(form, 'url'), secret, active: true })
  } catch (err) {
    const values = formValues(form)
    delete values.secret
    return toActionError(asInputError(err), values)
  }
  revalidatePath(PAGE)
  return { ok: true, data: { secret, name: str(form, 'name') ?? '' }, message: 'Webhook added. Copy the secret now: it is not shown again.' }
}

export async function toggleWebhookAction(form: FormData) {
  const user = await requireActionUser(PAGE)
  const active = str(form, 'active') === 'true'
  await run(() => updateWebhook(user, str(form, 'id') ?? '', { version: str(form, 'version'), active }), active ? 'Webhook enabled.' : 'Webhook disabled.')
}

export async function testWebhookAction(form: FormData) {
  const user = await requireActionUser(PAGE)
  await run(() => sendTestWebhook(user, str(form, 'id') ?? ''), 'Test message queued: see the delivery log below.')
}

export async function deleteWebhookAction(form: FormData) {
  const user = await requireActionUser(PAGE)
  await run(() => deleteWebhook(user, str(form, 'id') ?? ''), 'Webhook deleted.')
}
