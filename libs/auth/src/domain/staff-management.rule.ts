/**
 * The roles a department head manages (creates, moves, disables, resets the password of) in its own department:
 * the staff of its centers, supply points, squads and routes. Never admins; never department heads or inspectors
 * either: an inspector (督察组) approves the head's own corrections of a closed month, so the head must not
 * control those accounts. Admins manage every staff role.
 */
export const HEAD_MANAGED_ROLES = [
  'market_manager',
  'supply_clerk',
  'account_manager',
  'enforcement_officer',
  'delivery_staff',
] as const;

/** Whether a department head may manage a user of `role` (or give a user that role). */
export function headManages(role: string): boolean {
  return (HEAD_MANAGED_ROLES as readonly string[]).includes(role);
}
