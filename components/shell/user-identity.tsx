import Link from 'next/link'

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts
  return letters.map((p) => p[0]!.toUpperCase()).join('') || '?'
}

/** Who is signed in and in which role, as the header shows it; links to their account security page. */
export function UserIdentity({ name, roleLabel }: { name: string; roleLabel: string }) {
  return (
    <Link
      href="/account/security"
      className="flex min-w-0 items-center gap-2.5 rounded-md outline-offset-2 hover:opacity-90 focus-visible:outline-2 focus-visible:outline-focus"
    >
      <span
        aria-hidden="true"
        title={`${name} (${roleLabel})`}
        className="flex size-8 shrink-0 items-center justify-center rounded-full bg-accent-soft text-xs font-semibold text-accent-text"
      >
        {initials(name)}
      </span>
      {/* Beside the one-row nav (xl) only the initials show; the name stays for screen readers and as a tooltip. */}
      <p className="flex min-w-0 flex-col leading-tight xl:sr-only">
        <span className="max-w-[7.5rem] truncate text-sm font-medium text-fg sm:max-w-[11rem]" title={name}>
          {name}
        </span>
        <span className="truncate text-xs text-fg-muted">{roleLabel}</span>
      </p>
      {/* The accessible name starts with the visible text (WCAG 2.5.3) and says where the link goes. */}
      <span className="sr-only">: account security</span>
    </Link>
  )
}
