import { clamp, type Rng, round } from "@/lib/random";
import type { ModelType } from "@/lib/runs/model-types";
import { DAY_MS, toIsoTimestamp } from "@/lib/time";
import type { TrainingRunRow } from "./rows";
import { HOUR_MS, type TimeModel } from "./time-model";

export type RunOutcome = {
  samples: number;
  accuracy: number;
  precision: number;
  recall: number;
  trainingLoss: number;
  durationMs: number;
  /** Still training: no metrics, losses or duration yet. */
  running: boolean;
};

/**
 * The sample split (70/15/15), metrics, losses and duration columns of a training run; F1 is derived from
 * precision and recall, validation loss from training loss. Shared by the seeder and the runs benchmark.
 */
export function runOutcomeColumns(rng: Rng, run: RunOutcome) {
  const { samples, accuracy, precision, recall, trainingLoss, durationMs, running } = run;
  return {
    training_samples: Math.round(samples * 0.7),
    validation_samples: Math.round(samples * 0.15),
    test_samples: samples - Math.round(samples * 0.7) - Math.round(samples * 0.15),
    accuracy: running ? null : round(accuracy, 4),
    precision: running ? null : round(precision, 4),
    recall: running ? null : round(recall, 4),
    f1_score: running ? null : round((2 * precision * recall) / (precision + recall), 4),
    training_loss: running ? null : round(trainingLoss, 4),
    validation_loss: running ? null : round(trainingLoss * rng.float(1.04, 1.22), 4),
    training_duration_ms: running ? null : durationMs,
  };
}

/**
 * Model training runs: per model type a history of semantic versions whose offline metrics improve with noise,
 * with hyperparameters that change between versions. Each run also carries how it behaves once live (its
 * accuracy on real traffic, a little below the offline one, and whether its confidence is calibrated or
 * over-confident), which the prediction generator uses.
 */
export type RunPlan = {
  row: TrainingRunRow;
  modelType: ModelType;
  /** Position within its model type, oldest first. */
  index: number;
  completedAt: number | null;
  /** Accuracy on live traffic. */
  liveAccuracy: number;
  /** Mean confidence minus live accuracy: 0 for a calibrated model. */
  overconfidence: number;
};

type TypeProfile = {
  accuracy: [number, number];
  baseSamples: number;
  hyperparameters: Record<string, number | string>;
  notes: { baseline: string; minor: readonly string[]; patch: readonly string[]; major: readonly string[] };
};

const TYPE_PROFILES: Readonly<Record<ModelType, TypeProfile>> = {
  classifier: {
    accuracy: [0.74, 0.915],
    baseSamples: 7_000,
    hyperparameters: { learning_rate: 0.001, batch_size: 64, epochs: 12, dropout: 0.2, optimizer: "adam", hidden_dim: 256, weight_decay: 0.0001 },
    notes: {
      baseline: "Baseline query-type classifier: MLP over MiniLM embeddings plus length features.",
      minor: ["Added query_length and has_code features.", "Retrained on 30 more days of labelled queries.", "Class-balanced sampling for the code and reason classes.", "Label smoothing 0.1; fewer confident mistakes on general queries.", "Wider hidden layer; early stopping on validation loss."],
      patch: ["Hotfix: tokenizer truncation dropped code blocks.", "Fixed label leak from tool_count in the validation split.", "Re-run with a corrected random seed for the data split."],
      major: ["New architecture: 2-layer transformer head over token embeddings.", "Switched to fv-2 features and a new label taxonomy."],
    },
  },
  routing: {
    accuracy: [0.6, 0.815],
    baseSamples: 5_000,
    hyperparameters: { learning_rate: 0.003, batch_size: 128, epochs: 20, dropout: 0.1, optimizer: "adamw", hidden_dim: 128, temperature: 1.0 },
    notes: {
      baseline: "Baseline profile router: gradient-boosted trees on session features.",
      minor: ["Routing now sees hour_of_day and client_version.", "Cost-sensitive loss: under-routing deep queries costs 3x.", "Retrained after the 0.9 client rollout.", "Temperature scaling removed (faster inference)."],
      patch: ["Hotfix: paranoid profile was never predicted for reason queries.", "Fixed feature drift from the new client's profile names."],
      major: ["New model: neural router sharing the classifier's encoder.", "Router v2: predicts a profile per query instead of per session."],
    },
  },
  optimization: {
    accuracy: [0.65, 0.86],
    baseSamples: 6_000,
    hyperparameters: { learning_rate: 0.0005, batch_size: 32, epochs: 15, dropout: 0.25, optimizer: "adam", hidden_dim: 192, gamma: 0.95 },
    notes: {
      baseline: "Baseline tool-budget model: predicts low/medium/high tool calls.",
      minor: ["Added retrieval_count history per session.", "Ordinal loss instead of plain cross-entropy.", "Retrained with tool failures excluded from labels.", "Smaller model; same accuracy at half the latency."],
      patch: ["Hotfix: budget thresholds off by one (3 calls counted as high).", "Fixed missing tool_usage joins for MCP tools."],
      major: ["New approach: per-tool budget heads.", "Moved to fv-2 features with session context."],
    },
  },
};

const LEARNING_RATES = [0.0001, 0.0003, 0.0005, 0.001, 0.002, 0.003];
const BATCH_SIZES = [16, 32, 64, 128, 256];
const HIDDEN_DIMS = [96, 128, 192, 256, 384, 512];
const OPTIMIZERS = ["adam", "adamw", "sgd", "lion"];

/** The next version's hyperparameters: one to three of them changed (never none). */
function mutateHyperparameters(rng: Rng, current: Record<string, number | string>): Record<string, number | string> {
  const next = { ...current };
  const changes = rng.int(1, 3);
  for (let c = 0; c < changes || JSON.stringify(next) === JSON.stringify(current); c++) {
    switch (rng.int(0, 5)) {
      case 0: next.learning_rate = rng.pick(LEARNING_RATES); break;
      case 1: next.batch_size = rng.pick(BATCH_SIZES); break;
      case 2: next.epochs = rng.int(6, 40); break;
      case 3: next.dropout = round(rng.int(0, 10) * 0.05, 2); break;
      case 4: next.hidden_dim = rng.pick(HIDDEN_DIMS); break;
      default: next.optimizer = rng.pick(OPTIMIZERS); break;
    }
  }
  return next;
}

type Bump = "major" | "minor" | "patch";

function bumpVersion([major, minor, patch]: [number, number, number], bump: Bump): [number, number, number] {
  if (bump === "major") return [major + 1, 0, 0];
  if (bump === "minor") return [major, minor + 1, 0];
  return [major, minor, patch + 1];
}

/** Over-confident versions follow a fixed rhythm so every history has both kinds. */
function isOverconfident(typeIndex: number, index: number): boolean {
  return (typeIndex + index) % 3 === 1;
}

/**
 * Runs of one model type. Completion times spread over [anchor − historyDays, anchor − 5 days]; when
 * `withRunningRun`, one more run started a few hours ago and is still training (no completion, no metrics).
 */
export function generateRuns(
  rng: Rng,
  modelType: ModelType,
  typeIndex: number,
  count: number,
  time: TimeModel,
  historyDays: number,
  withRunningRun: boolean,
  trainingScale: number,
): RunPlan[] {
  const profile = TYPE_PROFILES[modelType];
  const completedCount = withRunningRun ? count - 1 : count;
  const first = time.anchor - historyDays * DAY_MS;
  const span = time.anchor - 5 * DAY_MS - first;
  const majorEvery = Math.max(5, Math.min(Math.round(count * 0.55), 120));
  let version: [number, number, number] = [1, 0, 0];
  let hyperparameters = { ...profile.hyperparameters };
  const runs: RunPlan[] = [];
  const [low, high] = profile.accuracy;
  // Each kind of change cycles through its notes in a shuffled order, so neighbouring versions differ.
  const noteOrder = { major: rng.shuffle([...profile.notes.major]), minor: rng.shuffle([...profile.notes.minor]), patch: rng.shuffle([...profile.notes.patch]) };
  const noteUses = { major: 0, minor: 0, patch: 0 };
  const nextNote = (bump: Bump) => noteOrder[bump][noteUses[bump]++ % noteOrder[bump].length] as string;

  for (let i = 0; i < count; i++) {
    let bump: Bump | null = null;
    if (i > 0) {
      bump = i % majorEvery === 0 ? "major" : rng.chance(0.3) ? "patch" : "minor";
      version = bumpVersion(version, bump);
      hyperparameters = mutateHyperparameters(rng, hyperparameters);
    }
    const running = i >= completedCount;
    const progress = completedCount > 1 ? Math.min(1, i / (completedCount - 1)) : 1;
    const completedAt = running ? null : Math.round(first + ((i + 0.5 + rng.float(-0.35, 0.35)) / completedCount) * span);
    const reference = completedAt ?? time.anchor;
    const samples = Math.round(
      profile.baseSamples * (1 + 3 * ((reference - first) / (time.anchor - first))) * rng.float(0.9, 1.1) * trainingScale,
    );
    const epochs = Number(hyperparameters.epochs);
    const durationMs = Math.round(samples * epochs * rng.float(0.6, 1.4) * 1.1);
    const startedAt = running ? Math.round(time.anchor - rng.float(2, 9) * HOUR_MS) : (completedAt as number) - durationMs - rng.int(5_000, 90_000);

    const accuracy = clamp(
      low + (high - low) * ((1 - Math.exp(-3 * progress)) / (1 - Math.exp(-3))) + rng.normal(0, 0.008),
      0.5,
      0.97,
    );
    const precision = clamp(accuracy + rng.normal(0.005, 0.012), 0, 1);
    const recall = clamp(accuracy + rng.normal(-0.008, 0.012), 0, 1);
    const trainingLoss = (1 - accuracy) * rng.float(1.3, 1.7) + 0.04;

    const notes = running
      ? `In progress: retraining on the last 30 days (${samples.toLocaleString("en-US")} samples).`
      : bump === null
        ? profile.notes.baseline
        : nextNote(bump);
    const row: TrainingRunRow = {
      id: rng.uuid(),
      started_at: toIsoTimestamp(startedAt),
      completed_at: completedAt === null ? null : toIsoTimestamp(completedAt),
      model_type: modelType,
      model_version: version.join("."),
      hyperparameters: JSON.stringify(hyperparameters),
      ...runOutcomeColumns(rng, { samples, accuracy, precision, recall, trainingLoss, durationMs, running }),
      feature_set_version: startedAt < time.fv2Rollout ? "fv-1" : "fv-2",
      notes,
    };
    runs.push({
      row,
      modelType,
      index: i,
      completedAt,
      liveAccuracy: accuracy - rng.float(0.01, 0.045),
      overconfidence: isOverconfident(typeIndex, i) ? rng.float(0.12, 0.2) : 0,
    });
  }
  return runs;
}

/**
 * Moves a run's offline metrics by `delta` (accuracy, precision and recall; F1 recomputed from the last two; losses
 * scaled with the error rate, as generateRuns relates them). The A/B plan uses it to keep a variant's offline
 * accuracy just above the live accuracy it set, and to carry a winner's gain over to later versions. Live accuracy
 * is left to the caller.
 */
export function shiftOfflineAccuracy(run: RunPlan, delta: number): void {
  const row = run.row;
  if (row.accuracy === null || row.precision === null || row.recall === null || delta === 0) return;
  const accuracy = clamp(row.accuracy + delta, 0.3, 0.99);
  const precision = clamp(row.precision + delta, 0, 1);
  const recall = clamp(row.recall + delta, 0, 1);
  if (row.training_loss !== null && row.validation_loss !== null) {
    const perError = (row.training_loss - 0.04) / (1 - row.accuracy);
    const trainingLoss = (1 - accuracy) * perError + 0.04;
    row.validation_loss = round(row.validation_loss * (trainingLoss / row.training_loss), 4);
    row.training_loss = round(trainingLoss, 4);
  }
  row.accuracy = round(accuracy, 4);
  row.precision = round(precision, 4);
  row.recall = round(recall, 4);
  row.f1_score = round((2 * precision * recall) / (precision + recall), 4);
}
