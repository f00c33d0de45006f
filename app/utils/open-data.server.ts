/** Open data changes when staff change a facility: caches may keep a file for an hour. */
const MAX_AGE_SECONDS = 3600;

/**
 * Response headers of an open-data file: its type, a download name (ASCII), public caching, and
 * CORS open to any site, so that web maps and apps elsewhere can read it.
 */
export function openDataHeaders(kind: "csv" | "json", filename: string): HeadersInit {
  return {
    "Content-Type": kind === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    "Content-Disposition": `${kind === "csv" ? "attachment" : "inline"}; filename="${filename}"`,
    "Cache-Control": `public, max-age=${MAX_AGE_SECONDS}`,
    "Access-Control-Allow-Origin": "*",
  };
}
