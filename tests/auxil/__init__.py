"""Auxiliary functions shared by the test packages (as python-telegram-bot's tests/auxil)."""
