'use client'

import { useEffect } from 'react'
import { useRouter } from 'next/navigation'

// Sessions end after 4 idle hours. Rendering a page does not renew the session cookie (server
// components cannot set cookies), so while someone is actually using the portal we ask next-auth
// for the session, which re-issues the cookie with a fresh expiry. When the answer has no user
// the session is gone: a refresh lets the portal layout send the user to sign-in.

const WHILE_ACTIVE_EVERY_MS = 5 * 60 * 1000
const ON_FOCUS_AFTER_MS = 15 * 1000
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const

export function SessionKeepAlive() {
  const router = useRouter()

  useEffect(() => {
    let last = 0
    let inFlight = false

    async function check() {
      if (inFlight) return
      inFlight = true
      last = Date.now()
      try {
        const res = await fetch('/api/auth/session', { cache: 'no-store', credentials: 'same-origin' })
        if (!res.ok) return
        const session = (await res.json().catch(() => null)) as { userId?: unknown } | null
        if (!session || typeof session.userId !== 'string' || !session.userId) router.refresh()
      } catch {
        // Offline or server restarting: the next activity tries again.
      } finally {
        inFlight = false
      }
    }

    const onFocus = () => {
      if (Date.now() - last >= ON_FOCUS_AFTER_MS) void check()
    }
    const onActivity = () => {
      if (Date.now() - last >= WHILE_ACTIVE_EVERY_MS) void check()
    }

    window.addEventListener('focus', onFocus)
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { passive: true })
    return () => {
      window.removeEventListener('focus', onFocus)
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity)
    }
  }, [router])

  return null
}
