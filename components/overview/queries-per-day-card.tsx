import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatCount, formatLongDay } from "@/lib/format";
import { dailyQueryCounts } from "@/lib/overview/query-volume";
import styles from "./overview.module.css";
import { QueriesPerDayChart } from "./queries-per-day-chart";

const DAYS = 30;

export async function QueriesPerDayCard({ now }: { now: Date }) {
  const days = await dailyQueryCounts(now, DAYS);
  const total = days.reduce((sum, day) => sum + day.count, 0);
  const busiest = days.reduce((best, day) => (day.count > best.count ? day : best), days[0]!);
  return (
    <Card
      title="Queries per day"
      description={
        <>
          <span className="num" data-testid="queries-30d-total">
            {formatCount(total)}
          </span>{" "}
          queries in the last {DAYS} days (UTC)
          {total > 0 && (
            <>
              , busiest {formatLongDay(busiest.date)} with <span className="num">{formatCount(busiest.count)}</span>
            </>
          )}
        </>
      }
      action={<Link href="/telemetry">Telemetry</Link>}
      className={styles.wide}
    >
      {total === 0 ? (
        <p className={styles.muted}>No queries in the last {DAYS} days.</p>
      ) : (
        <div className={styles.chart} data-testid="queries-per-day-chart">
          <QueriesPerDayChart data={days} />
        </div>
      )}
    </Card>
  );
}
