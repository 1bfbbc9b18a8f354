import type { Deps } from '../../compose.ts';

/** Creates the demo store on an empty database (filled in by the demo capability). */
export async function seedDemoIfEmpty(_deps: Deps, _opts: { baseUrl: string; log: (m: string) => void }): Promise<void> {}
