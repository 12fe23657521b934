// The history of an application up to a stage: the steps and who takes each, checked against
// the pipeline table. Shared by the application factory and the demo generator's bulk
// applications (db/seed/vacancies.ts); imports no model, so the seed's bulk path stays light.
import type { ApplicationStatus } from "../schema";
import { canMove, type PipelineActor } from "../../app/domain/applications/pipeline";

/** Who takes each step: the graduate applies and withdraws, the employer invites and moves. */
export const ACTOR: Record<ApplicationStatus, PipelineActor> = {
  invited: "employer",
  applied: "graduate",
  withdrawn: "graduate",
  screening: "employer",
  interview: "employer",
  offer: "employer",
  hired: "employer",
  rejected: "employer",
};

/** The history up to the stage reached, one step per event, each one the pipeline allows. */
export function stepsTo(stage: ApplicationStatus): ApplicationStatus[] {
  const forward: ApplicationStatus[] = ["applied", "screening", "interview", "offer", "hired"];
  const steps: ApplicationStatus[] =
    stage === "invited" ? ["invited"] : stage === "withdrawn" || stage === "rejected" ? ["applied", stage] : forward.slice(0, forward.indexOf(stage) + 1);
  steps.forEach((to, n) => {
    if (n > 0 && !canMove(steps[n - 1]!, to, ACTOR[to])) throw new Error(`application history ${steps.join(" → ")} breaks the pipeline`);
  });
  return steps;
}
