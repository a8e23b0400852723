import type { SchemaModel, TableInfo } from "./introspect";

/**
 * The ER diagram of the tables and their foreign keys as an SVG document, laid out deterministically from the
 * schema alone: tables joined by foreign keys in columns by depth (a table sits one column right of its deepest
 * parent, so every line runs left to right), ordered within a column by their parents' positions; tables
 * without any foreign key in a row underneath. Each box lists the key columns (primary and foreign keys).
 * Colours come from CSS variables with light fallbacks, so the page can theme it and the download stands alone.
 */
const BOX_WIDTH = 370;
const HEADER = 26;
const ROW = 18;
const PAD = 8;
const COLUMN_GAP = 110;
const BOX_GAP = 26;
const MARGIN = 20;
const LOOSE_COLUMNS = 3;

type Box = { table: TableInfo; x: number; y: number; height: number; keys: { name: string; mark: string }[]; loose: boolean };

function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

function keyColumns(table: TableInfo): { name: string; mark: string }[] {
  return table.columns
    .filter((c) => c.primaryKey > 0 || c.foreignKey)
    .map((c) => ({ name: c.name, mark: [c.primaryKey > 0 ? "PK" : "", c.foreignKey ? `FK → ${c.foreignKey.table}` : ""].filter(Boolean).join(" · ") }));
}

function boxHeight(table: TableInfo): number {
  return HEADER + PAD + Math.max(1, keyColumns(table).length) * ROW + PAD / 2;
}

/** Depth of each related table: 0 for a table with no parents, else one more than its deepest parent. */
function depths(tables: TableInfo[]): Map<string, number> {
  const parents = new Map(tables.map((t) => [t.name, [...new Set(t.columns.flatMap((c) => (c.foreignKey && c.foreignKey.table !== t.name ? [c.foreignKey.table] : [])))]]));
  const depth = new Map<string, number>();
  const visit = (name: string, seen: Set<string>): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    if (seen.has(name)) return 0;
    seen.add(name);
    const own = Math.max(-1, ...(parents.get(name) ?? []).map((p) => visit(p, seen))) + 1;
    depth.set(name, own);
    return own;
  };
  for (const t of tables) visit(t.name, new Set());
  return depth;
}

export type ErLayout = { width: number; height: number; boxes: Box[] };

export function layoutErDiagram(schema: SchemaModel): ErLayout {
  const referenced = new Set(schema.tables.flatMap((t) => t.columns.flatMap((c) => (c.foreignKey ? [c.foreignKey.table] : []))));
  const related = schema.tables.filter((t) => referenced.has(t.name) || t.columns.some((c) => c.foreignKey));
  const loose = schema.tables.filter((t) => !related.includes(t)).sort((a, b) => a.name.localeCompare(b.name));
  const depth = depths(related);
  const levels = Math.max(0, ...depth.values()) + 1;

  const boxes: Box[] = [];
  const position = new Map<string, number>();
  let relatedHeight = 0;
  for (let level = 0; level < levels; level++) {
    const parentRank = (t: TableInfo) => {
      const ranks = t.columns.flatMap((c) => (c.foreignKey && position.has(c.foreignKey.table) ? [position.get(c.foreignKey.table)!] : []));
      return ranks.length ? ranks.reduce((a, b) => a + b, 0) / ranks.length : 0;
    };
    const column = related
      .filter((t) => depth.get(t.name) === level)
      .sort((a, b) => parentRank(a) - parentRank(b) || a.name.localeCompare(b.name));
    let y = MARGIN;
    column.forEach((table, index) => {
      position.set(table.name, index + level * 0.001);
      const height = boxHeight(table);
      boxes.push({ table, x: MARGIN + level * (BOX_WIDTH + COLUMN_GAP), y, height, keys: keyColumns(table), loose: false });
      y += height + BOX_GAP;
    });
    relatedHeight = Math.max(relatedHeight, y);
  }

  const looseTop = relatedHeight + (loose.length ? 30 : 0);
  const looseStep = BOX_WIDTH + BOX_GAP;
  const relatedWidth = levels * (BOX_WIDTH + COLUMN_GAP) - COLUMN_GAP;
  const looseColumns = Math.max(LOOSE_COLUMNS, Math.floor((relatedWidth + BOX_GAP) / looseStep));
  let rowTop = looseTop;
  for (let start = 0; start < loose.length; start += looseColumns) {
    const row = loose.slice(start, start + looseColumns);
    const rowHeight = Math.max(...row.map(boxHeight));
    row.forEach((table, index) => boxes.push({ table, x: MARGIN + index * looseStep, y: rowTop, height: boxHeight(table), keys: keyColumns(table), loose: true }));
    rowTop += rowHeight + BOX_GAP;
  }
  const right = Math.max(...boxes.map((b) => b.x + BOX_WIDTH), 0);
  return { width: right + MARGIN, height: Math.max(rowTop, relatedHeight) + MARGIN, boxes };
}

const STYLE = `
.er-box{fill:var(--er-box,#ffffff);stroke:var(--er-border,#94a3b8);stroke-width:1}
.er-head{fill:var(--er-head,#e2e8f0)}
.er-title{font:600 13px ui-sans-serif,system-ui,sans-serif;fill:var(--er-text,#0f172a)}
.er-col{font:12px ui-monospace,monospace;fill:var(--er-text,#0f172a)}
.er-mark{font:11px ui-sans-serif,system-ui,sans-serif;fill:var(--er-muted,#64748b)}
.er-edge{fill:none;stroke:var(--er-edge,#6366f1);stroke-width:1.4;opacity:.8}
.er-label{font:italic 12px ui-sans-serif,system-ui,sans-serif;fill:var(--er-muted,#64748b)}`;

export function erDiagramSvg(schema: SchemaModel): string {
  const layout = layoutErDiagram(schema);
  const byName = new Map(layout.boxes.map((b) => [b.table.name, b]));
  const rowY = (box: Box, column: string) => {
    const index = box.keys.findIndex((k) => k.name === column);
    return box.y + HEADER + PAD + Math.max(0, index) * ROW + ROW / 2;
  };

  const edges = layout.boxes.flatMap((child) =>
    child.table.columns.flatMap((column) => {
      const fk = column.foreignKey;
      const parent = fk ? byName.get(fk.table) : undefined;
      if (!fk || !parent) return [];
      const x1 = parent.x + BOX_WIDTH;
      const y1 = rowY(parent, fk.column);
      const x2 = child.x;
      const y2 = rowY(child, column.name);
      const bend = Math.max(40, (x2 - x1) / 2);
      const d = `M${x2} ${y2} C${x2 - bend} ${y2} ${x1 + bend} ${y1} ${x1} ${y1}`;
      const title = `${child.table.name}.${column.name} → ${fk.table}.${fk.column} (ON DELETE ${fk.onDelete})`;
      return [`<path class="er-edge" data-fk="${escapeXml(`${child.table.name}.${column.name}`)}" d="${d}" marker-end="url(#er-arrow)"><title>${escapeXml(title)}</title></path>`];
    }),
  );

  const looseTop = layout.boxes.find((b) => b.loose);
  const boxes = layout.boxes.map((box) => {
    const rows = box.keys.length
      ? box.keys.map((key, i) => {
          const y = box.y + HEADER + PAD + i * ROW + 13;
          return `<text class="er-col" x="${box.x + 10}" y="${y}">${escapeXml(key.name)}</text><text class="er-mark" x="${box.x + BOX_WIDTH - 10}" y="${y}" text-anchor="end">${escapeXml(key.mark)}</text>`;
        })
      : [`<text class="er-mark" x="${box.x + 10}" y="${box.y + HEADER + PAD + 13}">no keys</text>`];
    return [
      `<g class="er-table" data-table="${escapeXml(box.table.name)}">`,
      `<title>${escapeXml(`${box.table.name}: ${box.table.columns.length} columns`)}</title>`,
      `<rect class="er-box" x="${box.x}" y="${box.y}" width="${BOX_WIDTH}" height="${box.height}" rx="6"/>`,
      `<path class="er-head" d="M${box.x + 0.5} ${box.y + HEADER} V${box.y + 6} Q${box.x + 0.5} ${box.y + 0.5} ${box.x + 6} ${box.y + 0.5} H${box.x + BOX_WIDTH - 6} Q${box.x + BOX_WIDTH - 0.5} ${box.y + 0.5} ${box.x + BOX_WIDTH - 0.5} ${box.y + 6} V${box.y + HEADER} Z"/>`,
      `<text class="er-title" x="${box.x + 10}" y="${box.y + 17}">${escapeXml(box.table.name)}</text>`,
      ...rows,
      `</g>`,
    ].join("");
  });
  const label = looseTop ? `<text class="er-label" x="${MARGIN}" y="${looseTop.y - 10}">Tables without foreign keys</text>` : "";

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="img" aria-labelledby="er-title">`,
    `<title id="er-title">Entity-relationship diagram: ${schema.tables.length} tables and their foreign keys</title>`,
    `<style>${STYLE}</style>`,
    `<defs><marker id="er-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="var(--er-edge,#6366f1)"/></marker></defs>`,
    ...edges,
    ...boxes,
    label,
    `</svg>`,
  ].join("\n");
}
