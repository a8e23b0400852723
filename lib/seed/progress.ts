/**
 * A plain-text progress bar for long seed runs, on stderr:
 *   seeding [###########---------]  55%  412,300 rows  61,024 rows/s  ETA 0:42
 * On a terminal the line is redrawn in place (\r, at most every 100 ms); elsewhere (CI logs, pipes) one line is
 * printed per 5% so logs stay short.
 */
export type ProgressSink = { write(text: string): unknown; isTTY?: boolean };

export type Progress = {
  /** `units` more units of work done, having written `rows` more rows. */
  advance(units: number, rows: number): void;
  /** Names the current phase (shown after the bar). */
  phase(name: string): void;
  finish(): void;
};

export const silentProgress: Progress = { advance() {}, phase() {}, finish() {} };

const WIDTH = 24;

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "--:--";
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${m.toString().padStart(h > 0 ? 2 : 1, "0")}:${s.toString().padStart(2, "0")}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

export function renderBar(label: string, fraction: number, rows: number, elapsedMs: number, phase: string): string {
  const clamped = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(clamped * WIDTH);
  const rate = elapsedMs > 0 ? (rows * 1000) / elapsedMs : 0;
  const eta = clamped > 0 && clamped < 1 ? (elapsedMs * (1 - clamped)) / clamped : clamped >= 1 ? 0 : Infinity;
  return (
    `${label} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${Math.floor(clamped * 100).toString().padStart(3)}%` +
    `  ${rows.toLocaleString("en-US")} rows  ${Math.round(rate).toLocaleString("en-US")} rows/s  ETA ${formatDuration(eta)}` +
    (phase ? `  ${phase}` : "")
  );
}

export function createProgressBar(
  label: string,
  totalUnits: number,
  sink: ProgressSink,
  now: () => number = () => performance.now(),
): Progress {
  const started = now();
  let units = 0;
  let rows = 0;
  let phase = "";
  let lastDraw = -Infinity;
  let lastStep = -1;
  let lastWidth = 0;
  const tty = sink.isTTY === true;

  const draw = (force: boolean) => {
    const fraction = totalUnits > 0 ? units / totalUnits : 1;
    const t = now();
    if (tty) {
      if (!force && t - lastDraw < 100) return;
      const line = renderBar(label, fraction, rows, t - started, phase);
      sink.write(`\r${line}${" ".repeat(Math.max(0, lastWidth - line.length))}`);
      lastWidth = line.length;
    } else {
      const step = Math.floor(Math.min(1, fraction) * 20);
      if (step === lastStep) return;
      lastStep = step;
      sink.write(`${renderBar(label, fraction, rows, t - started, phase)}\n`);
    }
    lastDraw = t;
  };

  return {
    advance(moreUnits, moreRows) {
      units += moreUnits;
      rows += moreRows;
      draw(false);
    },
    phase(name) {
      phase = name;
      draw(false);
    },
    finish() {
      units = totalUnits;
      draw(true);
      if (tty) sink.write("\n");
    },
  };
}
