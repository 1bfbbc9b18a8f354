import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';

export interface ServerHandle {
  port: number;
  apiKey: string;
  storeId: string;
  url: string;
  stop(): Promise<void>;
}

/** Starts bench/server-process.ts in a child process and waits for its address. */
export async function startServer(env: Record<string, string> = {}): Promise<ServerHandle> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/server-process.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const info = await new Promise<{ port: number; apiKey: string; storeId: string }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.on('exit', (code) => reject(new Error(`bench server exited ${code}`)));
  });
  return {
    ...info,
    url: `http://127.0.0.1:${info.port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** Runs autocannon; `body` gives each request its own payload (a unique order, a signed webhook). */
export async function load(opts: {
  url: string;
  method?: 'GET' | 'POST';
  connections: number;
  duration?: number;
  amount?: number;
  headers?: Record<string, string>;
  body?: (i: number) => { body: string; headers?: Record<string, string> };
}): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url: opts.url,
    method: opts.method ?? 'GET',
    connections: opts.connections,
    ...(opts.amount ? { amount: opts.amount } : { duration: opts.duration ?? 5 }),
    headers: opts.headers,
    requests: opts.body
      ? [
          {
            setupRequest: (req) => {
              const b = opts.body!(i++);
              return { ...req, body: b.body, headers: { ...req.headers, ...opts.headers, ...b.headers } };
            },
          },
        ]
      : undefined,
  });
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
export const ratio = (a: number, b: number) => `${((a / b) * 100).toFixed(1)}%`;

export function report(title: string, rows: Array<[string, string]>) {
  console.log(`\n${title}`);
  const w = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`  ${k.padEnd(w)}  ${v}`);
}


/** Runs `fn` over `items` with at most `width` calls in flight. */
export async function inPool<T>(items: T[], width: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}
