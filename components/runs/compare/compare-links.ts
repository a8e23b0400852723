/** The comparison's URL, so a view (which runs, all hyperparameters or only differing ones) can be shared. */
export function compareHref(ids: readonly string[], showAll: boolean): string {
  const query = `ids=${ids.map(encodeURIComponent).join(",")}`;
  return `/runs/compare?${query}${showAll ? "&all=1" : ""}`;
}

/** "2.1.0" when every run is of one model type, otherwise "classifier 2.1.0". */
export function runLabeller(runs: readonly { modelType: string }[]): (run: { modelType: string; modelVersion: string }) => string {
  const oneType = new Set(runs.map((run) => run.modelType)).size === 1;
  return (run) => (oneType ? run.modelVersion : `${run.modelType} ${run.modelVersion}`);
}
