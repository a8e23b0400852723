import "server-only";
import type Database from "better-sqlite3";
import { openSqlite } from "@/lib/db/sqlite";
import { EXPORT_CONTENT_TYPES, trainingDataStream } from "./export-stream";
import { hashStream } from "./snapshot-content";
import type { Snapshot } from "./snapshots";

/**
 * A connection of its own for one snapshot measurement: it holds a read transaction across the awaits of a
 * stream, which the shared bulk connection (used by other requests meanwhile) cannot.
 */
export async function withSnapshotConnection<T>(work: (sqlite: Database.Database) => Promise<T>, open: () => Database.Database = () => openSqlite()): Promise<T> {
  const sqlite = open();
  try {
    return await work(sqlite);
  } finally {
    sqlite.close();
  }
}

/** "classifier-2-4-training-set", for the download's file name. */
export function snapshotFileName(snapshot: Pick<Snapshot, "name" | "format">): string {
  const slug = snapshot.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
  return `${slug || "snapshot"}.${snapshot.format}`;
}

/**
 * A snapshot's re-export as an HTTP response. Inside one read transaction of a fresh connection the content is
 * hashed once (so the headers can say whether it matches the snapshot before the body starts) and then streamed
 * from the same database state, so the body is exactly the bytes that were hashed; memory stays at one batch.
 * Headers: X-Content-SHA256 (this body's hash), X-Snapshot-SHA256 (the saved hash) and X-Snapshot-Unchanged.
 */
export async function snapshotDownloadResponse(snapshot: Snapshot, open: () => Database.Database = () => openSqlite()): Promise<Response> {
  const sqlite = open();
  const end = () => {
    if (sqlite.open) {
      if (sqlite.inTransaction) sqlite.exec("COMMIT");
      sqlite.close();
    }
  };
  let sha256: string;
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    sqlite.exec("BEGIN");
    sha256 = (await hashStream(trainingDataStream(sqlite, snapshot.format, snapshot.filters))).sha256;
    reader = trainingDataStream(sqlite, snapshot.format, snapshot.filters).getReader();
  } catch (error) {
    end();
    throw error;
  }
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          end();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        end();
        controller.error(error);
      }
    },
    async cancel(reason) {
      await reader.cancel(reason);
      end();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[snapshot.format],
      "Content-Disposition": `attachment; filename="${snapshotFileName(snapshot)}"`,
      "Cache-Control": "no-store",
      "X-Content-SHA256": sha256,
      "X-Snapshot-SHA256": snapshot.contentSha256,
      "X-Snapshot-Unchanged": String(sha256 === snapshot.contentSha256),
    },
  });
}
