import { createCookieSessionStorage, redirect } from "@remix-run/node";
import type { SlotRef } from "~/domain/availability";
import {
  createSession,
  endAllSessionsOf,
  endSession,
  findSessionUser,
  secondFactorOf,
  SESSION_DAYS,
  type SessionUser,
} from "~/services/accounts.server";
import type { Role } from "~/generated/prisma/client";
import { createOperatorSession, endOperatorSession, findOperator } from "~/services/operators.server";
import { PROXY_ROLES, residentForProxy } from "~/services/proxy.server";
import type { Municipality } from "~/services/catalog.server";

type SessionData = {
  sessionId: string;
  /** the emailed-code sign-in this browser started (SignInCode id) */
  codeChallenge: { municipalityId: string; id: string; email: string };
  /** a staff member who gave the first factor and still owes the TOTP code */
  secondFactor: { municipalityId: string; userId: string; until: number; to: string; setupSecret?: string };
  /** an operator's session (/operator), apart from any municipality's */
  operatorSessionId: string;
  /** slots picked before applying, per municipality id */
  selection: Record<string, SlotRef[]>;
  /** answers of the details step, per municipality id */
  draft: Record<string, ApplicationDraft>;
  /**
   * the resident a signed-in manager or staff member is booking for (代理予約); good only for
   * the sign-in (sessionId) that started it
   */
  actingFor: { municipalityId: string; sessionId: string; residentId: string };
};

/** Answers of the application questions, kept as they are given (one page per question). */
export type ApplicationDraft = {
  purpose?: string;
  /** a code of app/domain/purpose-categories.ts */
  purposeCategory?: string;
  headcount?: number;
  contactPhone?: string;
  resident?: boolean;
  commercial?: boolean;
  admissionCharged?: boolean;
  aircon?: boolean;
  /** units of equipment by id ({} when none is borrowed) */
  equipment?: Record<string, number>;
  /** "" when no exemption is asked for */
  exemptionCategoryId?: string;
  exemptionGrounds?: string;
  /** "" when not applying for a registered group */
  groupId?: string;
};

/**
 * Behind HTTPS (any deployment with DATABASE_URL, or SECURE_COOKIES=true) the cookie is Secure
 * and `__Host-` prefixed: the browser then refuses it from plain HTTP and from any subdomain.
 * The embedded demo is often opened over plain HTTP on a LAN address, so it uses neither.
 */
const secure = process.env.SECURE_COOKIES === "true";

const storage = createCookieSessionStorage<SessionData>({
  cookie: {
    name: secure ? "__Host-tsudoi" : "__session",
    secure,
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
    secrets: [process.env.SESSION_SECRET ?? "tsudoi-development-secret-change-me"],
  },
});

export async function getSession(request: Request) {
  return storage.getSession(request.headers.get("Cookie"));
}

export const commitSession = storage.commitSession;

export async function getUser(request: Request, municipality: Municipality) {
  const session = await getSession(request);
  const sessionId = session.get("sessionId");
  return sessionId ? findSessionUser(municipality.id, sessionId, new Date()) : null;
}

/**
 * The signed-in user, or a redirect to sign in that comes back to `returnTo` (default: here).
 * `expired` tells the sign-in page to say that what was typed is kept.
 */
export async function requireUser(
  request: Request,
  municipality: Municipality,
  options: { returnTo?: string; expired?: boolean } = {},
) {
  const user = await getUser(request, municipality);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = options.returnTo ?? url.pathname + url.search;
    const expired = options.expired ? "&expired=1" : "";
    throw redirect(`/${municipality.slug}/login?redirectTo=${encodeURIComponent(redirectTo)}${expired}`);
  }
  return user;
}

/** The signed-in user if they have one of `roles`; otherwise sign in, or 403 for the wrong role. */
export async function requireRole(request: Request, municipality: Municipality, roles: readonly Role[]) {
  const user = await requireUser(request, municipality);
  if (!roles.includes(user.role)) throw new Response("Forbidden", { status: 403 });
  return user;
}

export type { SessionUser };

/** How long a staff member has to give their TOTP code after the first factor. */
const SECOND_FACTOR_MS = 10 * 60_000;

/**
 * After a first factor (password or emailed code): residents and managers are signed in;
 * staff go on to their TOTP code (or set it up the first time).
 */
export async function completeFirstFactor(request: Request, municipality: Municipality, userId: string, requested: string) {
  const factor = await secondFactorOf(municipality.id, userId);
  // with no particular page asked for, staff and managers start on their own page
  const to = requested === `/${municipality.slug}/bookings` && factor ? homeOf(municipality, factor.role) : requested;
  if (!factor?.required) return signIn(request, municipality, userId, to);
  const session = await getSession(request);
  session.unset("codeChallenge");
  session.set("secondFactor", { municipalityId: municipality.id, userId, until: Date.now() + SECOND_FACTOR_MS, to });
  return redirect(`/${municipality.slug}/login/verify`, { headers: { "Set-Cookie": await commitSession(session) } });
}

export function homeOf(municipality: Municipality, role: Role) {
  if (role === "STAFF") return `/${municipality.slug}/staff`;
  if (role === "MANAGER") return `/${municipality.slug}/manage`;
  return `/${municipality.slug}/bookings`;
}

/** The staff member half-way through signing in on this browser, if still in time. */
export async function pendingSecondFactor(request: Request, municipality: Municipality) {
  const session = await getSession(request);
  const pending = session.get("secondFactor");
  if (!pending || pending.municipalityId !== municipality.id || pending.until < Date.now()) return null;
  return { session, pending };
}

export async function signIn(request: Request, municipality: Municipality, userId: string, to: string) {
  const session = await getSession(request);
  session.unset("codeChallenge");
  session.unset("secondFactor");
  session.unset("actingFor");
  // a new id at every sign-in: an id planted before signing in is worth nothing after it
  const previous = session.get("sessionId");
  if (previous) await endSession(previous);
  const sessionId = await createSession(municipality.id, userId, new Date());
  session.set("sessionId", sessionId);
  return redirect(to, { headers: { "Set-Cookie": await commitSession(session) } });
}

/** Ends this browser's sign-in, or with `everywhere` every sign-in of the same person. */
export async function signOut(request: Request, to: string, options: { everywhere?: boolean } = {}) {
  const session = await getSession(request);
  const sessionId = session.get("sessionId");
  if (sessionId) await (options.everywhere ? endAllSessionsOf(sessionId) : endSession(sessionId));
  session.unset("sessionId");
  session.unset("actingFor");
  return redirect(to, { headers: { "Set-Cookie": await commitSession(session) } });
}

export function getSelection(session: Awaited<ReturnType<typeof getSession>>, municipalityId: string) {
  return session.get("selection")?.[municipalityId] ?? [];
}

export function setSelection(
  session: Awaited<ReturnType<typeof getSession>>,
  municipalityId: string,
  slots: SlotRef[],
) {
  session.set("selection", { ...session.get("selection"), [municipalityId]: slots });
}

export function getDraft(session: Awaited<ReturnType<typeof getSession>>, municipalityId: string) {
  return session.get("draft")?.[municipalityId] ?? null;
}

/** Merges answers into the draft; null clears it (after submitting). */
export function setDraft(
  session: Awaited<ReturnType<typeof getSession>>,
  municipalityId: string,
  answers: ApplicationDraft | null,
) {
  const drafts = { ...session.get("draft") };
  if (answers) drafts[municipalityId] = { ...drafts[municipalityId], ...answers };
  else delete drafts[municipalityId];
  session.set("draft", drafts);
}

/** Where to go after signing in; someone already signed in is sent there at once. */
export async function signInTarget(request: Request, municipality: Municipality) {
  const to = safeRedirect(
    new URL(request.url).searchParams.get("redirectTo"),
    `/${municipality.slug}/bookings`,
  );
  if (await getUser(request, municipality)) throw redirect(to);
  return to;
}

/** A redirect target inside the app only (never another site). */
export function safeRedirect(to: FormDataEntryValue | string | null, fallback: string) {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return fallback;
  return to;
}

/** The signed-in operator, or a redirect to the operators' sign-in. */
export async function requireOperator(request: Request) {
  const sessionId = (await getSession(request)).get("operatorSessionId");
  const operator = sessionId ? await findOperator(sessionId, new Date()) : null;
  if (!operator) throw redirect("/operator/login");
  return operator;
}

export async function signInOperator(request: Request, operatorId: string) {
  const session = await getSession(request);
  const previous = session.get("operatorSessionId");
  if (previous) await endOperatorSession(previous);
  session.set("operatorSessionId", await createOperatorSession(operatorId, new Date()));
  return redirect("/operator", { headers: { "Set-Cookie": await commitSession(session) } });
}

export async function signOutOperator(request: Request) {
  const session = await getSession(request);
  const sessionId = session.get("operatorSessionId");
  if (sessionId) await endOperatorSession(sessionId);
  session.unset("operatorSessionId");
  return redirect("/operator/login", { headers: { "Set-Cookie": await commitSession(session) } });
}

/** Who a booking is for: the resident a manager is acting for (代理予約), else the person signed in. */
export type Applicant = { id: string; name: string; phone: string };

/**
 * The signed-in person and whom they book for: themselves, or — for a manager or staff member
 * acting for a resident — that resident, with `proxy` the manager. Null when nobody is signed in.
 * The acting state counts only for the sign-in that started it, in the same municipality, while
 * the resident is still a resident there.
 */
export async function getApplicant(request: Request, municipality: Municipality) {
  const session = await getSession(request);
  const sessionId = session.get("sessionId");
  const user = sessionId ? await findSessionUser(municipality.id, sessionId, new Date()) : null;
  if (!user) return null;
  const acting = session.get("actingFor");
  const resident =
    acting && acting.municipalityId === municipality.id && acting.sessionId === sessionId && PROXY_ROLES.includes(user.role)
      ? await residentForProxy(municipality.id, acting.residentId)
      : null;
  return resident
    ? { user, applicant: { id: resident.id, name: resident.name, phone: resident.phone } as Applicant, proxy: user }
    : { user, applicant: { id: user.id, name: user.name, phone: user.phone } as Applicant, proxy: null };
}

/** Like getApplicant, but sends someone not signed in to sign in (see requireUser). */
export async function requireApplicant(
  request: Request,
  municipality: Municipality,
  options: { returnTo?: string; expired?: boolean } = {},
) {
  const found = await getApplicant(request, municipality);
  if (found) return found;
  await requireUser(request, municipality, options);
  throw redirect(`/${municipality.slug}/login`);
}

/**
 * From now on this browser's sign-in books for the resident (the caller checks the resident and
 * the person's role). What was picked or answered before is cleared: it was for someone else.
 */
export async function startActingFor(request: Request, municipality: Municipality, residentId: string, to: string) {
  const session = await getSession(request);
  const sessionId = session.get("sessionId");
  if (!sessionId) throw redirect(`/${municipality.slug}/login`);
  session.set("actingFor", { municipalityId: municipality.id, sessionId, residentId });
  setSelection(session, municipality.id, []);
  setDraft(session, municipality.id, null);
  return redirect(to, { headers: { "Set-Cookie": await commitSession(session) } });
}

/** Ends booking for a resident, and clears what was picked or answered for them. */
export async function stopActing(request: Request, municipality: Municipality, to: string) {
  const session = await getSession(request);
  forgetBooking(session, municipality.id);
  return redirect(to, { headers: { "Set-Cookie": await commitSession(session) } });
}

/** After submitting (or giving up): no slots picked, no answers, and nobody acted for any more. */
export function forgetBooking(session: Awaited<ReturnType<typeof getSession>>, municipalityId: string) {
  setSelection(session, municipalityId, []);
  setDraft(session, municipalityId, null);
  session.unset("actingFor");
}
