"use client";

import { useState } from "react";
import styles from "./snapshots.module.css";

/** A SHA-256 shortened to its first 12 digits, the full value on hover and a button that copies it. */
export function SnapshotHash({ sha256, full = false, testId = "snapshot-hash" }: { sha256: string; full?: boolean; testId?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(sha256);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <span className={styles.hash}>
      <code title={sha256} data-testid={testId} data-sha256={sha256} className={full ? styles.fullHash : undefined}>
        {full ? sha256 : `${sha256.slice(0, 12)}…`}
      </code>
      <button type="button" className={styles.copy} onClick={copy} aria-label={`Copy SHA-256 ${sha256}`}>
        {copied ? "Copied" : "Copy"}
      </button>
    </span>
  );
}
