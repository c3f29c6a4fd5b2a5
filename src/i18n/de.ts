import type { Translation } from './strings.js';

export const translation: Translation = [
  'Verfügbare Zeiten werden geladen…', // loading
  'Buchungen sind derzeit nicht möglich', // unavailable
  'Etwas ist schiefgelaufen', // error
  'Der Buchungsdienst ist nicht erreichbar', // network
  'Der Buchungsdienst antwortet nicht rechtzeitig', // timeout
  'Erneut versuchen', // retry
  'Zu viele Versuche. Bitte warten Sie {seconds}\u00a0s und versuchen Sie es dann erneut.', // rateLimited
  'Sie können es jetzt erneut versuchen.', // rateLimitedDone
  'Dieser Termin ist inzwischen ausgebucht, bitte wählen Sie einen anderen', // slotFull
  'Sie haben zu dieser Zeit bereits eine Buchung', // duplicate

  'Bitte prüfen Sie die markierten Felder.', // validationSummary
  'Bitte geben Sie Ihren Namen ein', // nameRequired
  'Der Name darf höchstens {max} Zeichen lang sein', // nameTooLong
  'Bitte geben Sie Ihre E-Mail-Adresse ein', // emailRequired
  'Geben Sie eine E-Mail-Adresse wie name@example.com ein', // emailInvalid
  'Geben Sie die Nummer mit Ländervorwahl ein, z.\u00a0B. +49 30 1234567', // phoneInvalid
  'Die Nachricht darf höchstens {max} Zeichen lang sein', // messageTooLong

  'Name', // name
  'E-Mail', // email
  'Telefon', // phone
  'Land', // country
  '{country} (+{code})', // countryOption
  'Nachricht', // message
  '(optional)', // optional
  'Buchen', // book
  'Jetzt buchen', // bookNow
  'Wird gebucht…', // booking

  'Datum wählen', // chooseDate
  'Vorheriger Monat', // prevMonth
  'Nächster Monat', // nextMonth
  'Ihre Zeitzone', // yourTimezone
  'Zeitzone ändern', // changeTimezone
  'Zeit beim Anbieter: {time} ({zone})', // serviceTime
  'Zeitzone des Anbieters: {zone}', // serviceTimezone
  'An diesem Tag sind keine Termine frei', // noTimes
  '{count} freier Termin am {date}', // timesAvailable_one
  '{count} freie Termine am {date}', // timesAvailable_other
  'Noch {count} Platz frei', // placesLeft_one
  'Noch {count} Plätze frei', // placesLeft_other
  'Keine Termine', // dayNoTimes
  'Ausgebucht', // dayFull
  'Vergangen', // dayPast

  'Ihr Termin ist gebucht', // bookedHeading
  '{service} am {date} um {time}', // bookedText
  'Weiteren Termin buchen', // bookAnother
  'Zurück', // back
  'Schließen', // close
  'Ändern', // change
  'Ihre erste Anfrage war bereits erfolgreich.', // foundEarlier

  // Choosing a service, adding the booking to a calendar, and changing it later.
  'Leistung wählen', // chooseService
  'Leistungen werden geladen…', // loadingServices
  'Derzeit können keine Leistungen gebucht werden', // noServices
  'Alle Leistungen', // allServices
  'Dauer: {duration}', // duration
  'Zum Kalender hinzufügen', // addToCalendar
  'Kalenderdatei (.ics)', // calendarFile
  'Google Kalender', // googleCalendar
  'Outlook.com', // outlookCalendar
  '(öffnet in einem neuen Tab)', // newTab
  'Ändern oder absagen: {url}', // calendarManage
  'Diesen Termin ändern oder absagen', // manageLink
  'Ihre Buchung wird geladen…', // loadingBooking
  'Ihre Buchung', // manageHeading
  'Leistung', // serviceLabel
  'Wann', // whenLabel
  'Status', // statusLabel
  'Ausstehend', // statusPending
  'Bestätigt', // statusConfirmed
  'Abgesagt', // statusCancelled
  'Termin absagen', // cancelBooking
  'Diesen Termin absagen?', // cancelQuestion
  'Grund', // cancelReason
  'Ja, absagen', // confirmCancel
  'Nein, behalten', // keepBooking
  'Wird abgesagt…', // cancelling
  'Ihr Termin ist abgesagt', // cancelledHeading
  'Verschieben', // reschedule
  'Neue Zeit wählen', // rescheduleHeading
  'Ihr aktueller Termin', // currentTime
  'Neue Zeit', // newTime
  'Termin verschieben', // moveBooking
  'Wird verschoben…', // moving
  'Ihr Termin ist verschoben', // rescheduledHeading
  'Angaben ändern', // editDetails
  'Speichern', // save
  'Wird gespeichert…', // saving
  'Ihre Angaben sind gespeichert', // updatedHeading
  'Zurück zu Ihrer Buchung', // backToBooking
  'Dieser Link ist abgelaufen oder ungültig', // linkInvalid
  'Dieser Termin wurde abgesagt und kann nicht mehr geändert werden', // bookingCancelledNoChange
  'Dieser Termin hat bereits stattgefunden', // bookingPast
  'Wir konnten Ihren Termin nicht verschieben: Ihre ursprüngliche Zeit bleibt bestehen', // rescheduleKept
  'Wir konnten Ihren Termin nicht fertig verschieben, er besteht jetzt womöglich zu beiden Zeiten. Bitte melden Sie sich bei uns, damit wir das klären.', // rescheduleUnclear
];
