import { RatesOverTimeChart } from "@/components/ab-tests/rates-over-time-chart";
import { Card } from "@/components/ui/card";
import { abTestDays } from "@/lib/ab-tests/ab-test-detail";
import type { AbTestRecord } from "@/lib/ab-tests/ab-test-row";
import { cumulativeRates, rateDomain } from "@/lib/ab-tests/detail-view";
import { formatDay } from "@/lib/format";
import styles from "../ab-tests.module.css";

/** The variants' cumulative success rates by day, from the labelled predictions in the test window. */
export async function RatesOverTimeCard({ test }: { test: AbTestRecord }) {
  const days = cumulativeRates(await abTestDays(test));
  const values = days.flatMap((day) => [day.a, day.b]).filter((value): value is number => value !== null);
  return (
    <Card title="Rates over time" description="Cumulative success rate per variant by UTC day, from labelled predictions in the test window." data-testid="rates-over-time">
      {days.length === 0 ? (
        <p className={styles.chartEmpty} data-testid="rates-over-time-empty">
          No labelled predictions of {test.a.modelVersion} or {test.b.modelVersion} in the test window yet.
        </p>
      ) : (
        <RatesOverTimeChart points={days.map((day) => ({ ...day, label: formatDay(day.day) }))} domain={rateDomain(values)} />
      )}
    </Card>
  );
}
