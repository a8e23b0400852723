import { CHECK_GROUPS, type ValidationReport } from "./types";

const pad = (text: string, width: number) => text.padEnd(width);
const ms = (value: number) => (value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`);

/** The report as a plain-text table for the terminal: each check with PASS/FAIL and its evidence. */
export function formatReport(report: ValidationReport): string {
  const lines: string[] = [];
  for (const group of CHECK_GROUPS) {
    const checks = report.checks.filter((c) => c.group === group.id);
    if (checks.length === 0) continue;
    lines.push("", group.title.toUpperCase());
    for (const c of checks) {
      lines.push(`  ${c.passed ? "PASS" : "FAIL"}  ${c.item}`);
      for (const evidence of c.evidence) lines.push(`        ${evidence}`);
    }
  }
  if (report.speedups.length) {
    lines.push("", "INDEX SPEEDUPS (throw-away copy, median of 5 runs)");
    const width = Math.max(...report.speedups.map((s) => s.name.length));
    lines.push(`  ${pad("Key query", width)}  ${pad("with index", 11)}  ${pad("without", 11)}  ratio`);
    for (const s of report.speedups) {
      lines.push(`  ${pad(s.name, width)}  ${pad(ms(s.withIndexMs), 11)}  ${pad(ms(s.withoutIndexMs), 11)}  ${s.ratio.toFixed(1)}× ${s.passed ? "PASS" : "FAIL"}`);
      lines.push(`  ${pad("", width)}  plan with:    ${s.planWithIndex.join("; ")}`);
      lines.push(`  ${pad("", width)}  plan without: ${s.planWithoutIndex.join("; ")}`);
    }
  }
  if (report.notCheckable.length) {
    lines.push("", "NOT CHECKABLE AGAINST THE DATABASE");
    for (const n of report.notCheckable) lines.push(`  ${n.item}: ${n.reason}`);
  }
  const failed = report.checks.filter((c) => !c.passed).length;
  lines.push("", failed === 0 ? `All ${report.checks.length} checks passed in ${(report.durationMs / 1000).toFixed(1)} s.` : `${failed} of ${report.checks.length} checks FAILED.`);
  return lines.join("\n");
}
