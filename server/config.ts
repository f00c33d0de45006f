import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z.string().url().optional(),
  /** the embedded database's loopback port (0: any free one), e.g. to look into it with psql while the app runs */
  EMBEDDED_DB_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  SEED_DEMO: z.enum(["true", "false"]).optional(),
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Tsudoi <no-reply@tsudoi.invalid>"),
  /** the address residents open Tsudoi at, for links in mail sent without a request (reminders) */
  PUBLIC_URL: z.string().url("PUBLIC_URL must be a URL like https://tsudoi.example.jp").optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, "STRIPE_SECRET_KEY must be a Stripe secret key (sk_live_…, sk_test_… or a restricted rk_…)")
    .optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, "STRIPE_WEBHOOK_SECRET must look like whsec_…").optional(),
  // tests and e2e only: the fake Stripe server (server/fake-stripe.ts)
  STRIPE_API_BASE: z.string().url().optional(),
}).refine((env) => !env.STRIPE_SECRET_KEY || env.STRIPE_WEBHOOK_SECRET, {
  path: ["STRIPE_WEBHOOK_SECRET"],
  message: "set it too when STRIPE_SECRET_KEY is set, or online payments are never confirmed",
});

export type Config = z.infer<typeof EnvSchema> & {
  sessionSecret: string;
  publicUrl: string;
  seedDemo: boolean;
  secureCookies: boolean;
};

/** Reads and checks the environment once at boot, with a clear message for each mistake. */
export async function loadConfig(env = process.env): Promise<Config> {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  const config = parsed.data;
  return {
    ...config,
    sessionSecret: config.SESSION_SECRET ?? (await persistedSecret(config.DATA_DIR)),
    publicUrl: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    // The embedded database is for trying Tsudoi out, so it gets the demo municipality.
    seedDemo: config.SEED_DEMO ? config.SEED_DEMO === "true" : !config.DATABASE_URL,
    // a real deployment (its own PostgreSQL) is served over HTTPS
    secureCookies: config.SECURE_COOKIES ? config.SECURE_COOKIES === "true" : Boolean(config.DATABASE_URL),
  };
}

/** A random secret kept in DATA_DIR, so sessions survive restarts without any set-up. */
async function persistedSecret(dataDir: string) {
  const file = path.join(dataDir, "session-secret");
  try {
    return (await readFile(file, "utf8")).trim();
  } catch {
    await mkdir(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("hex");
    await writeFile(file, secret, { mode: 0o600 });
    return secret;
  }
}
