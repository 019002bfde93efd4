// Matrix: each item placed on impact (1–5) and feasibility (1–5); the projector draws the room's 2×2.

import { h, t } from "../dom.js";
import { group, itemsFields } from "./fields.js";
import { ratingGrid } from "./ratings.js";

export default {
  name: "matrix",
  inputKind: "ballot",
  defaultLiveResults: false,
  usesSources: true,

  mount(root, activity, api) {
    return ratingGrid(root, activity, api, {
      criteria: () => [
        { key: "impact", label: t("matrix_impact"), hint: t("matrix_impact_hint") },
        { key: "feasibility", label: t("matrix_feasibility"), hint: t("matrix_feasibility_hint") },
      ],
      complete: true,
      className: "matrix-items",
      intro: () => [h("p", { class: "choices-hint", text: t("matrix_instructions") })],
    });
  },

  configFields({ sources }) {
    return group([itemsFields({ sources })]);
  },
};
