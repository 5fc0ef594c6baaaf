"""Fuzz: mutated copies of the demo files (bytes flipped, lines cut or doubled, separators, line ends and
encodings mixed, stray marks inserted). ``load_dataset`` and ``python -m loaders check`` must always
end with a report: never an exception, never a traceback, never an "unexpected fault" problem.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from loaders import cli, load_dataset

DEMO = Path(__file__).resolve().parents[1] / "data"
FILES = sorted(p.name for p in DEMO.glob("*.csv"))
#: rules that mean the loader itself failed: the fuzz must never meet them
FAULTS = {"internal_error", "file_failed"}


def _flip(data: bytes, position: int, byte: int) -> bytes:
    position %= max(len(data), 1)
    return data[:position] + bytes([byte]) + data[position + 1:]


def _lines(data: bytes, change: str, line: int) -> bytes:
    lines = data.split(b"\n")
    line %= len(lines)
    if change == "cut":
        del lines[line]
    elif change == "double":
        lines.insert(line, lines[line])
    else:  # "truncate": a file cut off in the middle of a line
        return b"\n".join(lines[:line]) + b"\n" + lines[line][: len(lines[line]) // 2]
    return b"\n".join(lines)


def _recode(data: bytes, how: str) -> bytes:
    text = data.decode("cp1257")
    return {
        "utf8": text.encode("utf-8"),
        "utf8-bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf16": text.encode("utf-16"),
        "commas": text.replace(";", ",").encode("cp1257"),
        "cr-only": text.replace("\r\n", "\r").encode("cp1257"),
        "lf-only": text.replace("\r\n", "\n").encode("cp1257"),
        "bom-inside": (text[: len(text) // 2] + "\ufeff" + text[len(text) // 2:]).encode("utf-8"),
        "zero-width": text.replace(";", ";\u200b", 3).encode("utf-8"),
        "nfd": unicodedata.normalize("NFD", text).encode("utf-8"),
        "quote": text.replace(";", ';"', 1).encode("cp1257"),
    }[how]


mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 1 << 20), st.integers(0, 255)),
    st.tuples(st.just("lines"), st.sampled_from(["cut", "double", "truncate"]), st.integers(0, 1 << 16)),
    st.tuples(st.just("recode"), st.sampled_from(["utf8", "utf8-bom", "utf16", "commas", "cr-only", "lf-only",
                                                  "bom-inside", "zero-width", "nfd", "quote"])),
)


def mutate(data: bytes, steps: list[tuple]) -> bytes:
    for step in steps:
        if step[0] == "flip":
            data = _flip(data, step[1], step[2])
        elif step[0] == "lines":
            data = _lines(data, step[1], step[2])
        else:
            with contextlib.suppress(UnicodeDecodeError):  # an earlier step may have broken cp1257 already
                data = _recode(data, step[1])
    return data


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
          phases=(Phase.explicit, Phase.reuse, Phase.generate))
@given(changes=st.dictionaries(st.sampled_from(FILES), st.lists(mutation, min_size=1, max_size=3), min_size=1,
                               max_size=2))
def test_mutated_demo_files_always_end_in_a_report(tmp_path_factory, changes) -> None:
    folder = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(DEMO, folder)
    for name, steps in changes.items():
        (folder / name).write_bytes(mutate((DEMO / name).read_bytes(), steps))

    result = load_dataset(folder)  # must not raise
    assert not {p.rule for p in result.problems} & FAULTS, [p for p in result.problems if p.rule in FAULTS]
    for problem in result.problems:
        problem.message("lv"), problem.message("en")

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(["check", str(folder), "--json"])
    assert status in (0, 1)
    assert "Traceback" not in out.getvalue() + err.getvalue()
    assert json.loads(out.getvalue())["ok"] is result.ok
