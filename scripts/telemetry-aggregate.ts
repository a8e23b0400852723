import { openSqlite } from "@/lib/db/sqlite";
import { refreshDailyAggregates } from "@/lib/telemetry/refresh-aggregates";

// npm run telemetry:aggregate: recomputes daily_aggregates of DATABASE_URL for the days whose raw data changed.
const db = openSqlite();
try {
  const started = performance.now();
  const { recomputed, unchanged } = refreshDailyAggregates(db);
  const range = recomputed.length > 0 ? ` (${recomputed[0]} … ${recomputed.at(-1)})` : "";
  console.log(
    `Recomputed ${recomputed.length} day(s)${range}; ${unchanged} unchanged; ${Math.round(performance.now() - started)} ms.`,
  );
} finally {
  db.close();
}
