"""Show review (直播复盘): stored shows listed, opened, explained, compared and reported. No Qt."""
