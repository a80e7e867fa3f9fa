export function OutboxBadge() {
  return null;
}
