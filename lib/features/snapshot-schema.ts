/**
 * What saving a training-data snapshot accepts: the export's own filters (export-params.ts) plus a name and
 * notes. Shared by the save form on /features, its server action and the tests.
 */
import { z } from "zod";
import { exportParamsSchema } from "./export-params";

export const SNAPSHOT_FIELDS = ["name", "notes", "format", "days", "model", "featureVersion", "labelled"] as const;
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

export const SNAPSHOT_LABELS: Record<SnapshotField, string> = {
  name: "Snapshot name",
  notes: "Notes",
  format: "Format",
  days: "Last days",
  model: "Embedding model",
  featureVersion: "Feature version",
  labelled: "Labelled only",
};

export const SNAPSHOT_LIMITS = { name: 200, notes: 5_000 } as const;

export const saveSnapshotSchema = exportParamsSchema.extend({
  name: z
    .string({ error: "Name the snapshot, such as “classifier 2.4 training set”." })
    .trim()
    .min(1, "Name the snapshot, such as “classifier 2.4 training set”.")
    .max(SNAPSHOT_LIMITS.name, `The name must be at most ${SNAPSHOT_LIMITS.name} characters.`),
  notes: z
    .string()
    .trim()
    .max(SNAPSHOT_LIMITS.notes, `Notes must be at most ${SNAPSHOT_LIMITS.notes.toLocaleString("en-US")} characters.`)
    .optional()
    .transform((value) => (value ? value : null)),
});

export type SaveSnapshotInput = z.output<typeof saveSnapshotSchema>;
export type SnapshotFieldErrors = Partial<Record<SnapshotField, string[]>>;
export type SnapshotValues = Record<SnapshotField, string>;

/** The save form's state: refused (with what was typed) or saved (with a link to the snapshot). */
export type SaveSnapshotState =
  | { ok: false; message: string; fieldErrors: SnapshotFieldErrors; values: SnapshotValues }
  | { ok: true; message: string; id: string; contentSha256: string; rowCount: number }
  | null;

export type SaveSnapshotParse = { ok: true; data: SaveSnapshotInput } | { ok: false; message: string; fieldErrors: SnapshotFieldErrors };

type Source = FormData | Record<string, unknown>;
const read = (source: Source, field: SnapshotField): unknown => (source instanceof FormData ? source.get(field) : source[field]);

export function snapshotValues(source: Source): SnapshotValues {
  return Object.fromEntries(SNAPSHOT_FIELDS.map((field) => [field, typeof read(source, field) === "string" ? read(source, field) : ""])) as SnapshotValues;
}

/** Parses the save form (blank means "no filter", as on the export form) into a snapshot to save. */
export function parseSaveSnapshot(source: Source): SaveSnapshotParse {
  const input: Record<string, unknown> = {};
  for (const field of SNAPSHOT_FIELDS) {
    const value = read(source, field);
    if (value === null || value === undefined) continue;
    if (typeof value === "string" && value.trim() === "" && field !== "name") continue;
    input[field] = typeof value === "boolean" ? String(value) : value;
  }
  const result = saveSnapshotSchema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: SnapshotFieldErrors = {};
  for (const issue of result.error.issues) {
    const field = (issue.path[0] ?? "name") as SnapshotField;
    (fieldErrors[field] ??= []).push(issue.message);
  }
  const count = Object.keys(fieldErrors).length;
  return { ok: false, fieldErrors, message: count === 1 ? "One field needs attention; no snapshot was saved." : `${count} fields need attention; no snapshot was saved.` };
}
