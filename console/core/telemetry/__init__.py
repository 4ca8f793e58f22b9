"""Live telemetry, Qt-free: one monotonic time base, 1 Hz samples in ring buffers, markers, storage."""
