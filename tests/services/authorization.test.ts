import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/domain/calendar";
import { createSession } from "~/services/accounts.server";
import { submitApplication } from "~/services/booking.server";
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
const VALID_FACILITY = { facilityName: "乗っ取り会館", address: "どこか1-1", phone: "042-000-0000", facilitySortOrder: "0" };
type Case = {
  /** URL params; `muni` defaults to the municipality under test */
  params?: (f: Fixture) => Record<string, string>;
  /** the URL's query (a GET form's fields) */
  query?: (f: Fixture) => Record<string, string>;
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
  "operator._index.tsx": [
    { get: operatorOnly, post: { form: () => ({ slug: "" }), expect: but(operatorOnly, { operator: "400" }) } },
    // a name the app's own pages answer to is refused, however complete the rest of the form
    {
      get: operatorOnly,
      post: {
        form: () => ({ slug: "healthz", name: "健康町", helpPhone: "042-000-0000", staffEmail: "first@example.jp" }),
        expect: but(operatorOnly, { operator: "400" }),
      },
    },
  ],
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
  // last month by default; another municipality's facility: see "shows staff the statistics…"
  "$muni.staff.statistics.tsx": { get: staffOnly },
  "$muni.staff.statistics.xlsx.tsx": { get: staffOnly },
  // without ?breakdown= there is nothing to download
  "$muni.staff.statistics.csv.tsx": { get: but(signedIn("403"), { staff: "400" }) },
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
    // the name on the entrance screens: only the representative's own group
    { get: signedIn("200"), post: { form: (f) => ({ intent: "signage", groupId: f.groupId, showNameOnSignage: "yes" }), expect: but(signedIn("404"), { resident: "200" }) } },
    { get: signedIn("200"), post: { form: (f) => ({ intent: "signage", groupId: f.otherTenant.groupId, showNameOnSignage: "yes" }), expect: signedIn("404") } },
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
      form: (f) => ({ itemId: f.itemId, [`outcome-${f.itemId}`]: "used", [`actualHeadcount-${f.itemId}`]: "5" }),
      expect: but(signedIn("403"), { manager: "400", otherManager: "400", staff: "400" }),
    },
  },
  // proxy booking (代理予約): managers and staff find or register a resident, then act for them
  "$muni.manage_.proxy.tsx": [
    {
      get: managersAndStaff,
      post: { form: (f) => ({ intent: "act", residentId: f.otherResidentId }), expect: but(signedIn("403"), { manager: "redirect", otherManager: "redirect", staff: "redirect" }) },
    },
    // another municipality's resident, or a manager (never an applicant booked for): not found
    { get: managersAndStaff, post: { form: (f) => ({ intent: "act", residentId: f.otherTenant.residentId }), expect: but(signedIn("403"), { manager: "404", otherManager: "404", staff: "404" }) } },
    { get: managersAndStaff, post: { form: (f) => ({ intent: "act", residentId: f.managerId }), expect: but(signedIn("403"), { manager: "404", otherManager: "404", staff: "404" }) } },
    { get: managersAndStaff, post: { form: () => ({ intent: "register", name: "", kana: "", phone: "" }), expect: but(signedIn("403"), { manager: "400", otherManager: "400", staff: "400" }) } },
    { get: managersAndStaff, post: { form: () => ({ intent: "stop" }), expect: but(signedIn("403"), { manager: "redirect", otherManager: "redirect", staff: "redirect" }) } },
  ],
  // the confirmation of a proxy booking: only for the one who made it
  "$muni.manage_.proxy_.$applicationId.tsx": [
    { params: (f) => ({ applicationId: f.proxyApplicationId }), get: but(signedIn("403"), { manager: "200", otherManager: "404", staff: "404" }) },
    { params: (f) => ({ applicationId: f.applicationId }), get: but(signedIn("403"), { manager: "404", otherManager: "404", staff: "404" }) },
    { params: (f) => ({ applicationId: f.otherTenant.applicationId }), get: but(signedIn("403"), { manager: "404", otherManager: "404", staff: "404" }) },
  ],
  "$muni.staff.applications.tsx": [
    { get: staffOnly },
    // another municipality's application number is simply not found (see the test below)
    { query: (f) => ({ number: String(f.otherTenant.applicationNumber) }), get: staffOnly },
    // another municipality's room is not a place to search in: the form says so
    { query: (f) => ({ place: `room:${f.otherTenant.rooms.small.id}` }), get: but(staffOnly, { staff: "400" }) },
    { query: () => ({ number: "abc" }), get: but(staffOnly, { staff: "400" }) },
  ],
  // the hall entrance's screen: public; another municipality's facility is not found
  "$muni_.signage.$facilityId.tsx": [
    { params: (f) => ({ facilityId: f.facility.id }), get: all("200") },
    { params: (f) => ({ facilityId: f.otherTenant.facility.id }), get: all("404") },
  ],
  "$muni.open-data._index.tsx": { get: all("200") },
  "$muni.open-data.facilities[.]csv.ts": { get: all("200") },
  "$muni.open-data.facilities[.]json.ts": { get: all("200") },
  "$muni.open-data.rooms[.]csv.ts": { get: all("200") },
  // the day sheet: one facility's managers get it at once, staff (two facilities) choose one first
  "$muni.manage_.sheet.tsx": { get: managersAndStaff },
  "$muni.manage_.waiting.tsx": [
    // turning down needs a reason: refused before anything is looked up
    { get: managersAndStaff, post: { form: (f) => ({ id: f.applicationId, decision: "refuse" }), expect: but(signedIn("403"), { manager: "400", otherManager: "400", staff: "400" }) } },
    // another municipality's application is not found by anyone here
    { get: managersAndStaff, post: { form: (f) => ({ id: f.otherTenant.applicationId, decision: "approve" }), expect: but(signedIn("403"), { manager: "404", otherManager: "404", staff: "404" }) } },
  ],
  "$muni.manage_.payments.tsx": [
    { get: managersAndStaff, post: { form: () => ({ number: "abc" }), expect: but(signedIn("403"), { manager: "400", otherManager: "400", staff: "400" }) } },
    // another municipality's application number is not found at any hall's counter
    {
      get: managersAndStaff,
      post: {
        form: (f) => ({ intent: "pay", number: String(f.otherTenant.applicationNumber), method: "CASH", amount: "1", receiptNumber: "R" }),
        expect: but(signedIn("403"), { manager: "404", otherManager: "404", staff: "404" }),
      },
    },
  ],
  "$muni.manage_.blocks._index.tsx": [
    {
      get: managersAndStaff,
      post: { form: () => ({ place: "" }), expect: but(signedIn("403"), { manager: "400", otherManager: "400", staff: "400" }) },
    },
    // a facility that is not theirs (another hall's, or another town's) is not found, before anything else is checked
    {
      get: managersAndStaff,
      post: {
        // a period long past: refused by the hall's own staff, but only after the facility is found
        form: (f) => ({ place: `${f.facility.id}|${f.room.id}`, fromDate: "2020-01-01", reason: "点検" }),
        expect: but(signedIn("403"), { manager: "400", otherManager: "404", staff: "400" }),
      },
    },
    {
      get: managersAndStaff,
      post: {
        form: (f) => ({ place: `${f.otherTenant.facility.id}|`, fromDate: f.laterDate, reason: "点検" }),
        expect: but(signedIn("403"), { manager: "404", otherManager: "404", staff: "404" }),
      },
    },
  ],
  "$muni.manage_.blocks.$blockId.tsx": [
    {
      params: (f) => ({ blockId: f.blockId }),
      get: but(managersAndStaff, { otherManager: "404" }),
      // cancelling the bookings is for staff; nothing chosen here
      post: { form: () => ({ intent: "cancel" }), expect: but(signedIn("403"), { staff: "400" }) },
    },
    {
      params: (f) => ({ blockId: f.otherTenant.blockId }),
      get: but(signedIn("403"), { manager: "404", otherManager: "404", staff: "404" }),
      post: { form: () => ({ intent: "lift" }), expect: but(signedIn("403"), { manager: "404", otherManager: "404", staff: "404" }) },
    },
  ],
  "$muni.staff.calendar.tsx": [
    { get: staffOnly, post: { form: () => ({ intent: "settings", bookingWindowMonths: "abc" }), expect: but(signedIn("403"), { staff: "400" }) } },
    {
      get: staffOnly,
      post: {
        form: (f) => ({ intent: "closure", facilityId: f.otherTenant.facility.id, from: f.laterDate, reason: "よその休館" }),
        expect: but(signedIn("403"), { staff: "404" }),
      },
    },
  ],
  "$muni.staff.closures.$closureId.tsx": [
    {
      params: (f) => ({ closureId: f.closureId }),
      get: staffOnly,
      post: { form: () => ({ intent: "cancel", message: "" }), expect: but(signedIn("403"), { staff: "400" }) },
    },
    {
      params: (f) => ({ closureId: f.otherTenant.closureId }),
      get: but(signedIn("403"), { staff: "404" }),
      post: { form: () => ({ intent: "remove" }), expect: but(signedIn("403"), { staff: "404" }) },
    },
  ],
  "$muni.staff.setup._index.tsx": { get: staffOnly },
  "$muni.staff.setup.template.tsx": { get: staffOnly },
  "$muni.staff.setup.new.tsx": { get: staffOnly, post: { form: () => ({ facilityName: "" }), expect: but(signedIn("403"), { staff: "400" }) } },
  "$muni.staff.setup.import.tsx": { get: staffOnly, post: { form: () => ({ intent: "check" }), expect: but(signedIn("403"), { staff: "400" }) } },
  // another municipality's facility, room or frame: not found, whatever is posted (valid forms here)
  "$muni.staff.setup.facilities.$facilityId.tsx": [
    { params: (f) => ({ facilityId: f.facility.id }), get: staffOnly, post: { form: () => ({ intent: "room", roomName: "" }), expect: but(signedIn("403"), { staff: "400" }) } },
    {
      params: (f) => ({ facilityId: f.otherTenant.facility.id }),
      get: but(signedIn("403"), { staff: "404" }),
      post: { form: () => ({ intent: "room", roomName: "乗っ取り室", capacity: "5", roomSortOrder: "0" }), expect: but(signedIn("403"), { staff: "404" }) },
    },
    {
      params: (f) => ({ facilityId: f.otherTenant.facility.id }),
      get: but(signedIn("403"), { staff: "404" }),
      post: { form: () => ({ intent: "facility", ...VALID_FACILITY }), expect: but(signedIn("403"), { staff: "404" }) },
    },
  ],
  "$muni.staff.setup.rooms.$roomId.tsx": [
    { params: (f) => ({ roomId: f.room.id }), get: staffOnly, post: { form: () => ({ intent: "frame", frameName: "" }), expect: but(signedIn("403"), { staff: "400" }) } },
    {
      params: (f) => ({ roomId: f.otherTenant.rooms.small.id }),
      get: but(signedIn("403"), { staff: "404" }),
      post: { form: () => ({ intent: "room", roomName: "乗っ取り室", capacity: "5", roomSortOrder: "0" }), expect: but(signedIn("403"), { staff: "404" }) },
    },
    {
      params: (f) => ({ roomId: f.otherTenant.rooms.small.id }),
      get: but(signedIn("403"), { staff: "404" }),
      post: { form: () => ({ intent: "retire-room" }), expect: but(signedIn("403"), { staff: "404" }) },
    },
    // this municipality's room, another municipality's frame
    {
      params: (f) => ({ roomId: f.room.id }),
      get: staffOnly,
      post: { form: (f) => ({ intent: "retire-frame", frameId: f.otherTenant.rooms.small.frames[2]!.id }), expect: but(signedIn("403"), { staff: "404" }) },
    },
  ],
  "$muni.staff.setup.frames.$frameId.tsx": [
    { params: (f) => ({ frameId: f.room.frames[0]!.id }), get: staffOnly, post: { form: () => ({ frameName: "" }), expect: but(signedIn("403"), { staff: "400" }) } },
    {
      params: (f) => ({ frameId: f.otherTenant.rooms.small.frames[1]!.id }),
      get: but(signedIn("403"), { staff: "404" }),
      post: { form: () => ({ frameName: "乗っ取り", start: "13:00", end: "17:00", dayTypes: "WEEKDAY" }), expect: but(signedIn("403"), { staff: "404" }) },
    },
  ],
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
  const proxyBooking = await submitApplication(
    municipality,
    otherResident.id,
    { slots: [{ roomId: rooms.hallA.id, timeFrameId: rooms.hallA.frames[0]!.id, date }], purpose: "会議", headcount: 5, contactPhone: "090-1111-2222", proxyById: manager.id, idempotencyKey: randomUUID() },
    new Date(),
  );
  if (!proxyBooking.ok) throw new Error("proxy booking refused");
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
  /** a block and a closure well after the application's date, so they touch no booking */
  const laterDate = addDays(date, 40);
  const blockOf = async (municipalityId: string, facilityId: string, createdById: string) => {
    const startsAt = new Date(`${laterDate}T00:00:00+09:00`);
    const block = await db.block.create({
      data: { municipalityId, facilityId, startsAt, endsAt: new Date(startsAt.getTime() + 86_400_000), reason: "点検", createdById },
    });
    return block.id;
  };
  const closureOf = async (municipalityId: string) =>
    (await db.closedDate.create({ data: { municipalityId, facilityId: null, date: new Date(`${laterDate}T00:00:00Z`), reason: "選挙" } })).id;
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
    managerId: manager.id,
    proxyApplicationId: proxyBooking.applicationId,
    itemId: item.id,
    municipality,
    facility,
    secondFacilityId: secondFacility.id,
    room: rooms.small,
    date,
    laterDate,
    applicationId,
    groupId,
    blockId: await blockOf(municipality.id, facility.id, manager.id),
    closureId: await closureOf(municipality.id),
    otherTenant: {
      ...other,
      applicationId: otherApplicationId,
      applicationNumber: (await db.application.findUniqueOrThrow({ where: { id: otherApplicationId } })).number,
      groupId: otherGroupId,
      residentId: otherTenantResident.id,
      blockId: await blockOf(other.municipality.id, other.facility.id, otherStaff.id),
      closureId: await closureOf(other.municipality.id),
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
  it("shows a hall manager the bookings of their own facilities only, on the day, the week and the waiting list", async () => {
    const [{ loader: ledger }, { loader: waiting }] = await Promise.all([import("~/routes/$muni.manage"), import("~/routes/$muni.manage_.waiting")]);
    const cookies = await fixture.signIns();
    const request = (actor: Actor, path: string) =>
      new Request(`http://localhost/${fixture.municipality.slug}${path}`, { headers: { Cookie: cookies[actor]! } });
    const params = { muni: fixture.municipality.slug };
    const seenBy = async (actor: Actor) => {
      const day = (await ledger({ request: request(actor, `/manage?date=${fixture.date}`), params, context: {} })).day!;
      const week = (await ledger({ request: request(actor, `/manage?view=week&date=${fixture.date}`), params, context: {} })).week!;
      const queue = await waiting({ request: request(actor, "/manage/waiting"), params, context: {} });
      return {
        day: day.facilities.flatMap((f) => f.rooms.flatMap((r) => r.rows.flatMap((row) => (row.kind === "BOOKED" ? [row.item.number] : [])))).sort(),
        week: week.facilities.flatMap((f) => f.rooms.flatMap((r) => r.bookings.map((b) => b.number))).sort(),
        waiting: queue.waiting.map((a) => a.number).sort(),
      };
    };
    const { number } = await db.application.findUniqueOrThrow({ where: { id: fixture.applicationId } });
    // the manager booked one there for a resident too (代理予約)
    const { number: proxied } = await db.application.findUniqueOrThrow({ where: { id: fixture.proxyApplicationId } });
    const other = await db.application.findUniqueOrThrow({ where: { id: fixture.otherTenant.applicationId } });
    const both = [number, proxied].sort();
    for (const actor of ["manager", "staff"] as const) {
      expect(await seenBy(actor)).toEqual({ day: both, week: both, waiting: both });
    }
    expect(await seenBy("otherManager")).toEqual({ day: [], week: [], waiting: [] });
    expect(other.number).not.toBe(number);
  });

  it("answers 404 to a hall manager asking for another facility's or another town's things by id or number", async () => {
    const [manage, sheet, waiting, payments] = (await Promise.all([
      import("~/routes/$muni.manage"),
      import("~/routes/$muni.manage_.sheet"),
      import("~/routes/$muni.manage_.waiting"),
      import("~/routes/$muni.manage_.payments"),
    ])) as [RouteModule, RouteModule, RouteModule, RouteModule];
    const cookies = await fixture.signIns();
    const params = { muni: fixture.municipality.slug };
    const get = (module: RouteModule, actor: Actor, path: string) =>
      outcomeOf(() => module.loader!({ request: new Request(`http://localhost/${params.muni}${path}`, { headers: { Cookie: cookies[actor]! } }), params, context: {} }));
    const post = (module: RouteModule, actor: Actor, form: Record<string, string>) =>
      outcomeOf(() =>
        module.action!({
          request: new Request(`http://localhost/${params.muni}/x`, { method: "POST", headers: { Cookie: cookies[actor]! }, body: new URLSearchParams(form) }),
          params,
          context: {},
        }),
      );
    const { number } = await db.application.findUniqueOrThrow({ where: { id: fixture.applicationId } });
    for (const facility of [fixture.secondFacilityId, fixture.otherTenant.facility.id, "made-up"]) {
      expect(await get(manage, "manager", `/manage?facility=${facility}`)).toBe("404");
      expect(await get(manage, "manager", `/manage?view=week&facility=${facility}`)).toBe("404");
      expect(await get(sheet, "manager", `/manage/sheet?facility=${facility}`)).toBe("404");
    }
    expect(await get(manage, "manager", `/manage?facility=${fixture.facility.id}`)).toBe("200");
    expect(await get(sheet, "manager", `/manage/sheet?facility=${fixture.facility.id}&date=${fixture.date}`)).toBe("200");
    expect(await get(payments, "manager", `/manage/payments?number=${number}`)).toBe("200");
    expect(await get(payments, "otherManager", `/manage/payments?number=${number}`)).toBe("404");
    expect(await get(payments, "manager", `/manage/payments?number=${fixture.otherTenant.applicationNumber}`)).toBe("404");
    // the other hall's manager can neither decide nor take money for this hall's application
    expect(await post(waiting, "otherManager", { id: fixture.applicationId, decision: "approve" })).toBe("404");
    expect(await post(payments, "otherManager", { intent: "pay", number: String(number), method: "CASH", amount: "1", receiptNumber: "R" })).toBe("404");
    const application = await db.application.findUniqueOrThrow({ where: { id: fixture.applicationId }, select: { status: true, _count: { select: { ledger: true } } } });
    expect(application).toEqual({ status: "TENTATIVE", _count: { ledger: 0 } });
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
          const url = `http://localhost/${params.muni}/x${c.query ? `?${new URLSearchParams(c.query(fixture))}` : ""}`;
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

  it("shows staff the statistics of their own municipality's facilities only", async () => {
    const cookies = await fixture.signIns();
    const slug = fixture.municipality.slug;
    const statusOf = async (route: string, url: string, actor: Actor) => {
      const { loader } = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, route))) as Required<Pick<RouteModule, "loader">>;
      const request = new Request(`http://localhost/${slug}/staff/statistics${url}`, { headers: { Cookie: cookies[actor]! } });
      return outcomeOf(() => loader({ request, params: { muni: slug }, context: {} }));
    };
    const own = `facility=${fixture.facility.id}`;
    const other = `facility=${fixture.otherTenant.facility.id}`;
    const routes = [
      ["$muni.staff.statistics.tsx", ""],
      ["$muni.staff.statistics.csv.tsx", "/csv?breakdown=room&"],
      ["$muni.staff.statistics.csv.tsx", "/csv?breakdown=detail&"],
      ["$muni.staff.statistics.xlsx.tsx", "/xlsx?"],
    ] as const;
    for (const [route, prefix] of routes) {
      const query = (q: string) => (prefix ? `${prefix}${q}` : `?${q}`);
      expect(await statusOf(route, query(own), "staff"), `${route} own facility`).toBe("200");
      expect(await statusOf(route, query(other), "staff"), `${route} another town's facility`).toBe("404");
      expect(await statusOf(route, query(other), "otherTenantStaff"), `${route} another town's staff`).toBe("login");
      expect(await statusOf(route, query(own), "manager"), `${route} a hall manager`).toBe("403");
    }
  });

  it("finds only the staff member's own municipality's applications", async () => {
    const { loader } = await import("~/routes/$muni.staff.applications");
    const cookies = await fixture.signIns();
    const search = async (query: Record<string, string>) => {
      const request = new Request(`http://localhost/${fixture.municipality.slug}/staff/applications?${new URLSearchParams(query)}`, {
        headers: { Cookie: cookies.staff! },
      });
      const result = (await loader({ request, params: { muni: fixture.municipality.slug }, context: {} })) as unknown as { data: { result: { applications: { number: number }[] } } };
      return result.data.result.applications.map((a) => a.number);
    };
    const { number } = await db.application.findUniqueOrThrow({ where: { id: fixture.applicationId } });
    const own = await db.application.findMany({ where: { municipalityId: fixture.municipality.id }, orderBy: { number: "desc" }, select: { number: true } });
    expect(await search({})).toEqual(own.map((a) => a.number));
    expect(await search({ number: String(number) })).toEqual([number]);
    expect(await search({ number: String(fixture.otherTenant.applicationNumber) })).toEqual([]);
  });

  it("changes nothing of another municipality's facilities, rooms or frames", async () => {
    const { rooms } = fixture.otherTenant;
    expect(await db.facility.count({ where: { name: "乗っ取り会館" } })).toBe(0);
    expect(await db.room.count({ where: { name: "乗っ取り室" } })).toBe(0);
    expect(await db.timeFrame.count({ where: { name: "乗っ取り" } })).toBe(0);
    expect(await db.room.findUniqueOrThrow({ where: { id: rooms.small.id }, select: { active: true } })).toEqual({ active: true });
    expect(await db.timeFrame.findUniqueOrThrow({ where: { id: rooms.small.frames[2]!.id }, select: { active: true } })).toEqual({ active: true });
  });

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
