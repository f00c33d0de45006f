import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/domain/calendar";
import { createSession } from "~/services/accounts.server";
import { createOperator, createOperatorSession } from "~/services/operators.server";
import { newTotpSecret } from "~/services/totp.server";
import { db } from "~/utils/db.server";
import { commitSession, getSession } from "~/utils/session.server";
import { createMunicipality, createResident, nextOpenDate } from "../factories/municipality";
import { submitTestApplication } from "../factories/applications";

/**
 * Every route × every kind of visitor → what they get. The table is keyed by the files in
 * app/routes, so a new route without an entry fails here until someone decides who may open it.
 * Outcomes: a status code, "login" (sent to sign in) or "redirect" (sent elsewhere).
 */
type Outcome = "200" | "400" | "403" | "404" | "405" | "login" | "redirect";
const ACTORS = [
  "anonymous",
  "resident", // owns the application under test
  "otherResident", // same municipality, not the owner
  "manager", // manages the facility of the application
  "otherManager", // manages another facility of the same municipality
  "staff",
  "otherTenantStaff", // staff of another municipality, signed in there
  "operator",
] as const;
type Actor = (typeof ACTORS)[number];
type Expect = Record<Actor, Outcome>;

const all = (outcome: Outcome): Expect => Object.fromEntries(ACTORS.map((a) => [a, outcome])) as Expect;
const but = (base: Expect, changes: Partial<Expect>): Expect => ({ ...base, ...changes });
/** Signed-in users of this municipality get `outcome`; everyone else is sent to sign in. */
const signedIn = (outcome: Outcome): Expect =>
  but(all(outcome), { anonymous: "login", otherTenantStaff: "login", operator: "login" });
const staffOnly = but(signedIn("403"), { staff: "200" });
const managersAndStaff = but(signedIn("403"), { manager: "200", otherManager: "200", staff: "200" });
const ownerOnly = but(signedIn("404"), { resident: "200" });
const signedOutOnly = but(all("redirect"), { anonymous: "200", otherTenantStaff: "200", operator: "200" });
const operatorOnly = but(all("login"), { operator: "200" });

type Fixture = Awaited<ReturnType<typeof setUp>>;
type Case = {
  /** URL params; `muni` defaults to the municipality under test */
  params?: (f: Fixture) => Record<string, string>;
  get?: Expect;
  /** for routes with an action: a form to post and the outcomes */
  post?: { form?: (f: Fixture) => Record<string, string>; expect: Expect };
};

const TABLE: Record<string, Case | Case[]> = {
  "_index.tsx": { get: all("200") },
  "$.tsx": { params: () => ({ "*": "no/such/page" }), get: all("404") },
  "prefs.tsx": { get: all("redirect") },
  "healthz.ts": { get: all("200") },
  "dev.components.tsx": { get: all("200"), post: { expect: all("400") } },
  "operator.tsx": { get: all("200") },
  "operator._index.tsx": { get: operatorOnly, post: { form: () => ({ slug: "" }), expect: but(operatorOnly, { operator: "400" }) } },
  "operator.login.tsx": { post: { form: () => ({ email: "x@example.jp", password: "x", code: "000000" }), expect: all("400") } },
  "operator.logout.tsx": { post: { expect: all("login") } },
  "operator.outbox.tsx": { get: operatorOnly },
  "$muni.tsx": { get: all("200") },
  "$muni._index.tsx": { get: all("200") },
  "$muni.help.tsx": { get: all("200") },
  "$muni.facilities.$facilityId.tsx": [
    { params: (f) => ({ facilityId: f.facility.id }), get: all("200") },
    { params: (f) => ({ facilityId: f.otherTenant.facility.id }), get: all("404") },
  ],
  "$muni.rooms.$roomId._index.tsx": [
    { params: (f) => ({ roomId: f.room.id }), get: all("200") },
    { params: (f) => ({ roomId: f.otherTenant.rooms.small.id }), get: all("404") },
  ],
  "$muni.rooms.$roomId.$date.tsx": [
    {
      params: (f) => ({ roomId: f.room.id, date: f.date }),
      get: all("200"),
      post: { form: () => ({ intent: "nonsense" }), expect: all("400") },
    },
    { params: (f) => ({ roomId: f.otherTenant.rooms.small.id, date: f.date }), get: all("404") },
  ],
  "$muni.selection.tsx": { get: all("200"), post: { form: () => ({}), expect: all("redirect") } },
  "$muni.login._index.tsx": { get: signedOutOnly, post: { form: () => ({ email: "" }), expect: all("400") } },
  "$muni.login.password.tsx": { get: signedOutOnly, post: { form: () => ({ email: "" }), expect: all("400") } },
  // no code asked for / no first factor given in this browser: back to the start of sign-in
  "$muni.login.code.tsx": {
    get: but(all("redirect"), { anonymous: "login", otherTenantStaff: "login", operator: "login" }),
    post: { form: () => ({ code: "123456" }), expect: all("400") },
  },
  "$muni.login.verify.tsx": { get: all("login"), post: { form: () => ({ code: "123456" }), expect: all("login") } },
  "$muni.register.tsx": { get: signedOutOnly, post: { form: () => ({}), expect: all("400") } },
  "$muni.logout.tsx": { get: all("200"), post: { expect: all("redirect") } },
  "$muni.apply._index.tsx": { get: all("redirect") },
  "$muni.apply.$step.tsx": {
    params: () => ({ step: "purpose" }),
    // nothing selected: signed-in people are sent back to choose slots
    get: signedIn("redirect"),
    post: { form: () => ({ purpose: "" }), expect: all("400") },
  },
  "$muni.apply.review.tsx": { get: signedIn("redirect"), post: { form: () => ({}), expect: signedIn("redirect") } },
  "$muni.bookings._index.tsx": { get: signedIn("200") },
  "$muni.bookings.my-data.tsx": { get: signedIn("200") },
  "$muni.bookings.$applicationId._index.tsx": [
    { params: (f) => ({ applicationId: f.applicationId }), get: ownerOnly },
    { params: (f) => ({ applicationId: f.otherTenant.applicationId }), get: signedIn("404") },
  ],
  "$muni.bookings.$applicationId.cancel.tsx": [
    {
      params: (f) => ({ applicationId: f.applicationId }),
      get: ownerOnly,
      // the cancel form of one slot: only its owner's post cancels it (see the last test)
      post: { form: (f) => ({ itemId: f.itemId }), expect: but(signedIn("404"), { resident: "redirect" }) },
    },
  ],
  // deleting is for residents; a confirmed post from staff or a manager is refused
  "$muni.account.delete.tsx": {
    get: signedIn("200"),
    post: { form: () => ({}), expect: signedIn("400") },
  },
  "$muni.account.deleted.tsx": { get: all("200") },
  "$muni.staff._index.tsx": { get: staffOnly },
  "$muni.staff.audit.tsx": { get: staffOnly },
  "$muni.staff.fees.tsx": {
    get: staffOnly,
    post: { form: () => ({ intent: "schedule", effectiveFrom: "not a date" }), expect: but(signedIn("403"), { staff: "400" }) },
  },
  "$muni.staff.payments.tsx": [
    { get: staffOnly, post: { form: () => ({ intent: "pay", number: "abc" }), expect: but(signedIn("403"), { staff: "400" }) } },
    // another municipality's application number is simply not found here
    { get: staffOnly, post: { form: (f) => ({ intent: "pay", number: String(f.otherTenant.applicationNumber), method: "CASH", amount: "1", receiptNumber: "R" }), expect: but(signedIn("403"), { staff: "400" }) } },
  ],
  "$muni.bookings.$applicationId.documents.tsx": [
    { params: (f) => ({ applicationId: f.applicationId }), get: ownerOnly },
    { params: (f) => ({ applicationId: f.otherTenant.applicationId }), get: signedIn("404") },
  ],
  "$muni.bookings.$applicationId.pay.tsx": [
    {
      params: (f) => ({ applicationId: f.applicationId }),
      get: all("redirect"),
      // without Stripe keys the owner is sent back to the application with the reason
      post: { form: () => ({}), expect: but(signedIn("404"), { resident: "redirect" }) },
    },
  ],
  // Stripe's own calls: no session; without a webhook secret every post is refused
  "webhooks.stripe.tsx": { get: all("405"), post: { form: () => ({}), expect: all("400") } },
  "$muni.staff.equipment.tsx": {
    get: staffOnly,
    post: { form: () => ({ intent: "add", name: "" }), expect: but(signedIn("403"), { staff: "400" }) },
  },
  "$muni.staff.payment-settings.tsx": {
    get: staffOnly,
    post: { form: () => ({ counterHoldDays: "abc" }), expect: but(signedIn("403"), { staff: "400" }) },
  },
  "$muni.staff.groups.tsx": {
    get: staffOnly,
    post: { form: () => ({ decision: "refuse", id: "no-such-group" }), expect: but(signedIn("403"), { staff: "400" }) },
  },
  "$muni.groups.tsx": [
    { get: signedIn("200"), post: { form: () => ({ name: "" }), expect: signedIn("400") } },
    // renewing: only the representative's own group; someone else's or another town's is not found
    { get: signedIn("200"), post: { form: (f) => ({ intent: "renew", groupId: f.groupId }), expect: but(signedIn("404"), { resident: "200" }) } },
    { get: signedIn("200"), post: { form: (f) => ({ intent: "renew", groupId: f.otherTenant.groupId }), expect: signedIn("404") } },
    { get: signedIn("200"), post: { form: () => ({ intent: "renew" }), expect: signedIn("400") } },
  ],
  "$muni.staff.exemptions.tsx": {
    get: staffOnly,
    post: { form: (f) => ({ decision: "refuse", id: f.applicationId }), expect: but(signedIn("403"), { staff: "400" }) },
  },
  "$muni.staff.invitations.tsx": { get: staffOnly, post: { form: () => ({ email: "" }), expect: but(signedIn("403"), { staff: "400" }) } },
  "$muni.manage.tsx": {
    get: managersAndStaff,
    // the usage record: the fixture's slot is in the future, so even its hall cannot record it yet
    post: {
      form: (f) => ({ itemId: f.itemId, outcome: "used", actualHeadcount: "5" }),
      expect: but(signedIn("403"), { manager: "400", otherManager: "400", staff: "400" }),
    },
  },
  "$muni.invite.$token.tsx": {
    params: () => ({ token: "not-a-real-token" }),
    get: all("200"),
    post: { form: () => ({ name: "x", phone: "090-1234-5678", password: "a long enough password" }), expect: all("400") },
  },
};

async function setUp() {
  const { municipality, facility, rooms } = await createMunicipality();
  const other = await createMunicipality();
  const secondFacility = await db.facility.create({
    data: { municipalityId: municipality.id, name: "別館", address: "-", phone: "-", closedWeekdays: [] },
  });
  const date = nextOpenDate(addDays(todayIn("Asia/Tokyo", new Date()), 10));
  const resident = await createResident(municipality.id, "申込者");
  const otherResident = await createResident(municipality.id, "他の住民");
  const role = async (role: "MANAGER" | "STAFF", municipalityId: string, facilityId?: string) => {
    const user = await createResident(municipalityId, role);
    await db.user.update({ where: { id: user.id }, data: { role } });
    if (facilityId) await db.managerFacility.create({ data: { municipalityId, userId: user.id, facilityId } });
    return user;
  };
  const manager = await role("MANAGER", municipality.id, facility.id);
  const otherManager = await role("MANAGER", municipality.id, secondFacility.id);
  const staff = await role("STAFF", municipality.id);
  const otherStaff = await role("STAFF", other.municipality.id);
  const otherTenantResident = await createResident(other.municipality.id);
  const applicationId = await submitTestApplication(municipality, resident.id, rooms.small, date);
  const otherApplicationId = await submitTestApplication(other.municipality, otherTenantResident.id, other.rooms.small, date);
  const operator = await createOperator({
    email: `op-${Date.now()}@example.jp`,
    name: "運用",
    password: "operator password",
    totpSecret: await newTotpSecret(),
  });
  const cookie = async (values: Record<string, string>) => {
    const session = await getSession(new Request("http://localhost/"));
    for (const [k, v] of Object.entries(values)) session.set(k as "sessionId", v);
    return (await commitSession(session)).split(";")[0]!;
  };
  const item = await db.applicationItem.findFirstOrThrow({ where: { applicationId }, select: { id: true } });
  /** an approved group of `representativeId` that expires in 20 days: open for renewal */
  const groupOf = async (municipalityId: string, representativeId: string) => {
    const expiresAt = new Date(Date.now() + 20 * 86_400_000);
    const data = { name: "俳句の会", purpose: "俳句", membersCount: 5, activityType: "culture", status: "APPROVED" as const, expiresAt };
    return (await db.group.create({ data: { municipalityId, representativeId, ...data } })).id;
  };
  const groupId = await groupOf(municipality.id, resident.id);
  const otherGroupId = await groupOf(other.municipality.id, otherTenantResident.id);
  /** Fresh sign-ins for every visitor (a route like logout ends the ones it is given). */
  const signIns = async (): Promise<Record<Actor, string | null>> => {
    const now = new Date();
    const user = async (municipalityId: string, userId: string) =>
      cookie({ sessionId: await createSession(municipalityId, userId, now) });
    return {
      anonymous: null,
      resident: await user(municipality.id, resident.id),
      otherResident: await user(municipality.id, otherResident.id),
      manager: await user(municipality.id, manager.id),
      otherManager: await user(municipality.id, otherManager.id),
      staff: await user(municipality.id, staff.id),
      otherTenantStaff: await user(other.municipality.id, otherStaff.id),
      operator: await cookie({ operatorSessionId: await createOperatorSession(operator.id, now) }),
    };
  };
  return {
    residentId: resident.id,
    otherResidentId: otherResident.id,
    itemId: item.id,
    municipality,
    facility,
    room: rooms.small,
    date,
    applicationId,
    groupId,
    otherTenant: {
      ...other,
      applicationId: otherApplicationId,
      applicationNumber: (await db.application.findUniqueOrThrow({ where: { id: otherApplicationId } })).number,
      groupId: otherGroupId,
    },
    signIns,
  };
}

type RouteModule = {
  loader?: (args: unknown) => Promise<unknown>;
  action?: (args: unknown) => Promise<unknown>;
};

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    result = thrown;
    if (!(thrown instanceof Response)) throw thrown;
  }
  let status = 200;
  let location = "";
  if (result instanceof Response) {
    status = result.status;
    location = result.headers.get("Location") ?? "";
  } else if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    status = (result as { init?: { status?: number } }).init?.status ?? 200;
  }
  if (status >= 300 && status < 400) return /\/login(\/password)?(\?|$)/.test(location) ? "login" : "redirect";
  return String(status) as Outcome;
}

const ROUTES_DIR = path.resolve("app/routes");
const routeFiles = readdirSync(ROUTES_DIR).filter((f) => /\.tsx?$/.test(f)).sort();

let fixture: Fixture;
beforeAll(async () => {
  fixture = await setUp();
}, 60_000);

describe("authorization table", () => {
  it("has an entry for every route, and no entry for a route that is gone", () => {
    expect(Object.keys(TABLE).sort()).toEqual(routeFiles);
  });

  // before the table below, whose cancel route cancels the application
  it("shows a hall manager the bookings of their own facilities only", async () => {
    const { loader } = await import("~/routes/$muni.manage");
    const cookies = await fixture.signIns();
    const bookingsSeenBy = async (actor: Actor) => {
      const request = new Request(`http://localhost/${fixture.municipality.slug}/manage`, {
        headers: { Cookie: cookies[actor]! },
      });
      const data = await loader({ request, params: { muni: fixture.municipality.slug }, context: {} });
      return data.bookings.map((b) => b.number);
    };
    const { number } = await db.application.findUniqueOrThrow({ where: { id: fixture.applicationId } });
    const other = await db.application.findUniqueOrThrow({ where: { id: fixture.otherTenant.applicationId } });
    expect(await bookingsSeenBy("manager")).toContain(number);
    expect(await bookingsSeenBy("staff")).toContain(number);
    expect(await bookingsSeenBy("otherManager")).not.toContain(number);
    for (const actor of ["manager", "staff", "otherManager"] as const) {
      expect(await bookingsSeenBy(actor)).not.toContain(other.number);
    }
  });

  for (const file of routeFiles) {
    const cases = [TABLE[file] ?? []].flat();
    it(`${file}: every visitor gets what the table says`, async () => {
      const module = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, file))) as RouteModule;
      if (module.loader) expect(cases.every((c) => c.get), `${file} has a loader: say who may GET it`).toBe(true);
      if (module.action) expect(cases.some((c) => c.post), `${file} has an action: say who may POST to it`).toBe(true);
      const cookies = await fixture.signIns();
      const observed: string[] = [];
      const expected: string[] = [];
      for (const c of cases) {
        const params = { muni: fixture.municipality.slug, ...c.params?.(fixture) };
        for (const actor of ACTORS) {
          const headers = new Headers();
          const cookie = cookies[actor];
          if (cookie) headers.set("Cookie", cookie);
          const url = `http://localhost/${params.muni}/x`;
          const context = { cspNonce: "", clientIp: `10.0.0.${ACTORS.indexOf(actor)}` };
          if (c.get && module.loader) {
            const request = new Request(url, { headers });
            const got = await outcomeOf(() => module.loader!({ request, params, context }));
            observed.push(`GET ${JSON.stringify(c.params?.(fixture) ?? {})} ${actor}: ${got}`);
            expected.push(`GET ${JSON.stringify(c.params?.(fixture) ?? {})} ${actor}: ${c.get[actor]}`);
          }
          if (c.post && module.action) {
            const body = new URLSearchParams(c.post.form?.(fixture) ?? {});
            const request = new Request(url, { method: "POST", headers, body });
            const got = await outcomeOf(() => module.action!({ request, params, context }));
            observed.push(`POST ${JSON.stringify(c.params?.(fixture) ?? {})} ${actor}: ${got}`);
            expected.push(`POST ${JSON.stringify(c.params?.(fixture) ?? {})} ${actor}: ${c.post.expect[actor]}`);
          }
        }
      }
      expect(observed).toEqual(expected);
    });
  }

  it("lets nobody but the owner change an application", async () => {
    const changes = await db.auditEvent.findMany({
      where: { entity: "Application", entityId: fixture.applicationId },
      select: { action: true, actorId: true },
    });
    expect(changes.map((c) => c.action).sort()).toEqual(["application.cancelled", "application.submitted"]);
    expect(changes.every((c) => c.actorId === fixture.residentId)).toBe(true);
  });

  it("lets residents delete only their own account, and nobody else delete any", async () => {
    const { action } = (await import("~/routes/$muni.account.delete")) as Required<Pick<RouteModule, "action">>;
    const cookies = await fixture.signIns();
    const confirm = (actor: Actor) =>
      outcomeOf(() =>
        action({
          request: new Request(`http://localhost/${fixture.municipality.slug}/account/delete`, {
            method: "POST",
            headers: { Cookie: cookies[actor]! },
            body: new URLSearchParams({ confirm: "yes" }),
          }),
          params: { muni: fixture.municipality.slug },
          context: { clientIp: "10.0.1.1" },
        }),
      );
    expect(await confirm("staff")).toBe("403");
    expect(await confirm("manager")).toBe("403");
    expect(await confirm("otherTenantStaff")).toBe("login");
    expect(await confirm("otherResident")).toBe("redirect");
    const [resident, other] = await Promise.all([
      db.user.findUniqueOrThrow({ where: { id: fixture.residentId } }),
      db.user.findUniqueOrThrow({ where: { id: fixture.otherResidentId } }),
    ]);
    expect(resident.name).toBe("申込者");
    expect(other.name).not.toBe("他の住民");
    expect(await db.user.count({ where: { role: { in: ["STAFF", "MANAGER"] }, email: { startsWith: "deleted-" } } })).toBe(0);
  });
});
