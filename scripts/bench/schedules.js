/**
 * The bench's two weekly schedules, shared by the in-page harness (browser) and the network
 * bench's API server (Node): light = 5 slots (Mon-Fri 10:00-11:00); heavy = 350 (every day,
 * 50 quarter-hours from 07:00).
 */
const clock = (minutes) => `2023-01-01 ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;

export function slots(kind) {
  const out = [];
  if (kind === 'heavy') {
    for (let day = 0; day < 7; day++) for (let i = 0; i < 50; i++) out.push({ day_of_week: day, start_time: clock(420 + 15 * i), end_time: clock(435 + 15 * i), max_bookings: 3 });
  } else {
    for (let day = 1; day <= 5; day++) out.push({ day_of_week: day, start_time: clock(600), end_time: clock(660), max_bookings: 1 });
  }
  return out;
}

/** The one service every bench page books; its zone differs from the viewer's (Europe/Berlin), so both times show. */
export const service = (kind) => ({
  name: 'Consultation',
  description: 'One-hour consultation with one of our advisers',
  timezone: 'America/New_York',
  time_slots: slots(kind),
});
