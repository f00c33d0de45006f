import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { focusTarget } from "~/components/forms";
import { requireMunicipality } from "~/utils/municipality.server";
import { getSelection, getSession, getUser } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const [user, session] = await Promise.all([getUser(request, municipality), getSession(request)]);
  return {
    municipality: { slug: municipality.slug, name: municipality.name, helpPhone: municipality.helpPhone },
    user: user ? { name: user.name } : null,
    selectedCount: getSelection(session, municipality.id).length,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.municipality.name} 施設予約` : "施設予約" },
];

export default function MunicipalityLayout() {
  const { municipality, user, selectedCount } = useLoaderData<typeof loader>();
  const base = `/${municipality.slug}`;
  return (
    <>
      <a className="skip-link" href="#main" onClick={(event) => focusTarget(event, "main")}>
        本文へ移動
      </a>
      <header className="site-header">
        <a className="site-name" href={base}>
          {municipality.name} 施設予約
        </a>
        <nav className="site-nav" aria-label="メニュー">
          <ul>
            <li>
              <a href={`${base}/selection`}>選んだ枠{selectedCount > 0 ? `（${selectedCount}件）` : ""}</a>
            </li>
            <li>
              <a href={`${base}/bookings`}>わたしの予約</a>
            </li>
            <li>
              {user ? (
                <a href={`${base}/logout`}>ログアウト</a>
              ) : (
                <a href={`${base}/login`}>ログイン</a>
              )}
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{municipality.name} 施設予約</p>
        <p>
          操作がわからないときは、お電話ください：
          <a href={`tel:${municipality.helpPhone}`}>{municipality.helpPhone}</a>
          （平日 8:30〜17:15）
        </p>
      </footer>
    </>
  );
}
