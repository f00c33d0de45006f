import { generateTOTP, getTOTPAuthUri, verifyTOTP } from "@epic-web/totp";
import QRCode from "qrcode";

/** Authenticator apps expect SHA-1, 6 digits, 30 seconds: the defaults of every app. */
const SETTINGS = { algorithm: "SHA-1", digits: 6, period: 30 } as const;

export async function newTotpSecret() {
  return (await generateTOTP(SETTINGS)).secret;
}

/** The current code for a secret (for tests and the demo's README). */
export async function currentTotp(secret: string) {
  return (await generateTOTP({ ...SETTINGS, secret })).otp;
}

/** Accepts the current code and the one before or after it (a phone's clock may be off). */
export async function checkTotp(secret: string, code: string) {
  const otp = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(otp)) return false;
  return (await verifyTOTP({ ...SETTINGS, otp, secret, window: 1 })) !== null;
}

/** What the set-up page shows: a QR code (inline SVG) and the key to type by hand. */
export async function totpEnrolment(secret: string, accountName: string, issuer: string) {
  const uri = getTOTPAuthUri({ ...SETTINGS, secret, accountName, issuer });
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { qrSvg, key: secret.replace(/(.{4})/g, "$1 ").trim() };
}
