import type { Metadata } from "next";
import { connection } from "next/server";
import { clusterColor } from "@/components/features/cluster-colors";
import styles from "@/components/features/features.module.css";
import { ProjectionChart } from "@/components/features/projection-chart";
import { RecomputeForm } from "@/components/features/recompute-form";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { latestClustering, PROJECTION_SAMPLE } from "@/lib/features/clusters-query";
import { RECOMPUTE_MAX_SAMPLES } from "@/lib/features/recompute-clusters";
import { formatCount, formatPercent, formatUtcMinute } from "@/lib/format";
import { canWrite, requireViewer } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Query clusters" };

export default async function ClustersPage() {
  const actor = await requireViewer();
  await connection();
  const clustering = latestClustering();
  return (
    <>
      <PageHeader
        title="Query clusters"
        description="k-means over the query embeddings of one embedding model: how the traffic groups, and how each group fares."
        aside={<ButtonLink href="/features">Features</ButtonLink>}
      />
      <div className={styles.stack}>
        <Card title="Recompute" description={`k-means++ with Lloyd iterations on up to ${formatCount(RECOMPUTE_MAX_SAMPLES)} vectors of the model with the most; the result is stored as a new clustering.`}>
          {canWrite(actor) && <RecomputeForm defaultK={clustering?.clusterCount ?? 8} />}
        </Card>
        {!clustering ? (
          <EmptyState title="No clustering yet" data-testid="no-clusters">
            <p>Clusters appear once queries have feature vectors and k-means has run. Seed the demo data, or recompute above once vectors exist.</p>
          </EmptyState>
        ) : (
          <>
            <Card title="Latest clustering" flush>
              <div className={styles.tableWrap}>
                <table className={styles.table} data-testid="clustering-summary">
                  <tbody>
                    <tr>
                      <th scope="row">Clusters (k)</th>
                      <td className={styles.numeric} data-testid="cluster-count">{clustering.clusterCount}</td>
                      <th scope="row">Silhouette score</th>
                      <td className={styles.numeric} data-testid="silhouette">{clustering.silhouetteScore === null ? "—" : clustering.silhouetteScore.toFixed(3)}</td>
                    </tr>
                    <tr>
                      <th scope="row">Embedding model</th>
                      <td className={styles.mono}>{clustering.embeddingModel ?? "—"}</td>
                      <th scope="row">Vectors clustered</th>
                      <td className={styles.numeric}>{formatCount(clustering.sampleCount)}</td>
                    </tr>
                    <tr>
                      <th scope="row">Computed</th>
                      <td title={clustering.computedAt} colSpan={3}>{formatUtcMinute(clustering.computedAt)}</td>
                    </tr>
                  </tbody>
                </table>
              </div>
            </Card>
            <Card title="Clusters" description={`Sizes from the clustering; quality and feedback on a sample of ${formatCount(PROJECTION_SAMPLE)} vectors assigned to their nearest centroid.`} flush>
              <div className={styles.tableWrap}>
                <table className={styles.table} data-testid="clusters-table">
                  <thead>
                    <tr>
                      <th scope="col">Cluster</th>
                      <th scope="col" className={styles.numeric}>Size</th>
                      <th scope="col">Representative query hash</th>
                      <th scope="col" className={styles.numeric}>Mean quality (95% t)</th>
                      <th scope="col" className={styles.numeric}>Positive labels (95% Wilson)</th>
                    </tr>
                  </thead>
                  <tbody>
                    {clustering.clusters.map((cluster) => (
                      <tr key={cluster.index}>
                        <th scope="row">
                          <span className={styles.swatch} style={{ background: clusterColor(cluster.index) }} aria-hidden="true" />
                          {cluster.index + 1}
                        </th>
                        <td className={styles.numeric}>{formatCount(cluster.size)}</td>
                        <td className={styles.mono} title={cluster.representativeHash}>
                          <a href={`/features?similar=${cluster.representativeHash}`}>{cluster.representativeHash.slice(0, 16)}</a>
                        </td>
                        <td className={styles.numeric}>
                          {cluster.stats?.quality ? (
                            <>
                              {cluster.stats.quality.mean.toFixed(3)}{" "}
                              <span className={styles.interval}>
                                {Number.isNaN(cluster.stats.quality.lower) ? "" : `${cluster.stats.quality.lower.toFixed(3)}–${cluster.stats.quality.upper.toFixed(3)}`}
                              </span>
                            </>
                          ) : (
                            "—"
                          )}
                        </td>
                        <td className={styles.numeric}>
                          {cluster.stats?.positiveRate != null && cluster.stats.positiveInterval ? (
                            <>
                              {formatPercent(cluster.stats.positiveRate)}{" "}
                              <span className={styles.interval}>
                                {formatPercent(cluster.stats.positiveInterval.lower)}–{formatPercent(cluster.stats.positiveInterval.upper)} of {formatCount(cluster.stats.labelled)}
                              </span>
                            </>
                          ) : (
                            "no labels"
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Card>
            <Card title="2-D projection" description="The sample on its first two principal components (PCA by power iteration), coloured by nearest centroid.">
              <ProjectionChart points={clustering.points} clusterCount={clustering.clusterCount} />
            </Card>
          </>
        )}
      </div>
    </>
  );
}
