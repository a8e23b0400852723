"use server";

import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/auth/guard";
import { parseGroundTruthCsv, MAX_CSV_BYTES, type CsvLineError } from "@/lib/predictions/ground-truth-csv";
import { recordGroundTruth, uploadGroundTruth } from "@/lib/predictions/ground-truth";
import { parseRecordGroundTruth, type GroundTruthFormState } from "@/lib/predictions/ground-truth-schema";

function revalidatePredictions() {
  revalidatePath("/predictions", "layout");
  revalidatePath("/runs", "layout");
  revalidatePath("/");
}

/** Records the actual value typed on a prediction's row; is_correct is computed by the server. */
export async function recordGroundTruthAction(_previous: GroundTruthFormState | null, formData: FormData): Promise<GroundTruthFormState> {
  const actualValue = String(formData.get("actualValue") ?? "");
  const access = await authorize("editor");
  if (!access.ok) return { ok: false, message: access.message, fieldErrors: {}, actualValue };
  const parsed = parseRecordGroundTruth({ predictionId: formData.get("predictionId") ?? undefined, actualValue: formData.get("actualValue") ?? undefined });
  if (!parsed.ok) return { ok: false, message: parsed.message, fieldErrors: parsed.fieldErrors, actualValue };
  const result = await recordGroundTruth(parsed.data);
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors, actualValue };
  revalidatePredictions();
  const redacted = result.redacted.length > 0 ? ` Personal data was removed first (${result.redacted.join(", ")}).` : "";
  return {
    ok: true,
    message: `${result.relabelled ? "Relabelled" : "Recorded"}: the prediction is ${result.correct ? "correct" : "wrong"}.${redacted}`,
    fieldErrors: {},
    actualValue: "",
  };
}

export type CsvUploadState = { ok: boolean; message: string; errors: CsvLineError[] };

const MAX_LISTED_ERRORS = 50;

function refused(message: string, errors: CsvLineError[]): CsvUploadState {
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  const more = errors.length - listed.length;
  return { ok: false, message: more > 0 ? `${message} The first ${MAX_LISTED_ERRORS} of ${errors.length} problems:` : message, errors: listed };
}

/** Records the actual values of a CSV file, all or nothing, naming every bad line. */
export async function uploadGroundTruthAction(_previous: CsvUploadState | null, formData: FormData): Promise<CsvUploadState> {
  const access = await authorize("editor");
  if (!access.ok) return { ok: false, message: access.message, errors: [] };
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return { ok: false, message: "Choose a CSV file with the header prediction_id,actual_value.", errors: [] };
  }
  if (file.size > MAX_CSV_BYTES) {
    return refused("Nothing was recorded.", [{ line: null, message: `The file is too large: ${file.size.toLocaleString("en-US")} bytes, at most ${MAX_CSV_BYTES.toLocaleString("en-US")}. Split it into several uploads.` }]);
  }
  const parsed = parseGroundTruthCsv(await file.text(), file.size);
  if (!parsed.ok) return refused("Nothing was recorded: fix the lines below and upload the file again.", parsed.errors);
  const result = await uploadGroundTruth(parsed.labels);
  if (!result.ok) return refused(result.message, result.errors);
  revalidatePredictions();
  const relabelled = result.relabelled > 0 ? `, ${result.relabelled} of them relabelled` : "";
  const redacted = result.redacted.length > 0 ? ` Personal data was removed first (${result.redacted.join(", ")}).` : "";
  return {
    ok: true,
    message: `Recorded ${result.labelled} actual value${result.labelled === 1 ? "" : "s"}${relabelled}: ${result.correct} correct, ${result.labelled - result.correct} wrong.${redacted}`,
    errors: [],
  };
}
