import { benchPredictions } from "./scripts/bench/predictions";
await benchPredictions();
