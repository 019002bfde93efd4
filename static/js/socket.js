// The one Socket.IO wrapper: connect with auth, acks with timeouts, and the participant's outbox.
//
// python-socketio has no connection-state recovery: on every (re)connect the server sends the full
// `room_state`, and pages re-render from it. Participant actions go through the outbox, persisted in
// localStorage, so that an idea typed while the Wi-Fi is down (or the server restarting) is sent
// once it returns, with its original op_id so the server records it exactly once.

import { io } from "../vendor/socket.io/socket.io.esm.min.js";
import { t } from "./dom.js";

const ACK_TIMEOUT_MS = 10000;
const RETRY_MAX_MS = 15000;
// Socket.IO's own events: they go to their handlers at once, never behind a message waiting for its item list.
const RESERVED_EVENTS = new Set(["connect", "disconnect", "connect_error"]);

const memory = new Map();

/** localStorage that degrades to memory (private browsing, storage disabled, quota full). */
export const storage = {
  get(key) {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return memory.has(key) ? memory.get(key) : null;
    }
  },
  set(key, value) {
    memory.set(key, value);
    try {
      window.localStorage.setItem(key, value);
    } catch {
      // kept in memory for this page's life
    }
  },
};

/** A UUIDv4. crypto.randomUUID exists only in secure contexts, and plain HTTP on a LAN address is not one. */
export function newOpId() {
  const cryptoApi = globalThis.crypto;
  if (cryptoApi && typeof cryptoApi.randomUUID === "function") return cryptoApi.randomUUID();
  const bytes = new Uint8Array(16);
  if (cryptoApi && typeof cryptoApi.getRandomValues === "function") cryptoApi.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The error message of an ack, or of a failure to get one. */
export function errorText(ackOrError) {
  if (ackOrError && ackOrError.error && ackOrError.error.message) return ackOrError.error.message;
  return t("no_answer");
}

export class Connection {
  /**
   * @param {{code: string, role: string, lang: string, offlineKey?: string}} options
   * Call ``on(...)`` for the events the page needs, then ``start()``.
   */
  constructor({ code, role, lang, offlineKey = "offline" }) {
    this.code = code;
    this.role = role;
    this.lang = lang;
    this.offlineKey = offlineKey;
    this.tokenKey = `workshop:token:${code}`;
    this.socket = io({
      transports: ["websocket"],
      autoConnect: false,
      // A function, so every reconnect sends the token received since.
      auth: (send) => send(this.auth()),
    });
    this.socket.on("connect", () => this.status("online"));
    this.socket.on("disconnect", (reason) => {
      this.status("offline");
      // The server closed this connection on purpose: the client does not come back on its own.
      if (reason === "io server disconnect") setTimeout(() => this.socket.connect(), 2000);
    });
    this.socket.on("connect_error", (error) => {
      // Refused by the server (unknown room, no moderator access): retrying will not help.
      if (!this.socket.active) this.status("refused", error && error.data && error.data.message);
      else this.status("offline");
    });
    // A vote's activity reaches phones with its item list's version (targets_version), not the list: the list is
    // fetched once per version (items()) and put back into the activity before the page's handlers see the
    // message. Messages wait their turn in the inbox, so the page gets them complete and in order.
    this.itemLists = new Map(); // activity id → {version, targets}
    this.handlers = new Map(); // event → the page's handlers
    this.inbox = [];
    this.socket.on("room_state", (state) => {
      if (state && typeof state.participant_token === "string") storage.set(this.tokenKey, state.participant_token);
    });
    // Phones drop sockets in the background; come back as soon as the page is looked at again.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible" && !this.socket.connected && this.socket.active === false) {
        this.socket.connect();
      }
    });
    window.addEventListener("online", () => {
      if (!this.socket.connected) this.socket.connect();
    });
  }

  auth() {
    const auth = { code: this.code, role: this.role, lang: this.lang };
    if (this.role === "participant") {
      const token = storage.get(this.tokenKey);
      if (token) auth.token = token;
    }
    return auth;
  }

  /** The page's handler of a server event; Socket.IO's own events (connect, disconnect…) are not queued. */
  on(event, handler) {
    if (RESERVED_EVENTS.has(event)) this.socket.on(event, handler);
    else {
      if (!this.handlers.has(event)) {
        this.handlers.set(event, []);
        this.socket.on(event, (...args) => {
          this.inbox.push([event, args]);
          this.deliver();
        });
      }
      this.handlers.get(event).push(handler);
    }
    return this;
  }

  /** Hand the inbox to the page in order, each message once the item lists it names are here. */
  async deliver() {
    if (this.delivering) return;
    this.delivering = true;
    while (this.inbox.length) {
      const [event, args] = this.inbox[0];
      const data = args[0] || {};
      for (const activity of event === "room_state" ? data.activities || [] : [data.activity]) {
        if (activity && typeof activity.targets_version === "string" && !activity.targets) {
          activity.targets = await this.items(activity);
        }
      }
      this.inbox.shift();
      for (const handler of this.handlers.get(event)) {
        try {
          handler(...args);
        } catch (error) {
          console.error(error); // one failing handler must not stop the messages behind it
        }
      }
    }
    this.delivering = false;
  }

  /**
   * An activity's item list: the one held if it is this version, else fetched (the browser caches it for good: the
   * version names the content), retried on a weak link. When the list changed since the message was sent (an idea
   * hidden or added), the server names the current version: that one is fetched, and the activity says so.
   */
  async items(activity) {
    for (let attempt = 0; ; attempt += 1) {
      const kept = this.itemLists.get(activity.id);
      if (kept && kept.version === activity.targets_version) return kept.targets;
      let status = 0;
      let answer = null;
      try {
        const response = await fetch(`/p/${this.code}/activities/${activity.id}/items/${activity.targets_version}`);
        status = response.status;
        answer = await response.json();
      } catch {
        // offline, or the answer cut short: try again
      }
      if (status === 200 && answer && Array.isArray(answer.targets)) {
        this.itemLists.set(activity.id, { version: activity.targets_version, targets: answer.targets });
      } else if (status === 404 && answer && answer.current_version) activity.targets_version = answer.current_version;
      else if (status === 404) return []; // no longer a vote phones see: no items rather than waiting forever
      else await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_MAX_MS, 1000 * 2 ** attempt)));
    }
  }

  start() {
    this.status("connecting");
    this.socket.connect();
    return this;
  }

  get connected() {
    return this.socket.connected;
  }

  /** Emit and resolve with the server's ack; rejects when offline or when no ack came in time. */
  emitWithAck(event, payload, timeoutMs = ACK_TIMEOUT_MS) {
    return new Promise((resolve, reject) => {
      if (!this.socket.connected) {
        reject(new Error("offline"));
        return;
      }
      this.socket.timeout(timeoutMs).emit(event, payload, (error, ack) => {
        if (error) reject(error);
        else resolve(ack && typeof ack === "object" ? ack : { ok: false, error: { message: t("no_answer") } });
      });
    });
  }

  /** A moderator command: adds an op_id; always resolves, with the ack or an {ok: false} standing for it. */
  async command(event, payload = {}) {
    try {
      return await this.emitWithAck(event, { ...payload, op_id: newOpId() });
    } catch (error) {
      const message = this.socket.connected ? t("no_answer") : t("not_connected");
      return { ok: false, error: { code: "client_error", message } };
    }
  }

  status(state, message) {
    const banner = document.getElementById("connection");
    if (!banner) return;
    banner.dataset.state = state;
    const texts = { connecting: t("connecting"), online: t("online"), offline: t(this.offlineKey) };
    banner.textContent = message || texts[state] || t(this.offlineKey);
    document.documentElement.dataset.connection = state;
  }
}

/**
 * Participant actions waiting for an ack, in order, persisted per room so they survive a reload.
 * An ack, ok or not, is final: the action leaves the outbox. Only a lost ack (timeout, disconnect)
 * or "rate_limited" keeps it for a retry with the same op_id.
 */
export class Outbox {
  constructor(connection) {
    this.connection = connection;
    this.key = `workshop:outbox:${connection.code}`;
    this.items = this.load();
    this.busy = false;
    this.attempt = 0;
    this.retryTimer = null;
    this.changeListeners = [];
    this.settleListeners = [];
    connection.on("connect", () => {
      this.attempt = 0;
      this.flush();
    });
  }

  load() {
    try {
      const items = JSON.parse(storage.get(this.key) || "[]");
      return Array.isArray(items) ? items.filter((item) => item && item.event && item.payload && item.op_id) : [];
    } catch {
      return [];
    }
  }

  save() {
    storage.set(this.key, JSON.stringify(this.items));
  }

  /** Called with no argument whenever the list changes. */
  onChange(listener) {
    this.changeListeners.push(listener);
  }

  /** Called with (item, ack) when the server answered an action. */
  onSettled(listener) {
    this.settleListeners.push(listener);
  }

  changed() {
    for (const listener of this.changeListeners) listener();
  }

  add(event, payload) {
    const op_id = newOpId();
    const item = { op_id, event, payload: { ...payload, op_id }, status: "waiting", created: Date.now() };
    this.items.push(item);
    this.save();
    this.changed();
    this.flush();
    return item;
  }

  /** Actions still waiting, optionally only those of one event name. */
  pending(event) {
    return event ? this.items.filter((item) => item.event === event) : this.items.slice();
  }

  retryLater(delayMs) {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.flush(), delayMs);
  }

  /** Send waiting actions one at a time, in order: a later ballot must not overtake an earlier one. */
  async flush() {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.items.length && this.connection.connected) {
        const item = this.items[0];
        let ack;
        try {
          ack = await this.connection.emitWithAck(item.event, item.payload);
        } catch {
          // No ack: maybe never received, maybe done and the answer lost. The op_id makes a resend safe.
          if (this.connection.connected) this.retryLater(Math.min(RETRY_MAX_MS, 500 * 2 ** this.attempt++));
          return;
        }
        if (ack.ok === false && ack.error && ack.error.code === "rate_limited") {
          this.retryLater(Math.min(RETRY_MAX_MS, 3000 * 2 ** this.attempt++));
          return;
        }
        this.attempt = 0;
        this.items = this.items.filter((other) => other.op_id !== item.op_id);
        this.save();
        for (const listener of this.settleListeners) listener(item, ack);
        this.changed();
      }
    } finally {
      this.busy = false;
    }
  }
}
