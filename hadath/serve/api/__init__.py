"""The HTTP API's endpoints, one module per resource."""
from . import actors, analyze, articles, events, ingest, stats

ROUTERS = (events.router, articles.router, actors.router, stats.router, analyze.router,
           ingest.router)
