import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData, useLocation, useRouteLoaderData } from "@remix-run/react";
import { buttonClass } from "~/components/ui/button-class";
import { focusTarget } from "~/components/ui/error-summary";
import { type Language, messagesFor, TEXT_SIZES, type TextSize, useT } from "~/i18n";
import { requireMunicipality } from "~/utils/municipality.server";
import { proxyBanner } from "~/utils/proxy-banner.server";
import { getApplicant, getSelection, getSession } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const [signedIn, session] = await Promise.all([getApplicant(request, municipality), getSession(request)]);
  const user = signedIn?.user;
  return {
    municipality: { slug: municipality.slug, name: municipality.name, helpPhone: municipality.helpPhone },
    user: user ? { name: user.name, role: user.role } : null,
    selectedCount: getSelection(session, municipality.id).length,
    proxyBanner: signedIn?.proxy ? proxyBanner(municipality.slug, signedIn.applicant.name) : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const language = (matches.find((m) => m.id === "root")?.data as { language?: Language } | undefined)?.language;
  const t = messagesFor(language ?? "ja").site;
  const name = data?.municipality.name ?? "";
  return [{ title: t.title(name) }, { name: "description", content: t.description(name) }];
};

function Settings() {
  const t = useT().site;
  const location = useLocation();
  const root = useRouteLoaderData("root") as { textSize?: TextSize; language?: string } | undefined;
  const back = encodeURIComponent(location.pathname + location.search);
  const current = root?.textSize ?? "standard";
  return (
    <nav className="settings" aria-label={t.settings}>
      <span className="settings-label">{t.textSize}</span>
      <ul>
        {TEXT_SIZES.map((size) => (
          <li key={size}>
            {size === current ? (
              <span className={`settings-current text-size-${size}`} aria-current="true">
                {t.textSizes[size]}
                <span className="visually-hidden">{t.current}</span>
              </span>
            ) : (
              <a className={`text-size-${size}`} href={`/prefs?size=${size}&back=${back}`} rel="nofollow">
                {t.textSizes[size]}
              </a>
            )}
          </li>
        ))}
      </ul>
      <a
        className="settings-language"
        href={`/prefs?lang=${root?.language === "en" ? "ja" : "en"}&back=${back}`}
        lang={root?.language === "en" ? "ja" : "en"}
        aria-label={t.otherLanguageLabel}
        rel="nofollow"
      >
        {t.otherLanguage}
      </a>
    </nav>
  );
}

export default function MunicipalityLayout() {
  const { municipality, user, selectedCount, proxyBanner } = useLoaderData<typeof loader>();
  const t = useT().site;
  const base = `/${municipality.slug}`;
  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => focusTarget(event, "main")}>
        {t.skipToContent}
      </a>
      <Settings />
      <header className="site-header">
        <a className="site-name" href={base}>
          {t.title(municipality.name)}
        </a>
        <nav className="site-nav" aria-label={t.menu}>
          <ul>
            <li>
              <a href={`${base}/selection`}>{t.selection(selectedCount)}</a>
            </li>
            {user?.role === "STAFF" ? (
              <li>
                <a href={`${base}/staff`}>{t.staffMenu}</a>
              </li>
            ) : null}
            {user?.role === "MANAGER" ? (
              <li>
                <a href={`${base}/manage`}>{t.hallBookings}</a>
              </li>
            ) : null}
            {/* while booking for a resident, "my bookings" would be the manager's own: not offered */}
            {proxyBanner ? null : (
              <li>
                <a href={`${base}/bookings`}>{t.myBookings}</a>
              </li>
            )}
            <li>
              {user ? <a href={`${base}/logout`}>{t.logout}</a> : <a href={`${base}/login`}>{t.login}</a>}
            </li>
          </ul>
        </nav>
      </header>
      {proxyBanner ? (
        <div className="proxy-banner">
          <form method="post" action={proxyBanner.action}>
            <p>{proxyBanner.text}</p>
            <input type="hidden" name="intent" value="stop" />
            {/* a plain button in the design system's look: react-aria's would load on every resident page */}
            <button type="submit" className={buttonClass({ variant: "outline", size: "medium" })}>
              {proxyBanner.stop}
            </button>
          </form>
        </div>
      ) : null}
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t.title(municipality.name)}</p>
        <p>
          {t.helpCall}
          <a href={`tel:${municipality.helpPhone}`}>{municipality.helpPhone}</a>
          {t.helpHours}
        </p>
        <p>
          <a href={`${base}/help`}>{t.help}</a>
        </p>
        <p>
          <a href={`${base}/open-data`}>{t.openData}</a>
        </p>
      </footer>
    </>
  );
}
