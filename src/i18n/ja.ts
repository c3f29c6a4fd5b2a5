import type { Translation } from './strings.js';

// Japanese has a single plural category (`other`); `_one` repeats it for full coverage.
export const translation: Translation = [
  '空き時間を読み込んでいます…', // loading
  '現在、予約を受け付けていません', // unavailable
  'エラーが発生しました', // error
  '予約サービスに接続できません', // network
  '予約サービスからの応答がありません', // timeout
  '再試行', // retry
  '試行回数が多すぎます。{seconds}秒待ってから、もう一度お試しください。', // rateLimited
  'もう一度お試しいただけます。', // rateLimitedDone
  'この時間は満席になりました。別の時間を選んでください', // slotFull
  'この時間にはすでに予約があります', // duplicate

  '入力内容をご確認ください。', // validationSummary
  'お名前を入力してください', // nameRequired
  'お名前は{max}文字以内で入力してください', // nameTooLong
  'メールアドレスを入力してください', // emailRequired
  'name@example.com の形式でメールアドレスを入力してください', // emailInvalid
  '国番号を付けて入力してください（例: +81 3 1234 5678）', // phoneInvalid
  'メッセージは{max}文字以内で入力してください', // messageTooLong

  'お名前', // name
  'メールアドレス', // email
  '電話番号', // phone
  '国', // country
  '{country}（+{code}）', // countryOption
  'メッセージ', // message
  '（任意）', // optional
  '予約する', // book
  '今すぐ予約', // bookNow
  '予約しています…', // booking

  '日付を選択', // chooseDate
  '前の月', // prevMonth
  '次の月', // nextMonth
  'お使いのタイムゾーン', // yourTimezone
  'タイムゾーンを変更', // changeTimezone
  '現地時間 {time}（{zone}）', // serviceTime
  '現地のタイムゾーン: {zone}', // serviceTimezone
  'この日は空きがありません', // noTimes
  '{date}は{count}件の空きがあります', // timesAvailable_one
  '{date}は{count}件の空きがあります', // timesAvailable_other
  '残り{count}枠', // placesLeft_one
  '残り{count}枠', // placesLeft_other
  '空きなし', // dayNoTimes
  '満席', // dayFull
  '過去の日付', // dayPast

  '予約が完了しました', // bookedHeading
  '{date} {time}　{service}', // bookedText
  '別の時間を予約する', // bookAnother
  '戻る', // back
  '閉じる', // close
  '変更', // change
  '最初のお申し込みはすでに完了していました。', // foundEarlier

  // Choosing a service, adding the booking to a calendar, and changing it later.
  'サービスを選択', // chooseService
  'サービスを読み込んでいます…', // loadingServices
  '現在予約できるサービスはありません', // noServices
  'すべてのサービス', // allServices
  '所要時間: {duration}', // duration
  'カレンダーに追加', // addToCalendar
  'カレンダーファイル (.ics)', // calendarFile
  'Google カレンダー', // googleCalendar
  'Outlook.com', // outlookCalendar
  '(新しいタブで開きます)', // newTab
  '変更・キャンセル: {url}', // calendarManage
  'この予約を変更・キャンセル', // manageLink
  '予約を読み込んでいます…', // loadingBooking
  'ご予約', // manageHeading
  'サービス', // serviceLabel
  '日時', // whenLabel
  '状態', // statusLabel
  '保留中', // statusPending
  '確定', // statusConfirmed
  'キャンセル済み', // statusCancelled
  '予約をキャンセル', // cancelBooking
  'この予約をキャンセルしますか?', // cancelQuestion
  '理由', // cancelReason
  'はい、キャンセルします', // confirmCancel
  'いいえ、このままにします', // keepBooking
  'キャンセルしています…', // cancelling
  '予約をキャンセルしました', // cancelledHeading
  '日時を変更', // reschedule
  '新しい日時を選択', // rescheduleHeading
  '現在の予約', // currentTime
  '新しい日時', // newTime
  '予約を変更', // moveBooking
  '変更しています…', // moving
  '予約の日時を変更しました', // rescheduledHeading
  '連絡先を編集', // editDetails
  '保存', // save
  '保存しています…', // saving
  '連絡先を保存しました', // updatedHeading
  '予約に戻る', // backToBooking
  'このリンクは期限切れか無効です', // linkInvalid
  'この予約はキャンセル済みのため変更できません', // bookingCancelledNoChange
  'この予約の日時はすでに過ぎています', // bookingPast
  '予約の変更を完了できませんでした。元の日時の予約はそのまま有効です', // rescheduleKept
  '予約の変更を完了できず、両方の日時で予約が残っている可能性があります。お手数ですがご連絡ください。', // rescheduleUnclear
];
