import { Card } from "@/components/ui/card";
import type { PowerProgress } from "@/lib/ab-tests/guardrails";
import { MDE_POINTS_RANGE } from "@/lib/ab-tests/schema";
import { formatCount, formatPercent } from "@/lib/format";
import styles from "../ab-tests.module.css";

/**
 * Progress toward the sample size needed to detect a chosen effect with 80% power at α = 0.05; the effect is
 * chosen in the URL (?mde=), so the view can be shared, and the close form uses the same one.
 */
export function PowerCard({ testId, power, closed }: { testId: string; power: PowerProgress; closed: boolean }) {
  return (
    <Card title="Sample size" description="Fixed-horizon plan: two-sided z-test, α = 0.05, 80% power, per variant." data-testid="power">
      {power.requiredPerVariant === null ? (
        <p className={styles.chartEmpty}>The sample size needed cannot be estimated until A has a success rate strictly between 0% and 100%.</p>
      ) : (
        <>
          <p className="num" data-testid="power-progress">
            {formatCount(power.samplesPerVariant)} of {formatCount(power.requiredPerVariant)} samples per variant ({formatPercent(power.progress ?? 0, 0)}) to detect ±
            {power.mdePoints} pp from A&apos;s rate.
          </p>
          <div
            className={styles.progressTrack}
            role="progressbar"
            aria-label="Samples per variant toward the sample size needed"
            aria-valuemin={0}
            aria-valuemax={power.requiredPerVariant}
            aria-valuenow={Math.min(power.samplesPerVariant, power.requiredPerVariant)}
          >
            <div className={styles.progressBar} style={{ width: `${(power.progress ?? 0) * 100}%` }} />
          </div>
          <p className={styles.note}>The thinner variant counts: a test is as powered as its smaller side.</p>
        </>
      )}
      <form className={styles.mdeForm} action={`/ab-tests/${testId}`} method="get">
        <label>
          Minimum detectable effect (pp)
          <input name="mde" type="number" inputMode="decimal" step="0.1" min={MDE_POINTS_RANGE.min} max={MDE_POINTS_RANGE.max} defaultValue={power.mdePoints} />
        </label>
        <button type="submit" className={styles.smallButton}>
          Update
        </button>
        {!closed && <span className={styles.note}>The close form&apos;s underpowered check uses this effect.</span>}
      </form>
    </Card>
  );
}
