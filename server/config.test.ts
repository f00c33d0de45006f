import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

const base = { NODE_ENV: "test" as const, SESSION_SECRET: "s".repeat(40) };

describe("Stripe configuration", () => {
  it("is optional: without it the app takes payment at the counter only", async () => {
    const config = await loadConfig(base);
    expect(config.STRIPE_SECRET_KEY).toBeUndefined();
  });

  it("needs the webhook secret with the secret key, or payments would never be confirmed", async () => {
    await expect(loadConfig({ ...base, STRIPE_SECRET_KEY: "sk_test_abc" })).rejects.toThrow(/STRIPE_WEBHOOK_SECRET/);
    const config = await loadConfig({
      ...base,
      STRIPE_SECRET_KEY: "sk_test_abc",
      STRIPE_WEBHOOK_SECRET: "whsec_abc",
      STRIPE_API_BASE: "http://localhost:12111",
    });
    expect(config).toMatchObject({ STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_API_BASE: "http://localhost:12111" });
  });

  it("refuses a publishable key or a malformed webhook secret", async () => {
    await expect(loadConfig({ ...base, STRIPE_SECRET_KEY: "pk_live_abc", STRIPE_WEBHOOK_SECRET: "whsec_abc" })).rejects.toThrow(
      /STRIPE_SECRET_KEY must be a Stripe secret key/,
    );
    await expect(loadConfig({ ...base, STRIPE_WEBHOOK_SECRET: "abc" })).rejects.toThrow(/whsec_/);
  });
});

describe("the embedded database's port", () => {
  it("is any free one by default, or the one asked for (to look into it while the app runs)", async () => {
    expect((await loadConfig(base)).EMBEDDED_DB_PORT).toBe(0);
    expect((await loadConfig({ ...base, EMBEDDED_DB_PORT: "3361" })).EMBEDDED_DB_PORT).toBe(3361);
    await expect(loadConfig({ ...base, EMBEDDED_DB_PORT: "port" })).rejects.toThrow(/EMBEDDED_DB_PORT/);
  });
});
