import type { z } from "zod";

/** A parsed form: the typed data, or each field's messages and a summary. */
export type FormParse<Data, Field extends string> =
  | { ok: true; data: Data }
  | { ok: false; fieldErrors: Partial<Record<Field, string[]>>; message: string };

type Source = FormData | Record<string, unknown>;

const read = (source: Source, field: string): unknown => (source instanceof FormData ? source.get(field) : source[field]);

export function invalidFieldsMessage(count: number): string {
  return count === 1 ? "One field needs attention; nothing was saved." : `${count} fields need attention; nothing was saved.`;
}

/** Parses the named fields of a submitted form (or a JSON body) with `schema`, collecting every field's messages. */
export function parseForm<Data, Field extends string>(schema: z.ZodType<Data, unknown>, fields: readonly Field[], source: Source): FormParse<Data, Field> {
  const input = Object.fromEntries(fields.map((field) => [field, read(source, field)]));
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Partial<Record<Field, string[]>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as Field;
    (fieldErrors[field] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors, message: invalidFieldsMessage(Object.keys(fieldErrors).length) };
}

/** What the user typed, field by field, so a refused form comes back as they left it. */
export function formValues<Field extends string>(fields: readonly Field[], source: Source): Record<Field, string> {
  return Object.fromEntries(
    fields.map((field) => {
      const value = read(source, field);
      return [field, typeof value === "string" ? value : value === null || value === undefined ? "" : String(value)];
    }),
  ) as Record<Field, string>;
}
