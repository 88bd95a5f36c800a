import { addDays, type IsoDate } from "../../src/core/dates.js";

/**
 * A small docket for the browser tests: known ids (dm01…) and titles, dated around `today`,
 * a few items in every category and some done ones for the reports.
 */
export function fixtureDocketText(today: IsoDate): string {
  const d = (days: number) => addDays(today, days);
  return [
    "# The dashboard's browser-test docket.",
    `(A) ${d(-3)} Write the promo packet for Dana +promo due:${d(2)} cat:people id:dm01`,
    `${d(-6)} 1:1 with Sam about the on-call load @meeting cat:people rec:1w due:${d(1)} id:dm02`,
    `${d(-2)} Interview loop debrief for the staff engineer role cat:people due:${d(3)} id:dm03`,
    `${d(-1)} Coaching session: giving hard feedback cat:people id:dm04`,
    `(B) ${d(-4)} Use the product for a day as a new customer +onboarding cat:product due:${d(4)} id:dm05`,
    `${d(-5)} Call with the escalated customer about exports cat:product due:${d(0)} id:dm06`,
    `${d(-2)} Compare our search with the two main competitors cat:product est:2h id:dm07`,
    `${d(-7)} Write down the unwritten incident review policy +policies cat:process id:dm08`,
    `${d(-3)} Set an SLO for flaky tests with the platform team cat:process due:${d(6)} id:dm09`,
    `${d(-1)} Clean the bug backlog older than a year cat:process est:1h id:dm10`,
    `${d(-9)} Draft the meetup talk on incident reviews +talks cat:public due:${d(12)} id:dm11`,
    `${d(-2)} Turn the status meeting into a five-minute story cat:public? id:dm12`,
    `(A) ${d(-1)} ROI check on the multi-week caching rewrite +caching cat:tech due:${d(1)} id:dm13`,
    `${d(-4)} Fix one small bug myself to stay close to the code cat:tech est:1h id:dm14`,
    `${d(-6)} Read the database scaling limits report cat:tech id:dm15`,
    `${d(-2)} Review the deploy pipeline health dashboard cat:tech? id:dm16`,
    `x ${d(-1)} ${d(-8)} 1:1 with Priya about her growth plan cat:people id:dm17`,
    `x ${d(-2)} ${d(-9)} Review the architecture proposal for search cat:tech id:dm18`,
    `x ${d(-3)} ${d(-10)} Department-wide retro on releases cat:process id:dm19`,
    `x ${d(-8)} ${d(-14)} Customer call with Acme about roadmap cat:product id:dm20`,
    `x ${d(-9)} ${d(-15)} Calibration meeting for promotions cat:people id:dm21`,
    `x ${d(-10)} ${d(-16)} Spike on the new queue: is it over-engineered? cat:tech id:dm22`,
    `x ${d(-15)} ${d(-20)} Hiring sync with recruiting cat:people id:dm23`,
    `x ${d(-16)} ${d(-21)} Write the on-call handbook page cat:process id:dm24`,
    `x ${d(-17)} ${d(-22)} Pair on a flaky test fix cat:tech id:dm25`,
    "",
  ].join("\n");
}
