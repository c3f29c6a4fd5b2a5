import type { Translation } from './strings.js';

export const translation: Translation = [
  'Cargando horarios disponibles…', // loading
  'La reserva no está disponible', // unavailable
  'Algo salió mal', // error
  'No se puede conectar con el servicio de reservas', // network
  'El servicio de reservas está tardando demasiado en responder', // timeout
  'Reintentar', // retry
  'Demasiados intentos. Espera {seconds}\u00a0s y vuelve a intentarlo.', // rateLimited
  'Ya puedes volver a intentarlo.', // rateLimitedDone
  'Este horario ya está completo, elige otro', // slotFull
  'Ya tienes una reserva a esta hora', // duplicate

  'Revisa los campos marcados.', // validationSummary
  'Introduce tu nombre', // nameRequired
  'El nombre no puede superar los {max} caracteres', // nameTooLong
  'Introduce tu correo electrónico', // emailRequired
  'Introduce un correo electrónico como nombre@ejemplo.com', // emailInvalid
  'Introduce el número con el prefijo del país, por ejemplo +34 912 345 678', // phoneInvalid
  'El mensaje no puede superar los {max} caracteres', // messageTooLong

  'Nombre', // name
  'Correo electrónico', // email
  'Teléfono', // phone
  'País', // country
  '{country} (+{code})', // countryOption
  'Mensaje', // message
  '(opcional)', // optional
  'Reservar', // book
  'Reservar ahora', // bookNow
  'Reservando…', // booking

  'Elige una fecha', // chooseDate
  'Mes anterior', // prevMonth
  'Mes siguiente', // nextMonth
  'Tu zona horaria', // yourTimezone
  'Cambiar zona horaria', // changeTimezone
  'Hora del proveedor: {time} ({zone})', // serviceTime
  'Zona horaria del proveedor: {zone}', // serviceTimezone
  'No hay horarios disponibles este día', // noTimes
  '{count} horario disponible el {date}', // timesAvailable_one
  '{count} horarios disponibles el {date}', // timesAvailable_other
  'Queda {count} plaza', // placesLeft_one
  'Quedan {count} plazas', // placesLeft_other
  'Sin horarios', // dayNoTimes
  'Completo', // dayFull
  'Pasado', // dayPast

  '¡Reserva confirmada!', // bookedHeading
  '{service} el {date} a las {time}', // bookedText
  'Reservar otro horario', // bookAnother
  'Volver', // back
  'Cerrar', // close
  'Cambiar', // change
  'Tu primera solicitud ya se había completado.', // foundEarlier

  // Choosing a service, adding the booking to a calendar, and changing it later.
  'Elige un servicio', // chooseService
  'Cargando servicios…', // loadingServices
  'Ahora mismo no hay servicios para reservar', // noServices
  'Todos los servicios', // allServices
  'Duración: {duration}', // duration
  'Añadir al calendario', // addToCalendar
  'Archivo de calendario (.ics)', // calendarFile
  'Google Calendar', // googleCalendar
  'Outlook.com', // outlookCalendar
  '(se abre en una pestaña nueva)', // newTab
  'Cambiar o cancelar: {url}', // calendarManage
  'Cambiar o cancelar esta reserva', // manageLink
  'Cargando tu reserva…', // loadingBooking
  'Tu reserva', // manageHeading
  'Servicio', // serviceLabel
  'Cuándo', // whenLabel
  'Estado', // statusLabel
  'Pendiente', // statusPending
  'Confirmada', // statusConfirmed
  'Cancelada', // statusCancelled
  'Cancelar reserva', // cancelBooking
  '¿Cancelar esta reserva?', // cancelQuestion
  'Motivo', // cancelReason
  'Sí, cancelarla', // confirmCancel
  'No, mantenerla', // keepBooking
  'Cancelando…', // cancelling
  'Tu reserva está cancelada', // cancelledHeading
  'Cambiar de hora', // reschedule
  'Elige una nueva hora', // rescheduleHeading
  'Tu hora actual', // currentTime
  'Nueva hora', // newTime
  'Cambiar la reserva', // moveBooking
  'Cambiando…', // moving
  'Tu reserva se ha cambiado', // rescheduledHeading
  'Editar datos', // editDetails
  'Guardar', // save
  'Guardando…', // saving
  'Tus datos se han guardado', // updatedHeading
  'Volver a tu reserva', // backToBooking
  'Este enlace ha caducado o no es válido', // linkInvalid
  'Esta reserva se canceló y ya no se puede cambiar', // bookingCancelledNoChange
  'Esta reserva ya ha tenido lugar', // bookingPast
  'No pudimos terminar de cambiar tu reserva: se mantiene tu hora original', // rescheduleKept
  'No pudimos terminar de cambiar tu reserva y puede que ahora figure en las dos horas. Ponte en contacto con nosotros para resolverlo.', // rescheduleUnclear
];
