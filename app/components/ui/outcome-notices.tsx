import { Notice } from "./notice";

/** What a post on the page did: said done (announced politely), or why not (an alert). */
export function OutcomeNotices({ done, error }: { done?: string | null; error?: string }) {
  return (
    <>
      {done ? (
        <Notice tone="success" role="status">
          {done}
        </Notice>
      ) : null}
      {error ? (
        <Notice tone="error" role="alert">
          {error}
        </Notice>
      ) : null}
    </>
  );
}
