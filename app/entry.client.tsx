import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { registerMessages } from "~/i18n";

/** The English dictionary is a chunk of its own, fetched only for pages shown in English. */
async function loadLanguage() {
  if (document.documentElement.lang === "en") registerMessages("en", (await import("~/i18n/en")).en);
}

void loadLanguage().then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
