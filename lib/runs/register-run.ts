import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/client";
import type { Queryable } from "@/lib/db/queryable";
import { DATABASE_BUSY_MESSAGE, isUniqueViolation, isWriteConflict, MAX_WRITE_ATTEMPTS } from "@/lib/db/write-errors";
import { writeRedactionLog } from "@/lib/privacy/redaction-log";
import { scrubJsonStrings } from "@/lib/privacy/scrub-json";
import { scrubPii } from "@/lib/privacy/scrub-pii";
import { pickLatestVersion } from "./latest-version";
import { MODEL_TYPES, type ModelType } from "./model-types";
import type { RegisterRunFieldErrors, RegisterRunInput } from "./schema";

/** What registering needs from the client: interactive transactions. Tests pass a temporary database's client. */
export type RunWriter = Pick<PrismaClient, "$transaction">;

export type RegisterRunResult =
  | {
      ok: true;
      id: string;
      /** The categories of personal data or secrets replaced by placeholders before storage, if any. */
      redacted: string[];
    }
  | { ok: false; message: string; fieldErrors: RegisterRunFieldErrors; existingRunId?: string };

export const RUNS_TABLE = "model_training_runs";

/** "classifier 1.2.0 is already registered". */
export function versionTakenMessage(run: Pick<RegisterRunInput, "modelType" | "modelVersion">): string {
  return `${run.modelType} ${run.modelVersion} is already registered`;
}

function versionTaken(run: RegisterRunInput, existingRunId?: string): RegisterRunResult {
  const message = versionTakenMessage(run);
  return {
    ok: false,
    message: `${message}; nothing was saved. Choose a new version.`,
    fieldErrors: { modelVersion: [message] },
    existingRunId,
  };
}

function snapshotMissing(): RegisterRunResult {
  return {
    ok: false,
    message: "The training-data snapshot chosen does not exist; nothing was saved.",
    fieldErrors: { trainingDataSnapshotId: ["No snapshot has this id. Choose one of the saved snapshots, or none."] },
  };
}

async function registerOnce(input: RegisterRunInput, client: RunWriter): Promise<RegisterRunResult> {
  return client.$transaction(async (tx) => {
    const existing = await tx.modelTrainingRun.findUnique({
      where: { modelType_modelVersion: { modelType: input.modelType, modelVersion: input.modelVersion } },
      select: { id: true },
    });
    if (existing) return versionTaken(input, existing.id);
    if (input.trainingDataSnapshotId !== null) {
      const snapshot = await tx.trainingDataSnapshot.findUnique({ where: { id: input.trainingDataSnapshotId }, select: { id: true } });
      if (!snapshot) return snapshotMissing();
    }

    // Free text is scrubbed before it is stored; only the category of each finding is kept, in the log.
    const notes = input.notes === null ? null : scrubPii(input.notes);
    const featureSet = input.featureSetVersion === null ? null : scrubPii(input.featureSetVersion);
    const hyperparameters = scrubJsonStrings(input.hyperparameters);
    const findings = [...(notes?.findings ?? []), ...(featureSet?.findings ?? []), ...hyperparameters.findings];

    const id = randomUUID();
    await tx.modelTrainingRun.create({
      data: {
        id,
        modelType: input.modelType,
        modelVersion: input.modelVersion,
        startedAt: input.startedAt,
        completedAt: input.completedAt,
        hyperparameters: JSON.stringify(hyperparameters.value),
        trainingSamples: input.trainingSamples,
        validationSamples: input.validationSamples,
        testSamples: input.testSamples,
        accuracy: input.accuracy,
        precision: input.precision,
        recall: input.recall,
        f1Score: input.f1Score,
        trainingLoss: input.trainingLoss,
        validationLoss: input.validationLoss,
        trainingDurationMs: input.trainingDurationMs,
        featureSetVersion: featureSet?.text ?? null,
        notes: notes?.text ?? null,
        trainingDataSnapshotId: input.trainingDataSnapshotId,
      },
    });
    await writeRedactionLog(tx, { sourceTable: RUNS_TABLE, sourceId: id, findings });
    return { ok: true, id, redacted: [...new Set(findings.map((finding) => finding.category))] };
  });
}

/**
 * Registers a training run: in one transaction, refuses a (model type, version) pair that is already taken,
 * scrubs personal data and secrets from the notes, the feature set version and every string in the
 * hyperparameters, inserts the run under a new id and logs the redactions against it. Nothing is written when
 * it is refused. A registration of the same version by another process between the check and the insert is
 * refused with the same message.
 */
export async function registerRun(input: RegisterRunInput, client: RunWriter = db): Promise<RegisterRunResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await registerOnce(input, client);
    } catch (error) {
      if (isUniqueViolation(error)) return versionTaken(input);
      if (isWriteConflict(error) && attempt < MAX_WRITE_ATTEMPTS) continue;
      if (isWriteConflict(error)) {
        return { ok: false, message: DATABASE_BUSY_MESSAGE, fieldErrors: {} };
      }
      throw error;
    }
  }
}

/**
 * The newest registered version of each model type (by semver), to show beside the version field: the next
 * version is usually one bump from it.
 */
export async function latestRegisteredVersions(client: Queryable = db): Promise<{ modelType: ModelType; modelVersion: string }[]> {
  const rows = await client.$queryRaw<{ id: string; model_type: string; model_version: string; started_at: string }[]>`
    SELECT id, model_type, model_version, started_at FROM model_training_runs`;
  return MODEL_TYPES.flatMap((modelType) => {
    const latest = pickLatestVersion(
      rows.filter((row) => row.model_type === modelType).map((row) => ({ id: row.id, modelVersion: row.model_version, startedAt: row.started_at })),
    );
    return latest ? [{ modelType, modelVersion: latest.modelVersion }] : [];
  });
}
