import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "@/lib/seed/seed";
import { TEST_ANCHOR, TEST_KEY } from "@/lib/seed/test-helpers";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { erase, ErasureTargetNotFoundError, erasureTargetHash } from "./erasure";
import { exportSubjectData } from "./access-export";

let temp: TempDatabase;
beforeAll(() => {
  temp = createTempDatabase();
  seedDatabase(temp.sqlite, { size: "small", seed: 3, anchor: TEST_ANCHOR, key: TEST_KEY });
});
afterAll(async () => {
  await temp.close();
});

type Row = Record<string, unknown>;
const all = (sql: string, ...params: unknown[]) => temp.sqlite.prepare(sql).all(...params) as Row[];
const count = (sql: string, ...params: unknown[]) => (temp.sqlite.prepare(sql).get(...params) as { n: number }).n;

/** Every (table, column, rowid) in the database whose text contains one of `needles`: tables from sqlite_master. */
function referencesTo(needles: string[]): string[] {
  const found: string[] = [];
  const tables = all("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").map((r) => r.name as string);
  for (const table of tables) {
    const columns = all(`SELECT name FROM pragma_table_info('${table}')`).map((r) => r.name as string);
    for (const column of columns) {
      for (const needle of needles) {
        const hits = count(`SELECT COUNT(*) AS n FROM "${table}" WHERE instr(CAST("${column}" AS TEXT), ?) > 0`, needle);
        if (hits > 0) found.push(`${table}.${column} ∋ ${needle}`);
      }
    }
  }
  return found;
}

/** A session with queries, and rows in every table derived from them. */
function richSession(): string {
  const row = temp.sqlite
    .prepare(
      `SELECT s.id FROM sessions s
        WHERE EXISTS (SELECT 1 FROM feedback f WHERE f.session_id = s.id)
          AND EXISTS (SELECT 1 FROM tool_usage t WHERE t.session_id = s.id)
          AND EXISTS (SELECT 1 FROM reasoning_traces r WHERE r.session_id = s.id)
          AND EXISTS (SELECT 1 FROM queries q JOIN feature_vectors v ON v.query_id = q.id WHERE q.session_id = s.id)
          AND EXISTS (SELECT 1 FROM queries q JOIN model_predictions p ON p.query_id = q.id WHERE q.session_id = s.id)
        ORDER BY s.id LIMIT 1`,
    )
    .get() as { id: string } | undefined;
  if (!row) throw new Error("the small seed has no session with every kind of derived row");
  return row.id;
}

describe("erase a session", () => {
  it("deletes every row derived from it, leaves no reference in any table, and records the counts", async () => {
    const sessionId = richSession();
    const queryIds = all("SELECT id FROM queries WHERE session_id = ?", sessionId).map((r) => r.id as string);
    const derivedIds = all(
      `SELECT id FROM feedback WHERE session_id = @s UNION ALL SELECT id FROM tool_usage WHERE session_id = @s
       UNION ALL SELECT id FROM reasoning_traces WHERE session_id = @s
       UNION ALL SELECT id FROM feature_vectors WHERE query_id IN (SELECT id FROM queries WHERE session_id = @s)
       UNION ALL SELECT id FROM model_predictions WHERE query_id IN (SELECT id FROM queries WHERE session_id = @s)`,
      { s: sessionId },
    ).map((r) => r.id as string);
    const expected = {
      sessions: 1,
      queries: queryIds.length,
      feedback: count("SELECT COUNT(*) AS n FROM feedback WHERE session_id = ?", sessionId),
      tool_usage: count("SELECT COUNT(*) AS n FROM tool_usage WHERE session_id = ?", sessionId),
      reasoning_traces: count("SELECT COUNT(*) AS n FROM reasoning_traces WHERE session_id = ?", sessionId),
    };
    // A redaction logged against one of its queries must go with it (v1 left these behind).
    temp.sqlite
      .prepare("INSERT INTO redaction_log (id, source_table, source_id, redaction_type, pattern_matched) VALUES ('rl-erase-1', 'queries', ?, 'pii', 'email')")
      .run(queryIds[0]);
    const otherSessions = count("SELECT COUNT(*) AS n FROM sessions") - 1;
    const redactions = count(
      "SELECT COUNT(*) AS n FROM redaction_log WHERE source_id IN (SELECT value FROM json_each(?))",
      JSON.stringify([sessionId, ...queryIds, ...derivedIds]),
    );
    expect(redactions).toBeGreaterThanOrEqual(1);

    const result = await erase(temp.prisma(), "session", sessionId, TEST_KEY);

    expect(referencesTo([sessionId, ...queryIds, ...derivedIds])).toEqual([]);
    expect(result.rowsDeleted).toMatchObject({ ...expected, redaction_log: redactions });
    expect(count("SELECT COUNT(*) AS n FROM sessions")).toBe(otherSessions);
    const request = all("SELECT * FROM deletion_requests WHERE id = ?", result.requestId)[0]!;
    expect(request.scope).toBe("session");
    expect(request.target_hash).toBe(erasureTargetHash("session", sessionId, TEST_KEY));
    expect(JSON.parse(request.rows_deleted as string)).toEqual(result.rowsDeleted);
    expect(request.total_rows).toBe(Object.values(result.rowsDeleted).reduce((a, b) => a + b, 0));
  });

  it("answers an unknown session with a clear error and writes nothing", async () => {
    const before = count("SELECT COUNT(*) AS n FROM deletion_requests");
    await expect(erase(temp.prisma(), "session", "no-such-session", TEST_KEY)).rejects.toThrow(ErasureTargetNotFoundError);
    expect(count("SELECT COUNT(*) AS n FROM deletion_requests")).toBe(before);
  });
});

describe("erase a subject", () => {
  it("deletes all of the subject's sessions, consent records and cluster references, and nothing of anyone else", async () => {
    const subjectId = (all("SELECT subject_id FROM sessions GROUP BY subject_id HAVING COUNT(*) >= 2 ORDER BY subject_id LIMIT 1")[0]!)
      .subject_id as string;
    const sessionIds = all("SELECT id FROM sessions WHERE subject_id = ?", subjectId).map((r) => r.id as string);
    const hashes = all(
      "SELECT DISTINCT query_hash AS h FROM queries WHERE session_id IN (SELECT id FROM sessions WHERE subject_id = ?)",
      subjectId,
    ).map((r) => r.h as string);
    // Make one of its hashes a cluster representative, so erasure has a reference to take out.
    temp.sqlite
      .prepare("INSERT INTO query_clusters (cluster_count, centroids, cluster_sizes, representative_hashes) VALUES (1, '[[0]]', '[1]', json_array(?, ?))")
      .run(hashes[0], "f".repeat(64));
    const othersBefore = count("SELECT COUNT(*) AS n FROM sessions WHERE subject_id <> ?", subjectId);

    const exported = await exportSubjectData(temp.prisma(), "subject", subjectId);
    expect(exported.sessions.map((s) => s.id).sort()).toEqual([...sessionIds].sort());

    const result = await erase(temp.prisma(), "subject", subjectId, TEST_KEY);

    const sharedHashes = hashes.filter((h) => count("SELECT COUNT(*) AS n FROM queries WHERE query_hash = ?", h) > 0);
    const ownHashes = hashes.filter((h) => !sharedHashes.includes(h));
    expect(referencesTo([subjectId, ...sessionIds, ...ownHashes])).toEqual([]);
    expect(result.rowsDeleted.sessions).toBe(sessionIds.length);
    expect(result.rowsDeleted.privacy_consent).toBeGreaterThanOrEqual(0);
    expect(count("SELECT COUNT(*) AS n FROM sessions WHERE subject_id <> ?", subjectId)).toBe(othersBefore);
    expect(count("SELECT COUNT(*) AS n FROM query_clusters WHERE instr(representative_hashes, ?) > 0", "f".repeat(64))).toBe(1);
  });
});
