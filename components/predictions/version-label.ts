import type { VersionOption } from "@/lib/predictions/run-performance";
import { formatCount } from "@/lib/format";

/** "classifier 1.3.0 (2,736 predictions)". */
export const versionLabel = (version: VersionOption) => `${version.modelType} ${version.modelVersion} (${formatCount(version.predictions)} predictions)`;
