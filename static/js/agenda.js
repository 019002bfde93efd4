// The room's activities as every page follows them: loaded from room_state, kept current by the broadcasts.

export class Agenda {
  /** ``drafts``: whether this page keeps activities still in preparation (only the console does). */
  constructor({ drafts = false } = {}) {
    this.drafts = drafts;
    this.activities = new Map();
    this.currentId = null;
  }

  get current() {
    return this.activities.get(this.currentId);
  }

  ordered() {
    return [...this.activities.values()].sort((a, b) => a.position - b.position || a.id - b.id);
  }

  load(state) {
    const before = this.activities;
    this.activities = new Map();
    for (const activity of state.activities) this.put(activity, before);
    this.currentId = state.room.current_activity_id;
  }

  put(activity, before = this.activities) {
    if (activity.phase === "draft" && !this.drafts) {
      this.activities.delete(activity.id);
      return;
    }
    // activity_changed carries no results: keep the last ones until results_updated brings new ones.
    const known = before.get(activity.id);
    if (known && known.results && !activity.results) activity.results = known.results;
    if (known && activity.received === undefined) activity.received = known.received;
    this.activities.set(activity.id, activity);
  }

  /** Listen to the agenda broadcasts; ``changed`` runs after each one. */
  follow(connection, changed) {
    connection
      .on("activity_changed", ({ activity, current_activity_id: currentId }) => {
        this.put(activity);
        this.currentId = currentId;
        changed();
      })
      .on("current_activity_changed", ({ current_activity_id: currentId }) => {
        this.currentId = currentId;
        changed();
      })
      .on("agenda_changed", ({ order }) => {
        order.forEach((id, index) => {
          const activity = this.activities.get(id);
          if (activity) activity.position = index;
        });
        changed();
      })
      .on("activity_deleted", ({ activity_id: activityId }) => {
        this.activities.delete(activityId);
        changed();
      })
      .on("received_updated", ({ activity_id: activityId, received }) => {
        const activity = this.activities.get(activityId);
        if (activity) {
          activity.received = received;
          changed();
        }
      })
      .on("results_updated", ({ activity_id: activityId, results }) => {
        const activity = this.activities.get(activityId);
        if (activity) {
          activity.results = results;
          changed();
        }
      });
    return this;
  }
}
