"""The Map page's parts: its choices, the map component, the clicked space's panel, presentation mode."""
