import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  /** What server/index.ts passes to every loader and action. */
  interface AppLoadContext {
    cspNonce?: string;
    clientIp?: string;
  }
}
