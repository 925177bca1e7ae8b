/** Shown when someone else saved the pulse first: nothing is overwritten, the form keeps what was typed. */
export function ConflictNotice({ message }: { message: string }) {
  return (
    <div role="alert" className="rounded-lg border border-danger-line bg-danger-soft p-4 text-sm text-fg">
      <p className="font-medium">Not saved: this pulse changed since you opened it</p>
      <p className="mt-1 text-fg-muted">{message}</p>
      <p className="mt-2">
        <a href="" className="text-accent-text underline underline-offset-2">
          Reload to see the current version
        </a>{' '}
        (copy anything you want to keep first).
      </p>
    </div>
  )
}
