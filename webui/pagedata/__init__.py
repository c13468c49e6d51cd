"""Page data, Datasette style: one function per page feeds both the HTML page and its /api JSON twin,
so the two cannot drift apart. Views only render (templates) or serialise (`webui.serialize`)."""
from webui.pagedata.pages import claim, claims, home, method, search, studies, study, topic, topics

__all__ = ["claim", "claims", "home", "method", "search", "studies", "study", "topic", "topics"]
