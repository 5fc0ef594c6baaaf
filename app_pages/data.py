"""Data: what is loaded, templates, upload, save and undo (being built)."""

from ui import context
from ui.widgets import page_header

ctx = context.current()
page_header(ctx, "page.data")
