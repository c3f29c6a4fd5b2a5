import type { Translation } from './strings.js';

// Arabic uses all six plural categories; `zero`, `one` and `two` name the number in words.
// Phone numbers and "+code" are wrapped in LRI…PDI (U+2066/U+2069) so the "+" stays in front
// of the digits inside right-to-left text.
export const translation: Translation = [
  'جارٍ تحميل المواعيد المتاحة…', // loading
  'الحجز غير متاح', // unavailable
  'حدث خطأ ما', // error
  'تعذّر الاتصال بخدمة الحجز', // network
  'خدمة الحجز تستغرق وقتًا طويلًا في الرد', // timeout
  'إعادة المحاولة', // retry
  'محاولات كثيرة جدًا. يُرجى الانتظار {seconds}\u00a0ث ثم المحاولة مجددًا.', // rateLimited
  'يمكنك المحاولة مجددًا الآن.', // rateLimitedDone
  'اكتمل الحجز في هذا الموعد، يُرجى اختيار موعد آخر', // slotFull
  'لديك حجز بالفعل في هذا الموعد', // duplicate

  'يُرجى مراجعة الحقول المميّزة.', // validationSummary
  'أدخل اسمك', // nameRequired
  'الاسم أطول من الحد المسموح به ({max})', // nameTooLong
  'أدخل بريدك الإلكتروني', // emailRequired
  'أدخل بريدًا إلكترونيًا صالحًا مثل name@example.com', // emailInvalid
  'أدخل الرقم مع رمز الدولة، مثل \u2066+966 11 234 5678\u2069', // phoneInvalid
  'الرسالة أطول من الحد المسموح به ({max})', // messageTooLong

  'الاسم', // name
  'البريد الإلكتروني', // email
  'الهاتف', // phone
  'الدولة', // country
  '{country} (\u2066+{code}\u2069)', // countryOption
  'الرسالة', // message
  '(اختياري)', // optional
  'احجز', // book
  'احجز الآن', // bookNow
  'جارٍ الحجز…', // booking

  'اختر تاريخًا', // chooseDate
  'الشهر السابق', // prevMonth
  'الشهر التالي', // nextMonth
  'منطقتك الزمنية', // yourTimezone
  'تغيير المنطقة الزمنية', // changeTimezone
  'بتوقيت مقدّم الخدمة: {time} ({zone})', // serviceTime
  'المنطقة الزمنية لمقدّم الخدمة: {zone}', // serviceTimezone
  'لا توجد مواعيد متاحة في هذا اليوم', // noTimes
  {
    timesAvailable_zero: 'لا توجد مواعيد متاحة في {date}',
  },
  'موعد واحد متاح في {date}', // timesAvailable_one
  {
    timesAvailable_two: 'موعدان متاحان في {date}',
    timesAvailable_few: '{count} مواعيد متاحة في {date}',
    timesAvailable_many: '{count} موعدًا متاحًا في {date}',
  },
  '{count} موعد متاح في {date}', // timesAvailable_other
  {
    placesLeft_zero: 'لم يتبقَّ أي مكان',
  },
  'تبقّى مكان واحد', // placesLeft_one
  {
    placesLeft_two: 'تبقّى مكانان',
    placesLeft_few: 'تبقّت {count} أماكن',
    placesLeft_many: 'تبقّى {count} مكانًا',
  },
  'تبقّى {count} مكان', // placesLeft_other
  'لا مواعيد', // dayNoTimes
  'محجوز بالكامل', // dayFull
  'انقضى', // dayPast

  'تم تأكيد حجزك', // bookedHeading
  '{service} يوم {date} الساعة {time}', // bookedText
  'احجز موعدًا آخر', // bookAnother
  'رجوع', // back
  'إغلاق', // close
  'تغيير', // change
  'كان طلبك الأول قد تمّ بنجاح بالفعل.', // foundEarlier

  // Choosing a service, adding the booking to a calendar, and changing it later.
  'اختر خدمة', // chooseService
  'جارٍ تحميل الخدمات…', // loadingServices
  'لا توجد خدمات متاحة للحجز حاليًا', // noServices
  'كل الخدمات', // allServices
  'المدة: {duration}', // duration
  'أضِف إلى التقويم', // addToCalendar
  'ملف تقويم (\u2066.ics\u2069)', // calendarFile
  'تقويم Google', // googleCalendar
  'Outlook.com', // outlookCalendar
  '(يُفتح في علامة تبويب جديدة)', // newTab
  'للتغيير أو الإلغاء: {url}', // calendarManage
  'تغيير هذا الحجز أو إلغاؤه', // manageLink
  'جارٍ تحميل حجزك…', // loadingBooking
  'حجزك', // manageHeading
  'الخدمة', // serviceLabel
  'الموعد', // whenLabel
  'الحالة', // statusLabel
  'قيد الانتظار', // statusPending
  'مؤكَّد', // statusConfirmed
  'ملغى', // statusCancelled
  'إلغاء الحجز', // cancelBooking
  'هل تريد إلغاء هذا الحجز؟', // cancelQuestion
  'السبب', // cancelReason
  'نعم، ألغِ الحجز', // confirmCancel
  'لا، أبقِ عليه', // keepBooking
  'جارٍ الإلغاء…', // cancelling
  'تم إلغاء حجزك', // cancelledHeading
  'تغيير الموعد', // reschedule
  'اختر موعدًا جديدًا', // rescheduleHeading
  'موعدك الحالي', // currentTime
  'الموعد الجديد', // newTime
  'انقل الحجز', // moveBooking
  'جارٍ النقل…', // moving
  'تم نقل حجزك', // rescheduledHeading
  'تعديل البيانات', // editDetails
  'حفظ', // save
  'جارٍ الحفظ…', // saving
  'تم حفظ بياناتك', // updatedHeading
  'العودة إلى حجزك', // backToBooking
  'انتهت صلاحية هذا الرابط أو أنه غير صالح', // linkInvalid
  'أُلغي هذا الحجز ولم يعد من الممكن تغييره', // bookingCancelledNoChange
  'انقضى موعد هذا الحجز', // bookingPast
  'تعذّر علينا إكمال نقل حجزك: يبقى موعدك الأصلي كما هو', // rescheduleKept
  'تعذّر علينا إكمال نقل حجزك وقد يكون الآن مسجّلًا في الموعدين. يُرجى التواصل معنا لتسوية الأمر.', // rescheduleUnclear
];
