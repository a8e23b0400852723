import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { createTempDatabase, type TempDatabase } from "@/lib/test-support/temp-db";
import { insertAbTest, insertPrediction, insertQuery, insertRun } from "@/lib/test-support/rows";
import { closeAbTest } from "./close-ab-test";
import { createAbTest } from "./create-ab-test";
import { refreshAbTest } from "./refresh-ab-test";
import { parseCloseAbTest, parseCreateAbTest, type CloseAbTestInput } from "./schema";

const NOW = "2026-02-01T00:00:00.000Z";
const opened: TempDatabase[] = [];
afterAll(async () => {
  for (const temp of opened) await temp.close();
});

let temp: TempDatabase;
let runA: string;
let runB: string;
beforeEach(() => {
  temp = createTempDatabase();
  opened.push(temp);
  runA = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.0.0" });
  runB = insertRun(temp.sqlite, { model_type: "classifier", model_version: "1.1.0" });
});

const row = (id: string) => temp.sqlite.prepare("SELECT * FROM ab_test_results WHERE id = ?").get(id) as Record<string, unknown>;
const count = (sql: string, ...args: unknown[]) => temp.sqlite.prepare(sql).pluck().get(...args) as number;

/** A running test with the given counts (successes of samples) per variant. */
function runningTest(a: [number, number], b: [number, number]): string {
  const id = insertAbTest(temp.sqlite, { status: "running", run_a: runA, run_b: runB, started_at: "2026-01-01T00:00:00.000Z" });
  temp.sqlite
    .prepare("UPDATE ab_test_results SET variant_a_successes = ?, variant_a_samples = ?, variant_b_successes = ?, variant_b_samples = ? WHERE id = ?")
    .run(a[0], a[1], b[0], b[1], id);
  return id;
}

function closeInput(fields: Record<string, string>): CloseAbTestInput {
  const parsed = parseCloseAbTest({ winner: "B", decidedBy: "mira.k", reason: "B is better on live traffic.", ...fields });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.data;
}

// 800/1,000 vs 850/1,000: unpooled z = 0.05 / √(0.16/1000 + 0.1275/1000) ≈ 2.948, p ≈ 0.0032; SRM χ² = 0.
const SIGNIFICANT: [[number, number], [number, number]] = [[800, 1_000], [850, 1_000]];
// 800/1,000 vs 805/1,000: z ≈ 0.28, p ≈ 0.78.
const INCONCLUSIVE: [[number, number], [number, number]] = [[800, 1_000], [805, 1_000]];

describe("createAbTest", () => {
  it("creates a running test between two versions of one model, counting the labelled predictions already in its window", async () => {
    for (const [run, correct] of [[runA, 1], [runA, 0], [runA, null], [runB, 1], [runB, 1]] as const) {
      insertPrediction(temp.sqlite, { run_id: run, query_id: insertQuery(temp.sqlite, { timestamp: "2026-01-02T00:00:00.000Z" }), is_correct: correct });
    }
    const parsed = parseCreateAbTest({ name: "classifier 1.1.0 vs 1.0.0", variantARunId: runA, variantBRunId: runB, trafficSplit: "30", startedAt: "2026-01-01 00:00", notes: "" });
    expect(parsed.ok).toBe(true);
    const result = await createAbTest(parsed.ok ? parsed.data : (null as never), temp.prisma(), NOW);
    expect(result.ok).toBe(true);
    const created = row(result.ok ? result.id : "");
    expect(created).toMatchObject({
      status: "running", traffic_split: 0.3, variant_a_model: "1.0.0", variant_b_model: "1.1.0",
      variant_a_samples: 2, variant_a_successes: 1, variant_b_samples: 2, variant_b_successes: 2, started_at: "2026-01-01T00:00:00.000Z",
    });
  });

  it("scrubs personal data from the name and hypothesis and logs the categories", async () => {
    const parsed = parseCreateAbTest({ name: "ask jane@example.com", variantARunId: runA, variantBRunId: runB, trafficSplit: "50", notes: "call +1 415 555 0100" });
    const result = await createAbTest(parsed.ok ? parsed.data : (null as never), temp.prisma(), NOW);
    const created = row(result.ok ? result.id : "");
    expect(created.test_name).toBe("ask [EMAIL]");
    expect(String(created.notes)).not.toContain("555");
    expect(count("SELECT COUNT(*) FROM redaction_log WHERE source_table = 'ab_test_results' AND source_id = ?", created.id)).toBe(2);
  });

  it("refuses versions of two different models, and unknown runs, writing nothing", async () => {
    const routing = insertRun(temp.sqlite, { model_type: "routing", model_version: "1.0.0" });
    const mixed = parseCreateAbTest({ name: "mixed", variantARunId: runA, variantBRunId: routing, trafficSplit: "50" });
    const refused = await createAbTest(mixed.ok ? mixed.data : (null as never), temp.prisma(), NOW);
    expect(refused).toMatchObject({ ok: false, fieldErrors: { variantBRunId: [expect.stringContaining("classifier")] } });
    const unknown = parseCreateAbTest({ name: "ghost", variantARunId: "no-such-run", variantBRunId: runB, trafficSplit: "50" });
    expect(await createAbTest(unknown.ok ? unknown.data : (null as never), temp.prisma(), NOW)).toMatchObject({ ok: false, fieldErrors: { variantARunId: expect.any(Array) } });
    expect(count("SELECT COUNT(*) FROM ab_test_results")).toBe(0);
  });

  it("refuses bad input field by field: no name, the same version twice, a split outside 1-99%, a future start", () => {
    const parsed = parseCreateAbTest({ name: " ", variantARunId: runA, variantBRunId: runA, trafficSplit: "100", startedAt: "2999-01-01 00:00" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.fieldErrors).sort()).toEqual(["name", "startedAt", "trafficSplit", "variantBRunId"]);
  });
});

describe("refreshAbTest", () => {
  it("recounts samples and successes from labelled predictions in the window, leaving unlabelled and earlier ones out", async () => {
    const id = runningTest([0, 0], [0, 0]);
    temp.sqlite.prepare("UPDATE ab_test_results SET started_at = '2026-01-01T12:00:00.000Z' WHERE id = ?").run(id);
    const query = () => insertQuery(temp.sqlite, { timestamp: "2026-01-02T00:00:00.000Z" });
    insertPrediction(temp.sqlite, { run_id: runA, query_id: query(), is_correct: 1 });
    insertPrediction(temp.sqlite, { run_id: runA, query_id: query(), is_correct: null });
    insertPrediction(temp.sqlite, { run_id: runB, query_id: query(), is_correct: 0 });
    const before = insertPrediction(temp.sqlite, { run_id: runB, query_id: query(), is_correct: 1 });
    temp.sqlite.prepare("UPDATE model_predictions SET predicted_at = '2026-01-01T06:00:00.000Z', labeled_at = '2026-01-01T07:00:00.000Z' WHERE id = ?").run(before);
    expect(await refreshAbTest(id, temp.prisma(), NOW)).toEqual({ ok: true, samples: { a: 1, b: 1 } });
    expect(row(id)).toMatchObject({ variant_a_samples: 1, variant_a_successes: 1, variant_b_samples: 1, variant_b_successes: 0, variant_a_success_rate: 1, variant_b_success_rate: 0 });
  });

  it("refuses a closed test and an unknown id", async () => {
    const closed = insertAbTest(temp.sqlite, { status: "closed", run_a: runA, run_b: runB, variant_a_samples: 7 });
    expect(await refreshAbTest(closed, temp.prisma(), NOW)).toMatchObject({ ok: false, reason: "closed" });
    expect(row(closed).variant_a_samples).toBe(7);
    expect(await refreshAbTest("nope", temp.prisma(), NOW)).toMatchObject({ ok: false, reason: "not_found" });
  });
});

describe("closeAbTest", () => {
  it("closes a significant test and records winner, who, when, why and p with confidence = 1 − p", async () => {
    const id = runningTest(...SIGNIFICANT);
    const result = await closeAbTest(id, closeInput({}), temp.prisma(), NOW);
    expect(result).toMatchObject({ ok: true, winner: "B" });
    const closed = row(id);
    // Unpooled: SE = √(0.8·0.2/1000 + 0.85·0.15/1000) = √0.0002875; z = 0.05/SE = 2.94884; p = erfc(z/√2) ≈ 0.0031898.
    expect(closed.statistical_significance as number).toBeCloseTo(0.0031898, 6);
    expect(closed.confidence as number).toBeCloseTo(1 - (closed.statistical_significance as number), 12);
    expect(closed).toMatchObject({ status: "closed", winner: "B", decided_by: "mira.k", decided_at: NOW, ended_at: NOW, decision_reason: "B is better on live traffic." });
  });

  it("refuses an inconclusive test without the override, and closes it with override and reason", async () => {
    const id = runningTest(...INCONCLUSIVE);
    const refused = await closeAbTest(id, closeInput({ winner: "tie" }), temp.prisma(), NOW);
    expect(refused).toMatchObject({ ok: false, reason: "guardrails", fieldErrors: { override: expect.any(Array) } });
    expect(refused.ok || refused.guardrails?.map((g) => g.kind)).toEqual(["not_significant", "underpowered"]);
    expect(row(id).status).toBe("running");
    const result = await closeAbTest(id, closeInput({ winner: "tie", override: "on", overrideReason: "Cost of running longer outweighs a 0.5 pp gain." }), temp.prisma(), NOW);
    expect(result.ok).toBe(true);
    expect(row(id).decision_reason).toBe("B is better on live traffic.\n\nDecided despite: not significant, underpowered. Why: Cost of running longer outweighs a 0.5 pp gain.");
  });

  it("refuses a sample-ratio mismatch even when significant: 850/1,000 vs 1,000/1,300 at a planned 50/50", async () => {
    const id = runningTest([700, 1_000], [1_000, 1_300]);
    const refused = await closeAbTest(id, closeInput({}), temp.prisma(), NOW);
    expect(refused.ok || refused.guardrails?.map((g) => g.kind)).toEqual(["srm"]);
  });

  it("refuses a second close, saying who closed it and when, and changes nothing", async () => {
    const id = runningTest(...SIGNIFICANT);
    await closeAbTest(id, closeInput({}), temp.prisma(), NOW);
    const again = await closeAbTest(id, closeInput({ winner: "A", decidedBy: "devon.p" }), temp.prisma(), "2026-02-02T00:00:00.000Z");
    expect(again).toMatchObject({ ok: false, reason: "already_closed" });
    expect(again.ok || again.message).toContain("already closed by mira.k on 2026-02-01 00:00 UTC");
    expect(row(id)).toMatchObject({ winner: "B", decided_by: "mira.k" });
  });

  it("leaves exactly one decision when two connections close the same test at once", async () => {
    const id = runningTest(...SIGNIFICANT);
    const other = createPrismaClient(temp.url);
    try {
      const results = await Promise.all([
        closeAbTest(id, closeInput({ decidedBy: "first" }), temp.prisma(), NOW),
        closeAbTest(id, closeInput({ decidedBy: "second", winner: "tie" }), other, NOW),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok && result.reason === "already_closed")).toHaveLength(1);
      const winner = results[0]!.ok ? "first" : "second";
      expect(row(id).decided_by).toBe(winner);
    } finally {
      await other.$disconnect();
    }
  });

  it("scrubs the decider's name and the reason", async () => {
    const id = runningTest(...SIGNIFICANT);
    await closeAbTest(id, closeInput({ decidedBy: "jane@example.com", reason: "see 4111 1111 1111 1111" }), temp.prisma(), NOW);
    expect(row(id)).toMatchObject({ decided_by: "[EMAIL]", decision_reason: "see [CREDIT_CARD]" });
  });

  it("parses the form strictly: an unknown variant, no reason, and an override without its reason", () => {
    const parsed = parseCloseAbTest({ winner: "C", decidedBy: "mira", reason: "", override: "on", overrideReason: "" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.fieldErrors).sort()).toEqual(["overrideReason", "reason", "winner"]);
    expect(parsed.fieldErrors.winner![0]).toContain("not a variant");
  });
});
