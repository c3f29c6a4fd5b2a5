/**
 * The English catalogue: the source of every UI string and of the `Strings` type. Values are
 * plain text with `{placeholder}`s (filled by `format`), never HTML. Plural messages come as
 * `key_<category>` pairs of Intl.PluralRules categories; English needs `one` and `other`, and a
 * translation may add `zero`, `two`, `few`, `many` where its language has them (`plural` falls
 * back to `other`). Direction-neutral: no "left"/"right" in the wording.
 */
export const en = {
  loading: 'Loading available times…',
  unavailable: 'Booking is unavailable',
  error: 'Something went wrong',
  network: "Can't reach the booking service",
  timeout: 'The booking service is taking too long to answer',
  retry: 'Retry',
  rateLimited: 'Too many attempts. Please wait {seconds}\u00a0s and try again.',
  rateLimitedDone: 'You can try again now.',
  slotFull: 'This time is now full, please pick another',
  duplicate: 'You already have a booking at this time',

  validationSummary: 'Please check the highlighted fields.',
  nameRequired: 'Enter your name',
  nameTooLong: 'Use at most {max} characters for the name',
  emailRequired: 'Enter your email address',
  emailInvalid: 'Enter an email address like name@example.com',
  phoneInvalid: 'Enter the number with its country code, like +1 202 555 0185',
  messageTooLong: 'Use at most {max} characters for the message',

  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  country: 'Country',
  countryOption: '{country} (+{code})',
  message: 'Message',
  optional: '(optional)',
  book: 'Book',
  bookNow: 'Book now',
  booking: 'Booking…',

  chooseDate: 'Choose a date',
  prevMonth: 'Previous month',
  nextMonth: 'Next month',
  yourTimezone: 'Your timezone',
  changeTimezone: 'Change timezone',
  serviceTime: 'Service time {time} ({zone})',
  serviceTimezone: 'Service timezone: {zone}',
  noTimes: 'No times available on this day',
  timesAvailable_one: '{count} time available on {date}',
  timesAvailable_other: '{count} times available on {date}',
  placesLeft_one: '{count} place left',
  placesLeft_other: '{count} places left',
  dayNoTimes: 'No times',
  dayFull: 'Fully booked',
  dayPast: 'Past',

  bookedHeading: "You're booked",
  bookedText: '{service} on {date} at {time}',
  bookAnother: 'Book another time',
  back: 'Back',
  close: 'Close',
  change: 'Change',
  foundEarlier: 'Your earlier request had already gone through.',

  // Choosing a service, adding the booking to a calendar, and changing it later.
  chooseService: 'Choose a service',
  loadingServices: 'Loading services…',
  noServices: 'There are no services to book right now',
  allServices: 'All services',
  duration: 'Duration: {duration}',
  addToCalendar: 'Add to calendar',
  calendarFile: 'Calendar file (.ics)',
  googleCalendar: 'Google Calendar',
  outlookCalendar: 'Outlook.com',
  newTab: '(opens in a new tab)',
  calendarManage: 'Change or cancel: {url}',
  manageLink: 'Change or cancel this booking',
  loadingBooking: 'Loading your booking…',
  manageHeading: 'Your booking',
  serviceLabel: 'Service',
  whenLabel: 'When',
  statusLabel: 'Status',
  statusPending: 'Pending',
  statusConfirmed: 'Confirmed',
  statusCancelled: 'Cancelled',
  cancelBooking: 'Cancel booking',
  cancelQuestion: 'Cancel this booking?',
  cancelReason: 'Reason',
  confirmCancel: 'Yes, cancel it',
  keepBooking: 'No, keep it',
  cancelling: 'Cancelling…',
  cancelledHeading: 'Your booking is cancelled',
  reschedule: 'Reschedule',
  rescheduleHeading: 'Choose a new time',
  currentTime: 'Your current time',
  newTime: 'New time',
  moveBooking: 'Move booking',
  moving: 'Moving…',
  rescheduledHeading: 'Your booking is moved',
  editDetails: 'Edit details',
  save: 'Save',
  saving: 'Saving…',
  updatedHeading: 'Your details are saved',
  backToBooking: 'Back to your booking',
  linkInvalid: 'This link has expired or is not valid',
  bookingCancelledNoChange: 'This booking was cancelled and can no longer be changed',
  bookingPast: 'This booking has already taken place',
  rescheduleKept: 'We could not finish moving your booking: your original time is kept',
  rescheduleUnclear: 'We could not finish moving your booking and it may now be at both times. Please contact us so we can sort it out.',
};

type En = typeof en;
/** Message families that have plural forms (`timesAvailable`, `placesLeft`). */
export type PluralKey = { [K in keyof En]: K extends `${infer B}_other` ? B : never }[keyof En];
/** Every UI string; the extra plural categories are optional and fall back to `_other`. */
export type Strings = { [K in keyof En]: string } & {
  [K in `${PluralKey}_${'zero' | 'two' | 'few' | 'many'}`]?: string;
};

/**
 * A translation as written: its sentence for each key of `en`, in `en`'s order (the comment on
 * each line names the key, and a test holds them in step), so the keys are not shipped again in
 * every language. An object in between adds plural forms English has no key for.
 */
export type Translation = readonly (string | Partial<Strings>)[];
