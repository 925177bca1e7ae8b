'use client'

import { ErrorView } from '@/components/shell/error-view'
import './globals.css'

// Replaces the root layout when it fails, so it brings its own document and follows the OS theme
// (the theme cookie is read by the layout that just failed).
export default function GlobalError({ error, retry, reset }: { error: unknown; retry?: () => void; reset: () => void }) {
  return (
    <html lang="en" className="system">
      <body className="bg-canvas text-fg antialiased">
        <title>Something went wrong · Paceline</title>
        <main id="main">
          <ErrorView error={error} onRetry={() => (retry ?? reset)()} />
        </main>
      </body>
    </html>
  )
}
