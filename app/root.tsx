import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { messagesFor, useT } from "~/i18n";
import styles from "~/styles/app.css";
import { useNonce } from "~/utils/nonce";
import { getPrefs } from "~/utils/prefs.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** The title of pages without their own (error pages), in the chosen language. */
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: messagesFor(data?.language ?? "ja").site.appName },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return getPrefs(request);
}

export function Layout({ children }: { children: ReactNode }) {
  const prefs = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang={prefs?.language ?? "ja"} data-text-size={prefs?.textSize ?? "standard"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT().errorPage;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404 ? [t.notFoundTitle, t.notFoundBody] : status === 403 ? [t.forbiddenTitle, t.forbiddenBody] : [t.errorTitle, t.errorBody];
  return (
    <main id="main">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/">{t.home}</a>
      </p>
    </main>
  );
}
