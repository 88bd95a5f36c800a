/**
 * A hand-computed portfolio for the ROI tests (today 2026-11-25). Every figure the tests
 * expect is worked out in docs/roi.md's example and in the comments below.
 */
export const ROI_TODAY = "2026-11-25";

export const ROI_FIXTURE = [
  "# Proposals for the ROI check",
  // RICE 1000 × 2 × 0.8 / 4 = 400; CD3 2000 / 4 = 500.
  "2026-11-01 Cache the search results cat:tech roi:proposal roi-reach:1000 roi-impact:2 roi-confidence:80 roi-effort:4 roi-cod:2000 id:ca01",
  // RICE 200 × 1 × 0.5 / 4 = 25; 6 weeks spent ≥ 4 remaining and 25 < median 50: sunk cost.
  "2026-09-01 Rewrite billing in Rust cat:tech roi:proposal roi-reach:200 roi-impact:1 roi-confidence:50 roi-effort:4 roi-spent:6 id:bi02",
  // RICE 300 × 0.5 × 0.8 / 12 = 10; 12 weeks ≥ 2 × median 4, low impact: over-engineering.
  "2026-11-10 Our own service mesh cat:tech roi:proposal roi-reach:300 roi-impact:0.5 roi-confidence:80 roi-effort:12 id:me03",
  // RICE 400 × 1 × 1 / 2 = 200.
  "2026-11-12 Fix the flaky deploy step cat:tech roi:proposal roi-reach:400 roi-impact:1 roi-confidence:100 roi-effort:2 id:de04",
  // RICE 50 × 1 × 1 / 1 = 50; CD3 100; carrying 150/week ≥ 100/week; review date passed.
  "2026-11-02 Internal admin dashboard cat:tech roi:proposal roi-reach:50 roi-impact:1 roi-confidence:100 roi-effort:1 roi-cod:100 roi-carry:150 roi-kill:stop_if_support_does_not_use_it_weekly roi-review:2026-11-20 id:ad05",
  // No reach, impact or confidence: cannot be scored.
  "2026-11-20 Move to Kubernetes cat:tech roi:proposal roi-effort:10 id:ku06",
  // Stopped, kept for the deck.
  "x 2026-11-20 2026-10-01 Build our own queue cat:tech roi:proposal roi-effort:8 roi-spent:3 roi-stopped:2026-11-20 roi-why:SQS_does_it_for_%245_a_month id:qu07",
  // Shipped: done, not scored.
  "x 2026-11-15 2026-10-15 Add an index to orders cat:tech roi:proposal roi-reach:100 roi-impact:1 roi-confidence:90 roi-effort:1 id:ix08",
  // Not a proposal.
  "2026-11-20 Fix one small bug myself cat:tech id:bu09",
  // A hand edit off the scale.
  "2026-11-21 Rewrite the docs site cat:tech roi:proposal roi-reach:10 roi-impact:7 roi-confidence:50 roi-effort:1 id:do10",
  "",
].join("\n");
