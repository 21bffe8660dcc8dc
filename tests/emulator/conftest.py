from .fixtures import bot_api_emulator, bot_api_emulator_process  # noqa: F401
