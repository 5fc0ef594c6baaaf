"""The municipalities' names as labels at their centres (the layer "Pašvaldību nosaukumi", off by default).

The labels sit in a pane of their own above the areas and below the lines and dots, and take no
clicks or hovers (the municipality's tooltip and the spaces' popups stay as they are). Where two
labels would overlap at the current zoom, the less important one is hidden until the map is zoomed
in: the state cities first (Rīga, Jūrmala, ...), then the municipalities by area, largest first.
A name ending in "novads" is written on two lines, to keep the labels narrow.
"""

from __future__ import annotations

import folium
from branca.element import MacroElement
from folium.template import Template

from maps.geo import areas, centroids
from maps.text import esc

#: above the areas (overlays: 400) and below the markers (600)
NAME_PANE = "municipality-names"
NAME_PANE_Z_INDEX = 450
_SUFFIX = " novads"


def label_html(name: str) -> str:
    """``Mārupes<br><small>novads</small>``; a city's name as it is; escaped."""
    if name.endswith(_SUFFIX):
        return f"{esc(name.removesuffix(_SUFFIX))}<br><small>{esc(_SUFFIX.strip())}</small>"
    return esc(name)


def label_order() -> list[str]:
    """The municipalities in the order their labels win a place: cities, then the largest first."""
    size = areas()
    return sorted(centroids(), key=lambda name: (name.endswith(_SUFFIX), -size[name], name))


class MunicipalityNames(MacroElement):
    """A label per municipality at its centre; overlapping ones hidden after every zoom and pan."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var labels = {{ this.labels|tojson }}.map(function (label) {
                return L.marker(label.location, {
                    pane: {{ this.pane|tojson }}, interactive: false, keyboard: false,
                    icon: L.divIcon({className: "municipality-name", iconSize: [0, 0],
                                     html: "<span>" + label.html + "</span>"})
                }).addTo(map);
            });
            function overlaps(a, b) {
                return a.left < b.right + 2 && b.left < a.right + 2 && a.top < b.bottom + 1 && b.top < a.bottom + 1;
            }
            function declutter() {
                var kept = [];
                labels.forEach(function (marker) {
                    var element = marker.getElement(), text = element && element.firstChild;
                    if (!text) { return; }
                    text.style.visibility = "";
                    var box = text.getBoundingClientRect();
                    if (kept.some(function (other) { return overlaps(box, other); })) {
                        text.style.visibility = "hidden";
                    } else {
                        kept.push(box);
                    }
                });
            }
            map.on("zoomend moveend resize", declutter);
            declutter();
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "MunicipalityNames"
        points = centroids()
        self.pane = NAME_PANE
        self.labels = [{"location": list(points[name]), "html": label_html(name)} for name in label_order()]


def add_names(m: folium.Map) -> None:
    folium.map.CustomPane(NAME_PANE, z_index=NAME_PANE_Z_INDEX, pointer_events=False).add_to(m)
    MunicipalityNames().add_to(m)
