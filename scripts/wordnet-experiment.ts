// Does WordNet help the classifier on text it never saw? (issue #20)
//   npx tsx scripts/wordnet-experiment.ts [base|concepts|expansion|complement|all]
// WordNet 3.0 from Debian's wordnet-base (`apt-get install wordnet-base`; /usr/share/wordnet;
// Princeton's licence). Two ways of using it, each measured on naive Bayes alone (no residual):
// (concepts) a word's first noun or verb sense, its lexicographer file and its hypernyms up to
// `depth` levels, counted in a second multinomial naive Bayes added with a weight; (expansion) a
// word the model has seen fewer than `rare` times counts as the WordNet synonyms and hypernyms'
// words (and optionally gloss words) that the model knows. Measured by
// experiment-measure.ts, as word-vectors-experiment.ts is: data/eval/realworld.tsv chooses
// nothing. Figures: docs/classification.md, "Complement
// naive Bayes: measured and shipped". About a minute. Mode `complement` (no WordNet used) is the
// same harness on plain and complement naive Bayes at several α: that section's first table.
import { readFileSync } from "node:fs";
import { CATEGORIES } from "../src/core/category.js";
import { type ModelOptions, trainModel } from "../src/core/classify/naive-bayes.js";
import { tokenize } from "../src/core/classify/tokenize.js";
import {
  baseline,
  evalSet,
  examples,
  nbOptions,
  report,
  type Variant,
  wordTable,
} from "./experiment-measure.js";

const K = CATEGORIES.length;
const _FOLDS = 5;
const WN = process.env.WORDNET_DIR ?? "/usr/share/wordnet";
type Pos = "noun" | "verb" | "adj" | "adv";
const POSES: Pos[] = ["noun", "verb", "adj", "adv"];

interface Synset {
  lexfile: number;
  words: string[];
  hypernyms: string[]; // keys "pos:offset"
  gloss: string[];
}
const synsets = new Map<string, Synset>();
const index = new Map<string, Map<Pos, string[]>>(); // lemma → pos → synset keys, commonest first
const exceptions = new Map<string, Map<Pos, string[]>>();
const posChar: Record<string, Pos> = { n: "noun", v: "verb", a: "adj", s: "adj", r: "adv" };

for (const pos of POSES) {
  for (const line of readFileSync(`${WN}/index.${pos}`, "latin1").split("\n")) {
    if (line.startsWith(" ") || line === "") continue;
    const f = line.trim().split(" ");
    const lemma = f[0] as string;
    const synsetCnt = Number(f[2]);
    const pCnt = Number(f[3]);
    const offsets = f.slice(4 + pCnt + 2, 4 + pCnt + 2 + synsetCnt);
    let m = index.get(lemma);
    if (!m) {
      m = new Map();
      index.set(lemma, m);
    }
    m.set(
      pos,
      offsets.map((o) => `${pos}:${o}`),
    );
  }
  for (const line of readFileSync(`${WN}/data.${pos}`, "latin1").split("\n")) {
    if (line.startsWith(" ") || line === "") continue;
    const [head = "", gloss = ""] = line.split(" | ");
    const f = head.trim().split(" ");
    const offset = f[0] as string;
    const lexfile = Number(f[1]);
    const wCnt = Number.parseInt(f[3] as string, 16);
    const words: string[] = [];
    for (let i = 0; i < wCnt; i++)
      words.push((f[4 + 2 * i] as string).toLowerCase().replace(/\(.*\)$/, ""));
    let at = 4 + 2 * wCnt;
    const pCnt = Number(f[at]);
    at++;
    const hypernyms: string[] = [];
    for (let i = 0; i < pCnt; i++) {
      const sym = f[at] as string;
      const off = f[at + 1] as string;
      const p = posChar[f[at + 2] as string] as Pos;
      if (sym === "@" || sym === "@i") hypernyms.push(`${p}:${off}`);
      at += 4;
    }
    synsets.set(`${pos}:${offset}`, {
      lexfile,
      words,
      hypernyms,
      gloss: tokenize(gloss.split(";")[0] ?? ""),
    });
  }
  const exc = pos === "adj" ? "adj" : pos === "adv" ? "adv" : pos;
  for (const line of readFileSync(`${WN}/${exc}.exc`, "latin1").split("\n")) {
    const [form, base] = line.split(" ");
    if (!form || !base) continue;
    let m = exceptions.get(form);
    if (!m) {
      m = new Map();
      exceptions.set(form, m);
    }
    m.set(pos, [...(m.get(pos) ?? []), base]);
  }
}

const RULES: Record<Pos, [string, string][]> = {
  noun: [
    ["s", ""],
    ["ses", "s"],
    ["xes", "x"],
    ["zes", "z"],
    ["ches", "ch"],
    ["shes", "sh"],
    ["men", "man"],
    ["ies", "y"],
  ],
  verb: [
    ["s", ""],
    ["ies", "y"],
    ["es", "e"],
    ["es", ""],
    ["ed", "e"],
    ["ed", ""],
    ["ing", "e"],
    ["ing", ""],
  ],
  adj: [
    ["er", ""],
    ["est", ""],
    ["er", "e"],
    ["est", "e"],
  ],
  adv: [],
};

/** WordNet's morphy: the base forms of a word for a part of speech that WordNet knows. */
function morphy(word: string, pos: Pos): string[] {
  const out = new Set<string>();
  const known = (w: string) => index.get(w)?.has(pos);
  for (const b of exceptions.get(word)?.get(pos) ?? []) if (known(b)) out.add(b);
  if (known(word)) out.add(word);
  for (const [suffix, ending] of RULES[pos]) {
    if (word.endsWith(suffix) && word.length > suffix.length + 1) {
      const b = word.slice(0, -suffix.length) + ending;
      if (known(b)) out.add(b);
    }
  }
  return [...out];
}

interface Lookup {
  senses: number;
  depth: number;
  poses: Pos[];
}
/** Senses of a token: the first `senses` synsets of each part of speech it has. */
function sensesOf(token: string, o: Lookup): string[] {
  const w = token.replace(/-/g, "_");
  const out: string[] = [];
  for (const pos of o.poses) {
    for (const base of morphy(w, pos).slice(0, 1)) {
      out.push(...(index.get(base)?.get(pos) ?? []).slice(0, o.senses));
    }
  }
  return out;
}

/** Concept features of a token: lexicographer file, its synsets and hypernyms to `depth`. */
const conceptMemo = new Map<string, string[]>();
function conceptsOf(token: string, o: Lookup & { lexfile: boolean; self: boolean }): string[] {
  const key = `${token}|${o.senses}|${o.depth}|${o.poses.join()}|${o.lexfile}|${o.self}`;
  const known = conceptMemo.get(key);
  if (known) return known;
  const out = new Set<string>();
  for (const s of sensesOf(token, o)) {
    const syn = synsets.get(s);
    if (!syn) continue;
    if (o.lexfile) out.add(`l${syn.lexfile}`);
    if (o.self) out.add(s);
    let frontier = syn.hypernyms;
    for (let d = 0; d < o.depth && frontier.length > 0; d++) {
      const next: string[] = [];
      for (const h of frontier) {
        out.add(h);
        next.push(...(synsets.get(h)?.hypernyms ?? []));
      }
      frontier = next;
    }
  }
  const result = [...out];
  conceptMemo.set(key, result);
  return result;
}

/** Related words of a token: synonyms, hypernyms' words and first gloss words. */
function relatedWords(token: string, o: Lookup & { gloss: boolean; hyper: boolean }): string[] {
  const out = new Set<string>();
  for (const s of sensesOf(token, o)) {
    const syn = synsets.get(s);
    if (!syn) continue;
    for (const w of syn.words) for (const p of w.split("_")) out.add(p);
    if (o.hyper)
      for (const h of syn.hypernyms)
        for (const w of synsets.get(h)?.words ?? []) for (const p of w.split("_")) out.add(p);
    if (o.gloss) for (const g of syn.gloss) out.add(g);
  }
  out.delete(token);
  return [...out];
}

// ---------------------------------------------------------------------------------------------
// The variants

/** Concepts as counted features in a second multinomial NB, added with `weight`. */
function conceptVariant(
  o: Lookup & { lexfile: boolean; self: boolean; weight: number; alpha: number; onlyRare?: number },
): Variant {
  return {
    name: `concepts senses ${o.senses} depth ${o.depth} ${o.poses.join("+")} lexfile ${o.lexfile} self ${o.self} w ${o.weight} a ${o.alpha}${o.onlyRare ? ` rare<${o.onlyRare}` : ""}`,
    train: (rows) => {
      const model = trainModel(rows, nbOptions);
      const counts = new Map<string, Float64Array>();
      const totals = new Float64Array(K);
      for (const r of rows) {
        const k = CATEGORIES.indexOf(r.category);
        const seen = new Set<string>();
        for (const t of tokenize(r.text)) for (const c of conceptsOf(t, o)) seen.add(c);
        for (const c of seen) {
          let v = counts.get(c);
          if (!v) {
            v = new Float64Array(K);
            counts.set(c, v);
          }
          v[k] = (v[k] as number) + 1;
          totals[k] = (totals[k] as number) + 1;
        }
      }
      const V = counts.size;
      const table = o.onlyRare ? wordTable(model) : undefined;
      return (text) => {
        const scores = model.scores(text);
        const seen = new Set<string>();
        for (const t of tokenize(text)) {
          if (table && (table.total.get(t) ?? 0) >= (o.onlyRare as number)) continue;
          for (const c of conceptsOf(t, o)) seen.add(c);
        }
        for (const c of seen) {
          const v = counts.get(c);
          if (!v) continue;
          for (let k = 0; k < K; k++)
            scores[k] =
              (scores[k] as number) +
              o.weight *
                (Math.log((v[k] as number) + o.alpha) -
                  Math.log((totals[k] as number) + o.alpha * V));
        }
        return scores;
      };
    },
  };
}

/** Unknown (or rare) token counts as its WordNet-related words the model knows. */
function expansionVariant(
  o: Lookup & { gloss: boolean; hyper: boolean; weight: number; minCount: number; rare: number },
): Variant {
  return {
    name: `expansion senses ${o.senses} ${o.poses.join("+")} gloss ${o.gloss} hyper ${o.hyper} w ${o.weight} min ${o.minCount} rare<${o.rare}`,
    train: (rows) => {
      const model = trainModel(rows, nbOptions);
      const table = wordTable(model);
      return (text) => {
        const scores = model.scores(text);
        const seen = new Set<string>();
        for (const t of tokenize(text)) {
          if ((table.total.get(t) ?? 0) >= o.rare || seen.has(t)) continue;
          seen.add(t);
          const rel = relatedWords(t, o).filter((w) => (table.total.get(w) ?? 0) >= o.minCount);
          if (rel.length === 0) continue;
          const share = o.weight / rel.length;
          for (const w of rel) {
            const l = table.logLik.get(w) as Float64Array;
            for (let k = 0; k < K; k++)
              scores[k] = (scores[k] as number) + share * (l[k] as number);
          }
        }
        return scores;
      };
    },
  };
}

{
  const model = trainModel(examples, nbOptions);
  const table = wordTable(model);
  let tok = 0,
    unk = 0,
    unkWn = 0;
  for (const it of evalSet)
    for (const t of tokenize(it.text)) {
      tok++;
      if (!table.logLik.has(t)) {
        unk++;
        if (sensesOf(t, { senses: 1, depth: 0, poses: POSES }).length) unkWn++;
      }
    }
  console.log(
    `synsets ${synsets.size}; eval tokens ${tok}, unknown ${unk}, of which WordNet knows ${unkWn}`,
  );
}
const mode = process.argv[2] ?? "all";
if (mode === "base" || mode === "all") report(baseline);
if (mode === "concepts" || mode === "all") {
  for (const depth of [1, 2, 3])
    for (const weight of [0.3, 0.6, 1])
      report(
        conceptVariant({
          senses: 1,
          depth,
          poses: ["noun", "verb"],
          lexfile: true,
          self: true,
          weight,
          alpha: 0.1,
        }),
      );
}
if (mode === "expansion" || mode === "all") {
  for (const rare of [1, 3])
    for (const gloss of [false, true])
      for (const weight of [0.5, 1])
        report(
          expansionVariant({
            senses: 2,
            depth: 0,
            poses: ["noun", "verb", "adj"],
            gloss,
            hyper: true,
            weight,
            minCount: 2,
            rare,
          }),
        );
}
if (mode === "complement" || mode === "all") {
  const nb = (name: string, options: Partial<ModelOptions>): Variant => ({
    name,
    train: (rows) => {
      const m = trainModel(rows, { ...nbOptions, ...options });
      return (t) => m.scores(t);
    },
  });
  for (const alpha of [0.3, 1]) report(nb(`plain naive Bayes, alpha ${alpha}`, { alpha }));
  for (const alpha of [0.1, 0.3, 1, 3])
    report(nb(`complement naive Bayes, alpha ${alpha}`, { alpha, complement: true }));
}
