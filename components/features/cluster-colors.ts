/** Cluster colours that read in light and dark themes alike (Tableau 10). */
export const CLUSTER_COLORS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

export const clusterColor = (index: number) => CLUSTER_COLORS[index % CLUSTER_COLORS.length]!;
