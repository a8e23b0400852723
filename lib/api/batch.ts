import { z } from "zod";

/** The most items one batch request may carry. */
export const MAX_BATCH_ITEMS = 10_000;
/** How many items' errors a refused batch lists; the total count is always given. */
export const MAX_LISTED_ITEM_ERRORS = 100;

export type FieldErrors = Record<string, string[]>;
export type ItemError = { index: number; fieldErrors: FieldErrors };

/** Why a batch was refused: the status, a message, and the errors of each bad item (by index in `items`). */
export type BatchRefusal = { ok: false; status: 400 | 403 | 404 | 409 | 413; message: string; items: ItemError[]; itemErrorCount: number };

export type BatchParse<T> = { ok: true; items: T[] } | BatchRefusal;

/** Each item's errors, collected in index order: validation first, then referential checks in bulk. */
export class ItemErrors {
  private readonly byIndex = new Map<number, FieldErrors>();

  add(index: number, field: string, message: string): void {
    let fields = this.byIndex.get(index);
    if (!fields) this.byIndex.set(index, (fields = {}));
    (fields[field] ??= []).push(message);
  }

  addIssues(index: number, issues: readonly z.core.$ZodIssue[]): void {
    for (const issue of issues) this.add(index, issue.path.length > 0 ? issue.path.join(".") : "item", issue.message);
  }

  get size(): number {
    return this.byIndex.size;
  }

  /** The refusal naming every bad item (at most MAX_LISTED_ITEM_ERRORS listed), or null when there are none. */
  refusal(status: BatchRefusal["status"] = 400, reason = "invalid"): BatchRefusal | null {
    if (this.byIndex.size === 0) return null;
    const indexes = [...this.byIndex.keys()].sort((a, b) => a - b);
    const count = indexes.length;
    const listed = indexes.slice(0, MAX_LISTED_ITEM_ERRORS).map((index) => ({ index, fieldErrors: this.byIndex.get(index)! }));
    const first = listed[0]!;
    const more = count > listed.length ? ` (the first ${listed.length} are listed)` : "";
    const message =
      count === 1
        ? `Item ${first.index} is ${reason}: ${Object.values(first.fieldErrors)[0]![0]} Nothing was written.`
        : `${count.toLocaleString("en-US")} items are ${reason}${more}, the first is item ${first.index}. Nothing was written.`;
    return { ok: false, status, message, items: listed, itemErrorCount: count };
  }
}

const envelope = z.object({ items: z.array(z.unknown()) }, { error: 'The body must be a JSON object { "items": [ … ] }.' });

/**
 * Validates a batch body `{ items: [...] }` against the item schema, every item before any is written: either
 * all items parsed, or a refusal listing the bad ones by index. More than MAX_BATCH_ITEMS items is refused with
 * 413 without looking at them.
 */
export function parseBatch<Schema extends z.ZodType>(body: unknown, itemSchema: Schema): BatchParse<z.output<Schema>> {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "The body is not a batch.";
    return { ok: false, status: 400, message: `${message} Nothing was written.`, items: [], itemErrorCount: 0 };
  }
  const raw = parsed.data.items;
  if (raw.length > MAX_BATCH_ITEMS) {
    return {
      ok: false,
      status: 413,
      message: `A batch holds at most ${MAX_BATCH_ITEMS.toLocaleString("en-US")} items; this one has ${raw.length.toLocaleString("en-US")}. Split it; nothing was written.`,
      items: [],
      itemErrorCount: 0,
    };
  }
  if (raw.length === 0) return { ok: false, status: 400, message: "The batch has no items; nothing was written.", items: [], itemErrorCount: 0 };
  const errors = new ItemErrors();
  const items: z.output<Schema>[] = new Array(raw.length);
  for (let index = 0; index < raw.length; index++) {
    const result = itemSchema.safeParse(raw[index]);
    if (result.success) items[index] = result.data;
    else errors.addIssues(index, result.error.issues);
  }
  return errors.refusal() ?? { ok: true, items };
}

/** The JSON body of a refused batch: `{ error, items: [{ index, fieldErrors }], itemErrorCount }`. */
export function batchRefusalBody(refusal: BatchRefusal) {
  return { error: refusal.message, items: refusal.items, itemErrorCount: refusal.itemErrorCount };
}

/** The distinct values of `key` across items, for one bulk existence check. */
export function distinct<T>(items: readonly T[], key: (item: T) => string | null | undefined): string[] {
  const values = new Set<string>();
  for (const item of items) {
    const value = key(item);
    if (value !== null && value !== undefined) values.add(value);
  }
  return [...values];
}
