import { ValidationError } from '@/lib/errors'

/** A problem with the file as a whole (encoding, size, empty, unknown layout): nothing is read from it. */
export class FileRejectedError extends ValidationError {
  constructor(message: string) {
    super(message)
    this.name = 'FileRejectedError'
  }
}
