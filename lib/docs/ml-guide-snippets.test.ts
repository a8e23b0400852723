import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const GUIDE = "docs/ml-integration-guide.md";
const EXAMPLE = "docs/examples/ml_loop.py";
const MARKER = `# from ${EXAMPLE}`;

/** The ```python blocks of the guide that say they quote the example, without their marker line. */
function quotedSnippets(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```python\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
  return blocks.filter((block) => block.startsWith(`${MARKER}\n`)).map((block) => block.slice(MARKER.length + 1));
}

describe("the ML integration guide", () => {
  const guide = readFileSync(GUIDE, "utf8");
  const example = readFileSync(EXAMPLE, "utf8");
  const snippets = quotedSnippets(guide);

  it("quotes the runnable example at every step of the loop", () => {
    expect(snippets.length).toBeGreaterThanOrEqual(12);
  });

  it.each(snippets.map((snippet, index) => [index + 1, snippet] as const))("quotes snippet %i verbatim from docs/examples/ml_loop.py", (_, snippet) => {
    expect(example).toContain(snippet);
  });

  it("finds a changed snippet (the check is not vacuous)", () => {
    expect(example).not.toContain((snippets[0] ?? "").replace("localTelemetry", "local_telemetry"));
  });
});
