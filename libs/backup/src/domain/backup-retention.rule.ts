import { isBackupName } from './backup-manifest.js';

/**
 * The backups to delete so that the newest `keep` remain. Only names this application writes are
 * considered: anything else a person put in the folder is left alone.
 */
export function backupsToPrune(names: readonly string[], keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError('keep must be a positive integer');
  const ours = names.filter(isBackupName).sort();
  return ours.slice(0, Math.max(0, ours.length - keep));
}
