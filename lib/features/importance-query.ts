import "server-only";
import { cache } from "react";
import { bulkConnection } from "./bulk-connection";
import { LENGTH_BANDS, lengthBand, qualityByGroup, rankFeatures, type FeatureImportance, type ImportanceRow, type QualityGroup } from "./importance";
import { LATEST_LABELLING_FEEDBACK_ID_SQL, LATEST_VECTOR_OF_QUERY_SQL, POSITIVE_LABEL_SQL } from "./labelling";

export type FeatureImportanceReport = {
  vectors: number;
  labelled: number;
  ranking: FeatureImportance[];
  byToolCount: QualityGroup[];
  byProfile: QualityGroup[];
  byLength: QualityGroup[];
};

/**
 * The v_feature_importance view made useful: every latest feature vector per query and model (the export's
 * rows, without the window), its quality and its label, ranked and grouped in lib/features/importance.ts.
 */
export const featureImportanceReport = cache((): FeatureImportanceReport => {
  const rows = bulkConnection()
    .prepare(
      `WITH vectors AS MATERIALIZED (
         SELECT fv.features, q.result_quality_score AS quality, ${LATEST_LABELLING_FEEDBACK_ID_SQL} AS label_id
         FROM feature_vectors fv JOIN queries q ON q.id = fv.query_id
         WHERE fv.features IS NOT NULL AND ${LATEST_VECTOR_OF_QUERY_SQL}
       )
       SELECT vectors.features, vectors.quality, ${POSITIVE_LABEL_SQL} AS label
       FROM vectors LEFT JOIN feedback lf ON lf.id = vectors.label_id`,
    )
    .all() as { features: string; quality: number | null; label: 0 | 1 | null }[];
  const parsed: ImportanceRow[] = rows.map((row) => ({ features: JSON.parse(row.features) as Record<string, unknown>, quality: row.quality, label: row.label }));
  const text = (value: unknown) => (value === undefined || value === null ? undefined : String(value));
  return {
    vectors: parsed.length,
    labelled: parsed.filter((row) => row.label !== null).length,
    ranking: rankFeatures(parsed),
    byToolCount: qualityByGroup(parsed, (row) => text(row.features.tool_count)),
    byProfile: qualityByGroup(parsed, (row) => text(row.features.profile)),
    byLength: qualityByGroup(parsed, (row) => lengthBand(row.features.query_length), LENGTH_BANDS),
  };
});

export type ExportChoices = { models: string[]; featureVersions: string[] };

/** The embedding models and feature versions the export form offers. */
export const exportChoices = cache((): ExportChoices => {
  const sqlite = bulkConnection();
  return {
    models: sqlite.prepare("SELECT DISTINCT embedding_model FROM feature_vectors WHERE embedding_model IS NOT NULL ORDER BY 1").pluck().all() as string[],
    featureVersions: sqlite.prepare("SELECT DISTINCT feature_version FROM feature_vectors WHERE feature_version IS NOT NULL ORDER BY 1").pluck().all() as string[],
  };
});
