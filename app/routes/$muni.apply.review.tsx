import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { RadioGroup } from "~/components/ui/radio-group";
import { StepIndicator } from "~/components/ui/step-indicator";
import { FeeBreakdown } from "~/components/fee-breakdown";
import { ApplicationDetails, SlotSummary, slotWhen } from "~/components/slots";
import type { BookingProblem } from "~/domain/errors";
import { useT } from "~/i18n";
import { applySteps, firstUnanswered } from "~/domain/apply-steps";
import { SubmitForm } from "~/schemas/application.server";
import { offersEquipment } from "~/services/equipment.server";
import { onlinePaymentsEnabled, startCheckout } from "~/services/online-payments.server";
import { checkRequestedSlots, pricingFor, type SlotDetail, submitApplication } from "~/services/booking.server";
import type { Municipality } from "~/services/catalog.server";
import { requireMunicipality } from "~/utils/municipality.server";
import {
  type ApplicationDraft,
  commitSession,
  forgetBooking,
  getDraft,
  getSelection,
  getSession,
  requireApplicant,
} from "~/utils/session.server";

/** The selection and every answer, or a redirect to what is still missing. */
async function requireComplete(request: Request, municipality: Municipality, userId: string) {
  const session = await getSession(request);
  const selection = getSelection(session, municipality.id);
  const draft = getDraft(session, municipality.id);
  if (selection.length === 0) throw redirect(`/${municipality.slug}/selection`);
  const steps = applySteps(await offersEquipment(municipality.id, selection.map((s) => s.roomId)));
  const missing = firstUnanswered(steps, draft);
  if (missing) throw redirect(`/${municipality.slug}/apply/${missing}`);
  const complete = draft as Required<ApplicationDraft>;
  const input = {
    purpose: complete.purpose,
    purposeCategory: complete.purposeCategory,
    headcount: complete.headcount,
    contactPhone: complete.contactPhone,
    facts: { resident: complete.resident, commercial: complete.commercial, admissionCharged: complete.admissionCharged },
    aircon: complete.aircon ?? false,
    equipment: complete.equipment ?? {},
    exemption: complete.exemptionCategoryId
      ? { categoryId: complete.exemptionCategoryId, grounds: complete.exemptionGrounds }
      : null,
    groupId: complete.groupId || null,
  };
  // a category removed or a group expired meanwhile: ask the question again
  const pricing = await pricingFor(municipality.id, userId, input, new Date());
  if (!pricing.ok) throw redirect(`/${municipality.slug}/apply/exemption`);
  return { session, selection, draft: complete, input, pricing, steps };
}

/** Each equipment asked for with its units (the same in every slot of its facility). */
function equipmentAsked(slots: SlotDetail[]) {
  const units = new Map<string, number>();
  for (const slot of slots) for (const e of slot.equipment) units.set(e.name, e.quantity);
  return [...units].map(([name, quantity]) => ({ name, quantity }));
}

function describeProblems(problems: BookingProblem[], slots: SlotDetail[]) {
  return problems.map((p) => ({ code: p.code, slot: p.item !== undefined ? slots[p.item] : undefined }));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const { applicant, proxy } = await requireApplicant(request, municipality);
  const { selection, draft, pricing, steps } = await requireComplete(request, municipality, applicant.id);
  const checked = await checkRequestedSlots(municipality, selection, new Date(), draft.headcount, pricing);
  return {
    slug: municipality.slug,
    slots: checked.slots,
    problems: describeProblems(checked.problems, checked.slots),
    totalFee: checked.totalFee,
    exemptTotal: checked.exemptTotal,
    exemption: pricing.exemption ? { name: pricing.exemption.name, needsApproval: pricing.exemption.needsApproval } : null,
    group: pricing.group?.name ?? null,
    draft,
    equipment: equipmentAsked(checked.slots),
    stepCount: steps.length + 1,
    payment: {
      counterHoldDays: municipality.counterHoldDays,
      confirmBeforePayment: municipality.confirmBeforePayment,
      // the choice is asked only when there is something to pay now, of the applicant themselves
      // (someone booked for by a manager is not there to pay online: they pay at the counter)
      askChoice: !proxy && onlinePaymentsEnabled() && checked.totalFee > 0 && !pricing.exemption?.needsApproval,
    },
    idempotencyKey: randomUUID(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  // the selection and answers live in the session cookie, so they wait while the person signs in
  const { applicant, proxy } = await requireApplicant(request, municipality, { expired: true });
  const { session, selection, input, pricing } = await requireComplete(request, municipality, applicant.id);
  const form = Object.fromEntries(await request.formData());
  const parsed = SubmitForm.safeParse(form);
  if (!parsed.success) {
    return data({ reload: true, problems: [], alternatives: [], choiceError: false, choice: null }, { status: 400 });
  }
  const choice = proxy ? "COUNTER" : form.paymentChoice === "ONLINE" && onlinePaymentsEnabled() ? "ONLINE" : form.paymentChoice === "COUNTER" ? "COUNTER" : null;
  if (form.paymentChoiceAsked && !choice) {
    return data({ reload: false, problems: [], alternatives: [], choiceError: true, choice }, { status: 400 });
  }
  const now = new Date();
  const result = await submitApplication(
    municipality,
    applicant.id,
    { slots: selection, ...input, paymentChoice: choice ?? "COUNTER", proxyById: proxy?.id ?? null, idempotencyKey: parsed.data.idempotencyKey },
    now,
  );
  if (!result.ok) {
    const checked = await checkRequestedSlots(municipality, selection, now, undefined, pricing);
    return data(
      { reload: false, problems: describeProblems(result.problems, checked.slots), alternatives: result.alternatives, choiceError: false, choice },
      { status: 409 },
    );
  }
  forgetBooking(session, municipality.id);
  const headers = { "Set-Cookie": await commitSession(session) };
  // the manager tells the caller the number: their own page shows it, not the resident's
  if (proxy) return redirect(`/${municipality.slug}/manage/proxy/${result.applicationId}`, { headers });
  if (choice === "ONLINE") {
    const checkout = await startCheckout(municipality, applicant.id, result.applicationId, now);
    // nothing due after all (an exemption applied at once): the application page says so
    if (checkout.ok) return redirect(checkout.url, { headers });
  }
  return redirect(`/${municipality.slug}/bookings/${result.applicationId}?submitted=1`, { headers });
}

export default function Review() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const r = t.review;
  const { slug, slots, totalFee, exemptTotal, exemption, group, draft, equipment, stepCount, payment, idempotencyKey } = loaderData;
  const problems = actionData?.problems.length ? actionData.problems : loaderData.problems;
  const alternatives = actionData?.alternatives ?? [];
  return (
    <>
      <BackLink to={`/${slug}/apply/phone`}>{r.back}</BackLink>
      <StepIndicator current={stepCount} total={stepCount} name={t.apply.stepNames.review} />
      <h1>{r.title}</h1>
      {actionData?.reload ? (
        <Notice tone="error" role="alert">
          {r.reload}
        </Notice>
      ) : null}
      {problems.length > 0 ? (
        <div className="notice notice--error" role="alert" tabIndex={-1}>
          <h2>{r.cannotApply}</h2>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.slot ? <strong>{`${slotWhen(p.slot, t)} ${p.slot.roomName}${t.colon}`}</strong> : null}
                {t.bookingErrors[p.code]}
              </li>
            ))}
          </ul>
          {alternatives.length > 0 ? (
            <>
              <p>{r.nearby}</p>
              <ul>
                {alternatives.map((alt) => (
                  <li key={`${alt.roomId}|${alt.timeFrameId}|${alt.date}`}>
                    <a href={`/${slug}/rooms/${alt.roomId}/${alt.date}`}>
                      {`${slotWhen(alt, t)} ${alt.roomName}${alt.fee !== null ? `（${t.yen(alt.fee)}）` : ""}`}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <a href={`/${slug}/selection`}>{r.fixSelection}</a>
          </p>
        </div>
      ) : null}
      <h2>{r.slots}</h2>
      <ul className="slot-list">
        {slots.map((slot) => (
          <li key={`${slot.roomId}|${slot.timeFrameId}|${slot.date}`}>
            <SlotSummary slot={slot} />
            <details className="fee-details">
              <summary>{t.fees.title}</summary>
              <FeeBreakdown breakdown={slot.breakdown} />
              {slot.exemptBreakdown && exemption?.needsApproval ? (
                <FeeBreakdown breakdown={slot.exemptBreakdown} totalLabel={t.fees.withExemption} />
              ) : null}
            </details>
          </li>
        ))}
      </ul>
      <p className="total">{t.slot.total(t.yen(totalFee))}</p>
      {exemption?.needsApproval && exemptTotal !== null ? (
        <Notice title={`${t.fees.withExemption}${t.colon}${t.yen(exemptTotal)}`}>{t.apply.exemption.needsApproval}</Notice>
      ) : null}
      <p>
        <a href={`/${slug}/selection`}>{r.changeSlots}</a>
      </p>
      <h2>{r.details}</h2>
      <ApplicationDetails details={{ ...draft, equipment: draft.equipment ? equipment : undefined, exemptionName: exemption?.name ?? "", groupName: group }} changeHref={(step) => `/${slug}/apply/${step}?from=review`} />
      <form method="post">
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {payment.askChoice ? (
          <>
            <input type="hidden" name="paymentChoiceAsked" value="1" />
            <RadioGroup
              name="paymentChoice"
              label={t.payment.choiceLabel}
              options={[
                { value: "ONLINE", label: t.payment.choiceOnline, hint: t.payment.payOnlineHint },
                { value: "COUNTER", label: t.payment.choiceCounter, hint: r.counterPayment(payment.counterHoldDays) },
              ]}
              // paying at the counter asks nothing more of anyone: the safe default
              defaultValue={actionData?.choice ?? "COUNTER"}
              error={actionData?.choiceError ? t.payment.choiceRequired : undefined}
            />
          </>
        ) : (
          <p>{totalFee === 0 && !exemption?.needsApproval ? r.nothingDue : payment.confirmBeforePayment ? r.payOnTheDay : r.counterPayment(payment.counterHoldDays)}</p>
        )}
        <div className="actions">
          <Button>{r.submit}</Button>
        </div>
      </form>
    </>
  );
}
