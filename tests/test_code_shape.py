"""The shape of the code: no function in src/ over 100 lines. A longer one is a module (or a few
named steps) waiting to be written, and the hardest place to change one thing in one step."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "rapport"
MAX_LINES = 100


def long_functions(root: Path, limit: int, skip: tuple[Path, ...] = ()) -> list[str]:
    """``path:line name (N lines)`` of every function or method longer than ``limit`` lines,
    decorators left out."""
    found = []
    for path in sorted(root.rglob("*.py")):
        if any(path.is_relative_to(s) for s in skip):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > limit:
                    where = path.relative_to(root.parent)
                    found.append(f"{where}:{node.lineno} {node.name} ({lines} lines)")
    return found


def test_no_function_is_over_100_lines() -> None:
    assert long_functions(SRC, MAX_LINES) == []


def test_the_check_sees_a_long_function(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_LINES))
    (tmp_path / "m.py").write_text(f"def short():\n    pass\n\n\ndef long():\n{body}\n")
    assert long_functions(tmp_path, MAX_LINES) == [f"{tmp_path.name}/m.py:5 long (101 lines)"]
