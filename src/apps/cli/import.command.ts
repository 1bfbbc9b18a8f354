import type { Command } from 'commander';

/** `otodoke import orders FILE.csv --store ID`: filled in by the CSV import. */
export function registerImportCommand(_program: Command): void {}
