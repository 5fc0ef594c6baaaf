"""Report and export builders (no Streamlit here).

``assemble_report`` gathers a project's figures from ``metrics`` once into a
:class:`~reports.model.Report`; ``reports.build.build(report, fmt)`` turns that one object into
JSON, Excel, Word, PDF or the events CSV. ``python -m reports`` is the command line.
"""

from reports.assemble import UnknownProject, assemble_network_report, assemble_report, project_codes, report_years
from reports.model import Report

__all__ = ["Report", "UnknownProject", "assemble_network_report", "assemble_report", "project_codes", "report_years"]
