import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { staffText } from "~/i18n/staff";

export const meta: MetaFunction = () => [{ title: staffText.operator.siteName }, { name: "robots", content: "noindex" }];

export async function loader(_: LoaderFunctionArgs) {
  return null;
}

/** Tsudoi's own support screens, outside every municipality. */
export default function OperatorLayout() {
  return (
    <>
      <header className="site-header">
        <a className="site-name" href="/operator">
          {staffText.operator.siteName}
        </a>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
