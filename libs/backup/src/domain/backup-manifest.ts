/**
 * What a backup holds, written beside its data files as `manifest.json`. A backup is a folder: one gzip'd
 * COPY text file per table (readable with `\copy` by hand, in any PostgreSQL version) and this manifest, which
 * names the migration the data belongs to, so a restore first builds exactly that schema.
 */
export const BACKUP_FORMAT = 'tobacco-retail-backup/1';

export interface BackupTable {
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: number;
  /** The data file, relative to the backup folder. */
  readonly file: string;
  /** sha256 of the data file's bytes, hex. */
  readonly sha256: string;
}

export interface BackupSequence {
  readonly name: string;
  /** null: the sequence was never used. */
  readonly lastValue: string | null;
}

export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  /** The instant the snapshot was taken (the one clock's now), ISO 8601. */
  readonly takenAt: string;
  /** The last migration applied to the backed-up database. */
  readonly migration: string;
  readonly serverVersion: string;
  readonly tables: readonly BackupTable[];
  readonly sequences: readonly BackupSequence[];
}

/** Backup folders are named by the instant they were taken, so names sort in time order. */
const NAME_PATTERN = /^backup-(\d{8}T\d{6}Z)$/;

export function backupName(takenAt: Date): string {
  const stamp = takenAt
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
  return `backup-${stamp}`;
}

export function isBackupName(name: string): boolean {
  return NAME_PATTERN.test(name);
}

/** The problem with a manifest read from disk, in words, or null when it can be restored. */
export function manifestProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'manifest.json is not an object';
  const manifest = value as Partial<BackupManifest>;
  if (manifest.format !== BACKUP_FORMAT) return `unknown backup format ${String(manifest.format)}`;
  if (typeof manifest.migration !== 'string' || !manifest.migration) return 'the manifest names no migration';
  if (!Array.isArray(manifest.tables) || !Array.isArray(manifest.sequences))
    return 'the manifest lists no tables';
  for (const table of manifest.tables) {
    const valid =
      typeof table?.name === 'string' &&
      /^[a-z_][a-z0-9_]*$/.test(table.name) &&
      Array.isArray(table.columns) &&
      (table.columns as unknown[]).every(
        (column) => typeof column === 'string' && /^[a-z_][a-z0-9_]*$/.test(column),
      ) &&
      Number.isInteger(table.rows) &&
      typeof table.file === 'string' &&
      /^[a-z0-9_]+\.copy\.gz$/.test(table.file) &&
      typeof table.sha256 === 'string';
    if (!valid) return `table entry ${JSON.stringify(table?.name ?? table)} is malformed`;
  }
  return null;
}
