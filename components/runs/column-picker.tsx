"use client";

import { useEffect, useId, useRef, useState } from "react";
import { formatCount } from "@/lib/format";
import { STANDARD_COLUMNS, STANDARD_COLUMN_IDS } from "@/lib/runs/run-fields";
import { MAX_HP_COLUMNS } from "@/lib/runs/run-search-params";
import { useRunsView } from "./runs-view-context";
import { useHyperparameterKeys } from "./use-hyperparameter-keys";
import styles from "./runs.module.css";

/**
 * Which columns the table shows: the standard ones, and any hyperparameter key as an optional column. The keys
 * are read when the picker first opens, not with the page. Each change is a new URL.
 */
export function ColumnPicker() {
  const { view, update } = useRunsView();
  const [open, setOpen] = useState(false);
  const hp = useHyperparameterKeys();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const toggleOpen = () => {
    if (!open) hp.load();
    setOpen(!open);
  };
  const toggleStandard = (id: (typeof STANDARD_COLUMN_IDS)[number], on: boolean) =>
    update({ columns: STANDARD_COLUMN_IDS.filter((other) => (other === id ? on : view.columns.includes(other))), page: view.page });
  const toggleHp = (key: string, on: boolean) => update({ hp: on ? [...view.hp, key] : view.hp.filter((other) => other !== key), page: view.page });
  // Keys in the URL stay listed even when no run has them (yet), so they can be removed.
  const keys = [...hp.keys, ...view.hp.filter((key) => !hp.keys.some((option) => option.key === key)).map((key) => ({ key, runs: 0 }))];

  return (
    <div
      ref={root}
      className={styles.popoverRoot}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button ref={button} type="button" className={styles.toolButton} aria-expanded={open} aria-controls={panelId} onClick={toggleOpen}>
        Columns
        {view.hp.length > 0 && <span className={styles.count}>+{view.hp.length}</span>}
      </button>
      {open && (
        <div id={panelId} className={styles.popover} role="group" aria-label="Columns">
          <fieldset className={styles.pickerSection}>
            <legend>Run columns</legend>
            {STANDARD_COLUMNS.map((column) => (
              <label key={column.id} className={styles.pickerOption} title={column.description}>
                <input
                  type="checkbox"
                  checked={view.columns.includes(column.id)}
                  disabled={column.id === "version"}
                  onChange={(event) => toggleStandard(column.id, event.target.checked)}
                />
                {column.label}
              </label>
            ))}
          </fieldset>
          <fieldset className={styles.pickerSection}>
            <legend>Hyperparameters</legend>
            {hp.status === "loading" && <p className={styles.pickerNote}>Reading the keys of all runs…</p>}
            {hp.status === "error" && (
              <p className={styles.pickerNote} role="alert">
                The keys could not be read.{" "}
                <button type="button" className={styles.linkButton} onClick={hp.load}>
                  Try again
                </button>
              </p>
            )}
            {hp.status === "ready" && keys.length === 0 && <p className={styles.pickerNote}>No run has hyperparameters.</p>}
            {keys.map(({ key, runs }) => {
              const checked = view.hp.includes(key);
              return (
                <label key={key} className={styles.pickerOption}>
                  <input
                    type="checkbox"
                    checked={checked}
                    disabled={!checked && view.hp.length >= MAX_HP_COLUMNS}
                    onChange={(event) => toggleHp(key, event.target.checked)}
                  />
                  <span className={styles.hpKey}>{key}</span>
                  {runs > 0 && <span className={styles.pickerCount}>{formatCount(runs)} runs</span>}
                </label>
              );
            })}
          </fieldset>
        </div>
      )}
    </div>
  );
}
