/**
 * Starts the built app (`build/` from `npx remix build`) with `tsx server/index.ts` on a free
 * port and a fresh temporary DATA_DIR (so a new PGlite database with the demo municipality),
 * and stops it again. Used by scripts/screenshots.ts and scripts/lighthouse.ts.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export type RunningServer = {
  baseURL: string;
  port: number;
  dataDir: string;
  /** the process group of the server (tsx and the node process it starts) */
  pid: number;
  /** Stops the server (SIGTERM, then SIGKILL) and deletes the data directory. Safe to call twice. */
  stop: () => Promise<void>;
};

/** A port that was free a moment ago (the OS picks it; the server binds it right after). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("could not find a free port"))));
    });
  });
}

export async function startServer({
  readyPath = "/akiruno",
  timeoutMs = 120_000,
  port: askedPort,
  env = {},
}: {
  readyPath?: string;
  timeoutMs?: number;
  /** default: a free port */
  port?: number;
  /** more environment for the server (e.g. SEED_DEMO, DATABASE_URL) */
  env?: Record<string, string>;
} = {}): Promise<RunningServer> {
  if (!existsSync(path.join(ROOT, "build", "index.js"))) {
    throw new Error("build/index.js is missing: run `npx remix build` first");
  }
  const port = askedPort ?? (await freePort());
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tsudoi-script-"));
  const baseURL = `http://localhost:${port}`;
  const output: string[] = [];
  const remember = (chunk: Buffer) => {
    output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (output.length > 60) output.splice(0, output.length - 60);
  };

  // tsx runs the server in a child node process: start it in its own process group so that
  // stopping the group stops both.
  const child: ChildProcess = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["server/index.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", remember);
  child.stderr?.on("data", remember);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exit = new Promise<void>((resolve) =>
    child.on("exit", (code, signal) => {
      exited = { code, signal };
      resolve();
    }),
  );

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (!exited && child.pid) {
      signalGroup(child.pid, "SIGTERM");
      const timer = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 8_000).unref());
      if ((await Promise.race([exit, timer])) === "timeout") {
        signalGroup(child.pid, "SIGKILL");
        await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  // stop the server if this script is interrupted or dies on an uncaught error
  const onSignal = (signal: NodeJS.Signals) => {
    void stop().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("exit", () => {
    if (!exited && child.pid) signalGroup(child.pid, "SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  const started = Date.now();
  try {
    for (;;) {
      if (exited) {
        const { code, signal } = exited as { code: number | null; signal: NodeJS.Signals | null };
        throw new Error(`the server exited during start-up (code ${code}, signal ${signal})`);
      }
      if (Date.now() - started > timeoutMs) throw new Error(`the server did not answer ${readyPath} within ${timeoutMs / 1000} s`);
      try {
        const response = await fetch(`${baseURL}${readyPath}`, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
        if (response.status === 200) break;
        if (response.status >= 500) throw new Error(`GET ${readyPath} answered ${response.status}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith("GET ")) throw error;
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  } catch (error) {
    await stop();
    const log = output.map((line) => `    ${line}`).join("\n");
    throw new Error(`${(error as Error).message}\n  server output (last lines):\n${log}`);
  }
  console.log(`server ready on ${baseURL} in ${((Date.now() - started) / 1000).toFixed(1)} s (DATA_DIR ${dataDir})`);
  return { baseURL, port, dataDir, pid: child.pid!, stop };
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

export const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
