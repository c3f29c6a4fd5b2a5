import type { Translation } from './strings.js';

// French typography: narrow no-break space before ":" and no-break space before a unit.
export const translation: Translation = [
  'Chargement des créneaux disponibles…', // loading
  'La réservation est indisponible', // unavailable
  'Une erreur est survenue', // error
  'Impossible de joindre le service de réservation', // network
  'Le service de réservation met trop de temps à répondre', // timeout
  'Réessayer', // retry
  'Trop de tentatives. Veuillez patienter {seconds}\u00a0s avant de réessayer.', // rateLimited
  'Vous pouvez réessayer maintenant.', // rateLimitedDone
  'Ce créneau est désormais complet, veuillez en choisir un autre', // slotFull
  'Vous avez déjà une réservation à cette heure-ci', // duplicate

  'Veuillez vérifier les champs signalés.', // validationSummary
  'Saisissez votre nom', // nameRequired
  'Le nom ne doit pas dépasser {max}\u00a0caractères', // nameTooLong
  'Saisissez votre adresse e-mail', // emailRequired
  'Saisissez une adresse e-mail comme nom@exemple.fr', // emailInvalid
  "Saisissez le numéro avec l'indicatif du pays, par exemple +33 1 23 45 67 89", // phoneInvalid
  'Le message ne doit pas dépasser {max}\u00a0caractères', // messageTooLong

  'Nom', // name
  'E-mail', // email
  'Téléphone', // phone
  'Pays', // country
  '{country} (+{code})', // countryOption
  'Message', // message
  '(facultatif)', // optional
  'Réserver', // book
  'Réserver', // bookNow
  'Réservation en cours…', // booking

  'Choisissez une date', // chooseDate
  'Mois précédent', // prevMonth
  'Mois suivant', // nextMonth
  'Votre fuseau horaire', // yourTimezone
  'Changer de fuseau horaire', // changeTimezone
  'Heure du prestataire\u202f: {time} ({zone})', // serviceTime
  'Fuseau horaire du prestataire\u202f: {zone}', // serviceTimezone
  'Aucun créneau disponible ce jour-là', // noTimes
  '{count} créneau disponible le {date}', // timesAvailable_one
  '{count} créneaux disponibles le {date}', // timesAvailable_other
  '{count} place restante', // placesLeft_one
  '{count} places restantes', // placesLeft_other
  'Aucun créneau', // dayNoTimes
  'Complet', // dayFull
  'Passé', // dayPast

  'Votre réservation est confirmée', // bookedHeading
  '{service} le {date} à {time}', // bookedText
  'Réserver un autre créneau', // bookAnother
  'Retour', // back
  'Fermer', // close
  'Modifier', // change
  'Votre première demande avait déjà abouti.', // foundEarlier

  // Choosing a service, adding the booking to a calendar, and changing it later.
  'Choisissez une prestation', // chooseService
  'Chargement des prestations…', // loadingServices
  'Aucune prestation ne peut être réservée pour le moment', // noServices
  'Toutes les prestations', // allServices
  'Durée\u00a0: {duration}', // duration
  'Ajouter à l’agenda', // addToCalendar
  'Fichier d’agenda (.ics)', // calendarFile
  'Google Agenda', // googleCalendar
  'Outlook.com', // outlookCalendar
  '(s’ouvre dans un nouvel onglet)', // newTab
  'Modifier ou annuler\u00a0: {url}', // calendarManage
  'Modifier ou annuler ce rendez-vous', // manageLink
  'Chargement de votre réservation…', // loadingBooking
  'Votre réservation', // manageHeading
  'Prestation', // serviceLabel
  'Quand', // whenLabel
  'Statut', // statusLabel
  'En attente', // statusPending
  'Confirmée', // statusConfirmed
  'Annulée', // statusCancelled
  'Annuler la réservation', // cancelBooking
  'Annuler cette réservation\u00a0?', // cancelQuestion
  'Motif', // cancelReason
  'Oui, annuler', // confirmCancel
  'Non, la garder', // keepBooking
  'Annulation…', // cancelling
  'Votre réservation est annulée', // cancelledHeading
  'Déplacer', // reschedule
  'Choisissez un nouvel horaire', // rescheduleHeading
  'Votre horaire actuel', // currentTime
  'Nouvel horaire', // newTime
  'Déplacer le rendez-vous', // moveBooking
  'Déplacement…', // moving
  'Votre rendez-vous est déplacé', // rescheduledHeading
  'Modifier mes coordonnées', // editDetails
  'Enregistrer', // save
  'Enregistrement…', // saving
  'Vos coordonnées sont enregistrées', // updatedHeading
  'Retour à votre réservation', // backToBooking
  'Ce lien a expiré ou n’est pas valide', // linkInvalid
  'Cette réservation a été annulée et ne peut plus être modifiée', // bookingCancelledNoChange
  'Ce rendez-vous a déjà eu lieu', // bookingPast
  'Nous n’avons pas pu déplacer votre rendez-vous\u00a0: votre horaire d’origine est conservé', // rescheduleKept
  'Nous n’avons pas pu terminer le déplacement et votre rendez-vous existe peut-être aux deux horaires. Contactez-nous pour que nous réglions cela.', // rescheduleUnclear
];
