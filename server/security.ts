import { randomBytes } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";

/**
 * Security headers for every response. Scripts run only from our origin or with this
 * response's nonce (Remix's own inline scripts get it through the load context): no
 * 'unsafe-inline' for scripts. HSTS only where the site is served over HTTPS. `formTargets` are
 * the other origins a form post may redirect to (Stripe Checkout).
 */
export function securityHeaders({ https, formTargets = [] }: { https: boolean; formTargets?: string[] }): RequestHandler {
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
        // a form may lead to Stripe Checkout (its origin), as the submit's redirect goes there
        ["form-action 'self'", ...formTargets].join(" "),
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

type PostHeaders = { origin?: string; referer?: string; secFetchSite?: string; host?: string };

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
};

/**
 * Whether a state-changing request came from another site. SameSite=Lax cookies do not stop a
 * form on another site posting here. Browsers send Origin on every cross-site post (and
 * Sec-Fetch-Site); older ones at least a Referer. A request with none of them is not from a
 * browser page (curl, a monitoring probe) and carries no one's cookies by accident.
 */
export function isCrossSite({ origin, referer, secFetchSite, host }: PostHeaders) {
  if (secFetchSite === "cross-site" || secFetchSite === "same-site") return true;
  if (origin) return hostOf(origin) !== host;
  if (referer) return hostOf(referer) !== host;
  return false;
}

export function rejectCrossSiteForms(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) return next();
  const crossSite = isCrossSite({
    origin: req.get("origin"),
    referer: req.get("referer"),
    secFetchSite: req.get("sec-fetch-site"),
    host: req.get("host"),
  });
  if (crossSite) {
    res.status(403).type("text/plain; charset=utf-8").send("別のサイトからの送信は受け付けられません。");
    return;
  }
  next();
}
