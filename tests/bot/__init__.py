"""Tests of the Telegram bot (unit, handler and end-to-end)."""
