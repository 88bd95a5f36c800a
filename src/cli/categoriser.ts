import type { Categoriser } from "../core/capture.js";
import type { Classifier } from "../core/classify/classifier.js";
import type { CliContext } from "./context.js";

/**
 * The categoriser every command uses for items without a category: the shipped classifier with
 * this user's corrections folded in. Everything behind it is imported on first use, so
 * commands that never categorise (`list` on a categorised docket, `done`, `show`) do not pay
 * for loading the model.
 */
export async function loadCategoriser(ctx: CliContext): Promise<Categoriser> {
  return loadCategoriserFor(ctx.docketPath());
}

/** The same, for shells without a CliContext (the web server): by the docket's path. */
export async function loadCategoriserFor(docketPath: string): Promise<Categoriser> {
  return (await loadClassifierFor(docketPath)).categoriser();
}

/** The classifier itself, for `classify` and `why`. */
export async function loadClassifierFor(docketPath: string): Promise<Classifier> {
  const [{ Classifier }, { readShippedModel }, { readCorrections }] = await Promise.all([
    import("../core/classify/classifier.js"),
    import("../store/shipped-model-file.js"),
    import("../store/corrections-file.js"),
  ]);
  const [model, corrections] = await Promise.all([readShippedModel(), readCorrections(docketPath)]);
  return Classifier.fromModel(model, corrections);
}
