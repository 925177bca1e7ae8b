// Pure rules of model changes (no database). Every change of model version is a breaking change:
// whatever was validated on the old snapshot and not on the new one must be validated again.

export interface Validated {
  id: string
  /** Snapshot ids of the model versions its latest version was validated on. */
  snapshots: string[]
}

/** The items (training, skills, prompts) that a change from `from` to `to` puts up for re-validation. */
export function needsRevalidation<T extends Validated>(items: T[], from: string, to: string): T[] {
  return items.filter((i) => i.snapshots.includes(from) && !i.snapshots.includes(to))
}

/** A dated snapshot id, not only a family name (e.g. "claude-opus-4-7-20260115", "gpt-5.1-2025-11-13"). */
export function isExactSnapshot(id: string): boolean {
  return /(\d{8}|\d{4}-\d{2}-\d{2})$/.test(id.trim())
}
