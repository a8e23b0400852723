import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadSecretKey, SecretKeyError } from "./secret-key";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rall-key-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("loadSecretKey", () => {
  it("uses RALL_SECRET_KEY (hex) when set, without touching the key file", () => {
    const file = path.join(tempDir(), "secret.key");
    const key = loadSecretKey({ RALL_SECRET_KEY: "00ff".repeat(16), RALL_SECRET_KEY_FILE: file });
    expect(key).toEqual(Buffer.from("00ff".repeat(16), "hex"));
    expect(fs.existsSync(file)).toBe(false);
  });

  it("creates the key file on first use with 32 random bytes, owner-only, and reuses it afterwards", () => {
    const file = path.join(tempDir(), "nested", "secret.key");
    const first = loadSecretKey({ RALL_SECRET_KEY_FILE: file });
    expect(first).toHaveLength(32);
    expect(fs.readFileSync(file, "utf8").trim()).toBe(first.toString("hex"));
    if (process.platform !== "win32") expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({ RALL_SECRET_KEY_FILE: file })).toEqual(first);
    // A second file gets a different key: the bytes are random, not derived from anything.
    expect(loadSecretKey({ RALL_SECRET_KEY_FILE: path.join(tempDir(), "other.key") })).not.toEqual(first);
  });

  it("rejects a key that is not hex or is shorter than 16 bytes", () => {
    expect(() => loadSecretKey({ RALL_SECRET_KEY: "not hex at all!!" })).toThrow(SecretKeyError);
    expect(() => loadSecretKey({ RALL_SECRET_KEY: "abcd" })).toThrow(/at least 16/);
    const file = path.join(tempDir(), "bad.key");
    fs.writeFileSync(file, "zzzz\n");
    expect(() => loadSecretKey({ RALL_SECRET_KEY_FILE: file })).toThrow(/must be hex/);
  });
});
