"""The status bar's network light agrees with the frames the network dropped (walk13: with OBS dropping 55–66 % of
its frames over a slow uplink, the light flipped between "mediocre" and "good" every second or two, following OBS's
congestion figure alone, beside a critical network finding)."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from obs.messages import LinkState, LinkStatus
from obs.stats import Rates
from tests.gui.test_start_and_idle_costs import rates
from widgets.connection_status import ConnectionStatus


def shown(status: ConnectionStatus, sample: Rates) -> str:
    status.set_rates(sample)
    return status.network.text()


def test_the_light_never_says_good_while_the_network_drops_frames(qtbot: QtBot) -> None:
    status = ConnectionStatus(lambda s, _now: s.state.value)
    qtbot.addWidget(status)
    status.set_status(LinkStatus(LinkState.CONNECTED, 0.0))
    live = rates(streaming=True)
    # OBS's congestion as walk13's monitor saw it under the shaped uplink: 0.1–1.0 from one poll to the next.
    for congestion in (1.0, 0.1, 0.9, 0.1, 0.1, 0.1, 0.1, 0.1):
        text = shown(status, replace(live, congestion=congestion, network_drop_pct=66.0))
        assert "bad" in text, (congestion, text)
    status.set_rates(rates(streaming=False))  # a new stream: the congestion average starts again
    assert "mediocre" in shown(status, replace(live, congestion=0.0, network_drop_pct=2.0))
    assert "excellent" in shown(status, replace(live, congestion=0.0, network_drop_pct=0.0))
    assert "good" in shown(status, replace(live, congestion=0.2, network_drop_pct=None))
