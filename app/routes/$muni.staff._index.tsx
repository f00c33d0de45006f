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

type MenuLabel = Exclude<keyof typeof staffText.menu, "title" | "sections">;

/** The staff's pages, the day's work first, then what is set up once, then records. */
const MENU: { heading: keyof typeof staffText.menu.sections; links: [path: string, label: MenuLabel][] }[] = [
  {
    heading: "daily",
    links: [
      ["manage", "hallBookings"],
      ["manage/proxy", "proxy"],
      ["staff/applications", "applications"],
      ["manage/waiting", "hallWaiting"],
      ["staff/payments", "payments"],
      ["staff/exemptions", "exemptions"],
      ["staff/groups", "groups"],
      ["manage/blocks", "blocks"],
    ],
  },
  {
    heading: "setup",
    links: [
      ["staff/setup", "setup"],
      ["staff/calendar", "calendar"],
      ["staff/fees", "fees"],
      ["staff/equipment", "equipment"],
      ["staff/payment-settings", "paymentSettings"],
      ["staff/invitations", "invitations"],
    ],
  },
  {
    heading: "records",
    links: [
      ["staff/statistics", "statistics"],
      ["staff/audit", "audit"],
      ["open-data", "displays"],
    ],
  },
];

export default function StaffMenu() {
  const { slug } = useLoaderData<typeof loader>();
  const t = staffText.menu;
  return (
    <>
      <h1>{t.title}</h1>
      {MENU.map((group) => (
        <section key={group.heading} aria-labelledby={`menu-${group.heading}`}>
          <h2 id={`menu-${group.heading}`}>{t.sections[group.heading]}</h2>
          <ul className="menu-list">
            {group.links.map(([path, label]) => (
              <li key={path}>
                <a href={`/${slug}/${path}`}>{t[label]}</a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
