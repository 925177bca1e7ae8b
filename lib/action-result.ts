import { z } from 'zod'
import { AppError, ValidationError, isAppError, type ErrorCode } from '@/lib/errors'
import { asInputError } from '@/lib/api-body'

// What every server action returns for expected outcomes. Failures carry the submitted values so
// the form can show them again: nothing typed is lost.

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false
      code: ErrorCode
      message: string
      fieldErrors?: Record<string, string[]>
      details?: Record<string, unknown>
      values?: Record<string, string>
    }

export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of formData.entries()) {
    if (typeof v === 'string' && !k.startsWith('$ACTION') && k !== 'password' && k !== 'newPassword') out[k] = v
  }
  return out
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input)
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {}
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.') || '_'
      ;(fieldErrors[key] ??= []).push(issue.message)
    }
    throw new ValidationError('Some fields need attention.', fieldErrors)
  }
  return parsed.data
}

/** Turns expected errors into a failed ActionResult; rethrows anything unexpected. */
export function toActionError(thrown: unknown, values?: Record<string, string>): ActionResult<never> {
  // A value the database refused (NUL in text, out-of-range number, malformed id) is bad input.
  const err = asInputError(thrown)
  if (isAppError(err)) {
    return { ok: false, code: err.code, message: err.message, fieldErrors: (err as AppError).fieldErrors, details: err.details, values }
  }
  throw err
}
