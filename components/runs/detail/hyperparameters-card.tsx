import { Card } from "@/components/ui/card";
import { formatCountOf } from "@/lib/format";
import { hyperparameterEntries, type HyperparameterValue } from "@/lib/runs/hyperparameters";
import type { RunDetail } from "@/lib/runs/run-detail";
import styles from "./detail.module.css";

const KIND_CLASS: Record<HyperparameterValue["kind"], string | undefined> = {
  string: styles.valueString,
  number: styles.valueNumber,
  boolean: styles.valueBoolean,
  null: styles.valueNull,
  array: styles.valueString,
  object: styles.valueString,
};

/** A hyperparameter's value: scalars inline, nested values pretty-printed. Shared with the comparison. */
export function HyperparameterValueView({ value }: { value: HyperparameterValue }) {
  if (value.multiline) return <pre className={styles.pre}>{value.text}</pre>;
  return <span className={`${styles.value} ${KIND_CLASS[value.kind]}`}>{value.text}</span>;
}

export function HyperparametersCard({ run }: { run: RunDetail }) {
  const entries = hyperparameterEntries(run.hyperparameters);
  return (
    <Card title="Hyperparameters" description={`${formatCountOf(entries.length, "key")}, in the order the run recorded them.`} flush>
      {entries.length === 0 ? (
        <p className={styles.cardEmpty}>No hyperparameters were recorded for this run.</p>
      ) : (
        <table className={styles.table} data-testid="hyperparameters">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(({ key, value }) => (
              <tr key={key} data-testid="hyperparameter" data-key={key}>
                <th scope="row" className={styles.key}>
                  {key}
                </th>
                <td data-testid="hyperparameter-value">
                  <HyperparameterValueView value={value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
