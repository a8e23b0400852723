import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatCount } from "@/lib/format";
import type { ComparablePair } from "@/lib/predictions/comparable-pairs";
import styles from "./comparable-pairs.module.css";

/** The pairs of versions that answered the same queries, each a link to its comparison; the shown one is marked. */
export function ComparablePairs({ pairs, current }: { pairs: ComparablePair[]; current: { a: string; b: string } }) {
  return (
    <Card
      title="Pairs that answered the same queries"
      description="Versions of one model type with labelled answers to the same queries (shadow deployments, replays), most shared first."
      data-testid="comparable-pairs"
    >
      {pairs.length === 0 ? (
        <p className={styles.none}>No two versions have answered the same query yet. Shadow-deploy a candidate beside the live version to compare them here.</p>
      ) : (
        <ul className={styles.list}>
          {pairs.map((pair) => {
            const shown = pair.a.id === current.a && pair.b.id === current.b;
            return (
              <li key={`${pair.a.id}/${pair.b.id}`}>
                <Link
                  href={`/predictions/compare?${new URLSearchParams({ a: pair.a.id, b: pair.b.id })}`}
                  className={styles.pair}
                  aria-current={shown ? "page" : undefined}
                  data-testid="comparable-pair"
                >
                  <span>
                    {pair.modelType} <span className={styles.version}>{pair.a.modelVersion}</span> vs{" "}
                    <span className={styles.version}>{pair.b.modelVersion}</span>
                  </span>
                  <span className={styles.count} data-testid="comparable-pair-count">
                    {formatCount(pair.pairs)} shared
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
