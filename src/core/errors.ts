/**
 * The one error type ppppt raises for anything the user can fix: a bad line, a bad value,
 * an unknown id, a held lock. Shells print `message` (prefixed with file and line when known)
 * and exit non-zero; they never print a stack for these.
 */
export class PpppptError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  /** What the user can do about it, printed on its own line after the message. */
  readonly hint: string | undefined;

  constructor(message: string, where: { file?: string; line?: number; hint?: string } = {}) {
    super(message);
    this.name = "PpppptError";
    this.file = where.file;
    this.line = where.line;
    this.hint = where.hint;
  }

  /** `file:line: message`, as compilers and hledger print it. */
  describe(): string {
    const place = this.file ? `${this.file}${this.line ? `:${this.line}` : ""}: ` : "";
    return `${place}${this.message}${this.hint ? `\n${this.hint}` : ""}`;
  }
}
