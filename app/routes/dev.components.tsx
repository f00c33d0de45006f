import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
// The showcase takes everything through the index; a route takes each component from its own
// file (see app/components/ui/index.ts for why).
import {
  BackLink,
  Button,
  ButtonLink,
  CheckboxGroup,
  type ChoiceOption,
  DateOfBirthField,
  ErrorSummary,
  FileField,
  Notice,
  RadioGroup,
  SelectField,
  StepIndicator,
  TextField,
} from "~/components/ui";

/**
 * /dev/components: every design-system component in every state, for developers and for the
 * accessibility check. The form at the end really posts, with or without JavaScript, and
 * shows what the server received; /dev/components?state=errors opens it with errors.
 */

export const meta: MetaFunction = () => [
  { title: "部品の見本（開発者向け）" },
  { name: "robots", content: "noindex" },
];

const TRY_LABELS = {
  tryName: "お名前",
  tryRoom: "使いたい部屋",
  tryNeeds: "借りたい備品",
  tryBirth: "生年月日",
  tryAgree: "利用のきまり",
};

const ROOMS: ChoiceOption[] = [
  { value: "meeting", label: "会議室（20人まで）" },
  { value: "japanese", label: "和室（12人まで）", hint: "靴を脱いで上がります" },
  { value: "kitchen", label: "調理室（16人まで）" },
];

const NEEDS: ChoiceOption[] = [
  { value: "projector", label: "プロジェクター" },
  { value: "mic", label: "マイク" },
  { value: "whiteboard", label: "ホワイトボード" },
];

const AGREE: ChoiceOption[] = [{ value: "yes", label: "利用のきまりを読み、守ります" }];

type Errors = Partial<Record<keyof typeof TRY_LABELS, string>>;

function check(form: FormData): Errors {
  const errors: Errors = {};
  if (!String(form.get("tryName") ?? "").trim()) errors.tryName = "お名前を入力してください";
  if (!form.get("tryRoom")) errors.tryRoom = "部屋をひとつ選んでください";
  const birth = ["tryBirthYear", "tryBirthMonth", "tryBirthDay"].map((k) => String(form.get(k) ?? "").trim());
  if (birth.some((part) => part === "")) errors.tryBirth = "生年月日を年・月・日のすべて入力してください";
  if (form.get("tryAgree") !== "yes") errors.tryAgree = "利用のきまりを読み、チェックを入れてください";
  return errors;
}

export async function loader({ request }: LoaderFunctionArgs) {
  // ?state=errors shows the form as a failed post would leave it
  const withErrors = new URL(request.url).searchParams.get("state") === "errors";
  return { errors: withErrors ? check(new FormData()) : undefined };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const received = [...form.entries()].map(([key, value]) => `${key} = ${typeof value === "string" ? value : "(file)"}`);
  const errors = check(form);
  const values = {
    tryName: String(form.get("tryName") ?? ""),
    tryRoom: String(form.get("tryRoom") ?? ""),
    tryNeeds: form.getAll("tryNeeds").map(String),
    tryBirth: {
      year: String(form.get("tryBirthYear") ?? ""),
      month: String(form.get("tryBirthMonth") ?? ""),
      day: String(form.get("tryBirthDay") ?? ""),
    },
    tryAgree: form.getAll("tryAgree").map(String),
  };
  const failed = Object.keys(errors).length > 0;
  return data({ received, errors: failed ? errors : undefined, values }, { status: failed ? 400 : 200 });
}

function Section({ id, title, when, children }: { id: string; title: string; when: ReactNode; children: ReactNode }) {
  return (
    <section className="dev-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div className="dev-note">
        <p>{when}</p>
      </div>
      {children}
    </section>
  );
}

function Example({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="dev-example">
      <h3>{title}</h3>
      {children}
    </div>
  );
}

export default function DevComponents() {
  const loaded = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const errors = (posted ? posted.errors : loaded.errors) as Errors | undefined;
  const values = posted?.values;
  return (
    <main id="main" className="dev-page">
      <BackLink to="/">はじめのページへ戻る</BackLink>
      <h1>部品の見本（開発者向け）</h1>
      <p>
        app/components/ui の部品を、すべての状態で並べた見本です。どれも JavaScript なしで表示・送信でき、見た目は
        app/styles/ui.css にまとめてあります。
      </p>
      <p>
        文字の大きさを変えて確かめる：<a href="/prefs?size=standard&back=/dev/components">標準</a>／
        <a href="/prefs?size=large&back=/dev/components">大</a>／
        <a href="/prefs?size=xlarge&back=/dev/components">特大</a>
      </p>

      <Section
        id="button"
        title="ボタン（Button・ButtonLink）"
        when={
          <>
            画面でいちばん大事な操作（申し込む・次へ進む）は filled・large を1画面に1つ。並ぶ別の操作は outline、控えめな操作は text
            にします。取り消しなど元に戻せない操作には danger を付けます。ほかのページへ移るだけなら ButtonLink（中身は &lt;a&gt;）を使います。
          </>
        }
      >
        <Example title="filled（主な操作・高さ56px・横いっぱい）">
          <Button type="button">申し込む</Button>
        </Example>
        <Example title="outline（並ぶ別の操作）">
          <Button type="button" variant="outline">
            内容を修正する
          </Button>
        </Example>
        <Example title="text（控えめな操作・高さ48px）">
          <Button type="button" variant="text">
            入力した内容を消す
          </Button>
        </Example>
        <Example title="medium（高さ48px・文字の幅）">
          <div className="dev-row">
            <Button type="button" size="medium">
              追加する
            </Button>
            <Button type="button" size="medium" variant="outline">
              外す
            </Button>
          </div>
        </Example>
        <Example title="danger（取り消し）">
          <Button type="button" danger>
            この予約を取り消す
          </Button>
          <Button type="button" danger variant="outline">
            選んだ枠をすべて外す
          </Button>
        </Example>
        <Example title="ButtonLink（ページの移動）">
          <ButtonLink href="#button-title">選んだ枠を確認する（2件）</ButtonLink>
          <ButtonLink href="#button-title" variant="outline">
            ほかの日を選ぶ
          </ButtonLink>
        </Example>
      </Section>

      <Section
        id="text-field"
        title="文字の入力欄（TextField）"
        when={
          <>
            名前・電話番号・人数など、ひとことで答えられる質問に。見出し（ラベル）は欄の上、例や書き方は「説明」に書き、欄の中の薄い文字（プレースホルダー）は使いません。入力できない欄は作らず、文章で見せます。
          </>
        }
      >
        <Example title="標準">
          <TextField name="exName" label="お名前" autoComplete="name" />
        </Example>
        <Example title="説明つき・入力済み">
          <TextField
            name="exPhone"
            label="電話番号"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            hint="例：090-1234-5678"
            defaultValue="042-555-0123"
          />
        </Example>
        <Example title="短い欄（数字）">
          <TextField name="exHeadcount" label="利用人数" inputMode="numeric" short hint="だいたいの人数で構いません（例：12）" />
        </Example>
        <Example title="任意">
          <TextField name="exGroup" label="団体名" hint="個人で使うときは空欄のままで構いません" optional />
        </Example>
        <Example title="エラー">
          <TextField
            name="exEmail"
            label="メールアドレス"
            type="email"
            inputMode="email"
            autoComplete="email"
            hint="予約のお知らせが届きます"
            defaultValue="hanako@example"
            error="メールアドレスの形が正しくありません（例：hanako@example.jp）"
          />
        </Example>
      </Section>

      <Section
        id="radio-group"
        title="ひとつを選ぶ（RadioGroup）"
        when={
          <>
            画面に収まる数（6つくらいまで）の中からひとつを選ぶ質問に。行のどこを押しても選べます。選択肢が多いときは、質問を分けるか、一覧から選ぶ画面にします。
          </>
        }
      >
        <Example title="標準">
          <RadioGroup name="exRoom" label="使いたい部屋" options={ROOMS} />
        </Example>
        <Example title="選択済み・説明つき">
          <RadioGroup
            name="exTime"
            label="使いたい時間"
            hint="午後と夜間は続けて選べません"
            options={[
              { value: "am", label: "午前（9:00〜12:00）" },
              { value: "pm", label: "午後（13:00〜17:00）" },
              { value: "night", label: "夜間（18:00〜21:00）" },
            ]}
            defaultValue="pm"
          />
        </Example>
        <Example title="エラー">
          <RadioGroup name="exPay" label="支払い方法" options={[
            { value: "counter", label: "窓口で支払う" },
            { value: "transfer", label: "銀行振込" },
          ]} error="支払い方法を選んでください" />
        </Example>
      </Section>

      <Section
        id="select-field"
        title="長い一覧から選ぶ（SelectField）"
        when={
          <>
            ボタンでは多すぎる選択肢（すべての施設の部屋など）からひとつを選ぶ検索や設定に。ブラウザの選択欄なので、JavaScript なしで動き、スマートフォンでは端末の選び方で開きます。住民の質問には RadioGroup を使います。
          </>
        }
      >
        <Example title="見出しつき（施設ごとの部屋）">
          <SelectField
            name="exPlace"
            label="施設・部屋"
            optional
            options={[{ value: "", label: "すべての施設" }]}
            groups={[
              { label: "中央公民館", options: [{ value: "chuo", label: "中央公民館（すべての部屋）" }, { value: "washitsu", label: "和室" }] },
              { label: "五日市地区会館", options: [{ value: "itsukaichi", label: "五日市地区会館（すべての部屋）" }, { value: "study", label: "学習室" }] },
            ]}
          />
        </Example>
        <Example title="エラー">
          <SelectField name="exPlaceError" label="施設・部屋" options={[{ value: "", label: "すべての施設" }]} error="施設・部屋が見つかりません。選び直してください" />
        </Example>
      </Section>

      <Section
        id="checkbox-group"
        title="いくつでも選ぶ（CheckboxGroup）"
        when={
          <>
            当てはまるものをいくつでも選ぶ質問や、「読みました」の確認（選択肢ひとつ）に。選ばなくてもよいときは「任意」にします。
          </>
        }
      >
        <Example title="標準（任意）">
          <CheckboxGroup name="exNeeds" label="借りたい備品" hint="当てはまるものをすべて選んでください" options={NEEDS} optional />
        </Example>
        <Example title="選択済み">
          <CheckboxGroup name="exNeedsChosen" label="借りたい備品" options={NEEDS} defaultValue={["mic", "whiteboard"]} optional />
        </Example>
        <Example title="エラー（確認のチェック）">
          <CheckboxGroup name="exAgree" label="利用のきまり" options={AGREE} error="利用のきまりを読み、チェックを入れてください" />
        </Example>
      </Section>

      <Section
        id="date-of-birth"
        title="生年月日（DateOfBirthField）"
        when={
          <>
            生年月日のように覚えている日付に。年・月・日を数字で別々に入力します（カレンダーから選ばせません）。予約日のように選ぶ日付には、カレンダーの画面を使います。年は西暦です。
          </>
        }
      >
        <Example title="標準">
          <DateOfBirthField name="exBirth" label="生年月日" hint="西暦で入力してください（例：1950年4月1日）" />
        </Example>
        <Example title="入力済み">
          <DateOfBirthField name="exBirthFilled" label="生年月日" defaultValue={{ year: "1948", month: "11", day: "3" }} />
        </Example>
        <Example title="エラー">
          <DateOfBirthField
            name="exBirthError"
            label="生年月日"
            hint="西暦で入力してください（例：1950年4月1日）"
            defaultValue={{ year: "1950", month: "13", day: "" }}
            error="月は1から12の数字で入力してください"
          />
        </Example>
      </Section>

      <Section
        id="step"
        title="いまどこか（StepIndicator）"
        when={<>いくつかの画面に分けた手続きで、見出しの上に置きます。名前はその画面で聞くこと（利用人数、確認など）にします。</>}
      >
        <Example title="最初">
          <StepIndicator current={1} total={4} name="利用目的" />
        </Example>
        <Example title="途中">
          <StepIndicator current={2} total={4} name="利用人数" />
        </Example>
        <Example title="最後">
          <StepIndicator current={4} total={4} name="確認" />
        </Example>
      </Section>

      <Section
        id="notice"
        title="お知らせ（Notice）"
        when={
          <>
            ページの中で目立たせたい文に。種類は色だけでなく見出しの言葉で伝えます（アイコンは使いません）。操作の結果は role=&quot;status&quot;、その場で見つかった問題は
            role=&quot;alert&quot; を付けます。
          </>
        }
      >
        <Notice title="お知らせ" headingLevel={3}>
          <p>12月29日から1月3日までは休館日です。</p>
        </Notice>
        <Notice tone="success" title="申し込みを受け付けました" headingLevel={3}>
          <p>申込番号は 2026-0042 です。確認のメールをお送りしました。</p>
        </Notice>
        <Notice tone="warning" title="ご注意ください" headingLevel={3}>
          <p>利用日の7日前を過ぎると、取り消しに料金がかかります。</p>
        </Notice>
        <Notice tone="error" title="この枠は選べません" headingLevel={3}>
          <p>ほかの方の予約が先に入りました。別の時間を選んでください。</p>
        </Notice>
      </Section>

      <Section
        id="file-field"
        title="ファイルを選ぶ（FileField）"
        when={<>職員がファイルを送るとき（施設のCSV登録）。ブラウザの標準のファイル選択をそのまま使い、form には encType="multipart/form-data" を付けます。</>}
      >
        <Example title="ふつう">
          <FileField name="dev-file" label="CSVファイル" hint="2MBまで" accept=".csv,text/csv" />
        </Example>
        <Example title="エラー">
          <FileField name="dev-file-error" label="CSVファイル" hint="2MBまで" accept=".csv,text/csv" error="CSVファイルを選んでください" />
        </Example>
      </Section>

      <Section
        id="back-link"
        title="戻るリンク（BackLink）"
        when={<>ページのいちばん上に置き、ひとつ前の決まった画面へ戻します（ブラウザの「戻る」とは別に、行き先をはっきり書きます）。</>}
      >
        <BackLink to="#back-link-title">カレンダーへ戻る</BackLink>
      </Section>

      <Section
        id="try"
        title="送信して試す（ErrorSummary と各部品）"
        when={
          <>
            ErrorSummary は送信した内容に問題があったとき、フォームの上に出します。表示されると自動でそこへ移動し（読み上げソフトが読みます）、各項目へのリンクで入力欄へ移れます。何も入れずに送ると出ます。
          </>
        }
      >
        {posted && !posted.errors ? (
          <Notice tone="success" title="送信できました" role="status" headingLevel={3}>
            <p>サーバーが受け取った内容：</p>
            <ul>
              {posted.received.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </Notice>
        ) : null}
        <ErrorSummary errors={errors} labels={TRY_LABELS} />
        <form method="post" action="/dev/components" noValidate>
          <TextField name="tryName" label={TRY_LABELS.tryName} autoComplete="name" defaultValue={values?.tryName} error={errors?.tryName} />
          <RadioGroup name="tryRoom" label={TRY_LABELS.tryRoom} options={ROOMS} defaultValue={values?.tryRoom || undefined} error={errors?.tryRoom} />
          <CheckboxGroup name="tryNeeds" label={TRY_LABELS.tryNeeds} options={NEEDS} defaultValue={values?.tryNeeds} optional />
          <DateOfBirthField name="tryBirth" label={TRY_LABELS.tryBirth} hint="西暦で入力してください（例：1950年4月1日）" defaultValue={values?.tryBirth} error={errors?.tryBirth} />
          <CheckboxGroup name="tryAgree" label={TRY_LABELS.tryAgree} options={AGREE} defaultValue={values?.tryAgree} error={errors?.tryAgree} />
          <div className="actions">
            <Button>送信する</Button>
          </div>
        </form>
      </Section>
    </main>
  );
}
