import fs from "node:fs";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { storageStateOf, type E2eRole } from "./users";

/** No cookies: an anonymous visitor. */
export const ANONYMOUS = { cookies: [], origins: [] };

/** A browser context signed in as `role` (see global-setup.ts). */
export const contextAs = (browser: Browser, role: E2eRole) => browser.newContext({ storageState: storageStateOf(role) });

/** The `Cookie` header of a role's session, for raw requests. */
export function cookieHeaderOf(role: E2eRole): string {
  const state = JSON.parse(fs.readFileSync(storageStateOf(role), "utf8")) as { cookies: { name: string; value: string }[] };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** Every server action of the build, by id, from Next's manifest: a new action is covered without editing a list. */
export function serverActions(): { id: string; file: string; name: string }[] {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({ id, file: entry.filename ?? Object.keys(entry.workers)[0] ?? "?", name: entry.exportedName ?? "?" }));
}

/** Route handlers that write (POST, PUT, PATCH, DELETE), from the files under app/, as [method, URL path]. */
export function writeRoutes(): [string, string][] {
  const files = fs.readdirSync("app", { recursive: true, encoding: "utf8" }).filter((file) => /(^|\/)route\.tsx?$/.test(file));
  return files.flatMap((file) => {
    const source = fs.readFileSync(path.join("app", file), "utf8");
    const urlPath = `/${path.dirname(file)}`
      .split("/")
      .filter((segment) => !/^\(.*\)$/.test(segment))
      .map((segment) => (/^\[.*\]$/.test(segment) ? "e2e-missing-id" : segment))
      .join("/");
    return [...source.matchAll(/^export (?:const|async function|function) (POST|PUT|PATCH|DELETE)\b/gm)].map((m) => [m[1]!, urlPath.replace(/\/+$/, "") || "/"] as [string, string]);
  });
}
