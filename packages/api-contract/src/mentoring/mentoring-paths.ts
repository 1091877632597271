/**
 * A meeting's address in the app: My mentoring's meetings, on the list it is in, at
 * its card. One function for the app's links, notifications and the `.ics` back link.
 */
export const meetingPath = (meetingId: number, scope: "upcoming" | "past") =>
  `/mentoring?tab=meetings&scope=${scope}#meeting-${meetingId}`;
