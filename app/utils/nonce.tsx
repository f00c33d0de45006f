import { createContext, useContext } from "react";

/**
 * The per-response CSP nonce (server/security.ts) for Remix's own inline scripts. Empty in the
 * browser, which hides nonce values from scripts anyway.
 */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce() {
  return useContext(NonceContext);
}
