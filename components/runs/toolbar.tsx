"use client";

import { useEffect, useRef, useState } from "react";
import { GROUP_BY_OPTIONS, type GroupBy } from "@/lib/runs/run-fields";
import { describeFilter } from "@/lib/runs/run-filters";
import { runsViewHref } from "@/lib/runs/run-search-params";
import { ColumnPicker } from "./column-picker";
import { FilterBuilder } from "./filter-builder";
import { useRunsView } from "./runs-view-context";
import styles from "./runs.module.css";

const SEARCH_DEBOUNCE_MS = 300;

/** Search, filter, grouping, columns and export of the runs view; every control writes the URL. */
export function RunsToolbar() {
  const { view, update, isPending } = useRunsView();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const conditions = view.filter.flat().length;
  // A new filter (applied, cleared, or from the back button) starts a fresh draft; other changes keep the draft.
  const filterKey = JSON.stringify(view.filter.map((group) => group.map(({ field, op, value }) => [field, op, value])));

  return (
    <div className={styles.toolbarStack}>
      <div className={styles.toolbar} aria-label="Runs view controls">
        <SearchBox />
        <button
          type="button"
          className={styles.toolButton}
          aria-expanded={filtersOpen}
          data-active={conditions > 0 || undefined}
          onClick={() => setFiltersOpen(!filtersOpen)}
        >
          Filter
          {conditions > 0 && <span className={styles.count}>{conditions}</span>}
        </button>
        <label className={styles.groupSelect}>
          <span>Group by</span>
          <select
            className={styles.select}
            value={view.group ?? ""}
            onChange={(event) => update({ group: (event.target.value || null) as GroupBy | null })}
          >
            <option value="">None</option>
            {GROUP_BY_OPTIONS.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <ColumnPicker />
        <span className={styles.spacer} />
        {isPending && (
          <span className={styles.pending} role="status">
            Loading…
          </span>
        )}
        {/* A plain link: the export is a file download from a route handler, not a page. */}
        <a className={styles.toolButton} href={runsViewHref(view, "/runs/export")} download>
          Export CSV
        </a>
      </div>
      {filtersOpen && <FilterBuilder key={filterKey} onClose={() => setFiltersOpen(false)} />}
      {!filtersOpen && conditions > 0 && (
        <div className={styles.filterSummary} data-testid="filter-summary">
          <span className={styles.filterSummaryLabel}>Filtered:</span>
          <span>{describeFilter(view.filter)}</span>
          <button type="button" className={styles.linkButton} onClick={() => setFiltersOpen(true)}>
            Edit
          </button>
          <button type="button" className={styles.linkButton} onClick={() => update({ filter: [] })}>
            Clear filter
          </button>
        </div>
      )}
    </div>
  );
}

/** Free text over version and notes, sent to the URL 300 ms after typing stops. */
function SearchBox() {
  const { view, update } = useRunsView();
  const [text, setText] = useState(view.q);
  const [seen, setSeen] = useState(view.q);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The URL changed from elsewhere (back button, a link): show its search.
  if (view.q !== seen) {
    setSeen(view.q);
    setText(view.q);
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  const onChange = (next: string) => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (next.trim() !== view.q) update({ q: next.trim() });
    }, SEARCH_DEBOUNCE_MS);
  };

  return (
    <input
      type="search"
      className={`${styles.input} ${styles.search}`}
      aria-label="Search version and notes"
      placeholder="Search version or notes"
      value={text}
      maxLength={200}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
