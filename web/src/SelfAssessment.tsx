import { useEffect, useRef, useState } from "preact/hooks";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "../../src/core/category.js";
import type { Answer, CategoryScore } from "../../src/core/lens/assessment.js";
import { plural } from "../../src/core/wording.js";
import { AssessmentScores } from "./AssessmentScores.js";
import { type Api, ApiError } from "./api.js";
import { RolePicker } from "./RolePicker.js";
import { useReport } from "./report.js";
import { ViewError, ViewHead } from "./ViewHead.js";

interface Question {
  id: string;
  category: Category;
  title: string;
  prompt: string;
}

interface AssessmentResponse {
  role: string;
  roleLabel: string;
  path: string;
  date: string | null;
  questions: Question[];
  answers: Record<string, Answer>;
  scores: CategoryScore[];
}

/** What POST /api/assessment answers: `ppppt assess --json`'s shape. */
interface Saved {
  path: string;
  assessment: { date: string; answers: Record<string, Answer> };
  scores: CategoryScore[];
}

const CHOICES: Array<[Answer, string]> = [
  ["yes", "Yes"],
  ["partly", "Partly"],
  ["no", "No"],
];

/**
 * `ppppt assess` in the browser: the role's practice questions, each answered yes, partly or
 * no and saved as it is given (to the same assessment.json), the scores beside them.
 */
export function SelfAssessment(props: { api: Api; version: string }) {
  // "" is the config's role; another asks that role's questions, as `ppppt assess --role`.
  const [role, setRole] = useState("");
  const { data, error } = useReport<AssessmentResponse>(
    props.api,
    `/api/assessment${role ? `?role=${role}` : ""}`,
    props.version,
  );
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [scores, setScores] = useState<CategoryScore[] | undefined>();
  const [said, setSaid] = useState<{ text: string; error: boolean } | undefined>();
  useEffect(() => {
    if (!data) return;
    setAnswers(data.answers);
    setScores(data.scores);
  }, [data]);

  // Clicks save one answer each; only the latest reply (which has them all) sets the scores.
  const latest = useRef(0);
  const answer = async (q: Question, value: Answer) => {
    const before = answers[q.id];
    const mine = ++latest.current;
    setAnswers((a) => ({ ...a, [q.id]: value }));
    try {
      const r = await props.api.post<Saved>("/api/assessment", {
        answers: { [q.id]: value },
        ...(role ? { role } : {}),
      });
      if (mine !== latest.current) return;
      setAnswers(r.assessment.answers);
      setScores(r.scores);
      setSaid({ text: `Saved to ${r.path}`, error: false });
    } catch (e) {
      setAnswers((a) => {
        const { [q.id]: _, ...rest } = a;
        return before ? { ...rest, [q.id]: before } : rest;
      });
      const message = e instanceof ApiError ? e.message : (e as Error).message;
      setSaid({ text: `Not saved: ${message}`, error: true });
    }
  };

  const answered = data ? data.questions.filter((q) => answers[q.id] !== undefined).length : 0;
  return (
    <section class="view assess" aria-labelledby="assess-title">
      <ViewHead
        id="assess-title"
        title="Self-assessment"
        summary={
          data && (
            <>
              for a {data.roleLabel}: {answered} of {plural(data.questions.length, "question")}{" "}
              answered
              {data.date && `, last saved ${data.date}`}
            </>
          )
        }
      >
        <RolePicker value={role} onChange={setRole} configLabel={data?.roleLabel} />
      </ViewHead>
      <ViewError error={error} />
      {said && (
        <p class={said.error ? "error" : "muted"} role={said.error ? "alert" : "status"}>
          {said.text}
        </p>
      )}
      {scores && (
        <div class="panel">
          <h3>Scores</h3>
          <AssessmentScores scores={scores} />
          <p class="muted">
            Yes counts 1, partly ½, no 0, averaged over the answered questions of each category. The{" "}
            <a href="#plan">plan</a> proposes practices from these answers and your balance.
          </p>
        </div>
      )}
      {data &&
        CATEGORIES.map((category) => {
          const questions = data.questions.filter((q) => q.category === category);
          if (questions.length === 0) return null;
          return (
            <div key={category} class={`panel assess-group col-${category}`}>
              <h3>{CATEGORY_LABELS[category]}</h3>
              {questions.map((q) => (
                <fieldset key={q.id} class="assess-question" data-practice={q.id}>
                  <legend>{q.prompt}</legend>
                  {CHOICES.map(([value, label]) => (
                    <label key={value}>
                      <input
                        type="radio"
                        name={`assess-${q.id}`}
                        value={value}
                        checked={answers[q.id] === value}
                        onChange={() => void answer(q, value)}
                      />{" "}
                      {label}
                    </label>
                  ))}
                  <span class="muted assess-practice">{q.title}</span>
                </fieldset>
              ))}
            </div>
          );
        })}
    </section>
  );
}
