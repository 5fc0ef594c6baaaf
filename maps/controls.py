"""What sits on the map besides layers: the legend box, the stylesheet, the attribution line."""

from __future__ import annotations

import math
from dataclasses import dataclass

from branca.element import MacroElement
from folium.template import Template

from maps.style import AREA_FILL_OPACITY, BACKGROUND, Look
from maps.text import esc

#: the legend's largest width, in ems of the map's font (the initial view leaves room for it)
LEGEND_EM = 24
#: a legend label longer than this is cut (a route's full title is in its tooltip)
LABEL_CHARS = 100
#: a map narrower than this (a phone) starts with its legend folded and leaves it no room when fitted
NARROW_PX = 640


@dataclass(frozen=True)
class Entry:
    """One legend row: a swatch (``box`` = area, ``dot`` = marker, ``line`` = line) and its label."""

    kind: str
    colour: str
    label: str


@dataclass(frozen=True)
class Section:
    heading: str
    entries: tuple[Entry, ...] = ()
    notes: tuple[str, ...] = ()
    #: entries in two columns, filled top to bottom, to keep the legend low
    two_columns: bool = False


def legend_html(title: str, subtitle: str, sections: list[Section]) -> str:
    """The legend's HTML (a ``<details>`` box: a click on the title folds it); every text and
    colour is escaped here."""
    parts = [f'<details open><summary class="legend-title">{esc(title)}</summary>']
    if subtitle:
        parts.append(f'<div class="legend-sub">{esc(subtitle)}</div>')
    for section in sections:
        parts.append(f'<div class="legend-heading">{esc(section.heading)}</div>')
        rows = math.ceil(len(section.entries) / 2)
        parts.append(f'<div class="legend-grid" style="grid-template-rows: repeat({rows}, auto)">'
                     if section.two_columns else "<div>")
        parts += [
            f'<div class="legend-row"><span class="legend-{esc(e.kind)}" style="--c:{esc(e.colour)}"></span>'
            f"<span>{esc(shorten(e.label))}</span></div>"
            for e in section.entries
        ]
        parts.append("</div>")
        parts += [f'<div class="legend-note">{esc(note)}</div>' for note in section.notes]
    return "".join(parts) + "</details>"


def legend_width_px(look: Look) -> int:
    return LEGEND_EM * look.legend_font_px


def shorten(label: str, chars: int = LABEL_CHARS) -> str:
    return label if len(label) <= chars else label[: chars - 1].rstrip() + "…"


class HtmlControl(MacroElement):
    """A Leaflet control in a corner of the map showing ready, escaped HTML (the legend).

    ``fold_below_px``: on a map narrower than this, a ``<details>`` in the HTML starts closed.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var control = L.control({position: {{ this.position|tojson }}});
            control.onAdd = function (map) {
                var div = L.DomUtil.create("div", {{ this.css_class|tojson }});
                div.innerHTML = {{ this.html|tojson }};
                var details = div.querySelector("details");
                if (details && map.getSize().x < {{ this.fold_below_px|tojson }}) { details.open = false; }
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            control.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, html: str, css_class: str, position: str = "bottomright", fold_below_px: int = 0) -> None:
        super().__init__()
        self._name = "HtmlControl"
        self.html, self.css_class, self.position, self.fold_below_px = html, css_class, position, fold_below_px


class FitView(MacroElement):
    """Shows ``corners`` (south-west, north-east) once the map has its size: clear of the open legend
    on the right on a wide map, edge to edge on a narrow one (whose legend starts folded)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            function fit() {
                var size = map.getSize(), wide = size.x >= {{ this.narrow_px|tojson }};
                if (!size.x || !size.y) {  // an iframe not sized yet: fit once it is
                    map.once("resize", fit);
                    return;
                }
                map.fitBounds({{ this.corners|tojson }}, {
                    paddingTopLeft: wide ? [50, 30] : [40, 10],
                    paddingBottomRight: wide ? [{{ this.legend_px|tojson }} + 20, 30] : [10, 40]
                });
            }
            fit();
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, corners: list[tuple[float, float]], legend_px: int, narrow_px: int = NARROW_PX) -> None:
        super().__init__()
        self._name = "FitView"
        self.corners = [list(corner) for corner in corners]
        self.legend_px, self.narrow_px = legend_px, narrow_px


class MetricScale(MacroElement):
    """A scale bar in kilometres only (folium's ``control_scale`` adds miles too)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.control.scale({imperial: false}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )


class Attribution(MacroElement):
    """Adds a source line to the map's attribution control (bottom right)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Attribution"
        self.text = esc(text)


_CSS = """
html, body { margin: 0; overflow: hidden; }
.leaflet-container { background: %(background)s; font-size: %(font)spx; }
.leaflet-tooltip, .leaflet-popup-content { font-size: %(font)spx; line-height: 1.35; }
.map-legend { background: rgba(255, 255, 255, 0.94); padding: 0.4em 0.65em; border-radius: 6px;
  box-shadow: 0 1px 5px rgba(0, 0, 0, 0.35); max-width: %(legend_em)sem; max-height: calc(100vh - 5em);
  overflow-y: auto; font-size: %(legend_font)spx; line-height: 1.25; color: #222; }
.map-legend details:not([open]) .legend-title { font-size: 1em; }
.legend-title { font-weight: 700; font-size: 1.05em; cursor: pointer; }
.legend-sub { color: #555; }
.legend-heading { font-weight: 600; margin-top: 0.4em; }
.legend-row { display: flex; align-items: center; gap: 0.45em; margin-top: 0.1em; }
.legend-grid { display: grid; grid-auto-flow: column; grid-auto-columns: auto; column-gap: 1em; }
.legend-note { color: #555; font-size: 0.9em; margin-top: 0.15em; }
@media (max-width: %(narrow)spx) { .leaflet-control-attribution { font-size: 9px; line-height: 1.2; } }
.municipality-name span { position: absolute; transform: translate(-50%%, -50%%); white-space: nowrap;
  text-align: center; font-size: 0.9em; font-weight: 600; line-height: 1.05; color: #1a1a1a;
  text-shadow: 0 0 2px #fff, 0 0 2px #fff, 0 0 4px #fff; }
.municipality-name small { font-size: 0.8em; font-weight: 400; }
.legend-box { flex: none; width: 1.2em; height: 0.85em; border: 1px solid #777;
  background: color-mix(in srgb, var(--c) %(fill_percent)s%%, %(background)s); }
.legend-dot { flex: none; width: 0.85em; height: 0.85em; border-radius: 50%%; background: var(--c);
  border: 2px solid #fff; box-shadow: 0 0 0 1px #444; }
.legend-line { flex: none; width: 1.6em; border-top: 0.3em solid var(--c); }
.space-dot { width: 100%%; height: 100%%; box-sizing: border-box; border-radius: 50%%; border: 2px solid #fff;
  box-shadow: 0 0 2px 1px rgba(0, 0, 0, 0.6); }
.route-stop div { width: 100%%; height: 100%%; box-sizing: border-box; border-radius: 50%%; border: 2px solid #fff;
  color: #fff; font-weight: 700; font-size: %(badge_font)spx; display: flex; align-items: center;
  justify-content: center; box-shadow: 0 0 2px 1px rgba(0, 0, 0, 0.5); }
.map-info b { display: block; margin-bottom: 0.2em; }
.map-info table { border-collapse: collapse; }
.map-info th { text-align: left; font-weight: normal; color: #555; padding: 0 0.8em 0 0; }
.map-info td { text-align: right; font-weight: 600; padding: 0; }
"""


#: presentation mode: the page sizes streamlit-folium's iframe to the screen, and the map fills the iframe
_FILL_THE_IFRAME = "#map_div { height: 100vh !important; }\n"


class MapStyle(MacroElement):
    """The maps' stylesheet, in the page header (sizes from the desk or projector look; the projector's
    map as tall as its iframe, whose height the page sets: ``ui/map_page/presentation.py``)."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
        """
    )

    def __init__(self, look: Look) -> None:
        super().__init__()
        self._name = "MapStyle"
        self.css = _CSS % {
            "background": BACKGROUND, "fill_percent": round(100 * AREA_FILL_OPACITY), "font": look.font_px,
            "legend_font": look.legend_font_px,
            "badge_font": round(look.badge_px * 0.55), "legend_em": LEGEND_EM, "narrow": NARROW_PX - 1,
        } + (_FILL_THE_IFRAME if look.fills_its_frame else "")
