/** A foreign key: `table` references `references`. */
export interface TableReference {
  readonly table: string;
  readonly references: string;
}

/**
 * The order to load tables in so that every referenced row exists before the rows that reference it
 * (foreign keys stay checked during a restore). A table referencing itself is fine: a COPY checks its
 * references when the statement ends. Ties keep alphabetical order so the order is stable. A cycle between
 * tables has no such order: it is reported with its tables.
 */
export function tableLoadOrder(tables: readonly string[], references: readonly TableReference[]): string[] {
  const known = new Set(tables);
  const parents = new Map<string, Set<string>>(tables.map((table) => [table, new Set<string>()]));
  for (const { table, references: parent } of references) {
    if (table !== parent && known.has(table) && known.has(parent)) parents.get(table)!.add(parent);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  const remaining = [...tables].sort();
  while (remaining.length) {
    const next = remaining.findIndex((table) =>
      [...parents.get(table)!].every((parent) => placed.has(parent)),
    );
    if (next < 0) throw new Error(`foreign keys form a cycle between: ${remaining.join(', ')}`);
    const [table] = remaining.splice(next, 1);
    order.push(table);
    placed.add(table);
  }
  return order;
}
