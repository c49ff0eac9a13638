import type { Resources } from './zh-CN.js';

/** Check-in and check-out (English). */
export const checkinEn: Resources['checkin'] = {
  title: 'Check in',
  intro:
    'Scan the QR code on the screen at the place, or type the 6-digit code under it. Check-in and check-out both need you near the place.',
  scan: 'Scan',
  stopScan: 'Stop scanning',
  scanned: 'QR code read',
  code: '6-digit code',
  codePlaceholder: 'Type the code on the screen',
  checkIn: 'Check in',
  checkOut: 'Check out',
  locating: 'Finding your location…',
  noLocation: 'Your location is not available; allow this page to use it and try again',
  noCamera: 'The camera cannot be opened; type the code instead',
  needCode: 'Scan the QR code or type the code first',
  checkedIn: 'Checked in',
  checkedOut: 'Checked out; your hours await the organiser’s confirmation',
  result: {
    checkedInAt: 'Checked in',
    checkedOutAt: 'Checked out',
    minutes: 'Served',
    minutesValue: '{{minutes}} min',
    distance: 'From the place',
    distanceValue: '{{distance}} m',
  },
  myHours: 'My service hours',
  display: {
    title: 'Check-in screen',
    hint: 'Scan with the Volunteer Huancui phone page, or type the code below',
    code: 'Code',
    refresh: 'Renewed every {{seconds}} s',
    counts: '{{in}} checked in · {{out}} checked out',
    noSession: 'Open the check-in screen from an occurrence in an activity’s roster',
    back: 'Back to activities',
  },
};
