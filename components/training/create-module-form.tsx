'use client'

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react'
import { createModuleAction } from '@/lib/training/actions'
import type { ActionResult } from '@/lib/action-result'
import { Button } from '@/components/ui/button'
import { FormMessage } from '@/components/training/form-controls'
import { EMPTY_MODULE, ModuleFields, type ModelOption } from '@/components/training/module-fields'

/**
 * "Write a module": creates the draft and lands in the editor (the action redirects). The form is
 * submitted without React's automatic reset, so after a failure every field, checkbox included,
 * still holds what was typed; the errors sit next to their fields.
 */
export function CreateModuleForm({ models }: { models: ModelOption[] }) {
  const [state, dispatch, pending] = useActionState<ActionResult<{ slug: string }> | null, FormData>(createModuleAction, null)
  const formRef = useRef<HTMLFormElement>(null)
  const errors = state && !state.ok ? state.fieldErrors : undefined

  // After a failure, take the keyboard to the first field that needs attention.
  useEffect(() => {
    if (state && !state.ok) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [state])

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    startTransition(() => dispatch(data))
  }

  return (
    <form ref={formRef} action={dispatch} onSubmit={onSubmit} noValidate className="space-y-8">
      <ModuleFields idPrefix="new" values={EMPTY_MODULE} errors={errors} models={models} requireKindChoice />
      <div className="flex flex-wrap items-center gap-4 border-t border-line pt-6">
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          {pending ? 'Creating…' : 'Create draft'}
        </Button>
        <p className="text-sm text-fg-muted">Nothing is published yet: another expert reviews it first.</p>
        <FormMessage result={state} className="basis-full" />
      </div>
    </form>
  )
}
