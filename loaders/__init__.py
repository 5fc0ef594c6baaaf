"""Reading, detecting and validating the partnership's data files (no Streamlit here).

Entry point: :func:`load_dataset`, which returns the typed tables *or* nothing, plus every
problem found and what was detected per file.
"""

from loaders.dataset import Dataset, LoadResult, folder_fingerprint, load_dataset, table_files
from loaders.problems import FileInfo, Problem

__all__ = ["Dataset", "FileInfo", "LoadResult", "Problem", "folder_fingerprint", "load_dataset", "table_files"]
