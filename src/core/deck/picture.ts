import { PpppptError } from "../errors.js";

/**
 * The theme's logo: a PNG (the one format every slide program and LibreOffice draw the same),
 * as a data URL pptxgenjs embeds, with its shape so it is not stretched.
 */
export interface DeckPicture {
  /** `image/png;base64,...`, as pptxgenjs takes it. */
  data: string;
  /** Width over height. */
  aspect: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngPicture(bytes: Uint8Array, file: string): DeckPicture {
  const isPng = bytes.length >= 24 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
  if (!isPng) {
    throw new PpppptError("the logo is not a PNG picture", {
      file,
      hint: "Save the logo as PNG (any size; it is drawn 0.6 in high).",
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // IHDR is always the first chunk: width and height as big-endian 32-bit numbers.
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0) throw new PpppptError("the logo PNG has no size", { file });
  return {
    data: `image/png;base64,${Buffer.from(bytes).toString("base64")}`,
    aspect: width / height,
  };
}
