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
    from flask_compress import Compress
    from flask_socketio import SocketIO
    from flask_wtf.csrf import CSRFProtect

    from .extensions import babel
    from .network import allowed_hosts, origin_check
    from .i18n import select_locale
    from .realtime.namespace import HOT_COMMANDS, WorkshopNamespace
    from .realtime.guard import FloodGuard, Limits, install as install_guard
    from .realtime.changes import RedisChanges
    from .realtime.queue import PooledRedisManager
    from .realtime.presence import LocalPresence, RedisPresence
    from .realtime.publisher import SocketPublisher
    from .realtime.transport import TextPacket, limit_websocket_messages, quiet_engine_errors
    from .security import add_security_headers
    from .services.admission import Admission
    from .services.context import ServiceContext
    from .services.writer import GroupCommitWriter
    from .web import register_blueprints
    from .web.assets import install_assets
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
    hosts = allowed_hosts(settings.allowed_hosts, settings.host, settings.public_url)
    app.config["TRUSTED_HOSTS"] = hosts  # Flask refuses a request whose Host is not one of them (400)
    babel.init_app(app, locale_selector=select_locale)
    # CSRF tokens on every form and JSON write (X-CSRFToken): SameSite does not separate the ports of one host.
    # Valid as long as the browser session, since a console stays open for a whole workshop day.
    app.config.update(WTF_CSRF_TIME_LIMIT=None, WTF_CSRF_SSL_STRICT=False)
    CSRFProtect(app)
    # One Socket.IO server per app (not a module global), so that tests can build many apps in one process.
    socketio = SocketIO(
        app,
        async_mode=settings.async_mode,
        max_http_buffer_size=settings.max_message_bytes,
        # Redis as the message queue between processes, on a bounded pool (realtime/queue.py).
        client_manager=PooledRedisManager(settings.redis_url, channel="flask-socketio") if settings.redis_url else None,
        ping_interval=10,
        ping_timeout=20,
        serializer=TextPacket,
        cors_allowed_origins=origin_check(hosts, settings.port, settings.public_url),
    )
    limit_websocket_messages(socketio, settings.max_message_bytes)
    database = Database(settings.database_url, min_group_size=settings.min_group_size)
    interval = settings.results_interval_ms / 1000
    if settings.redis_url:
        presence: LocalPresence | RedisPresence = RedisPresence(settings.redis_url)
        publisher = SocketPublisher(socketio, presence, interval, RedisChanges(presence.redis, interval))
    else:
        presence = LocalPresence()
        publisher = SocketPublisher(socketio, presence, interval)
    context = ServiceContext(db=database, publisher=publisher, settings=settings, writer=GroupCommitWriter(database))
    publisher.context = context
    admission = Admission()  # new identities and wrong room codes, shared by the socket and the join pages
    app.extensions["workshop_admission"] = admission
    guard = FloodGuard(Limits(burst=settings.socket_burst, per_second=settings.socket_rate))
    namespace = WorkshopNamespace(context, publisher, admission, guard)
    socketio.on_namespace(namespace)
    with app.app_context():
        install_guard(socketio.server, guard, namespace.refusal_table(), inline_events=HOT_COMMANDS)
    app.extensions["workshop"] = context
    app.extensions["workshop_exports"] = ExportJobs(settings, socketio, context)
    app.config["WORKSHOP_PUBLIC_URL"] = settings.public_url.rstrip("/")
    app.config["MIN_GROUP_SIZE"] = settings.min_group_size
    # Static files: fingerprinted, pre-compressed, immutable (web/assets.py); pages and JSON: compressed per
    # response when the browser asks (brotli, else gzip). Downloads are streamed as they are.
    install_assets(app)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # Arabic as UTF-8, not \uXXXX: a third of a page's bytes
    app.config.update(COMPRESS_ALGORITHM=["br", "gzip"], COMPRESS_BR_LEVEL=5, COMPRESS_STREAMS=False)
    Compress(app)
    quiet_engine_errors(app)
    add_security_headers(app)
    register_blueprints(app)
    return app
