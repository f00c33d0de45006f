/** "‹ 前の画面へ戻る" at the top of a page: a plain link to a known place, not history.back(). */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <a className="back-link" href={to}>
      {children}
    </a>
  );
}
