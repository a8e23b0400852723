import { Card } from "@/components/ui/card";
import type { RunPerformance } from "@/lib/predictions/run-performance";
import { ConfidenceHistogram, ReliabilityDiagram } from "./calibration-charts";

/** Calibration: the reliability diagram with ECE and Brier, and the distribution of confidence. */
export function CalibrationCharts({ performance }: { performance: RunPerformance }) {
  const { ece, brier } = performance.report;
  return (
    <>
      <Card
        title="Reliability diagram"
        description={ece === null ? "No labelled prediction has a confidence." : `ECE ${ece.toFixed(3)} · Brier ${brier!.toFixed(3)}. Points below the diagonal are over-confident.`}
      >
        <ReliabilityDiagram bins={performance.reliability} />
      </Card>
      <Card title="Confidence histogram" description="Every prediction with a confidence, labelled or not, in 10 bins.">
        <ConfidenceHistogram bins={performance.reliability} />
      </Card>
    </>
  );
}
