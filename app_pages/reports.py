"""Reports for the rural development programme (being built)."""

from ui import context
from ui.widgets import page_header

ctx = context.current()
page_header(ctx, "page.reports")
