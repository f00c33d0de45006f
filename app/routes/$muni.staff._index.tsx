import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { staffText } from "~/i18n/staff";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  return { slug: municipality.slug };
}

export default function StaffMenu() {
  const { slug } = useLoaderData<typeof loader>();
  const t = staffText.menu;
  return (
    <>
      <h1>{t.title}</h1>
      <ul className="menu-list">
        <li><a href={`/${slug}/manage`}>{t.hallBookings}</a></li>
        <li><a href={`/${slug}/manage/proxy`}>{t.proxy}</a></li>
        <li><a href={`/${slug}/staff/applications`}>{t.applications}</a></li>
        <li><a href={`/${slug}/manage/waiting`}>{t.hallWaiting}</a></li>
        <li><a href={`/${slug}/staff/payments`}>{t.payments}</a></li>
        <li><a href={`/${slug}/staff/statistics`}>{t.statistics}</a></li>
        <li><a href={`/${slug}/staff/exemptions`}>{t.exemptions}</a></li>
        <li><a href={`/${slug}/staff/groups`}>{t.groups}</a></li>
        <li><a href={`/${slug}/staff/setup`}>{t.setup}</a></li>
        <li><a href={`/${slug}/staff/fees`}>{t.fees}</a></li>
        <li><a href={`/${slug}/staff/equipment`}>{t.equipment}</a></li>
        <li><a href={`/${slug}/staff/payment-settings`}>{t.paymentSettings}</a></li>
        <li><a href={`/${slug}/staff/calendar`}>{t.calendar}</a></li>
        <li><a href={`/${slug}/manage/blocks`}>{t.blocks}</a></li>
        <li><a href={`/${slug}/staff/invitations`}>{t.invitations}</a></li>
        <li><a href={`/${slug}/staff/audit`}>{t.audit}</a></li>
        <li><a href={`/${slug}/open-data`}>{t.displays}</a></li>
      </ul>
    </>
  );
}
