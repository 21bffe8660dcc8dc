"""Local Telegram Bot API emulator for end-to-end tests (see README.md)."""

from .client import BotApiEmulator, EmulatorError, ensure_node_modules, node_available

__all__ = ["BotApiEmulator", "EmulatorError", "ensure_node_modules", "node_available"]
