import { PpppptError } from "../errors.js";

/**
 * Bytes of an export file to text, a chunk at a time. A byte-order mark picks the encoding
 * (UTF-8, UTF-16 LE or BE, as Windows tools save "Unicode" text); without one the file must be
 * UTF-8. Invalid bytes stop the import with the line they are on, rather than turning into
 * replacement characters in a title.
 */
export class ExportDecoder {
  private decoder: TextDecoder | undefined;
  private head = new Uint8Array(0);
  private line = 1;
  private readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  /** Text decoded so far from `bytes` (may be empty while the encoding is still unknown). */
  write(bytes: Uint8Array): string {
    if (!this.decoder) {
      const joined = new Uint8Array(this.head.length + bytes.length);
      joined.set(this.head);
      joined.set(bytes, this.head.length);
      if (joined.length < 3 && !this.decided(joined)) {
        this.head = joined;
        return "";
      }
      this.head = new Uint8Array(0);
      const skip = this.start(joined);
      return this.decode(joined.subarray(skip), true);
    }
    return this.decode(bytes, true);
  }

  end(): string {
    if (!this.decoder) {
      const skip = this.start(this.head);
      const text = this.decode(this.head.subarray(skip), false);
      return text;
    }
    return this.decode(new Uint8Array(0), false);
  }

  private decided(b: Uint8Array): boolean {
    return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
  }

  /** Chooses the encoding from the first bytes; returns how many BOM bytes to skip. */
  private start(b: Uint8Array): number {
    if (b[0] === 0xff && b[1] === 0xfe) {
      this.decoder = new TextDecoder("utf-16le", { fatal: true });
      return 2;
    }
    if (b[0] === 0xfe && b[1] === 0xff) {
      this.decoder = new TextDecoder("utf-16be", { fatal: true });
      return 2;
    }
    this.decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
    return 0;
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    try {
      const text = (this.decoder as TextDecoder).decode(bytes, { stream });
      for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.line++;
      return text;
    } catch {
      throw new PpppptError("the file is not UTF-8 text (nor UTF-16 with a byte-order mark)", {
        file: this.file,
        line: this.line,
        hint: "Save the export as UTF-8 and import it again.",
      });
    }
  }
}

/** A whole file's bytes as text, by the same rules. */
export function decodeExport(bytes: Uint8Array, file: string): string {
  const d = new ExportDecoder(file);
  return d.write(bytes) + d.end();
}
