import type { NextFunction, Request, Response } from "express";

export function securityHeaders(_req: Request, res: Response, next: NextFunction) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  next();
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
