import { actualValueSchema, predictionIdSchema } from "./ground-truth-schema";

/**
 * Parses a ground-truth upload: a header `prediction_id,actual_value`, then one prediction per line. Fields may
 * be quoted ("a, b" and "say ""hi"""), blank lines are skipped, line numbers count every physical line from the
 * header as line 1. Every problem is reported with its line; the caller writes nothing unless there is none.
 */
export const CSV_HEADER = "prediction_id,actual_value";
// Below the 1 MB body limit of a server action, so the action itself can answer a file that is too large.
export const MAX_CSV_BYTES = 512_000;
export const MAX_CSV_ROWS = 10_000;

export type CsvLabel = { line: number; predictionId: string; actualValue: string };
export type CsvLineError = { line: number | null; message: string };
export type CsvParse = { ok: true; labels: CsvLabel[] } | { ok: false; errors: CsvLineError[] };

/** The fields of one CSV line, or null when its quotes do not close or stray text follows a closing quote. */
export function csvFields(line: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        if (i >= line.length) return null;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += line[i++];
      }
      fields.push(value);
      if (i === line.length) return fields;
      if (line[i] !== ",") return null;
      i++;
    } else {
      const comma = line.indexOf(",", i);
      const end = comma === -1 ? line.length : comma;
      const value = line.slice(i, end);
      if (value.includes('"')) return null;
      fields.push(value);
      if (comma === -1) return fields;
      i = comma + 1;
    }
  }
}

export function parseGroundTruthCsv(text: string, byteLength: number = Buffer.byteLength(text)): CsvParse {
  if (byteLength > MAX_CSV_BYTES) {
    return { ok: false, errors: [{ line: null, message: `The file is too large: ${byteLength.toLocaleString("en-US")} bytes, at most ${MAX_CSV_BYTES.toLocaleString("en-US")}. Split it into several uploads.` }] };
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines.every((line) => line.trim() === "")) return { ok: false, errors: [{ line: null, message: "The file is empty: it needs the header line prediction_id,actual_value and one line per prediction." }] };
  const header = lines[0]!.trim().toLowerCase().replace(/\s*,\s*/g, ",");
  if (header !== CSV_HEADER) {
    return { ok: false, errors: [{ line: 1, message: `The first line must be the header "${CSV_HEADER}", found "${lines[0]!.slice(0, 80)}".` }] };
  }
  const errors: CsvLineError[] = [];
  const labels: CsvLabel[] = [];
  const firstLineOf = new Map<string, number>();
  for (let index = 1; index < lines.length; index++) {
    const line = index + 1;
    const raw = lines[index]!;
    if (raw.trim() === "") continue;
    const fields = csvFields(raw);
    if (fields === null || fields.length !== 2) {
      errors.push({ line, message: fields === null ? "Unbalanced or misplaced quotes." : `Expected 2 values (prediction_id,actual_value), found ${fields.length}.` });
      continue;
    }
    const id = predictionIdSchema.safeParse(fields[0]);
    const value = actualValueSchema.safeParse(fields[1]);
    if (!id.success) errors.push({ line, message: id.error.issues[0]!.message });
    if (!value.success) errors.push({ line, message: value.error.issues[0]!.message });
    if (!id.success || !value.success) continue;
    const earlier = firstLineOf.get(id.data);
    if (earlier !== undefined) {
      errors.push({ line, message: `Prediction ${id.data} appears twice: also on line ${earlier}.` });
      continue;
    }
    firstLineOf.set(id.data, line);
    labels.push({ line, predictionId: id.data, actualValue: value.data });
  }
  if (errors.length === 0 && labels.length === 0) return { ok: false, errors: [{ line: null, message: "The file has a header but no predictions to label." }] };
  if (errors.length === 0 && labels.length > MAX_CSV_ROWS) {
    return { ok: false, errors: [{ line: null, message: `The file is too large: ${labels.length.toLocaleString("en-US")} predictions, at most ${MAX_CSV_ROWS.toLocaleString("en-US")} per upload.` }] };
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, labels };
}
