/** The weekly-times field's words (mentoring hours, study sessions). Loaded with the field, not on the first screen. */
export const enWeeklySlots = {
  "slots.weekday": "Day",
  "slots.from": "From",
  "slots.to": "To",
  "slots.remove": "Remove",
  "slots.overlapsWith": "Overlaps {slot}",
  "slots.add": "Add a time",
};

export const koWeeklySlots: Record<keyof typeof enWeeklySlots, string> = {
  "slots.weekday": "요일",
  "slots.from": "시작",
  "slots.to": "끝",
  "slots.remove": "삭제",
  "slots.overlapsWith": "{slot} 시간대와 겹쳐요",
  "slots.add": "시간 추가",
};
