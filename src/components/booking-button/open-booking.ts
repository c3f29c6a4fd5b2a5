import type { ReserveKitBooking } from '../booking/booking.component.js';
import type { BookingPropertyName } from './booking-button.component.js';
import { ReserveKitBookingButton } from './reservekit-booking-button.js';

type BookingProps = Pick<ReserveKitBooking, BookingPropertyName>;

/** Without `serviceId`, the dialog opens on the list of services (`serviceIds` narrows it). */
export interface OpenBookingOptions extends Partial<BookingProps> {
  theme?: 'light' | 'dark' | 'auto';
  /** The dialog's title and accessible name; default "Book now". */
  heading?: string;
  /** Where focus returns on close; default the element focused when this is called. */
  opener?: HTMLElement | null;
  /** Where the dialog lives in the DOM; default `document.body`. */
  container?: Element;
}

export interface BookingDialog {
  readonly element: ReserveKitBookingButton;
  readonly booking: ReserveKitBooking;
  close(): void;
  /** Settles when the dialog has closed (and left the page). */
  readonly closed: Promise<void>;
}

/**
 * Opens the booking widget in a modal dialog from any element or script, without a
 * `<reservekit-booking-button>` in the page: `link.onclick = () => openBooking({ serviceId: '42' })`.
 */
export function openBooking(options: OpenBookingOptions): BookingDialog {
  const { heading, opener, container = document.body, theme, ...props } = options;
  const element = new ReserveKitBookingButton();
  element.trigger = false;
  if (heading) element.heading = heading;
  if (theme) element.setAttribute('theme', theme);
  Object.assign(element.booking, props);
  const closed = new Promise<void>((resolve) =>
    element.addEventListener('rk-close', () => (element.remove(), resolve()), { once: true }),
  );
  container.append(element);
  void element.open(opener);
  return { element, booking: element.booking, close: () => element.close(), closed };
}
