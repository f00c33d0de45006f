/** Where residents open Tsudoi, for links in mail (server/index.ts sets it from the config). */
export function publicUrl() {
  return (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/+$/, "");
}
