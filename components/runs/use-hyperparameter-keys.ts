"use client";

import { useCallback, useState } from "react";

export type HyperparameterKeyOption = { key: string; runs: number };

type State = { status: "idle" | "loading" | "ready" | "error"; keys: HyperparameterKeyOption[] };

// One request per page load, shared by the column picker and the filter builder.
let request: Promise<HyperparameterKeyOption[]> | null = null;

function fetchKeys(): Promise<HyperparameterKeyOption[]> {
  request ??= fetch("/runs/hyperparameter-keys")
    .then((response) => {
      if (!response.ok) throw new Error(`Hyperparameter keys: HTTP ${response.status}`);
      return response.json() as Promise<{ keys: HyperparameterKeyOption[] }>;
    })
    .then((body) => body.keys)
    .catch((error: unknown) => {
      request = null;
      throw error;
    });
  return request;
}

/** The hyperparameter keys of all runs, fetched the first time `load` is called (when a picker opens). */
export function useHyperparameterKeys(): State & { load: () => void } {
  const [state, setState] = useState<State>({ status: "idle", keys: [] });
  const load = useCallback(() => {
    setState((current) => (current.status === "ready" || current.status === "loading" ? current : { status: "loading", keys: [] }));
    fetchKeys().then(
      (keys) => setState({ status: "ready", keys }),
      () => setState({ status: "error", keys: [] }),
    );
  }, []);
  return { ...state, load };
}
