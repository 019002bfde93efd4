// The moderator's clustering board: columns of cards dragged between clusters (mouse and touch), clusters made,
// Length: the board is one interaction (drag, drop, undo, suggestions) over one state; split, its parts would share it all.
// renamed, merged, split, deleted and undone, suggestions to accept, edit or reject, and clusters made into axes.
//
// The server's board (the activity's results.board) is the truth. A drop shows at once: the card stays where it
// was dropped (an "override") until the server's board has caught up, or goes back if the server refused the move.

import Sortable from "../vendor/sortable/sortable.esm.js";
import { fill, h, locale, notify, num, page, t, tn } from "./dom.js";

// The axes' themes (workshop/domain/axes.py) and the one each suggestion theme proposes (clustering/lexicon.py).
const THEMES = page.axis_themes || [];
const SUGGESTION_THEMES = page.suggestion_themes || {};
const LOOSE = "none"; // the column of ideas in no cluster

const clockFormat = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" });

function clock(isoTime) {
  const date = new Date(isoTime);
  return Number.isNaN(date.getTime()) ? "" : clockFormat.format(date);
}

export class ClusterBoard {
  /** ``command(event, payload, button)`` sends a moderator command and resolves with its ack. */
  constructor({ activityId, command }) {
    this.activityId = activityId;
    this.command = command;
    this.board = { clusters: [], unclustered: [] };
    this.overrides = new Map(); // idea id → {cluster: id | null, settled: bool}
    this.selectedCards = new Set();
    this.selectedClusters = new Set();
    this.columns = new Map(); // column key → {element, list, sortable, ...}
    this.dragging = false;
    this.suggestions = null; // null: none asked for; [] after all were handled
    this.logOpen = false;
    this.themeHints = new Map(); // cluster id → axe theme suggested for it
    this.promoted = {}; // cluster id → the axe made of it ({id, code, title}), from the server
    this.build();
  }

  build() {
    this.labelInput = h("input", { type: "text", name: "cluster_label", maxlength: 120, autocomplete: "off",
      placeholder: t("cluster_label_placeholder"), "aria-label": t("cluster_label") });
    this.createButton = h("button", { type: "submit", class: "primary small", dataset: { action: "create-cluster" } });
    const createForm = h("form", { class: "new-cluster" }, this.labelInput, this.createButton);
    createForm.addEventListener("submit", (event) => {
      event.preventDefault();
      this.createFromSelection(this.createButton);
    });
    this.undoButton = h("button", { type: "button", class: "small", dataset: { action: "undo" }, text: `↶ ${t("undo")}`,
      onclick: (event) => this.undo(event.currentTarget) });
    this.suggestButton = h("button", { type: "button", class: "small", dataset: { action: "suggest" },
      text: t("suggest_clusters"), onclick: (event) => this.suggest(event.currentTarget) });
    this.logButton = h("button", { type: "button", class: "small", dataset: { action: "log" }, text: t("clustering_log"),
      "aria-expanded": "false", onclick: () => this.toggleLog() });
    this.moveTarget = h("select", { name: "move_target", "aria-label": t("move_selected_to") });
    this.moveBar = h("div", { class: "card-selection", hidden: true },
      h("span", { class: "selection-title" }), h("label", { text: t("move_selected_to") }), this.moveTarget,
      h("button", { type: "button", class: "small", dataset: { action: "move-selected" }, text: t("move"),
        onclick: (event) => {
          const target = this.moveTarget.value;
          const ids = [...this.selectedCards];
          this.selectedCards.clear();
          this.move(ids, target === LOOSE ? null : Number(target), event.currentTarget);
        } }),
      h("button", { type: "button", class: "small", text: t("clear_selection"), onclick: () => {
        this.selectedCards.clear();
        this.render();
      } }));
    this.selectionBar = h("div", { class: "cluster-selection", hidden: true });
    this.suggestionList = h("section", { class: "suggestions", hidden: true, "aria-label": t("suggestions") });
    this.columnsBox = h("div", { class: "board", dataset: { activityId: this.activityId } });
    this.logList = h("ol", { class: "clustering-log-list" });
    this.logBox = h("section", { class: "clustering-log", hidden: true, "aria-label": t("clustering_log") },
      h("h5", { text: t("clustering_log") }), this.logList);
    this.element = h("section", { class: "clustering", "aria-label": t("clustering_board") },
      h("div", { class: "board-toolbar" }, createForm,
        h("div", { class: "board-tools" }, this.suggestButton, this.undoButton, this.logButton)),
      h("p", { class: "board-hint note", text: t("board_hint") }),
      this.moveBar, this.selectionBar, this.suggestionList, this.columnsBox, this.logBox);
  }

  destroy() {
    for (const column of this.columns.values()) column.sortable.destroy();
    this.columns.clear();
  }

  // The board as shown: the server's, with the drops it has not confirmed yet. ------------------------------

  effective() {
    const where = new Map();
    const texts = new Map();
    for (const cluster of this.board.clusters) {
      for (const idea of cluster.ideas) {
        where.set(idea.id, cluster.id);
        texts.set(idea.id, idea.text);
      }
    }
    for (const idea of this.board.unclustered) {
      where.set(idea.id, null);
      texts.set(idea.id, idea.text);
    }
    const clusterIds = new Set(this.board.clusters.map((cluster) => cluster.id));
    for (const [ideaId, override] of this.overrides) {
      if (where.has(ideaId) && (override.cluster === null || clusterIds.has(override.cluster))) where.set(ideaId, override.cluster);
    }
    const byCluster = new Map([[null, []], ...this.board.clusters.map((cluster) => [cluster.id, []])]);
    for (const [ideaId, clusterId] of [...where].sort((a, b) => a[0] - b[0])) {
      byCluster.get(clusterId).push({ id: ideaId, text: texts.get(ideaId) });
    }
    return {
      clusters: this.board.clusters.map((cluster) => ({ id: cluster.id, label: cluster.label, ideas: byCluster.get(cluster.id) })),
      unclustered: byCluster.get(null),
      where,
    };
  }

  /** Which clusters are an axe now (the server's ``promoted`` for this activity). */
  setPromoted(promoted) {
    this.promoted = promoted || {};
  }

  /** New results from the server (or a plain re-render). */
  update(activity) {
    const board = activity.results && activity.results.board;
    if (board && board !== this.lastBoard) {
      this.lastBoard = board;
      this.board = board;
      // A drop the server confirmed shows in every board computed after it.
      for (const [ideaId, override] of [...this.overrides]) if (override.settled) this.overrides.delete(ideaId);
    }
    if (this.dragging) return; // never move nodes under the finger; the drop renders
    this.render();
  }

  render() {
    const shown = this.effective();
    const liveCards = new Set(shown.where.keys());
    const liveClusters = new Set(shown.clusters.map((cluster) => cluster.id));
    for (const id of [...this.selectedCards]) if (!liveCards.has(id)) this.selectedCards.delete(id);
    for (const id of [...this.selectedClusters]) if (!liveClusters.has(id)) this.selectedClusters.delete(id);

    const wanted = [{ key: LOOSE, id: null, label: t("unclustered"), ideas: shown.unclustered },
      ...shown.clusters.map((cluster) => ({ key: String(cluster.id), ...cluster }))];
    let previous = null;
    for (const data of wanted) {
      let column = this.columns.get(data.key);
      if (!column) {
        column = this.makeColumn(data);
        this.columns.set(data.key, column);
      }
      this.fillColumn(column, data);
      const expected = previous ? previous.nextElementSibling : this.columnsBox.firstElementChild;
      if (expected !== column.element) this.columnsBox.insertBefore(column.element, expected);
      previous = column.element;
    }
    for (const [key, column] of [...this.columns]) {
      if (!wanted.some((data) => data.key === key)) {
        column.sortable.destroy();
        column.element.remove();
        this.columns.delete(key);
      }
    }
    this.renderToolbar(shown);
    this.renderSelection(shown);
  }

  makeColumn(data) {
    const list = h("ul", { class: "board-cards", dataset: { clusterId: data.key } });
    const column = { key: data.key, id: data.id, list, label: "", renaming: false };
    column.title = h("h4", { class: "board-column-title" });
    column.count = h("span", { class: "board-column-count" });
    column.actions = h("div", { class: "board-column-actions" });
    column.element = h("section", { class: `board-column ${data.id === null ? "board-column-loose" : ""}`.trim(),
      dataset: { clusterId: data.key } }, h("header", { class: "board-column-header" }, column.title, column.count),
    column.actions, list);
    column.sortable = Sortable.create(list, {
      group: `board-${this.activityId}`,
      sort: false, // cards are in the order they came; only their cluster changes
      draggable: ".board-card",
      filter: "input, button, label", // ticking a card must not start a drag
      preventOnFilter: false,
      // Touch: a short press picks the card up, so a swipe still scrolls the board and the page.
      delay: 180,
      delayOnTouchOnly: true,
      touchStartThreshold: 6,
      // The fallback drag (a clone following the pointer) behaves the same with mouse, pen and finger.
      forceFallback: true,
      fallbackOnBody: true,
      fallbackTolerance: 4,
      animation: 120,
      scroll: true,
      bubbleScroll: true,
      ghostClass: "card-ghost",
      chosenClass: "card-chosen",
      dragClass: "card-dragged",
      onStart: () => {
        this.dragging = true;
        this.columnsBox.dataset.dragging = "true";
      },
      onEnd: (event) => {
        this.dragging = false;
        this.columnsBox.dataset.dragging = "false";
        const ideaId = Number(event.item.dataset.ideaId);
        const target = event.to.dataset.clusterId;
        if (event.to !== event.from && ideaId) this.move([ideaId], target === LOOSE ? null : Number(target));
        else this.render();
      },
    });
    return column;
  }

  fillColumn(column, data) {
    const selectedHere = data.ideas.filter((idea) => this.selectedCards.has(idea.id));
    const axis = data.id === null ? null : this.promoted[String(data.id)] || null;
    const signature = JSON.stringify([data.label, data.ideas.length, this.selectedClusters.has(data.id),
      selectedHere.length, column.renaming, axis]);
    if (column.signature !== signature) {
      column.signature = signature;
      column.element.dataset.selected = String(this.selectedClusters.has(data.id));
      if (data.id === null) {
        fill(column.title, h("span", { class: "board-column-label", text: data.label }));
      } else if (!column.renaming) {
        fill(column.title,
          h("input", { type: "checkbox", class: "cluster-select", checked: this.selectedClusters.has(data.id),
            "aria-label": t("select_cluster", { label: data.label }),
            onchange: (event) => {
              if (event.target.checked) this.selectedClusters.add(data.id);
              else this.selectedClusters.delete(data.id);
              this.render();
            } }),
          h("button", { type: "button", class: "board-column-label rename", dir: "auto", text: data.label,
            title: t("rename_cluster"), dataset: { action: "rename" }, onclick: () => this.startRename(column, data) }));
      }
      column.count.textContent = num(data.ideas.length);
      const actions = [];
      if (data.id !== null) {
        if (selectedHere.length) {
          actions.push(h("button", { type: "button", class: "small", dataset: { action: "split" },
            text: tn("split_selected", selectedHere.length),
            onclick: (event) => this.split(data, selectedHere.map((idea) => idea.id), event.currentTarget) }));
        }
        // A cluster already made an axe opens that axe: a second click never makes a duplicate.
        actions.push(axis
          ? h("a", { class: "button-link small open-axis", href: `/m/axes/${axis.id}`, dataset: { action: "open-axis" },
            text: t("open_axis", { code: axis.code }) })
          : h("button", { type: "button", class: "small", dataset: { action: "promote" }, text: t("make_axis"),
            onclick: () => {
              this.selectedClusters = new Set([data.id]);
              this.render();
              this.selectionBar.querySelector("select[name=theme]")?.focus();
            } }),
          h("button", { type: "button", class: "small icon danger", dataset: { action: "delete-cluster" }, text: "✕",
            "aria-label": t("delete_cluster", { label: data.label }), title: t("delete_cluster", { label: data.label }),
            onclick: (event) => {
              if (window.confirm(t("confirm_delete_cluster", { label: data.label }))) {
                this.run("delete_cluster", { cluster_id: data.id }, event.currentTarget);
              }
            } }));
      }
      fill(column.actions, actions);
      column.actions.hidden = actions.length === 0;
    }
    const cardSignature = (idea) => JSON.stringify([idea.text, this.selectedCards.has(idea.id)]);
    const old = new Map();
    for (const child of column.list.children) if (child.dataset.ideaId) old.set(child.dataset.ideaId, child);
    let previous = null;
    for (const idea of data.ideas) {
      let card = old.get(String(idea.id));
      old.delete(String(idea.id));
      // A card Sortable just moved here is another column's node: find it anywhere on the board.
      if (!card) card = this.columnsBox.querySelector(`.board-card[data-idea-id="${idea.id}"]`);
      if (!card || card.dataset.signature !== cardSignature(idea)) {
        const fresh = this.card(idea);
        fresh.dataset.signature = cardSignature(idea);
        if (card) card.replaceWith(fresh);
        card = fresh;
      }
      const expected = previous ? previous.nextElementSibling : column.list.firstElementChild;
      if (expected !== card) column.list.insertBefore(card, expected);
      previous = card;
    }
    const wanted = new Set(data.ideas.map((idea) => String(idea.id)));
    for (const node of [...column.list.children]) if (!wanted.has(node.dataset.ideaId)) node.remove();
    column.element.dataset.empty = String(data.ideas.length === 0);
  }

  card(idea) {
    const box = h("input", { type: "checkbox", class: "card-select", checked: this.selectedCards.has(idea.id),
      "aria-label": t("select_card"),
      onchange: (event) => {
        if (event.target.checked) this.selectedCards.add(idea.id);
        else this.selectedCards.delete(idea.id);
        this.render();
      } });
    return h("li", { class: "board-card", dataset: { ideaId: idea.id, selected: String(this.selectedCards.has(idea.id)) } },
      box, h("span", { class: "board-card-text", dir: "auto", text: idea.text }),
      h("span", { class: "board-card-grip", "aria-hidden": "true", text: "⠿" }));
  }

  startRename(column, data) {
    column.renaming = true;
    const input = h("input", { type: "text", class: "rename-input", value: data.label, maxlength: 120,
      "aria-label": t("rename_cluster") });
    let done = false;
    const finish = async (save) => {
      if (done) return;
      done = true;
      const label = input.value.trim();
      column.renaming = false;
      if (save && label && label !== data.label) await this.run("rename_cluster", { cluster_id: data.id, label });
      this.render();
    };
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        finish(true);
      } else if (event.key === "Escape") {
        finish(false);
      }
    });
    input.addEventListener("blur", () => finish(true));
    fill(column.title, input);
    input.focus();
    input.select();
  }

  renderToolbar(shown) {
    const selected = [...this.selectedCards];
    const from = new Set(selected.map((id) => shown.where.get(id)));
    const splitting = selected.length > 0 && from.size === 1 && !from.has(null);
    this.createButton.textContent = selected.length === 0 ? t("create_cluster")
      : tn("create_cluster_with", selected.length);
    this.createButton.dataset.mode = splitting ? "split" : "create";
    // Cards move without dragging too: tick them, choose the column (keyboards, and fingers that prefer it).
    this.moveBar.hidden = selected.length === 0;
    this.moveBar.querySelector(".selection-title").textContent = tn("cards_selected", selected.length);
    const options = [{ value: LOOSE, label: t("unclustered") },
      ...shown.clusters.map((cluster) => ({ value: String(cluster.id), label: cluster.label }))];
    const signature = JSON.stringify(options);
    if (this.moveTarget.dataset.signature !== signature) {
      const previous = this.moveTarget.value;
      this.moveTarget.dataset.signature = signature;
      fill(this.moveTarget, options.map((option) => h("option", { value: option.value, text: option.label })));
      if (options.some((option) => option.value === previous)) this.moveTarget.value = previous;
    }
  }

  renderSelection(shown) {
    const clusters = shown.clusters.filter((cluster) => this.selectedClusters.has(cluster.id));
    const signature = JSON.stringify(clusters.map((cluster) => [cluster.id, cluster.label]));
    if (this.selectionBar.dataset.signature === signature) return;
    this.selectionBar.dataset.signature = signature;
    this.selectionBar.hidden = clusters.length === 0;
    if (!clusters.length) {
      fill(this.selectionBar);
      return;
    }
    const parts = [h("p", { class: "selection-title", text: tn("clusters_selected", clusters.length) })];
    if (clusters.length >= 2) {
      const target = h("select", { name: "merge_target", "aria-label": t("merge_clusters_into") },
        clusters.map((cluster) => h("option", { value: String(cluster.id), text: cluster.label })));
      parts.push(h("div", { class: "selection-group" }, h("label", { text: t("merge_clusters_into") }), target,
        h("button", { type: "button", class: "small", dataset: { action: "merge-clusters" }, text: t("merge"),
          onclick: (event) => {
            const targetId = Number(target.value);
            this.run("merge_clusters", { target_id: targetId, source_ids: clusters.map((cluster) => cluster.id)
              .filter((id) => id !== targetId) }, event.currentTarget).then((ack) => {
              if (ack.ok) this.selectedClusters = new Set([targetId]);
            });
          } })));
    }
    const hinted = clusters.map((cluster) => this.themeHints.get(cluster.id)).find(Boolean) || "transversal";
    const theme = h("select", { name: "theme" }, THEMES.map((key) => h("option", { value: key, text: t(`theme_${key}`),
      selected: key === hinted })));
    const title = h("input", { type: "text", name: "axis_title", maxlength: 300,
      value: clusters.map((cluster) => cluster.label).join(" / "), "aria-label": t("axis_title") });
    const themeId = `promote-theme-${this.activityId}`;
    theme.id = themeId;
    parts.push(h("div", { class: "selection-group promote" },
      h("label", { for: themeId, text: t("axis_theme") }), theme,
      h("label", { text: t("axis_title"), class: "visually-hidden" }), title,
      h("button", { type: "button", class: "primary small", dataset: { action: "make-axis" },
        text: clusters.length > 1 ? tn("make_axis_of", clusters.length) : t("make_axis"),
        onclick: (event) => this.promote(clusters, theme.value, title.value.trim(), event.currentTarget) })));
    parts.push(h("button", { type: "button", class: "small", text: t("clear_selection"),
      onclick: () => {
        this.selectedClusters.clear();
        this.render();
      } }));
    fill(this.selectionBar, parts);
  }

  // Commands ---------------------------------------------------------------------------------------

  async run(event, payload, button) {
    const ack = await this.command(event, { activity_id: this.activityId, ...payload }, button);
    if (ack.ok && this.logOpen) this.loadLog();
    return ack;
  }

  async move(ideaIds, clusterId, button) {
    for (const id of ideaIds) this.overrides.set(id, { cluster: clusterId, settled: false });
    this.render();
    const ack = await this.run("move_ideas", { idea_ids: ideaIds, cluster_id: clusterId }, button);
    for (const id of ideaIds) {
      if (!ack.ok) this.overrides.delete(id);
      else if (this.overrides.has(id)) this.overrides.get(id).settled = true;
    }
    this.render();
  }

  async createFromSelection(button) {
    const shown = this.effective();
    const selected = [...this.selectedCards];
    const label = this.labelInput.value.trim();
    const from = new Set(selected.map((id) => shown.where.get(id)));
    if (selected.length && from.size === 1 && !from.has(null)) {
      const cluster = shown.clusters.find((candidate) => candidate.id === [...from][0]);
      await this.split(cluster, selected, button);
      return;
    }
    if (!label) {
      this.labelInput.focus();
      notify(t("cluster_label_needed"));
      return;
    }
    const ack = await this.run("create_cluster", { label, idea_ids: selected }, button);
    if (ack.ok) {
      this.labelInput.value = "";
      this.selectedCards.clear();
      this.render();
    }
  }

  async split(cluster, ideaIds, button) {
    const label = this.labelInput.value.trim() || t("split_default_label", { label: cluster.label });
    const ack = await this.run("split_cluster", { cluster_id: cluster.id, idea_ids: ideaIds, label }, button);
    if (ack.ok) {
      this.labelInput.value = "";
      this.selectedCards.clear();
      this.render();
    }
  }

  async undo(button) {
    const ack = await this.run("undo_clustering", {}, button);
    if (ack.ok) {
      const action = t(`log_${ack.undone.kind}`);
      notify(ack.undone.summary ? t("undone_what", { action, what: ack.undone.summary }) : t("undone", { action }), "info");
    }
  }

  async promote(clusters, theme, title, button) {
    const payload = { cluster_ids: clusters.map((cluster) => cluster.id), theme };
    if (title) payload.title = title;
    const ack = await this.run("promote_to_axis", payload, button);
    if (!ack.ok) return;
    this.selectedClusters.clear();
    this.render();
    const area = document.getElementById("notices");
    const notice = h("p", { class: "notice notice-info promoted", dataset: { axisId: ack.axis_id } },
      h("span", { class: "notice-text" }, ack.existing ? t("axis_exists", { code: ack.code }) : t("axis_created"), " ",
        h("a", { href: `/m/axes/${ack.axis_id}`, class: "axis-link", text: t("open_axis_editor") })),
      h("button", { type: "button", class: "notice-close", "aria-label": t("dismiss"), text: "×",
        onclick: () => notice.remove() }));
    area.append(notice);
  }

  // Suggestions ------------------------------------------------------------------------------------

  async suggest(button) {
    const ack = await this.command("suggest_clusters", { activity_id: this.activityId }, button);
    if (!ack.ok) return;
    this.suggestions = ack.suggestions.map((suggestion, index) => ({ ...suggestion, key: index, editing: false,
      unticked: new Set() }));
    this.suggestionsGiven = this.suggestions.length;
    this.renderSuggestions();
  }

  renderSuggestions() {
    const list = this.suggestions || [];
    this.suggestionList.hidden = this.suggestions === null;
    const clusterLabels = new Map(this.board.clusters.map((cluster) => [cluster.id, cluster.label]));
    fill(this.suggestionList,
      h("header", { class: "suggestions-header" },
        h("h5", { text: t("suggestions") }),
        h("button", { type: "button", class: "small", text: t("close"), onclick: () => {
          this.suggestions = null;
          this.renderSuggestions();
        } })),
      list.length ? null : h("p", { class: "empty", text: this.suggestionsGiven ? t("suggestions_done") : t("no_suggestions") }),
      h("ol", { class: "suggestion-list" }, list.map((suggestion) => {
        const into = suggestion.cluster_id !== null;
        const label = h("input", { type: "text", class: "suggestion-label", value: suggestion.label, maxlength: 120,
          disabled: !suggestion.editing || into, "aria-label": t("cluster_label"),
          oninput: (event) => { suggestion.label = event.target.value; } });
        return h("li", { class: "suggestion", dataset: { into: into ? String(suggestion.cluster_id) : "new" } },
          h("p", { class: "suggestion-target", text: into
            ? t("suggestion_into", { label: clusterLabels.get(suggestion.cluster_id) || suggestion.label })
            : t("suggestion_new") }),
          into ? h("p", { class: "suggestion-title", dir: "auto", text: suggestion.label }) : label,
          h("ul", { class: "suggestion-cards" }, suggestion.ideas.map((idea) => h("li", {},
            h("label", { class: "suggestion-card" },
              h("input", { type: "checkbox", checked: !suggestion.unticked.has(idea.id), disabled: !suggestion.editing,
                onchange: (event) => {
                  if (event.target.checked) suggestion.unticked.delete(idea.id);
                  else suggestion.unticked.add(idea.id);
                } }),
              h("span", { dir: "auto", text: idea.text }))))),
          h("div", { class: "suggestion-actions" },
            h("button", { type: "button", class: "primary small", dataset: { action: "accept" }, text: t("accept"),
              onclick: (event) => this.accept(suggestion, event.currentTarget) }),
            h("button", { type: "button", class: "small", dataset: { action: "edit" },
              text: suggestion.editing ? t("editing") : t("edit"), disabled: suggestion.editing,
              onclick: () => {
                suggestion.editing = true;
                this.renderSuggestions();
              } }),
            h("button", { type: "button", class: "small", dataset: { action: "reject" }, text: t("reject"),
              onclick: () => this.dropSuggestion(suggestion) })));
      })));
  }

  dropSuggestion(suggestion) {
    this.suggestions = this.suggestions.filter((other) => other !== suggestion);
    this.renderSuggestions();
  }

  async accept(suggestion, button) {
    const ideaIds = suggestion.ideas.map((idea) => idea.id).filter((id) => !suggestion.unticked.has(id));
    if (!ideaIds.length) {
      this.dropSuggestion(suggestion);
      return;
    }
    const ack = suggestion.cluster_id !== null
      ? await this.run("move_ideas", { idea_ids: ideaIds, cluster_id: suggestion.cluster_id }, button)
      : await this.run("create_cluster", { label: suggestion.label.trim() || t("unnamed_cluster"), idea_ids: ideaIds }, button);
    if (!ack.ok) return;
    // The theme the suggestion saw becomes the default theme when this cluster is made an axe.
    const clusterId = suggestion.cluster_id ?? ack.cluster_id;
    if (SUGGESTION_THEMES[suggestion.theme] && !this.themeHints.has(clusterId)) {
      this.themeHints.set(clusterId, SUGGESTION_THEMES[suggestion.theme]);
    }
    this.dropSuggestion(suggestion);
  }


  // History ----------------------------------------------------------------------------------------

  toggleLog() {
    this.logOpen = !this.logOpen;
    this.logBox.hidden = !this.logOpen;
    this.logButton.setAttribute("aria-expanded", String(this.logOpen));
    if (this.logOpen) this.loadLog();
  }

  async loadLog() {
    const ack = await this.command("get_clustering_log", { activity_id: this.activityId });
    if (!ack.ok) return;
    fill(this.logList, ack.log.length ? ack.log.map((entry) => h("li", { class: "log-entry",
      dataset: { kind: entry.kind, undone: String(entry.undone) } },
    h("time", { datetime: entry.at, text: clock(entry.at) }),
    h("span", { class: "log-actor", text: entry.actor }),
    h("span", { class: "log-kind", text: t(`log_${entry.kind}`) }),
    entry.summary ? h("span", { class: "log-summary", dir: "auto", text: entry.summary }) : null,
    h("span", { class: "log-counts", text: t("log_counts", { ideas: num(entry.ideas), clusters: num(entry.clusters) }) }),
    entry.undone ? h("span", { class: "badge badge-hidden", text: t("log_undone") }) : null))
      : [h("li", { class: "empty", text: t("log_empty") })]);
  }
}
