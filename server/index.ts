import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { seedDemoDatabase } from "../prisma/seed";
import { loadConfig } from "./config";
import { type EmbeddedDatabase, startEmbeddedDatabase } from "./embedded-db";
import { migrate } from "./migrate";
import { securityHeaders, rejectCrossSiteForms } from "./security";

installGlobals({ nativeFetch: true });

const root = fileURLToPath(new URL("..", import.meta.url));
const log = (line: string) => console.log(`[tsudoi] ${line}`);

const config = await loadConfig();
let embedded: EmbeddedDatabase | undefined;
if (!config.DATABASE_URL) {
  const dataDir = path.resolve(config.DATA_DIR, "pglite");
  embedded = await startEmbeddedDatabase({ dataDir, port: config.EMBEDDED_DB_PORT });
  process.env.DATABASE_URL = embedded.url;
  log(`embedded database (PGlite) in ${dataDir}, on ${new URL(embedded.url).host}`);
}
const databaseUrl = process.env.DATABASE_URL!;
process.env.SESSION_SECRET = config.sessionSecret;
process.env.SECURE_COOKIES = String(config.secureCookies);
process.env.PUBLIC_URL = config.publicUrl;

await migrate(databaseUrl, log);
if (config.seedDemo) {
  await seedDemoDatabase(databaseUrl);
  log("demo municipality: /akiruno");
}

const build = (await import(
  pathToFileURL(path.join(root, "build/index.js")).href
)) as ServerBuild;
// imported here: the app's database client reads DATABASE_URL when it loads
const { startMailer } = await import("./mailer");
const mailer = await startMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, publicUrl: config.publicUrl });
log(config.SMTP_URL ? "mail: sent through SMTP_URL" : "mail: no SMTP_URL, messages stay in the outbox (operators read them at /operator/outbox)");
log(
  config.STRIPE_SECRET_KEY
    ? `payments: Stripe Checkout${config.STRIPE_API_BASE ? ` (API at ${config.STRIPE_API_BASE})` : ""}`
    : "payments: no STRIPE_SECRET_KEY, payment at the counter only",
);

const app = express();
app.disable("x-powered-by");
app.use(compression());
// Stripe Checkout's pages: Stripe's own, or the fake's when the API is pointed elsewhere
const checkoutOrigin = config.STRIPE_SECRET_KEY ? (config.STRIPE_API_BASE ? new URL(config.STRIPE_API_BASE).origin : "https://checkout.stripe.com") : null;
app.use(securityHeaders({ https: config.secureCookies, formTargets: checkoutOrigin ? [checkoutOrigin] : [] }));
app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
app.use(rejectCrossSiteForms);
app.all(
  "*",
  createRequestHandler({
    build,
    mode: config.NODE_ENV,
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip }),
  }),
);

const server = app.listen(config.PORT, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  log(`listening on http://localhost:${port}`);
});

async function shutdown() {
  server.close();
  mailer.stop();
  await embedded?.stop();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
