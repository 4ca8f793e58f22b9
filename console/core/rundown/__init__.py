"""The rundown (直播脚本): a show's plan as ordered segments, run live against the room's OBS. Qt-free."""
