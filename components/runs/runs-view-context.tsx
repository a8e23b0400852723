"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, useOptimistic, useTransition, type ReactNode } from "react";
import { runsViewHref, withView, type RunsView } from "@/lib/runs/run-search-params";

type RunsViewContext = {
  /** The view being shown, or while the next one loads, that one: controls reflect a change at once. */
  view: RunsView;
  /** Moves to a view: a new URL, rendered by the server; page 1 unless `page` is among the changes. */
  update: (changes: Partial<RunsView>) => void;
  /** While the next view loads. */
  isPending: boolean;
};

const Context = createContext<RunsViewContext | null>(null);

/** The URL's view of the runs page, for the toolbar, table and pagination, and the one way to change it. */
export function RunsViewProvider({ view, children }: { view: RunsView; children: ReactNode }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [optimisticView, setOptimisticView] = useOptimistic(view);
  const update = useCallback(
    (changes: Partial<RunsView>) => {
      const next = withView(optimisticView, changes);
      startTransition(() => {
        setOptimisticView(next);
        router.push(runsViewHref(next), { scroll: false });
      });
    },
    [router, optimisticView, setOptimisticView],
  );
  const value = useMemo(() => ({ view: optimisticView, update, isPending }), [optimisticView, update, isPending]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useRunsView(): RunsViewContext {
  const context = useContext(Context);
  if (!context) throw new Error("useRunsView outside RunsViewProvider");
  return context;
}

/** Dims its content while the next view loads, and tells assistive technology it is busy. */
export function PendingRegion({ children, className }: { children: ReactNode; className?: string }) {
  const { isPending } = useRunsView();
  return (
    <div className={className} aria-busy={isPending} data-pending={isPending || undefined}>
      {children}
    </div>
  );
}
