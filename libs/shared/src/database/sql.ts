/** Escapes LIKE/ILIKE wildcards in user input, so `%` and `_` match themselves. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%term%` for a contains-search on user input. */
export function containsPattern(value: string): string {
  return `%${escapeLike(value)}%`;
}
