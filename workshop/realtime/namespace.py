"""The default Socket.IO namespace: who may connect as what, and one thin handler per command.

Length: one thin handler per documented command (the list is the public contract, checked by the fuzzer); the work is in services.
"""
from __future__ import annotations

import functools
import logging
from contextlib import nullcontext
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import has_app_context, request, session
from flask_socketio import ConnectionRefusedError, Namespace, emit, join_room

from ..domain.errors import DomainError
from ..domain.numbers import payload_is_sane
from ..i18n import DEFAULT_LANGUAGE, LANGUAGES, error_message, translator
from ..services import agenda, clustering, contributions, identity, moderation, participants, rooms, strategy
from ..services import suggestions
from ..services import capacities, capacities_results
from ..services.access import ModeratorAccess, access_for_sessions, access_for_token
from ..services.admission import Admission
from ..services.context import ServiceContext
from ..services.events import find_room
from ..services.hot_path import join_code_room
from ..services.participants import Joined
from ..services.publisher import Audience
from ..services.state import encoded_once, moderator_state, participant_state, screen_state
from .guard import MODERATOR_LIMITS, FloodGuard
from .publisher import SocketPublisher
from .rooms import audience_room, participant_room

log = logging.getLogger(__name__)

ROLES = ("participant", "screen", "moderator")
# The phones' hot commands, ideas and ballots: a room of a thousand sends them at once.
# - They need nothing of Flask (no cookie session, no URL): dispatched without the request context Flask-SocketIO
#   builds for every event (a werkzeug Request, URL matching, the session: as much CPU as the ballot's statements in
#   the bench). A refusal's translation gets an application context of its own.
# - They run in the greenlet that read them off the connection, not one started per event (realtime/guard.py).
HOT_COMMANDS = frozenset({"submit_idea", "cast_votes"})


@dataclass
class Client:
    """What one connection is: set at connect, never trusted from later payloads."""

    role: str
    code: str
    room_id: int
    language: str
    joined: Joined | None = None
    actor: str = ""  # a moderator's credential label, for the clustering log
    event_id: int = 0
    # A moderator's credentials as presented at connect (the token, the cookie's session secrets): checked again at
    # each command, so that logout, « revoke all » or a revoked link also stop a console already connected.
    credentials: tuple[object, object] = (None, None)


def refusal(code: str, language: str, **params: Any) -> dict[str, Any]:
    """The documented shape of every refusal: ``{"code", "message"}``, the message in the client's language."""
    return {"code": code, "message": error_message(code, params, language)}


def _refuse(code: str, language: str) -> ConnectionRefusedError:
    # Two arguments: python-socketio sends the first as the error's message and the second, as is, as its data —
    # the client's connect_error then has ``data`` = {code, message} (one dict alone would arrive as its repr).
    body = refusal(code, language)
    return ConnectionRefusedError(body["message"], body)


def command(role: str) -> Callable[[Callable[..., dict[str, Any]]], Callable[..., dict[str, Any]]]:
    """Wrap a handler: role check, payload shape, DomainError → translated error ack, nothing else.

    Every call returns exactly one ack. A refusal is logged in one line (event and code: no address, no payload);
    only an unexpected exception is logged with its traceback, as the bug it is.
    """

    def decorate(handler: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
        event = handler.__name__.removeprefix("on_")

        @functools.wraps(handler)
        def wrapper(self: "WorkshopNamespace", data: object = None, *extra: object, sid: str | None = None
                    ) -> dict[str, Any]:
            # ``sid``: given when the event is dispatched without a Flask request (``HOT_COMMANDS``).
            client = self.clients.get(request.sid if sid is None else sid)  # type: ignore[attr-defined]
            language = client.language if client else DEFAULT_LANGUAGE
            try:
                if client is None or client.role != role:
                    raise DomainError("forbidden")
                if role == "moderator" and not self._still_moderator(client):
                    raise DomainError("forbidden")
                if extra or not isinstance(data, dict) or not payload_is_sane(data):
                    raise DomainError("invalid_payload")
                return handler(self, client, data)
            except DomainError as error:
                log.info("refused %s: %s", event, error.code)
                with self.translating(sid):
                    return {"ok": False, "error": refusal(error.code, language, **error.params)}
            except Exception:
                log.exception("command %s failed", event)
                with self.translating(sid):
                    return {"ok": False, "error": refusal("internal_error", language)}

        return wrapper

    return decorate


class WorkshopNamespace(Namespace):
    def __init__(self, context: ServiceContext, publisher: SocketPublisher, admission: Admission | None = None,
                 guard: FloodGuard | None = None) -> None:
        super().__init__("/")
        self.context = context
        self.publisher = publisher
        self.admission = admission or Admission()
        self.guard = guard
        self.clients: dict[str, Client] = {}

    def _moderator_access(self, client: Client) -> ModeratorAccess:
        token, secrets = client.credentials
        return access_for_token(self.context, token).merged(access_for_sessions(self.context, secrets))

    def _still_moderator(self, client: Client) -> bool:
        return self._moderator_access(client).can_moderate_room(client.room_id, client.event_id)

    def trigger_event(self, event: str, *args: Any) -> Any:
        """An event no handler takes is acknowledged ``invalid_payload`` (an ack, never silence)."""
        if event in HOT_COMMANDS and args:
            return getattr(self, "on_" + event)(*args[1:], sid=args[0])
        if not hasattr(self, "on_" + (event or "")):
            client = self.clients.get(args[0]) if args else None
            log.info("refused unknown event")
            return {"ok": False, "error": refusal("invalid_payload", client.language if client else DEFAULT_LANGUAGE)}
        return super().trigger_event(event, *args)

    def translating(self, sid: str | None) -> Any:
        """The Flask application context a translation needs, when the event runs without one (``HOT_COMMANDS``)."""
        if sid is None or has_app_context():
            return nullcontext()
        environ = self.socketio.server.get_environ(sid, namespace=self.namespace) or {}
        app = environ.get("flask.app")
        return app.app_context() if app is not None else nullcontext()

    def refusal_table(self) -> Callable[[str, str], dict[str, Any]]:
        """For the flood guard, which refuses outside any request: each refusal in each language, made once."""
        made = {(code, language): {"ok": False, "error": refusal(code, language)}
                for code in ("rate_limited", "invalid_payload") for language in LANGUAGES}

        def refuse(sid: str, code: str) -> dict[str, Any]:
            client = self.clients.get(sid)
            return made[(code, client.language if client else DEFAULT_LANGUAGE)]

        return refuse

    # Connection -------------------------------------------------------------------------------

    def on_connect(self, auth: object = None) -> None:
        try:
            self._connect(auth if isinstance(auth, dict) else {})
        except ConnectionRefusedError:
            raise
        except Exception:
            # Flask-SocketIO retries a handler that raised TypeError without arguments: never let one escape.
            log.exception("connect failed")  # a bug, not a refusal: its traceback is wanted
            raise _refuse("internal_error", DEFAULT_LANGUAGE) from None

    def _connect(self, auth: dict[str, Any]) -> None:
        language = auth.get("lang") if auth.get("lang") in LANGUAGES else session.get("lang", DEFAULT_LANGUAGE)
        try:
            self._join(auth, language)
        except DomainError as error:
            log.info("refused connection: %s", error.code)
            raise _refuse(error.code, language) from None

    def _join(self, auth: dict[str, Any], language: str) -> None:
        role = auth.get("role")
        if role not in ROLES:
            raise DomainError("invalid_payload")
        # Budgets of the address (never logged) and of this Engine.IO connection, checked before the database.
        address = request.remote_addr or ""
        connection = self.socketio.server.manager.eio_sid_from_sid(request.sid, self.namespace) or request.sid  # type: ignore[attr-defined, union-attr]
        self.admission.check_code_attempt(address, connection)
        try:
            room_id, code, event_id = join_code_room(self.context.db, auth.get("code"))
        except DomainError as error:
            if error.code == "unknown_room":
                self.admission.wrong_code(address, connection)
            raise
        client = Client(role=role, code=code, room_id=room_id, language=language)
        if role == "moderator":
            client.credentials, client.event_id = (auth.get("token"), session.get("moderator_sessions")), event_id
            access = self._moderator_access(client)
            if not access.can_moderate_room(room_id, event_id):
                raise DomainError("forbidden")
            client.actor = access.label or "moderator"
            if self.guard is not None:
                self.guard.trust(connection, MODERATOR_LIMITS)
            state = moderator_state(self.context, code)
            state["connected"] = self.publisher.presence.connected(code)
            join_room(audience_room(code, Audience.MODERATORS))
        elif role == "screen":
            state = screen_state(self.context, code)
            state["connected"] = self.publisher.presence.connected(code)
            join_room(audience_room(code, Audience.SCREENS))
        else:
            client.joined = participants.join_room(self.context, code=code, token=auth.get("token"),
                                                   admit_new=lambda: self.admission.new_identity(address, connection))
            state = participant_state(self.context, client.joined, just_joined=True)
            state["activities"] = encoded_once(self.context, state["activities"])  # one encoding for every phone
            join_room(audience_room(code, Audience.PARTICIPANTS))
            join_room(participant_room(client.joined.public_id))
            self.publisher.presence.joined(code, client.joined.public_id)
            self.publisher.presence_changed(code)
        self.clients[request.sid] = client  # type: ignore[attr-defined]
        self.publisher.start()
        # To this connection, which is on this process: straight out. Through the message queue (the default with
        # Redis) every process would receive and decode every phone's full state, the vote's items included.
        emit("room_state", state, ignore_queue=True)

    def on_disconnect(self, reason: object = None) -> None:
        client = self.clients.pop(request.sid, None)  # type: ignore[attr-defined]
        if client is not None and client.joined is not None:
            self.publisher.presence.left(client.code, client.joined.public_id)
            self.publisher.presence_changed(client.code)

    # Participant commands -----------------------------------------------------------------------

    @command("participant")
    def on_submit_idea(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return contributions.submit_idea(self.context, client.joined, activity_id=data.get("activity_id"),  # type: ignore[arg-type]
                                         text=data.get("text"), op_id=data.get("op_id"))

    @command("participant")
    def on_cast_votes(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return contributions.cast_votes(self.context, client.joined, activity_id=data.get("activity_id"),  # type: ignore[arg-type]
                                        allocations=data.get("allocations"), op_id=data.get("op_id"))

    @command("participant")
    def on_update_profile(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return participants.update_profile(self.context, client.joined, pseudonym=data.get("pseudonym"),  # type: ignore[arg-type]
                                           tags=data.get("tags"), op_id=data.get("op_id"))

    # Moderator commands -------------------------------------------------------------------------

    @command("moderator")
    def on_create_activity(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return agenda.create_activity(self.context, room_id=client.room_id, type_name=data.get("type"),
                                      prompt=data.get("prompt"), config=data.get("config"),
                                      versions=data.get("versions"), op_id=data.get("op_id"))

    @command("moderator")
    def on_update_activity(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return agenda.update_activity(self.context, room_id=client.room_id, activity_id=data.get("activity_id"),
                                      prompt=data.get("prompt"), config=data.get("config"),
                                      versions=data.get("versions"), op_id=data.get("op_id"))

    @command("moderator")
    def on_move_activity(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return agenda.move_activity(self.context, room_id=client.room_id, activity_id=data.get("activity_id"),
                                    position=data.get("position"), op_id=data.get("op_id"))

    @command("moderator")
    def on_delete_activity(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return agenda.delete_activity(self.context, room_id=client.room_id, activity_id=data.get("activity_id"),
                                      op_id=data.get("op_id"))

    @command("moderator")
    def on_set_phase(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return agenda.set_phase(self.context, room_id=client.room_id, activity_id=data.get("activity_id"),
                                phase=data.get("phase"), op_id=data.get("op_id"))

    @command("moderator")
    def on_show_activity(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return agenda.show_activity(self.context, room_id=client.room_id, activity_id=data.get("activity_id"),
                                    op_id=data.get("op_id"))

    @command("moderator")
    def on_set_premoderation(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return agenda.set_premoderation(self.context, room_id=client.room_id, enabled=data.get("enabled"),
                                        op_id=data.get("op_id"))

    @command("moderator")
    def on_set_expected_count(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return rooms.set_expected_count(self.context, room_id=client.room_id, expected=data.get("expected"),
                                        op_id=data.get("op_id"))

    @command("moderator")
    def on_hide_idea(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return moderation.hide_idea(self.context, room_id=client.room_id, idea_id=data.get("idea_id"),
                                    op_id=data.get("op_id"))

    @command("moderator")
    def on_restore_idea(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return moderation.restore_idea(self.context, room_id=client.room_id, idea_id=data.get("idea_id"),
                                       op_id=data.get("op_id"))

    @command("moderator")
    def on_approve_idea(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return moderation.approve_idea(self.context, room_id=client.room_id, idea_id=data.get("idea_id"),
                                       op_id=data.get("op_id"))

    @command("moderator")
    def on_merge_ideas(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return moderation.merge_ideas(self.context, room_id=client.room_id, target_id=data.get("target_id"),
                                      source_ids=data.get("source_ids"), op_id=data.get("op_id"))

    @command("moderator")
    def on_unmerge_idea(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return moderation.unmerge_idea(self.context, room_id=client.room_id, idea_id=data.get("idea_id"),
                                       op_id=data.get("op_id"))

    # Clustering and promotion (moderator) -------------------------------------------------------

    @command("moderator")
    def on_create_cluster(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return clustering.create_cluster(self.context, room_id=client.room_id, activity_id=data.get("activity_id"),
                                         label=data.get("label"), idea_ids=data.get("idea_ids"), actor=client.actor,
                                         op_id=data.get("op_id"))

    @command("moderator")
    def on_rename_cluster(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return clustering.rename_cluster(self.context, room_id=client.room_id, activity_id=data.get("activity_id"),
                                         cluster_id=data.get("cluster_id"), label=data.get("label"),
                                         actor=client.actor, op_id=data.get("op_id"))

    @command("moderator")
    def on_move_ideas(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return clustering.move_ideas(self.context, room_id=client.room_id, activity_id=data.get("activity_id"),
                                     idea_ids=data.get("idea_ids"), cluster_id=data.get("cluster_id"),
                                     actor=client.actor, op_id=data.get("op_id"))

    @command("moderator")
    def on_merge_clusters(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return clustering.merge_clusters(self.context, room_id=client.room_id, activity_id=data.get("activity_id"),
                                         target_id=data.get("target_id"), source_ids=data.get("source_ids"),
                                         actor=client.actor, op_id=data.get("op_id"))

    @command("moderator")
    def on_split_cluster(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return clustering.split_cluster(self.context, room_id=client.room_id, activity_id=data.get("activity_id"),
                                        cluster_id=data.get("cluster_id"), idea_ids=data.get("idea_ids"),
                                        label=data.get("label"), actor=client.actor, op_id=data.get("op_id"))

    @command("moderator")
    def on_delete_cluster(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return clustering.delete_cluster(self.context, room_id=client.room_id, activity_id=data.get("activity_id"),
                                         cluster_id=data.get("cluster_id"), actor=client.actor,
                                         op_id=data.get("op_id"))

    @command("moderator")
    def on_undo_clustering(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return clustering.undo_clustering(self.context, room_id=client.room_id, activity_id=data.get("activity_id"),
                                          actor=client.actor, op_id=data.get("op_id"))

    @command("moderator")
    def on_get_clustering_log(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "log": clustering.clustering_log(self.context, room_id=client.room_id,
                                                             activity_id=data.get("activity_id"))}

    @command("moderator")
    def on_suggest_clusters(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, "suggestions": suggestions.suggest_for_activity(
            self.context, room_id=client.room_id, activity_id=data.get("activity_id"), language=client.language)}

    @command("moderator")
    def on_promote_to_axis(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return strategy.promote_to_axis(self.context, room_id=client.room_id, activity_id=data.get("activity_id"),
                                        cluster_ids=data.get("cluster_ids"), idea_ids=data.get("idea_ids"),
                                        title=data.get("title"), theme=data.get("theme"), actor=client.actor,
                                        op_id=data.get("op_id"))


    @command("moderator")
    def on_edit_room(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        """Rename the moderator's room, its versions or its theme (``identity.rename_room``); its pages hear it."""
        return rooms.rename_room_command(self.context, room_id=client.room_id, name=data.get("name"),
                                         theme=data.get("theme"), versions=data.get("versions"),
                                         op_id=data.get("op_id"))

    @command("moderator")
    def on_edit_event(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        """Change the identity of the room's meeting and strategy (``identity.edit_event``; logos over HTTP)."""
        changes = {key: value for key, value in data.items() if key not in ("op_id", "logos")}
        with self.context.db.read() as db_session:
            event_id = find_room(db_session, client.code).event_id
        return {"ok": True, "identity": identity.edit_event(self.context, event_id, changes)}

    # The self-assessment of organisational capacities (services/capacities.py, docs/capacities.md) -----------------

    def _event_id(self, client: Client) -> int:
        with self.context.db.read() as db_session:
            return find_room(db_session, client.code).event_id

    @command("participant")
    def on_questionnaire_state(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return capacities.my_questionnaire(self.context, client.joined, activity_id=data.get("activity_id"))  # type: ignore[arg-type]

    @command("participant")
    def on_answer_item(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return capacities.answer_item(self.context, client.joined, activity_id=data.get("activity_id"),  # type: ignore[arg-type]
                                      organisation=data.get("organisation"), role=data.get("role"),
                                      item=data.get("item"), level=data.get("level"),
                                      evidence=data.get("evidence") or "", comment=data.get("comment") or "",
                                      op_id=data.get("op_id"))

    @command("moderator")
    def on_capacities_overview(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, **capacities_results.overview(self.context, self._event_id(client))}

    @command("moderator")
    def on_edit_questionnaire(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return capacities.edit_questionnaire(self.context, event_id=self._event_id(client), edit=data.get("edit"),
                                             params=data.get("params"), op_id=data.get("op_id"), actor=client.actor)

    @command("moderator")
    def on_consensus_sheet(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return {"ok": True, **capacities.consensus_sheet(self.context, event_id=self._event_id(client),
                                                         organisation=data.get("organisation"),
                                                         round_name=data.get("round"))}

    @command("moderator")
    def on_record_consensus(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return capacities.record_consensus(self.context, event_id=self._event_id(client),
                                           organisation=data.get("organisation"), round_name=data.get("round"),
                                           item=data.get("item"), level=data.get("level"), note=data.get("note"),
                                           op_id=data.get("op_id"), actor=client.actor)

    @command("moderator")
    def on_save_plan_action(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return capacities.save_plan_action(self.context, event_id=self._event_id(client),
                                           action_id=data.get("action_id"), fields=data.get("fields"),
                                           op_id=data.get("op_id"), actor=client.actor)

    @command("moderator")
    def on_delete_plan_action(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return capacities.delete_plan_action(self.context, event_id=self._event_id(client),
                                             action_id=data.get("action_id"), op_id=data.get("op_id"),
                                             actor=client.actor)

    @command("moderator")
    def on_propose_plan(self, client: Client, data: dict[str, Any]) -> dict[str, Any]:
        return capacities_results.propose_plan(self.context, event_id=self._event_id(client),
                                               translate=translator(client.language), language=client.language)
