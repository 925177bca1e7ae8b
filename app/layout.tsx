import type { Metadata, Viewport } from 'next'
import { cookies } from 'next/headers'
import { parseTheme, THEME_COOKIE } from '@/components/shell/theme'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Paceline', template: '%s · Paceline' },
  description: 'Run a staged rollout of AI coding tools and judge it by outcomes.',
  icons: { icon: { url: '/favicon.svg', type: 'image/svg+xml' } },
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f6f7f9' },
    { media: '(prefers-color-scheme: dark)', color: '#0e1116' },
  ],
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // `light`, `dark` or `system`; globals.css turns the class into colours (system: media query).
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value)
  return (
    <html lang="en" className={theme}>
      <body className="bg-canvas text-fg antialiased">{children}</body>
    </html>
  )
}
