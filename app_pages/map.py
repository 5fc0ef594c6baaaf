"""Map: spaces, municipalities and study-visit routes (being built)."""

from ui import context
from ui.widgets import page_header

ctx = context.current()
page_header(ctx, "page.map")
