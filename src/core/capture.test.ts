import { describe, expect, it } from "vitest";
import { type Categoriser, captureItem } from "./capture.js";
import { parseItem } from "./docket/parse.js";

const today = "2026-11-25";
const sure: Categoriser = () => ({
  category: "people",
  probability: 0.9,
  unsure: false,
  reason: "words: dana",
});
const unsure: Categoriser = () => ({
  category: "tech",
  probability: 0.4,
  unsure: true,
  reason: "words: rfc",
});
const none: Categoriser = () => undefined;

describe("capturing an item", () => {
  it("infers due date and category and says so", () => {
    const c = captureItem("1:1 with Dana about the promo packet friday", {
      today,
      categorise: sure,
    });
    expect(c.text).toBe(
      "2026-11-25 1:1 with Dana about the promo packet due:2026-11-27 cat:people",
    );
    expect(c.inferred).toEqual([
      { field: "due", value: "2026-11-27", from: "friday" },
      { field: "category", value: "People", from: "words: dana" },
    ]);
  });

  it("marks an unsure category as a guess", () => {
    expect(captureItem("review the RFC", { today, categorise: unsure }).text).toBe(
      "2026-11-25 review the RFC cat:tech?",
    );
  });

  it("lets explicit values win over inference", () => {
    const c = captureItem("(B) plan offsite friday cat:process", {
      today,
      categorise: sure,
      due: "2026-12-10",
      priority: "A",
      estimate: "2h",
    });
    expect(c.text).toBe("(A) 2026-11-25 plan offsite friday cat:process due:2026-12-10 est:2h");
    expect(c.inferred).toEqual([]);
  });

  it("keeps a due: the user typed and leaves uncategorisable items without cat:", () => {
    expect(captureItem("buy milk due:2026-12-01", { today, categorise: none }).text).toBe(
      "2026-11-25 buy milk due:2026-12-01",
    );
  });

  it("reads todo.txt's done mark and dates as such, not as a due date", () => {
    expect(captureItem("x 2026-11-30 looks done", { today, categorise: none }).text).toBe(
      "x 2026-11-30 looks done",
    );
    expect(captureItem("2026-11-20 Call Dana tomorrow", { today, categorise: none }).text).toBe(
      "2026-11-20 Call Dana due:2026-11-26",
    );
  });

  it("keeps the words when the text also sets the time or repetition they would", () => {
    expect(captureItem("Call Dana tomorrow 3pm at:14:00", { today, categorise: none }).text).toBe(
      "2026-11-25 Call Dana tomorrow 3pm at:14:00",
    );
    expect(captureItem("Standup every monday rec:1w", { today, categorise: none }).text).toBe(
      "2026-11-25 Standup every monday rec:1w",
    );
  });

  it("refuses a category or date the user typed that does not exist, instead of guessing", () => {
    expect(() => captureItem("call the customer cat:sales", { today, categorise: sure })).toThrow(
      /cat:sales is not a category \(people, product, process, public, tech\)/,
    );
    expect(() => captureItem("call due:2026-13-45", { today, categorise: sure })).toThrow(
      /due:2026-13-45 is not a date/,
    );
  });

  it("can leave out the creation date", () => {
    expect(captureItem("thing", { today, categorise: none, dated: false }).text).toBe("thing");
  });
});

describe("capturing the people an item is about", () => {
  const people = [
    { handle: "dana.k", name: "Dana Kim", first: "dana" },
    { handle: "dana.m", name: "Dana Morales", first: "dana" },
    { handle: "sam", first: "sam" },
  ];

  it("adds a with: tag for each person named and says so", () => {
    const c = captureItem("1:1 with Dana Kim and Sam", { today, categorise: none, people });
    expect(c.text).toBe("2026-11-25 1:1 with Dana Kim and Sam with:dana.k with:sam");
    expect(c.inferred).toEqual([
      { field: "person", value: "dana.k", from: "Dana Kim" },
      { field: "person", value: "sam", from: "Sam" },
    ]);
  });

  it("leaves an ambiguous first name untagged and reports it", () => {
    const c = captureItem("Ask Dana", { today, categorise: none, people });
    expect(c.text).toBe("2026-11-25 Ask Dana");
    expect(c.ambiguous).toEqual([{ name: "Dana", candidates: ["dana.k", "dana.m"] }]);
  });

  it("keeps a with: the user typed and adds no second one", () => {
    const c = captureItem("Ask Dana with:Dana.M", { today, categorise: none, people });
    expect(c.text).toBe("2026-11-25 Ask Dana with:Dana.M");
    expect(c.inferred).toEqual([]);
    expect(c.ambiguous).toEqual([]);
  });
});

/**
 * What `add` makes of realistic phrasings, against Tuesday 2026-12-01: [typed, title, due,
 * time (`at:`), repetition (`rec:`)]. The title is every word typed but the due-date phrase.
 */
type Row = [string, string, string | null, string?, string?];
const TUESDAY = "2026-12-01";
const ROWS: Row[] = [
  // Issue #11, defect 7: words about the item, not due dates.
  ["Backlog cleanup: close tickets older than 6 months", "=", null],
  ["Do we need to scale the Kafka cluster before Black Friday? ask infra", "=", null],
  ["Postmortem for Saturday's checkout outage", "=", null],
  ["Capacity planning: will the Redis cluster hit memory limits by March?", "=", null],
  ["Ask Sam about his weekend", "=", null],
  ["Plan for the next 30 days of onboarding", "=", null],
  ["Follow up on last week's incident", "=", null],
  ["Prepare for the 3 day offsite in January", "=", null],
  ["Sunday planning session", "=", null],
  ["Interview April for the SRE role", "=", null],
  ["Take 5 minutes to thank the team", "=", null],
  ["Retro on the Tuesday release", "=", null],
  ["Move the Monday staff meeting to Wednesday", "=", null],
  ["x 2026-11-30 looks done", "looks done", null],
  ["Write up 2 years of on-call learnings as a blog post", "=", null],
  // Issue #11, defect 7: due dates.
  [
    "Follow up with Acme on their P0 escalation day after tomorrow",
    "Follow up with Acme on their P0 escalation",
    "2026-12-03",
  ],
  [
    "Dogfood the new checkout flow a week from friday",
    "Dogfood the new checkout flow",
    "2026-12-11",
  ],
  ["Deadline: 15 Dec", "=", "2026-12-15"],
  ["Headcount plan to finance. Deadline: 15 Dec", "Headcount plan to finance.", "2026-12-15"],
  ["Review the Q1 budget before the 15th", "Review the Q1 budget", "2026-12-15"],
  ["Send the promo packet to HR by the 20th", "Send the promo packet to HR", "2026-12-20"],
  ["Finish the caching RFC review EOW", "Finish the caching RFC review", "2026-12-04"],
  ["EOW", "=", "2026-12-04"],
  [
    "Draft the conference talk abstract in a fortnight",
    "Draft the conference talk abstract",
    "2026-12-15",
  ],
  ["Call Dana about her promotion this afternoon", "Call Dana about her promotion", "2026-12-01"],
  ["Call the Acme CTO tomorrow 3pm", "Call the Acme CTO", "2026-12-02", "15:00"],
  [
    "Skip-level with the platform team wednesday 10am",
    "Skip-level with the platform team",
    "2026-12-02",
    "10:00",
  ],
  ["Send the board deck by Fri 4pm", "Send the board deck", "2026-12-04", "16:00"],
  ["Send the weekly update every friday", "Send the weekly update", "2026-12-04", undefined, "+1w"],
  // 1:1s, promotions, hiring.
  [
    "1:1 with Dana about the promo packet friday",
    "1:1 with Dana about the promo packet",
    "2026-12-04",
  ],
  [
    "1:1 with Dana friday about the promo packet",
    "1:1 with Dana about the promo packet",
    "2026-12-04",
  ],
  ["Prep the promo packet for Sam due next Tuesday", "Prep the promo packet for Sam", "2026-12-08"],
  ["Give feedback on Priya's RFC tomorrow", "Give feedback on Priya's RFC", "2026-12-02"],
  [
    "Sync with Dana tomorrow at 3pm about Q1 goals",
    "Sync with Dana about Q1 goals",
    "2026-12-02",
    "15:00",
  ],
  [
    "Close the hiring loop for the staff engineer role within 2 weeks",
    "Close the hiring loop for the staff engineer role",
    "2026-12-15",
  ],
  ["Finish calibration notes in 3 days", "Finish calibration notes", "2026-12-04"],
  ["Write the promo packet for Lee on 2026-12-10", "Write the promo packet for Lee", "2026-12-10"],
  ["Review Lee's promo packet 2026-12-10", "Review Lee's promo packet", "2026-12-10"],
  [
    "Interview candidates for the SRE role on Thu",
    "Interview candidates for the SRE role",
    "2026-12-03",
  ],
  ["Hire two SREs by March", "Hire two SREs", "2027-03-01"],
  ["Coffee with May from the design team", "=", null],
  ["Send congrats to April on her promotion", "=", null],
  ["Sync with June on the roadmap", "=", null],
  ["I sat with Dana about her goals", "=", null],
  ["1:1 with Dana every other tuesday", "1:1 with Dana", "2026-12-01", undefined, "+2w"],
  ["Skip-level 1:1s every 2 weeks", "Skip-level 1:1s", null, undefined, "2w"],
  ["Call Dana tomorrow", "Call Dana", "2026-12-02"],
  ["tomorrow", "=", "2026-12-02"],
  // RFCs, reviews, planning.
  ["Review the caching RFC by Thursday", "Review the caching RFC", "2026-12-03"],
  ["Ask infra whether we can drop the Friday deploy freeze", "=", null],
  ["Decide on the pricing experiment by 12/18", "Decide on the pricing experiment", "2026-12-18"],
  ["Give 3/4 of the budget back to finance", "=", null],
  ["Draft the SLO proposal for the 2027 planning cycle", "=", null],
  ["Review PRs from the last 2 weeks", "=", null],
  ["Plan Q1 OKRs by end of next week", "Plan Q1 OKRs", "2026-12-11"],
  ["Write the Q4 retro blog post by end of month", "Write the Q4 retro blog post", "2026-12-31"],
  ["Review error budgets EOM", "Review error budgets", "2026-12-31"],
  ["Write the Q1 hiring plan next month", "Write the Q1 hiring plan", "2027-01-01"],
  [
    "Retro with the team next week +platform @office",
    "Retro with the team +platform @office",
    "2026-12-08",
  ],
  [
    "Sign off the capacity plan by Friday noon",
    "Sign off the capacity plan",
    "2026-12-04",
    "12:00",
  ],
  [
    "Kick off the Q1 roadmap review the day after tomorrow",
    "Kick off the Q1 roadmap review",
    "2026-12-03",
  ],
  [
    "Send the RFC to Sam by Friday, then book the review",
    "Send the RFC to Sam, then book the review",
    "2026-12-04",
  ],
  ["Ask the team: can we ship the migration by friday?", "=", null],
  ["Migrate the build cache until Friday", "Migrate the build cache", "2026-12-04"],
  ["Run the promo committee no later than Dec 10", "Run the promo committee", "2026-12-10"],
  ["Report on Monday deploys to the CTO", "=", null],
  // Incidents and operations.
  ["Write the incident review for the Nov 28 outage", "=", null],
  ["Follow up on the incident from yesterday", "=", null],
  ["Write the postmortem for the outage 2 days ago", "=", null],
  ["Prepare today's standup notes", "=", null],
  ["Reply to the customer escalation by EOD", "Reply to the customer escalation", "2026-12-01"],
  ["Patch Tuesday: update the base images", "=", null],
  ["Check the on-call dashboard every day", "Check the on-call dashboard", null, undefined, "1d"],
  ["Staff meeting every Monday and Thursday", "=", null],
  ["Renew the PagerDuty contract before Jan 31", "Renew the PagerDuty contract", "2027-01-31"],
  ["Pay the AWS invoice due:2026-12-20", "Pay the AWS invoice", "2026-12-20"],
  ["Update the runbook t:2026-12-05 by Monday", "Update the runbook", "2026-12-07"],
  ["Plan the Sunday on-call handover", "=", null],
  ["Standup at 10:30 with the platform team", "=", null],
  ["Prepare the March incident review", "=", null],
  ["Answer the recruiter's question about the 4 day work week", "=", null],
  // Talks, posts, the public side.
  ["Submit the KubeCon talk proposal by Dec 15", "Submit the KubeCon talk proposal", "2026-12-15"],
  [
    "Book the room for the Q1 planning offsite on Jan 12",
    "Book the room for the Q1 planning offsite",
    "2027-01-12",
  ],
  ["Rehearse the meetup talk tomorrow morning", "Rehearse the meetup talk", "2026-12-02"],
  ["Prepare the board update tonight at 8pm", "Prepare the board update", "2026-12-01", "20:00"],
  ["Dinner with the leadership team tonight", "Dinner with the leadership team", "2026-12-01"],
  ["Draft the keynote two weeks from monday", "Draft the keynote", "2026-12-21"],
  ["Catch up with Sam 3 weeks from now", "Catch up with Sam", "2026-12-22"],
  ["Prep the all-hands deck Thursday EOD", "Prep the all-hands deck", "2026-12-03"],
  [
    "Send the weekly status update every friday at 10am",
    "Send the weekly status update",
    "2026-12-04",
    "10:00",
    "+1w",
  ],
  ["Read the promo packets over the weekend", "=", null],
  ["Read the promo packets this weekend", "Read the promo packets", "2026-12-05"],
  ["Talk to Sam about Friday's demo", "=", null],
  ["Schedule the Monday retro with the SRE team", "=", null],
  ["Monday: send the staffing plan to finance", "send the staffing plan to finance", "2026-12-07"],
  ["Tell Dana the offsite moved to Thursday", "=", null],
  ["Push the release to next week", "=", null],
  ["Prep for Friday's board meeting by Thursday", "Prep for Friday's board meeting", "2026-12-03"],
  ["Review the hiring funnel data on Monday", "Review the hiring funnel data", "2026-12-07"],
  [
    "Book travel for the Berlin conference for Friday",
    "Book travel for the Berlin conference",
    "2026-12-04",
  ],
  [
    "Confirm the conference talk slot (due Dec 9)",
    "Confirm the conference talk slot",
    "2026-12-09",
  ],
  ["Read 'The Manager's Path' chapter 5", "=", null],
  ["Book a 30 minute slot with the CFO", "=", null],
  ["Celebrate the team's 5 year anniversary", "=", null],
  ["Send the recap email to the team today", "Send the recap email to the team", "2026-12-01"],
  ["Mentor session every 2nd Tuesday", "=", null],
  ["Write the hiring plan for next year", "=", null],
  ["Budget for next quarter", "=", null],
  ["Plan for next week's offsite", "=", null],
  ["Agenda for next week", "=", null],
  ["Set team goals for this quarter", "=", null],
  ["Close the Q4 hiring loop this month", "Close the Q4 hiring loop", "2026-12-31"],
  ["Finish the tech debt audit by end of next quarter", "Finish the tech debt audit", "2027-03-31"],
  ["Ship the SLO dashboard by next month", "Ship the SLO dashboard", "2027-01-01"],
  ["A bug in Dvorak, AnySoftKeyboard ver. 1.12.1264, version code 8892", "=", null],
  ["Select a free weekend in November", "=", null],
  ["Write up the outage of 2026-11-20, with timeline", "=", null],
  ["Incident report due 2026-11-30", "Incident report", "2026-11-30"],
  ["Send the deck to the board by 5pm", "Send the deck to the board", "2026-12-01", "17:00"],
  ["Send the deck to the board by 10am", "Send the deck to the board", "2026-12-01", "10:00"],
  ["Submit the RFC by Tuesday or Wednesday", "=", null],
  ["Offsite Dec 3 - 5", "=", null],
  ["Meet with Ops every Tuesday and Friday", "=", null],
  ["Sync at 3pm tomorrow", "Sync", "2026-12-02", "15:00"],
  ["Read the RFC before Thursday's review", "=", null],
  ["Do the interview debrief after Friday", "=", null],
  ["Prep Q1 roadmap for the Jan 5 kickoff", "=", null],
  ["Post the Friday demo recording", "=", null],
  ["1:1 with Dana (Friday)", "1:1 with Dana", "2026-12-04"],
  ["Friday - promo calibration", "promo calibration", "2026-12-04"],
  ["Promo committee Thursday 2pm", "Promo committee", "2026-12-03", "14:00"],
  ["Send the invite for Dec 12 at 4pm", "Send the invite", "2026-12-12", "16:00"],
  ["Submit expense report by the end of the week", "Submit expense report", "2026-12-04"],
  [
    "Check in with Sam on Monday about the reorg",
    "Check in with Sam about the reorg",
    "2026-12-07",
  ],
  ["Performance review cycle in 2 months", "Performance review cycle", "2027-02-01"],
  ["Escalate to the VP if no answer by Wednesday", "Escalate to the VP if no answer", "2026-12-02"],
];

describe("reading the due date from the words (docs/capture.md)", () => {
  it("has at least 80 rows", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(80);
  });

  it.each(ROWS)("%s", (typed, title, due, time, rec) => {
    const { text } = captureItem(typed, { today: TUESDAY, categorise: none, dated: false });
    const item = parseItem(text);
    if (typeof item === "string") throw new Error(`${text}: ${item}`);
    const tag = (key: string) => item.tags.find((t) => t.key === key)?.value;
    expect({
      title: item.title,
      due: item.due ?? null,
      time: tag("at"),
      rec: tag("rec"),
    }).toEqual({ title: title === "=" ? typed : title, due, time, rec });
  });
});
