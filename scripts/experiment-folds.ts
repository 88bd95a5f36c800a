// The training rows and the real-world set as the classifier sees them, for experiments outside
// TypeScript (scripts/linear-models-crosscheck.py): each row's tokens (tokenize.ts), category,
// whether it is the team's, and its cross-validation fold (the team's rows stratified, the public
// rows by source, as eval.ts deals them); each evaluation item's tokens, category, ambiguity and
// whether the blind second annotator agreed (the "decidable" items).
//   npx tsx scripts/experiment-folds.ts OUT.json
import { readFileSync, writeFileSync } from "node:fs";
import { alignLabels, parseAnnotatorLabels } from "../src/core/classify/annotator-agreement.js";
import type { Example } from "../src/core/classify/corpus.js";
import { parseEvalSet } from "../src/core/classify/eval-set.js";
import { trainingFolds } from "../src/core/classify/evaluation.js";
import { tokenize } from "../src/core/classify/tokenize.js";
import { readTrainingCorpus } from "./training-corpus.js";

const out = process.argv[2];
if (out === undefined) {
  console.error("usage: npx tsx scripts/experiment-folds.ts OUT.json");
  process.exit(2);
}
const FOLDS = 5;
const examples = readTrainingCorpus();
const foldOf = new Map<Example, number>();
trainingFolds(examples, FOLDS).forEach((fold, i) => {
  for (const e of fold) foldOf.set(e, i);
});
const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), "utf8");
const evalSet = parseEvalSet(read("data/eval/realworld.tsv"));
const blind = alignLabels(
  evalSet.map((item) => item.text),
  parseAnnotatorLabels(read("data/eval/second-annotator.tsv")),
);
writeFileSync(
  out,
  JSON.stringify({
    train: examples.map((e) => ({
      tokens: tokenize(e.text).join(" "),
      category: e.category,
      team: e.source === undefined,
      fold: foldOf.get(e),
    })),
    eval: evalSet.map((item, i) => ({
      tokens: tokenize(item.text).join(" "),
      category: item.category,
      ambiguous: item.ambiguous,
      decidable: blind[i] === item.category,
    })),
  }),
);
