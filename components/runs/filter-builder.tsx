"use client";

import { useEffect, useId, useState } from "react";
import { MODEL_TYPE_LABELS, MODEL_TYPES } from "@/lib/runs/model-types";
import { hpFieldId, hpKeyOf, STANDARD_COLUMNS } from "@/lib/runs/run-fields";
import {
  checkCondition,
  FILTER_LIMITS,
  OP_LABELS,
  opsForField,
  opTakesValue,
  valueHint,
  type CheckedCondition,
  type FilterCondition,
  type FilterOp,
} from "@/lib/runs/run-filters";
import { useRunsView } from "./runs-view-context";
import { useHyperparameterKeys } from "./use-hyperparameter-keys";
import styles from "./runs.module.css";

type DraftCondition = FilterCondition & { key: number };
type DraftGroup = { key: number; conditions: DraftCondition[] };

let nextKey = 1;
const newKey = () => nextKey++;

const FILTERABLE = STANDARD_COLUMNS.filter((column) => column.filterable);

function blankCondition(): DraftCondition {
  return { key: newKey(), field: "accuracy", op: "gte", value: "" };
}

function toDraft(filter: readonly (readonly FilterCondition[])[]): DraftGroup[] {
  if (filter.length === 0) return [{ key: newKey(), conditions: [blankCondition()] }];
  return filter.map((group) => ({ key: newKey(), conditions: group.map(({ field, op, value }) => ({ key: newKey(), field, op, value })) }));
}

/**
 * The filter as an OR of AND-groups: each box holds conditions that must all hold, and a run matches when any
 * box matches. Edits stay a draft until applied; applying checks each condition with the same rules the URL
 * parser uses and shows what is wrong beside the condition.
 */
export function FilterBuilder({ onClose }: { onClose: () => void }) {
  const { view, update } = useRunsView();
  const [groups, setGroups] = useState<DraftGroup[]>(() => toDraft(view.filter));
  const [errors, setErrors] = useState<Map<number, string>>(new Map());
  const hp = useHyperparameterKeys();
  const { load } = hp;
  const headingId = useId();

  useEffect(() => load(), [load]);

  const hpFields = [...new Set([...hp.keys.map((option) => option.key), ...groups.flatMap((g) => g.conditions.map((c) => hpKeyOf(c.field)).filter((k): k is string => k !== null))])];

  const setCondition = (groupKey: number, conditionKey: number, change: Partial<FilterCondition>) =>
    setGroups((current) =>
      current.map((group) =>
        group.key !== groupKey
          ? group
          : {
              ...group,
              conditions: group.conditions.map((condition) => {
                if (condition.key !== conditionKey) return condition;
                const next = { ...condition, ...change };
                const ops = opsForField(next.field);
                if (!ops.includes(next.op)) next.op = ops[0]!;
                if (change.field === "type" && next.value === "") next.value = MODEL_TYPES[0];
                return next;
              }),
            },
      ),
    );
  const addCondition = (groupKey: number) =>
    setGroups((current) => current.map((group) => (group.key === groupKey ? { ...group, conditions: [...group.conditions, blankCondition()] } : group)));
  const removeCondition = (groupKey: number, conditionKey: number) =>
    setGroups((current) =>
      current
        .map((group) => (group.key === groupKey ? { ...group, conditions: group.conditions.filter((c) => c.key !== conditionKey) } : group))
        .filter((group) => group.conditions.length > 0),
    );
  const addGroup = () => setGroups((current) => [...current, { key: newKey(), conditions: [blankCondition()] }]);

  const apply = () => {
    const problems = new Map<number, string>();
    const checked: CheckedCondition[][] = groups.map((group) =>
      group.conditions.flatMap((condition) => {
        const result = checkCondition(condition);
        if (result.ok) return [result.condition];
        problems.set(condition.key, result.message);
        return [];
      }),
    );
    setErrors(problems);
    if (problems.size === 0) {
      update({ filter: checked.filter((group) => group.length > 0) });
      onClose();
    }
  };

  return (
    <section className={styles.filterPanel} aria-labelledby={headingId} data-testid="filter-builder">
      <div className={styles.filterPanelHeader}>
        <h2 id={headingId} className={styles.panelTitle}>
          Filter runs
        </h2>
        <p className={styles.panelHint}>A run is shown when it matches every condition of at least one group.</p>
      </div>
      {groups.map((group, groupIndex) => (
        <div key={group.key}>
          {groupIndex > 0 && (
            <p className={styles.orDivider} aria-hidden="true">
              or
            </p>
          )}
          <fieldset className={styles.filterGroup} data-testid="filter-group">
            <legend className={styles.groupLegend}>{groups.length > 1 ? `Group ${groupIndex + 1}: all of` : "All of"}</legend>
            {group.conditions.map((condition, conditionIndex) => (
              <ConditionRow
                key={condition.key}
                condition={condition}
                label={`Group ${groupIndex + 1}, condition ${conditionIndex + 1}`}
                hpFields={hpFields}
                error={errors.get(condition.key)}
                onChange={(change) => setCondition(group.key, condition.key, change)}
                onRemove={() => removeCondition(group.key, condition.key)}
                onSubmit={apply}
              />
            ))}
            <button
              type="button"
              className={styles.linkButton}
              disabled={group.conditions.length >= FILTER_LIMITS.conditionsPerGroup}
              onClick={() => addCondition(group.key)}
            >
              + And condition
            </button>
          </fieldset>
        </div>
      ))}
      <div className={styles.filterActions}>
        <button type="button" className={styles.toolButton} onClick={addGroup} disabled={groups.length >= FILTER_LIMITS.groups}>
          + Or group
        </button>
        <span className={styles.spacer} />
        {errors.size > 0 && (
          <p className={styles.filterError} role="alert">
            {errors.size === 1 ? "One condition needs fixing." : `${errors.size} conditions need fixing.`}
          </p>
        )}
        <button type="button" className={styles.toolButton} onClick={onClose}>
          Cancel
        </button>
        <button type="button" className={styles.primaryAction} onClick={apply}>
          Apply filter
        </button>
      </div>
    </section>
  );
}

type ConditionRowProps = {
  condition: DraftCondition;
  label: string;
  hpFields: string[];
  error: string | undefined;
  onChange: (change: Partial<FilterCondition>) => void;
  onRemove: () => void;
  onSubmit: () => void;
};

function ConditionRow({ condition, label, hpFields, error, onChange, onRemove, onSubmit }: ConditionRowProps) {
  const errorId = useId();
  const { field, op, value } = condition;
  const describedBy = error ? errorId : undefined;
  return (
    <div className={styles.conditionRow} role="group" aria-label={label} data-testid="filter-condition">
      <select aria-label="Field" className={styles.select} value={field} onChange={(event) => onChange({ field: event.target.value })}>
        <optgroup label="Run">
          {FILTERABLE.map((column) => (
            <option key={column.id} value={column.id}>
              {column.label}
            </option>
          ))}
        </optgroup>
        {hpFields.length > 0 && (
          <optgroup label="Hyperparameters">
            {hpFields.map((key) => (
              <option key={key} value={hpFieldId(key)}>
                {key}
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <select aria-label="Operator" className={styles.select} value={op} onChange={(event) => onChange({ op: event.target.value as FilterOp })}>
        {opsForField(field).map((option) => (
          <option key={option} value={option}>
            {OP_LABELS[option]}
          </option>
        ))}
      </select>
      {!opTakesValue(op) ? (
        <span className={styles.valuePlaceholder} />
      ) : field === "type" ? (
        <select aria-label="Value" className={styles.select} value={value} onChange={(event) => onChange({ value: event.target.value })} aria-describedby={describedBy}>
          {MODEL_TYPES.map((type) => (
            <option key={type} value={type}>
              {MODEL_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      ) : (
        <input
          aria-label="Value"
          className={styles.input}
          value={value}
          placeholder={valueHint(field, op)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange({ value: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              onSubmit();
            }
          }}
        />
      )}
      <button type="button" className={styles.iconButton} aria-label={`Remove ${label.toLowerCase()}`} title="Remove condition" onClick={onRemove}>
        <span aria-hidden="true">×</span>
      </button>
      {error && (
        <p id={errorId} className={styles.conditionError}>
          {error}
        </p>
      )}
    </div>
  );
}
