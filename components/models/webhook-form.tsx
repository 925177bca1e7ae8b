'use client'

import { useActionState } from 'react'
import { createWebhookAction } from '@/lib/webhooks/actions'
import { Button } from '@/components/ui/button'
import { input, label } from '@/components/models/notice'

/** Adds a webhook endpoint; the secret is shown once after saving. */
export function WebhookForm() {
  const [state, action, pending] = useActionState(createWebhookAction, null)
  const failed = state && !state.ok ? state : null
  return (
    <form action={action} className="space-y-4" aria-label="Add a webhook">
      {failed ? (
        <div role="alert" className="rounded-lg border border-danger-line bg-danger-soft px-3 py-2 text-sm text-danger">
          <p>{failed.message}</p>
          {failed.fieldErrors ? <ul className="mt-1 list-disc pl-5">{Object.entries(failed.fieldErrors).map(([k, m]) => <li key={k}>{k}: {m.join(' ')}</li>)}</ul> : null}
        </div>
      ) : null}
      {state?.ok ? (
        <div role="status" className="rounded-lg border border-line bg-accent-soft px-3 py-2 text-sm text-fg">
          <p>{state.message}</p>
          <p className="mt-1">Secret for {state.data.name}: <code className="break-all rounded bg-surface px-1 font-mono" data-testid="webhook-secret">{state.data.secret}</code></p>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="wh-name" className={label}>Name</label>
          <input id="wh-name" name="name" required minLength={2} maxLength={80} defaultValue={failed?.values?.name ?? ''} className={input} />
        </div>
        <div>
          <label htmlFor="wh-url" className={label}>URL</label>
          <input id="wh-url" name="url" type="url" required placeholder="https://hooks.example.com/…" defaultValue={failed?.values?.url ?? ''} className={input} />
        </div>
      </div>
      <div>
        <label htmlFor="wh-secret" className={label}>Signing secret</label>
        <p id="wh-secret-hint" className="text-xs text-fg-muted">At least 16 characters. Leave empty to generate one. Deliveries carry X-Paceline-Signature: t=&lt;unix&gt;,v1=HMAC-SHA256(secret, &quot;&lt;t&gt;.&lt;body&gt;&quot;).</p>
        <input id="wh-secret" name="secret" type="password" autoComplete="new-password" minLength={16} aria-describedby="wh-secret-hint" className={input} />
      </div>
      <Button type="submit" disabled={pending}>{pending ? 'Adding…' : 'Add webhook'}</Button>
    </form>
  )
}
