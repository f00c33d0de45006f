/**
 * Creates an operator (Tsudoi's own support account) on a fresh install:
 *
 *   npm run create-operator -- ops@example.org "運用 太郎"
 *
 * Uses DATABASE_URL, or the embedded database in DATA_DIR (default .data) when it is not set:
 * stop the app first, as the embedded database has one user at a time. Prints a random
 * password and the authenticator key (and a QR code) once; they are not stored in plain text.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import QRCode from "qrcode";

const [email, name = "運用担当"] = process.argv.slice(2);
if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
  console.error('usage: npm run create-operator -- <email> ["name"]');
  process.exit(2);
}

let stopEmbedded: (() => Promise<void>) | undefined;
if (!process.env.DATABASE_URL) {
  const { startEmbeddedDatabase } = await import("../server/embedded-db");
  const dataDir = path.resolve(process.env.DATA_DIR ?? ".data", "pglite");
  const embedded = await startEmbeddedDatabase({ dataDir });
  process.env.DATABASE_URL = embedded.url;
  stopEmbedded = embedded.stop;
}
const { migrate } = await import("../server/migrate");
await migrate(process.env.DATABASE_URL!);
const { createOperator } = await import("../app/services/operators.server");
const { newTotpSecret } = await import("../app/services/totp.server");
const { getTOTPAuthUri } = await import("@epic-web/totp");
const { db } = await import("../app/utils/db.server");

const password = randomBytes(12).toString("base64url");
const totpSecret = await newTotpSecret();
try {
  const operator = await createOperator({ email, name, password, totpSecret });
  const uri = getTOTPAuthUri({ secret: totpSecret, accountName: operator.email, issuer: "Tsudoi operator", algorithm: "SHA-1", digits: 6, period: 30 });
  console.log(`operator created: ${operator.email}`);
  console.log(`password (shown once): ${password}`);
  console.log(`authenticator key (shown once): ${totpSecret}`);
  console.log(await QRCode.toString(uri, { type: "terminal", small: true }));
  console.log("sign in at /operator/login with the password and the 6-digit code from the app");
} catch (error) {
  if ((error as { code?: string }).code === "P2002") {
    console.error(`an operator with the email ${email} already exists`);
    process.exitCode = 1;
  } else throw error;
} finally {
  await db.$disconnect();
  await stopEmbedded?.();
}
