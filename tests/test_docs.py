"""The README and the packaging tell a new user the truth (each check once failed)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_says_how_to_reach_kutip_after_make_run() -> None:
    assert ".venv/bin/kutip" in README
    assert "source .venv/bin/activate" in README


def test_readme_names_sources_md_with_its_path() -> None:
    mentions = [line for line in README.splitlines() if "SOURCES.md" in line]
    assert mentions
    assert all("../shared/eval/SOURCES.md" in line for line in mentions)


def test_readme_has_no_stale_expected_failure_claim() -> None:
    assert "expected failure" not in README
    marker = "pytest.mark." + "xfail"
    xfails = [p for p in (REPO / "tests").rglob("*.py") if marker in p.read_text()]
    assert not xfails, "README says no test is an expected failure"


def test_editable_install_gives_no_same_name_warning(tmp_path: Path) -> None:
    """setuptools warns about "folders with the same name as your package" unless the
    editable install is a plain path entry (package-dir = {"" = "."})."""
    script = (
        "import sys; from setuptools import build_meta; "
        f"print(build_meta.build_editable({str(tmp_path)!r}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "same name as your package" not in done.stdout + done.stderr
    wheel = next(tmp_path.glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    pth = [n for n in names if n.endswith(".pth")]
    assert pth and not any("finder" in n for n in names)
