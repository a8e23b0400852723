import { toNumber, toNumberOrNull, toStringOrNull } from "@/lib/db/rows";
import type { Winner } from "./schema";

/** The columns every A/B test query reads, with the model type of its runs. */
export const AB_TEST_COLUMNS = `t.id, t.test_name, t.status, t.started_at, t.ended_at, t.variant_a_model, t.variant_b_model,
  t.variant_a_run_id, t.variant_b_run_id, t.traffic_split, t.variant_a_samples, t.variant_b_samples,
  t.variant_a_successes, t.variant_b_successes, t.statistical_significance, t.confidence, t.winner, t.notes,
  t.decided_by, t.decided_at, t.decision_reason, ra.model_type AS model_type`;

export type AbTestRecord = {
  id: string;
  name: string;
  status: "running" | "closed";
  modelType: string;
  startedAt: string;
  endedAt: string | null;
  trafficSplit: number;
  a: { runId: string; modelVersion: string; samples: number; successes: number };
  b: { runId: string; modelVersion: string; samples: number; successes: number };
  notes: string | null;
  decision: {
    winner: Winner;
    decidedBy: string;
    decidedAt: string;
    reason: string;
    /** The p-value recorded with the decision, and 1 − p. */
    pValue: number | null;
    confidence: number | null;
  } | null;
};

export function toAbTestRecord(row: Record<string, unknown>): AbTestRecord {
  const status = row.status === "closed" ? "closed" : "running";
  return {
    id: String(row.id),
    name: String(row.test_name),
    status,
    modelType: String(row.model_type),
    startedAt: String(row.started_at),
    endedAt: toStringOrNull(row.ended_at),
    trafficSplit: toNumber(row.traffic_split),
    a: {
      runId: String(row.variant_a_run_id),
      modelVersion: String(row.variant_a_model),
      samples: toNumber(row.variant_a_samples),
      successes: toNumber(row.variant_a_successes),
    },
    b: {
      runId: String(row.variant_b_run_id),
      modelVersion: String(row.variant_b_model),
      samples: toNumber(row.variant_b_samples),
      successes: toNumber(row.variant_b_successes),
    },
    notes: toStringOrNull(row.notes),
    decision:
      status === "closed"
        ? {
            winner: row.winner as Winner,
            decidedBy: String(row.decided_by),
            decidedAt: String(row.decided_at),
            reason: String(row.decision_reason),
            pValue: toNumberOrNull(row.statistical_significance),
            confidence: toNumberOrNull(row.confidence),
          }
        : null,
  };
}
