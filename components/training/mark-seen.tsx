'use client'

import { useEffect, useRef, useState, type ReactNode } from 'react'
import { markTrainingSeenAction } from '@/lib/training/actions'

/**
 * Remembers this visit to the training home (a cookie on this browser only) once, on mount, and
 * keeps showing what was new when the page opened: setting the cookie re-renders the page on the
 * server, which would otherwise empty "new since your last visit" while the reader looks at it.
 */
export function MarkTrainingSeen({ children }: { children: ReactNode }) {
  const [shown] = useState(children)
  const done = useRef(false)
  useEffect(() => {
    if (done.current) return
    done.current = true
    markTrainingSeenAction().catch(() => {
      // Not remembering a visit only means the next list is longer; never worth an error.
    })
  }, [])
  return <>{shown}</>
}
