import { CATEGORIES, CATEGORY_LABELS, type Category } from "../../src/core/category.js";
import type { CategoryScore } from "../../src/core/lens/assessment.js";
import type { Practice } from "../../src/core/lens/playbook.js";
import { AssessmentScores } from "./AssessmentScores.js";
import type { Api, ItemJson } from "./api.js";
import { useReport } from "./report.js";
import { ViewError, ViewHead } from "./ViewHead.js";

interface PlanReport {
  roleLabel: string;
  assessed: string | null;
  scores: CategoryScore[];
  proposals: Array<{
    id: string;
    title: string;
    category: Category;
    why: string;
    reasons: string[];
    items: Array<{ text: string; rec?: string; est?: string }>;
  }>;
  underWay: ItemJson[];
}

interface PlaybookReport {
  roleLabel: string;
  practices: Array<Practice & { adopted: boolean }>;
}

/** The growth plan (proposals from the self-assessment and balance) and the playbook. */
export function Plan(props: { api: Api; version: string; onTakeUp: (id: string) => void }) {
  const plan = useReport<PlanReport>(props.api, "/api/plan", props.version);
  const book = useReport<PlaybookReport>(props.api, "/api/playbook", props.version);
  const error = plan.error ?? book.error;
  return (
    <section class="view" aria-labelledby="plan-title">
      <ViewHead
        id="plan-title"
        title="Plan and playbook"
        summary={plan.data && <>as {plan.data.roleLabel}</>}
      />
      <ViewError error={error} />
      {plan.data && (
        <div class="panels">
          <div class="panel">
            <h3>Proposed practices</h3>
            {!plan.data.assessed && (
              <p class="muted">
                No self-assessment yet (<a href="#assess">Assess</a> or <code>ppppt assess</code>):
                ranked by balance alone.
              </p>
            )}
            {plan.data.proposals.length === 0 && <p>Every practice for the role is under way.</p>}
            <ol class="proposals">
              {plan.data.proposals.map((p) => (
                <li key={p.id}>
                  <strong>{p.title}</strong>{" "}
                  <span class="muted">({CATEGORY_LABELS[p.category]})</span>
                  <ul class="muted">
                    {p.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                  <p>{p.why}</p>
                  <button type="button" onClick={() => props.onTakeUp(p.id)}>
                    Take up “{p.title}”
                  </button>
                </li>
              ))}
            </ol>
          </div>
          <div class="panel">
            <h3>Self-assessment</h3>
            <AssessmentScores scores={plan.data.scores} />
            <p class="muted">
              <a href="#assess">Answer the questions</a> here, or with <code>ppppt assess</code>.
            </p>
            <h3>Under way ({plan.data.underWay.length})</h3>
            {plan.data.underWay.length === 0 ? (
              <p>No practice items open.</p>
            ) : (
              <ul>
                {plan.data.underWay.map((i) => (
                  <li key={i.id}>
                    {i.title} <span class="muted">{i.tags.practice}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
      {book.data && (
        <div class="panel">
          <h3>Playbook ({book.data.practices.length} practices)</h3>
          {CATEGORIES.map((c) => {
            const list = book.data?.practices.filter((p) => p.category === c) ?? [];
            if (list.length === 0) return null;
            return (
              <div key={c} class="playbook-group">
                <h4>{CATEGORY_LABELS[c]}</h4>
                {list.map((p) => (
                  <details key={p.id}>
                    <summary>
                      {p.title}
                      {p.adopted && <span class="badge">under way</span>}
                    </summary>
                    <p>{p.prompt}</p>
                    <p class="muted">{p.why}</p>
                    <ul>
                      {p.items.map((it) => (
                        <li key={it.text}>
                          {it.text}
                          {it.rec && <span class="muted"> (every {it.rec})</span>}
                        </li>
                      ))}
                    </ul>
                    {!p.adopted && (
                      <button type="button" onClick={() => props.onTakeUp(p.id)}>
                        Take it up
                      </button>
                    )}
                  </details>
                ))}
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
