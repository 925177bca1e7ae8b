import { AppError } from '@/lib/errors'

/**
 * 403 SECOND_FACTOR_REQUIRED: the session may only enrol a second factor (/account/security).
 * Its own code, so clients can tell "set up your second factor" from "not allowed".
 */
export class SecondFactorRequiredError extends AppError {
  constructor(message = 'Set up a second factor at /account/security before using Paceline.') {
    super('SECOND_FACTOR_REQUIRED', message)
  }
}
