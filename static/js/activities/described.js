// What the server says of each activity type (workshop/activities/, ActivityType.page_description): its input
// kind, the limits its browser module needs and, on the console, its config form. Declared once, in Python.

import { page } from "../dom.js";

export function described(name) {
  return (page.activity_types || {})[name] || { input_kind: null, limits: {}, config: [] };
}
