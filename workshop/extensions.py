"""Extension instances shared across apps. The SocketIO server is made per app in ``create_app``."""
from flask_babel import Babel

babel = Babel()
