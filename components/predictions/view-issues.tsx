import styles from "./predictions.module.css";

/** What was wrong with the URL's parameters, and that those were ignored. */
export function ViewIssues({ issues }: { issues: string[] }) {
  if (issues.length === 0) return null;
  return (
    <div className={styles.issues} role="alert" data-testid="view-issues">
      Some of this link&apos;s settings could not be used:
      <ul>
        {issues.map((issue) => (
          <li key={issue}>{issue}</li>
        ))}
      </ul>
    </div>
  );
}
