import type { BookingErrorCode } from "~/domain/errors";

const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"] as const;

function parts(date: string) {
  const d = new Date(`${date}T00:00:00Z`);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), w: d.getUTCDay() };
}

/** Every string the app shows, in Japanese. en.ts has the same shape. */
export const ja = {
  lang: "ja" as string,
  /** 12月1日(火) */
  date: (iso: string) => {
    const p = parts(iso);
    return `${p.m}月${p.d}日(${WEEKDAYS[p.w]})`;
  },
  /** 2026年12月1日(火): a date a year or more away */
  longDate: (iso: string) => {
    const p = parts(iso);
    return `${p.y}年${p.m}月${p.d}日(${WEEKDAYS[p.w]})`;
  },
  /** 2026年12月 */
  monthName: (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`,
  yen: (yen: number) => `${yen.toLocaleString("ja-JP")}円`,
  timeRange: (from: string, to: string) => `${from}〜${to}`,
  people: (n: number) => `${n}人`,
  weekdayShort: [...WEEKDAYS] as string[],
  weekdayLong: ["日曜", "月曜", "火曜", "水曜", "木曜", "金曜", "土曜"],
  list: (items: string[]) => items.join("、"),
  /** between a label and what it names: 「利用人数：…」 */
  colon: "：" as string,

  site: {
    appName: "つどい 公共施設予約",
    title: (municipality: string) => `${municipality} 施設予約`,
    description: (municipality: string) =>
      `${municipality}の公民館・地区会館の部屋の空きを調べて、そのままインターネットで予約できます。`,
    skipToContent: "本文へ移動",
    menu: "メニュー",
    selection: (count: number) => (count > 0 ? `選んだ枠（${count}件）` : "選んだ枠"),
    myBookings: "わたしの予約",
    help: "使い方・お問い合わせ",
    login: "ログイン",
    logout: "ログアウト",
    helpCall: "操作がわからないときは、お電話ください：",
    staffMenu: "職員メニュー",
    hallBookings: "施設の予約",
    helpHours: "（平日 8:30〜17:15）",
    settings: "表示の設定",
    textSize: "文字の大きさ",
    textSizes: { standard: "標準", large: "大", xlarge: "特大" },
    current: "（選択中）",
    otherLanguage: "English",
    otherLanguageLabel: "Switch to English",
  },

  home: { chooseMunicipality: "お住まいの自治体を選んでください。" },

  errorPage: {
    notFoundTitle: "ページが見つかりません",
    notFoundBody: "アドレスが変わったか、ページがなくなった可能性があります。",
    errorTitle: "申し訳ありません。問題が起きました",
    errorBody: "時間をおいて、もう一度お試しください。",
    forbiddenTitle: "このページは開けません",
    forbiddenBody: "このページは、担当の職員や施設管理人のためのものです。別のアカウントでログインしている場合は、ログアウトしてからお試しください。",
    home: "はじめのページへ",
  },

  facilities: {
    title: "施設を選んでください",
    intro: "部屋の空きを見て、そのまま予約を申し込めます。",
    seeRooms: "の部屋と空きを見る",
    rooms: "部屋：",
    room: (name: string, capacity: number) => `${name}（${capacity}人）`,
  },

  facility: {
    back: "施設の一覧へ戻る",
    phone: "電話",
    /** the facility's regular closed days; null when it has none */
    closed: (rules: { weekdays: string; holidays: boolean; yearEnd: boolean }) => {
      const parts = [rules.weekdays ? `毎週${rules.weekdays}` : "", rules.holidays ? "祝日" : "", rules.yearEnd ? "年末年始（12月29日〜1月3日）" : ""].filter(Boolean);
      return parts.length ? `休館日：${parts.join("、")}` : null;
    },
    chooseRoom: "部屋を選んでください",
    seeAvailability: "の空きを見る",
    capacity: (n: number) => `定員 ${n}人`,
    holidayFee: (fee: string) => `（土日祝 ${fee}）`,
    equipment: "貸し出す備品",
    equipmentIntro: "申し込みの途中で、借りる数を選べます。",
    equipmentItem: (name: string, stock: number, fee: string) => `${name}（${stock}点まで）1枠ごとに ${fee}`,
  },

  month: {
    back: (facility: string) => `${facility}へ戻る`,
    availabilityOf: "の空き状況",
    intro: (facility: string, capacity: number) => `${facility}・定員 ${capacity}人。使いたい日を押してください。`,
    legend: "記号の意味",
    monthNav: "月の切り替え",
    caption: (month: string) => `${month}の空き状況`,
    window: (closeDaysBefore: number, months: number) =>
      closeDaysBefore === 1
        ? `インターネットで予約できるのは、明日から${months}か月先までです。当日の予約は施設にお電話ください。`
        : `インターネットで予約できるのは、${closeDaysBefore}日後から${months}か月先までです。それより近い日の予約は施設にお電話ください。`,
    notices: "この月のお知らせ",
    /** a dated closure of the facility on a day */
    closedNotice: (date: string, reason: string) => `${date} 休館：${reason}`,
    /** a block of the room on a day; frames: the frames it closes, null for the whole day */
    blockedNotice: (date: string, reason: string, frames: string[] | null) =>
      `${date} ${frames ? `${frames.join("・")}は` : "終日"}使えません：${reason}`,
  },

  marks: {
    free: { symbol: "○", label: "空きあり" },
    partial: { symbol: "△", label: "残りわずか" },
    full: { symbol: "×", label: "満室" },
    closed: { symbol: "休", label: "休館日" },
    outside: { symbol: "", label: "受付期間外" },
  },

  day: {
    back: "カレンダーへ戻る",
    closedDay: "この日は休館日です。",
    closedFor: (reason: string) => `この日は休館日です（${reason}）。`,
    blockedAllDay: (reason: string) => `この日は、この部屋は使えません（${reason}）。`,
    blocked: (reason: string) => `使えません（${reason}）`,
    unavailable: "使えません",
    choose: "使いたい時間を押してください。いくつでも選べます。",
    taken: "予約済みのため選べません",
    select: "選ぶ",
    selected: "選択中（取り消す）",
    review: (count: number) => `選んだ枠を確認する（${count}件）`,
    reselect: "選び直してください。",
    justTaken: "この枠はすでに予約が入っています。ほかの枠を選んでください。",
  },

  selection: {
    back: "施設の一覧へ戻る",
    title: "選んだ枠",
    empty: "まだ枠を選んでいません。施設と部屋を選び、使いたい日と時間を押してください。",
    chooseFacility: "施設を選ぶ",
    remove: "取り消す",
    apply: "この枠で申し込む",
    more: "ほかの部屋・日にちも選ぶ",
  },

  groups: {
    title: "団体の登録",
    intro: "サークルや町内会などの団体を登録すると、団体として申し込めます。職員が確認して認めると、その団体の減免（使用料の割引）が自動で適用され、ふつうより早く予約できます。登録は1年間有効で、期限の60日前から更新を申し込めます。",
    mine: "登録している団体",
    none: "まだ団体はありません。",
    status: { PENDING: "職員が確認中", APPROVED: "登録済み", RETURNED: "差し戻し", EXPIRED: "期限切れ" } as Record<string, string>,
    expiry: (date: string) => `有効期限：${date}`,
    returned: (reason: string) => `差し戻しの理由：${reason}`,
    renew: "更新を申し込む",
    renewSoonTitle: (days: number) => (days <= 0 ? "きょうで期限が切れます" : `あと${days}日で期限が切れます`),
    renewSoon: "続けて団体として申し込むときは、更新を申し込んでください。職員が確認するあいだも、いまの登録は期限まで使えます。",
    renewExpiredTitle: "登録の期限が切れています",
    renewExpired: "期限から90日以内なら、更新を申し込めます。職員が認めると、また団体として申し込めます。",
    renewTooLate: "期限から90日を過ぎたため、更新はできません。下の「団体を登録する」から、もう一度登録を申請してください。",
    renewRequested: "更新の申し込みを職員が確認中です。いまの登録は期限まで使えます。",
    renewReturned: (reason: string) => `更新の申し込みは差し戻されました。理由：${reason}`,
    renewSent: (name: string) => `「${name}」の更新を申し込みました。職員が確認したら、メールでお知らせします。`,
    renewErrors: {
      NOT_RENEWABLE: "この団体は、いまは更新を申し込めません。更新は、有効期限の60日前から、期限が切れて90日後までです。",
      ALREADY_REQUESTED: "この団体の更新は、もう申し込んであります。職員の確認をお待ちください。",
      UNKNOWN_GROUP: "更新する団体がわかりませんでした。このページを開き直して、もう一度ボタンを押してください。",
    },
    apply: "団体を登録する",
    name: "団体の名前",
    purpose: "団体の目的・活動の内容",
    purposeHint: "例：月に2回、俳句をつくって発表しあう会です",
    members: "会員の人数",
    activity: "活動の種類",
    activities: { culture: "文化・学習", sports: "スポーツ", welfare: "福祉", community: "地域の活動", other: "その他" } as Record<string, string>,
    submit: "登録を申請する",
    sent: (name: string) => `「${name}」の登録を申請しました。職員が確認したら、メールでお知らせします。`,
    link: "団体として申し込む方（団体の登録）",
  },

  fees: {
    title: "使用料の内訳",
    base: "基本使用料",
    adjustments: { NON_RESIDENT: "市外の方", COMMERCIAL: "営利目的", ADMISSION: "入場料の徴収" } as Record<string, string>,
    times: (percent: number) => `×${percent / 100}`,
    surcharge: (name: string, quantity: number) => (quantity > 1 ? `${name}（${quantity}）` : name),
    exemption: (name: string) => `減免（${name}）`,
    rounding: (unit: number) => `${unit}円未満の切り捨て`,
    total: "合計（税込）",
    withExemption: "減免が認められたときの合計",
    status: { NONE: "", PENDING: "減免の確認待ち", APPROVED: "減免が認められました", REJECTED: "減免は認められませんでした" } as Record<string, string>,
  },

  slot: {
    fee: (fee: string) => `利用料 ${fee}`,
    total: (total: string) => `合計 ${total}（税込）`,
    cancelled: "取消済み",
  },

  login: {
    title: "ログイン",
    email: "メールアドレス",
    password: "パスワード",
    submit: "ログインする",
    wrong: "メールアドレスかパスワードが違います。もう一度入力してください。",
    newHere: "はじめて使う方",
    register: "利用者登録をする（メールアドレスが必要です）",
    tooMany: (minutes: number) =>
      `ログインの失敗が続いたため、${minutes}分ほど待ってから、もう一度お試しください。急ぐときはお電話ください。`,
    sessionExpired: "しばらく操作がなかったため、ログインが切れました。入力した内容は残っています。もう一度ログインしてください。",
    codeIntro: "登録したメールアドレスに、ログイン用の6けたの番号をお送りします。パスワードは要りません。",
    sendCode: "番号をメールで受け取る",
    usePassword: "パスワードでログインする",
    useCode: "メールで届く番号でログインする（パスワードは要りません）",
    passwordTitle: "パスワードでログイン",
    accountCreated: "アカウントができました。決めたパスワードでログインしてください。",
    tooManyCodes: (minutes: number) =>
      `番号の送信が続いたため、${minutes}分ほど待ってから、もう一度お試しください。すでに届いた番号は使えます。急ぐときはお電話ください。`,
    codeTitle: "メールに届いた番号を入力",
    codeSent: (email: string) => `${email} あてに、6けたの番号を送りました。10分以内に入力してください。`,
    code: "番号（6けた）",
    codeHint: "例：123456",
    codeSubmit: "ログインする",
    codeWrong: (left: number) => `番号が違います。あと${left}回入力できます。メールの番号をもう一度確かめてください。`,
    codeExpired: "この番号は使えなくなりました（10分を過ぎたか、すでに使われています）。新しい番号を受け取ってください。",
    codeUsedUp: "番号の入力が5回違ったため、この番号は使えなくなりました。新しい番号を受け取ってください。",
    codeNoChallenge: "番号を受け取るところから、もう一度お願いします。",
    notArrivedTitle: "メールが届かないとき",
    notArrived: [
      "迷惑メールのフォルダに入っていないか見てください。",
      "登録したときと違うメールアドレスかもしれません。",
      "数分たっても届かないときは、もう一度受け取るか、お電話ください。",
    ],
    resend: "番号をもう一度受け取る",
  },

  secondFactor: {
    title: "確認コードの入力",
    intro: "職員のアカウントは、認証アプリ（Google Authenticator など）に表示される6けたの確認コードも必要です。",
    code: "確認コード（6けた）",
    submit: "確認する",
    wrong: "確認コードが違います。アプリに表示されている新しいコードを入力してください。",
    setupTitle: "認証アプリの設定",
    setupIntro: "職員のアカウントは、2段階の確認が必要です。スマートフォンの認証アプリで、下のQRコードを読み取ってください。",
    setupKey: "QRコードを読み取れないときは、このキーを入力してください",
    setupSubmit: "設定を終える",
    expired: "時間がたったため、はじめからログインしてください。",
  },

  register: {
    back: "ログインへ戻る",
    title: "利用者登録",
    intro: (municipality: string) => `${municipality}の施設を予約するための登録です。`,
    name: "お名前",
    email: "メールアドレス",
    emailHint: "予約のお知らせが届きます",
    phone: "電話番号",
    phoneHint: "例：090-1234-5678",
    password: "パスワード",
    passwordHint: "8文字以上",
    submit: "登録する",
    emailTaken: "このメールアドレスはすでに登録されています。ログインしてください。",
    tooMany: (minutes: number) => `この場所からの登録が続いたため、${minutes}分ほど待ってから、もう一度お試しください。`,
  },

  logout: {
    title: "ログアウトしますか？",
    submit: "ログアウトする",
    stay: "ログアウトしないで戻る",
    everywhereTitle: "ほかのスマートフォンやパソコンでも",
    everywhereHint: "なくした電話や、ほかの人と使うパソコンでログインしたままのときは、こちらを押してください。",
    everywhere: "すべての端末でログアウトする",
  },

  apply: {
    stepNames: { purpose: "利用目的", residence: "お住まい", usage: "利用の内容", equipment: "備品", exemption: "減免", headcount: "利用人数", phone: "連絡先", review: "確認" },
    back: { selection: "選んだ枠へ戻る", previous: "前の質問へ戻る", review: "確認の画面へ戻る" },
    next: "次へ進む",
    toReview: "確認へ進む",
    purpose: {
      title: "何に使いますか？",
      label: "利用目的",
      hint: "例：町内会の会議、体操教室",
    },
    residence: {
      title: (municipality: string) => `${municipality}に住んでいるか、通勤・通学していますか？`,
      label: "市内に住んでいる・通勤・通学している",
      yes: "はい",
      no: "いいえ（市外の方の使用料になります）",
    },
    usage: {
      title: "当てはまるものはありますか？",
      label: "利用の内容",
      hint: "当てはまるものがなければ、何も選ばずに次へ進んでください。",
      commercial: "営利目的（商品の販売や宣伝など）",
      admission: "入場料や参加費を集める",
      aircon: "冷房・暖房を使う",
      airconHint: "使うときは、1枠ごとに冷暖房の料金が加わります",
      none: "当てはまるものはない",
    },
    equipment: {
      title: "備品を借りますか？",
      hint: "借りる数を入れてください。借りない物は 0 のままで構いません。選んだ枠のすべてで借ります。",
      label: (name: string, facility: string) => `${name}（${facility}）`,
      perSlot: (fee: string) => `1枠ごとに ${fee}`,
      free: (units: number) => (units > 0 ? `選んだ時間に借りられる数：あと${units}` : "選んだ時間は、すべて貸し出し中です"),
      summaryLabel: "借りる備品",
      none: "借りない",
      item: (name: string, quantity: number) => `${name} ${quantity}`,
    },
    exemption: {
      title: "使用料の減免を申請しますか？",
      label: "減免の種類",
      none: "申請しない",
      full: "全額免除",
      part: (percent: number) => `${percent}%減額`,
      grounds: "申請の理由",
      groundsHint: "減免を申請するときだけ書いてください。",
      needsApproval: "減免は、職員が確認してから決まります。それまでは減免前の金額です。",
      asGroup: (group: string, exemption: string) => `登録団体「${group}」として申し込む${exemption ? `（${exemption}）` : ""}`,
    },
    headcount: {
      title: "何人で使いますか？",
      label: "利用人数",
      hint: "だいたいの人数で構いません（例：12）",
    },
    phone: {
      title: "当日つながる電話番号を教えてください",
      label: "当日の連絡先電話番号",
      hint: "例：090-1234-5678",
    },
  },

  review: {
    back: "連絡先の質問へ戻る",
    title: "申し込み内容の確認",
    cannotApply: "このままでは申し込めません",
    nearby: "近い日時で空いている枠：",
    fixSelection: "選んだ枠を直す",
    slots: "予約する枠",
    changeSlots: "枠を変更する",
    details: "利用の内容",
    change: "変更",
    counterPayment: (days: number) =>
      `申し込むと「仮予約」になります。${days}日以内（利用日が近いときは、利用の始まる時刻まで）に、施設の窓口でお支払いください。お支払いがないと、予約は自動で取り消されます。`,
    payOnTheDay: "申し込むと予約が確定します。利用料は、利用日に施設の窓口でお支払いください。",
    nothingDue: "お支払いはありません。申し込むと予約が確定します。",
    submit: "この内容で申し込む",
    reload: "画面を読み込み直してから、もう一度申し込んでください。",
  },

  bookings: {
    title: "わたしの予約",
    whose: (name: string) => `${name}さんの申し込みです。`,
    none: "まだ申し込みはありません。",
    book: "施設を選んで予約する",
    number: (n: number) => `申込番号 ${n}`,
    cancelledSuffix: "（取消済み）",
    myDataTitle: "登録している情報",
    myData: "わたしの登録情報と申し込みをダウンロードする（JSON形式）",
    myDataCsv: "同じ内容をCSV形式（Excelで開けます）でダウンロードする",
    deleteTitle: "退会",
    deleteAccount: "退会する（登録を削除する）",
  },

  account: {
    roles: { RESIDENT: "住民", MANAGER: "施設の管理者", STAFF: "自治体の職員", OPERATOR: "運用担当" },
    /** headings of the CSV download: the profile block, then one row per slot */
    csv: {
      profileTitle: "登録している情報",
      name: "お名前",
      email: "メールアドレス",
      phone: "電話番号",
      role: "利用者の種類",
      registeredAt: "登録日時",
      exportedAt: "ダウンロード日時",
      applicationsTitle: "申し込み（1行に1枠）",
      number: "申込番号",
      appliedAt: "申込日時",
      status: "申し込みの状態",
      date: "利用日",
      frame: "時間帯",
      time: "時間",
      facility: "施設",
      room: "部屋",
      fee: "利用料（円）",
      slotCancelledAt: "この枠の取消日時",
      purpose: "利用目的",
      headcount: "利用人数",
      contactPhone: "当日の連絡先電話番号",
      totalFee: "申し込みの合計（円）",
    },
    delete: {
      back: "わたしの予約へ戻る",
      title: "退会しますか？",
      intro: "退会すると、次のようになります。",
      points: (municipality: string) => [
        "ログインできなくなります。お名前、メールアドレス、電話番号は消されます。",
        `これまでに使った予約は、お名前や電話番号を消したうえで、${municipality}の施設の利用統計のために残ります。`,
        "これからの予約は、すべて取り消されます。",
        "退会すると元に戻せません。また使うときは、もう一度利用者登録をしてください。",
      ],
      upcomingTitle: "取り消される予約",
      upcomingNone: "取り消される予約はありません。",
      number: (n: number) => `申込番号 ${n}`,
      downloadTitle: "退会する前に",
      downloadHint: "予約の記録を手元に残したいときは、先にダウンロードしてください。",
      confirmLabel: "退会の確認",
      confirm: "元に戻せないことを確認しました",
      confirmRequired: "退会するときは「元に戻せないことを確認しました」にチェックを入れてください",
      submit: "退会する",
      keep: "退会しないで戻る",
      notResident: "この画面で退会できるのは、住民として登録した方だけです。職員の方は担当の部署にご相談ください。",
      doneTitle: "退会しました",
      doneBody: "これまでのご利用、ありがとうございました。これからの予約は取り消し、登録した情報は消しました。",
      home: "はじめのページへ",
    },
  },

  booking: {
    back: "わたしの予約へ戻る",
    submittedTitle: "申し込みを受け付けました",
    submittedBody: "仮予約になりました。お問い合わせのときは申込番号をお伝えください。",
    cancelledNotice: "取り消しました。枠はほかの方が予約できるようになりました。",
    title: "申し込みの内容",
    number: "申込番号",
    slots: "予約した枠",
    cancelSlot: "この枠を取り消す",
    cancelAll: "この申し込みをすべて取り消す",
  },

  payment: {
    title: "お支払い",
    due: (amount: string) => `お支払いいただく金額：${amount}（税込）`,
    payAtCounter: (deadline: string) => `${deadline}までに、施設の窓口でお支払いください。お支払いがないと、予約は自動で取り消されます。`,
    payOnTheDay: "利用日に、施設の窓口でお支払いください。",
    waitingForExemption: "減免の確認が終わると、お支払いの期限をメールでお知らせします。",
    nothingDue: "お支払いはありません。",
    paid: (amount: string) => `お支払い済みです（${amount}）。`,
    history: "お支払いと返金の記録",
    methods: { CASH: "窓口（現金）", TERMINAL: "窓口（カード・電子マネー）", STRIPE: "インターネット" } as Record<string, string>,
    entry: (kind: string, method: string, amount: string) =>
      kind === "PAYMENT" ? `${method}でお支払い ${amount}` : kind === "REFUND" ? `返金 ${amount}（${method}）` : `訂正 ${amount}`,
    refundAtCounter: "返金は施設の窓口でお受け取りください。申込番号をお伝えください。",
    payBy: (deadline: string) => `${deadline}までにお支払いください。下のボタンからインターネットで払うか、施設の窓口で払えます。お支払いがないと、予約は自動で取り消されます。`,
    payOnline: "インターネットで支払う",
    payOnlineHint: "カード・コンビニ・PayPay などで払えます（Stripe の画面に移ります）",
    checkout: {
      paid: "お支払いを確認しました。予約が確定しました。",
      done: "お支払いの手続きを受け付けました。コンビニで払うときは、お店で払い終えると自動で予約が確定します。",
      cancelled: "お支払いは完了していません。もう一度お試しいただくか、施設の窓口でお支払いください。",
      not_payable: "この申し込みは、いまはインターネットで払えません。施設にお問い合わせください。",
      unavailable: "インターネットでのお支払いは、いま使えません。施設の窓口でお支払いください。",
      nothing_due: "お支払いいただく金額はありません。",
    } as Record<string, string>,
    choiceLabel: "お支払いの方法",
    choiceOnline: "インターネットで払う",
    choiceCounter: "施設の窓口で払う（現金など）",
    choiceRequired: "お支払いの方法を選んでください",
  },

  documents: {
    link: "使用許可書・領収書を印刷する",
    permit: "施設使用許可書",
    receipt: "領収書",
    show: (name: string) => `${name}を表示する`,
    issuer: (municipality: string) => `${municipality}長`,
    issuedOn: (date: string) => `発行日：${date}`,
    applicant: "使用者",
    number: "申込番号",
    purpose: "利用目的",
    headcount: "利用人数",
    permitText: "次のとおり、施設の使用を許可します。当日はこの許可書（画面でも構いません）をお持ちください。",
    receiptText: "次のとおり、施設使用料を領収しました。",
    when: "利用日時",
    place: "施設・部屋",
    fee: "使用料（税込）",
    total: "合計（税込）",
    paid: "領収金額（税込）",
    paidBy: "お支払い方法",
    refunded: "返金",
    notConfirmed: "予約が確定すると、使用許可書を印刷できます。",
    notPaid: "お支払いを確認すると、領収書を印刷できます。",
    print: "印刷する",
    printHint: "ボタンが動かないときは、ブラウザのメニューから印刷してください（A4 縦）。",
    back: "申し込みの内容へ戻る",
  },

  cancel: {
    back: "申し込みの内容へ戻る",
    title: "予約を取り消しますか？",
    intro: (n: number) => `申込番号 ${n} の、次の枠を取り消します。取り消すと元に戻せません。`,
    submit: "取り消す",
    keep: "取り消さないで戻る",
    refund: (amount: string, percent: number) => `返金：${amount}（お支払いの${percent}%）`,
    noRefund: "返金はありません",
    unpaid: "まだお支払い前なので、取り消しても料金はかかりません。",
    refundTotal: (amount: string) => `返金の合計：${amount}`,
    policyTitle: "取り消したときの返金",
    tier: (days: number, percent: number) =>
      `${days === 0 ? "利用日の当日" : `利用日の${days}日前まで`}：${percent === 100 ? "全額" : percent === 0 ? "返金なし" : `${percent}%`}`,
  },

  status: { TENTATIVE: "仮予約", CONFIRMED: "予約確定", CANCELLED: "取消済み", EXPIRED: "期限切れ（支払いがなかったため取り消し）" },

  /** words inside the design-system components (app/components/ui) */
  ui: {
    optional: "任意",
    /** ステップ 2 / 4 */
    step: (current: number, total: number) => `ステップ ${current} / ${total}`,
    dateParts: { year: "年", month: "月", day: "日" },
  },

  form: {
    summaryTitle: "入力内容を確認してください",
    required: "必須",
    emailRequired: "メールアドレスを入力してください",
    emailTooLong: "メールアドレスが長すぎます",
    emailInvalid: "メールアドレスの形が正しくありません（例：hanako@example.jp）",
    phoneRequired: "電話番号を入力してください",
    phoneInvalid: "電話番号は0から始まる10けたか11けたの数字で入力してください（例：090-1234-5678）",
    passwordRequired: "パスワードを入力してください",
    passwordTooShort: "パスワードは8文字以上にしてください",
    passwordTooLong: "パスワードは200文字までです",
    nameRequired: "お名前を入力してください",
    nameTooLong: "お名前は100文字までです",
    purposeRequired: "利用目的を入力してください",
    purposeTooLong: "利用目的は200文字までです",
    headcountRequired: "利用人数を入力してください",
    headcountNotNumber: "利用人数は数字で入力してください（例：12）",
    equipmentNotNumber: "数字で入力してください（借りないときは 0）",
    equipmentTooMany: "借りられる数より多くなっています。表示されている数までにしてください",
    headcountTooSmall: "利用人数は1人以上にしてください",
    headcountTooLarge: "利用人数が多すぎます",
    codeRequired: "番号を入力してください",
    residenceRequired: "「はい」か「いいえ」を選んでください",
    exemptionRequired: "減免を申請するかどうかを選んでください",
    groundsRequired: "減免を申請する理由を書いてください",
    groundsTooLong: "理由は500文字までです",
    exemptionUnknown: "選んだ減免の種類が見つかりません。選び直してください",
    groupNameRequired: "団体の名前を入力してください",
    groupNameTooLong: "団体の名前は100文字までです",
    groupPurposeRequired: "団体の目的・活動の内容を入力してください",
    groupPurposeTooLong: "目的・活動の内容は500文字までです",
    membersInvalid: "会員の人数は1以上の数字で入力してください（例：12）",
    activityRequired: "活動の種類を選んでください",
    codeInvalid: "番号は6けたの数字で入力してください（例：123456）",
  },

  bookingErrors: {
    EMPTY_APPLICATION: "枠がひとつも選ばれていません。部屋と日にちを選んでください。",
    TOO_MANY_ITEMS: "一度に申し込める枠は20件までです。2回に分けて申し込んでください。",
    UNKNOWN_ROOM: "この部屋は見つかりません。もう一度、施設から選び直してください。",
    UNKNOWN_TIME_FRAME: "この部屋にはその時間帯がありません。もう一度選び直してください。",
    NO_FEE_RULE: "この日の使用料がまだ決まっていないため、インターネットでは予約できません。施設にお電話ください。",
    UNKNOWN_EXEMPTION: "選んだ減免の種類が見つかりません。もう一度選んでください。",
    UNKNOWN_GROUP: "この団体では申し込めません（登録の期限が切れたか、代表者ではありません）。",
    PAST_DATE: "過ぎた日は予約できません。",
    BOOKING_CLOSED_FOR_DATE: "この日のインターネット予約は締め切りました。施設に電話でお問い合わせください。",
    NOT_YET_OPEN: "この日はまだ予約の受付が始まっていません。",
    CLOSED_DAY: "この日は休館日のため予約できません。",
    BLOCKED: "この時間は、点検などのため部屋が使えなくなりました。ほかの枠を選んでください。",
    DUPLICATE_SLOT: "同じ枠が2回選ばれています。ひとつ取り消してください。",
    OVERLAPPING_SLOTS: "同じ時間に重なる部屋（大集会室とその半分など）が選ばれています。どちらかを取り消してください。",
    OVER_CAPACITY: "利用人数がこの部屋の定員をこえています。",
    SLOT_TAKEN: "申し訳ありません。この枠は、たった今ほかの方の予約が入りました。",
    EQUIPMENT_SHORT: "この時間は、借りたい備品がほかの予約で足りません。備品の数を減らすか、別の枠を選んでください。",
    NOT_FOUND: "お探しの予約は見つかりません。",
    ALREADY_CANCELLED: "この予約はすでに取り消されているか、利用日を過ぎています。",
  } satisfies Record<BookingErrorCode, string>,

  help: {
    title: "使い方・お問い合わせ",
    intro: "わからないことがあれば、いつでもお電話ください。画面の操作もお手伝いします。",
    sections: [
      {
        title: "予約のしかた",
        steps: [
          "はじめの画面で施設を選びます。",
          "部屋を選ぶと、1か月のカレンダーが出ます。○と△の日は空きがあります。",
          "日にちを押し、使いたい時間（午前・午後・夜間）の「選ぶ」を押します。別の部屋や別の日も、続けて選べます。",
          "「選んだ枠」を開き、「この枠で申し込む」を押します。",
          "はじめての方は利用者登録をします。2回目からはログインするだけです。",
          "利用目的、人数、当日の電話番号を1つずつ答え、確認の画面で「この内容で申し込む」を押します。",
          "申込番号が出たら完了です。「わたしの予約」でいつでも見られます。",
        ],
      },
      {
        title: "料金の払い方",
        paragraphs: [
          "いまは、施設の窓口でのお支払いだけです。利用日の前までに、申込番号を窓口でお伝えください。",
          "コンビニ払いが始まると、申し込みのあとに「お支払い番号」が出ます。コンビニのレジで番号を伝えるか、店内の端末に入力して、期限までにお支払いください。期限を過ぎると予約は取り消されます。",
        ],
      },
      {
        title: "メールが届かないとき",
        paragraphs: [
          "迷惑メールのフォルダに入っていないか確かめてください。",
          "携帯電話会社（ドコモ・au・ソフトバンクなど）の迷惑メール設定で、予約システムからのメールを受け取れるようにしてください。設定のしかたは、各社のお店でも教えてもらえます。",
          "それでも届かないときは、お電話ください。電話でも予約できます。",
        ],
      },
      {
        title: "文字を大きくしたいとき",
        paragraphs: ["画面のいちばん上の「文字の大きさ」で「大」か「特大」を押してください。次に開いたときも、その大きさのままです。"],
      },
    ],
    callTitle: "電話で予約・相談",
    call: (municipality: string) => `${municipality}の施設予約の窓口：`,
  },
};

export type Messages = typeof ja;
/** Keys of the form messages that are plain strings (the ones a validation error can name). */
export type FormMessage = {
  [K in keyof Messages["form"]]: Messages["form"][K] extends string ? K : never;
}[keyof Messages["form"]];
