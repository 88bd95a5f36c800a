import type { Categoriser, CategoryGuess } from "../core/capture.js";
import type { Classifier } from "../core/classify/classifier.js";
import type { RememberedGuess } from "../core/classify/guess-cache.js";
import type { Env } from "../store/paths.js";
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

/**
 * Guesses for the texts a report is about to show (`list`, the lens reports, `show`), through
 * the guess cache: when every text's guess is remembered for this model and these corrections,
 * the model is not loaded at all. Otherwise it is loaded once, guesses what is missing, and
 * the cache is rewritten. The categoriser answers the given texts only.
 */
export async function loadGuesses(ctx: CliContext, texts: readonly string[]): Promise<Categoriser> {
  return loadGuessesFor(ctx.docketPath(), ctx.env, texts);
}

export async function loadGuessesFor(
  docketPath: string,
  env: Env,
  texts: readonly string[],
  loadClassifier: (docketPath: string) => Promise<Classifier> = loadClassifierFor,
): Promise<Categoriser> {
  const [cache, file] = await Promise.all([
    import("../core/classify/guess-cache.js"),
    import("../store/guess-cache-file.js"),
  ]);
  const path = file.guessCachePath(env, docketPath);
  // The fingerprint is taken before the model and corrections are read: if a correction lands
  // in between, the guesses are filed under the older fingerprint and the next run redoes them.
  const fingerprint = file.guessFingerprint(docketPath);
  const source = file.readGuessCache(path);
  const earlier = source === undefined ? undefined : cache.parseGuessCache(source, fingerprint);
  const guesses = new Map<string, CategoryGuess | undefined>();
  const missing: string[] = [];
  for (const text of texts) {
    if (guesses.has(text)) continue;
    const remembered = earlier?.get(text);
    if (remembered) guesses.set(text, remembered);
    else {
      guesses.set(text, undefined);
      missing.push(text);
    }
  }
  const answer: Categoriser = (text) => {
    if (!guesses.has(text)) throw new Error(`no guess was prepared for "${text}"`);
    return guesses.get(text);
  };
  if (missing.length === 0) return answer;

  const categorise = (await loadClassifier(docketPath)).categoriser();
  for (const text of missing) guesses.set(text, categorise(text));
  const needed = new Map<string, RememberedGuess>();
  for (const [text, guess] of guesses) if (guess) needed.set(text, guess);
  await file.writeGuessCache(
    path,
    cache.formatGuessCache(fingerprint, cache.guessesToKeep(needed, earlier)),
  );
  return answer;
}
