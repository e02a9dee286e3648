/**
 * An expected failure with a message for the user (Norwegian, one line, says what to do).
 * The CLI prints `message` alone; anything else is a bug and gets a stack trace only with --debug.
 */
export class UserError extends Error {
  constructor(
    message: string,
    /** The file the problem is in, when there is one. */
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message)
    this.name = 'UserError'
  }

  /** `file:line:col: message`, or as much of it as is known. */
  format(): string {
    if (!this.file) return this.message
    const where = [this.file, this.line, this.line === undefined ? undefined : this.column]
      .filter((part) => part !== undefined)
      .join(':')
    return `${where}: ${this.message}`
  }
}
