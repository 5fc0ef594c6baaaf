"""The Data page's parts: what is loaded, templates and the data zip, upload → check → diff → save,
history and undo, the staff password."""
