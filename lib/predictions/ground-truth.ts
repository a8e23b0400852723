import "server-only";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { writeRedactionLog } from "@/lib/privacy/redaction-log";
import { scrubPii } from "@/lib/privacy/scrub-pii";
import { isoNow } from "@/lib/time";
import type { CsvLabel, CsvLineError } from "./ground-truth-csv";
import type { RecordGroundTruthInput } from "./ground-truth-schema";
import { isPredictionCorrect, isPredictionType, storedLabel } from "./prediction-value";

/**
 * Recording ground truth. The actual value is scrubbed for personal data like every free-text field, stored as
 * a JSON string with the time it was recorded, and is_correct is computed here from the stored prediction and
 * the scrubbed actual (isPredictionCorrect); a client never supplies it. Relabelling an already-labelled
 * prediction is allowed, since annotators correct mistakes: the new value, verdict and time replace the old ones
 * and the result says how many were relabelled.
 */
export type GroundTruthWriter = Pick<PrismaClient, "$transaction">;

export const PREDICTIONS_TABLE = "model_predictions";

type Tx = Prisma.TransactionClient;

type LabelOutcome = { correct: boolean; relabelled: boolean; redacted: string[] };

async function labelOne(tx: Tx, prediction: { id: string; prediction: string; predictionType: string; predictedAt: string; actualValue: string | null }, actualValue: string, now: string): Promise<LabelOutcome> {
  if (!isPredictionType(prediction.predictionType)) throw new TypeError(`Unknown prediction type "${prediction.predictionType}"`);
  const scrubbed = scrubPii(actualValue);
  const actualJson = storedLabel(scrubbed.text);
  const correct = isPredictionCorrect(prediction.predictionType, prediction.prediction, actualJson);
  await tx.modelPrediction.update({
    where: { id: prediction.id },
    // labeled_at may not precede predicted_at (a CHECK): a prediction stamped ahead of this clock is labelled at its own time.
    data: { actualValue: actualJson, isCorrect: correct ? 1 : 0, labeledAt: now > prediction.predictedAt ? now : prediction.predictedAt },
  });
  await writeRedactionLog(tx, { sourceTable: PREDICTIONS_TABLE, sourceId: prediction.id, findings: scrubbed.findings });
  return { correct, relabelled: prediction.actualValue !== null, redacted: scrubbed.findings.map((finding) => finding.category) };
}

const PREDICTION_FIELDS = { id: true, prediction: true, predictionType: true, predictedAt: true, actualValue: true, modelRunId: true } as const;

export type RecordGroundTruthResult =
  | { ok: true; correct: boolean; relabelled: boolean; redacted: string[]; runId: string }
  | { ok: false; message: string; fieldErrors: { predictionId?: string[] } };

/** Records the actual value of one prediction in one transaction. */
export async function recordGroundTruth(input: RecordGroundTruthInput, client: GroundTruthWriter = db): Promise<RecordGroundTruthResult> {
  return client.$transaction(async (tx) => {
    const prediction = await tx.modelPrediction.findUnique({ where: { id: input.predictionId }, select: PREDICTION_FIELDS });
    if (!prediction) {
      const message = `There is no prediction with the id "${input.predictionId}".`;
      return { ok: false, message, fieldErrors: { predictionId: [message] } };
    }
    const outcome = await labelOne(tx, prediction, input.actualValue, isoNow());
    return { ok: true, ...outcome, redacted: [...new Set(outcome.redacted)], runId: prediction.modelRunId };
  });
}

export type UploadGroundTruthResult =
  | { ok: true; labelled: number; correct: number; relabelled: number; redacted: string[] }
  | { ok: false; message: string; errors: CsvLineError[] };

const ID_CHUNK = 500;

/**
 * Records the actual values of a parsed CSV upload, all or nothing: one transaction that first checks every id
 * exists (unknown ids are reported with their line numbers and nothing is written), then labels each prediction.
 */
export async function uploadGroundTruth(labels: readonly CsvLabel[], client: GroundTruthWriter = db): Promise<UploadGroundTruthResult> {
  return client.$transaction(
    async (tx) => {
      const found = new Map<string, { id: string; prediction: string; predictionType: string; predictedAt: string; actualValue: string | null }>();
      for (let i = 0; i < labels.length; i += ID_CHUNK) {
        const ids = labels.slice(i, i + ID_CHUNK).map((label) => label.predictionId);
        for (const row of await tx.modelPrediction.findMany({ where: { id: { in: ids } }, select: PREDICTION_FIELDS })) found.set(row.id, row);
      }
      const unknown = labels.filter((label) => !found.has(label.predictionId));
      if (unknown.length > 0) {
        return {
          ok: false,
          message: `Nothing was recorded: ${unknown.length === 1 ? "1 line names a prediction" : `${unknown.length} lines name predictions`} that do not exist.`,
          errors: unknown.map((label) => ({ line: label.line, message: `There is no prediction with the id "${label.predictionId}".` })),
        };
      }
      const now = isoNow();
      let correct = 0;
      let relabelled = 0;
      const redacted = new Set<string>();
      for (const label of labels) {
        const outcome = await labelOne(tx, found.get(label.predictionId)!, label.actualValue, now);
        if (outcome.correct) correct++;
        if (outcome.relabelled) relabelled++;
        for (const category of outcome.redacted) redacted.add(category);
      }
      return { ok: true, labelled: labels.length, correct, relabelled, redacted: [...redacted] };
    },
    { timeout: 60_000 },
  );
}
