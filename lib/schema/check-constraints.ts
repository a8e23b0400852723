/**
 * The CHECK constraints of a CREATE TABLE statement, read from its SQL: SQLite keeps no catalogue of them.
 * The statement is split into its top-level definitions (commas inside parentheses, strings, quoted names and
 * comments do not split), then each definition's CHECK ( … ) expressions are cut out by matching parentheses,
 * so long multi-line CHECKs with nested calls and GLOB patterns come out whole.
 */
export type TableChecks = {
  /** Column name → the CHECK expressions written on that column's definition. */
  columns: Map<string, string[]>;
  /** CHECKs written as table constraints (they may span several columns). */
  table: string[];
};

type Token = { text: string; depth: number };

/** Walks the SQL once, skipping comments and yielding each other character with its parenthesis depth. */
function scan(sql: string, visit: (index: number, char: string, depth: number) => void): void {
  let depth = 0;
  let i = 0;
  while (i < sql.length) {
    const char = sql[i]!;
    if (char === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end;
      continue;
    }
    if (char === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end === -1 ? sql.length : end + 2;
      continue;
    }
    if (char === "'" || char === '"' || char === "`" || char === "[") {
      const close = char === "[" ? "]" : char;
      let j = i + 1;
      for (;;) {
        if (j >= sql.length) break;
        if (sql[j] === close) {
          if (close !== "]" && sql[j + 1] === close) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      for (let k = i; k <= Math.min(j, sql.length - 1); k++) visit(k, sql[k]!, depth);
      i = j + 1;
      continue;
    }
    // An opening parenthesis reports the depth outside it, and so does its closing one.
    if (char === ")") depth--;
    visit(i, char, depth);
    if (char === "(") depth++;
    i++;
  }
}

/** The comma-separated definitions inside the outermost parentheses of CREATE TABLE, comments removed. */
export function tableDefinitions(createSql: string): string[] {
  const definitions: string[] = [];
  let current: Token[] = [];
  let inside = false;
  scan(createSql, (_index, char, depth) => {
    if (!inside) {
      if (char === "(" && depth === 0) inside = true;
      return;
    }
    if (depth === 0 && char === ")") {
      inside = false;
      definitions.push(current.map((t) => t.text).join(""));
      current = [];
      return;
    }
    if (depth === 1 && char === ",") {
      definitions.push(current.map((t) => t.text).join(""));
      current = [];
      return;
    }
    current.push({ text: char, depth });
  });
  return definitions.map((definition) => definition.replace(/\s+/g, " ").trim()).filter(Boolean);
}

/** Every `CHECK ( … )` expression of one definition, without the outer parentheses. */
export function checkExpressions(definition: string): string[] {
  const checks: string[] = [];
  const pattern = /\bCHECK\s*\(/gi;
  for (let match = pattern.exec(definition); match; match = pattern.exec(definition)) {
    const open = match.index + match[0].length - 1;
    let end = -1;
    scan(definition.slice(open), (index, char, depth) => {
      if (end === -1 && char === ")" && depth === 0) end = open + index;
    });
    if (end === -1) break;
    checks.push(definition.slice(open + 1, end).trim());
    pattern.lastIndex = end;
  }
  return checks;
}

const TABLE_CONSTRAINT = /^(CONSTRAINT\s+\S+\s+)?(PRIMARY\s+KEY|UNIQUE|CHECK|FOREIGN\s+KEY)\b/i;

function unquote(name: string): string {
  const first = name[0];
  if (first === '"' || first === "`") return name.slice(1, -1).replaceAll(first + first, first);
  if (first === "[") return name.slice(1, -1);
  return name;
}

export function parseTableChecks(createSql: string): TableChecks {
  const result: TableChecks = { columns: new Map(), table: [] };
  for (const definition of tableDefinitions(createSql)) {
    if (TABLE_CONSTRAINT.test(definition)) {
      if (/^(CONSTRAINT\s+\S+\s+)?CHECK\b/i.test(definition)) result.table.push(...checkExpressions(definition));
      continue;
    }
    const name = definition.match(/^("(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|\S+)/)?.[1];
    if (!name) continue;
    result.columns.set(unquote(name), checkExpressions(definition));
  }
  return result;
}
