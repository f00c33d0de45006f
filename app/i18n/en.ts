import type { Messages } from "./ja";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

function parts(date: string) {
  const d = new Date(`${date}T00:00:00Z`);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth(), d: d.getUTCDate(), w: d.getUTCDay() };
}

/** Every string the app shows, in English, for residents who read English better. */
export const en: Messages = {
  lang: "en",
  date: (iso) => {
    const p = parts(iso);
    return `${WEEKDAYS[p.w]} ${p.d} ${MONTHS[p.m]}`;
  },
  monthName: (month) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`,
  yen: (yen) => `¥${yen.toLocaleString("en-US")}`,
  timeRange: (from, to) => `${from}–${to}`,
  people: (n) => (n === 1 ? "1 person" : `${n} people`),
  weekdayShort: [...WEEKDAYS] as string[],
  weekdayLong: ["Sundays", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays"],
  list: (items) => items.join(", "),
  colon: ": ",

  site: {
    appName: "Tsudoi facility booking",
    title: (municipality) => `${municipality} facility booking`,
    description: (municipality) => `See which rooms in ${municipality}'s community halls are free and book them online.`,
    skipToContent: "Skip to main content",
    menu: "Menu",
    selection: (count) => (count > 0 ? `Selected (${count})` : "Selected"),
    myBookings: "My bookings",
    help: "Help",
    login: "Sign in",
    logout: "Sign out",
    helpCall: "If you need help, please call: ",
    helpHours: " (weekdays 8:30–17:15)",
    settings: "Display settings",
    textSize: "Text size",
    textSizes: { standard: "Standard", large: "Large", xlarge: "Extra large" },
    current: " (current)",
    otherLanguage: "日本語",
    otherLanguageLabel: "日本語で表示する",
  },

  home: { chooseMunicipality: "Choose your municipality." },

  errorPage: {
    notFoundTitle: "Page not found",
    notFoundBody: "The address may have changed, or the page no longer exists.",
    errorTitle: "Sorry, something went wrong",
    errorBody: "Please wait a moment and try again.",
    home: "Go to the start page",
  },

  facilities: {
    title: "Choose a facility",
    intro: "See which rooms are free and apply straight away.",
    seeRooms: ": rooms and availability",
    rooms: "Rooms: ",
    room: (name, capacity) => `${name} (${capacity})`,
  },

  facility: {
    back: "Back to all facilities",
    phone: "Phone",
    closed: (weekdays) => `Closed on ${weekdays}, national holidays and 29 Dec–3 Jan`,
    chooseRoom: "Choose a room",
    seeAvailability: ": see availability",
    capacity: (n) => `Up to ${n} people`,
  },

  month: {
    back: (facility) => `Back to ${facility}`,
    availabilityOf: ": availability",
    intro: (facility, capacity) => `${facility}, up to ${capacity} people. Choose the day you want.`,
    legend: "What the marks mean",
    monthNav: "Change month",
    caption: (month) => `Availability in ${month}`,
    window: "You can book online from tomorrow up to 3 months ahead. For today, please call the facility.",
  },

  marks: {
    free: { symbol: "○", label: "Free" },
    partial: { symbol: "△", label: "Few left" },
    full: { symbol: "×", label: "Full" },
    closed: { symbol: "休", label: "Closed" },
    outside: { symbol: "", label: "Not bookable online" },
  },

  day: {
    back: "Back to the calendar",
    closedDay: "The facility is closed on this day.",
    choose: "Choose the times you want. You can choose several.",
    taken: "Already booked",
    select: "Choose",
    selected: "Chosen (tap to remove)",
    review: (count) => `Check what you chose (${count})`,
    reselect: "Please choose again.",
    justTaken: "This time has just been booked. Please choose another.",
  },

  selection: {
    back: "Back to all facilities",
    title: "What you chose",
    empty: "You have not chosen anything yet. Choose a facility and a room, then a day and a time.",
    chooseFacility: "Choose a facility",
    remove: "Remove",
    apply: "Apply for these",
    more: "Choose other rooms or days too",
  },

  slot: {
    fee: (fee) => `Fee ${fee}`,
    total: (total) => `Total ${total}`,
    cancelled: "Cancelled",
  },

  login: {
    title: "Sign in",
    email: "Email address",
    password: "Password",
    submit: "Sign in",
    wrong: "The email address or password is not right. Please try again.",
    newHere: "New here?",
    register: "Register (you need an email address)",
    tooMany: (minutes) =>
      `After several failed sign-ins, please wait about ${minutes} minutes and try again. If it is urgent, please call us.`,
    sessionExpired: "You were signed out after a while without activity. What you typed is kept. Please sign in again.",
  },

  register: {
    back: "Back to sign in",
    title: "Register",
    intro: (municipality) => `Register to book ${municipality}'s facilities.`,
    name: "Your name",
    email: "Email address",
    emailHint: "We send booking notices here",
    phone: "Phone number",
    phoneHint: "For example 090-1234-5678",
    password: "Password",
    passwordHint: "At least 8 characters",
    submit: "Register",
    emailTaken: "This email address is already registered. Please sign in.",
    tooMany: (minutes) => `Many registrations came from here. Please wait about ${minutes} minutes and try again.`,
  },

  logout: {
    title: "Sign out?",
    submit: "Sign out",
    stay: "Stay signed in",
    everywhereTitle: "On other phones and computers too",
    everywhereHint: "If you are still signed in on a lost phone or a shared computer, press this.",
    everywhere: "Sign out everywhere",
  },

  apply: {
    stepNames: { purpose: "Purpose", headcount: "People", phone: "Contact", review: "Check" },
    back: { selection: "Back to what you chose", previous: "Back to the previous question", review: "Back to the check page" },
    next: "Continue",
    toReview: "Continue to check",
    purpose: { title: "What will you use it for?", label: "Purpose", hint: "For example: neighbourhood meeting, exercise class" },
    headcount: { title: "How many people?", label: "Number of people", hint: "A rough number is fine (for example 12)" },
    phone: {
      title: "Which phone number can we reach on the day?",
      label: "Phone number on the day",
      hint: "For example 090-1234-5678",
    },
  },

  review: {
    back: "Back to the contact question",
    title: "Check your application",
    cannotApply: "You cannot apply like this yet",
    nearby: "Free times close by:",
    fixSelection: "Change what you chose",
    slots: "Times you are booking",
    changeSlots: "Change times",
    details: "About the use",
    change: "Change",
    counterPayment: "Your application becomes a tentative booking. Please pay the fee at the facility counter.",
    submit: "Apply",
    reload: "Please reload the page and apply again.",
  },

  bookings: {
    title: "My bookings",
    whose: (name) => `Applications of ${name}.`,
    none: "You have no applications yet.",
    book: "Choose a facility and book",
    number: (n) => `Application ${n}`,
    cancelledSuffix: " (cancelled)",
    myDataTitle: "Your data",
    myData: "Download your details and applications (JSON)",
    myDataCsv: "Download the same as CSV (opens in Excel)",
    deleteTitle: "Your account",
    deleteAccount: "Delete your account",
  },

  account: {
    roles: { RESIDENT: "Resident", MANAGER: "Hall manager", STAFF: "Municipal staff", OPERATOR: "Operator" },
    csv: {
      profileTitle: "Your details",
      name: "Name",
      email: "Email",
      phone: "Phone",
      role: "Account type",
      registeredAt: "Registered",
      exportedAt: "Downloaded",
      applicationsTitle: "Applications (one row per slot)",
      number: "Application",
      appliedAt: "Applied",
      status: "Status",
      date: "Date of use",
      frame: "Time slot",
      time: "Time",
      facility: "Facility",
      room: "Room",
      fee: "Fee (yen)",
      slotCancelledAt: "Slot cancelled",
      purpose: "Purpose",
      headcount: "People",
      contactPhone: "Phone on the day",
      totalFee: "Application total (yen)",
    },
    delete: {
      back: "Back to my bookings",
      title: "Delete your account?",
      intro: "If you delete your account:",
      points: (municipality) => [
        "You can no longer sign in. Your name, email and phone number are erased.",
        `Bookings you have used are kept without your name or phone number, for ${municipality}'s statistics on facility use.`,
        "All your upcoming bookings are cancelled.",
        "This cannot be undone. To use the service again, register again.",
      ],
      upcomingTitle: "Bookings that will be cancelled",
      upcomingNone: "No bookings will be cancelled.",
      number: (n) => `Application ${n}`,
      downloadTitle: "Before you go",
      downloadHint: "To keep a record of your bookings, download it first.",
      confirmLabel: "Confirm deletion",
      confirm: "I understand this cannot be undone",
      confirmRequired: "To delete your account, tick “I understand this cannot be undone”",
      submit: "Delete my account",
      keep: "Keep my account",
      notResident: "Only residents can delete their account here. Staff, please ask your department.",
      doneTitle: "Your account has been deleted",
      doneBody: "Thank you for using the service. Your upcoming bookings are cancelled and your details are erased.",
      home: "Back to the start page",
    },
  },

  booking: {
    back: "Back to my bookings",
    submittedTitle: "We have received your application",
    submittedBody: "It is a tentative booking now. Please give the application number if you contact us.",
    cancelledNotice: "Cancelled. Others can book these times now.",
    title: "Your application",
    number: "Application number",
    slots: "Booked times",
    cancelSlot: "Cancel this time",
    cancelAll: "Cancel the whole application",
  },

  cancel: {
    back: "Back to the application",
    title: "Cancel the booking?",
    intro: (n) => `This cancels the following in application ${n}. You cannot undo it.`,
    submit: "Cancel it",
    keep: "Keep it and go back",
  },

  status: { TENTATIVE: "Tentative", CONFIRMED: "Confirmed", CANCELLED: "Cancelled" },

  ui: {
    optional: "Optional",
    step: (current: number, total: number) => `Step ${current} of ${total}`,
    dateParts: { year: "Year", month: "Month", day: "Day" },
  },

  form: {
    summaryTitle: "Please check what you entered",
    required: "Required",
    emailRequired: "Enter your email address",
    emailTooLong: "The email address is too long",
    emailInvalid: "Enter an email address like hanako@example.jp",
    phoneRequired: "Enter a phone number",
    phoneInvalid: "Enter a phone number of 10 or 11 digits starting with 0 (for example 090-1234-5678)",
    passwordRequired: "Enter your password",
    passwordTooShort: "Use at least 8 characters",
    passwordTooLong: "Use at most 200 characters",
    nameRequired: "Enter your name",
    nameTooLong: "Use at most 100 characters",
    purposeRequired: "Enter what you will use it for",
    purposeTooLong: "Use at most 200 characters",
    headcountRequired: "Enter the number of people",
    headcountNotNumber: "Enter the number of people in digits (for example 12)",
    headcountTooSmall: "Enter 1 or more",
    headcountTooLarge: "That is too many people",
  },

  bookingErrors: {
    EMPTY_APPLICATION: "Nothing is chosen yet. Choose a room and a day.",
    TOO_MANY_ITEMS: "You can apply for up to 20 times at once. Please apply in two parts.",
    UNKNOWN_ROOM: "We cannot find this room. Please choose again from the facility.",
    UNKNOWN_TIME_FRAME: "This room does not have that time. Please choose again.",
    PAST_DATE: "You cannot book a day in the past.",
    BOOKING_CLOSED_FOR_DATE: "Online booking for this day has closed. Please call the facility.",
    NOT_YET_OPEN: "Booking for this day has not opened yet.",
    CLOSED_DAY: "The facility is closed on this day.",
    DUPLICATE_SLOT: "The same time is chosen twice. Please remove one.",
    OVERLAPPING_SLOTS: "Rooms that overlap at the same time are chosen (such as the large hall and one of its halves). Please remove one.",
    OVER_CAPACITY: "The number of people is more than this room holds.",
    SLOT_TAKEN: "Sorry, someone has just booked this time.",
    NOT_FOUND: "We cannot find this booking.",
    ALREADY_CANCELLED: "This booking is already cancelled or its day has passed.",
  },

  help: {
    title: "Help",
    intro: "If anything is unclear, please call us at any time. We can also guide you through the screens.",
    sections: [
      {
        title: "How to book",
        steps: [
          "On the first page, choose a facility.",
          "Choose a room to see a month calendar. Days marked ○ or △ have free times.",
          "Choose a day, then press “Choose” for the time you want (morning, afternoon or evening). You can go on to choose other rooms and days too.",
          "Open “Selected” and press “Apply for these”.",
          "The first time, register. After that, just sign in.",
          "Answer the questions one by one (purpose, number of people, phone number on the day), then press “Apply” on the check page.",
          "When you see the application number, you are done. You can see it any time under “My bookings”.",
        ],
      },
      {
        title: "How to pay",
        paragraphs: [
          "For now, please pay at the facility counter before the day of use, giving your application number.",
          "When convenience-store payment starts, you will get a payment number after applying. Give it at the store's till or enter it on the store's terminal, and pay by the deadline. After the deadline the booking is cancelled.",
        ],
      },
      {
        title: "If our email does not arrive",
        paragraphs: [
          "Look in your spam or junk folder.",
          "In your mobile carrier's spam settings (docomo, au, SoftBank and others), allow mail from the booking system. Carrier shops can show you how.",
          "If it still does not arrive, please call us. You can also book by phone.",
        ],
      },
      {
        title: "Bigger text",
        paragraphs: ["At the very top of the page, under “Text size”, press “Large” or “Extra large”. It stays that way next time."],
      },
    ],
    callTitle: "Book or ask by phone",
    call: (municipality) => `${municipality} facility booking desk: `,
  },
};
