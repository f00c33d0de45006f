import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { FileField } from "~/components/ui/file-field";
import { Notice } from "~/components/ui/notice";
import { type CsvError, decodeCsvBytes, parseSetupCsv, SETUP_CSV_COLUMNS } from "~/domain/setup-csv";
import { staffText } from "~/i18n/staff";
import { importFacilities } from "~/services/setup.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.setup;
const MAX_BYTES = 2 * 1024 * 1024;
/** Lines of the report shown at most; the count says how many there are in all. */
const SHOWN_PROBLEMS = 200;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const imported = /^(\d+)-(\d+)-(\d+)$/.exec(new URL(request.url).searchParams.get("imported") ?? "");
  return { slug: municipality.slug, imported: imported ? t.imported(Number(imported[1]), Number(imported[2]), Number(imported[3])) : null };
}

type Reply = { fileError: string | null; report: { lines: string[]; count: number } | null; checked: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const staff = await requireRole(request, municipality, ["STAFF"]);
  const refuse = (reply: Partial<Reply>) => data({ fileError: null, report: null, checked: null, ...reply } satisfies Reply, { status: 400 });
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BYTES + 64 * 1024) return refuse({ fileError: t.fileTooLarge });
  const formData = await request.formData().catch(() => null);
  const file = formData?.get("file");
  if (!file || typeof file === "string" || file.size === 0) return refuse({ fileError: t.fileRequired });
  if (file.size > MAX_BYTES) return refuse({ fileError: t.fileTooLarge });
  const save = formData?.get("intent") === "import";
  const text = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
  const parsed = text === null ? null : parseSetupCsv(text);
  const report = (errors: CsvError[]) =>
    refuse({
      report: {
        count: errors.length,
        lines: errors.slice(0, SHOWN_PROBLEMS).map((e) => t.reportLine(e.line, e.column ? t.columnName(e.column) : null, t.problem(e.problem))),
      },
    });
  if (parsed === null) return report([{ line: 1, column: null, problem: { code: "ENCODING" } }]);
  const result = await importFacilities(municipality, staff.id, parsed, new Date(), { save, fileName: file.name });
  if (!result.ok) return report(result.errors);
  const { facilities, rooms, frames } = result.summary;
  if (result.saved) return redirect(`/${municipality.slug}/staff/setup/import?imported=${facilities}-${rooms}-${frames}`);
  return data({ fileError: null, report: null, checked: t.checkedOk(facilities, rooms, frames) } satisfies Reply);
}

export default function SetupImport() {
  const { slug, imported } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const report = actionData?.report;
  return (
    <>
      <BackLink to={`/${slug}/staff/setup`}>{t.backToList}</BackLink>
      <h1>{t.importTitle}</h1>
      {imported && !actionData ? (
        <Notice tone="success" role="status">
          {imported}
        </Notice>
      ) : null}
      {actionData?.checked ? (
        <Notice tone="success" role="status">
          {actionData.checked}
        </Notice>
      ) : null}
      <ErrorSummary errors={actionData?.fileError ? { file: actionData.fileError } : undefined} labels={{ file: t.file }} />
      {report ? (
        <div className="notice notice--error" role="alert">
          <h2 className="notice__title">{t.reportTitle(report.count)}</h2>
          <div className="notice__body">
            <p>{t.reportIntro}</p>
            <ol className="report-list">
              {report.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ol>
            {report.count > report.lines.length ? <p>{t.reportMore(report.count - report.lines.length)}</p> : null}
          </div>
        </div>
      ) : null}

      <p>{t.importIntro}</p>
      <ul className="points">
        <li>{t.importAllOrNothing}</li>
        <li>{t.importExisting}</li>
        <li>{t.importFees}</li>
      </ul>
      <form method="post" encType="multipart/form-data" noValidate>
        <FileField name="file" label={t.file} hint={t.fileHint} accept=".csv,text/csv" error={actionData?.fileError ?? undefined} />
        <div className="actions">
          <Button name="intent" value="import">
            {t.import}
          </Button>
          <Button name="intent" value="check" variant="outline">
            {t.check}
          </Button>
        </div>
      </form>

      <h2>{t.columnsTitle}</h2>
      <p>
        <a href={`/${slug}/staff/setup/template`} download>
          {t.template}
        </a>
      </p>
      <p>{t.encodingNote}</p>
      <dl className="compact-list">
        {SETUP_CSV_COLUMNS.map((c) => (
          <Fragment key={c.key}>
            <dt>{c.header}</dt>
            <dd>{t.columnRules[c.key]}</dd>
          </Fragment>
        ))}
      </dl>
    </>
  );
}
