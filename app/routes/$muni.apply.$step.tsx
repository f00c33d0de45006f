import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { CheckboxGroup } from "~/components/ui/checkbox-group";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Notice } from "~/components/ui/notice";
import { RadioGroup } from "~/components/ui/radio-group";
import { StepIndicator } from "~/components/ui/step-indicator";
import { TextField } from "~/components/ui/text-field";
import { APPLY_STEPS, type ApplyStep, applySteps } from "~/domain/apply-steps";
import { PURPOSE_CATEGORIES } from "~/domain/purpose-categories";
import { translateErrors, useT } from "~/i18n";
import {
  ExemptionForm,
  HeadcountForm,
  parseEquipment,
  parseUsage,
  PhoneForm,
  PurposeForm,
  ResidenceForm,
} from "~/schemas/application.server";
import type { Municipality } from "~/services/catalog.server";
import { equipmentChoices, offersEquipment } from "~/services/equipment.server";
import { listExemptionCategories } from "~/services/fees.server";
import { activeGroupsOf } from "~/services/groups.server";
import { type FieldErrors, parseForm } from "~/utils/form.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import {
  type ApplicationDraft,
  commitSession,
  getDraft,
  getSelection,
  getApplicant,
  getSession,
  requireApplicant,
  requireUser,
  setDraft,
} from "~/utils/session.server";

type Step = ApplyStep;

function stepOf(params: { step?: string }): Step {
  const step = APPLY_STEPS.find((s) => s === params.step);
  if (!step) notFound();
  return step;
}

function nextUrl(slug: string, steps: readonly Step[], step: Step, fromReview: boolean) {
  const next = steps[steps.indexOf(step) + 1];
  return fromReview || !next ? `/${slug}/apply/review` : `/${slug}/apply/${next}`;
}

/** The questions for the chosen slots (the equipment one only where some is lent). */
async function stepsFor(municipality: Municipality, selection: readonly { roomId: string }[]) {
  return applySteps(await offersEquipment(municipality.id, selection.map((s) => s.roomId)));
}

/** The answer of a step as the form shows it again. */
function shown(step: Step, draft: ApplicationDraft | null, phone: string): Record<string, string | string[]> {
  switch (step) {
    case "purpose":
      return { purposeCategory: draft?.purposeCategory ?? "", purpose: draft?.purpose ?? "" };
    case "residence":
      return { resident: draft?.resident === undefined ? "" : draft.resident ? "yes" : "no" };
    case "usage":
      return {
        usage: [
          ...(draft?.commercial ? ["commercial"] : []),
          ...(draft?.admissionCharged ? ["admission"] : []),
          ...(draft?.aircon ? ["aircon"] : []),
        ],
      };
    case "equipment":
      return Object.fromEntries(Object.entries(draft?.equipment ?? {}).map(([id, units]) => [`equipment:${id}`, String(units)]));
    case "exemption":
      return {
        exemptionCategoryId: draft?.groupId
          ? `group:${draft.groupId}`
          : draft?.exemptionCategoryId === undefined
            ? ""
            : draft.exemptionCategoryId || "none",
        exemptionGrounds: draft?.exemptionGrounds ?? "",
      };
    case "headcount":
      return { headcount: draft?.headcount !== undefined ? String(draft.headcount) : "" };
    case "phone":
      return { contactPhone: draft?.contactPhone ?? phone };
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const step = stepOf(params);
  const { applicant } = await requireApplicant(request, municipality);
  const session = await getSession(request);
  const selection = getSelection(session, municipality.id);
  if (selection.length === 0) {
    throw redirect(`/${municipality.slug}/selection`);
  }
  const fromReview = new URL(request.url).searchParams.get("from") === "review";
  const steps = await stepsFor(municipality, selection);
  const equipment = step === "equipment" ? await equipmentChoices(municipality, selection) : [];
  if (step === "equipment" && equipment.length === 0) {
    throw redirect(nextUrl(municipality.slug, applySteps(false), "usage", fromReview));
  }
  const [categories, groups] =
    step === "exemption"
      ? await Promise.all([listExemptionCategories(municipality.id), activeGroupsOf(municipality.id, applicant.id, new Date())])
      : [[], []];
  return {
    slug: municipality.slug,
    municipalityName: municipality.name,
    step,
    saved: shown(step, getDraft(session, municipality.id), applicant.phone),
    categories: categories.map((c) => ({ id: c.categoryId, name: c.name, percent: c.percent, prompt: c.evidencePrompt })),
    groups: groups.map((g) => ({ id: g.id, name: g.name, exemption: g.exemptionCategory?.active ? g.exemptionCategory.name : "" })),
    equipment,
    steps,
    fromReview,
  };
}

type Parsed = { ok: true; answers: ApplicationDraft } | { ok: false; errors: FieldErrors };

async function parseStep(step: Step, formData: FormData, municipality: Municipality, request: Request): Promise<Parsed> {
  if (step === "usage") return { ok: true, answers: parseUsage(formData) };
  if (step === "equipment") {
    const selection = getSelection(await getSession(request), municipality.id);
    const parsed = parseEquipment(formData, await equipmentChoices(municipality, selection));
    return parsed.ok ? { ok: true, answers: { equipment: parsed.units } } : parsed;
  }
  const schema = { purpose: PurposeForm, residence: ResidenceForm, exemption: ExemptionForm, headcount: HeadcountForm, phone: PhoneForm }[step];
  const form = parseForm(schema, formData);
  if (!form.ok) return form;
  if (step === "exemption") {
    const answers = form.data as { exemptionCategoryId: string; exemptionGrounds: string };
    if (answers.exemptionCategoryId.startsWith("group:")) {
      // booking for a group: only one the applicant represents now
      const groupId = answers.exemptionCategoryId.slice("group:".length);
      const found = await getApplicant(request, municipality);
      const groups = found ? await activeGroupsOf(municipality.id, found.applicant.id, new Date()) : [];
      if (!groups.some((g) => g.id === groupId)) return { ok: false, errors: { exemptionCategoryId: "exemptionUnknown" } };
      return { ok: true, answers: { groupId, exemptionCategoryId: "", exemptionGrounds: "" } };
    }
    const known = await listExemptionCategories(municipality.id);
    if (answers.exemptionCategoryId && !known.some((c) => c.categoryId === answers.exemptionCategoryId)) {
      return { ok: false, errors: { exemptionCategoryId: "exemptionUnknown" } };
    }
    return {
      ok: true,
      answers: { groupId: "", ...(answers.exemptionCategoryId ? answers : { exemptionCategoryId: "", exemptionGrounds: "" }) },
    };
  }
  return { ok: true, answers: form.data as ApplicationDraft };
}

/**
 * Saves the answer before checking the sign-in, so that a person whose session ran out
 * finds it kept after signing in again.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const step = stepOf(params);
  const fromReview = new URL(request.url).searchParams.get("from") === "review";
  const formData = await request.formData();
  const parsed = await parseStep(step, formData, municipality, request);
  if (!parsed.ok) {
    const values = Object.fromEntries([...formData.keys()].map((k) => [k, formData.getAll(k).map(String)]));
    const typed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, k === "usage" ? v : (v[0] ?? "")]));
    return data({ errors: parsed.errors as Record<string, string>, values: typed }, { status: 400 });
  }
  const session = await getSession(request);
  setDraft(session, municipality.id, parsed.answers);
  const headers = { "Set-Cookie": await commitSession(session) };
  const next = nextUrl(municipality.slug, await stepsFor(municipality, getSelection(session, municipality.id)), step, fromReview);
  try {
    await requireUser(request, municipality, { returnTo: next, expired: true });
  } catch (signIn) {
    if (signIn instanceof Response) {
      signIn.headers.append("Set-Cookie", headers["Set-Cookie"]);
    }
    throw signIn;
  }
  return redirect(next, { headers });
}

export default function ApplyStep() {
  const { slug, municipalityName, step, saved, categories, groups, equipment, steps, fromReview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const a = t.apply;
  const errors = translateErrors(t, actionData?.errors);
  const value = (field: string) => (actionData?.values?.[field] ?? saved[field] ?? "") as string;
  const index = steps.indexOf(step);
  const back = fromReview
    ? { to: `/${slug}/apply/review`, label: a.back.review }
    : index === 0
      ? { to: `/${slug}/selection`, label: a.back.selection }
      : { to: `/${slug}/apply/${steps[index - 1]}`, label: a.back.previous };
  const title = step === "residence" ? a.residence.title(municipalityName) : a[step].title;
  const labels: Record<string, string> = {
    purposeCategory: a.purpose.categoryLabel,
    purpose: a.purpose.label,
    resident: a.residence.label,
    exemptionCategoryId: a.exemption.label,
    exemptionGrounds: a.exemption.grounds,
    headcount: a.headcount.label,
    contactPhone: a.phone.label,
    ...Object.fromEntries(equipment.map((e) => [`equipment:${e.id}`, a.equipment.label(e.name, e.facilityName)])),
  };
  return (
    <>
      <BackLink to={back.to}>{back.label}</BackLink>
      <StepIndicator current={index + 1} total={steps.length + 1} name={a.stepNames[step]} />
      <h1>{title}</h1>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" noValidate key={step}>
        {step === "purpose" ? (
          <>
            <RadioGroup
              name="purposeCategory"
              label={a.purpose.categoryLabel}
              hint={a.purpose.categoryHint}
              options={PURPOSE_CATEGORIES.map((code) => ({ value: code, label: a.purpose.categories[code]! }))}
              defaultValue={value("purposeCategory") || undefined}
              error={errors?.purposeCategory}
              optional
            />
            <TextField name="purpose" label={a.purpose.label} hint={a.purpose.hint} defaultValue={value("purpose")} error={errors?.purpose} />
          </>
        ) : step === "residence" ? (
          <RadioGroup
            name="resident"
            label={a.residence.label}
            options={[{ value: "yes", label: a.residence.yes }, { value: "no", label: a.residence.no }]}
            defaultValue={value("resident") || undefined}
            error={errors?.resident}
          />
        ) : step === "usage" ? (
          <CheckboxGroup
            name="usage"
            label={a.usage.label}
            hint={a.usage.hint}
            options={[
              { value: "commercial", label: a.usage.commercial },
              { value: "admission", label: a.usage.admission },
              { value: "aircon", label: a.usage.aircon, hint: a.usage.airconHint },
            ]}
            defaultValue={(actionData?.values?.usage ?? saved.usage ?? []) as string[]}
            optional
          />
        ) : step === "equipment" ? (
          <>
            <p className="hint">{a.equipment.hint}</p>
            {equipment.map((e) => (
              <TextField
                key={e.id}
                name={`equipment:${e.id}`}
                label={a.equipment.label(e.name, e.facilityName)}
                hint={`${a.equipment.perSlot(t.yen(e.unitFee))}。${a.equipment.free(e.free)}`}
                inputMode="numeric"
                short
                optional
                defaultValue={value(`equipment:${e.id}`) || "0"}
                error={errors?.[`equipment:${e.id}`]}
              />
            ))}
          </>
        ) : step === "exemption" ? (
          <>
            <RadioGroup
              name="exemptionCategoryId"
              label={a.exemption.label}
              options={[
                { value: "none", label: a.exemption.none },
                ...groups.map((g) => ({ value: `group:${g.id}`, label: a.exemption.asGroup(g.name, g.exemption) })),
                ...categories.map((c) => ({
                  value: c.id,
                  label: c.name,
                  hint: `${c.percent === 100 ? a.exemption.full : a.exemption.part(c.percent)}${c.prompt ? `。${c.prompt}` : ""}`,
                })),
              ]}
              defaultValue={value("exemptionCategoryId") || undefined}
              error={errors?.exemptionCategoryId}
            />
            <TextField name="exemptionGrounds" label={a.exemption.grounds} hint={a.exemption.groundsHint} defaultValue={value("exemptionGrounds")} error={errors?.exemptionGrounds} optional />
            <Notice>{a.exemption.needsApproval}</Notice>
          </>
        ) : step === "headcount" ? (
          <TextField name="headcount" label={a.headcount.label} hint={a.headcount.hint} inputMode="numeric" short defaultValue={value("headcount")} error={errors?.headcount} />
        ) : (
          <TextField name="contactPhone" label={a.phone.label} hint={a.phone.hint} type="tel" autoComplete="tel" inputMode="tel" defaultValue={value("contactPhone")} error={errors?.contactPhone} />
        )}
        <div className="actions">
          <Button>{fromReview || index === steps.length - 1 ? a.toReview : a.next}</Button>
        </div>
      </form>
    </>
  );
}
