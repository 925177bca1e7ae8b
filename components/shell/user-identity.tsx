function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts
  return letters.map((p) => p[0]!.toUpperCase()).join('') || '?'
}

/** Who is signed in and in which role, as the header shows it. */
export function UserIdentity({ name, roleLabel }: { name: string; roleLabel: string }) {
  return (
    <div className="flex min-w-0 items-center gap-2.5">
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
    </div>
  )
}
