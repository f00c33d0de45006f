import { randomBytes } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";

/**
 * Security headers for every response. Scripts run only from our origin or with this
 * response's nonce (Remix's own inline scripts get it through the load context): no
 * 'unsafe-inline' for scripts. HSTS only where the site is served over HTTPS.
 */
export function securityHeaders({ https }: { https: boolean }): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader(
      "Content-Security-Policy",
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join("; "),
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    if (https) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * SameSite=Lax cookies do not stop a form on another site posting here; browsers send
 * Origin on every cross-site post, so a post whose Origin is another host is refused.
 */
export function rejectCrossSiteForms(req: Request, res: Response, next: NextFunction) {
  const origin = req.get("origin");
  if (SAFE_METHODS.has(req.method) || !origin) return next();
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    host = "";
  }
  if (host !== req.get("host")) {
    res.status(403).type("text/plain; charset=utf-8").send("別のサイトからの送信は受け付けられません。");
    return;
  }
  next();
}
