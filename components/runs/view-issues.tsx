import Link from "next/link";
import styles from "./runs.module.css";

/** What the page could not read from its link, and left out, so a bad link still shows the rest of the view. */
export function ViewIssues({ issues }: { issues: string[] }) {
  return (
    <div className={styles.issues} role="status" data-testid="view-issues">
      <p>
        <strong>Part of this link could not be read and was left out.</strong> The runs below use the rest of the view.{" "}
        <Link href="/runs">Reset the view</Link>
      </p>
      <ul>
        {issues.map((issue) => (
          <li key={issue}>{issue}</li>
        ))}
      </ul>
    </div>
  );
}
