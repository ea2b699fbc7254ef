"""Built-in pipeline stages; importing this package registers them (see hadath.pipeline)."""
from . import text, mentions, actors, times, places, quotes, events, salience  # noqa: F401
