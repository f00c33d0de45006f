/**
 * A small HTTP client for the benchmark (node:http with keep-alive, so the load generator costs
 * little CPU next to the server on the same machine) and the two ways load is sent: a burst of
 * requests at one moment, and a closed loop of N workers for a while.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";

export type Answer = { status: number; location: string | null; body: string; ms: number; error?: string };

export function createClient(baseURL: string, { maxSockets = 256 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const origin = new URL(baseURL);

  /** One request; never throws (a network failure is an answer with status 0 and `error`). */
  function request(
    method: "GET" | "POST",
    path: string,
    { cookie, form, readBody = true }: { cookie?: string; form?: Record<string, string>; readBody?: boolean } = {},
  ): Promise<Answer> {
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const headers: Record<string, string> = { "Accept-Encoding": "identity" };
    if (cookie) headers.Cookie = cookie;
    if (body !== undefined) {
      // what a browser sends with a form posted from one of our pages
      headers["Content-Type"] = "application/x-www-form-urlencoded";
      headers["Content-Length"] = String(Buffer.byteLength(body));
      headers.Origin = origin.origin;
      headers["Sec-Fetch-Site"] = "same-origin";
    }
    const started = performance.now();
    return new Promise((resolve) => {
      const req = http.request(
        { host: origin.hostname, port: origin.port, method, path, headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => {
            if (readBody) chunks.push(chunk);
          });
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              location: (res.headers.location as string | undefined) ?? null,
              body: Buffer.concat(chunks).toString("utf8"),
              ms: performance.now() - started,
            }),
          );
          res.on("error", (error) => resolve({ status: 0, location: null, body: "", ms: performance.now() - started, error: error.message }));
        },
      );
      req.setTimeout(60_000, () => req.destroy(new Error("no answer within 60 s")));
      req.on("error", (error) => resolve({ status: 0, location: null, body: "", ms: performance.now() - started, error: error.message }));
      req.end(body);
    });
  }

  return { request, close: () => agent.destroy() };
}

export type Client = ReturnType<typeof createClient>;

export type LoopResult<T> = { results: T[]; elapsedMs: number };

/**
 * `concurrency` workers each run `task` again and again until `durationMs` has passed (or
 * `maxCount` tasks were started); a task's result is kept with its latency.
 */
export async function closedLoop<T>({
  concurrency,
  durationMs,
  maxCount = Number.POSITIVE_INFINITY,
  task,
}: {
  concurrency: number;
  durationMs: number;
  maxCount?: number;
  task: (index: number) => Promise<T>;
}): Promise<LoopResult<T>> {
  const results: T[] = [];
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (performance.now() - started < durationMs && next < maxCount) {
      results.push(await task(next++));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { results, elapsedMs: performance.now() - started };
}

/** Sends every request at once; the time until the last answer is `elapsedMs`. */
export async function burst<T>(count: number, task: (index: number) => Promise<T>): Promise<LoopResult<T>> {
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: count }, (_, i) => task(i)));
  return { results, elapsedMs: performance.now() - started };
}
