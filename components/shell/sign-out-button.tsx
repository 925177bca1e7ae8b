'use client'

import { useState } from 'react'
import { signOutToSignIn } from '@/components/shell/sign-out'
import { Button } from '@/components/ui/button'
import { SignOutIcon } from '@/components/ui/icons'

export function SignOutButton() {
  const [pending, setPending] = useState(false)

  async function onClick() {
    setPending(true)
    try {
      await signOutToSignIn()
    } catch {
      setPending(false)
    }
  }

  return (
    <Button variant="secondary" size="sm" onClick={onClick} disabled={pending} aria-busy={pending || undefined} className="max-sm:px-2 xl:px-2" title="Sign out">
      <SignOutIcon className="size-4" />
      <span className="max-sm:sr-only xl:sr-only">Sign out</span>
    </Button>
  )
}
