import "server-only";
import { db } from "@/lib/db";
import type { Queryable } from "@/lib/db/queryable";
import type { RunsView } from "./run-search-params";
import { runCsvLine, runsCsvHeader } from "./runs-csv";
import { liveAccuracyByRun, selectRunsSql, toRunListRow, type RawRunRow, type RunListRow } from "./runs-query";
import { afterCursorSql, loadVersionCores, sortPlan, whereClause, whereSql } from "./runs-sql";

export const EXPORT_CHUNK_SIZE = 2_000;

/** A sort key read back from SQLite, as a parameter for the next chunk's cursor. */
const cursorValue = (value: unknown) => (typeof value === "bigint" ? Number(value) : value);

/**
 * Every run of a view, in the view's order, in chunks: keyset pagination on the sort's keys (ending in the id),
 * so each chunk is one indexed or top-N query whatever its position, memory stays at one chunk, and no run is
 * read twice or skipped. The view's page and page size play no part.
 */
export async function* runsForExport(view: RunsView, client: Queryable = db, chunkSize = EXPORT_CHUNK_SIZE): AsyncGenerator<RunListRow[]> {
  const cores = await loadVersionCores(client, view.filter);
  const where = whereSql(view.filter, view.q, cores);
  const plan = sortPlan(view.sort);
  let cursor: unknown[] | null = null;
  for (;;) {
    const condition = whereClause(where, cursor ? afterCursorSql(plan.keys, cursor) : null);
    const raws: RawRunRow[] = await client.$queryRaw<RawRunRow[]>`${selectRunsSql(plan, view.hp, condition, true)} LIMIT ${chunkSize}`;
    if (raws.length === 0) return;
    const live = await liveAccuracyByRun(client, raws.map((row) => row.id));
    yield raws.map((row) => toRunListRow(row, view.hp, live.get(row.id)));
    if (raws.length < chunkSize) return;
    const last = raws[raws.length - 1]!;
    cursor = plan.keys.map((_, index) => cursorValue(last[`k${index}`]));
  }
}

/** The view's runs as a CSV byte stream, read chunk by chunk as the client consumes it. */
export function runsCsvStream(view: RunsView, client: Queryable = db, chunkSize = EXPORT_CHUNK_SIZE): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunks = runsForExport(view, client, chunkSize);
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(runsCsvHeader(view.hp)));
        return;
      }
      const next = await chunks.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((row) => runCsvLine(row, view.hp)).join("")));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
