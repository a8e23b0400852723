import styles from "./seed-hint.module.css";

/** How to fill an empty database, shown wherever there is nothing to display yet. */
export function SeedHint() {
  return (
    <p className={styles.hint}>
      Fill the database with demo data:
      <code className={styles.command}>npm run db:seed -- --size demo</code>
      then reload this page.
    </p>
  );
}
