import { describe, expect, it } from "vitest";
import { csvField, csvLine, runCsvLine, runsCsvHeader } from "./runs-csv";
import type { RunListRow } from "./runs-query";

/** A minimal RFC 4180 reader, written apart from the writer, to prove the output reads back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\r" && text[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  return rows;
}

const ROW: RunListRow = {
  id: "run-1",
  modelType: "classifier",
  modelVersion: "1.2.0",
  startedAt: "2026-01-01T08:00:00.000Z",
  completedAt: null,
  durationMs: 60000,
  accuracy: 0.9123,
  precision: null,
  recall: null,
  f1: 0.9,
  trainingLoss: 0.2,
  validationLoss: 0.25,
  trainingSamples: 1000,
  validationSamples: 200,
  testSamples: null,
  featureSetVersion: "fv-2",
  notes: 'Tried "label smoothing", dropout 0.2,\r\nthen a second line\nand a third',
  liveAccuracy: 2 / 3,
  labelledPredictions: 3,
  hyperparameters: { optimizer: "adam", "layers,deep": [64, 32], early_stopping: true, missing: null },
};

describe("csvField", () => {
  it("leaves plain values bare and quotes commas, quotes, CR and LF, doubling quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField(" padded")).toBe('" padded"');
  });

  it("writes missing values as empty fields and numbers in full", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(csvField(false)).toBe("false");
  });

  it("ends every line with CRLF", () => {
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });
});

describe("run CSV", () => {
  it("has a header naming every column and the picked hyperparameters", () => {
    const header = readCsv(runsCsvHeader(["optimizer", "layers,deep"]))[0];
    expect(header).toEqual([
      "id", "model_type", "model_version", "started_at", "completed_at", "training_duration_ms", "accuracy", "precision", "recall",
      "f1_score", "training_loss", "validation_loss", "training_samples", "validation_samples", "test_samples", "feature_set_version",
      "live_accuracy", "labelled_predictions", "notes", "hp.optimizer", "hp.layers,deep",
    ]);
  });

  it("reads back exactly, notes with commas, quotes and line breaks included", () => {
    const keys = ["optimizer", "layers,deep", "early_stopping", "missing", "absent"];
    const [header, line] = readCsv(runsCsvHeader(keys) + runCsvLine(ROW, keys));
    const record = Object.fromEntries(header!.map((name, i) => [name, line![i]]));
    expect(line).toHaveLength(header!.length);
    expect(record.notes).toBe(ROW.notes);
    expect(record.completed_at).toBe("");
    expect(record.accuracy).toBe("0.9123");
    expect(record.live_accuracy).toBe(String(2 / 3));
    expect(record["hp.optimizer"]).toBe("adam");
    expect(record["hp.layers,deep"]).toBe("[64,32]");
    expect(record["hp.early_stopping"]).toBe("true");
    expect(record["hp.missing"]).toBe("");
    expect(record["hp.absent"]).toBe("");
  });
});
