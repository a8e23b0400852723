import { Card } from "@/components/ui/card";
import { formatCount } from "@/lib/format";
import { trainingRunSummary } from "@/lib/overview/training-runs";
import { MODEL_TYPE_LABELS } from "@/lib/runs/model-types";
import styles from "./overview.module.css";

export async function RunsByTypeCard() {
  const { byModelType } = await trainingRunSummary();
  return (
    <Card title="Training runs by model type" description="Running: started, not yet completed." flush>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col" className={styles.numeric}>Runs</th>
            <th scope="col" className={styles.numeric}>Completed</th>
            <th scope="col" className={styles.numeric}>Running</th>
          </tr>
        </thead>
        <tbody>
          {byModelType.map((row) => (
            <tr key={row.modelType} data-testid={`runs-${row.modelType}`}>
              <th scope="row">{MODEL_TYPE_LABELS[row.modelType]}</th>
              <td className={`num ${styles.numeric}`} data-testid={`runs-${row.modelType}-total`}>
                {formatCount(row.total)}
              </td>
              <td className={`num ${styles.numeric}`} data-testid={`runs-${row.modelType}-completed`}>
                {formatCount(row.completed)}
              </td>
              <td className={`num ${styles.numeric}`} data-testid={`runs-${row.modelType}-running`}>
                {formatCount(row.running)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
