"""The console's Qt-free core: rooms, telemetry, storage, reports — everything a room needs without a window."""
