import { useIdParam } from "../../lib/route-params";
import { DecisionDetail } from "./DecisionDetail";

/** /decisions/<id>: where a moderation notice and the banner on hidden content lead. */
export function DecisionPage() {
  return <DecisionDetail decisionId={useIdParam("decisionId") ?? 0} />;
}
