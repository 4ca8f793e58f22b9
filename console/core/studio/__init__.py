"""A studio of rooms: each room's live status, published and read (Qt-free)."""
