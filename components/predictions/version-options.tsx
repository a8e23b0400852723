import { formatCount } from "@/lib/format";
import type { VersionOption } from "@/lib/predictions/run-performance";

/** One <option> per model version with predictions: "classifier 1.3.0 (2,736 predictions)". */
export function VersionOptions({ versions }: { versions: VersionOption[] }) {
  return versions.map((version) => (
    <option key={version.id} value={version.id}>
      {version.modelType} {version.modelVersion} ({formatCount(version.predictions)} predictions)
    </option>
  ));
}
