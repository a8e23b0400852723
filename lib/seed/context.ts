import { WeightedTable } from "@/lib/random";
import type { ModelType } from "@/lib/runs/model-types";
import {
  ERROR_CATEGORIES,
  FEEDBACK_CATEGORIES_NEGATIVE,
  FEEDBACK_CATEGORIES_POSITIVE,
  PROFILE_WEIGHTS,
  QUERY_TYPES,
  type QueryType,
  REDACTION_PATTERNS,
  TOOL_WEIGHTS_BY_TYPE,
} from "./catalog";
import type { ServingTimeline } from "./deployments";
import type { EmbeddingSpace } from "./embeddings";
import type { CorrectnessSampler } from "./outcomes";
import type { SeedSize } from "./sizes";
import type { TimeModel } from "./time-model";
import { TOPICS } from "./topics";

/**
 * What the telemetry generator reads, built once per seed run; only `correctness` and the A/B routing inside
 * `serving` change as days go by (systematic samplers, so days must be generated in order).
 */
export type GenerationContext = {
  correctness: CorrectnessSampler;
  time: TimeModel;
  key: Uint8Array;
  size: SeedSize;
  embeddings: EmbeddingSpace;
  serving: Map<ModelType, ServingTimeline>;
  tables: LookupTables;
};

export type LookupTables = ReturnType<typeof buildLookupTables>;

/** The weighted choices of the hot loop, prepared once (binary search instead of a linear scan per draw). */
export function buildLookupTables() {
  return {
    toolsByType: Object.fromEntries(QUERY_TYPES.map((type) => [type, new WeightedTable(TOOL_WEIGHTS_BY_TYPE[type])])) as Record<
      QueryType,
      WeightedTable<string>
    >,
    typesByTopic: TOPICS.map((topic) => new WeightedTable(topic.typeWeights)),
    popularRank: new WeightedTable<number>([[0, 0.5], [1, 0.3], [2, 0.2]]),
    profiles: new WeightedTable(PROFILE_WEIGHTS),
    errorCategories: new WeightedTable(ERROR_CATEGORIES),
    negativeCategories: new WeightedTable(FEEDBACK_CATEGORIES_NEGATIVE),
    positiveCategories: new WeightedTable(FEEDBACK_CATEGORIES_POSITIVE),
    redactionPatterns: new WeightedTable(REDACTION_PATTERNS),
  };
}
