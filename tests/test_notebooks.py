"""The notebooks run top to bottom on the example articles, and are stored without outputs."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = ("01_build_and_explore", "02_sparql", "03_quality")
KERNEL = "newsgraph-tests"
CELL_TIMEOUT = 300
ACCURACY = {"conll": {"PER": {"p": 0.9, "r": 0.8, "f1": 0.847, "tp": 8, "fp": 1, "fn": 2},
                      "ORG": {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}}}


def _kernel_manager(folder: Path) -> KernelManager:
    """A kernel that runs this interpreter (the project's venv), whatever kernels are installed."""
    spec = folder / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": "newsgraph tests", "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    specs = KernelSpecManager(kernel_dirs=[str(folder)])
    return KernelManager(kernel_name=KERNEL, kernel_spec_manager=specs)


def _run(name: str, tmp_path: Path) -> nbformat.NotebookNode:
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    client = NotebookClient(notebook, km=_kernel_manager(tmp_path / "kernels"),
                            timeout=CELL_TIMEOUT, resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    return notebook


def _text(notebook: nbformat.NotebookNode) -> str:
    """All text the notebook printed or displayed (stream, plain text and HTML outputs)."""
    parts: list[str] = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            data: dict[str, Any] = output.get("data", {})
            parts.extend(str(data.get(kind, "")) for kind in ("text/plain", "text/html"))
    return "\n".join(parts)


def _images(notebook: nbformat.NotebookNode) -> int:
    return sum("image/png" in output.get("data", {})
               for cell in notebook.cells for output in cell.get("outputs", []))


@pytest.fixture()
def out_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    out = tmp_path / "out"
    monkeypatch.setenv("NEWSGRAPH_NOTEBOOK_OUT", str(out))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    return out


@pytest.mark.parametrize("name", NAMES)
def test_notebook_is_stored_without_outputs(name: str) -> None:
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert (NOTEBOOKS / f"{name}.ipynb").stat().st_size < 40_000


def test_build_and_explore(out_dir: Path, tmp_path: Path) -> None:
    notebook = _run("01_build_and_explore", tmp_path)
    text = _text(notebook)
    assert (out_dir / "graph.ttl").is_file()
    assert (out_dir / "graph.html").is_file()
    assert "articles read, 0 input(s) failed" in text
    assert "<iframe srcdoc=" in text
    assert "pagerank" in text
    assert _images(notebook) == 1


def test_sparql(out_dir: Path, tmp_path: Path) -> None:
    notebook = _run("02_sparql", tmp_path)
    text = _text(notebook)
    assert "who-discussed-with" in text
    assert "discussedWith statements" in text
    assert "triples in" in text
    assert (out_dir / "oxigraph-store").is_dir()
    assert _images(notebook) == 1


def test_quality_without_accuracy_results(out_dir: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_ACCURACY", str(tmp_path / "missing.json"))
    monkeypatch.setenv("NEWSGRAPH_RELIABILITY", str(tmp_path / "missing-reliability.json"))
    notebook = _run("03_quality", tmp_path)
    text = _text(notebook)
    assert "No accuracy results at" in text and "No reliability results at" in text
    assert "negated" in text
    assert _images(notebook) == 1


def test_quality_plots_accuracy_results(out_dir: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    results = tmp_path / "accuracy.json"
    results.write_text(json.dumps(ACCURACY), encoding="utf-8")
    monkeypatch.setenv("NEWSGRAPH_ACCURACY", str(results))
    bins = tmp_path / "reliability.json"
    bins.write_text(json.dumps([
        {"set": "dwie", "bin": "[0.9, 1.0]", "n": 20, "precision": 0.95},
        {"set": "dwie", "bin": "[0.8, 0.9)", "n": 10, "precision": 0.9},
        {"set": "dwie", "bin": "[0.7, 0.8)", "n": 0, "precision": None},
        {"set": "dwie", "bin": ">= 0.8", "n": 30, "precision": 0.9333}]), encoding="utf-8")
    monkeypatch.setenv("NEWSGRAPH_RELIABILITY", str(bins))
    notebook = _run("03_quality", tmp_path)
    text = _text(notebook)
    assert "No accuracy results" not in text and "No reliability results" not in text
    assert "0.847" in text and "0.9333" in text
    assert _images(notebook) == 3
