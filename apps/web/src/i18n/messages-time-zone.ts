/** The time-zone picker's words. Loaded with the picker (study form, mentoring settings), not on the first screen. */
export const enTimeZone = {
  "zone.search": "Search time zones",
  "zone.searchHint": "City, zone or offset (Seoul, Pacific, GMT+9)",
  "zone.none": "No time zone matches.",
  "zone.yours": "This device's zone",
  "zone.all": "All time zones",
};

export const koTimeZone: Record<keyof typeof enTimeZone, string> = {
  "zone.search": "시간대 찾기",
  "zone.searchHint": "도시, 시간대 이름, 시차 (서울, 태평양, GMT+9)",
  "zone.none": "맞는 시간대가 없어요.",
  "zone.yours": "이 기기의 시간대",
  "zone.all": "모든 시간대",
};
