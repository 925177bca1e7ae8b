'use client'

import { lazy, Suspense } from 'react'

// The 404, 403 and 401 pages, as client components on purpose. Next renders every layout's
// not-found, forbidden and unauthorized fallback on every request and sends it in the RSC payload,
// in case the page needs it. As server components these bodies were about a quarter of each page's
// payload; as client components each is one reference. Their code loads only when one is shown (on
// the server for a real 404 or 403, where the HTML arrives complete), so it adds nothing to the
// JavaScript every page loads (decision 0015).

const Bodies = {
  NotFound: lazy(() => import('./status-view-bodies').then((m) => ({ default: m.NotFoundView }))),
  Forbidden: lazy(() => import('./status-view-bodies').then((m) => ({ default: m.ForbiddenView }))),
  Unauthorized: lazy(() => import('./status-view-bodies').then((m) => ({ default: m.UnauthorizedView }))),
}

export function NotFoundView({ inShell = false }: { inShell?: boolean }) {
  return (
    <Suspense>
      <Bodies.NotFound inShell={inShell} />
    </Suspense>
  )
}

export function ForbiddenView({ inShell = false }: { inShell?: boolean }) {
  return (
    <Suspense>
      <Bodies.Forbidden inShell={inShell} />
    </Suspense>
  )
}

export function UnauthorizedView() {
  return (
    <Suspense>
      <Bodies.Unauthorized />
    </Suspense>
  )
}
