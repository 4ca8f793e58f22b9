"""Alerts to where the team already talks: WeCom, DingTalk and Feishu/Lark group robots, Slack incoming webhooks and
a generic JSON webhook. No Qt.

- `config`: which destinations a studio has and which rooms, severities and states each one hears (alerts.json);
- `platforms`: each platform's documented request (payload, signature) and its answers, said in words;
- `rules`: the router the room sessions feed with health changes: matched, deduplicated per finding episode,
  rate-limited per destination, with a "resolved" follow-up;
- `sender`: the one thread that posts, with a bounded queue, so that a slow or dead webhook never delays anyone.

The webhook addresses and signing secrets live in the OS keyring (console.core.rooms.Secrets, kind "alerts"),
never in alerts.json and never in a log line.
"""
