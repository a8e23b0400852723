export { analyzeAbTest, SRM_THRESHOLD, type AbAnalysis, type AbAnalysisInput, type AbAnalysisMode, type Ci } from "./ab-analysis";
export { sampleSizePerVariant, type SampleSizeInput } from "./sample-size";
