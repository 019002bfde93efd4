"""workshop: live participatory workshops that turn what a room says into an influence strategy."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

from .config import Settings

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(settings: Settings | None = None, **overrides: Any) -> Flask:
    """Build the app; tests pass settings (or keyword overrides) instead of environment variables."""
    from . import activities  # noqa: F401  (registers the activity types)
    from .db import Database
    from flask_socketio import SocketIO

    from .extensions import babel
    from .i18n import select_locale
    from .realtime.namespace import WorkshopNamespace
    from .realtime.guard import FloodGuard, Limits, install as install_guard
    from .realtime.presence import LocalPresence, RedisPresence
    from .realtime.publisher import SocketPublisher
    from .realtime.transport import TextPacket, limit_websocket_messages
    from .security import add_security_headers
    from .services.admission import Admission
    from .services.context import ServiceContext
    from .services.writer import GroupCommitWriter
    from .web import register_blueprints
    from .web.export_jobs import ExportJobs

    settings = (settings or Settings.from_env(**overrides)).ensure_secret_key()
    app = Flask(__name__, template_folder=str(PROJECT_ROOT / "templates"), static_folder=str(PROJECT_ROOT / "static"),
                instance_path=str(settings.instance_path.resolve()))
    app.config.update(
        SECRET_KEY=settings.secret_key,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_HTTPONLY=True,
        MAX_CONTENT_LENGTH=settings.max_message_bytes,
        BABEL_DEFAULT_LOCALE=settings.default_locale,
        BABEL_TRANSLATION_DIRECTORIES=str(Path(__file__).parent / "translations"),
    )
    babel.init_app(app, locale_selector=select_locale)
    # One Socket.IO server per app (not a module global), so that tests can build many apps in one process.
    socketio = SocketIO(
        app,
        async_mode=settings.async_mode,
        max_http_buffer_size=settings.max_message_bytes,
        message_queue=settings.redis_url or None,
        ping_interval=10,
        ping_timeout=20,
        serializer=TextPacket,
    )
    limit_websocket_messages(socketio, settings.max_message_bytes)
    database = Database(settings.database_url, min_group_size=settings.min_group_size)
    presence = RedisPresence(settings.redis_url) if settings.redis_url else LocalPresence()
    publisher = SocketPublisher(socketio, presence, settings.results_interval_ms / 1000)
    context = ServiceContext(db=database, publisher=publisher, settings=settings, writer=GroupCommitWriter(database))
    publisher.context = context
    admission = Admission()  # new identities and wrong room codes, shared by the socket and the join pages
    app.extensions["workshop_admission"] = admission
    namespace = WorkshopNamespace(context, publisher, admission)
    socketio.on_namespace(namespace)
    with app.app_context():
        install_guard(socketio.server, FloodGuard(Limits(burst=settings.socket_burst, per_second=settings.socket_rate)),
                      namespace.refusal_table())
    app.extensions["workshop"] = context
    app.extensions["workshop_exports"] = ExportJobs(settings, socketio, context)
    app.config["WORKSHOP_PUBLIC_URL"] = settings.public_url.rstrip("/")
    app.config["MIN_GROUP_SIZE"] = settings.min_group_size
    # Vendored files never change under the same path; the app's own scripts do with each upgrade, so phones
    # revalidate them (a cheap 304) rather than run last week's code against today's server.
    app.get_send_file_max_age = lambda filename: 86400 if (filename or "").startswith("vendor/") else 0  # type: ignore[method-assign]
    add_security_headers(app)
    register_blueprints(app)
    return app
