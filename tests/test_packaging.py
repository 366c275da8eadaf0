"""The built package works on its own: wheel and sdist, installed in a fresh venv."""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel and an sdist built from this checkout."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return out


def only(folder: Path, pattern: str) -> Path:
    (found,) = folder.glob(pattern)
    return found


def test_the_wheel_holds_the_content_styles_and_types_and_nothing_stray(
    dist: Path,
) -> None:
    names = zipfile.ZipFile(only(dist, "*.whl")).namelist()
    assert "reader/content/do-therapists-go-to-therapy.md" in names
    assert "reader/ui/reader.tcss" in names
    assert "reader/py.typed" in names
    packaged = {name.split("/")[0] for name in names}
    assert packaged == {
        "reader",
        f"{only(dist, '*.whl').name.split('-py3')[0]}.dist-info",
    }
    assert not [
        name for name in names if "__pycache__" in name or name.endswith(".pyc")
    ]
    assert not [name for name in names if name.startswith(("tests/", "bench/"))]


def test_the_sdist_holds_the_sources_and_content(dist: Path) -> None:
    with tarfile.open(only(dist, "*.tar.gz")) as archive:
        names = archive.getnames()
    root = names[0].split("/")[0]
    for expected in (
        "pyproject.toml",
        "README.md",
        "LICENSE",
        "content/do-therapists-go-to-therapy.md",
        "reader/ui/reader.tcss",
        "reader/py.typed",
    ):
        assert f"{root}/{expected}" in names
    assert not [name for name in names if "/.venv/" in name or "__pycache__" in name]


def install(tmp_path: Path, package: Path) -> Path:
    """A fresh venv with `package` installed; returns its `reader` script."""
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    subprocess.run(
        [str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", str(package)],
        check=True,
        capture_output=True,
    )
    return env / "bin" / "reader"


def outline_from_elsewhere(reader: Path, tmp_path: Path) -> dict[str, object]:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [str(reader), "--outline", "--json"],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "READER_DATA_DIR": str(tmp_path / "data")},
    )
    outline: dict[str, object] = json.loads(result.stdout)
    return outline


def test_an_installed_wheel_reads_the_bundled_article_from_any_folder(
    dist: Path, tmp_path: Path
) -> None:
    reader = install(tmp_path, only(dist, "*.whl"))
    outline = outline_from_elsewhere(reader, tmp_path)
    assert outline["title"] == "Do therapists go to therapy?"
    sections = outline["sections"]
    assert isinstance(sections, list) and len(sections) == 12


def test_the_sdist_builds_a_working_wheel(dist: Path, tmp_path: Path) -> None:
    reader = install(tmp_path, only(dist, "*.tar.gz"))
    outline = outline_from_elsewhere(reader, tmp_path)
    assert outline["title"] == "Do therapists go to therapy?"
    version = subprocess.run(
        [str(reader), "--version"], check=True, capture_output=True, text=True
    )
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "version"
    ]
    assert version.stdout.strip() == f"reader {declared}"
