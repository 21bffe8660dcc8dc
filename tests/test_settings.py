"""Settings: documented env names, clear errors for bad values."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kutip.errors import ConfigError
from kutip.settings import load_settings, prepare_process_env


def test_defaults() -> None:
    settings = load_settings()
    assert settings.data_dir == Path("./data")
    assert settings.embedding_backend == "auto" and settings.embedding_dtype == "auto"
    assert settings.embedding_model is None  # the bundled e5 weights
    assert settings.chroma_host is None and not settings.uses_chroma_server
    assert settings.admin_ids == frozenset() and settings.allowed_chat_ids is None


def test_documented_environment_names(monkeypatch: pytest.MonkeyPatch) -> None:
    env = {
        "KUTIP_DATA_DIR": "/srv/kutip", "KUTIP_EMBEDDING_BACKEND": "sentence-transformers",
        "KUTIP_EMBEDDING_MODEL": "/models/e5", "CHROMA_HOST": "chroma", "CHROMA_PORT": "8001",
        "TELEGRAM_BOT_TOKEN": "123:abc", "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9000/bot",
        "KUTIP_ADMIN_IDS": "1, 2 3", "KUTIP_ALLOWED_CHAT_IDS": "-100123",
        "KUTIP_ARTICLE_SOURCES": "articles/, https://example.org/feed.xml",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    s = load_settings()
    assert s.data_dir == Path("/srv/kutip") and s.embedding_model == "/models/e5"
    assert s.embedding_backend == "sentence-transformers"
    assert (s.chroma_host, s.chroma_port, s.uses_chroma_server) == ("chroma", 8001, True)
    assert s.telegram_bot_token is not None and s.telegram_bot_token.get_secret_value() == "123:abc"
    assert "123:abc" not in repr(s), "the token never shows in logs or reprs"
    assert s.admin_ids == {1, 2, 3} and s.allowed_chat_ids == {-100123}
    assert s.article_sources == ["articles/", "https://example.org/feed.xml"]


def test_dotenv_file_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("KUTIP_DATA_DIR=/from/dotenv\nCHROMA_HOST=\n")
    settings = load_settings()
    assert settings.data_dir == Path("/from/dotenv") and settings.chroma_host is None


@pytest.mark.parametrize(("name", "value", "needle"), [
    pytest.param("KUTIP_EMBEDDING_BACKEND", "word2vec", "KUTIP_EMBEDDING_BACKEND", id="backend"),
    pytest.param("CHROMA_PORT", "http", "CHROMA_PORT", id="port-not-int"),
    pytest.param("CHROMA_PORT", "70000", "CHROMA_PORT", id="port-range"),
    pytest.param("KUTIP_ADMIN_IDS", "alice,bob", "integer ids", id="admin-ids"),
    pytest.param("TELEGRAM_API_BASE_URL", "api.telegram.org", "http", id="base-url"),
    pytest.param("KUTIP_CHUNK_SIZE", "5", "KUTIP_CHUNK_SIZE", id="chunk-size"),
])
def test_bad_values_give_one_clear_message(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, needle: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match="invalid configuration") as info:
        load_settings()
    assert needle in str(info.value)


@pytest.mark.parametrize(("value", "offline"), [("1", True), ("true", True), ("", False),
                                                 ("0", False), ("maybe", False)])
def test_hf_hub_offline_is_read_like_huggingface_hub(
    monkeypatch: pytest.MonkeyPatch, value: str, offline: bool
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", value)
    assert load_settings().hf_hub_offline is offline


def test_prepare_process_env_keeps_an_explicit_omp_wait_policy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OMP_WAIT_POLICY", "ACTIVE")
    prepare_process_env()
    assert os.environ["OMP_WAIT_POLICY"] == "ACTIVE"
    monkeypatch.delenv("OMP_WAIT_POLICY")
    prepare_process_env()
    assert os.environ["OMP_WAIT_POLICY"] == "PASSIVE"
