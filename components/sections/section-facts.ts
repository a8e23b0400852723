import type { SectionHref } from "@/components/shell/nav-items";
import { API_OPERATIONS } from "@/lib/api/operations";
import { formatCount, formatCountOf } from "@/lib/format";
import type { RecordCounts } from "@/lib/overview/record-counts";
import type { SchemaSummary } from "@/lib/schema/summary";

export type SectionFact = {
  /** What the section holds, as people say it: "1,234 training runs recorded". */
  text: string;
  /** Nothing recorded yet: the page explains how to get data instead. */
  empty: boolean;
};

/** One line per section on how much it has to show, for the section pages and the overview's links. */
export function sectionFacts(counts: RecordCounts, schema: SchemaSummary): Record<SectionHref, SectionFact> {
  return {
    "/runs": {
      text: `${formatCountOf(counts.trainingRuns, "training run")} recorded`,
      empty: counts.trainingRuns === 0,
    },
    "/predictions": {
      text: `${formatCountOf(counts.predictions, "prediction")}, ${formatCount(counts.labelledPredictions)} labelled`,
      empty: counts.predictions === 0,
    },
    "/ab-tests": {
      text: `${formatCountOf(counts.abTests, "A/B test")} recorded`,
      empty: counts.abTests === 0,
    },
    "/features": {
      text: `${formatCountOf(counts.featureVectors, "feature vector")} computed`,
      empty: counts.featureVectors === 0,
    },
    "/telemetry": {
      text: `${formatCountOf(counts.queries, "query", "queries")} in ${formatCountOf(counts.sessions, "session")}`,
      empty: counts.queries === 0 && counts.sessions === 0,
    },
    "/privacy": {
      text: `${formatCountOf(counts.consentRecords, "consent record")}, ${formatCountOf(counts.redactions, "redaction")}`,
      empty: counts.consentRecords === 0 && counts.redactions === 0,
    },
    "/schema": {
      text: `${formatCountOf(schema.tables, "table")}, ${formatCountOf(schema.views, "view")}${
        schema.version === null ? "" : `, schema version ${schema.version}`
      }`,
      empty: schema.tables === 0,
    },
    "/api-reference": {
      text: `${formatCountOf(API_OPERATIONS.length, "endpoint")} for training and serving code`,
      empty: false,
    },
  };
}
