'use client'

import { useActionState, useId } from 'react'
import { updateUserAction } from '@/lib/admin/actions'
import type { ActionResult } from '@/lib/action-result'
import type { UserRowView } from '@/lib/admin/queries'
import { Button } from '@/components/ui/button'
import { ROLES, ROLE_LABELS } from '@/lib/auth/permissions'
import { ResetSecondFactor } from '@/components/admin/reset-second-factor'

const ROLE_OPTIONS = ROLES.map((r) => [r, ROLE_LABELS[r]] as const)

const SIGN_IN_LABELS = { sso: 'SSO', password: 'Password', none: 'Not signed in yet' } as const

/** One editable row: role and active flag, saved with the version the admin saw (optimistic lock). */
export function UserRow({ user, isSelf }: { user: UserRowView; isSelf: boolean }) {
  const [state, formAction, pending] = useActionState<ActionResult<{ version: number }> | null, FormData>(updateUserAction, null)
  const formId = `user-${user.id}`
  const statusId = useId()
  // After a save the row carries the new version; after a failure, what the admin chose stays.
  const version = state?.ok ? state.data.version : user.version
  const role = state && !state.ok ? (state.values?.role ?? user.role) : user.role
  const active = state && !state.ok ? state.values?.active === 'on' : user.active

  return (
    <tr className="border-t border-line align-middle">
      <th scope="row" className="py-3 pr-4 text-left font-medium text-fg">
        {user.name}
        <div className="text-xs font-normal text-fg-muted">{user.email}</div>
      </th>
      <td className="py-3 pr-4 text-sm text-fg-muted">{user.team ?? '—'}</td>
      <td className="py-3 pr-4 text-sm text-fg-muted">
        {SIGN_IN_LABELS[user.signIn]}
        {user.secondFactor ? <span className="block text-xs">Second factor on</span> : null}
        {user.secondFactor && !isSelf ? <ResetSecondFactor userId={user.id} name={user.name} version={version} /> : null}
      </td>
      <td className="py-3 pr-4">
        <select
          form={formId}
          name="role"
          defaultValue={role}
          key={`role-${version}-${role}`}
          aria-label={`Role of ${user.name}`}
          className="h-9 rounded-md border border-line-strong bg-surface px-2 text-sm text-fg"
        >
          {ROLE_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </td>
      <td className="py-3 pr-4">
        <label className="inline-flex items-center gap-2 text-sm text-fg">
          <input form={formId} type="checkbox" name="active" defaultChecked={active} key={`active-${version}-${active}`} className="size-4" />
          Active<span className="sr-only"> ({user.name})</span>
        </label>
      </td>
      <td className="py-3 text-right">
        <form id={formId} action={formAction} aria-describedby={statusId}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="version" value={version} />
          <Button type="submit" size="sm" variant="secondary" disabled={pending} aria-label={`Save ${user.name}`}>
            {pending ? 'Saving…' : 'Save'}
          </Button>
        </form>
        <p id={statusId} role={state && !state.ok ? 'alert' : 'status'} className={`mt-1 max-w-56 text-xs ${state && !state.ok ? 'text-danger' : 'text-fg-muted'}`}>
          {state ? (state.ok ? state.message : state.message) : isSelf ? 'This is you.' : ''}
        </p>
      </td>
    </tr>
  )
}
