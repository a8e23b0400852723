import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Access control by enumeration: every route handler, server action and page under app/ is listed here from the
 * files themselves, so a new one that forgets its check fails this test instead of shipping open.
 */

const ROOT = path.resolve(".");
function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter(keep)
    .sort();
}
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), "utf8");

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** Route handlers that answer without apiV1, each with the reason. */
const PUBLIC_ROUTES: Record<string, string> = {
  // Signing out only ends the caller's own session (the cookie it sends); there is nothing to protect.
  "app/sign-out/route.ts POST": "ends the caller's own session",
};

/** Server actions anyone may call, each with the reason. */
const PUBLIC_ACTIONS: Record<string, string> = {
  // Anonymous visitors come to sign in; it checks the password and rate is bounded by scrypt's cost.
  "app/sign-in/actions.ts signInAction": "signing in",
  // Creates an account only while none exists, checked in the same statement as the insert (lib/auth/first-admin.ts).
  "app/setup/actions.ts setupFirstAdminAction": "first-admin setup",
};

/** Pages anyone may open. */
const PUBLIC_PAGES = ["app/sign-in/page.tsx", "app/setup/page.tsx"];

const routeFiles = filesUnder("app", (file) => /\/route\.tsx?$/.test(file));
const serverActionFiles = [...filesUnder("app", (f) => /\.tsx?$/.test(f)), ...filesUnder("components", (f) => /\.tsx?$/.test(f)), ...filesUnder("lib", (f) => /\.tsx?$/.test(f) && !f.includes("generated/") && !f.endsWith(".test.ts"))].filter((file) =>
  /^\s*["']use server["']/.test(read(file)),
);

/** `export const GET = …` and `export async function GET(…)`, with the text of each up to the next export. */
function exportsOf(source: string): { name: string; text: string }[] {
  const pattern = /^export\s+(?:const|(?:async\s+)?function)\s+(\w+)/gm;
  const matches = [...source.matchAll(pattern)];
  return matches.map((match, i) => ({ name: match[1]!, text: source.slice(match.index, matches[i + 1]?.index ?? source.length) }));
}

describe("every route handler", () => {
  it("is found (the enumeration itself works)", () => {
    expect(routeFiles).toContain("app/api/telemetry/sessions/route.ts");
    expect(routeFiles).toContain("app/api/v1/export/training-data/route.ts");
  });

  it("wraps each exported HTTP method in apiV1(scope, …) or is on the commented public list", () => {
    const open: string[] = [];
    for (const file of routeFiles) {
      for (const { name, text } of exportsOf(read(file)).filter((e) => HTTP_METHODS.includes(e.name))) {
        // apiV1 may name its params' type: apiV1<{ id: string }>("read", …).
        const wrapped = new RegExp(`^export const ${name} = apiV1(?:<[^>]*>)?\\("(read|write|admin)",`).test(text);
        if (!wrapped && !PUBLIC_ROUTES[`${file} ${name}`]) open.push(`${file} ${name}`);
      }
    }
    expect(open).toEqual([]);
  });

  it("that writes (POST, PUT, PATCH, DELETE) needs at least the write scope", () => {
    const weak = routeFiles.flatMap((file) =>
      exportsOf(read(file))
        .filter((e) => ["POST", "PUT", "PATCH", "DELETE"].includes(e.name) && /apiV1(?:<[^>]*>)?\("read"/.test(e.text))
        .map((e) => `${file} ${e.name}`),
    );
    expect(weak).toEqual([]);
  });
});

describe("every server action", () => {
  it("lives in an app/**/actions.ts file", () => {
    expect(serverActionFiles.filter((file) => !/^app\/.*actions\.ts$/.test(file))).toEqual([]);
    expect(serverActionFiles).toContain("app/runs/new/actions.ts");
  });

  it("starts by checking the role with authorize(editor or admin) and returns the refusal, or is on the commented public list", () => {
    const unchecked: string[] = [];
    for (const file of serverActionFiles) {
      for (const { name, text } of exportsOf(read(file)).filter((e) => /^export async function/.test(e.text))) {
        if (PUBLIC_ACTIONS[`${file} ${name}`]) continue;
        const body = text.slice(text.indexOf("{", text.indexOf(")")));
        const checked = /^\{\s*(?:const \w+ = [^;]*;\s*)?const access = await authorize\("(editor|admin)"\);/.test(body) && /if \(!access\.ok\) return /.test(body);
        if (!checked) unchecked.push(`${file} ${name}`);
      }
    }
    expect(unchecked).toEqual([]);
  });

  it("exports nothing callable but async functions (a non-async export of a 'use server' file is a build error, a non-function export a leak)", () => {
    const others = serverActionFiles.flatMap((file) =>
      exportsOf(read(file))
        .filter((e) => !/^export async function/.test(e.text))
        .map((e) => `${file} ${e.name}`),
    );
    expect(others).toEqual([]);
  });
});

describe("every page", () => {
  it("checks who is looking (requireViewer) before reading data, or is a public sign-in page", () => {
    const pages = filesUnder("app", (file) => /\/page\.tsx$/.test(file));
    expect(pages.length).toBeGreaterThan(15);
    const unchecked = pages.filter((page) => !PUBLIC_PAGES.includes(page) && !/export default async function \w+\([^)]*\)[^{]*\{\s*(?:const \w+ = )?await requireViewer\(\);/.test(read(page)));
    expect(unchecked).toEqual([]);
  });
});
