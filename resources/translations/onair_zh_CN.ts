<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../widgets/about_dialog.py" line="22"/>
        <source>About OnAir Console</source>
        <translation>关于 OnAir 直播中控台</translation>
    </message>
    <message>
        <location filename="../../widgets/about_dialog.py" line="23"/>
        <source>OnAir Console</source>
        <translation>OnAir 直播中控台</translation>
    </message>
    <message>
        <location filename="../../widgets/about_dialog.py" line="25"/>
        <source>A control console for the live-streaming room, driving OBS Studio over obs-websocket.</source>
        <translation>直播间中控台，通过 obs-websocket 操控 OBS Studio。</translation>
    </message>
    <message>
        <location filename="../../widgets/about_dialog.py" line="31"/>
        <source>Qt %1 (PySide6 %2)</source>
        <translation>Qt %1（PySide6 %2）</translation>
    </message>
    <message>
        <location filename="../../widgets/about_dialog.py" line="35"/>
        <source>Console:</source>
        <translation>中控台：</translation>
    </message>
    <message>
        <location filename="../../widgets/about_dialog.py" line="36"/>
        <source>OBS Studio:</source>
        <translation>OBS Studio：</translation>
    </message>
    <message>
        <location filename="../../widgets/about_dialog.py" line="37"/>
        <source>obs-websocket:</source>
        <translation>obs-websocket：</translation>
    </message>
    <message>
        <location filename="../../widgets/about_dialog.py" line="38"/>
        <source>Qt:</source>
        <translation>Qt：</translation>
    </message>
    <message>
        <location filename="../../widgets/about_dialog.py" line="39"/>
        <source>Python:</source>
        <translation>Python：</translation>
    </message>
    <message>
        <location filename="../../widgets/about_dialog.py" line="56"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <location filename="../../console/core/alerts/config.py" line="87"/>
        <source>alert destination {number}: {what}</source>
        <extracomment>The rooms it hears; empty: every room. The team&apos;s language: every alert is written in it.</extracomment>
        <translation>第 {number} 个告警目的地：{what}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/config.py" line="95"/>
        <source>it is not an object</source>
        <translation>它不是一个对象</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/config.py" line="98"/>
        <source>its name must be text of 1 to 200 characters</source>
        <translation>名称须为 1 到 200 个字符的文字</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/config.py" line="102"/>
        <source>its platform must be one of {platforms}</source>
        <translation>平台须为以下之一：{platforms}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/config.py" line="107"/>
        <source>its rooms must be a list of room names</source>
        <translation>“rooms” 须为直播间名称的列表</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/config.py" line="110"/>
        <source>its min_severity must be info, warning or critical</source>
        <translation>“min_severity” 须为 “info”、“warning” 或 “critical”</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/config.py" line="113"/>
        <source>its only_on_air must be true or false</source>
        <translation>“only_on_air” 须为 “true” 或 “false”</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/config.py" line="121"/>
        <source>alerts.json is not a version {version} file</source>
        <translation>“alerts.json” 不是第 {version} 版的文件</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/config.py" line="125"/>
        <source>alerts.json: language must be en or zh_CN</source>
        <translation>“alerts.json”：语言须为 “en” 或 “zh_CN”</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/config.py" line="128"/>
        <source>alerts.json: destinations must be a list</source>
        <translation>“alerts.json”：“destinations” 须为列表</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/config.py" line="133"/>
        <source>the name “{name}” is used twice</source>
        <translation>名称“{name}”用了两次</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/config.py" line="141"/>
        <source>{path} is too large to be an alerts file</source>
        <translation>{path} 太大，不是告警配置文件</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/config.py" line="147"/>
        <location filename="../../console/core/alerts/config.py" line="155"/>
        <source>{path} cannot be read: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/config.py" line="178"/>
        <source>{path} could not be saved: {error}</source>
        <translation>{path} 无法保存：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/platforms.py" line="175"/>
        <source>WeCom says the robot sends too often (over 20 a minute)</source>
        <extracomment>The platforms&apos; proper names (not translated). Each platform&apos;s documented sending limit: (messages, per seconds) windows, all of which must allow a send. Platforms whose robots can sign their requests with a secret. How long to wait when a platform says &quot;too fast&quot; without saying for how long.</extracomment>
        <translation>企业微信表示机器人发送过于频繁（每分钟超过 20 条）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/platforms.py" line="176"/>
        <source>WeCom does not know this webhook key: check the robot&apos;s address</source>
        <translation>企业微信不认识这个机器人密钥：请检查机器人的地址</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/platforms.py" line="180"/>
        <source>DingTalk refused the signature (or a keyword or IP rule): check the robot&apos;s signing secret and this machine&apos;s clock</source>
        <translation>钉钉拒绝了签名（或关键词、IP 规则）：请检查机器人的加签密钥和本机时钟</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/platforms.py" line="187"/>
        <source>DingTalk says the robot sends too often (over 20 a minute)</source>
        <translation>钉钉表示机器人发送过于频繁（每分钟超过 20 条）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/platforms.py" line="188"/>
        <source>DingTalk does not know this robot&apos;s token: check its address</source>
        <translation>钉钉不认识这个机器人的令牌：请检查它的地址</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/platforms.py" line="192"/>
        <source>Feishu refused the signature: check the bot&apos;s signing secret and this machine&apos;s clock</source>
        <translation>飞书拒绝了签名：请检查机器人的签名校验密钥和本机时钟</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/platforms.py" line="198"/>
        <source>Feishu says the bot sends too often</source>
        <translation>飞书表示机器人发送过于频繁</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/platforms.py" line="199"/>
        <source>Feishu refused the message: it lacks the bot&apos;s keyword</source>
        <translation>飞书拒绝了消息：缺少机器人设置的关键词</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/platforms.py" line="218"/>
        <source>too many messages: the platform asks to wait {wait}</source>
        <translation>消息过多：平台要求等待 {wait}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/platforms.py" line="231"/>
        <source>the platform&apos;s server failed (HTTP {status})</source>
        <translation>平台的服务器出错（HTTP {status}）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/platforms.py" line="243"/>
        <location filename="../../console/core/alerts/platforms.py" line="266"/>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/platforms.py" line="259"/>
        <source>the platform refused the message: error {code} {detail}</source>
        <translation>平台拒绝了消息：错误 {code} {detail}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/platforms.py" line="271"/>
        <source>the platform refused the message: HTTP {code} {detail}</source>
        <translation>平台拒绝了消息：HTTP {code} {detail}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/platforms.py" line="282"/>
        <source>the platform did not answer in time</source>
        <translation>平台未及时应答</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/platforms.py" line="284"/>
        <source>the platform cannot be reached</source>
        <translation>无法连接到平台</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="69"/>
        <source>[{room}] {severity}: {title}</source>
        <translation>[{room}] {severity}：{title}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="70"/>
        <source>[{room}] resolved: {title}</source>
        <translation>[{room}] 已恢复：{title}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="73"/>
        <source>[{room}] ended, the stream stopped: {title}</source>
        <extracomment>A finding closed because it no longer applies (obs.health.Ended): nothing was resolved.</extracomment>
        <translation>[{room}] 已结束，推流已停止：{title}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="74"/>
        <source>[{room}] ended, OBS out of sight: {title}</source>
        <translation>[{room}] 已结束，已看不到 OBS：{title}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="76"/>
        <source>Since {time}.</source>
        <translation>开始于 {time}。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="78"/>
        <source>Over at {time}, after {lasted}.</source>
        <extracomment>{lasted}: durations.lasting (&quot;25 s&quot;, &quot;3 min&quot;, &quot;2 min 5 s&quot;, &quot;1 h 5 min&quot;).</extracomment>
        <translation>于 {time} 结束，持续 {lasted}。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="81"/>
        <source>Over by {time}. Last known at {last}, after {lasted}; when it ended in between is not known.</source>
        <extracomment>An episode no session saw end (its room was passed to another session, or the console restarted): {time} when the room&apos;s session had judged it long enough without it, {last} when it was last known open.</extracomment>
        <translation>截至 {time} 已结束。最后一次确认问题仍在是 {last}（已持续 {lasted}），其间何时结束未知。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="84"/>
        <source>[{room}] test alert from OnAir Console</source>
        <translation>[{room}] OnAir 直播中控台的测试告警</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="85"/>
        <source>If you read this, the room&apos;s alerts reach this group. Sent at {time}.</source>
        <translation>看到这条消息，说明该直播间的告警能送达本群。发送于 {time}。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/sender.py" line="77"/>
        <source>no webhook address in the keyring: run onair alerts secret</source>
        <extracomment>Seconds to connect, and to wait for the answer: a chat platform answers within a second when it is well. Alerts waiting for the thread; more are counted and said, never queued without bound. Seconds a closing sender still posts what waits (the one in flight then finishes within its own timeout): a console or monitor closing while a webhook hangs exits within seconds, never after 200 timeouts.</extracomment>
        <translation>密钥环中没有推送地址：请运行 `onair alerts secret`</translation>
    </message>
    <message>
        <location filename="../../console/alerts_controller.py" line="51"/>
        <source>the alert queue is full: try again in a moment</source>
        <extracomment>An editor saves a file in several steps (write, rename): read it once they are done.</extracomment>
        <translation>告警队列已满：请稍后再试</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/durations.py" line="15"/>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/durations.py" line="16"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/durations.py" line="17"/>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/durations.py" line="18"/>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/durations.py" line="19"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分钟</translation>
    </message>
</context>
<context>
    <name>AlertsCli</name>
    <message>
        <location filename="../../console/cli.py" line="1979"/>
        <source>no alert destination hears the room “%1” (see alerts.json)</source>
        <translation>没有告警目的地接收直播间“%1”的告警（见 “alerts.json”）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1988"/>
        <source>no webhook address in the keyring: run onair alerts secret %1</source>
        <translation>密钥环中没有推送地址：请运行 `onair alerts secret %1`</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1995"/>
        <source>%1 (%2): %3</source>
        <translation>%1（%2）：%3</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2018"/>
        <source>alerts.json has no destination called “%1”</source>
        <translation>“alerts.json” 中没有名为“%1”的目的地</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2024"/>
        <source>Webhook address: </source>
        <translation>推送地址：</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2028"/>
        <source>Signing secret (empty: the robot does not sign): </source>
        <translation>签名密钥（留空：机器人不签名）：</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2033"/>
        <source>a webhook address starts with https://</source>
        <translation>推送地址须以 https:// 开头</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2040"/>
        <source>Kept in the keyring for %1.</source>
        <translation>已为 %1 保存到密钥环。</translation>
    </message>
</context>
<context>
    <name>AlertsDialog</name>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="87"/>
        <source>Alerts to the team&apos;s chat</source>
        <extracomment>What each platform&apos;s webhook address looks like (a placeholder: where to paste it from).</extracomment>
        <translation>告警推送到团队群</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="96"/>
        <source>A finding of a room&apos;s health (a stream reconnecting, frames dropped, a muted microphone…) is sent once per episode to each destination that hears the room, with a “resolved” when it ends.</source>
        <translation>直播间健康状况的问题（推流重连、丢帧、麦克风静音……）每次发生只推送一次，发给接收该直播间的每个目的地；问题结束时再发一条“已恢复”。</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="103"/>
        <source>Alerts are written in</source>
        <translation>告警使用的语言</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="113"/>
        <location filename="../../widgets/alerts_dialog.py" line="179"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="114"/>
        <location filename="../../widgets/alerts_dialog.py" line="180"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="115"/>
        <location filename="../../widgets/alerts_dialog.py" line="181"/>
        <source>Rooms</source>
        <translation>直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="116"/>
        <location filename="../../widgets/alerts_dialog.py" line="182"/>
        <source>Mildest severity</source>
        <translation>最低严重程度</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="117"/>
        <source>Only on air</source>
        <translation>仅直播中</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="118"/>
        <location filename="../../widgets/alerts_dialog.py" line="184"/>
        <source>Webhook address</source>
        <translation>推送地址</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="131"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="132"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="161"/>
        <source>One room per line; none: every room</source>
        <translation>每行一个直播间；留空：所有直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="166"/>
        <source>Only while the room is on air</source>
        <translation>仅在直播间直播时</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="172"/>
        <source>Send test</source>
        <translation>发送测试</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="185"/>
        <source>Signing secret</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="188"/>
        <source>The webhook address (it holds the robot&apos;s key or token) and the signing secret are kept in the system keyring, never in alerts.json, and are not shown again: type them only to replace them.</source>
        <translation>推送地址（其中含有机器人的密钥或令牌）和签名密钥保存在系统密钥环中，绝不写入 “alerts.json”，也不会再次显示：只有要更换时才需要重新输入。</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="251"/>
        <source>typed, not saved yet</source>
        <translation>已输入，尚未保存</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="253"/>
        <source>kept in the keyring</source>
        <translation>已保存在密钥环</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="255"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="260"/>
        <source>every room</source>
        <translation>所有直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="262"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="262"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="334"/>
        <source>Kept in the keyring: type to replace</source>
        <translation>已保存在密钥环：输入新地址即可更换</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="339"/>
        <source>Empty: the robot does not sign</source>
        <translation>留空：机器人不签名</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="339"/>
        <source>This platform does not sign</source>
        <translation>此平台不使用签名</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="347"/>
        <location filename="../../widgets/alerts_dialog.py" line="349"/>
        <source>Group %1</source>
        <translation>群 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="379"/>
        <source>%1: a webhook address starts with https://</source>
        <translation>%1：推送地址须以 https:// 开头</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="415"/>
        <source>Type the webhook address first.</source>
        <translation>请先输入推送地址。</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="418"/>
        <source>Sending a test alert…</source>
        <translation>正在发送测试告警…</translation>
    </message>
    <message>
        <location filename="../../widgets/alerts_dialog.py" line="428"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../console/app.py" line="116"/>
        <source>Console</source>
        <extracomment>A picture (--screenshot) is of the window at this size, a first start&apos;s unmaximised size, whatever is saved and on whichever screen: every dock of a workspace legible. Without a display the offscreen platform&apos;s one screen is made this size (its own is 800×800, with 2 px frames: the window fitted to it came out 1162×796, then 796×796). numpy is imported this long after start-up, off the GUI thread (console/core/telemetry/ring.py): after the window has populated, before the telemetry ring needs it. The show&apos;s database opens once the window has painted the connected room, or this long after start-up at the latest (an OBS that does not answer): the hold is put on in Console._build (storage_use.hold_openings) and lifted by _ConnectedRoomPainted, this timer, a failed start or shutdown.</extracomment>
        <translation>中控台</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="321"/>
        <source>Checklist files with problems: %1. The Checklist dock lists them with file and line.</source>
        <translation>有问题的检查单文件：%1 个。“检查单”面板列出了每个问题所在的文件和行。</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="408"/>
        <source>there is no room called “%1” (rooms: %2)</source>
        <translation>没有名为“%1”的直播间（已保存的直播间：%2）</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="431"/>
        <source>OBS found</source>
        <translation>发现 OBS</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="432"/>
        <source>An OBS is running on this computer (127.0.0.1:4455). Connect to it instead of the demo room?</source>
        <translation>这台电脑上正在运行 OBS（127.0.0.1:4455）。要连接它，而不是打开演示直播间吗？</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="442"/>
        <source>OBS password</source>
        <translation>OBS 密码</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="443"/>
        <source>Password (OBS: Tools → WebSocket Server Settings):</source>
        <translation>密码（在 OBS 的 工具 → WebSocket 服务器设置 中查看）：</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="448"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="490"/>
        <source>The room&apos;s audience source cannot run: %1</source>
        <translation>本直播间的观众数据来源无法运行：%1</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="572"/>
        <location filename="../../console/app.py" line="626"/>
        <location filename="../../console/app.py" line="668"/>
        <source>There is no room called “%1”.</source>
        <translation>没有名为“%1”的直播间。</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="700"/>
        <source>The alert to “%1” was not delivered: %2</source>
        <translation>发往“%1”的告警未送达：%2</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="712"/>
        <source>alerts.json cannot be used, so the alerts keep their last good settings: %1</source>
        <translation>“alerts.json” 无法使用，告警继续沿用上一次正确的设置：%1</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="714"/>
        <source>alerts.json cannot be used, so no alerts are sent: %1</source>
        <translation>“alerts.json” 无法使用，因此不发送告警：%1</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="705"/>
        <location filename="../../console/app.py" line="718"/>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="167"/>
        <source>“%1” is not an obs-websocket address: write it as ws://HOST:PORT, e.g. ws://127.0.0.1:4455.</source>
        <translation>“%1”不是 obs-websocket 地址：请写成 ws://主机:端口，例如 ws://127.0.0.1:4455。</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="177"/>
        <source>The port in “%1” must be a number from 1 to 65535 (OBS&apos;s default is 4455).</source>
        <translation>“%1”中的端口必须是 1 到 65535 之间的数字（OBS 默认是 4455）。</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="190"/>
        <source>the environment variable %1 is not set (--password-env names the variable that holds the OBS password)</source>
        <translation>环境变量 %1 未设置（--password-env 指定的是存放 OBS 密码的环境变量）</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="757"/>
        <source>A background task (%1) stopped on an unexpected error: %2</source>
        <translation>后台任务（%1）因意外错误而停止：%2</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="120"/>
        <source>Studio</source>
        <translation>直播间总览</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="410"/>
        <source>there is no room called “%1”</source>
        <translation>没有名为“%1”的直播间</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="412"/>
        <source>there is no room called “%1” (rooms: none saved yet)</source>
        <translation>没有名为“%1”的直播间（还没有保存任何直播间）</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="766"/>
        <source>The room&apos;s status reaches the studio again.</source>
        <translation>直播间的状态已重新送达直播间总览。</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="801"/>
        <source>%1 is a folder: give the picture&apos;s file name, e.g. %2</source>
        <translation>%1 是一个文件夹：请给出图片的文件名，例如 %2</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="806"/>
        <source>“%1” does not end in a picture format the console can write: end it in .png or .jpg</source>
        <translation>“%1”的扩展名不是中控台能写入的图片格式：请以 .png 或 .jpg 结尾</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="810"/>
        <source>the folder %1 does not exist</source>
        <translation>文件夹 %1 不存在</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="816"/>
        <source>%1 cannot be written: its disk is read-only</source>
        <translation>无法写入 %1：所在磁盘为只读</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="818"/>
        <source>%1 cannot be written: its disk is full</source>
        <translation>无法写入 %1：所在磁盘已满</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="820"/>
        <source>%1 cannot be written: this user may not write there</source>
        <translation>无法写入 %1：当前用户没有该位置的写入权限</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="821"/>
        <location filename="../../console/app.py" line="918"/>
        <source>the picture could not be written to %1</source>
        <translation>无法将图片写入 %1</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="833"/>
        <source>No picture taken: %1</source>
        <translation>未能截图：%1</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="857"/>
        <source>OBS asks for a password and none was given. Give it in an environment variable: %1</source>
        <translation>OBS 要求密码，但未提供密码。请通过环境变量提供：%1</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="863"/>
        <source>OBS refused the password in the environment variable %1. Copy it again from OBS (Tools → WebSocket Server Settings → Show Connect Info).</source>
        <translation>OBS 拒绝了环境变量 %1 中的密码。请在 OBS 中（工具 → WebSocket 服务器设置 → 显示连接信息）重新复制密码。</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="874"/>
        <source>OBS closed the connection before the picture could be taken</source>
        <translation>截图完成前 OBS 关闭了连接</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="878"/>
        <source>OBS did not answer within %1 s</source>
        <translation>OBS 在 %1 秒内没有应答</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="879"/>
        <source>No picture taken: could not connect to OBS — %1</source>
        <translation>未能截图：无法连接 OBS —— %1</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="912"/>
        <source>Saved a picture of the console to %1</source>
        <translation>已将中控台截图保存到 %1</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="845"/>
        <source>the OBS password of room “%1” is not kept on this computer (the system has no keyring), and a picture cannot ask for it. Give it in an environment variable: %2</source>
        <translation>直播间“%1”的 OBS 密码没有保存在这台电脑上（系统没有密钥环），而截图不能弹窗询问密码。请用环境变量提供：%2</translation>
    </message>
    <message>
        <location filename="../../console/app.py" line="959"/>
        <source>no display found (DISPLAY/WAYLAND_DISPLAY unset). Headless alternatives: &apos;onair --demo --screenshot out.png&apos; (a picture of the console) or &apos;onair demo-obs&apos; (the demo room as an obs-websocket server).</source>
        <translation>未找到显示器（DISPLAY/WAYLAND_DISPLAY 未设置）。无界面时可以用：&apos;onair --demo --screenshot out.png&apos;（保存中控台截图）或 &apos;onair demo-obs&apos;（把演示直播间作为 obs-websocket 服务器运行）。</translation>
    </message>
</context>
<context>
    <name>Audience</name>
    <message>
        <location filename="../../console/core/telemetry/audience.py" line="124"/>
        <source>No new figure for {seconds} s.</source>
        <extracomment>The room has no audience source set up. Nothing new for longer than the source promises: the last value is not shown as current. The platform answers, but the room is not live. Multipliers written after a count, as platforms and spreadsheets print them. Strings, so a state compares equal; or words themselves (a system error&apos;s cause, obs.oswords). A reading older than this is stale.</extracomment>
        <translation>已有 {seconds} 秒没有新数据。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_config.py" line="32"/>
        <source>Header line {line} should read “Name: value” (a name in plain letters, digits and dashes).</source>
        <extracomment>A custom URL is asked no more often than this (a preset has its platform&apos;s own minimum).</extracomment>
        <translation>请求头第 {line} 行应写成“名称: 值”（名称只能包含英文字母、数字和短横线）。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_config.py" line="83"/>
        <source>Fill in “{field}”.</source>
        <extracomment>For kind &quot;http&quot;: a preset id, or &quot;&quot; for a custom request. For kind &quot;file&quot;.</extracomment>
        <translation>请填写“{field}”。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_config.py" line="97"/>
        <source>Choose the file to follow.</source>
        <translation>请选择要跟踪的文件。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_file.py" line="144"/>
        <location filename="../../console/core/telemetry/audience_http.py" line="229"/>
        <source>Internal error; see the log.</source>
        <extracomment>Header names understood for each column, compared case-insensitively without spaces, &quot;_&quot; or &quot;-&quot;. When the file is larger than this at start, only its header and its last part are read. A line longer than this is not a row of counts; it is skipped so a wrong file cannot fill memory.</extracomment>
        <translation>内部错误，请查看日志。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_file.py" line="175"/>
        <source>The file {path} does not exist (yet).</source>
        <translation>文件 {path} （还）不存在。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_file.py" line="215"/>
        <source>The file {path} cannot be read: {error}</source>
        <translation>无法读取文件 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_file.py" line="238"/>
        <source>The first row of {path} names no viewers, likes or interactions column (it reads: {header}).</source>
        <translation>{path} 的第一行没有观众、点赞或互动列（第一行为：{header}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="79"/>
        <source>The address must start with http:// or https:// and name a host.</source>
        <extracomment>The longest wait after repeated failures; a source never goes quiet for longer than this. The largest answer read (decoded: a gzip bomb is stopped as it inflates); a viewer count is a few KB. The longest a rate limit&apos;s reset time is believed (a clock far off must not silence the source for days). When set: the room is live only if this path finds something true (&quot;live&quot;, true, 1, an object...).</extracomment>
        <translation>地址必须以 http:// 或 https:// 开头，并包含主机名。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="92"/>
        <source>The JSONPath for {field} is not valid: {error}</source>
        <translation>{field} 的 JSONPath 无效：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="100"/>
        <source>Give a JSONPath for at least one of viewers, likes or interactions.</source>
        <translation>请至少为观众、点赞或互动中的一项填写 JSONPath。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="279"/>
        <source>{host} sent an answer larger than {size}; it was not read.</source>
        <translation>{host} 返回的数据超过 {size}，未读取。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="287"/>
        <source>{host} did not answer within {seconds} s.</source>
        <translation>{host} 在 {seconds} 秒内没有响应。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="295"/>
        <source>Cannot reach {host}: {error}</source>
        <translation>无法连接 {host}：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="328"/>
        <source>Too many requests (HTTP 429); next try at {until}.</source>
        <translation>请求过于频繁（HTTP 429），将于 {until} 重试。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="335"/>
        <source>The daily API quota is used up; next try at {until}.</source>
        <translation>今日 API 配额已用完，将于 {until} 重试。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="340"/>
        <source>The platform asks to slow down; next try at {until}.</source>
        <translation>平台要求降低请求频率，将于 {until} 重试。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="345"/>
        <source>{host} refused the credentials (HTTP {code}{reason}): check the token or API key.</source>
        <translation>{host} 拒绝了凭据（HTTP {code}{reason}）：请检查令牌或 API 密钥。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="358"/>
        <source>{host} answered HTTP {code} {phrase}.</source>
        <translation>{host} 返回 HTTP {code} {phrase}。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="309"/>
        <source>{host} answered, but not with JSON (content type “{type}”).</source>
        <translation>{host} 有响应，但不是 JSON（内容类型“{type}”）。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="398"/>
        <source>The answer has no number at the JSONPath for {field} ({path}).</source>
        <translation>响应中 {field} 的 JSONPath（{path}）处没有数字。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="488"/>
        <source>Twitch (Helix API)</source>
        <extracomment>Turns what the user pasted (often a whole web address) into the value the API wants. What the keyring holds for it (None: no secret needed).</extracomment>
        <translation>Twitch（Helix API）</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="490"/>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="491"/>
        <source>Client ID</source>
        <translation>Client ID（客户端 ID）</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="494"/>
        <source>App access token</source>
        <translation>应用访问令牌</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="497"/>
        <source>Twitch updates the figure about once a minute. Likes and chat are not in this API.</source>
        <translation>Twitch 大约每分钟更新一次人数；此 API 不提供点赞和聊天数据。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="503"/>
        <source>YouTube (Data API v3)</source>
        <translation>YouTube（Data API v3）</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="507"/>
        <source>Live video</source>
        <translation>直播视频</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="513"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="516"/>
        <source>Each request uses 1 of the key&apos;s 10,000 daily quota units. YouTube hides the viewer count when it is zero or turned off for the video.</source>
        <translation>每次请求消耗该密钥每日 10,000 配额中的 1 个单位。观众数为零或该视频关闭了人数显示时，YouTube 不返回人数。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="524"/>
        <source>Bilibili (unofficial web API)</source>
        <translation>哔哩哔哩（非官方网页接口）</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="526"/>
        <source>Room ID</source>
        <translation>房间号</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="527"/>
        <source>Streamer UID</source>
        <translation>主播 UID</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/audience_http.py" line="533"/>
        <source>Not an official API: Bilibili may change or block it at any time. Use it at your own risk.</source>
        <translation>这不是官方 API：哔哩哔哩可能随时更改或封锁它，请自行承担风险。</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_status.py" line="15"/>
        <source>not set up</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_status.py" line="16"/>
        <source>connecting…</source>
        <translation>连接中…</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_status.py" line="17"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_status.py" line="18"/>
        <source>stale</source>
        <translation>数据过时</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_status.py" line="19"/>
        <source>rate-limited</source>
        <translation>被限流</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_status.py" line="20"/>
        <source>credentials refused</source>
        <translation>凭据被拒绝</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_status.py" line="21"/>
        <source>not live</source>
        <translation>未开播</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_status.py" line="22"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_status.py" line="35"/>
        <source>No audience source</source>
        <translation>无观众数据来源</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_status.py" line="36"/>
        <source>Simulated audience (demo room)</source>
        <translation>模拟观众（演示直播间）</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_status.py" line="37"/>
        <source>Custom HTTP JSON</source>
        <translation>自定义 HTTP JSON</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_status.py" line="38"/>
        <source>CSV/TSV file</source>
        <translation>CSV/TSV 文件</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_status.py" line="56"/>
        <source>%1 viewer</source>
        <translation>%1 位观众</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_status.py" line="58"/>
        <source>%1 viewers</source>
        <translation>%1 位观众</translation>
    </message>
</context>
<context>
    <name>AudienceDialog</name>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="63"/>
        <source>Audience source</source>
        <extracomment>The choices, in the order shown: no source, each preset, custom HTTP, a file.</extracomment>
        <translation>观众数据来源</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="76"/>
        <source>optional, e.g. $.data.live_status</source>
        <translation>可选，例如 $.data.live_status</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="84"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="99"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="106"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="107"/>
        <source>Headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="108"/>
        <source>Viewers (JSONPath)</source>
        <translation>观众（JSONPath）</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="109"/>
        <source>Likes (JSONPath)</source>
        <translation>点赞（JSONPath）</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="110"/>
        <source>Interactions (JSONPath)</source>
        <translation>互动（JSONPath）</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="111"/>
        <source>Live when (JSONPath)</source>
        <translation>开播判断（JSONPath）</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="112"/>
        <source>Token or key</source>
        <translation>令牌或密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="114"/>
        <source>Ask every</source>
        <translation>请求间隔</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="115"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="116"/>
        <source>Stale after</source>
        <translation>视为过时</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="130"/>
        <source>Tokens and keys are kept in the system keyring, never in a file.</source>
        <translation>令牌和密钥保存在系统钥匙串中，从不写入文件。</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="144"/>
        <source>The demo room&apos;s audience is simulated.</source>
        <translation>演示直播间的观众是模拟的。</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="146"/>
        <source>Save this connection as a room first (Connection ▸ Rooms…); the source is kept with it.</source>
        <translation>请先把此连接保存为直播间（连接 ▸ 直播间…），数据来源随直播间一起保存。</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="204"/>
        <source>Secret</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="210"/>
        <source>unchanged (kept in the keyring)</source>
        <translation>不变（已保存在钥匙串中）</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="216"/>
        <source>Any address that answers JSON. Write {secret} where the token or key goes; figures such as “1.2万” or “2.2K” are understood.</source>
        <translation>任何返回 JSON 的地址。在需要令牌或密钥的位置写 {secret}；可识别“1.2万”“2.2K”这类数字。</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="223"/>
        <source>A CSV or TSV file whose first row names the columns: a time column and any of viewers, likes and interactions (English or Chinese names, e.g. 时间, 在线人数, 点赞数, 评论数). New rows are followed as they are added.</source>
        <translation>第一行为列名的 CSV 或 TSV 文件：一个时间列，以及观众、点赞、互动中的任意几列（中英文列名均可，如 时间、在线人数、点赞数、评论数）。新增的行会被实时跟踪。</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="229"/>
        <source>The audience graph stays empty.</source>
        <translation>观众图表将保持为空。</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="234"/>
        <source>Audience file</source>
        <translation>观众数据文件</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="234"/>
        <source>Tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>表格 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="251"/>
        <source>Enter the %1.</source>
        <translation>请输入%1。</translation>
    </message>
    <message>
        <location filename="../../widgets/audience_dialog.py" line="264"/>
        <source>Now: %1</source>
        <translation>当前：%1</translation>
    </message>
</context>
<context>
    <name>AudioMixer</name>
    <message>
        <location filename="../../widgets/audio_mixer.py" line="20"/>
        <source>No audio inputs</source>
        <translation>没有音频输入</translation>
    </message>
    <message>
        <location filename="../../obs/commands.py" line="236"/>
        <source>Mute “{input}”</source>
        <translation>将“{input}”静音</translation>
    </message>
    <message>
        <location filename="../../obs/commands.py" line="237"/>
        <source>Unmute “{input}”</source>
        <translation>取消“{input}”静音</translation>
    </message>
    <message>
        <location filename="../../obs/commands.py" line="274"/>
        <source>Set the volume of “{input}”</source>
        <translation>调整“{input}”的音量</translation>
    </message>
</context>
<context>
    <name>ChannelStrip</name>
    <message>
        <location filename="../../widgets/channel_strip.py" line="25"/>
        <location filename="../../widgets/channel_strip.py" line="53"/>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../../widgets/channel_strip.py" line="53"/>
        <source>Muted</source>
        <translation>已静音</translation>
    </message>
</context>
<context>
    <name>Chat</name>
    <message>
        <location filename="../../console/core/chat/bilibili.py" line="111"/>
        <source>Cannot reach the Bilibili open platform: {error}</source>
        <extracomment>The open platform&apos;s documented rhythm: a websocket heartbeat and an app heartbeat every 20 s (the app session ends after 60 s without one). No heartbeat reply (or any packet) for this long: the connection is dead even if TCP has not noticed. The platform asks to wait before starting again after this code (request cool-down, 请求冷却期). Start refused because the 身份码 (7007) or the app&apos;s credentials/signature (4000-range) are wrong. The host&apos;s own open_id (from the start answer): their comments are flagged as the host&apos;s.</extracomment>
        <translation>无法连接哔哩哔哩开放平台：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/bilibili.py" line="118"/>
        <source>The Bilibili open platform refused the access key (HTTP {code}): check its id and secret.</source>
        <translation>哔哩哔哩开放平台拒绝了访问密钥（HTTP {code}）：请检查 access_key_id 与密钥。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/bilibili.py" line="133"/>
        <source>The Bilibili open platform answered HTTP {code} without JSON.</source>
        <translation>哔哩哔哩开放平台返回了 HTTP {code}，但内容不是 JSON。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/bilibili.py" line="146"/>
        <source>Bilibili does not accept the identity code (身份码) ({message}, code {code}).</source>
        <translation>哔哩哔哩不接受此身份码（{message}，错误码 {code}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/bilibili.py" line="157"/>
        <source>Bilibili refused the request ({message}, code {code}): check the app id, the access key and this computer&apos;s clock.</source>
        <translation>哔哩哔哩拒绝了请求（{message}，错误码 {code}）：请检查项目ID、访问密钥以及本机时钟。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/bilibili.py" line="171"/>
        <source>Bilibili asks to wait ({message}, code {code}); next try in {seconds} s.</source>
        <translation>哔哩哔哩要求稍候（{message}，错误码 {code}）；{seconds} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/bilibili.py" line="183"/>
        <source>Bilibili refused {call} ({message}, code {code}).</source>
        <translation>哔哩哔哩拒绝了 {call} 请求（{message}，错误码 {code}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/bilibili.py" line="203"/>
        <source>Bilibili&apos;s start answer has no websocket address or auth body.</source>
        <translation>哔哩哔哩开启项目的应答中没有长连接地址或鉴权包。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/bilibili.py" line="391"/>
        <source>Connected to live room {room}.</source>
        <translation>已连接直播间 {room}。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/bilibili.py" line="258"/>
        <source>Cannot connect to Bilibili&apos;s comment server: {error}</source>
        <translation>无法连接哔哩哔哩弹幕服务器：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/bilibili.py" line="277"/>
        <source>Bilibili&apos;s comment server did not confirm the login within {seconds} s.</source>
        <translation>哔哩哔哩弹幕服务器在 {seconds} 秒内未确认鉴权。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/bilibili.py" line="296"/>
        <source>Bilibili&apos;s comment server refused the login (code {code}); starting again.</source>
        <translation>哔哩哔哩弹幕服务器拒绝鉴权（错误码 {code}）；正在重新开启。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/bilibili.py" line="327"/>
        <source>Bilibili&apos;s comment server closed the connection ({code} {reason}); reconnecting.</source>
        <translation>哔哩哔哩弹幕服务器关闭了连接（{code} {reason}）；正在重连。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/bilibili.py" line="362"/>
        <source>Bilibili&apos;s comment server has not answered for {seconds} s; reconnecting.</source>
        <translation>哔哩哔哩弹幕服务器已 {seconds} 秒没有应答；正在重连。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/bilibili.py" line="418"/>
        <source>Bilibili ended the app session; starting a new one.</source>
        <translation>哔哩哔哩结束了本场项目；正在开启新的一场。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="93"/>
        <source>Access key secret</source>
        <extracomment>Each platform&apos;s module (its client, its wire format, its dataclasses) is imported when a source of its kind is checked or built: a console&apos;s start-up reads every room&apos;s configuration and would otherwise load them all (~20-25 ms on the GUI thread before the first paint) for rooms that use none of them. They remain this module&apos;s attributes (PEP 562), where the tests put a platform&apos;s source on a local server. The custom JSON-lines sources by kind: the class that reads each (console/core/chat/custom.py). What each kind keeps in the keyring.</extracomment>
        <translation>访问密钥（“access_key_secret”）</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="94"/>
        <source>Identity code (身份码)</source>
        <translation>主播身份码</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="95"/>
        <source>Token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="96"/>
        <source>Client ID</source>
        <translation>Client ID（客户端 ID）</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="97"/>
        <source>User access token</source>
        <translation>用户访问令牌</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="99"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="100"/>
        <source>OAuth access token</source>
        <translation>“OAuth”访问令牌</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="175"/>
        <source>Name the source with up to 40 letters, digits, “-”, “_” or “.”.</source>
        <extracomment>How a Twitch source reads: EventSub (a user token with user:read:chat and the app&apos;s client id), IRC with a viewer token (chat:read), or IRC anonymously (read-only, no token). Bilibili: the open platform&apos;s app (project) id and access key id (the secret and the 身份码 are in the keyring). websocket / http: the address (`{secret}` where the token goes) and extra headers. file: the file another tool appends to; read from its start instead of only what is added from now on. The Client ID of the Twitch app the team registered (a public client), for EventSub and signing in. The client ID of the Google &quot;Desktop app&quot; the team registered, for &quot;Sign in with Google&quot; (its secret is in the keyring).</extracomment>
        <translation>来源名称最多 40 个字符，只能使用字母、数字、“-”、“_”或“.”。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="178"/>
        <source>The app id (项目ID) is the number the open platform shows.</source>
        <translation>项目ID 是开放平台上显示的那串数字。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="199"/>
        <source>Fill in the access key id (access_key_id).</source>
        <translation>请填写访问密钥 ID（“access_key_id”）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="185"/>
        <source>The address must start with {schemes} and name a host.</source>
        <translation>地址必须以 {schemes} 开头，并包含主机名。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="98"/>
        <source>Refresh token</source>
        <translation>刷新令牌</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="101"/>
        <source>Google client secret</source>
        <translation>谷歌客户端密钥</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="189"/>
        <source>Say which field holds the user and which the text.</source>
        <translation>请指明哪个字段是用户、哪个字段是评论内容。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="192"/>
        <source>Choose the file to follow.</source>
        <translation>请选择要跟踪的文件。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="203"/>
        <source>The access key id (access_key_id) is letters and digits as the open platform shows it, with no Chinese characters or spaces: copy it again.</source>
        <translation>访问密钥 ID（“access_key_id”）是开放平台显示的字母和数字，不含汉字或空格：请重新复制。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="215"/>
        <source>Unknown comment source kind “{kind}”.</source>
        <translation>未知的评论来源类型“{kind}”。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="220"/>
        <source>Name the Twitch channel (its login or twitch.tv address).</source>
        <translation>请填写 Twitch 频道（登录名或 twitch.tv 地址）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="222"/>
        <source>Unknown way to read Twitch “{mode}”.</source>
        <translation>未知的 Twitch 读取方式“{mode}”。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="225"/>
        <source>The Twitch Client ID is letters and digits, as the Twitch developer console shows it.</source>
        <translation>Twitch Client ID 由字母和数字组成，照 Twitch 开发者控制台显示的填写。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="234"/>
        <source>Give the live video (its id or address) or the channel (UC… id or address).</source>
        <translation>请填写直播视频（视频 ID 或地址）或频道（以“UC”开头的 ID 或地址）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="237"/>
        <source>Choose an API key or an OAuth token for YouTube.</source>
        <translation>请为 YouTube 选择 API 密钥或“OAuth”令牌。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="239"/>
        <source>The daily quota budget must be at least 1 unit.</source>
        <translation>每日配额预算至少为 1 个单位。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="254"/>
        <location filename="../../console/core/chat/config.py" line="295"/>
        <source>Fill in “{field}”.</source>
        <translation>请填写“{field}”。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/config.py" line="406"/>
        <source>Two comment sources are named “{name}”.</source>
        <translation>有两个评论来源都叫“{name}”。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/custom.py" line="125"/>
        <source>{host} refused the connection (HTTP {code}).</source>
        <translation>{host} 拒绝了连接（HTTP {code}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/custom.py" line="134"/>
        <source>Cannot connect to {host}: {error}</source>
        <translation>无法连接 {host}：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/custom.py" line="145"/>
        <location filename="../../console/core/chat/custom.py" line="197"/>
        <source>Connected to {host}.</source>
        <translation>已连接 {host}。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/custom.py" line="154"/>
        <source>{host} closed the connection; reconnecting.</source>
        <translation>{host} 关闭了连接；正在重连。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/custom.py" line="207"/>
        <source>Cannot reach {host}: {error}</source>
        <translation>无法连接 {host}：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/custom.py" line="225"/>
        <source>{host} asks to slow down (HTTP 429).</source>
        <translation>{host} 要求降低请求频率（HTTP 429）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/custom.py" line="230"/>
        <source>{host} answered HTTP {code}.</source>
        <translation>{host} 返回了 HTTP {code}。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/feed.py" line="161"/>
        <source>{count} message arrived faster than it could be shown; it is counted but not listed.</source>
        <extracomment>The minute&apos;s start on the monotonic clock (a multiple of 60). True when the chatters figure stopped counting at MAX_CHATTERS_PER_MINUTE (it is &quot;at least&quot;). Sequence number of the newest event in the ring (the first event is 1). Events readers never saw (they left the ring before being read): said, never silent.</extracomment>
        <translation>有 {count} 条消息到得太快，来不及显示；已计入统计，但未列出。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/feed.py" line="165"/>
        <source>{count} messages arrived faster than they could be shown; they are counted but not listed.</source>
        <translation>有 {count} 条消息到得太快，来不及显示；已计入统计，但未列出。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/file_tail.py" line="78"/>
        <source>The file {path} does not exist (yet).</source>
        <extracomment>How much of the file was there when the console started: history, not read (0: nothing to skip).</extracomment>
        <translation>文件 {path} （还）不存在。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/file_tail.py" line="102"/>
        <source>Following {path}.</source>
        <translation>正在跟踪 {path}。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/file_tail.py" line="146"/>
        <source>The first row of {path} names no comment text column (it reads: {header}).</source>
        <translation>{path} 的第一行没有评论内容列（第一行为：{header}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/file_tail.py" line="204"/>
        <source>The file {path} cannot be read: {error}</source>
        <translation>无法读取文件 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/source.py" line="92"/>
        <source>{platform} cannot post to the chat from here</source>
        <extracomment>Messages of types this console does not show, by type (counted and ignored). The first retry waits this long; each further failure doubles it, up to backoff_max_s (with jitter). The waits chosen after failures, newest last (kept short: for the status line and the tests).</extracomment>
        <translation>无法从这里向{platform}的评论区发送消息</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/source.py" line="142"/>
        <source>{malformed} unreadable and {unknown} unknown messages ignored (last problem: {last}).</source>
        <translation>已忽略 {malformed} 条无法读取的消息和 {unknown} 条未知类型的消息（最近的问题：{last}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/source.py" line="166"/>
        <source>Internal error ({error}); see the log.</source>
        <translation>内部错误（{error}）；详见日志。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/demo.py" line="88"/>
        <source>Simulated comments (demo room).</source>
        <translation>模拟评论（演示直播间）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="61"/>
        <source>Twitch closed the connection after an internal server error (code {code}); reconnecting.</source>
        <extracomment>Send Chat Message (POST /helix/chat/messages) needs a user token with this scope. Twitch refuses longer chat messages (HTTP 422); the console says so before sending. Twitch&apos;s welcome comes at once; this long without it is a failed connection. Silence beyond the keepalive timeout is allowed this much slack (network jitter) before reconnecting. After the new connection&apos;s welcome, the old one is read this long more for messages still in flight. EventSub may deliver a message twice: its metadata.message_id is remembered this far back. EventSub&apos;s documented close codes, in the user&apos;s words (whole sentences, so each translates as one).</extracomment>
        <translation>Twitch 服务器内部出错后关闭了连接（代码 {code}）；正在重新连接。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="65"/>
        <source>Twitch closed the connection: it says this console sent it messages, where only pongs are allowed (code {code}); reconnecting.</source>
        <translation>Twitch 关闭了连接：它说本中控台向它发送了消息，而它只接受“pong”回应（代码 {code}）；正在重新连接。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="70"/>
        <source>Twitch closed the connection: it says this console did not answer its pings (code {code}); reconnecting.</source>
        <translation>Twitch 关闭了连接：它说本中控台没有回应它的“ping”（代码 {code}）；正在重新连接。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="74"/>
        <source>Twitch closed an unused connection: no subscription within 10 s (code {code}); reconnecting.</source>
        <translation>Twitch 关闭了未使用的连接：10 秒内没有建立订阅（代码 {code}）；正在重新连接。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="78"/>
        <source>Twitch closed the connection: the reconnect grace time expired before the console moved to the new address (code {code}); reconnecting.</source>
        <translation>Twitch 关闭了连接：中控台转到新地址之前，重连宽限时间已过（代码 {code}）；正在重新连接。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="83"/>
        <source>Twitch closed the connection after a network timeout (code {code}); reconnecting.</source>
        <translation>Twitch 因网络超时关闭了连接（代码 {code}）；正在重新连接。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="87"/>
        <source>Twitch closed the connection after a network error (code {code}); reconnecting.</source>
        <translation>Twitch 因网络错误关闭了连接（代码 {code}）；正在重新连接。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="91"/>
        <source>Twitch closed the connection: it refused the reconnect address (code {code}); reconnecting.</source>
        <translation>Twitch 关闭了连接：它拒绝了重连地址（代码 {code}）；正在重新连接。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="98"/>
        <source>Twitch stopped the chat subscription: the token&apos;s authorization was revoked.</source>
        <extracomment>Why Twitch revoked a subscription (payload.subscription.status).</extracomment>
        <translation>Twitch 停止了聊天订阅：令牌的授权已被撤销。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="102"/>
        <source>Twitch stopped the chat subscription: the channel&apos;s or the token&apos;s user no longer exists.</source>
        <translation>Twitch 停止了聊天订阅：频道或令牌所属的用户已不存在。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="106"/>
        <source>Twitch stopped the chat subscription: it removed this subscription version.</source>
        <translation>Twitch 停止了聊天订阅：它已移除这个订阅版本。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="110"/>
        <source>Twitch stopped the chat subscription: the token&apos;s user may no longer read this chat.</source>
        <translation>Twitch 停止了聊天订阅：令牌所属的用户已无权读取这个聊天室。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="118"/>
        <source>Twitch refused the token (HTTP {code}: {message}): check the token and client id.</source>
        <extracomment>What was asked when Twitch refused: (refused, answered with an error) sentences.</extracomment>
        <translation>Twitch 拒绝了令牌（HTTP {code}：{message}）：请检查令牌和 Client ID。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="122"/>
        <source>Twitch&apos;s token check answered HTTP {code} ({message}).</source>
        <translation>Twitch 的令牌校验返回 HTTP {code}（{message}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="128"/>
        <source>Twitch refused the channel lookup (HTTP {code}: {message}): check the token and client id.</source>
        <translation>Twitch 拒绝了频道查询（HTTP {code}：{message}）：请检查令牌和 Client ID。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="132"/>
        <source>Twitch&apos;s channel lookup answered HTTP {code} ({message}).</source>
        <translation>Twitch 的频道查询返回 HTTP {code}（{message}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="138"/>
        <source>Twitch refused the chat subscription (HTTP {code}: {message}): check the token and client id.</source>
        <translation>Twitch 拒绝了聊天订阅（HTTP {code}：{message}）：请检查令牌和 Client ID。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="142"/>
        <source>Twitch answered the chat subscription with HTTP {code} ({message}).</source>
        <translation>Twitch 对聊天订阅返回 HTTP {code}（{message}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="177"/>
        <source>Twitch asks to slow down (HTTP 429); next try in {seconds} s.</source>
        <translation>Twitch 要求放慢请求（HTTP 429）；{seconds} 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="54"/>
        <source>Signing in was cancelled.</source>
        <extracomment>What the console asks for: reading the chat (EventSub) and posting quick replies (Send Chat Message). RFC 8628: without an `interval`, ask every 5 s; each `slow_down` adds 5 s.</extracomment>
        <translation>已取消登录。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="88"/>
        <location filename="../../console/core/chat/twitch.py" line="192"/>
        <source>Cannot reach Twitch: {error}</source>
        <translation>无法连接 Twitch：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="97"/>
        <location filename="../../console/core/chat/oauth.py" line="222"/>
        <location filename="../../console/core/chat/oauth.py" line="281"/>
        <source>Twitch answered without a token.</source>
        <translation>Twitch 的应答里没有令牌。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="146"/>
        <source>Fill in the Twitch app&apos;s Client ID first (see the README).</source>
        <extracomment>The interval in force (grows on slow_down), and every answer&apos;s word, for the status line and the tests.</extracomment>
        <translation>请先填写 Twitch 应用的 Client ID（见说明文档）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="158"/>
        <source>Twitch refused to start signing in (HTTP {code}: {message}): check the Client ID, and that the app is registered as a public client.</source>
        <translation>Twitch 拒绝开始登录（HTTP {code}：{message}）：请检查 Client ID，并确认该应用注册为公开客户端。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="178"/>
        <source>Twitch&apos;s answer to signing in could not be read.</source>
        <translation>无法读取 Twitch 对登录请求的应答。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="235"/>
        <source>The Twitch sign-in was declined in the browser.</source>
        <translation>在浏览器中拒绝了 Twitch 登录。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="239"/>
        <source>Twitch refused the sign-in (HTTP {code}: {message}).</source>
        <translation>Twitch 拒绝了登录（HTTP {code}：{message}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="249"/>
        <source>The sign-in code expired before it was approved; start again for a new one.</source>
        <translation>登录码在批准之前已过期；请重新开始以获取新的登录码。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="270"/>
        <source>Twitch refused to renew the sign-in (HTTP {code}: {message}); sign in with Twitch again.</source>
        <translation>Twitch 拒绝续期登录（HTTP {code}：{message}）；请重新用 Twitch 登录。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="340"/>
        <source>Fill in the Google app&apos;s client ID and client secret first (see the README).</source>
        <extracomment>Reading and posting to the live chat of the channel&apos;s broadcasts.</extracomment>
        <translation>请先填写谷歌应用的客户端 ID 和客户端密钥（见说明文档）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="396"/>
        <source>Nobody signed in within {minutes} minutes.</source>
        <translation>{minutes} 分钟内没有人登录。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="408"/>
        <source>The Google sign-in was declined in the browser.</source>
        <translation>在浏览器中拒绝了谷歌登录。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="413"/>
        <source>Google did not sign in ({error}).</source>
        <translation>谷歌没有完成登录（{error}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="450"/>
        <source>Cannot reach Google: {error}</source>
        <translation>无法连接谷歌：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="436"/>
        <source>Google refused the sign-in (HTTP {code}: {message}).</source>
        <translation>谷歌拒绝了登录（HTTP {code}：{message}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="460"/>
        <source>Google answered without a token.</source>
        <translation>谷歌的应答里没有令牌。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/oauth.py" line="474"/>
        <source>Google refused to renew the sign-in (HTTP {code}: {message}); sign in with Google again.</source>
        <translation>谷歌拒绝续期登录（HTTP {code}：{message}）；请重新用谷歌账号登录。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="212"/>
        <source>Twitch&apos;s token check did not answer JSON.</source>
        <translation>Twitch 的令牌校验没有返回 JSON。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="335"/>
        <location filename="../../console/core/chat/twitch_irc.py" line="91"/>
        <source>The Twitch token lacks the “{scope}” permission; create one that includes it.</source>
        <extracomment>From &quot;Sign in with Twitch&quot;: an expired access token is renewed with it, and the new pair kept (`keep_tokens`, the keyring) — Twitch&apos;s refresh tokens work once. What the token may do (from /oauth2/validate); empty until the first check. Access tokens renewed with the refresh token. Times the session moved to a new address on Twitch&apos;s session_reconnect (no new subscription needed). Notifications Twitch delivered twice (same metadata.message_id), shown once.
----------
The server&apos;s welcome (001) or its refusal comes within seconds of NICK. Quiet this long: the console sends its own PING; no answer within PONG_TIMEOUT_S means a dead connection. Twitch&apos;s words when it refuses a login (sent as a NOTICE, then the connection closes). PINGs from the server answered with PONG.</extracomment>
        <translation>Twitch 令牌缺少“{scope}”权限；请创建一个包含该权限的令牌。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="356"/>
        <source>Twitch has no channel “{channel}”.</source>
        <translation>Twitch 上没有频道“{channel}”。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="406"/>
        <location filename="../../console/core/chat/youtube.py" line="408"/>
        <source>There is nothing to post.</source>
        <translation>没有可发送的内容。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="409"/>
        <source>Twitch takes at most {limit} characters in a chat message; this reply has {length}.</source>
        <translation>Twitch 聊天消息最多 {limit} 个字符；这条回复有 {length} 个。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="417"/>
        <source>The Twitch token has not been checked yet; try again in a moment.</source>
        <translation>Twitch 令牌尚未验证；请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="421"/>
        <source>The Twitch token lacks the “{scope}” permission needed to post; sign in with Twitch again.</source>
        <translation>Twitch 令牌缺少发送消息所需的“{scope}”权限；请重新用 Twitch 登录。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="429"/>
        <source>The Twitch channel is not known yet; try again in a moment.</source>
        <translation>尚未查到 Twitch 频道；请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="446"/>
        <source>Posted to the chat of twitch.tv/{channel}.</source>
        <translation>已发送到 twitch.tv/{channel} 的聊天室。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="450"/>
        <source>Twitch did not deliver the reply: {reason} ({code}).</source>
        <translation>Twitch 没有送出这条回复：{reason}（{code}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="457"/>
        <source>Twitch asks to slow down (HTTP 429); post again in {seconds} s.</source>
        <translation>Twitch 要求放慢速度（HTTP 429）；请 {seconds} 秒后再发送。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="461"/>
        <source>Twitch refused the token for posting (HTTP 401: {message}).</source>
        <translation>Twitch 拒绝用该令牌发送消息（HTTP 401：{message}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="462"/>
        <source>Twitch does not let this account post in the channel&apos;s chat (HTTP 403: {message}).</source>
        <translation>Twitch 不允许此账号在该频道聊天室发言（HTTP 403：{message}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="465"/>
        <source>Twitch says the message is too large (HTTP 422: {message}).</source>
        <translation>Twitch 说消息太长（HTTP 422：{message}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="466"/>
        <source>Twitch answered the post with HTTP {code} ({message}).</source>
        <translation>Twitch 对发送请求应答 HTTP {code}（{message}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="496"/>
        <source>Reading the chat of twitch.tv/{channel}.</source>
        <translation>正在读取 twitch.tv/{channel} 的聊天。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="512"/>
        <source>Cannot connect to Twitch&apos;s EventSub server: {error}</source>
        <translation>无法连接 Twitch 的“EventSub”服务器：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="537"/>
        <source>Twitch&apos;s EventSub server sent no welcome.</source>
        <translation>Twitch 的“EventSub”服务器没有发送欢迎消息。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="582"/>
        <source>Twitch closed the connection (code {code}); reconnecting.</source>
        <translation>Twitch 关闭了连接（代码 {code}）；正在重新连接。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="596"/>
        <source>Twitch sent nothing for {seconds} s (not even a keepalive); reconnecting.</source>
        <translation>Twitch 已有 {seconds} 秒没有发来任何消息（连保活消息也没有）；正在重新连接。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch.py" line="657"/>
        <source>Twitch stopped the chat subscription ({status}).</source>
        <translation>Twitch 停止了聊天订阅（{status}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch_irc.py" line="111"/>
        <source>Cannot connect to Twitch chat: {error}</source>
        <translation>无法连接 Twitch 聊天：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch_irc.py" line="127"/>
        <source>Reading the chat of twitch.tv/{channel} (read-only, anonymous).</source>
        <translation>正在读取 twitch.tv/{channel} 的聊天（只读，匿名）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch_irc.py" line="129"/>
        <source>Reading the chat of twitch.tv/{channel} (IRC).</source>
        <translation>正在读取 twitch.tv/{channel} 的聊天（“IRC”）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch_irc.py" line="135"/>
        <source>Twitch chat asked to reconnect; reconnecting.</source>
        <translation>Twitch 聊天要求重新连接；正在重新连接。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch_irc.py" line="161"/>
        <source>Twitch chat closed the connection; reconnecting.</source>
        <translation>Twitch 聊天关闭了连接；正在重新连接。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch_irc.py" line="183"/>
        <source>Twitch chat did not confirm the login.</source>
        <translation>Twitch 聊天没有确认登录。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch_irc.py" line="193"/>
        <location filename="../../console/core/chat/twitch_irc.py" line="262"/>
        <source>Twitch chat refused the login ({message}): check the token.</source>
        <translation>Twitch 聊天拒绝了登录（{message}）：请检查令牌。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/twitch_irc.py" line="211"/>
        <source>Twitch chat did not answer a PING within {seconds} s; reconnecting.</source>
        <translation>Twitch 聊天在 {seconds} 秒内没有回应“PING”；正在重新连接。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="160"/>
        <source>This source has spent its daily quota budget ({budget} units); next try at {until}.</source>
        <extracomment>Google&apos;s token check: what an OAuth access token may do (its `scope`), free of quota. Either scope lets liveChatMessages.insert post to a live chat. YouTube&apos;s live chat takes messages of at most 200 characters (longer ones are refused as messageTextInvalid). Quota units each call costs (Google&apos;s published table); &quot;insert&quot; is liveChatMessages.insert. Never poll faster than this, whatever pollingIntervalMillis says. The interval when an answer does not say one. Look for the live chat again this often while the video or channel is not live. …and this often when each look costs a search.list (100 units). The largest answer read: a full page (2,000 messages with their authors) is about 3 MB. Deleted message ids remembered (to drop one that arrives later in the same answer, or in the next). Quota units spent on the current Pacific day (by this source) and the epoch second that day ends. When each liveChatMessages.list was sent (monotonic), the newest 50: the pace, for the status and tests. Messages of the first page not shown (the chat&apos;s history before the source started). messageDeletedEvents: dropped before being shown, or for a message already shown. The OAuth token&apos;s scopes (Google&apos;s tokeninfo, asked once on this source&apos;s thread); None: not known. Access tokens renewed with the refresh token.</extracomment>
        <translation>这个来源已用完每日配额预算（{budget} 个单位）；将于 {until} 再试。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="200"/>
        <source>YouTube sent an answer too large to read.</source>
        <translation>YouTube 返回的应答太大，无法读取。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="206"/>
        <location filename="../../console/core/chat/youtube.py" line="393"/>
        <source>Cannot reach YouTube: {error}</source>
        <translation>无法连接 YouTube：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="221"/>
        <source>YouTube answered {call} without JSON.</source>
        <translation>YouTube 对 {call} 的应答不是 JSON。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="228"/>
        <source>YouTube says the project&apos;s daily API quota is used up; next try at {until}.</source>
        <translation>YouTube 表示项目的每日 API 配额已用完；将于 {until} 再试。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="233"/>
        <source>YouTube asks to slow down ({reason}); trying again later.</source>
        <translation>YouTube 要求放慢请求（{reason}）；稍后再试。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="242"/>
        <source>The live chat of this broadcast is turned off.</source>
        <translation>这场直播的聊天已关闭。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="249"/>
        <source>YouTube refused the credentials (HTTP {code}{reason}): check the API key or token.</source>
        <translation>YouTube 拒绝了凭据（HTTP {code}{reason}）：请检查 API 密钥或令牌。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="259"/>
        <source>YouTube answered HTTP {code}{reason}.</source>
        <translation>YouTube 返回 HTTP {code}{reason}。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="273"/>
        <source>Not live: no live chat on YouTube right now; looking again later.</source>
        <translation>未开播：YouTube 上目前没有直播聊天；稍后再查找。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="305"/>
        <source>YouTube has no video “{video}”.</source>
        <translation>YouTube 上没有视频“{video}”。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="399"/>
        <source>Posted to the YouTube live chat.</source>
        <translation>已发送到 YouTube 直播聊天室。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="411"/>
        <source>YouTube&apos;s live chat takes at most {limit} characters in a message; this reply has {length}.</source>
        <translation>YouTube 直播聊天消息最多 {limit} 个字符；这条回复有 {length} 个。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="420"/>
        <source>Posting to YouTube needs the channel owner&apos;s OAuth token; an API key can only read.</source>
        <translation>向 YouTube 发送消息需要频道所有者的“OAuth”授权令牌；API 密钥只能读取。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="426"/>
        <source>What the YouTube token may do is not known yet (Google did not answer); try again later.</source>
        <translation>尚不清楚该 YouTube 令牌的权限（谷歌没有应答）；请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="432"/>
        <location filename="../../console/core/chat/youtube.py" line="453"/>
        <source>The YouTube token does not allow posting (it needs the “youtube.force-ssl” permission); create one that includes it.</source>
        <translation>该 YouTube 令牌不允许发送消息（需要“youtube.force-ssl”权限）；请创建包含该权限的令牌。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="439"/>
        <source>There is no live chat on YouTube right now.</source>
        <translation>YouTube 上现在没有直播聊天。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="445"/>
        <source>YouTube did not post the reply: the live chat of this broadcast is turned off.</source>
        <translation>YouTube 没有发送这条回复：本场直播的聊天已关闭。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="448"/>
        <source>YouTube did not post the reply: the live chat has ended.</source>
        <translation>YouTube 没有发送这条回复：直播聊天已结束。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="449"/>
        <source>YouTube did not post the reply: the live chat is gone.</source>
        <translation>YouTube 没有发送这条回复：该直播聊天已不存在。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="450"/>
        <source>YouTube does not let this account post in this live chat (HTTP 403, forbidden).</source>
        <translation>YouTube 不允许此账号在该直播聊天中发言（HTTP 403，禁止访问）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="458"/>
        <source>YouTube refused the reply&apos;s text (messageTextInvalid).</source>
        <translation>YouTube 拒绝了这条回复的文字（文字无效）。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="459"/>
        <source>YouTube says the project&apos;s daily API quota is used up; the reply was not posted.</source>
        <translation>YouTube 说项目当天的 API 配额已用完；回复没有发送。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="462"/>
        <source>YouTube says too many messages were posted just now; post again in a moment.</source>
        <translation>YouTube 说刚才发送的消息太多；请稍后再发。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="465"/>
        <source>YouTube refused the OAuth token (HTTP 401): it may have expired; paste a new one.</source>
        <translation>YouTube 拒绝了“OAuth”授权令牌（HTTP 401）：可能已过期；请粘贴新的令牌。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="472"/>
        <source>YouTube answered the post with HTTP {code}{reason}.</source>
        <translation>YouTube 对发送请求应答 HTTP {code}{reason}。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/youtube.py" line="509"/>
        <source>Reading the live chat; {used} of {budget} quota units used today.</source>
        <translation>正在读取直播聊天；今天已用配额 {used} / {budget} 个单位。</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="699"/>
        <source>Cannot listen for Google&apos;s answer: {error}</source>
        <translation>无法在本机等待谷歌的应答：{error}</translation>
    </message>
</context>
<context>
    <name>ChatSources</name>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="51"/>
        <source>Bilibili (open platform)</source>
        <translation>哔哩哔哩（直播开放平台）</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="52"/>
        <source>WebSocket, JSON lines</source>
        <translation>WebSocket（JSON 行）</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="53"/>
        <source>HTTP, JSON lines</source>
        <translation>HTTP（JSON 行）</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="54"/>
        <source>File (CSV or JSON lines)</source>
        <translation>文件（CSV 或 JSON 行）</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="55"/>
        <source>Twitch</source>
        <translation>Twitch</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="56"/>
        <source>YouTube</source>
        <translation>YouTube</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="59"/>
        <source>EventSub (a user token; can post replies)</source>
        <translation>“EventSub”（用户令牌；可发送回复）</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="60"/>
        <source>IRC with a viewer token (read only)</source>
        <translation>“IRC”，观众令牌（只读）</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="61"/>
        <source>IRC, anonymous (read only, no token)</source>
        <translation>“IRC”，匿名（只读，无需令牌）</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="64"/>
        <source>API key (read only)</source>
        <translation>API 密钥（只读）</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="65"/>
        <source>The channel owner&apos;s OAuth token (can post replies)</source>
        <translation>频道所有者的“OAuth”授权令牌（可发送回复）</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="69"/>
        <source>User name field</source>
        <translation>用户名字段</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="70"/>
        <source>User id field</source>
        <translation>用户 ID 字段</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="71"/>
        <source>Text field</source>
        <translation>内容字段</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="72"/>
        <source>Kind field</source>
        <translation>类型字段</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="73"/>
        <source>Message id field</source>
        <translation>消息 ID 字段</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="74"/>
        <source>Time field</source>
        <translation>时间字段</translation>
    </message>
</context>
<context>
    <name>ChatSourcesDialog</name>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="465"/>
        <source>Comment sources</source>
        <extracomment>Where Twitch&apos;s OAuth endpoints are, and options for the flow (a test points them at its local id.twitch.tv and shortens the waits). Google&apos;s sign-in and token addresses, and how the browser is opened (a test&apos;s browser follows the redirect).</extracomment>
        <translation>评论来源</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="472"/>
        <source>Where the comments of room “%1” come from. Every source feeds the one Comments dock.</source>
        <translation>直播间“%1”的评论从哪里来。所有来源汇入同一个“评论”面板。</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="476"/>
        <source>Save the room first (Connection ▸ Rooms…): comment sources belong to a saved room.</source>
        <translation>请先保存直播间（连接 ▸ 直播间…）：评论来源属于已保存的直播间。</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="487"/>
        <source>Add: %1</source>
        <translation>添加：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="492"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="509"/>
        <source>Words separated by “|”: highlighted in the comments; known complaints open alerts.</source>
        <translation>用“|”分隔的词：在评论中高亮；已知的问题反馈会触发告警。</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="512"/>
        <source>The host&apos;s and staff&apos;s user names, separated by “|”: never counted as complaints.</source>
        <translation>主播和工作人员的用户名，用“|”分隔：他们的评论不计为观众反馈。</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="514"/>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="515"/>
        <source>Our own names</source>
        <translation>我方用户名</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="526"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="530"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="625"/>
        <source>Saved; the sources are (re)starting.</source>
        <translation>已保存；评论来源正在（重新）启动。</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="636"/>
        <source>Not running (save to start it).</source>
        <translation>未运行（保存后启动）。</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="727"/>
        <source>Signed in to Google (%1). Save to use it.</source>
        <translation>已登录谷歌（%1）。保存后生效。</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="749"/>
        <source>Signed in to Twitch as %1 (%2). Save to use it.</source>
        <translation>已以 %1 登录 Twitch（%2）。保存后生效。</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <location filename="../../console/cli.py" line="302"/>
        <source>the run could not be stored: %1</source>
        <translation>这次检查无法保存：%1</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="356"/>
        <source>cannot connect to OBS at %1: %2</source>
        <translation>无法连接 %1 上的 OBS：%2</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="373"/>
        <source> (optional)</source>
        <translation>（可选）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="374"/>
        <source>needs a person</source>
        <translation>需要人工确认</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="375"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="382"/>
        <source>The room has not named these in its OBS yet: %1 (the console&apos;s Checklist dock: Choose…).</source>
        <translation>本直播间还没有在 OBS 中指定这些：%1（在中控台的检查单面板中点“选择…”）。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="387"/>
        <source>READY</source>
        <translation>可以开播</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="391"/>
        <source>NOT READY: %1 required item open</source>
        <translation>还不能开播：%1 个必选项未完成</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="393"/>
        <source>NOT READY: %1 required items open</source>
        <translation>还不能开播：%1 个必选项未完成</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <location filename="../../console/checklist_controller.py" line="281"/>
        <source>This room&apos;s checklist could not be read: %1</source>
        <extracomment>Closing waits this long for the last checklist save. The two runs that can be open side by side, and where each one&apos;s id is remembered across restarts. False for a picture&apos;s run (--screenshot): its runs are read and shown, never saved nor counted with a show. The runs by slot (&quot;main&quot;, &quot;troubleshooting&quot;); an ended run stays until the next one replaces it. The slot the dock shows. The main runs of the rooms the console has left, by room, with their stored ids: the dock shows the room the console is in, and switching back shows that room&apos;s run again as it was (walk22: after a switch from room A to room B the dock still showed A&apos;s completed list with A&apos;s results, as if it were B&apos;s). The room whose stored pre-show run is being read for the dock (a room switched to, no run of it held). The run the room&apos;s running show went live with, read for the dock after a switch: shown once the room&apos;s stream is known to be on. A run some show went live with (kept at go-live, or completed and counted then), held for the room the console is back in (or restarted in) until the room&apos;s show is known: it is shown only if it is that show&apos;s (walk24: back in a room whose show had ended, the dock showed the ended show&apos;s &quot;WENT LIVE ... overridden&quot;, off air, while Go live said no pre-show checklist had been run). With its stored id, and whether it was counted completed. The show being recorded for that room, if any (the main window points it at the telemetry&apos;s). Items to check again as soon as their slot&apos;s pass in flight is over (a name chosen meanwhile). The saved rooms (the application sets them): a saved room&apos;s checklist names are kept in rooms.json. Names chosen for a room that is not saved (the demo room, an address), kept for this session. Whether this room&apos;s stream was on in the last full read of OBS (None: not known yet, or another room). When this room&apos;s stream was last seen stopping here: a pre-show run completed before it was the previous show&apos;s, not the next one&apos;s (checked_for_this_show). A go-live seen with no pre-show run open, not yet told to storage: (room, when). Its show may not be known yet (the database opening): it is told once it is. The id of the pre-show run completed before the stream started and counted as the show&apos;s checklist at go-live (Storage.count_completed_run): kept for a restart while the show is on air, like a run kept at go-live (walk20: a console restarted mid-show said &quot;No checklist running&quot; where it had said &quot;Completed&quot;). The run kept at go-live while its show was not known yet: linked to the show once it is. What storage says of this room&apos;s pre-show list for its next go-live, for when no run of the room is held here (a console restarted, or come from another room): (room, when the run it would count was completed; None: there is none). Asked on the worker once the room is seen off air, again after each time it goes off air (`_ask_stored_ready`). The go-live an override was given for (`override_go_live`), until its stream starts or is known not to: the run it was given in, and whether OBS was seen starting the stream since. The override is for that attempt only (fix23l: a stream that never started left it on the open run, and the run&apos;s next go-live, from OBS itself or after the list was completed, was recorded as &quot;overridden by&quot; that person). That go-live was taken up from storage after a restart and its stream not seen yet: found off air, OBS may still be connecting it (its full read cannot say STARTING), so the session&apos;s GoLiveWatch holds it until it goes on air, stops, or HELD_S passes (fix25c: it lapsed at once, and the stream then went live). Set when the console closes: a sensed check still listening stops at once (it ends as not finished). The writes queued or running on the worker (a run saved, a completed run counted with its show): what a database that does not answer at shutdown may lose — and only then is a loss said.</extracomment>
        <translation>无法读取本直播间的检查单：%1</translation>
    </message>
    <message>
        <location filename="../../console/checklist_controller.py" line="440"/>
        <source>“%1” is used for this session only: only a saved room (Connection ▸ Rooms…) keeps its names.</source>
        <translation>“%1”只在本次使用：只有已保存的直播间（连接 ▸ 直播间…）会记住这些名称。</translation>
    </message>
    <message>
        <location filename="../../console/checklist_controller.py" line="466"/>
        <source>Enter your name first: every confirmation is signed.</source>
        <translation>请先填写名字：每一项确认都会署名。</translation>
    </message>
    <message>
        <location filename="../../console/checklist_controller.py" line="477"/>
        <source>“%1” is still open: complete or abandon it before starting another.</source>
        <translation>“%1”还没有结束：请先完成或放弃它，再开始新的检查单。</translation>
    </message>
    <message>
        <location filename="../../console/checklist_controller.py" line="527"/>
        <source>The checks could not run: %1</source>
        <translation>检查无法执行：%1</translation>
    </message>
    <message>
        <location filename="../../console/checklist_controller.py" line="746"/>
        <source>The checklist completed before going live could not be kept with the show: %1</source>
        <translation>开播前已完成的检查未能记入本场：%1</translation>
    </message>
    <message>
        <location filename="../../console/checklist_controller.py" line="817"/>
        <source>The checklist run could not be saved: %1</source>
        <translation>检查记录无法保存：%1</translation>
    </message>
    <message>
        <location filename="../../console/checklist_controller.py" line="848"/>
        <source>The last checklist run could not be read: %1</source>
        <translation>无法读取上次的检查记录：%1</translation>
    </message>
</context>
<context>
    <name>ChecklistOutcome</name>
    <message>
        <location filename="../../console/core/review/bundle.py" line="81"/>
        <source>completed by {person} at {completed}, before going live at {live}</source>
        <translation>{person} 于 {completed} 完成，在 {live} 开播之前</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="100"/>
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="101"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="102"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="103"/>
        <source>Choose the team&apos;s own checklist folder (YAML files)</source>
        <translation>选择团队自己的检查单文件夹（YAML 文件）</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="135"/>
        <source>Abandon it…</source>
        <extracomment>What happened to a dialog the console closed by itself (an Override whose item passed meanwhile): not a problem, so not in red; gone at the next action that succeeds. The Override dialog while it is open, and the item (of the run) it overrides: an item that passes or is confirmed meanwhile closes it, and its reason goes to that item even if the selection moved. Which run is shown when two are open: the pre-show (or post-show) one and a troubleshooting one. A run of another room: it says so and offers to switch back or abandon it.</extracomment>
        <translation>放弃它…</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="140"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="140"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="140"/>
        <source>Who</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="158"/>
        <source>Check now (R)</source>
        <translation>立即检查 (R)</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="159"/>
        <source>Confirm (Enter)</source>
        <translation>确认 (Enter)</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="160"/>
        <source>Override… (O)</source>
        <translation>放行… (O)</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="161"/>
        <source>Note… (N)</source>
        <translation>备注… (N)</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="162"/>
        <source>Complete…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="163"/>
        <source>Finish this run under a person&apos;s name; it stops checking</source>
        <translation>以某人的名义完成本次检查；之后不再自动检查</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="164"/>
        <source>Abandon…</source>
        <translation>放弃…</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="165"/>
        <source>Give this run up, with the reason</source>
        <translation>放弃本次检查，并写明原因</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="170"/>
        <source>Choose… (C)</source>
        <extracomment>An item whose room role this room has not named, or whose name OBS lacks: which of OBS&apos;s own scenes or inputs it is (kept for the room, and the item checked again at once).</extracomment>
        <translation>选择…（C）</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="171"/>
        <source>Pick it from OBS&apos;s own list; the room keeps the choice</source>
        <translation>从 OBS 自己的列表中选择；直播间会记住这个选择</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="281"/>
        <source>No checklist running</source>
        <extracomment>(item id, role) the bar asks about.</extracomment>
        <translation>没有正在进行的检查单</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="301"/>
        <source>Overridden: %1</source>
        <translation>已放行：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="305"/>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="320"/>
        <source>Waiting</source>
        <translation>等待检查</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="321"/>
        <source>Checking</source>
        <translation>检查中</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="322"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="323"/>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="324"/>
        <source>Could not tell</source>
        <translation>无法判断</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="325"/>
        <source>Needs a person</source>
        <translation>需人工确认</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="326"/>
        <source>Overridden</source>
        <translation>已放行</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="370"/>
        <source>(%1 more to choose)</source>
        <translation>（还有 %1 项要选）</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="381"/>
        <source>OBS is not connected: its list shows once it is</source>
        <translation>OBS 未连接：连接后才会列出</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="386"/>
        <source>OBS has no scenes</source>
        <translation>OBS 中没有场景</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="388"/>
        <source>OBS has no inputs with sound</source>
        <translation>OBS 中没有带声音的输入</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="390"/>
        <source>OBS has no sources with a picture</source>
        <translation>OBS 中没有带画面的来源</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="440"/>
        <source>COMPLETED by %1 at %2</source>
        <translation>已完成：%1，%2</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="444"/>
        <source>This run is finished and stored; it checks no more.</source>
        <translation>本次检查已完成并保存，不再自动检查。</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="448"/>
        <source>ABANDONED by %1 at %2</source>
        <translation>已放弃：%1，%2</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="452"/>
        <location filename="../../widgets/checklist_panel.py" line="469"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="457"/>
        <source>overridden by %1</source>
        <translation>%1 强行放行</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="459"/>
        <source>ready</source>
        <translation>已就绪</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="463"/>
        <source>WENT LIVE at %1 — %2</source>
        <translation>%1 已开播 — %2</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="467"/>
        <source>Kept as it was when the stream started; it checks no more.</source>
        <translation>保留开始推流那一刻的结果，不再自动检查。</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="476"/>
        <source>All required items done</source>
        <translation>必选项已全部完成</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="481"/>
        <source>READY to go live</source>
        <translation>可以开播</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="550"/>
        <source>Pre-show</source>
        <translation>开播前</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="551"/>
        <source>Troubleshooting</source>
        <translation>故障排查</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="552"/>
        <source>Post-show</source>
        <translation>下播后</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="565"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="583"/>
        <source>This run belongs to room “%1”; the console is now on “%2”. It checks nothing here.</source>
        <translation>本次检查属于直播间“%1”；中控台现在连接的是“%2”。在这里它不做任何检查。</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="587"/>
        <source>Switch back to “%1”</source>
        <translation>切回“%1”</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="591"/>
        <source>the demo room</source>
        <translation>演示直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="591"/>
        <source>an address without a room</source>
        <translation>未命名的地址</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="612"/>
        <source>(optional) %1</source>
        <translation>（可选）%1</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="673"/>
        <source>Complete or abandon “%1” first, then press Start for the troubleshooting one.</source>
        <translation>请先完成或放弃“%1”，再按“开始”进行故障排查检查单。</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="757"/>
        <source>Override “%1”.
Why is this acceptable today?</source>
        <translation>放行“%1”。
为什么今天可以接受？</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="787"/>
        <source>“%1” passed while its override was being written: there is nothing to override.</source>
        <translation>“%1”在填写放行理由期间已经通过：无需放行。</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="789"/>
        <source>“%1” no longer needs an override (the run changed meanwhile): no override was made.</source>
        <translation>“%1”已不再需要放行（清单在此期间有了变化）：未做放行。</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="801"/>
        <source>Complete the checklist</source>
        <translation>完成检查单</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="802"/>
        <source>Completed by (your name):</source>
        <translation>完成人（你的名字）：</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="812"/>
        <source>Abandon the checklist</source>
        <translation>放弃检查单</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="812"/>
        <source>Why is it abandoned?</source>
        <translation>为什么放弃？</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="648"/>
        <source>Team checklist folder</source>
        <translation>团队检查单文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="299"/>
        <source>To confirm</source>
        <translation>待确认</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="361"/>
        <source>OBS has no “%1”: which is this room&apos;s “%2”?</source>
        <translation>OBS 中没有“%1”：本直播间的“%2”是哪个？</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="363"/>
        <source>Which OBS scene is this room&apos;s “%1”?</source>
        <translation>本直播间的“%1”是 OBS 中的哪个场景？</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="365"/>
        <source>Which OBS input is this room&apos;s “%1”?</source>
        <translation>本直播间的“%1”是 OBS 中的哪个输入？</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="367"/>
        <source>Which OBS source is this room&apos;s “%1”?</source>
        <translation>本直播间的“%1”是 OBS 中的哪个来源？</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="473"/>
        <source> · re-checking…</source>
        <translation> · 正在复查…</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="485"/>
        <source>NOT READY: %1 required item open</source>
        <translation>还不能开播：%1 个必选项未完成</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="487"/>
        <source>NOT READY: %1 required items open</source>
        <translation>还不能开播：%1 个必选项未完成</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="493"/>
        <source>%1 required item open</source>
        <translation>%1 个必选项未完成</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="493"/>
        <source>%1 required items open</source>
        <translation>%1 个必选项未完成</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="681"/>
        <source>Enter your name and press Start: every confirmation is signed.</source>
        <translation>请输入你的名字并按“开始”：每次确认都会署名。</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="755"/>
        <source>Override</source>
        <translation>放行</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="829"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/checklist_panel.py" line="829"/>
        <source>Note for this item:</source>
        <translation>这一项的备注：</translation>
    </message>
</context>
<context>
    <name>ChecklistRoles</name>
    <message>
        <location filename="../../checklists/roles.py" line="42"/>
        <source>Live scene</source>
        <extracomment>What OBS object it names: &quot;scene&quot;, or &quot;input&quot; (a source that gives a picture or a sound). How a person calls it (context &quot;ChecklistRoles&quot;). What an item says when the room has not named it yet (context &quot;Checks&quot;). &quot;video&quot; (a camera: a source with a picture) or &quot;audio&quot; (an input with sound); &quot;&quot; for a scene.</extracomment>
        <translation>直播场景</translation>
    </message>
    <message>
        <location filename="../../checklists/roles.py" line="48"/>
        <source>Opening scene</source>
        <translation>开场画面</translation>
    </message>
    <message>
        <location filename="../../checklists/roles.py" line="54"/>
        <source>Break scene</source>
        <translation>暂时离开画面</translation>
    </message>
    <message>
        <location filename="../../checklists/roles.py" line="62"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../checklists/roles.py" line="69"/>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../checklists/roles.py" line="76"/>
        <source>Desktop audio</source>
        <translation>桌面音频</translation>
    </message>
</context>
<context>
    <name>Checklists</name>
    <message>
        <location filename="../../checklists/checks.py" line="169"/>
        <source>parameter “{param}” of {check} may not be empty</source>
        <translation>{check} 的参数“{param}”不能为空</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="173"/>
        <source>parameter “{param}” of {check} must be {type}, not {given}</source>
        <translation>{check} 的参数“{param}”必须是 {type} 类型，而不是 {given}</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="178"/>
        <source>parameter “{param}” of {check} must be a finite number, not {given}</source>
        <translation>{check} 的参数“{param}”必须是有限的数字，而不是 {given}</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="185"/>
        <source>parameter “{param}” of {check} must be at least {minimum:g} and at most {maximum:g}, not {given}</source>
        <translation>{check} 的参数“{param}”必须不小于 {minimum:g} 且不大于 {maximum:g}，而不是 {given}</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="190"/>
        <source>parameter “{param}” of {check} must be at least {minimum:g}, not {given}</source>
        <translation>{check} 的参数“{param}”必须不小于 {minimum:g}，而不是 {given}</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="194"/>
        <source>parameter “{param}” of {check} must be at most {maximum:g}, not {given}</source>
        <translation>{check} 的参数“{param}”必须不大于 {maximum:g}，而不是 {given}</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="200"/>
        <source>parameter “{param}” of {check} may be at most {max_length} characters long (it has {length})</source>
        <translation>{check} 的参数“{param}”最多 {max_length} 个字符（现在有 {length} 个）</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="208"/>
        <source>parameter “{param}” of {check} must be one of {choices}, not {given}</source>
        <translation>{check} 的参数“{param}”必须是 {choices} 之一，而不是 {given}</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="88"/>
        <source>nested more than {depth} levels deep</source>
        <translation>嵌套超过 {depth} 层</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="93"/>
        <source>more than {count:,} YAML values (a checklist has far fewer)</source>
        <translation>超过 {count:,} 个 YAML 值（检查单远没有这么多）</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="105"/>
        <source>the tag “{tag}” is not allowed (plain YAML values only)</source>
        <translation>不允许使用标签“{tag}”（只能用普通 YAML 值）</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="161"/>
        <source>{what} must be a mapping of keys to values</source>
        <translation>{what}必须是“键: 值”形式的映射</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="168"/>
        <source>“{key}” is given twice in {what}</source>
        <translation>{what}中“{key}”出现了两次</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="174"/>
        <source>unknown key “{key}” in {what} (known: {known})</source>
        <translation>{what}中有未知的键“{key}”（可用的键：{known}）</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="186"/>
        <source>{what} must be a single value</source>
        <translation>{what}必须是单个值</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="195"/>
        <source>{what} is not a valid value: {reason}</source>
        <translation>{what}不是有效的值：{reason}</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="205"/>
        <source>{what} must be non-empty text</source>
        <translation>{what}必须是非空文本</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="210"/>
        <source>{what} is {length:,} characters long (at most {limit:,})</source>
        <translation>{what}长 {length:,} 个字符（最多 {limit:,} 个）</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="224"/>
        <source>{what} needs at least one language</source>
        <translation>{what}至少需要一种语言</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="227"/>
        <source>{what} ({language})</source>
        <translation>{what}（{language}）</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="235"/>
        <source>{what} has no “{key}”</source>
        <translation>{what}缺少“{key}”</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="240"/>
        <source>an item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="241"/>
        <source>a section</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="242"/>
        <source>the checklist</source>
        <translation>检查单</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="249"/>
        <source>the parameters of {check}</source>
        <translation>{check} 的参数</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="256"/>
        <source>parameter “{param}”</source>
        <translation>参数“{param}”</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="267"/>
        <source>{check} needs the parameters {names} (under “with:”)</source>
        <translation>{check} 需要参数 {names}（写在“with:”下）</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="269"/>
        <source>{check} needs the parameter {names} (under “with:”)</source>
        <translation>{check} 需要参数 {names}（写在“with:”下）</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="282"/>
        <source>parameter “{param}” of {check} cannot name a room role (only a scene, input or source can)</source>
        <translation>{check} 的参数“{param}”不能指定直播间角色（只有场景、输入或来源可以）</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="290"/>
        <source>the room role of “{param}”</source>
        <translation>“{param}”的直播间角色</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="298"/>
        <source>unknown room role “{role}” for “{param}” (known: {known})</source>
        <translation>“{param}”的直播间角色“{role}”不存在（可用：{known}）</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="308"/>
        <source>room role “{role}” does not fit parameter “{param}” of {check} (it takes {known})</source>
        <translation>直播间角色“{role}”不适用于 {check} 的参数“{param}”（可用：{known}）</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="322"/>
        <source>an item&apos;s id</source>
        <translation>检查项的 id</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="326"/>
        <source>item id “{id}” may use only a-z, 0-9, - and _</source>
        <translation>检查项 id“{id}”只能使用 a-z、0-9、- 和 _</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="331"/>
        <source>item id “{id}” is used twice in this checklist</source>
        <translation>检查项 id“{id}”在本检查单中用了两次</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="335"/>
        <source>item “{id}”</source>
        <translation>检查项“{id}”</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="336"/>
        <source>the title of “{id}”</source>
        <translation>“{id}”的标题</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="362"/>
        <source>“required” must be true or false</source>
        <translation>“required”必须是“true”或“false”</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="372"/>
        <source>“manual” can only be true (leave it out for a sensed item)</source>
        <translation>“manual”只能是“true”（自动检测的检查项请不要写它）</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="385"/>
        <source>unknown check “{check}” (known: {known})</source>
        <translation>未知的检查“{check}”（可用的检查：{known}）</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="393"/>
        <source>item “{id}” has parameters but no check</source>
        <translation>检查项“{id}”有参数，但没有检查</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="342"/>
        <source>item “{id}” is both manual and sensed: choose one</source>
        <translation>检查项“{id}”既是人工确认又是自动检测：请二选一</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="347"/>
        <source>item “{id}” needs either “check: …” or “manual: true”</source>
        <translation>检查项“{id}”需要“check: …”或“manual: true”之一</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="350"/>
        <source>the help of “{id}”</source>
        <translation>“{id}”的帮助</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="401"/>
        <source>the checklist id</source>
        <translation>检查单 id</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="406"/>
        <source>checklist id “{id}” may use only a-z, 0-9, - and _</source>
        <translation>检查单 id“{id}”只能使用 a-z、0-9、- 和 _</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="409"/>
        <source>the checklist title</source>
        <translation>检查单标题</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="416"/>
        <source>unknown role “{role}” (known: {known})</source>
        <translation>未知的角色“{role}”（可用的角色：{known}）</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="426"/>
        <source>unknown kind “{kind}” (known: {known})</source>
        <translation>未知的类型“{kind}”（可用的类型：{known}）</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="433"/>
        <source>“sections” must be a non-empty list</source>
        <translation>“sections”必须是非空列表</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="439"/>
        <source>a section title</source>
        <translation>分组标题</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="444"/>
        <source>a section&apos;s “items” must be a non-empty list</source>
        <translation>分组的“items”必须是非空列表</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="450"/>
        <source>more than {count} items (split it into several checklists)</source>
        <translation>检查项超过 {count} 个（请拆分成几个检查单）</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="459"/>
        <source>the file is larger than {size} KB</source>
        <translation>文件大于 {size} KB</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="471"/>
        <source>could not be read (an unexpected error; details in the log)</source>
        <translation>无法读取（意外错误，详情见日志）</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="506"/>
        <location filename="../../checklists/loader.py" line="510"/>
        <source>not valid YAML: {reason}</source>
        <translation>不是有效的 YAML：{reason}</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="485"/>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="522"/>
        <source>the file is not UTF-8 text</source>
        <translation>文件不是 UTF-8 文本</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="529"/>
        <source>cannot be read: {reason}</source>
        <translation>无法读取：{reason}</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="546"/>
        <source>the checklist folder does not exist</source>
        <translation>检查单文件夹不存在</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="559"/>
        <source>checklist id “{id}” is also used by {other}; this file was skipped</source>
        <translation>检查单 id“{id}”已被 {other} 使用；已跳过此文件</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="582"/>
        <source>no checklist with this id (none are known)</source>
        <translation>没有这个 id 的检查单（目前没有任何检查单）</translation>
    </message>
    <message>
        <location filename="../../checklists/loader.py" line="585"/>
        <source>no checklist with this id (known: {known})</source>
        <translation>没有这个 id 的检查单（已有：{known}）</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <location filename="../../checklists/checks.py" line="261"/>
        <source>There is no scene called “{name}” in OBS.</source>
        <translation>OBS 中没有名为“{name}”的场景。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="262"/>
        <source>There is no input called “{name}” in OBS.</source>
        <translation>OBS 中没有名为“{name}”的来源。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="263"/>
        <source>There is no scene or source called “{name}” in OBS.</source>
        <translation>OBS 中没有名为“{name}”的场景或来源。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="276"/>
        <source>Connected to OBS {version}.</source>
        <translation>已连接 OBS {version}。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="277"/>
        <source>Not connected to OBS ({state}).</source>
        <translation>未连接 OBS（{state}）。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="284"/>
        <source>OBS {have} (need {need} or newer).</source>
        <translation>OBS {have}（要求 {need} 或更新）。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="285"/>
        <source>OBS {have} is older than {need}.</source>
        <translation>OBS {have} 低于 {need}。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="291"/>
        <source>Scene “{scene}” is there.</source>
        <translation>场景“{scene}”已存在。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="299"/>
        <source>“{scene}” is on program.</source>
        <translation>“{scene}”正在直播画面上。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="303"/>
        <source>“{actual}” is on program, not “{scene}”.</source>
        <translation>直播画面是“{actual}”，不是“{scene}”。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="314"/>
        <source>Input “{input}” is there ({kind}).</source>
        <translation>来源“{input}”已存在（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="325"/>
        <source>“{input}” is delivering video.</source>
        <translation>“{input}”有画面输出。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="327"/>
        <source>“{input}” is not delivering video (not on program, or the device is disconnected or in use elsewhere).</source>
        <translation>“{input}”没有画面输出（不在直播画面上，或设备未连接、被其他程序占用）。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="341"/>
        <source>“{input}” has no audio.</source>
        <translation>“{input}”没有音频。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="343"/>
        <source>“{input}” is muted.</source>
        <translation>“{input}”已静音。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="355"/>
        <source>“{input}” is not muted ({db:.1f} dB).</source>
        <translation>“{input}”没有静音（{db:.1f} dB）。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="382"/>
        <source>No level readings for “{input}” in {seconds:g} s.</source>
        <translation>{seconds:g} 秒内没有收到“{input}”的电平读数。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="392"/>
        <source>Peak {peak:.0f} dBFS over {seconds:g} s (threshold {threshold:g}).</source>
        <translation>{seconds:g} 秒内峰值 {peak:.0f} dBFS（阈值 {threshold:g}）。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="395"/>
        <source>{peak:.0f} dBFS for {seconds:g} s, below {threshold:g}: is the microphone on and plugged in?</source>
        <translation>{seconds:g} 秒内只有 {peak:.0f} dBFS，低于 {threshold:g}：麦克风是否已打开并插好？</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="426"/>
        <source>“{source}” renders nothing (OBS gives an empty, transparent picture): is anything visible in it, is its device connected, does its file exist?</source>
        <translation>“{source}”什么也没有渲染（OBS 返回的是空白透明画面）：里面有可见的内容吗？设备接上了吗？文件还在吗？</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="452"/>
        <source>“{source}” is black (brightness {pct:.1f} %): lens cap, privacy shutter or a dead signal?</source>
        <translation>“{source}”是黑屏（亮度 {pct:.1f} %）：镜头盖没摘、隐私挡板合上了，还是没有信号？</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="459"/>
        <source>“{source}” shows a picture (brightness {pct:.0f} %).</source>
        <translation>“{source}”有画面（亮度 {pct:.0f} %）。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="483"/>
        <source>“{source}” did not change in {seconds:g} s: the picture is frozen.</source>
        <translation>“{source}”在 {seconds:g} 秒内没有变化：画面卡住了。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="487"/>
        <source>“{source}” is moving.</source>
        <translation>“{source}”画面正常在动。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="496"/>
        <source>No streaming server is set (OBS: Settings → Stream).</source>
        <translation>没有设置推流服务器（OBS：设置 → 直播）。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="499"/>
        <source>Server {server} is set, but the stream key is empty.</source>
        <translation>已设置服务器 {server}，但推流码为空。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="501"/>
        <source>Server {server}; stream key set (hidden).</source>
        <translation>服务器 {server}；推流码已填写（不显示）。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="524"/>
        <source>Output is {width}x{height} at {fps:g} fps; expected {want_w}x{want_h} at {want_fps:g} fps.</source>
        <translation>输出为 {width}x{height}、{fps:g} 帧；应为 {want_w}x{want_h}、{want_fps:g} 帧。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="529"/>
        <source>Output is {width}x{height} at {fps:g} fps.</source>
        <translation>输出为 {width}x{height}、{fps:g} 帧。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="542"/>
        <source>OBS is in Advanced output mode; its bitrate is in the encoder settings, which obs-websocket does not expose.</source>
        <translation>OBS 处于高级输出模式；码率在编码器设置里，obs-websocket 无法读取。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="553"/>
        <source>OBS did not say its video bitrate.</source>
        <translation>OBS 没有给出视频码率。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="556"/>
        <source>Video bitrate {kbps} kbps ({low}–{high}).</source>
        <translation>视频码率 {kbps} kbps（{low}–{high}）。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="557"/>
        <source>Video bitrate {kbps} kbps is outside {low}–{high}.</source>
        <translation>视频码率 {kbps} kbps 不在 {low}–{high} 之间。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="570"/>
        <source>{free:.1f} GB free on the recording disk (need {need:g} GB).</source>
        <translation>录制盘剩余 {free:.1f} GB（要求 {need:g} GB）。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="573"/>
        <source>Only {free:.1f} GB free on the recording disk (need {need:g} GB).</source>
        <translation>录制盘只剩 {free:.1f} GB（要求 {need:g} GB）。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="588"/>
        <source>CPU {busy:.0f} % busy over {seconds:g} s (limit {limit:g} %).</source>
        <translation>{seconds:g} 秒内 CPU 占用 {busy:.0f} %（上限 {limit:g} %）。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="591"/>
        <source>CPU {busy:.0f} % busy over {seconds:g} s, above {limit:g} %: close other programs.</source>
        <translation>{seconds:g} 秒内 CPU 占用 {busy:.0f} %，超过 {limit:g} %：请关闭其他程序。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="674"/>
        <source>{service} picks its server itself (server “auto”); there is no address to test before going live.</source>
        <translation>{service} 会自行选择服务器（服务器设为“auto”），开播前没有可测试的地址。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="683"/>
        <source>No streaming server address to test.</source>
        <translation>没有可测试的推流服务器地址。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="694"/>
        <source>{service} picks its server itself (server “auto”); its global ingest {host} could not be looked up from this computer ({reason}), so the way to it is untested: check the internet connection.</source>
        <translation>{service} 会自行选择服务器（服务器设为“auto”）；本机无法解析其全球推流入口 {host}（{reason}），因此未能测试到它的线路：请检查网络连接。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="701"/>
        <source>{service} picks its server itself (server “auto”); its global ingest {host}:{port} does not answer ({reason}), so the way to it is untested: OBS may still reach another of its servers.</source>
        <translation>{service} 会自行选择服务器（服务器设为“auto”）；其全球推流入口 {host}:{port} 没有响应（{reason}），因此未能测试到它的线路：OBS 仍可能连上它的其他服务器。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="713"/>
        <source>This is the demo room: its stream goes nowhere, so no streaming server listens at {host}:{port}. With a real OBS this item tests its streaming server.</source>
        <translation>这是演示直播间：它的推流不发往任何地方，所以 {host}:{port} 上没有推流服务器在监听。连接真实的 OBS 时，此项会检测它的推流服务器。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="729"/>
        <source>{host}:{port} refuses the connection: no streaming server listens there.</source>
        <translation>{host}:{port} 拒绝连接：那里没有推流服务器在监听。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="735"/>
        <source>{host}:{port} does not answer within {seconds:g} s.</source>
        <translation>{host}:{port} 在 {seconds:g} 秒内没有响应。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="742"/>
        <source>{host} cannot be looked up from this computer: check the address and the internet.</source>
        <translation>本机无法解析 {host}：请检查地址和网络连接。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="749"/>
        <source>{host} cannot be reached on the network from this computer: check the address and the route.</source>
        <translation>本机在网络上无法到达 {host}：请检查地址和网络路由。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="756"/>
        <source>This computer has no way to {host}: is it connected to the internet?</source>
        <translation>本机没有通往 {host} 的网络：是否已连接互联网？</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="761"/>
        <source>{host}:{port} cut the connection as soon as it was made.</source>
        <translation>{host}:{port} 在连接建立后立即断开了连接。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="766"/>
        <source>{host}:{port} does not answer ({reason}).</source>
        <translation>{host}:{port} 没有响应（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="648"/>
        <source>{host}:{port} answers in {ms:.0f} ms.</source>
        <translation>{host}:{port} 在 {ms:.0f} 毫秒内响应。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="650"/>
        <source>{host}:{port} answers in {ms:.0f} ms, slower than {limit:g} ms.</source>
        <translation>{host}:{port} 响应用了 {ms:.0f} 毫秒，慢于 {limit:g} 毫秒。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="784"/>
        <source>Unknown output “{output}” (stream, record or virtualcam).</source>
        <translation>未知的输出“{output}”（应为 “stream”、“record” 或 “virtualcam”）。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="790"/>
        <source>The {output} output is running.</source>
        <translation>{output} 输出正在运行。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="792"/>
        <source>The {output} output is stopped.</source>
        <translation>{output} 输出已停止。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="796"/>
        <source>The {output} output is still running.</source>
        <translation>{output} 输出仍在运行。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="798"/>
        <source>The {output} output is not running.</source>
        <translation>{output} 输出没有运行。</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="808"/>
        <source>OBS refused: {status}</source>
        <translation>OBS 拒绝了请求：{status}</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="810"/>
        <source>Could not ask OBS: {reason}</source>
        <translation>无法询问 OBS：{reason}</translation>
    </message>
    <message>
        <location filename="../../checklists/checks.py" line="812"/>
        <source>The check failed to run: {reason}</source>
        <translation>检查无法执行：{reason}</translation>
    </message>
    <message>
        <location filename="../../checklists/roles.py" line="43"/>
        <source>No OBS scene is chosen as this room&apos;s live scene yet: Choose… picks it.</source>
        <translation>本直播间还没有指定 OBS 中的直播场景：点“选择…”指定。</translation>
    </message>
    <message>
        <location filename="../../checklists/roles.py" line="49"/>
        <source>No OBS scene is chosen as this room&apos;s opening scene yet: Choose… picks it.</source>
        <translation>本直播间还没有指定 OBS 中的开场画面：点“选择…”指定。</translation>
    </message>
    <message>
        <location filename="../../checklists/roles.py" line="55"/>
        <source>No OBS scene is chosen as this room&apos;s &apos;be right back&apos; scene yet: Choose… picks it.</source>
        <translation>本直播间还没有指定 OBS 中的“暂时离开”画面：点“选择…”指定。</translation>
    </message>
    <message>
        <location filename="../../checklists/roles.py" line="63"/>
        <source>No OBS source is chosen as this room&apos;s camera yet: Choose… picks it.</source>
        <translation>本直播间还没有指定 OBS 中的摄像头来源：点“选择…”指定。</translation>
    </message>
    <message>
        <location filename="../../checklists/roles.py" line="70"/>
        <source>No OBS input is chosen as this room&apos;s microphone yet: Choose… picks it.</source>
        <translation>本直播间还没有指定 OBS 中的麦克风输入：点“选择…”指定。</translation>
    </message>
    <message>
        <location filename="../../checklists/roles.py" line="77"/>
        <source>No OBS input is chosen as this room&apos;s desktop audio yet: Choose… picks it.</source>
        <translation>本直播间还没有指定 OBS 中的桌面音频输入：点“选择…”指定。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <location filename="../../console/cli.py" line="275"/>
        <location filename="../../console/cli.py" line="1649"/>
        <source>there is no room called “%1”</source>
        <translation>没有名为“%1”的直播间</translation>
    </message>
</context>
<context>
    <name>CliHelp</name>
    <message>
        <location filename="../../console/cli.py" line="2047"/>
        <source>alerts to the team&apos;s chat (WeCom, DingTalk, Feishu, Slack, webhook)</source>
        <translation>向团队群发送告警（企业微信、钉钉、飞书、“Slack”、“webhook”）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2051"/>
        <source>send a test alert to each destination that hears the room</source>
        <translation>向接收该直播间告警的每个目的地发送一条测试告警</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2054"/>
        <source>the room whose destinations to try</source>
        <translation>要测试其告警目的地的直播间</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2059"/>
        <source>language of the alert (default: alerts.json&apos;s)</source>
        <translation>告警的语言（默认：“alerts.json” 中设置的）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2064"/>
        <source>keep a destination&apos;s webhook address and signing secret in the keyring</source>
        <translation>把目的地的推送地址和签名密钥保存到系统密钥环</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2067"/>
        <source>the destination&apos;s name in alerts.json</source>
        <translation>目的地在 “alerts.json” 中的名称</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2072"/>
        <source>read the webhook address from this environment variable</source>
        <translation>从这个环境变量读取推送地址</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2077"/>
        <source>read the signing secret from this environment variable</source>
        <translation>从这个环境变量读取签名密钥</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2080"/>
        <location filename="../../console/cli.py" line="2374"/>
        <location filename="../../console/cli.py" line="2639"/>
        <location filename="../../console/cli.py" line="2790"/>
        <source>language of the messages</source>
        <translation>提示信息的语言</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2098"/>
        <source>the studio wall: every room publishing to the studio&apos;s PostgreSQL</source>
        <translation>直播间总览：显示所有向基地 “PostgreSQL” 数据库发布状态的直播间</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2103"/>
        <source>the studio&apos;s PostgreSQL (default: $ONAIR_DATABASE_URL; SQLite cannot)</source>
        <translation>基地的 “PostgreSQL” 数据库（默认：`$ONAIR_DATABASE_URL`；“SQLite” 不行）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2108"/>
        <location filename="../../console/cli.py" line="2293"/>
        <source>interface language (default: the system&apos;s)</source>
        <translation>界面语言（默认：跟随系统）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2128"/>
        <source>print the SQL for a studio&apos;s database roles: one writer per room, a read-only supervisor</source>
        <translation>输出基地数据库角色的 “SQL”：每个直播间一个写入角色，外加一个只读的主管角色</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2136"/>
        <source>the studio&apos;s rooms (names as in rooms.json)</source>
        <translation>基地的直播间（名称与 “rooms.json” 中一致）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2166"/>
        <source>show program&apos;s version number and exit</source>
        <translation>显示程序版本号并退出</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2257"/>
        <source>OnAir Console (直播中控台) — live-room control for OBS.</source>
        <translation>OnAir 直播中控台 —— 用 OBS 直播的直播间中控。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2261"/>
        <source>log details to stderr</source>
        <translation>把详细日志输出到标准错误（`stderr`）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2264"/>
        <source>the console window (default when no command is given)</source>
        <translation>中控台窗口（不带命令时默认打开）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2267"/>
        <source>connect to this saved room (Connection → Rooms…)</source>
        <translation>连接到这个已保存的直播间（连接 → 直播间…）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2270"/>
        <source>connect to this obs-websocket</source>
        <translation>连接到这个 obs-websocket 地址</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2276"/>
        <source>with --room or --url: the OBS password is in this environment variable (never saved)</source>
        <translation>与 --room 或 --url 一起用：OBS 密码存放在这个环境变量里（不会保存）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2283"/>
        <source>open the built-in demo room (a simulated OBS)</source>
        <translation>打开内置的演示直播间（模拟的 OBS）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2288"/>
        <source>dock layout to start with</source>
        <translation>启动时使用的工作区布局</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2298"/>
        <source>start, wait until connected and populated, save a PNG of the window, exit</source>
        <translation>启动，等连接完成、面板填好后，把窗口截图保存为 PNG，然后退出</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2305"/>
        <source>with --screenshot: how long to wait for OBS before giving up (default 20 s)</source>
        <translation>与 --screenshot 一起用：最多等待 OBS 多少秒（默认 20 秒）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2312"/>
        <source>run the built-in OBS simulator (the demo room) standalone</source>
        <translation>单独运行内置的 OBS 模拟器（演示直播间）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2315"/>
        <source>address to listen on (default: 127.0.0.1)</source>
        <translation>监听的地址（默认：127.0.0.1）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2321"/>
        <source>port (default: 4455, obs-websocket&apos;s; 0 = any free)</source>
        <translation>端口（默认：4455，即 obs-websocket 的端口；0 = 任选一个空闲端口）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2327"/>
        <source>require the password held in this environment variable</source>
        <translation>要求使用这个环境变量中的密码</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2332"/>
        <source>ask for the password on the terminal</source>
        <translation>在终端里询问密码</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2337"/>
        <source>scripted faults to play (see --list-scenarios)</source>
        <translation>要演示的预设故障场景（见 --list-scenarios）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2340"/>
        <source>list the scenarios and exit</source>
        <translation>列出所有场景并退出</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2343"/>
        <source>random seed, for repeatable runs</source>
        <translation>随机种子，用于可重复的运行</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2350"/>
        <source>add guest microphones up to N audio inputs (load tests)</source>
        <translation>添加嘉宾麦克风，直到共有 N 个音频输入（压力测试用）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2355"/>
        <source>the room&apos;s frame rate: 60, 30000/1001, 59.94… (default: 30, as OBS&apos;s default profile)</source>
        <translation>直播间的帧率：60、30000/1001、59.94……（默认 30，与 OBS 默认配置文件相同）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2362"/>
        <source>leaving studio mode, say so before the program scene&apos;s reload (OBS 29 says it after; other versions and plugins may not)</source>
        <translation>退出工作室模式时，先报告退出、再重新载入直播场景（OBS 29 是之后才报告；其他版本和插件未必如此）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2372"/>
        <source>log details (scenario steps) to stderr</source>
        <translation>把详细日志（场景的每一步）输出到标准错误（`stderr`）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2377"/>
        <source>run a checklist&apos;s sensed items once against an OBS (headless)</source>
        <translation>对一个 OBS 运行一次检查单中的自动检查项（无界面）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2381"/>
        <location filename="../../console/cli.py" line="2424"/>
        <source>a saved room (its password comes from the keyring)</source>
        <translation>已保存的直播间（密码取自系统密钥环）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2383"/>
        <location filename="../../console/cli.py" line="2427"/>
        <source>an obs-websocket address</source>
        <translation>obs-websocket 地址</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2387"/>
        <location filename="../../console/cli.py" line="2432"/>
        <source>the OBS password is in this environment variable</source>
        <translation>OBS 密码存放在这个环境变量里</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2393"/>
        <source>a checklist id or a YAML file</source>
        <translation>检查单的 ID 或 YAML 文件</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2400"/>
        <source>the team&apos;s own checklist folder (may be given more than once)</source>
        <translation>团队自己的检查单文件夹（可以给多个）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2402"/>
        <source>who runs it (default: your login name)</source>
        <translation>执行人（默认：你的登录名）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2403"/>
        <location filename="../../console/cli.py" line="2505"/>
        <location filename="../../console/cli.py" line="2594"/>
        <source>print one JSON object</source>
        <translation>输出一个 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2405"/>
        <source>language of titles and results</source>
        <translation>检查项标题和结果的语言</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2408"/>
        <source>seconds to wait for OBS</source>
        <translation>等待 OBS 的秒数</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2413"/>
        <source>where runs are kept (default: $ONAIR_DATABASE_URL, else SQLite in the user data folder)</source>
        <translation>检查记录的保存位置（默认：`$ONAIR_DATABASE_URL`，否则为用户数据文件夹中的 “SQLite” 数据库）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2420"/>
        <source>print live stream health, machine and audience figures (headless)</source>
        <translation>输出实时的推流健康、电脑和观众数据（无界面）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2439"/>
        <source>seconds between lines (default 1)</source>
        <translation>每行之间间隔的秒数（默认 1）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2446"/>
        <source>stop after S seconds (default: Ctrl+C)</source>
        <translation>S 秒后停止（默认：按 Ctrl+C 停止）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2451"/>
        <source>one JSON object per line (unknown figures are null)</source>
        <translation>每行一个 JSON 对象（未知的数值为 `null`）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2457"/>
        <source>an OBS input that is a microphone (repeatable; default: the room&apos;s setting, else audio inputs named mic or 麦)</source>
        <translation>作为麦克风的 OBS 输入源（可重复；默认：直播间的设置，否则为名称含 “mic” 或“麦”的音频输入）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2464"/>
        <source>language of the text lines</source>
        <translation>文字输出的语言</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2469"/>
        <source>send no alerts to the team&apos;s chat (alerts.json)</source>
        <translation>不向团队群发送告警（“alerts.json”）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2476"/>
        <source>seconds to wait for each connection try</source>
        <translation>每次尝试连接时等待的秒数</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2483"/>
        <source>delete stored comments older than N days at start and once a day (0 keeps them; default: the console&apos;s setting chat/retention_days, 30)</source>
        <translation>启动时及每天一次删除超过 N 天的已存评论（0 表示一直保留；默认：中控台设置 chat/retention_days，即 30）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2492"/>
        <source>where shows and their comments are kept (default: $ONAIR_DATABASE_URL, else SQLite in the user data folder)</source>
        <translation>直播场次及其评论的保存位置（默认：`$ONAIR_DATABASE_URL`，否则为用户数据文件夹中的 “SQLite” 数据库）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2500"/>
        <source>analyze an OBS log file: sessions, lost frames, findings</source>
        <translation>分析 OBS 日志文件：推流/录制过程、丢帧和发现的问题</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2503"/>
        <source>the log file (default: the newest in OBS&apos;s log folder)</source>
        <translation>日志文件（默认：OBS 日志文件夹中最新的一个）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2506"/>
        <source>language of the findings</source>
        <translation>问题说明的语言</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2511"/>
        <location filename="../../console/cli.py" line="2644"/>
        <source>where shows are kept (default: $ONAIR_DATABASE_URL, else SQLite in the user data folder)</source>
        <translation>直播场次的保存位置（默认：`$ONAIR_DATABASE_URL`，否则为用户数据文件夹中的 “SQLite” 数据库）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2515"/>
        <source>list stored shows with their summary (filter, sort, page)</source>
        <translation>列出已保存的直播场次及其概况（可筛选、排序、分页）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2518"/>
        <source>only this room&apos;s shows (the demo room is `demo`)</source>
        <translation>只列出这个直播间的场次（演示直播间是 `demo`）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2520"/>
        <source>only shows with this host (主播)</source>
        <translation>只列出这位主播的场次</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2521"/>
        <source>only shows with this tag</source>
        <translation>只列出带这个标签的场次</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2526"/>
        <source>shows that started on or after (YYYY-MM-DD)</source>
        <translation>在这一天或之后开始的场次（`YYYY-MM-DD`）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2532"/>
        <source>shows that started on or before (YYYY-MM-DD)</source>
        <translation>在这一天或之前开始的场次（`YYYY-MM-DD`）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2535"/>
        <source>only shows whose title contains this</source>
        <translation>只列出标题包含这段文字的场次</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2541"/>
        <source>sort column (default: start): {keys}</source>
        <translation>排序列（默认：`start`）：{keys}</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2546"/>
        <source>smallest first (default: largest/newest first)</source>
        <translation>从小到大排列（默认：从大到小/从新到旧）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2549"/>
        <source>shows per page (default 100)</source>
        <translation>每页的场次数（默认 100）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2552"/>
        <source>skip the first N shows</source>
        <translation>跳过前 N 场</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2557"/>
        <source>list the demo room&apos;s shows too (rehearsals on the simulator; left out by default, and counted)</source>
        <translation>同时列出演示直播间的场次（模拟器上的彩排；默认不列出，只计数）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2562"/>
        <source>print a JSON list (unknown figures are null)</source>
        <translation>输出一个 JSON 列表（未知的数值为 `null`）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2564"/>
        <source>language of the table</source>
        <translation>表格的语言</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2569"/>
        <source>show or edit a stored show&apos;s title, hosts, assistant, tags, notes</source>
        <translation>查看或修改已保存场次的标题、主播、场控、标签和备注</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2576"/>
        <source>the show (see `onair shows`)</source>
        <translation>场次（见 `onair shows`）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2578"/>
        <source>the show&apos;s title</source>
        <translation>场次标题</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2583"/>
        <source>a host (repeatable; replaces the hosts)</source>
        <translation>一位主播（可重复；替换原有主播）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2585"/>
        <source>the assistant (场控)</source>
        <translation>场控</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2590"/>
        <source>a tag (repeatable; replaces the tags)</source>
        <translation>一个标签（可重复；替换原有标签）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2592"/>
        <source>notes about the show</source>
        <translation>关于这场直播的备注</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2593"/>
        <source>who edits (default: your login name)</source>
        <translation>修改人（默认：你的登录名）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2595"/>
        <source>language of messages</source>
        <translation>提示信息的语言</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2602"/>
        <source>import a platform&apos;s per-minute export (Douyin, Taobao, Kuaishou) into a show</source>
        <translation>把平台后台导出的分钟数据（抖音、淘宝、快手）导入到一个场次</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2611"/>
        <source>the stored show to import into</source>
        <translation>要导入到的已保存场次</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2616"/>
        <source>the export: CSV (UTF-8, UTF-8 with BOM, GB18030) or XLSX</source>
        <translation>导出文件：CSV（UTF-8、带 BOM 的 UTF-8、GB18030）或 XLSX</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2623"/>
        <source>read an unrecognised column as a field (viewers, entered, left, likes, comments, gmv, orders, time) or leave it out (ignore); repeatable</source>
        <translation>把无法识别的列当作某个字段读取（`viewers`、`entered`、`left`、`likes`、`comments`、`gmv`、`orders`、`time`），或不读取（`ignore`）；可重复</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2633"/>
        <source>where it came from</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2636"/>
        <location filename="../../console/cli.py" line="2741"/>
        <source>who imports it (default: your login name)</source>
        <translation>导入人（默认：你的登录名）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2652"/>
        <source>a show or a period (day/week/month per room or host) as text, JSON, XLSX, CSV or PDF</source>
        <translation>一场直播或一段时间（按直播间或主播的日/周/月）的报告，格式为文字、JSON、XLSX、CSV 或 PDF</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2657"/>
        <source>this stored show (see `onair shows`)</source>
        <translation>这个已保存的场次（见 `onair shows`）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2660"/>
        <source>with --room: the room&apos;s newest show</source>
        <translation>与 --room 一起用：该直播间最新的一场</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2665"/>
        <source>the room (with --last), or only this room&apos;s shows (a period)</source>
        <translation>直播间（与 --last 一起用），或只统计这个直播间的场次（一段时间）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2671"/>
        <source>a period: shows that started on or after</source>
        <translation>一段时间：在这一天或之后开始的场次</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2677"/>
        <source>a period: shows that started on or before</source>
        <translation>一段时间：在这一天或之前开始的场次</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2682"/>
        <source>a period: only this host&apos;s shows (reported per host)</source>
        <translation>一段时间：只统计这位主播的场次（按主播汇总）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2687"/>
        <source>a period&apos;s unit (default: by the range&apos;s length)</source>
        <translation>时间段的单位（默认：按时间范围的长短决定）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2690"/>
        <source>a period: one row per room or per host</source>
        <translation>一段时间：每个直播间或每位主播一行</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2695"/>
        <source>a period: count the demo room&apos;s shows too (rehearsals on the simulator; left out by default)</source>
        <translation>一段时间：同时统计演示直播间的场次（模拟器上的彩排；默认不统计）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2700"/>
        <source>write the report as an XLSX workbook</source>
        <translation>把报告写成 XLSX 工作簿</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2705"/>
        <source>write the per-second data (a show) or the periods as CSV</source>
        <translation>把逐秒数据（单场）或各时间段写成 CSV</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2710"/>
        <source>with --csv: machine names and UTC times, for scripts</source>
        <translation>与 --csv 一起用：使用机器可读的列名和 UTC 时间，供脚本使用</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2713"/>
        <source>write the show&apos;s report as PDF (A4)</source>
        <translation>把场次报告写成 PDF（A4）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2718"/>
        <source>print one JSON object (unknown figures are null)</source>
        <translation>输出一个 JSON 对象（未知的数值为 `null`）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2721"/>
        <source>language of the text and the files</source>
        <translation>文字和文件的语言</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2728"/>
        <source>import or export a room&apos;s rundown (直播脚本) as CSV or XLSX</source>
        <translation>以 CSV 或 XLSX 导入或导出直播间的直播脚本</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2733"/>
        <source>replace the room&apos;s rundown with a CSV or XLSX sheet (nothing changes when it is refused)</source>
        <translation>用一张 CSV 或 XLSX 表格替换直播间的直播脚本（被拒绝时不做任何改动）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2738"/>
        <source>the sheet: CSV (UTF-8, GB18030, UTF-16) or XLSX</source>
        <translation>表格：CSV（UTF-8、GB18030、UTF-16）或 XLSX</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2748"/>
        <source>how long to wait for the room&apos;s OBS to list its scenes</source>
        <translation>等待直播间的 OBS 列出场景的时间</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2753"/>
        <source>read the room&apos;s OBS password from this variable (default: the keyring)</source>
        <translation>从这个环境变量读取直播间的 OBS 密码（默认：系统密钥环）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2757"/>
        <source>write the room&apos;s rundown to FILE (.csv or .xlsx)</source>
        <translation>把直播间的直播脚本写入文件（.csv 或 .xlsx）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2760"/>
        <source>where to write: .xlsx for XLSX, else CSV</source>
        <translation>写入位置：.xlsx 写成 XLSX，其他写成 CSV</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2768"/>
        <source>the room (the demo room is `demo`)</source>
        <translation>直播间（演示直播间是 `demo`）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2773"/>
        <source>language of the messages and the file&apos;s headers</source>
        <translation>提示信息和文件表头的语言</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2779"/>
        <source>export a show&apos;s lottery (抽奖) or verify an exported one</source>
        <translation>导出一场直播的抽奖，或核验已导出的抽奖</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2784"/>
        <source>check an exported lottery (JSON): the seed against its commitment, the winners (exit 0/1)</source>
        <translation>核验导出的抽奖（JSON）：种子是否与承诺值相符，中奖名单是否正确（退出码 0/1）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2788"/>
        <source>the lottery&apos;s JSON export</source>
        <translation>抽奖导出的 JSON 文件</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2795"/>
        <source>write a stored lottery to FILE: .json (verifiable record), .csv or .xlsx</source>
        <translation>把已保存的抽奖写入文件：.json（可核验的记录）、.csv 或 .xlsx</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2798"/>
        <source>where to write (.json, .csv or .xlsx)</source>
        <translation>写入位置（.json、.csv 或 .xlsx）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2802"/>
        <source>the show&apos;s newest lottery</source>
        <translation>该场次最新的一次抽奖</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2804"/>
        <source>this lottery</source>
        <translation>这次抽奖</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2806"/>
        <source>language of the messages and the headers</source>
        <translation>提示信息和表头的语言</translation>
    </message>
</context>
<context>
    <name>Comments</name>
    <message>
        <location filename="../../console/core/chat/platforms.py" line="14"/>
        <source>Bilibili</source>
        <extracomment>The Qt translation context of the platforms&apos; words (the Comments dock&apos;s). Per platform id: its words. An id without words is said as it is.</extracomment>
        <translation>B站</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/platforms.py" line="15"/>
        <source>Twitch</source>
        <translation>Twitch</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/platforms.py" line="16"/>
        <source>YouTube</source>
        <translation>YouTube</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/platforms.py" line="17"/>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/platforms.py" line="18"/>
        <source>Kuaishou</source>
        <translation>快手</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/platforms.py" line="19"/>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/platforms.py" line="20"/>
        <source>WS</source>
        <translation>WS</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/platforms.py" line="21"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/platforms.py" line="22"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/platforms.py" line="24"/>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_model.py" line="57"/>
        <source>{user} sent {gift} ×{count}</source>
        <extracomment>Likes closer together than this (seconds, on the arrival clock) share one row. Names listed in a grouped like row before &quot;and N others&quot;. Per platform: the badge&apos;s short words (console/core/chat/platforms.py, context &quot;Comments&quot;) and its colour. The compact one-line words of what is not a comment ({user} is the viewer&apos;s name).</extracomment>
        <translation>{user} 送出 {gift} ×{count}</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_model.py" line="58"/>
        <source>{user} liked ×{count}</source>
        <translation>{user} 点赞 ×{count}</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_model.py" line="59"/>
        <source>{user} followed</source>
        <translation>{user} 关注了主播</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_model.py" line="60"/>
        <source>{user} came in</source>
        <translation>{user} 进入直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_model.py" line="61"/>
        <source>{user} shared the stream</source>
        <translation>{user} 分享了直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_model.py" line="62"/>
        <source>{user} became a member {gift}</source>
        <translation>{user} 开通了 {gift}</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_model.py" line="64"/>
        <source>Super Chat {value}: {text}</source>
        <translation>醒目留言 {value}：{text}</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_model.py" line="65"/>
        <source>{names} and {others} others</source>
        <translation>{names} 等 {others} 人</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_model.py" line="67"/>
        <source>, </source>
        <extracomment>A name list&apos;s separator (&quot;小明、小红&quot;).</extracomment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>CommentsDock</name>
    <message>
        <location filename="../../widgets/comments_dock.py" line="92"/>
        <source>Search names and words (%1)</source>
        <extracomment>The feed&apos;s sequence number read up to. Events the feed dropped before this dock read them (said under the list). Events held back while the view is paused (the newest max_rows), and how many arrived meanwhile. The pointer is over the list: the rows stay put (a click or right-click meets the comment aimed at), new ones wait like a paused view&apos;s and come in when the pointer leaves. The port&apos;s history already shown (it is shown once per room&apos;s feed). The serial of the row the line is under (None: no line).</extracomment>
        <translation>搜索昵称和内容（%1）</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_dock.py" line="95"/>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_dock.py" line="96"/>
        <source>Comments only</source>
        <translation>只看评论</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_dock.py" line="97"/>
        <source>Comments only: hide gifts, likes, follows and entries</source>
        <translation>只看评论：隐藏礼物、点赞、关注和进场</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_dock.py" line="205"/>
        <source>Above the line: this show&apos;s earlier comments, up to {time}, read back from its record</source>
        <extracomment>What viewers report now and why, as the health engine says it (None: a dock without the room&apos;s health).</extracomment>
        <translation>分隔线以上：本场直播 {time} 及之前的评论，从本场记录中读回</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_dock.py" line="211"/>
        <source>Comments that came before this console started (a restart mid-show): read back from the show&apos;s record, they are not counted, stored or read for questions or the lottery again.</source>
        <translation>本中控台启动前（直播中途重启）收到的评论：从本场记录中读回，不会再次计数、保存，也不会再次识别为问题或计入抽奖。</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_dock.py" line="267"/>
        <source>No comment sources for this room</source>
        <translation>这个直播间没有评论来源</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_dock.py" line="280"/>
        <source>{count} message went by too fast to show (counted, not listed)</source>
        <translation>{count} 条消息来得太快未能显示（已计数，未列出）</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_dock.py" line="282"/>
        <source>{count} messages went by too fast to show (counted, not listed)</source>
        <translation>{count} 条消息来得太快未能显示（已计数，未列出）</translation>
    </message>
    <message>
        <location filename="../../widgets/comments_dock.py" line="289"/>
        <source>{count} new — jump to newest</source>
        <translation>{count} 条新消息 — 跳到最新</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <location filename="../../widgets/compare_view.py" line="39"/>
        <source>Viewers</source>
        <extracomment>One colour per show, in the order given (the first is the one the others are measured against). The channels one can overlay: (channel, its name with its unit, in the &quot;Compare&quot; context). The live docks&apos; series names (&quot;Stream&quot;, &quot;System&quot;) are read under their graph&apos;s title; alone in a chooser they said neither which figure nor in what (walk15: &quot;推流&quot;, &quot;整机&quot;).</extracomment>
        <translation>在线观众</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="40"/>
        <source>Likes</source>
        <translation>点赞</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="41"/>
        <source>Interactions</source>
        <translation>互动</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="42"/>
        <source>Comments per minute</source>
        <translation>每分钟评论数</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="43"/>
        <source>Chatters per minute</source>
        <translation>每分钟发言人数</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="44"/>
        <source>Stream bitrate (kbit/s)</source>
        <translation>推流码率 (kbit/s)</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="45"/>
        <source>Frames dropped by the network (%)</source>
        <translation>网络丢帧 (%)</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="46"/>
        <source>Rendering lag (% of frames)</source>
        <translation>渲染延迟丢帧 (%)</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="47"/>
        <source>Frame rate (fps)</source>
        <translation>帧率 (fps)</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="48"/>
        <source>Computer&apos;s CPU (%)</source>
        <translation>整机 CPU 占用 (%)</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../widgets/compare_view.py" line="100"/>
        <source>Figure:</source>
        <extracomment>Tick steps in seconds: whole minutes and hours, as one reads a show&apos;s running time.</extracomment>
        <translation>指标：</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="103"/>
        <source>Aligned by:</source>
        <translation>对齐方式：</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="145"/>
        <source>Start of the show</source>
        <translation>场次开始</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="146"/>
        <source>Going live</source>
        <translation>开播</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="149"/>
        <source>First time on program: %1</source>
        <translation>首次切到场景：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="190"/>
        <source>Not known for these shows: %1</source>
        <translation>这几场都没有这项数据：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/compare_view.py" line="192"/>
        <source>Not known for %1</source>
        <translation>以下场次没有这项数据：%1</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <location filename="../../console/review_windows.py" line="398"/>
        <source>Compare shows %1</source>
        <translation>对比场次 %1</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="401"/>
        <source>Loading %1 shows…</source>
        <translation>正在读取 %1 场直播…</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="409"/>
        <source>Choose two shows or more to compare.</source>
        <translation>请选择至少两场直播进行对比。</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="430"/>
        <source>Show %1: %2</source>
        <translation>场次 %1：%2</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="433"/>
        <source>The shows could not be compared:</source>
        <translation>无法对比这些场次：</translation>
    </message>
</context>
<context>
    <name>ConnectionStatus</name>
    <message>
        <location filename="../../widgets/connection_status.py" line="36"/>
        <source>reconnecting</source>
        <translation>重连中</translation>
    </message>
    <message>
        <location filename="../../widgets/connection_status.py" line="44"/>
        <source>excellent</source>
        <translation>极好</translation>
    </message>
    <message>
        <location filename="../../widgets/connection_status.py" line="46"/>
        <source>good</source>
        <translation>良好</translation>
    </message>
    <message>
        <location filename="../../widgets/connection_status.py" line="40"/>
        <location filename="../../widgets/connection_status.py" line="48"/>
        <source>mediocre</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../widgets/connection_status.py" line="38"/>
        <location filename="../../widgets/connection_status.py" line="49"/>
        <source>bad</source>
        <translation>差</translation>
    </message>
    <message>
        <location filename="../../widgets/connection_status.py" line="93"/>
        <source>Retry now</source>
        <extracomment>&quot;Enter password…&quot; beside a refused password: the one thing to do then, where the refusal is said (it was only in the Connection menu, and the bar offered &quot;Retry now&quot; with the same refused password; fresh18&apos;s walk).</extracomment>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../widgets/connection_status.py" line="95"/>
        <source>Enter password…</source>
        <translation>输入密码…</translation>
    </message>
    <message>
        <location filename="../../widgets/connection_status.py" line="157"/>
        <source>Network: %1</source>
        <translation>网络：%1</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="60"/>
        <source>{where} refused the connection: is PostgreSQL running there, on that port?</source>
        <translation>{where} 拒绝了连接：那台机器上的 “PostgreSQL” 是否在运行、端口是否正确？</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="63"/>
        <source>there is no such host: {where} (check the database address)</source>
        <translation>找不到这台主机：{where}（请检查数据库地址）</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="64"/>
        <source>{where} did not answer in time (the server or the network between is down or too slow)</source>
        <translation>{where} 没有及时应答（服务器或中间的网络已断开或太慢）</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="67"/>
        <source>{where} has not answered for {seconds} s (the server is frozen or overloaded)</source>
        <translation>{where} 已经 {seconds} 秒没有应答（服务器卡死或负载过高）</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="70"/>
        <source>{where} refused the password (or none was given)</source>
        <translation>{where} 拒绝了密码（或没有提供密码）</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="71"/>
        <source>{where}: that database does not exist on the server</source>
        <translation>{where}：服务器上没有这个数据库</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="72"/>
        <source>{where}: that database user (role) does not exist on the server</source>
        <translation>{where}：服务器上没有这个数据库用户（角色）</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="73"/>
        <source>{where} does not let this computer in (the server&apos;s access rules, pg_hba.conf)</source>
        <translation>{where} 不允许这台电脑连接（服务器的访问规则 “pg_hba.conf”）</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="76"/>
        <source>{where} is shutting down or starting up</source>
        <translation>{where} 正在关闭或启动</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="77"/>
        <source>{where}: the encrypted (SSL) connection was refused (check sslmode and the server&apos;s SSL)</source>
        <translation>{where}：加密（“SSL”）连接被拒绝（请检查 “sslmode” 和服务器的 “SSL” 设置）</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="80"/>
        <source>the connection to {where} was lost (the server stopped or the network)</source>
        <translation>与 {where} 的连接断开了（服务器停止或网络中断）</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="81"/>
        <source>{where}: this database user may not do that (permission denied)</source>
        <translation>{where}：这个数据库用户没有权限这样做</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="82"/>
        <source>the disk holding {where} is full (free some space on it)</source>
        <translation>存放 {where} 的磁盘已满（请腾出一些空间）</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="83"/>
        <source>{where} cannot be written: the file, its folder or the disk is read-only</source>
        <translation>{where} 无法写入：文件、所在文件夹或磁盘是只读的</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="86"/>
        <source>{where} is held by another program (another console, a backup or a database viewer?)</source>
        <translation>{where} 被另一个程序占用（另一个中控台、备份程序或数据库查看器？）</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="89"/>
        <source>{where} is damaged or is not a database file</source>
        <translation>{where} 已损坏，或不是数据库文件</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="90"/>
        <source>{where} cannot be opened (its folder is missing, or this user may not open it)</source>
        <translation>无法打开 {where}（所在文件夹不存在，或当前用户没有权限打开）</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="93"/>
        <source>the disk holding {where} failed to read or write (a disk error)</source>
        <translation>存放 {where} 的磁盘读写失败（磁盘错误）</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="94"/>
        <source>{where} cannot be used (see the details)</source>
        <translation>{where} 无法使用（详见详细信息）</translation>
    </message>
    <message>
        <location filename="../../console/core/dbtrouble.py" line="187"/>
        <source>the database</source>
        <extracomment>SQLite&apos;s primary result codes (https://www.sqlite.org/rescode.html) and what they mean here. The OS&apos;s errors under a failure (a folder or spill file that cannot be made or written). SQLSTATEs (PostgreSQL, appendix A &quot;Error Codes&quot;) and what they mean here. libpq&apos;s and the server&apos;s English words, for failures that come without a SQLSTATE (every failed connection). Fields of the cause&apos;s sentence beyond {where} (NOT_ANSWERING&apos;s {seconds}). A sentence of the caller&apos;s own instead of the cause&apos;s (the studio&apos;s tables not made yet), in `context`.</extracomment>
        <translation>数据库</translation>
    </message>
</context>
<context>
    <name>DemoChat</name>
    <message>
        <location filename="../../console/core/chat/demo.py" line="46"/>
        <source>Simulated viewer {n}</source>
        <translation>模拟观众{n}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/demo.py" line="49"/>
        <source>Heart</source>
        <translation>小心心</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/demo.py" line="50"/>
        <source>Spicy strip</source>
        <translation>辣条</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/demo.py" line="51"/>
        <source>Rose</source>
        <translation>玫瑰</translation>
    </message>
</context>
<context>
    <name>DemoObs</name>
    <message>
        <location filename="../../console/cli.py" line="29"/>
        <source>the environment variable %1 is not set</source>
        <translation>环境变量 %1 未设置</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="34"/>
        <source>Password for the simulated obs-websocket: </source>
        <translation>模拟 obs-websocket 的密码：</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="57"/>
        <source>--fps “%1” is not a frame rate: give frames per second from %2 to %3, whole (60), as a fraction (30000/1001) or as OBS names an NTSC rate (23.976, 29.97, 59.94)</source>
        <translation>--fps“%1”不是有效的帧率：请给出 %2 到 %3 之间的每秒帧数，可以是整数（60）、分数（30000/1001），或 OBS 对 NTSC 帧率的写法（23.976、29.97、59.94）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="98"/>
        <source>unknown scenario “%1”; choose one of: %2 (see --list-scenarios)</source>
        <translation>没有“%1”这个场景；可选：%2（见 --list-scenarios）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="108"/>
        <source>listening beyond this computer needs a password (--password-env VAR or --password-prompt)</source>
        <translation>要让本机以外的电脑连接，必须设置密码（--password-env `VAR` 或 --password-prompt）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="131"/>
        <source>cannot listen on %1: %2</source>
        <translation>无法在 %1 上监听：%2</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="137"/>
        <source>OnAir demo OBS (obs-websocket 5.1.0 simulator) on %1 with a password; scenario: %2; video: %3 at %4 fps. Ctrl+C stops it.</source>
        <translation>OnAir 演示 OBS（obs-websocket 5.1.0 模拟器）已在 %1 上运行，需要密码；场景：%2；视频：%3，%4 fps。按 Ctrl+C 停止。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="143"/>
        <source>OnAir demo OBS (obs-websocket 5.1.0 simulator) on %1 without a password; scenario: %2; video: %3 at %4 fps. Ctrl+C stops it.</source>
        <translation>OnAir 演示 OBS（obs-websocket 5.1.0 模拟器）已在 %1 上运行，无需密码；场景：%2；视频：%3，%4 fps。按 Ctrl+C 停止。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="163"/>
        <source>stopped.</source>
        <translation>已停止。</translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <location filename="../../console/docks.py" line="110"/>
        <source>Scenes</source>
        <extracomment>Bump when the set of docks or the default arrangement changes: saved layouts of an older set are then ignored, not half-applied. The room&apos;s rundown (console/rundown_controller.py): the Rundown dock takes it; None: no Rundown dock. The room&apos;s comments (console/chat_controller.py, a widgets/chat_port.py ChatPort): the Comments dock takes it. The room&apos;s Q&amp;A queue and lottery (console/engage_controller.py): the Questions dock takes it.</extracomment>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../console/docks.py" line="112"/>
        <source>Program</source>
        <translation>直播画面</translation>
    </message>
    <message>
        <location filename="../../console/docks.py" line="114"/>
        <source>Output</source>
        <translation>推流与录制</translation>
    </message>
    <message>
        <location filename="../../console/docks.py" line="115"/>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../console/docks.py" line="116"/>
        <source>Event log</source>
        <translation>事件记录</translation>
    </message>
    <message>
        <location filename="../../console/docks.py" line="119"/>
        <source>Checklist</source>
        <translation>检查单</translation>
    </message>
    <message>
        <location filename="../../console/docks.py" line="125"/>
        <source>Health</source>
        <translation>健康诊断</translation>
    </message>
    <message>
        <location filename="../../console/docks.py" line="132"/>
        <source>Shows</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <location filename="../../console/docks.py" line="137"/>
        <location filename="../../console/docks.py" line="301"/>
        <source>Rundown</source>
        <translation>直播脚本</translation>
    </message>
    <message>
        <location filename="../../console/docks.py" line="146"/>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../console/docks.py" line="155"/>
        <source>Questions</source>
        <translation>问答</translation>
    </message>
    <message>
        <location filename="../../console/docks.py" line="201"/>
        <source>Assistant</source>
        <translation>主播助理</translation>
    </message>
    <message>
        <location filename="../../console/docks.py" line="227"/>
        <source>Streamer</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../console/docks.py" line="243"/>
        <source>Technician</source>
        <translation>技术</translation>
    </message>
    <message>
        <location filename="../../console/docks.py" line="274"/>
        <source>Analyst</source>
        <translation>数据分析</translation>
    </message>
    <message>
        <location filename="../../console/docks.py" line="291"/>
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="23"/>
        <source>Bitrate</source>
        <translation>码率</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="43"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="60"/>
        <source>Dropped frames</source>
        <translation>丢帧</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="79"/>
        <source>FPS and render time</source>
        <translation>帧率与渲染耗时</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="116"/>
        <source>Audience</source>
        <translation>观众</translation>
    </message>
</context>
<context>
    <name>Encodings</name>
    <message>
        <location filename="../../console/core/review/platform.py" line="158"/>
        <source>UTF-8 with BOM</source>
        <extracomment>The one encoding name with words in it (the others are names: UTF-8, GB18030, UTF-16, XLSX).</extracomment>
        <translation>带 BOM 的 UTF-8</translation>
    </message>
</context>
<context>
    <name>Engage</name>
    <message>
        <location filename="../../console/engage_controller.py" line="167"/>
        <source>Questions and lotteries are kept with the room&apos;s show: choose a room first.</source>
        <extracomment>How often the feed is pumped (questions found, entries stored), and every how many pumps the queue is read. When this controller started (wall clock): a lottery opened or a claim made before it was taken up. Why storage fails now (None while it works): said in the language of the moment each time it is read. Read on the worker only: the Engagement of the generation it was made for. The product on air as last said (sig_product_changed only when it changes, not at every running second).</extracomment>
        <translation>问答和抽奖随直播间的场次保存：请先选择直播间。</translation>
    </message>
    <message>
        <location filename="../../console/engage_controller.py" line="173"/>
        <source>Waiting for the room&apos;s show to be opened in the database…</source>
        <translation>正在等待数据库打开本直播间的场次…</translation>
    </message>
    <message>
        <location filename="../../console/engage_controller.py" line="196"/>
        <source>Questions and lotteries cannot be stored now: %1. Nothing is lost: they wait here and are stored once the database works again.</source>
        <translation>问答和抽奖暂时无法保存：%1。不会丢失：它们在这里等待，数据库恢复后立即保存。</translation>
    </message>
    <message>
        <location filename="../../console/engage_controller.py" line="470"/>
        <source>No comment source of this room can post to its chat: copy the reply instead.</source>
        <translation>本直播间没有能发评论的来源：请复制回复。</translation>
    </message>
</context>
<context>
    <name>EngageDock</name>
    <message>
        <location filename="../../widgets/engage_dock.py" line="80"/>
        <source>Questions</source>
        <extracomment>What viewers report now and why (the health engine&apos;s words), over the answer being written: &quot;没声音？&quot; is answered knowing the microphone is muted. None: a dock without the room&apos;s health.</extracomment>
        <translation>问答</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_dock.py" line="83"/>
        <source>Lottery</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_dock.py" line="86"/>
        <source>Lottery ● %1 entries</source>
        <translation>抽奖 ● %1 人参与</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_dock.py" line="86"/>
        <source>Lottery ● %1 entry</source>
        <translation>抽奖 ● %1 人参与</translation>
    </message>
</context>
<context>
    <name>EventLog</name>
    <message>
        <location filename="../../widgets/event_log.py" line="41"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/event_log.py" line="41"/>
        <source>Who</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/event_log.py" line="41"/>
        <source>What</source>
        <translation>事件</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <location filename="../../console/event_text.py" line="61"/>
        <source>no answer for %1 s</source>
        <translation>已 %1 秒没有回应</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="65"/>
        <source>reading OBS&apos;s state failed: %1</source>
        <translation>读取 OBS 的状态失败：%1</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="95"/>
        <source>Streaming started</source>
        <translation>已开始推流</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="96"/>
        <source>Streaming stopped</source>
        <translation>已停止推流</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="97"/>
        <source>Stream connection lost: OBS is reconnecting</source>
        <translation>推流连接中断：OBS 正在重连</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="98"/>
        <source>Stream reconnected</source>
        <translation>推流已重新连接</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="99"/>
        <source>Recording started</source>
        <translation>已开始录制</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="100"/>
        <source>Recording stopped</source>
        <translation>已停止录制</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="101"/>
        <source>Recording paused</source>
        <translation>录制已暂停</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="102"/>
        <source>Recording resumed</source>
        <translation>录制已继续</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="153"/>
        <source>Program scene: %1</source>
        <translation>直播画面：%1</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="154"/>
        <source>Preview scene: %1</source>
        <translation>预览画面：%1</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="169"/>
        <source>Stream still not connected: OBS tries again (attempt %1)</source>
        <translation>推流仍未连上：OBS 再次重连（第 %1 次尝试）</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="202"/>
        <source>Password not kept — this system has no keyring, so the room&apos;s OBS password lasted only for the session it was typed in. Enter it again.</source>
        <translation>密码未保存 — 这个系统没有密钥环，直播间的 OBS 密码只在输入它的那次运行中有效。请重新输入。</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="250"/>
        <source>OBS lost for %1 s</source>
        <translation>与 OBS 失联 %1 秒</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="252"/>
        <source>OBS lost for %1 min %2 s</source>
        <translation>与 OBS 失联 %1 分 %2 秒</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="266"/>
        <source>not sent: OBS is not answering, and would carry it out late when it recovers</source>
        <translation>未发送：OBS 没有响应，若现在发送，它恢复后会延迟执行</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="268"/>
        <source>OBS did not answer within %1 s; it may still carry it out when it recovers</source>
        <translation>OBS 在 %1 秒内没有回应；它恢复后仍可能执行</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="272"/>
        <source>not connected to OBS</source>
        <translation>未连接 OBS</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="125"/>
        <source>Studio mode on</source>
        <translation>工作室模式已开启</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="126"/>
        <source>Studio mode off</source>
        <translation>工作室模式已关闭</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="156"/>
        <source>Scene created: %1</source>
        <translation>已新建场景：%1</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="157"/>
        <source>Scene removed: %1</source>
        <translation>已删除场景：%1</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="130"/>
        <source>%1 muted</source>
        <translation>%1 已静音</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="41"/>
        <source>the connection was closed on the OBS side</source>
        <translation>连接被 OBS 一端关闭</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="42"/>
        <source>the OBS computer reset the connection</source>
        <translation>OBS 所在电脑重置了连接</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="130"/>
        <source>%1 unmuted</source>
        <translation>%1 已取消静音</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="135"/>
        <source>Transition: %1</source>
        <translation>转场：%1</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="144"/>
        <source>%1 is delivering video</source>
        <translation>%1 有画面输出</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="146"/>
        <source>%1 stopped delivering video</source>
        <translation>%1 没有画面输出了</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="209"/>
        <source>Connected to OBS %1 (obs-websocket %2)</source>
        <translation>已连接 OBS %1（obs-websocket %2）</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="214"/>
        <source>Connecting to OBS…</source>
        <translation>正在连接 OBS…</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="216"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="220"/>
        <source>OBS is not answering</source>
        <translation>OBS 没有响应</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="232"/>
        <source>Reconnecting in %1 s</source>
        <translation>%1 秒后重连</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="225"/>
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../../console/event_text.py" line="226"/>
        <source>Incompatible OBS</source>
        <translation>OBS 版本不兼容</translation>
    </message>
</context>
<context>
    <name>Fonts</name>
    <message>
        <location filename="../../console/i18n.py" line="91"/>
        <source>No installed font can show Chinese: scene and source names such as 直播中 will appear as empty boxes. Install one, e.g. on Debian/Ubuntu: sudo apt install fonts-noto-cjk (or fonts-wqy-microhei).</source>
        <translation>没有能显示中文的字体：“直播中”这样的场景和来源名称会显示成空方框。请安装中文字体，例如 Debian/Ubuntu：sudo apt install fonts-noto-cjk（或 fonts-wqy-microhei）。</translation>
    </message>
</context>
<context>
    <name>ForfeitDialog</name>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="746"/>
        <source>Forfeit a winner?</source>
        <translation>取消该中奖者资格？</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="751"/>
        <source>Mark %1 (winner %2) as forfeited? They stay in the record, struck out. Every entry has been drawn: nobody is left to draw as their replacement.</source>
        <translation>将 %1（第 %2 名中奖者）标为放弃资格？其记录会保留并划掉。所有参与者均已抽出：没有人可以补抽替代其位置。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="756"/>
        <source>Mark %1 (winner %2) as forfeited? They stay in the record, struck out. Draw replacement then draws the next viewer of the same seeded sequence, which anyone can check.</source>
        <translation>将 %1（第 %2 名中奖者）标为放弃资格？其记录会保留并划掉。之后按“补抽”会按同一种子序列抽出下一位观众，任何人都可核验。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="769"/>
        <source>Optional, e.g. called three times on air, no answer</source>
        <translation>可不填，例如：直播中叫了三次，无人应答</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="771"/>
        <source>Forfeit (Ctrl+Enter)</source>
        <translation>取消资格（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="772"/>
        <source>Keep the winner</source>
        <translation>保留中奖者</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="780"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="781"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>GoLive</name>
    <message>
        <location filename="../../obs/go_live.py" line="39"/>
        <source>Not live: OBS refused to start the stream ({reason}).</source>
        <extracomment>How long after OBS accepted StartStream the stream must at least be starting. obs-websocket answers StartStream once it has handed the start to OBS&apos;s UI thread (obs_frontend_streaming_start); OBS says STARTING there as its first step, before it connects anywhere — normally a fraction of a second later. OBS 30+ with no stream key (or a service it cannot set up) shows a message box instead and says nothing. A busy UI thread, or OBS 30.2&apos;s enhanced broadcasting asking the platform for its settings before it starts, can hold STARTING back for a few seconds: 10 s is past those and still short for someone waiting at Go live. A STARTING that comes later takes it back. How long a go-live taken up after a restart (`GoLiveWatch.resumed`) may stay off air, OBS saying nothing of it, before it is taken as not started. Its STARTING may have gone out before the console was back, and OBS then says nothing until the output connects or gives up: that is bounded by the output&apos;s own connect timeout, not by SILENT_S — 30 s is past a slow server&apos;s connect and still a short wait for an override to lapse.</extracomment>
        <translation>未开播：OBS 拒绝开始推流（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../obs/go_live.py" line="40"/>
        <source>Not live: OBS started connecting to the server and stopped without going on air. Check the server and stream key in OBS&apos;s stream settings, and the network; OBS&apos;s own window says why.</source>
        <translation>未开播：OBS 开始连接服务器后停止了，没有开播。请检查 OBS 推流设置中的服务器和推流码，以及网络；原因见 OBS 自己的窗口。</translation>
    </message>
    <message>
        <location filename="../../obs/go_live.py" line="45"/>
        <source>Not live: OBS accepted the start but the stream did not start (nothing within {seconds:g} s). OBS may be asking for a stream key or a service on its own screen.</source>
        <translation>未开播：OBS 接受了开播请求，但推流没有开始（{seconds:g} 秒内没有任何动静）。OBS 可能正在它自己的屏幕上要求填写推流码或选择服务。</translation>
    </message>
    <message>
        <location filename="../../obs/go_live.py" line="50"/>
        <source>OBS is not answering; the start was not sent</source>
        <translation>OBS 没有响应，开播请求未发出</translation>
    </message>
    <message>
        <location filename="../../obs/go_live.py" line="51"/>
        <source>OBS did not answer within {seconds:g} s</source>
        <translation>OBS 在 {seconds:g} 秒内没有应答</translation>
    </message>
    <message>
        <location filename="../../obs/go_live.py" line="52"/>
        <source>not connected to OBS</source>
        <translation>未连接 OBS</translation>
    </message>
    <message>
        <location filename="../../obs/go_live.py" line="58"/>
        <source>OBS&apos;s stream is already starting or on air</source>
        <extracomment>What obs-websocket&apos;s answers to StartStream and StopStream mean, in words (walk: &quot;500 OutputRunning&quot; stood in the Chinese UI). StartStream refuses only with OutputRunning, StopStream only with OutputNotRunning; any request may be answered NotReady (OBS still loading), UnknownRequestType (a plugin without it) or RequestProcessingFailed (OBS threw, with a comment). Anything else is said as a refusal with obs-websocket&apos;s code as the detail.</extracomment>
        <translation>OBS 的推流已在开始或已在直播</translation>
    </message>
    <message>
        <location filename="../../obs/go_live.py" line="59"/>
        <source>OBS&apos;s stream is not running, so there is nothing to stop</source>
        <translation>OBS 的推流并未运行，没有可停止的</translation>
    </message>
    <message>
        <location filename="../../obs/go_live.py" line="60"/>
        <source>OBS is not ready yet (it is starting up or loading a scene collection); try again in a moment</source>
        <translation>OBS 尚未就绪（正在启动或加载场景集合），请稍后再试</translation>
    </message>
    <message>
        <location filename="../../obs/go_live.py" line="63"/>
        <source>this OBS&apos;s obs-websocket does not know the request; update it</source>
        <translation>这台 OBS 的 obs-websocket 不认识该请求，请更新它</translation>
    </message>
    <message>
        <location filename="../../obs/go_live.py" line="64"/>
        <source>OBS failed while carrying it out (its words: {comment})</source>
        <translation>OBS 执行时出错（它的原话：{comment}）</translation>
    </message>
    <message>
        <location filename="../../obs/go_live.py" line="65"/>
        <source>OBS refused it (obs-websocket status {status})</source>
        <translation>OBS 拒绝了该请求（obs-websocket 状态 {status}）</translation>
    </message>
</context>
<context>
    <name>GoLiveDialog</name>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="239"/>
        <location filename="../../widgets/show_meta_dialog.py" line="261"/>
        <source>Go live</source>
        <translation>开始直播</translation>
    </message>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="240"/>
        <source>Start streaming now?</source>
        <translation>现在开始推流吗？</translation>
    </message>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="244"/>
        <source>No pre-show checklist has been run for this show (Checklist dock: choose a list and Start).</source>
        <translation>本场还没有做开播前检查（检查单面板：选择检查单，再按“开始”）。</translation>
    </message>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="250"/>
        <source>Show details</source>
        <translation>本场信息</translation>
    </message>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="280"/>
        <source>This show is not being recorded, so its details cannot be kept.</source>
        <translation>本场未被记录，无法保存本场信息。</translation>
    </message>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="282"/>
        <source>Reading the last show&apos;s details…</source>
        <translation>正在读取上一场的信息…</translation>
    </message>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="297"/>
        <source>The last show&apos;s details could not be read.</source>
        <translation>无法读取上一场的信息。</translation>
    </message>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="303"/>
        <source>No details yet.</source>
        <translation>尚无本场信息。</translation>
    </message>
</context>
<context>
    <name>Graphs</name>
    <message>
        <location filename="../../console/graphs.py" line="28"/>
        <location filename="../../console/review_pdf.py" line="697"/>
        <source>Stream</source>
        <translation>推流</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="29"/>
        <source>Upload (interface)</source>
        <translation>上行（网卡）</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="33"/>
        <location filename="../../console/graphs.py" line="85"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="48"/>
        <location filename="../../console/review_pdf.py" line="719"/>
        <source>System</source>
        <translation>整机</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="51"/>
        <location filename="../../console/review_pdf.py" line="720"/>
        <source>OBS</source>
        <translation>OBS</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="52"/>
        <location filename="../../console/review_pdf.py" line="721"/>
        <source>Busiest core</source>
        <translation>最忙的核心</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="65"/>
        <location filename="../../console/review_pdf.py" line="704"/>
        <source>Rendering lag</source>
        <translation>渲染延迟</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="66"/>
        <location filename="../../console/review_pdf.py" line="705"/>
        <source>Encoding lag</source>
        <translation>编码延迟</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="67"/>
        <location filename="../../console/review_pdf.py" line="706"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="70"/>
        <source>Warning 1 %</source>
        <translation>警告 1 %</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="71"/>
        <source>Danger 5 %</source>
        <translation>危险 5 %</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="83"/>
        <source>FPS</source>
        <translation>帧率</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="87"/>
        <location filename="../../console/graphs.py" line="99"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="90"/>
        <source>Danger</source>
        <translation>危险</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="96"/>
        <source>Render time</source>
        <translation>渲染耗时</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="105"/>
        <source>Frame interval</source>
        <translation>帧间隔</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="118"/>
        <location filename="../../console/review_pdf.py" line="680"/>
        <location filename="../../console/review_pdf.py" line="681"/>
        <source>Viewers</source>
        <translation>在线观众</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="122"/>
        <source>Likes</source>
        <translation>点赞</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="123"/>
        <source>Interactions</source>
        <translation>互动</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="131"/>
        <location filename="../../console/review_pdf.py" line="688"/>
        <source>Comments/min</source>
        <translation>评论/分钟</translation>
    </message>
    <message>
        <location filename="../../console/graphs.py" line="132"/>
        <location filename="../../console/review_pdf.py" line="689"/>
        <source>Chatters/min</source>
        <translation>发言人数/分钟</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <location filename="../../obs/vocabulary.py" line="93"/>
        <source>Rendering lag</source>
        <extracomment>A short name for each finding (the Health dock&apos;s timeline, graph markers).</extracomment>
        <translation>渲染延迟</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="94"/>
        <source>Encoding lag</source>
        <translation>编码延迟</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="95"/>
        <source>Network drops</source>
        <translation>网络丢帧</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="96"/>
        <source>Stream reconnect</source>
        <translation>推流重连</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="97"/>
        <source>FPS below target</source>
        <translation>帧率低于目标</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="98"/>
        <source>Render time over budget</source>
        <translation>渲染耗时超限</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="99"/>
        <source>Recording stalled</source>
        <translation>录制停滞</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="100"/>
        <source>Disk running low</source>
        <translation>磁盘空间不足</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="101"/>
        <source>CPU saturated</source>
        <translation>CPU 满载</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="103"/>
        <source>OBS lost</source>
        <translation>OBS 失联</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="105"/>
        <source>Stream did not resume</source>
        <translation>推流未恢复</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="106"/>
        <source>Microphone muted</source>
        <translation>麦克风已静音</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="107"/>
        <source>Microphone silent</source>
        <translation>麦克风无声</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="108"/>
        <source>Audio clipping</source>
        <translation>音频削波（爆音）</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="109"/>
        <source>Product video silent</source>
        <translation>商品视频无声</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="110"/>
        <source>Nothing heard on air</source>
        <translation>直播中听不到声音</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="111"/>
        <source>Viewers report a problem</source>
        <translation>观众反映问题</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="117"/>
        <source>Viewers report no sound</source>
        <extracomment>The audience-reports finding is one rule per kind of complaint (its &quot;complaint&quot; field): each kind its own name, so &quot;viewers report no sound&quot; and &quot;viewers report lag&quot; read differently wherever findings are listed.</extracomment>
        <translation>观众反映没声音</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="118"/>
        <source>Viewers report a black or frozen picture</source>
        <translation>观众反映黑屏或画面卡住</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="119"/>
        <source>Viewers report lag</source>
        <translation>观众反映卡顿</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="124"/>
        <source>Product video cannot be played</source>
        <extracomment>The product-video finding about a file OBS could not open (its `unplayable` field): it is not &quot;silent&quot; — nothing of it is seen or heard.</extracomment>
        <translation>商品视频无法播放</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="57"/>
        <source>Rendering</source>
        <extracomment>The categories in the order the Health dock shows their lights.</extracomment>
        <translation>渲染</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="58"/>
        <source>Encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="59"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="60"/>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="61"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="62"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../obs/vocabulary.py" line="63"/>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="243"/>
        <source>Rendering lag: OBS missed up to {peak:.1f} % of frames in a 10-s window while OBS itself was not answering ({stall_s:.0f} s); {pct:.1f} % in the last 10 s. The frames were lost to OBS freezing, not to the graphics card.</source>
        <translation>渲染延迟：OBS 本身无响应期间（{stall_s:.0f} 秒），某个 10 秒窗口内最多漏渲染 {peak:.1f} % 的帧；最近 10 秒为 {pct:.1f} %。这些帧是 OBS 卡死时丢的，不是显卡的问题。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="173"/>
        <source>Check the stream on the platform: viewers saw the picture stop while OBS was frozen.</source>
        <extracomment>1 MiB (what OBS&apos;s availableDiskSpace counts in) in kilobits. How long after OBS answered again the frames lost around its freeze are still the freeze&apos;s, once the last 10 s are clean: the 10-s windows after the thaw hold the frames OBS counted as it caught up, the last minute holds those windows, and the finding closes only after its hysteresis (clear_s) well below. With the minute alone (walk20b), a 12-s freeze&apos;s render lag closed blaming the graphics card for the freeze&apos;s frames. What to do about frames OBS lost while it was frozen (render lag, network drops): not the graphics card&apos;s nor the connection&apos;s remedies.</extracomment>
        <translation>到直播平台查看直播画面：OBS 卡死期间观众看到的画面是定住的。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="174"/>
        <source>Look at the OBS computer for what froze it: memory full, a disk stalling, a source or plugin loading; OBS&apos;s log around that time may say.</source>
        <translation>在 OBS 电脑上查明卡死原因：内存占满、磁盘卡顿、某个来源或插件正在加载；OBS 日志中那段时间的记录可能有说明。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="213"/>
        <source>Rendering lag: OBS missed up to {peak:.1f} % of frames in a 10-s window of this episode, while the computer&apos;s CPU was at up to {cpu_pct:.0f} %; {pct:.1f} % in the last 10 s. OBS got too little CPU time to draw the picture in time.</source>
        <extracomment>The computer&apos;s CPU (10-s mean, %) at which frames OBS misses in rendering are the CPU&apos;s: the CPU finding&apos;s warning. The highest CPU (10-s mean) of this episode&apos;s seconds that lost frames, while it was saturated.</extracomment>
        <translation>渲染延迟：本次问题中电脑 CPU 占用最高达 {cpu_pct:.0f} % 时，某个 10 秒窗口内 OBS 最多漏渲染 {peak:.1f} % 的帧；最近 10 秒为 {pct:.1f} %。OBS 分不到足够的 CPU 时间，来不及画出画面。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="220"/>
        <source>Rendering lag: OBS missed {pct:.1f} % of frames in the last 10 s while the computer&apos;s CPU was at {cpu_pct:.0f} % (OBS {obs_cpu:.0f} %, other programs {others_cpu:.0f} %). OBS gets too little CPU time to draw the picture in time: not the graphics card.</source>
        <translation>渲染延迟：最近 10 秒 OBS 漏渲染了 {pct:.1f} % 的帧，此时电脑 CPU 占用 {cpu_pct:.0f} %（OBS {obs_cpu:.0f} %，其他程序 {others_cpu:.0f} %）。OBS 分不到足够的 CPU 时间，来不及画出画面，不是显卡的问题。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="228"/>
        <source>Close the programs that use the CPU and are not needed for the show.</source>
        <translation>关掉占用 CPU、直播用不到的程序。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="230"/>
        <source>If OBS itself uses most of it: lower the output resolution or frame rate.</source>
        <translation>如果主要是 OBS 自己占用：降低输出分辨率或帧率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="253"/>
        <source>Rendering lag: OBS missed up to {peak:.1f} % of frames in a 10-s window of this episode; {pct:.1f} % in the last 10 s. The graphics card could not finish the picture in time.</source>
        <translation>渲染延迟：本次问题中 OBS 在某个 10 秒窗口内最多错过了 {peak:.1f} % 的帧；最近 10 秒为 {pct:.1f} %。显卡曾来不及完成画面。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="261"/>
        <source>Rendering lag: OBS missed {pct:.1f} % of frames in the last 10 s ({pct_minute:.1f} % over the last minute). The graphics card cannot finish the picture in time.</source>
        <translation>渲染延迟：最近 10 秒 OBS 错过了 {pct:.1f} % 的帧（最近一分钟 {pct_minute:.1f} %）。显卡来不及完成画面。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="267"/>
        <source>Rendering lag: OBS missed {pct:.1f} % of frames in the last 10 s (less than a minute measured so far). The graphics card cannot finish the picture in time.</source>
        <translation>渲染延迟：最近 10 秒 OBS 错过了 {pct:.1f} % 的帧（测量尚不足一分钟）。显卡来不及完成画面。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="273"/>
        <source>Cap the game&apos;s frame rate or turn on V-Sync, and lower its quality.</source>
        <translation>限制游戏帧率或开启垂直同步，并降低游戏画质。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="274"/>
        <source>Simplify the scenes: fewer browser sources and filters, one game capture at a time.</source>
        <translation>简化场景：减少浏览器源和滤镜，同一时间只用一个游戏捕获。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="277"/>
        <source>On Windows run OBS as administrator; on a laptop run it on the dedicated graphics card.</source>
        <translation>在 Windows 上以管理员身份运行 OBS；笔记本电脑上让 OBS 使用独立显卡。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="352"/>
        <source>Encoding lag: the encoder skipped up to {peak:.1f} % of frames in a 10-s window of this episode; {pct:.1f} % in the last 10 s. It could not keep up with the resolution and frame rate.</source>
        <translation>编码延迟：本次问题中编码器在某个 10 秒窗口内最多跳过了 {peak:.1f} % 的帧；最近 10 秒为 {pct:.1f} %。编码器曾跟不上当前的分辨率和帧率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="367"/>
        <source>Encoding lag: the encoder skipped {pct:.1f} % of frames in the last 10 s ({pct_minute:.1f} % over the last minute). It cannot keep up with the resolution and frame rate.</source>
        <translation>编码延迟：最近 10 秒编码器跳过了 {pct:.1f} % 的帧（最近一分钟 {pct_minute:.1f} %）。编码器跟不上当前的分辨率和帧率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="373"/>
        <source>Encoding lag: the encoder skipped {pct:.1f} % of frames in the last 10 s (less than a minute measured so far). It cannot keep up with the resolution and frame rate.</source>
        <translation>编码延迟：最近 10 秒编码器跳过了 {pct:.1f} % 的帧（测量尚不足一分钟）。编码器跟不上当前的分辨率和帧率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="384"/>
        <source>Choose a faster encoder preset and turn off look-ahead and multipass (two-pass) mode.</source>
        <translation>选择更快的编码器预设，并关闭前瞻（look-ahead）和多次（两遍）编码。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="387"/>
        <source>Lower the game&apos;s graphics load: the hardware encoder shares the graphics card.</source>
        <translation>降低游戏的显卡负载：硬件编码器与游戏共用显卡。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="393"/>
        <source>Use a faster x264 preset (veryfast) or switch to a hardware encoder.</source>
        <translation>使用更快的 x264 预设（veryfast），或改用硬件编码器。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="394"/>
        <source>Close programs that use a lot of CPU while streaming.</source>
        <translation>直播时关闭占用大量 CPU 的程序。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="441"/>
        <source>Network: {pct:.1f} % of frames dropped in the last 10 s ({pct_minute:.1f} % over the last minute); the send buffer is {congestion_pct:.0f} % congested, {kbps:.0f} kbit/s getting through on average over the last 10 s. The connection to the server cannot carry the bitrate.</source>
        <translation>网络：最近 10 秒丢弃了 {pct:.1f} % 的帧（最近一分钟 {pct_minute:.1f} %）；发送缓冲拥塞 {congestion_pct:.0f} %，最近 10 秒平均实际发出 {kbps:.0f} kbit/s。到服务器的连接承载不了当前码率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="448"/>
        <source>Network: {pct:.1f} % of frames dropped in the last 10 s (less than a minute measured so far); the send buffer is {congestion_pct:.0f} % congested, {kbps:.0f} kbit/s getting through on average over the last 10 s. The connection to the server cannot carry the bitrate.</source>
        <translation>网络：最近 10 秒丢弃了 {pct:.1f} % 的帧（测量尚不足一分钟）；发送缓冲拥塞 {congestion_pct:.0f} %，最近 10 秒平均实际发出 {kbps:.0f} kbit/s。到服务器的连接承载不了当前码率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="457"/>
        <source>Network: up to {peak:.1f} % of frames dropped in a 10-s window of this episode, the send buffer up to {peak_congestion_pct:.0f} % congested; {pct:.1f} % in the last 10 s ({pct_minute:.1f} % over the last minute), {congestion_pct:.0f} % congested. The connection could not carry the bitrate.</source>
        <translation>网络：本次问题中某个 10 秒窗口内最多丢弃了 {peak:.1f} % 的帧，发送缓冲最多拥塞 {peak_congestion_pct:.0f} %；最近 10 秒丢帧 {pct:.1f} %（最近一分钟 {pct_minute:.1f} %），拥塞 {congestion_pct:.0f} %。到服务器的连接曾承载不了当前码率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="465"/>
        <source>Network: up to {peak:.1f} % of frames dropped in a 10-s window of this episode, the send buffer up to {peak_congestion_pct:.0f} % congested; {pct:.1f} % in the last 10 s (less than a minute measured so far), {congestion_pct:.0f} % congested. The connection could not carry the bitrate.</source>
        <translation>网络：本次问题中某个 10 秒窗口内最多丢弃了 {peak:.1f} % 的帧，发送缓冲最多拥塞 {peak_congestion_pct:.0f} %；最近 10 秒丢帧 {pct:.1f} %（测量尚不足一分钟），拥塞 {congestion_pct:.0f} %。到服务器的连接曾承载不了当前码率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="486"/>
        <source>Network: OBS dropped up to {peak:.1f} % of frames in a 10-s window around a time it was not answering ({stall_s:.0f} s); {pct:.1f} % in the last 10 s. The frames were lost to OBS freezing (too old to send when it woke), not to the connection.</source>
        <translation>网络：OBS 无响应（{stall_s:.0f} 秒）前后，某个 10 秒窗口内最多丢弃 {peak:.1f} % 的帧；最近 10 秒为 {pct:.1f} %。这些帧是 OBS 卡死造成的（恢复时已积压过久、来不及发出），不是网络连接的问题。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="493"/>
        <source>Network: OBS dropped {pct_minute:.1f} % of frames over the last minute ({pct:.1f} % in the last 10 s), around a time it was not answering ({stall_s:.0f} s). The frames were lost to OBS freezing (too old to send when it woke), not to the connection.</source>
        <translation>网络：OBS 无响应（{stall_s:.0f} 秒）前后，最近一分钟丢弃了 {pct_minute:.1f} % 的帧（最近 10 秒为 {pct:.1f} %）。这些帧是 OBS 卡死造成的（恢复时已积压过久、来不及发出），不是网络连接的问题。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="519"/>
        <source>Use wired Ethernet instead of Wi-Fi.</source>
        <translation>使用有线网络，不要用 Wi-Fi。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="521"/>
        <source>Lower the bitrate, video and audio together, to at most about {advice_kbps:.0f} kbit/s: 75 % of the {kbps:.0f} kbit/s that got through on average over the last 10 s.</source>
        <translation>把码率（视频与音频合计）降到约 {advice_kbps:.0f} kbit/s 以下：即最近 10 秒平均实际发出的 {kbps:.0f} kbit/s 的 75 %。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="527"/>
        <source>Lower the video bitrate to at most about 75 % of the measured upload.</source>
        <translation>把视频码率降到实测上行带宽的约 75 % 以下。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="530"/>
        <source>Stop other uploads on this network (cloud sync, other streams).</source>
        <translation>停止此网络上的其他上传（网盘同步、其他直播）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="531"/>
        <source>Try a nearer ingest server, or enable dynamic bitrate in OBS.</source>
        <translation>换一个更近的推流服务器，或在 OBS 中启用动态码率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="558"/>
        <source>The stream&apos;s connection dropped {outage:.0f} s ago; OBS is reconnecting (drop {count} in this show). Viewers see the stream stall.</source>
        <extracomment>How long a reconnected stream&apos;s finding stays open.</extracomment>
        <translation>推流连接在 {outage:.0f} 秒前断开，OBS 正在重连（本场第 {count} 次断开）。观众看到的画面会卡住。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="564"/>
        <source>The stream reconnected after {outage:.0f} s (drop {count} in this show). Viewer figures dip for a minute or two afterwards.</source>
        <translation>推流在 {outage:.0f} 秒后重连成功（本场第 {count} 次断开）。之后一两分钟内观众人数会有所下降。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="575"/>
        <source>Check the network: cable, router, and whether the upload is shared.</source>
        <translation>检查网络：网线、路由器，以及上行带宽是否被占用。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="576"/>
        <source>If it keeps happening, try another ingest server or lower the bitrate.</source>
        <translation>如果反复发生，请换一个推流服务器或降低码率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="634"/>
        <source>OBS rendered as few as {lowest:.1f} fps instead of {target:.0f} in this episode (lowest 5-s median); {fps:.1f} fps now.</source>
        <extracomment>OBS&apos;s own frame rate (activeFps) is taken over its last second, and the polls a frozen OBS answers in one burst as it wakes all read the freeze: up to this many seconds after a second OBS left unanswered, an FPS reading is the freeze&apos;s — RenderLag&apos;s &quot;while OBS itself was not answering&quot; — not a sustained low frame rate. walk22: a 2-s SIGSTOP gave `onair monitor` two readings of 0.52 fps after its unanswered second, and a critical &quot;OBS renders 7.8 fps instead of 15&quot; beside the render-lag finding, which the console, its polls landing otherwise, never said.</extracomment>
        <translation>本次问题中 OBS 渲染帧率最低为 {lowest:.1f} fps（5 秒中位数），目标为 {target:.0f}；现在为 {fps:.1f} fps。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="677"/>
        <source>OBS renders {fps:.1f} fps instead of {target:.0f} ({pct:.0f} % of the target).</source>
        <translation>OBS 渲染帧率为 {fps:.1f} fps，目标为 {target:.0f}（目标的 {pct:.0f} %）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="681"/>
        <source>Simplify the scenes and cap the game&apos;s frame rate.</source>
        <translation>简化场景，并限制游戏帧率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="682"/>
        <source>Check that no other program holds the graphics card at full load.</source>
        <translation>检查是否有其他程序让显卡满载。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="639"/>
        <source>Rendering a frame took up to {longest:.1f} ms of the {budget:.1f} ms available in this episode (10-s median); {ms:.1f} ms now.</source>
        <translation>本次问题中渲染一帧最多用了 {longest:.1f} ms（10 秒中位数），可用时间为 {budget:.1f} ms；现在为 {ms:.1f} ms。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="711"/>
        <source>Rendering a frame takes {ms:.1f} ms of the {budget:.1f} ms available ({pct:.0f} %): no headroom left.</source>
        <translation>渲染一帧需要 {ms:.1f} 毫秒，可用时间为 {budget:.1f} 毫秒（{pct:.0f} %）：已没有余量。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="716"/>
        <source>Remove or hide sources and filters that are not needed in this scene.</source>
        <translation>移除或隐藏此场景中不需要的源和滤镜。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="717"/>
        <source>Lower the base (canvas) resolution if it is higher than the output.</source>
        <translation>如果基础（画布）分辨率高于输出分辨率，请降低它。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="644"/>
        <source>The recording stood still for {stalled_s:.0f} s in this episode although OBS said it was recording; it grows again now ({kbps:.0f} kbit/s). The disk stalled, was disconnected or full.</source>
        <translation>本次问题中录像文件曾有 {stalled_s:.0f} 秒没有增长，而 OBS 显示正在录像；现在已恢复增长（{kbps:.0f} kbit/s）。磁盘曾卡住、断开或已满。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="750"/>
        <source>The recording has not grown for several seconds although OBS says it is recording: the disk is stalled, disconnected or full.</source>
        <translation>OBS 显示正在录制，但录像文件已经好几秒没有增长：磁盘卡住、断开或已满。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="756"/>
        <source>Check the recording disk (cable, free space, a network drive gone).</source>
        <translation>检查录像磁盘（连接线、剩余空间、网络驱动器是否断开）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="757"/>
        <source>Stop and restart the recording on a local disk with free space.</source>
        <translation>停止录制，改到有空闲空间的本地磁盘上重新开始录制。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="792"/>
        <source>Only {free_gb:.1f} GB free on the recording disk: about {minutes_left:.0f} minutes of recording left at the current rate.</source>
        <translation>录像磁盘只剩 {free_gb:.1f} GB：按当前码率大约还能录 {minutes_left:.0f} 分钟。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="798"/>
        <source>Only {free_gb:.1f} GB free on the recording disk.</source>
        <translation>录像磁盘只剩 {free_gb:.1f} GB。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="649"/>
        <source>The recording disk was down to {lowest_gb:.1f} GB free in this episode; {free_gb:.1f} GB free now.</source>
        <translation>本次问题中录像磁盘的可用空间最低只剩 {lowest_gb:.1f} GB；现在可用 {free_gb:.1f} GB。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="808"/>
        <source>Free space now, or set a recording path on a disk with more room.</source>
        <translation>立即清理空间，或把录像路径设到空间更大的磁盘。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="809"/>
        <source>Record MKV rather than MP4: a recording cut off by a full disk stays readable.</source>
        <translation>录制为 MKV 而不是 MP4：磁盘写满中断时文件仍可读取。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="834"/>
        <source>Other programs use most of the CPU: close what is not needed for the show.</source>
        <translation>CPU 主要被其他程序占用：关闭直播不需要的程序。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="229"/>
        <location filename="../../obs/health_rules.py" line="837"/>
        <source>Check for updates, scans or downloads running in the background.</source>
        <translation>检查后台是否在更新、杀毒扫描或下载。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="319"/>
        <source>Lower the frame rate from {fps:g} to {fps_lower:g} fps (Settings → Video → Common FPS Values); if that is not enough, the output resolution from {width}×{height} to {width_lower}×{height_lower}.</source>
        <extracomment>The output resolutions (their shorter side) a room steps down through when its encoder cannot keep up: the next one below the room&apos;s own. Below the last the picture is too small to sell with; the advice is then the preset. A frame rate above this is a high one (48, 50, 59.94, 60): halving it halves the encoder&apos;s work. At or below, the room already runs at a common rate (24, 25, 29.97, 30) and the next step is the resolution.</extracomment>
        <translation>把帧率从 {fps:g} 降到 {fps_lower:g} fps（设置 → 视频 → 常用 FPS 值）；仍不够时，再把输出分辨率从 {width}×{height} 降到 {width_lower}×{height_lower}。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="324"/>
        <source>Lower the frame rate from {fps:g} to {fps_lower:g} fps (Settings → Video → Common FPS Values).</source>
        <translation>把帧率从 {fps:g} 降到 {fps_lower:g} fps（设置 → 视频 → 常用 FPS 值）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="329"/>
        <source>The room already runs at {fps:g} fps: lower the output (scaled) resolution from {width}×{height} to {width_lower}×{height_lower} (Settings → Video).</source>
        <translation>本直播间已是 {fps:g} fps：把输出（缩放）分辨率从 {width}×{height} 降到 {width_lower}×{height_lower}（设置 → 视频）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="336"/>
        <source>The room already runs at {fps:g} fps: lower the output (scaled) resolution (Settings → Video).</source>
        <translation>本直播间已是 {fps:g} fps：降低输出（缩放）分辨率（设置 → 视频）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="340"/>
        <source>Lower the output (scaled) resolution from {width}×{height} to {width_lower}×{height_lower} (Settings → Video).</source>
        <translation>把输出（缩放）分辨率从 {width}×{height} 降到 {width_lower}×{height_lower}（设置 → 视频）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="345"/>
        <source>Lower the output (scaled) resolution or the frame rate (Settings → Video).</source>
        <translation>降低输出（缩放）分辨率或帧率（设置 → 视频）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="841"/>
        <source>OBS itself uses most of the CPU: a faster x264 preset or a hardware encoder.</source>
        <translation>CPU 主要被 OBS 自身占用：使用更快的 x264 预设或硬件编码器。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="844"/>
        <source>Lower the output resolution or frame rate.</source>
        <translation>降低输出分辨率或帧率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="652"/>
        <source>The computer&apos;s CPU reached {highest:.0f} % in this episode (10-s mean); {total:.0f} % now.</source>
        <translation>本次问题中电脑 CPU 占用最高达到 {highest:.0f} %（10 秒平均）；现在为 {total:.0f} %。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="858"/>
        <source>The computer&apos;s CPU is at {total:.0f} % (OBS {obs:.0f} %, other programs {others:.0f} %).</source>
        <translation>电脑 CPU 占用 {total:.0f} %（OBS {obs:.0f} %，其他程序 {others:.0f} %）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="862"/>
        <source>The computer&apos;s CPU is at {total:.0f} %.</source>
        <translation>电脑 CPU 占用 {total:.0f} %。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="874"/>
        <source>OBS is closed or has crashed: nothing has listened on {address} for {seconds:.0f} s. It was on air: that OBS is no longer streaming.</source>
        <extracomment>What each way of losing OBS says (the finding&apos;s message, on air and off air) and what to do: the link knows whether nothing listens where OBS was (closed or crashed: its stream has stopped), OBS quit on purpose, its connection is open but it answers nothing (frozen: the stream may still run), or the network gives no answer (the OBS computer unreachable: the stream may still run). A loss the link cannot tell apart keeps the words every such finding had before (and a stored one still reads them).</extracomment>
        <translation>OBS 已关闭或崩溃：{address} 上已 {seconds:.0f} 秒没有程序在监听。它原本在直播：这台 OBS 已不再推流。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="879"/>
        <source>OBS is closed or has crashed: nothing has listened on {address} for {seconds:.0f} s.</source>
        <translation>OBS 已关闭或崩溃：{address} 上已 {seconds:.0f} 秒没有程序在监听。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="883"/>
        <source>Start OBS again on the OBS computer: the console reconnects by itself once it runs.</source>
        <translation>在 OBS 电脑上重新启动 OBS：它一运行，中控台会自动重新连接。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="886"/>
        <location filename="../../obs/health_rules.py" line="900"/>
        <source>If it was on air, start the stream again in OBS and check it on the platform.</source>
        <translation>如果原本在直播，请在 OBS 中重新开始推流，并在平台上确认直播画面。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="892"/>
        <source>OBS was closed {seconds:.0f} s ago (it said it was exiting). It was on air: that OBS is no longer streaming.</source>
        <translation>OBS 已于 {seconds:.0f} 秒前关闭（它通知了正在退出）。它原本在直播：这台 OBS 已不再推流。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="897"/>
        <source>OBS was closed {seconds:.0f} s ago (it said it was exiting).</source>
        <translation>OBS 已于 {seconds:.0f} 秒前关闭（它通知了正在退出）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="899"/>
        <source>Ask who closed OBS, and start it again: the console reconnects by itself.</source>
        <translation>问清是谁关闭了 OBS，并重新启动它：中控台会自动重新连接。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="906"/>
        <source>OBS has not answered for {seconds:.0f} s: it is frozen or overloaded (its connection is still open). The stream may still be running, but nothing here can see or control it.</source>
        <translation>OBS 已 {seconds:.0f} 秒没有响应：它卡死或负载过重（连接仍然保持）。直播可能仍在进行，但本中控台无法查看或控制它。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="911"/>
        <source>OBS has not answered for {seconds:.0f} s: it is frozen or overloaded (its connection is still open).</source>
        <translation>OBS 已 {seconds:.0f} 秒没有响应：它卡死或负载过重（连接仍然保持）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="916"/>
        <source>Look at the OBS computer: is OBS “Not Responding”? Give it a few seconds before closing it: a frozen OBS may still be streaming.</source>
        <translation>查看 OBS 电脑：OBS 是否显示“未响应”？先等几秒再关闭它：卡住的 OBS 可能仍在推流。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="921"/>
        <source>Check the stream on the platform; restart OBS only if the stream has stopped.</source>
        <translation>在平台上查看直播；只有直播已经中断时才重启 OBS。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="927"/>
        <source>The OBS computer ({address}) has not answered on the network for {seconds:.0f} s. The stream may still be running, but nothing here can see or control it.</source>
        <translation>OBS 电脑（{address}）已 {seconds:.0f} 秒在网络上没有应答。直播可能仍在进行，但本中控台无法查看或控制它。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="932"/>
        <source>The OBS computer ({address}) has not answered on the network for {seconds:.0f} s.</source>
        <translation>OBS 电脑（{address}）已 {seconds:.0f} 秒在网络上没有应答。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="936"/>
        <source>Check the network between this console and the OBS computer (cable, Wi-Fi, switch) and that the computer is on and awake.</source>
        <translation>检查本中控台与 OBS 电脑之间的网络（网线、Wi-Fi、交换机），并确认那台电脑已开机且未睡眠。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="941"/>
        <source>Check the stream on the platform: OBS itself may still be streaming.</source>
        <translation>在平台上查看直播：OBS 本身可能仍在推流。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="946"/>
        <source>OBS has not answered for {seconds:.0f} s. The stream may still be running, but nothing here can see or control it.</source>
        <translation>OBS 已 {seconds:.0f} 秒没有响应。直播可能仍在进行，但本中控台无法查看或控制它。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="952"/>
        <source>Look at the OBS computer: is OBS frozen, closed, or the computer asleep?</source>
        <translation>查看 OBS 电脑：OBS 是否卡死、已关闭，或电脑进入了睡眠？</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="953"/>
        <source>Check the network between this console and the OBS computer.</source>
        <translation>检查本中控台与 OBS 电脑之间的网络。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="963"/>
        <source>OBS closed or crashed: that OBS is no longer streaming</source>
        <extracomment>The status bar&apos;s line for &quot;OBS lost&quot; on air: what the loss means for the show, whole in half a 1366-px laptop&apos;s bar in either language (the message above, cut there, lost its point: &quot;…but this console cannot see or…&quot;). Beside it the connection&apos;s state says for how long and when the next attempt is; the whole message is the line&apos;s tooltip, and stays the Health dock&apos;s and the event log&apos;s.</extracomment>
        <translation>OBS 已关闭或崩溃：它已不在推流</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="964"/>
        <source>OBS was closed: that OBS is no longer streaming</source>
        <translation>OBS 已被关闭：它已不在推流</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="965"/>
        <source>OBS frozen or overloaded: may still be on air, out of this console&apos;s sight and control</source>
        <translation>OBS 卡死或负载过重：可能仍在直播，本中控台无法查看或控制</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="968"/>
        <source>OBS computer unreachable: may still be on air, out of this console&apos;s sight and control</source>
        <translation>连不上 OBS 电脑：可能仍在直播，本中控台无法查看或控制</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="972"/>
        <source>OBS lost: may still be on air, out of this console&apos;s sight and control</source>
        <translation>OBS 失联：可能仍在直播，本中控台无法查看或控制</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="1125"/>
        <source>The stream did not resume after OBS was lost at {lost_at} — go live again. OBS answers again but is not streaming: viewers have had no picture since then.</source>
        <extracomment>OBS answers again after a loss on air: how long the &quot;OBS lost&quot; episode waits for OBS&apos;s first poll to say whether the stream ran on before it closes without knowing (the link polls at once on connecting, then every second). OBS is still streaming: the stream ran on while the console could not see it (a freeze, the network). OBS is back but not streaming (restarted after a crash, say): the &quot;did not resume&quot; finding is open. The last second OBS was heard streaming (session clock, wall clock); None: not streaming then. When the stream was last heard, if OBS was lost while it streamed and has not answered since.</extracomment>
        <translation>OBS 于 {lost_at} 失联后推流没有恢复——请重新开播。OBS 已重新连上，但没有在推流：观众从那时起就看不到画面。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="1131"/>
        <source>Start the stream again (Go live here, or Start Streaming in OBS).</source>
        <translation>重新开始推流（在本中控台点“开始直播”，或在 OBS 中点“开始推流”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="1132"/>
        <source>Check the stream on the platform, and tell the host the show was cut for a while.</source>
        <translation>在平台上确认直播画面，并告诉主播直播中断过一段时间。</translation>
    </message>
    <message>
        <location filename="../../obs/health_rules.py" line="1135"/>
        <source>Find out why OBS closed (its log: Help ▸ Log Files) once the show is back.</source>
        <translation>直播恢复后，再查明 OBS 为什么关闭（看它的日志：帮助 ▸ 日志文件）。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="213"/>
        <location filename="../../console/review_pdf.py" line="81"/>
        <location filename="../../console/core/alerts/rules.py" line="65"/>
        <location filename="../../widgets/health_panel.py" line="84"/>
        <source>info</source>
        <extracomment>QCoreApplication.translate&apos;s shape: (context, text) -&gt; the text in the reader&apos;s language.
----------
Tries of one alert (a timeout, a 5xx or the platform&apos;s &quot;too fast&quot; is tried again; a refusal is not). Seconds a destination rests after a failure that did not say how long. Alerts a destination may hold while it waits for its limit; older ones beyond are dropped, counted and said. Seconds a room&apos;s session judges it (its OBS answering) without a finding told in an earlier session before that episode is resolved as over. Longer than any rule takes to open a finding from a new session&apos;s first seconds (5 s over a threshold, windows of 10-30 s, the viewers&apos; complaints&apos; minute), so a problem still there is continued first, never resolved and told again. A told episode kept in `told_path` whose room has not been seen for this long is forgotten at start-up: a &quot;resolved&quot; a day later would be news to nobody.
----------
A light with nothing judged behind it (OBS not connected, the CPU of OBS&apos;s computer not measured): never green. A remedy row&apos;s template (Finding.remedies): the same remedy, its figures changed, is said in place. The row under the lead finding&apos;s advice that says how much more of it there is, where the dock has no room for it all beside the further findings&apos; lines (a click shows it all). Qt&apos;s QWIDGETSIZE_MAX (not exported by PySide6): a widget&apos;s height without a limit. Pixels above and below a wrapped line&apos;s text, beyond what the style measures (WrappedLines). &quot;This show&quot; at its smallest: its header and this many whole rows. A row as tall as any the timeline draws: its times, and a finding&apos;s name in Chinese in an English window (drawn in a fallback font, taller than the tree&apos;s own; not shown, only measured). The space between a figure and its unit in a finding or remedy as the dock draws it (&quot;93 %&quot;, &quot;225 kbit/s&quot;, &quot;3 s&quot;, &quot;−50 dBFS&quot;, &quot;12.4 GB&quot;): a no-break space keeps them on one line (fix25l saw &quot;拥塞 93&quot; / &quot;%&quot; at 1366×768 in Chinese). Only the drawn line changes: the finding&apos;s message, its alert and its records keep their plain space.</extracomment>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="214"/>
        <location filename="../../console/review_pdf.py" line="82"/>
        <location filename="../../console/core/alerts/rules.py" line="66"/>
        <location filename="../../widgets/health_panel.py" line="85"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="215"/>
        <location filename="../../console/review_pdf.py" line="83"/>
        <location filename="../../console/core/alerts/rules.py" line="67"/>
        <location filename="../../widgets/health_panel.py" line="86"/>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="239"/>
        <source>The microphone “{inputs}” is muted while the stream is live: viewers cannot hear the host.</source>
        <extracomment>Below this a live microphone (or a playing video) is taken for silent; room noise alone is louder. Peaks at or above this are clipping (a hair under full scale: OBS&apos;s meter shows red there). What silence is written as in the evidence (finite, so the monitor&apos;s JSON stays valid). Words in an input&apos;s name that make an audio-capture input &quot;the microphone&quot; when the room does not say. Input kinds that capture audio from a device (unversioned; &quot;_v2&quot; etc. stripped by `_base_kind`). Capture kinds that carry the computer&apos;s own sound (a video played in a browser or player). Inputs that play a video file (a product video). A scene holding the input is on program (None: OBS did not say). For a media input: playing (None: not known, e.g. a looping video that started before the console). This second&apos;s meter figures; None: no meter reading arrived for it. A media input OBS cannot play (its file missing or unreadable; see ObsState&apos;s InputState.media_unplayable). A media input&apos;s file, where OBS said it.</extracomment>
        <translation>直播进行中，麦克风“{inputs}”处于静音：观众听不到主播的声音。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="243"/>
        <source>Unmute it now: the Unmute button here, the Audio dock, or OBS&apos;s mixer.</source>
        <translation>立即取消静音：点这里的“取消静音”按钮、音频面板，或 OBS 的混音器。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="244"/>
        <source>If it was muted on purpose, switch to a scene without the microphone.</source>
        <translation>如果是有意静音，请切换到不含该麦克风的场景。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="342"/>
        <source>The microphone “{inputs}” is on but silent: below −50 dBFS for {seconds:.0f} s (loudest {level_db:.0f} dBFS). Viewers cannot hear the host.</source>
        <extracomment>OBS out of sight this long (frozen, reconnecting) closes the finding and forgets the count; a shorter while neither. tech17: a real OBS SIGSTOPped 9 s made &quot;Product video cannot be played: cleared&quot; after 2 s of it, then the same missing file opened a new finding 10 s after the thaw.</extracomment>
        <translation>麦克风“{inputs}”已开启但没有声音：已连续 {seconds:.0f} 秒低于 −50 dBFS（最响 {level_db:.0f} dBFS）。观众听不到主播的声音。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="348"/>
        <source>Check the microphone: plugged in, switched on, battery, not muted on the device.</source>
        <translation>检查麦克风：是否插好、是否打开、电池是否有电、设备上是否静音。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="351"/>
        <source>Check that OBS uses the right device for it (the input&apos;s properties).</source>
        <translation>检查 OBS 是否为它选择了正确的设备（该输入的属性）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="251"/>
        <source>The microphone “{inputs}” was silent for {seconds:.0f} s in this episode (below −50 dBFS, loudest {level_db:.0f} dBFS); it is heard again now.</source>
        <translation>本次问题中麦克风“{inputs}”曾连续 {seconds:.0f} 秒没有声音（低于 −50 dBFS，最响 {level_db:.0f} dBFS）；现在已重新收到声音。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="432"/>
        <source>The product video “{inputs}” cannot be played: OBS could not open its file ({file}) — it is missing or unreadable — and nothing else on air makes a sound: viewers hear silence ({seconds:.0f} s so far).</source>
        <translation>商品视频“{inputs}”无法播放：OBS 打不开它的文件（{file}），文件不存在或无法读取；直播中也没有其他任何声音：观众什么也听不到（已持续 {seconds:.0f} 秒）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="438"/>
        <source>Check that the file is still at that path on the OBS computer and plays in a video player.</source>
        <translation>确认 OBS 电脑上该路径下文件仍在，且能用播放器播放。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="441"/>
        <source>Point the source at the file again in its properties (OBS: File ▸ Show Missing Files), or switch scenes.</source>
        <translation>在来源属性中重新指定该文件（OBS：文件 ▸ 显示缺失文件），或先切换场景。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="446"/>
        <source>The product video “{inputs}” is playing but makes no sound, and nothing else on air makes a sound: viewers hear silence (below −50 dBFS for {seconds:.0f} s, loudest {level_db:.0f} dBFS).</source>
        <translation>商品视频“{inputs}”正在播放但没有声音，直播中也没有其他任何声音：观众什么也听不到（已连续 {seconds:.0f} 秒低于 −50 dBFS，最响 {level_db:.0f} dBFS）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="451"/>
        <source>The product video “{inputs}” is playing but is muted in OBS, and nothing else on air makes a sound: viewers hear silence ({seconds:.0f} s so far).</source>
        <translation>商品视频“{inputs}”正在播放，但在 OBS 中被静音了，直播中也没有其他任何声音：观众什么也听不到（已持续 {seconds:.0f} 秒）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="456"/>
        <source>The product video “{inputs}” is playing but is muted in OBS ({seconds:.0f} s so far).</source>
        <translation>商品视频“{inputs}”正在播放，但在 OBS 中被静音了（已持续 {seconds:.0f} 秒）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="459"/>
        <source>Unmute it in the Audio dock (or in OBS&apos;s mixer) if viewers should hear it.</source>
        <translation>如果观众应该听到它，请在音频面板（或 OBS 的混音器）中取消静音。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="487"/>
        <source>The product video “{inputs}” is playing but no sound comes from it or the desktop audio: below −50 dBFS for {seconds:.0f} s (loudest {level_db:.0f} dBFS).</source>
        <translation>商品视频“{inputs}”正在播放，但它和桌面音频都没有声音：已连续 {seconds:.0f} 秒低于 −50 dBFS（最响 {level_db:.0f} dBFS）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="482"/>
        <source>Check that the video is not muted and its volume is up (Audio dock).</source>
        <translation>检查视频没有被静音且音量已调高（音频面板）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="422"/>
        <source>The product video “{inputs}” cannot be played: OBS could not open its file ({file}) — it is missing or unreadable. Viewers neither see nor hear it ({seconds:.0f} s so far).</source>
        <translation>商品视频“{inputs}”无法播放：OBS 打不开它的文件（{file}），文件不存在或无法读取。观众既看不到也听不到它（已持续 {seconds:.0f} 秒）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="427"/>
        <source>The product video “{inputs}” could not be played for {seconds:.0f} s in this episode (OBS could not open its file); it plays again now.</source>
        <translation>商品视频“{inputs}”在这次问题中有 {seconds:.0f} 秒无法播放（OBS 打不开它的文件）；现在已恢复播放。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="483"/>
        <source>If the video should be heard, check that the file has a sound track.</source>
        <translation>如果视频应该有声音，请检查视频文件是否带有音轨。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="256"/>
        <source>The product video “{inputs}” played without sound for {seconds:.0f} s in this episode (below −50 dBFS, loudest {level_db:.0f} dBFS); sound is heard again now.</source>
        <translation>本次问题中商品视频“{inputs}”曾有 {seconds:.0f} 秒播放时没有声音（低于 −50 dBFS，最响 {level_db:.0f} dBFS）；现在已重新有声音。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="493"/>
        <source>The product video “{inputs}” is playing but no sound comes from it: below −50 dBFS for {seconds:.0f} s (loudest {level_db:.0f} dBFS).</source>
        <translation>商品视频“{inputs}”正在播放，但它没有声音：已连续 {seconds:.0f} 秒低于 −50 dBFS（最响 {level_db:.0f} dBFS）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="530"/>
        <source>Nothing on air is heard: “{inputs}” muted or below −50 dBFS for {seconds:.0f} s while the stream is live (loudest {level_db:.0f} dBFS). Viewers hear nothing.</source>
        <translation>直播中听不到任何声音：“{inputs}”在直播时被静音或已连续 {seconds:.0f} 秒低于 −50 dBFS（最响 {level_db:.0f} dBFS）。观众什么也听不到。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="536"/>
        <source>Unmute the source that carries the host&apos;s voice (Audio dock or OBS&apos;s mixer).</source>
        <translation>取消静音承载主播声音的来源（音频面板或 OBS 的混音器）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="539"/>
        <source>If that source is the microphone, name it in Connection → Rooms… → Microphones so the console watches it as one.</source>
        <translation>如果这个来源就是麦克风，请在 连接 → 直播间… → 麦克风 中填写它，让中控台把它当作麦克风来监测。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="549"/>
        <source>Nothing on air was heard for {seconds:.0f} s in this episode (“{inputs}”, loudest {level_db:.0f} dBFS); sound is heard again now.</source>
        <translation>本次问题中直播曾连续 {seconds:.0f} 秒听不到声音（“{inputs}”，最响 {level_db:.0f} dBFS）；现在已重新有声音。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="261"/>
        <source>“{inputs}” clipped in this episode: peaks up to {peak_db:.1f} dBFS, up to {clips} times in a 10-s window; none for 10 s now.</source>
        <translation>本次问题中“{inputs}”出现削波：峰值最高 {peak_db:.1f} dBFS，某个 10 秒窗口内最多 {clips} 次；最近 10 秒已没有削波。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="619"/>
        <source>“{inputs}” is clipping: its peaks reached {peak_db:.1f} dBFS {clips} times in the last 10 s. Viewers hear distortion.</source>
        <extracomment>Clipping readings in the window, spread over at least two seconds.</extracomment>
        <translation>“{inputs}”出现削波：最近 10 秒内峰值 {clips} 次达到 {peak_db:.1f} dBFS。观众会听到破音失真。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="625"/>
        <source>Lower the gain at the microphone or audio interface first, then the input&apos;s fader.</source>
        <translation>先调低麦克风或声卡上的增益，再调低该输入的推子。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audio.py" line="628"/>
        <source>Add a limiter filter to the input in OBS (threshold about −6 dB).</source>
        <translation>在 OBS 中给该输入添加限幅滤镜（阈值约 −6 dB）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="168"/>
        <source>Viewers report no sound — the microphone “{cause_inputs}” is muted: {viewers} viewers said so in the last minute (“{example}”).</source>
        <extracomment>The words of the findings stored before they said the episode&apos;s strongest evidence (&quot;{viewers} viewers said so in the last minute&quot;, with the last second&apos;s count): a show stored then still reads them in the reader&apos;s language.</extracomment>
        <translation>观众反映没声音——麦克风“{cause_inputs}”已静音：最近一分钟有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="173"/>
        <source>Viewers report no sound — the microphone “{cause_inputs}” is silent: {viewers} viewers said so in the last minute (“{example}”).</source>
        <translation>观众反映没声音——麦克风“{cause_inputs}”没有声音：最近一分钟有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="178"/>
        <source>Viewers report no sound — the product video “{cause_inputs}” plays without sound: {viewers} viewers said so in the last minute (“{example}”).</source>
        <translation>观众反映没声音——商品视频“{cause_inputs}”在播放但没有声音：最近一分钟有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="183"/>
        <source>Viewers report a black or frozen picture — OBS is missing frames in rendering: {viewers} viewers said so in the last minute (“{example}”).</source>
        <translation>观众反映黑屏或画面卡住——OBS 渲染丢帧：最近一分钟有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="188"/>
        <source>Viewers report a black or frozen picture — the frame rate is below target: {viewers} viewers said so in the last minute (“{example}”).</source>
        <translation>观众反映黑屏或画面卡住——帧率低于目标：最近一分钟有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="193"/>
        <source>Viewers report lag — the network is dropping frames: {viewers} viewers said so in the last minute (“{example}”).</source>
        <translation>观众反映卡顿——网络正在丢帧：最近一分钟有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="198"/>
        <source>Viewers report lag — the stream is reconnecting: {viewers} viewers said so in the last minute (“{example}”).</source>
        <translation>观众反映卡顿——推流正在重连：最近一分钟有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="202"/>
        <source>Viewers report lag — the encoder is skipping frames: {viewers} viewers said so in the last minute (“{example}”).</source>
        <translation>观众反映卡顿——编码器正在跳帧：最近一分钟有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="207"/>
        <source>Viewers report lag — OBS is missing frames in rendering: {viewers} viewers said so in the last minute (“{example}”).</source>
        <translation>观众反映卡顿——OBS 渲染丢帧：最近一分钟有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="212"/>
        <source>Viewers report no sound: {viewers} viewers said so in the last minute (“{example}”). Nothing measured here explains it: listen to the stream as a viewer does.</source>
        <translation>观众反映没声音：最近一分钟有 {viewers} 位观众这样说（“{example}”）。中控台测到的数据解释不了：请以观众身份收听直播。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="217"/>
        <source>Viewers report a black or frozen picture: {viewers} viewers said so in the last minute (“{example}”). Nothing measured here explains it: watch the stream as a viewer does.</source>
        <translation>观众反映黑屏或画面卡住：最近一分钟有 {viewers} 位观众这样说（“{example}”）。中控台测到的数据解释不了：请以观众身份观看直播。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="222"/>
        <source>Viewers report lag: {viewers} viewers said so in the last minute (“{example}”). Nothing measured here explains it: it may be the platform or the viewers&apos; own connections.</source>
        <translation>观众反映卡顿：最近一分钟有 {viewers} 位观众这样说（“{example}”）。中控台测到的数据解释不了：可能是平台或观众自己的网络问题。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="157"/>
        <source>Check the microphone&apos;s mute and level in the Audio dock, then listen to the stream.</source>
        <translation>在音频面板检查麦克风是否静音及音量，然后收听直播。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="60"/>
        <source>Viewers report no sound — the microphone “{cause_inputs}” is muted: {viewers} in the audience said so within a minute (“{example}”).</source>
        <translation>观众反映没声音——麦克风“{cause_inputs}”已静音：一分钟内有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="68"/>
        <source>Viewers report no sound — the microphone “{cause_inputs}” is silent: {viewers} in the audience said so within a minute (“{example}”).</source>
        <translation>观众反映没声音——麦克风“{cause_inputs}”没有声音：一分钟内有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="76"/>
        <source>Viewers report no sound — the product video “{cause_inputs}” plays without sound: {viewers} in the audience said so within a minute (“{example}”).</source>
        <translation>观众反映没声音——商品视频“{cause_inputs}”在播放但没有声音：一分钟内有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="86"/>
        <source>Viewers report a black or frozen picture — OBS is missing frames in rendering: {viewers} in the audience said so within a minute (“{example}”).</source>
        <translation>观众反映黑屏或画面卡住——OBS 渲染丢帧：一分钟内有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="94"/>
        <source>Viewers report a black or frozen picture — the frame rate is below target: {viewers} in the audience said so within a minute (“{example}”).</source>
        <translation>观众反映黑屏或画面卡住——帧率低于目标：一分钟内有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="104"/>
        <source>Viewers report lag — the network is dropping frames: {viewers} in the audience said so within a minute (“{example}”).</source>
        <translation>观众反映卡顿——网络正在丢帧：一分钟内有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="112"/>
        <source>Viewers report lag — the stream is reconnecting: {viewers} in the audience said so within a minute (“{example}”).</source>
        <translation>观众反映卡顿——推流正在重连：一分钟内有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="120"/>
        <source>Viewers report lag — the encoder is skipping frames: {viewers} in the audience said so within a minute (“{example}”).</source>
        <translation>观众反映卡顿——编码器正在跳帧：一分钟内有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="128"/>
        <source>Viewers report lag — OBS is missing frames in rendering: {viewers} in the audience said so within a minute (“{example}”).</source>
        <translation>观众反映卡顿——OBS 渲染丢帧：一分钟内有 {viewers} 位观众这样说（“{example}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="138"/>
        <source>Viewers report no sound: {viewers} in the audience said so within a minute (“{example}”). Nothing measured here explains it: listen to the stream as a viewer does.</source>
        <translation>观众反映没声音：一分钟内有 {viewers} 位观众这样说（“{example}”）。中控台测到的数据解释不了：请以观众身份收听直播。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="143"/>
        <source>Viewers report a black or frozen picture: {viewers} in the audience said so within a minute (“{example}”). Nothing measured here explains it: watch the stream as a viewer does.</source>
        <translation>观众反映黑屏或画面卡住：一分钟内有 {viewers} 位观众这样说（“{example}”）。中控台测到的数据解释不了：请以观众身份观看直播。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="148"/>
        <source>Viewers report lag: {viewers} in the audience said so within a minute (“{example}”). Nothing measured here explains it: it may be the platform or the viewers&apos; own connections.</source>
        <translation>观众反映卡顿：一分钟内有 {viewers} 位观众这样说（“{example}”）。中控台测到的数据解释不了：可能是平台或观众自己的网络问题。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="161"/>
        <source>Check the program picture and the stream on the platform&apos;s own player.</source>
        <translation>检查节目画面，并在平台自己的播放器里看直播。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="162"/>
        <source>Check the network figures and the stream on the platform&apos;s own player.</source>
        <translation>检查网络数据，并在平台自己的播放器里看直播。</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="246"/>
        <source>{title} ({viewers} viewers) — {cause}</source>
        <translation>{title}（{viewers} 位观众）——{cause}</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="249"/>
        <source>the microphone “{cause_inputs}” is muted</source>
        <translation>麦克风“{cause_inputs}”已静音</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="250"/>
        <source>the microphone “{cause_inputs}” is silent</source>
        <translation>麦克风“{cause_inputs}”没有声音</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="251"/>
        <source>the product video “{cause_inputs}” plays without sound</source>
        <translation>商品视频“{cause_inputs}”在播放但没有声音</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="252"/>
        <source>OBS is missing frames in rendering</source>
        <translation>OBS 渲染丢帧</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="253"/>
        <source>the frame rate is below target</source>
        <translation>帧率低于目标</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="254"/>
        <source>the network is dropping frames</source>
        <translation>网络正在丢帧</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="255"/>
        <source>the stream is reconnecting</source>
        <translation>推流正在重连</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="256"/>
        <source>the encoder is skipping frames</source>
        <translation>编码器正在跳帧</translation>
    </message>
    <message>
        <location filename="../../obs/health_audience.py" line="258"/>
        <source>nothing measured here explains it</source>
        <translation>中控台测到的数据解释不了</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="34"/>
        <source>OBS rendered as few as {lowest:.1f} fps instead of {target:.0f} in this episode (lowest 5-s median); {fps:.1f} fps at its end.</source>
        <translation>本次问题中 OBS 渲染帧率最低为 {lowest:.1f} fps（5 秒中位数），目标为 {target:.0f}；结束时为 {fps:.1f} fps。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="39"/>
        <source>Rendering a frame took up to {longest:.1f} ms of the {budget:.1f} ms available in this episode (10-s median); {ms:.1f} ms at its end.</source>
        <translation>本次问题中渲染一帧最多用了 {longest:.1f} ms（10 秒中位数），可用时间为 {budget:.1f} ms；结束时为 {ms:.1f} ms。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="44"/>
        <source>The recording stood still for {stalled_s:.0f} s in this episode although OBS said it was recording; it grew again at its end ({kbps:.0f} kbit/s). The disk stalled, was disconnected or full.</source>
        <translation>本次问题中录像文件曾有 {stalled_s:.0f} 秒没有增长，而 OBS 显示正在录像；结束时已恢复增长（{kbps:.0f} kbit/s）。磁盘曾卡住、断开或已满。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="49"/>
        <source>The recording disk was down to {lowest_gb:.1f} GB free in this episode; {free_gb:.1f} GB free at its end.</source>
        <translation>本次问题中录像磁盘的可用空间最低只剩 {lowest_gb:.1f} GB；结束时可用 {free_gb:.1f} GB。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="53"/>
        <source>The computer&apos;s CPU reached {highest:.0f} % in this episode (10-s mean); {total:.0f} % at its end.</source>
        <translation>本次问题中电脑 CPU 占用最高达到 {highest:.0f} %（10 秒平均）；结束时为 {total:.0f} %。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="56"/>
        <source>The microphone “{inputs}” was silent for {seconds:.0f} s in this episode (below −50 dBFS, loudest {level_db:.0f} dBFS); it was heard again at its end.</source>
        <translation>本次问题中麦克风“{inputs}”曾连续 {seconds:.0f} 秒没有声音（低于 −50 dBFS，最响 {level_db:.0f} dBFS）；结束时已重新收到声音。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="61"/>
        <source>The product video “{inputs}” played without sound for {seconds:.0f} s in this episode (below −50 dBFS, loudest {level_db:.0f} dBFS); sound was heard again at its end.</source>
        <translation>本次问题中商品视频“{inputs}”曾有 {seconds:.0f} 秒播放时没有声音（低于 −50 dBFS，最响 {level_db:.0f} dBFS）；结束时已重新有声音。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="66"/>
        <source>The product video “{inputs}” could not be played for {seconds:.0f} s in this episode (OBS could not open its file); it played again at its end.</source>
        <translation>商品视频“{inputs}”在这次问题中有 {seconds:.0f} 秒无法播放（OBS 打不开它的文件）；结束时已恢复播放。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="71"/>
        <source>Nothing on air was heard for {seconds:.0f} s in this episode (“{inputs}”, loudest {level_db:.0f} dBFS); sound was heard again at its end.</source>
        <translation>本次问题中直播曾连续 {seconds:.0f} 秒听不到声音（“{inputs}”，最响 {level_db:.0f} dBFS）；结束时已重新有声音。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="76"/>
        <source>“{inputs}” clipped in this episode: peaks up to {peak_db:.1f} dBFS, up to {clips} times in a 10-s window; none in its last 10 s.</source>
        <translation>本次问题中“{inputs}”出现削波：峰值最高 {peak_db:.1f} dBFS，某个 10 秒窗口内最多 {clips} 次；结束前 10 秒已没有削波。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="95"/>
        <source>Rendering lag: OBS missed up to {peak:.1f} % of frames in a 10-s window of this episode, while the computer&apos;s CPU was at up to {cpu_pct:.0f} %; {pct:.1f} % in the last 10 s measured before the finding closed. OBS got too little CPU time to draw the picture in time.</source>
        <translation>渲染延迟：本次问题中电脑 CPU 占用最高达 {cpu_pct:.0f} % 时，某个 10 秒窗口内 OBS 最多漏渲染 {peak:.1f} % 的帧；问题结束前最后测得的 10 秒内为 {pct:.1f} %。OBS 曾分不到足够的 CPU 时间，来不及画出画面。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="103"/>
        <source>Rendering lag: OBS missed {pct:.1f} % of frames in the last 10 s measured before the finding closed, the computer&apos;s CPU at up to {cpu_pct:.0f} % (OBS {obs_cpu:.0f} %, other programs {others_cpu:.0f} % when last measured). OBS got too little CPU time to draw the picture in time: not the graphics card.</source>
        <translation>渲染延迟：问题结束前最后测得的 10 秒内 OBS 漏渲染了 {pct:.1f} % 的帧，电脑 CPU 占用最高达 {cpu_pct:.0f} %（最后测得 OBS {obs_cpu:.0f} %，其他程序 {others_cpu:.0f} %）。OBS 曾分不到足够的 CPU 时间，来不及画出画面，不是显卡的问题。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="111"/>
        <source>Rendering lag: OBS missed up to {peak:.1f} % of frames in a 10-s window while OBS itself was not answering ({stall_s:.0f} s); {pct:.1f} % in the last 10 s measured before the finding closed. The frames were lost to OBS freezing, not to the graphics card.</source>
        <translation>渲染延迟：OBS 本身无响应期间（{stall_s:.0f} 秒），某个 10 秒窗口内最多漏渲染 {peak:.1f} % 的帧；问题结束前最后测得的 10 秒内为 {pct:.1f} %。这些帧是 OBS 卡死时丢的，不是显卡的问题。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="118"/>
        <source>Rendering lag: OBS missed up to {peak:.1f} % of frames in a 10-s window of this episode; {pct:.1f} % in the last 10 s measured before the finding closed. The graphics card could not finish the picture in time.</source>
        <translation>渲染延迟：本次问题中 OBS 在某个 10 秒窗口内最多错过了 {peak:.1f} % 的帧；问题结束前最后测得的 10 秒内为 {pct:.1f} %。显卡曾来不及完成画面。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="125"/>
        <source>Rendering lag: OBS missed {pct:.1f} % of frames in the last 10 s measured before the finding closed ({pct_minute:.1f} % over the last minute measured). The graphics card could not finish the picture in time.</source>
        <translation>渲染延迟：问题结束前最后测得的 10 秒内 OBS 错过了 {pct:.1f} % 的帧（最后测得的一分钟内为 {pct_minute:.1f} %）。显卡曾来不及完成画面。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="132"/>
        <source>Rendering lag: OBS missed {pct:.1f} % of frames in the last 10 s measured before the finding closed (less than a minute measured by then). The graphics card could not finish the picture in time.</source>
        <translation>渲染延迟：问题结束前最后测得的 10 秒内 OBS 错过了 {pct:.1f} % 的帧（当时测量尚不足一分钟）。显卡曾来不及完成画面。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="139"/>
        <source>Encoding lag: the encoder skipped up to {peak:.1f} % of frames in a 10-s window of this episode; {pct:.1f} % in the last 10 s measured before the finding closed. It could not keep up with the resolution and frame rate.</source>
        <translation>编码延迟：本次问题中编码器在某个 10 秒窗口内最多跳过了 {peak:.1f} % 的帧；问题结束前最后测得的 10 秒内为 {pct:.1f} %。编码器曾跟不上当时的分辨率和帧率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="146"/>
        <source>Encoding lag: the encoder skipped {pct:.1f} % of frames in the last 10 s measured before the finding closed ({pct_minute:.1f} % over the last minute measured). It could not keep up with the resolution and frame rate.</source>
        <translation>编码延迟：问题结束前最后测得的 10 秒内编码器跳过了 {pct:.1f} % 的帧（最后测得的一分钟内为 {pct_minute:.1f} %）。编码器曾跟不上当时的分辨率和帧率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="153"/>
        <source>Encoding lag: the encoder skipped {pct:.1f} % of frames in the last 10 s measured before the finding closed (less than a minute measured by then). It could not keep up with the resolution and frame rate.</source>
        <translation>编码延迟：问题结束前最后测得的 10 秒内编码器跳过了 {pct:.1f} % 的帧（当时测量尚不足一分钟）。编码器曾跟不上当时的分辨率和帧率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="161"/>
        <source>Network: {pct:.1f} % of frames dropped in the last 10 s measured before the finding closed ({pct_minute:.1f} % over the last minute measured); the send buffer was {congestion_pct:.0f} % congested, {kbps:.0f} kbit/s getting through on average over those 10 s. The connection to the server could not carry the bitrate.</source>
        <translation>网络：问题结束前最后测得的 10 秒内丢弃了 {pct:.1f} % 的帧（最后测得的一分钟内为 {pct_minute:.1f} %）；当时发送缓冲拥塞 {congestion_pct:.0f} %，这 10 秒平均实际发出 {kbps:.0f} kbit/s。到服务器的连接曾承载不了当时的码率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="170"/>
        <source>Network: {pct:.1f} % of frames dropped in the last 10 s measured before the finding closed (less than a minute measured by then); the send buffer was {congestion_pct:.0f} % congested, {kbps:.0f} kbit/s getting through on average over those 10 s. The connection to the server could not carry the bitrate.</source>
        <translation>网络：问题结束前最后测得的 10 秒内丢弃了 {pct:.1f} % 的帧（当时测量尚不足一分钟）；当时发送缓冲拥塞 {congestion_pct:.0f} %，这 10 秒平均实际发出 {kbps:.0f} kbit/s。到服务器的连接曾承载不了当时的码率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="178"/>
        <source>Network: up to {peak:.1f} % of frames dropped in a 10-s window of this episode, the send buffer up to {peak_congestion_pct:.0f} % congested; {pct:.1f} % in the last 10 s measured before the finding closed ({pct_minute:.1f} % over the last minute measured), {congestion_pct:.0f} % congested. The connection could not carry the bitrate.</source>
        <translation>网络：本次问题中某个 10 秒窗口内最多丢弃了 {peak:.1f} % 的帧，发送缓冲最多拥塞 {peak_congestion_pct:.0f} %；问题结束前最后测得的 10 秒内丢帧 {pct:.1f} %（最后测得的一分钟内为 {pct_minute:.1f} %），拥塞 {congestion_pct:.0f} %。到服务器的连接曾承载不了当时的码率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="187"/>
        <source>Network: up to {peak:.1f} % of frames dropped in a 10-s window of this episode, the send buffer up to {peak_congestion_pct:.0f} % congested; {pct:.1f} % in the last 10 s measured before the finding closed (less than a minute measured by then), {congestion_pct:.0f} % congested. The connection could not carry the bitrate.</source>
        <translation>网络：本次问题中某个 10 秒窗口内最多丢弃了 {peak:.1f} % 的帧，发送缓冲最多拥塞 {peak_congestion_pct:.0f} %；问题结束前最后测得的 10 秒内丢帧 {pct:.1f} %（当时测量尚不足一分钟），拥塞 {congestion_pct:.0f} %。到服务器的连接曾承载不了当时的码率。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="196"/>
        <source>Network: OBS dropped up to {peak:.1f} % of frames in a 10-s window around a time it was not answering ({stall_s:.0f} s); {pct:.1f} % in the last 10 s measured before the finding closed. The frames were lost to OBS freezing (too old to send when it woke), not to the connection.</source>
        <translation>网络：OBS 无响应（{stall_s:.0f} 秒）前后，某个 10 秒窗口内最多丢弃 {peak:.1f} % 的帧；问题结束前最后测得的 10 秒内为 {pct:.1f} %。这些帧是 OBS 卡死造成的（恢复时已积压过久、来不及发出），不是网络连接的问题。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="204"/>
        <source>Network: OBS dropped {pct_minute:.1f} % of frames over the last minute measured before the finding closed ({pct:.1f} % in its last 10 s), around a time it was not answering ({stall_s:.0f} s). The frames were lost to OBS freezing (too old to send when it woke), not to the connection.</source>
        <translation>网络：OBS 无响应（{stall_s:.0f} 秒）前后，问题结束前最后测得的一分钟内丢弃了 {pct_minute:.1f} % 的帧（其中最后 10 秒为 {pct:.1f} %）。这些帧是 OBS 卡死造成的（恢复时已积压过久、来不及发出），不是网络连接的问题。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="212"/>
        <source>The stream&apos;s connection dropped; OBS was still reconnecting {outage:.0f} s later, when the finding closed (drop {count} in this show). Viewers saw the stream stall.</source>
        <translation>推流连接断开；{outage:.0f} 秒后问题结束时 OBS 仍在重连（本场第 {count} 次断开）。观众看到的画面卡住了。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="219"/>
        <source>OBS was closed (it said it was exiting) and was gone for {seconds:.0f} s. It was on air: that OBS stopped streaming.</source>
        <translation>OBS 被关闭（它通知了正在退出），离线了 {seconds:.0f} 秒。它原本在直播：这台 OBS 的推流随之停止。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="224"/>
        <source>OBS was closed (it said it was exiting) and was gone for {seconds:.0f} s.</source>
        <translation>OBS 被关闭（它通知了正在退出），离线了 {seconds:.0f} 秒。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="230"/>
        <source>The product video “{inputs}” could not be played for {seconds:.0f} s: OBS could not open its file ({file}) — it was missing or unreadable. Viewers neither saw nor heard it.</source>
        <translation>商品视频“{inputs}”有 {seconds:.0f} 秒无法播放：OBS 打不开它的文件（{file}），文件不存在或无法读取。观众既没看到也没听到它。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="237"/>
        <source>The product video “{inputs}” could not be played for {seconds:.0f} s: OBS could not open its file ({file}) — it was missing or unreadable — and nothing else on air made a sound: viewers heard silence.</source>
        <translation>商品视频“{inputs}”有 {seconds:.0f} 秒无法播放：OBS 打不开它的文件（{file}），文件不存在或无法读取；直播中也没有其他任何声音：观众什么也没听到。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="243"/>
        <source>The product video “{inputs}” played muted in OBS for {seconds:.0f} s, and nothing else on air made a sound: viewers heard silence.</source>
        <translation>商品视频“{inputs}”在 OBS 中被静音播放了 {seconds:.0f} 秒，直播中也没有其他任何声音：观众什么也没听到。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="248"/>
        <source>The product video “{inputs}” played muted in OBS for {seconds:.0f} s.</source>
        <translation>商品视频“{inputs}”在 OBS 中被静音播放了 {seconds:.0f} 秒。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="253"/>
        <source>“{inputs}” clipped: its peaks reached {peak_db:.1f} dBFS {clips} times in the last 10 s measured before the finding closed. Viewers heard distortion.</source>
        <translation>“{inputs}”出现削波：问题结束前最后测得的 10 秒内峰值 {clips} 次达到 {peak_db:.1f} dBFS。观众听到了破音失真。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="268"/>
        <source>OBS did not answer for {seconds:.0f} s. The stream may have run on, but nothing here could see or control it.</source>
        <translation>OBS 曾 {seconds:.0f} 秒没有响应。直播可能一直在进行，但本中控台当时无法查看或控制它。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="274"/>
        <source>OBS was closed or had crashed: nothing listened on {address} for {seconds:.0f} s. It was on air: that OBS stopped streaming.</source>
        <translation>OBS 被关闭或崩溃：{address} 上曾 {seconds:.0f} 秒没有程序在监听。它原本在直播：这台 OBS 的推流随之停止。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="279"/>
        <source>OBS was closed or had crashed: nothing listened on {address} for {seconds:.0f} s.</source>
        <translation>OBS 被关闭或崩溃：{address} 上曾 {seconds:.0f} 秒没有程序在监听。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="284"/>
        <source>OBS did not answer for {seconds:.0f} s: it was frozen or overloaded (its connection stayed open). The stream may have run on, but nothing here could see or control it.</source>
        <translation>OBS 曾 {seconds:.0f} 秒没有响应：它卡死或负载过重（连接一直保持）。直播可能一直在进行，但本中控台当时无法查看或控制它。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="290"/>
        <source>OBS did not answer for {seconds:.0f} s: it was frozen or overloaded (its connection stayed open).</source>
        <translation>OBS 曾 {seconds:.0f} 秒没有响应：它卡死或负载过重（连接一直保持）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="295"/>
        <source>The OBS computer ({address}) did not answer on the network for {seconds:.0f} s. The stream may have run on, but nothing here could see or control it.</source>
        <translation>OBS 电脑（{address}）曾 {seconds:.0f} 秒在网络上没有应答。直播可能一直在进行，但本中控台当时无法查看或控制它。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="300"/>
        <source>The OBS computer ({address}) did not answer on the network for {seconds:.0f} s.</source>
        <translation>OBS 电脑（{address}）曾 {seconds:.0f} 秒在网络上没有应答。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="305"/>
        <source>Only {free_gb:.1f} GB were free on the recording disk when last measured before the finding closed: about {minutes_left:.0f} minutes of recording left at the rate of then.</source>
        <translation>问题结束前最后测得录像磁盘只剩 {free_gb:.1f} GB：按当时的码率大约还能录 {minutes_left:.0f} 分钟。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="310"/>
        <source>Only {free_gb:.1f} GB were free on the recording disk when last measured before the finding closed.</source>
        <translation>问题结束前最后测得录像磁盘只剩 {free_gb:.1f} GB。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="315"/>
        <source>The stream did not resume after OBS was lost at {lost_at}: OBS answered again but was not streaming, and viewers had no picture from then until the finding closed.</source>
        <translation>OBS 于 {lost_at} 失联后推流没有恢复：OBS 重新连上了，但没有在推流，观众从那时起直到问题结束都看不到画面。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="320"/>
        <source>OBS rendered {fps:.1f} fps instead of {target:.0f} ({pct:.0f} % of the target) when last measured before the finding closed.</source>
        <translation>问题结束前最后测得 OBS 渲染帧率为 {fps:.1f} fps，目标为 {target:.0f}（目标的 {pct:.0f} %）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="326"/>
        <source>Rendering a frame took {ms:.1f} ms of the {budget:.1f} ms available ({pct:.0f} %) when last measured before the finding closed: no headroom left.</source>
        <translation>问题结束前最后测得渲染一帧需要 {ms:.1f} 毫秒，可用时间为 {budget:.1f} 毫秒（{pct:.0f} %）：已没有余量。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="331"/>
        <source>The computer&apos;s CPU was at {total:.0f} % when last measured before the finding closed (OBS {obs:.0f} %, other programs {others:.0f} %).</source>
        <translation>问题结束前最后测得电脑 CPU 占用 {total:.0f} %（OBS {obs:.0f} %，其他程序 {others:.0f} %）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="336"/>
        <source>The computer&apos;s CPU was at {total:.0f} % when last measured before the finding closed.</source>
        <translation>问题结束前最后测得电脑 CPU 占用 {total:.0f} %。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="341"/>
        <source>The product video “{inputs}” played but made no sound, and nothing else on air made a sound: viewers heard silence (below −50 dBFS for {seconds:.0f} s, loudest {level_db:.0f} dBFS).</source>
        <translation>商品视频“{inputs}”播放时没有声音，直播中也没有其他任何声音：观众什么也没听到（连续 {seconds:.0f} 秒低于 −50 dBFS，最响 {level_db:.0f} dBFS）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="347"/>
        <source>The product video “{inputs}” played but no sound came from it or the desktop audio: below −50 dBFS for {seconds:.0f} s (loudest {level_db:.0f} dBFS).</source>
        <translation>商品视频“{inputs}”播放时，它和桌面音频都没有声音：连续 {seconds:.0f} 秒低于 −50 dBFS（最响 {level_db:.0f} dBFS）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="353"/>
        <source>The product video “{inputs}” played but no sound came from it: below −50 dBFS for {seconds:.0f} s (loudest {level_db:.0f} dBFS).</source>
        <translation>商品视频“{inputs}”播放时没有声音：连续 {seconds:.0f} 秒低于 −50 dBFS（最响 {level_db:.0f} dBFS）。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="359"/>
        <source>The microphone “{inputs}” was on but silent: below −50 dBFS for {seconds:.0f} s (loudest {level_db:.0f} dBFS). Viewers could not hear the host.</source>
        <translation>麦克风“{inputs}”曾开着却没有声音：连续 {seconds:.0f} 秒低于 −50 dBFS（最响 {level_db:.0f} dBFS）。观众听不到主播的声音。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="365"/>
        <source>Nothing on air was heard: “{inputs}” muted or below −50 dBFS for {seconds:.0f} s while the stream was live (loudest {level_db:.0f} dBFS). Viewers heard nothing.</source>
        <translation>直播中听不到任何声音：“{inputs}”在直播时被静音或连续 {seconds:.0f} 秒低于 −50 dBFS（最响 {level_db:.0f} dBFS）。观众什么也没听到。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="370"/>
        <source>The microphone “{inputs}” was muted while the stream was live: viewers could not hear the host.</source>
        <translation>直播时麦克风“{inputs}”曾处于静音：观众听不到主播的声音。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="382"/>
        <source>The microphone “{inputs}” was silent for {seconds:.0f} s in this episode (below −50 dBFS, loudest {level_db:.0f} dBFS); the episode ended when the stream stopped.</source>
        <extracomment>(Live template, how the episode ended) → its record wording, where RECORD_WORDS&apos; &quot;heard again at its end&quot; would be false: a silence the stream&apos;s stop ended (nothing is judged off air, so the rule said &quot;heard again now&quot; while the hysteresis held it), or one OBS went out of sight from (the finding&apos;s &quot;ended&quot; field, obs/health.py Ended).</extracomment>
        <translation>本次问题中麦克风“{inputs}”曾连续 {seconds:.0f} 秒没有声音（低于 −50 dBFS，最响 {level_db:.0f} dBFS）；推流停止，本次问题随之结束。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="387"/>
        <source>The microphone “{inputs}” was silent for {seconds:.0f} s in this episode (below −50 dBFS, loudest {level_db:.0f} dBFS); the episode ended when OBS went out of sight.</source>
        <translation>本次问题中麦克风“{inputs}”曾连续 {seconds:.0f} 秒没有声音（低于 −50 dBFS，最响 {level_db:.0f} dBFS）；与 OBS 失去联系，本次问题随之结束。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="392"/>
        <source>The product video “{inputs}” played without sound for {seconds:.0f} s in this episode (below −50 dBFS, loudest {level_db:.0f} dBFS); the episode ended when the stream stopped.</source>
        <translation>本次问题中商品视频“{inputs}”曾有 {seconds:.0f} 秒播放时没有声音（低于 −50 dBFS，最响 {level_db:.0f} dBFS）；推流停止，本次问题随之结束。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="397"/>
        <source>The product video “{inputs}” played without sound for {seconds:.0f} s in this episode (below −50 dBFS, loudest {level_db:.0f} dBFS); the episode ended when OBS went out of sight.</source>
        <translation>本次问题中商品视频“{inputs}”曾有 {seconds:.0f} 秒播放时没有声音（低于 −50 dBFS，最响 {level_db:.0f} dBFS）；与 OBS 失去联系，本次问题随之结束。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="402"/>
        <source>Nothing on air was heard for {seconds:.0f} s in this episode (“{inputs}”, loudest {level_db:.0f} dBFS); the episode ended when the stream stopped.</source>
        <translation>本次问题中直播曾连续 {seconds:.0f} 秒听不到声音（“{inputs}”，最响 {level_db:.0f} dBFS）；推流停止，本次问题随之结束。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="407"/>
        <source>Nothing on air was heard for {seconds:.0f} s in this episode (“{inputs}”, loudest {level_db:.0f} dBFS); the episode ended when OBS went out of sight.</source>
        <translation>本次问题中直播曾连续 {seconds:.0f} 秒听不到声音（“{inputs}”，最响 {level_db:.0f} dBFS）；与 OBS 失去联系，本次问题随之结束。</translation>
    </message>
    <message>
        <location filename="../../obs/health_record.py" line="412"/>
        <source>“{inputs}” clipped in this episode: peaks up to {peak_db:.1f} dBFS, up to {clips} times in a 10-s window; the episode ended when OBS went out of sight.</source>
        <translation>本次问题中“{inputs}”出现削波：峰值最高 {peak_db:.1f} dBFS，某个 10 秒窗口内最多 {clips} 次；与 OBS 失去联系，本次问题随之结束。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/load.py" line="336"/>
        <source>Still open when last recorded, at {at}: {finding}</source>
        <translation>最后记录时（{at}）仍未结束：{finding}</translation>
    </message>
    <message>
        <location filename="../../console/core/review/load.py" line="337"/>
        <source>{title} (still open)</source>
        <translation>{title}（仍未结束）</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <location filename="../../widgets/health_panel.py" line="234"/>
        <source>Sound on critical</source>
        <translation>严重问题时发出提示音</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="237"/>
        <location filename="../../widgets/health_panel.py" line="382"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="256"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="256"/>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="256"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="256"/>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="277"/>
        <source>Troubleshooting checklist</source>
        <translation>故障排查检查单</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="278"/>
        <source>Open the short checklist for the selected (or worst) finding</source>
        <translation>为选中的（或最严重的）问题打开简短检查单</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="295"/>
        <source>This show</source>
        <translation>本场记录</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="374"/>
        <source>Not known: OBS is not connected.</source>
        <translation>未知：OBS 未连接。</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="376"/>
        <source>Not known: the CPU of the computer OBS runs on is not measured here.</source>
        <translation>未知：这里测不到 OBS 所在电脑的 CPU。</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="382"/>
        <source>Nothing judged: OBS is not connected.</source>
        <translation>尚未诊断：OBS 未连接。</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="394"/>
        <source>Unmute “%1”</source>
        <translation>取消静音“%1”</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="457"/>
        <source>Click to see what to do</source>
        <translation>点击查看处理建议</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="498"/>
        <location filename="../../widgets/health_panel.py" line="503"/>
        <source>→ %1 more to do (click to see)</source>
        <translation>→ 还有 %1 条建议（点击查看）</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="524"/>
        <location filename="../../widgets/health_panel.py" line="590"/>
        <source>and %1 more — scroll</source>
        <translation>另有 %1 项（滚动查看）</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="629"/>
        <source>Also: %1</source>
        <translation>另有：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/health_panel.py" line="659"/>
        <source>now</source>
        <translation>进行中</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../widgets/history_dialog.py" line="51"/>
        <source>Checklist history</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="54"/>
        <source>any room</source>
        <translation>任意直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="56"/>
        <source>any checklist</source>
        <translation>任意检查单</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="60"/>
        <source>anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="66"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="70"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="71"/>
        <location filename="../../widgets/history_dialog.py" line="96"/>
        <source>Room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="72"/>
        <location filename="../../widgets/history_dialog.py" line="97"/>
        <source>Checklist</source>
        <translation>检查单</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="73"/>
        <location filename="../../widgets/history_dialog.py" line="98"/>
        <source>Operator</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="74"/>
        <source>Show</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="75"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="76"/>
        <source>Ready</source>
        <translation>可以开播</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="77"/>
        <source>End</source>
        <translation>结束方式</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="78"/>
        <source>Went live anyway</source>
        <translation>仍然开播的原因</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="83"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="83"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="83"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="83"/>
        <source>Who</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="83"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="91"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="92"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="99"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="100"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="138"/>
        <source>Searching…</source>
        <translation>查询中…</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="143"/>
        <source>The history could not be read: %1</source>
        <translation>无法读取检查记录：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="150"/>
        <source>demo room</source>
        <translation>演示直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="155"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="155"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="162"/>
        <source>%1 run</source>
        <translation>共 %1 次</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="162"/>
        <source>%1 runs</source>
        <translation>共 %1 次</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="178"/>
        <source>%1 (show %2)</source>
        <translation>%1（第 %2 场）</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="182"/>
        <source>Pre-show</source>
        <translation>开播前</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="183"/>
        <source>Troubleshooting</source>
        <translation>故障排查</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="184"/>
        <source>Post-show</source>
        <translation>下播后</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="190"/>
        <source>Waiting</source>
        <translation>等待检查</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="191"/>
        <source>Checking</source>
        <translation>检查中</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="192"/>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="193"/>
        <source>Failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="194"/>
        <source>Could not tell</source>
        <translation>无法判断</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="195"/>
        <source>Needs a person</source>
        <translation>需人工确认</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="196"/>
        <source>Overridden</source>
        <translation>已放行</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="206"/>
        <source>%1 at %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="213"/>
        <source>completed by %1 at %2; went live at %3</source>
        <translation>%1 于 %2 完成；%3 开播</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="219"/>
        <source>completed by %1 at %2</source>
        <translation>%1 于 %2 完成</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="221"/>
        <source>abandoned by %1: %2</source>
        <translation>%1 放弃：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="223"/>
        <source>went live at %1</source>
        <translation>%1 开播</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="224"/>
        <source>open</source>
        <translation>未结束</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="233"/>
        <source>The run could not be read: %1</source>
        <translation>无法读取这次检查：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="242"/>
        <source>(optional) %1</source>
        <translation>（可选）%1</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="265"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="270"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="283"/>
        <source>CSV (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="283"/>
        <source>CSV for scripts, machine names (*.csv)</source>
        <translation>供脚本使用的 CSV，保留机器名称 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="289"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../widgets/history_dialog.py" line="296"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
</context>
<context>
    <name>ImportCli</name>
    <message>
        <location filename="../../console/cli.py" line="1021"/>
        <source>--column takes HEADER=FIELD, e.g. --column &apos;新增粉丝=ignore&apos;; got “%1”</source>
        <translation>--column 的写法是“表头=字段”，例如 --column &apos;新增粉丝=ignore&apos;；收到的是“%1”</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1036"/>
        <source>nothing was imported: %1</source>
        <translation>未导入任何数据：%1</translation>
    </message>
</context>
<context>
    <name>IncidentTable</name>
    <message>
        <location filename="../../widgets/review_incidents.py" line="32"/>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../widgets/review_incidents.py" line="32"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../widgets/review_incidents.py" line="32"/>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../widgets/review_incidents.py" line="39"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../widgets/review_incidents.py" line="40"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../widgets/review_incidents.py" line="41"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/review_incidents.py" line="42"/>
        <source>How long</source>
        <translation>持续时长</translation>
    </message>
    <message>
        <location filename="../../widgets/review_incidents.py" line="43"/>
        <source>What it cost in viewers</source>
        <translation>对在线人数的影响</translation>
    </message>
</context>
<context>
    <name>InsertDialog</name>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="123"/>
        <source>Insert a segment next</source>
        <translation>插入下一个环节</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="130"/>
        <source>5 min, 5:30, 300 s</source>
        <translation>5分、5:30、300秒</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="139"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="140"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>ItemStatus</name>
    <message>
        <location filename="../../checklists/engine.py" line="40"/>
        <source>waiting for its check</source>
        <extracomment>An item&apos;s status in the words a person reads (history, CSV, PDF); the stored value stays the machine name.</extracomment>
        <translation>等待检查</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="41"/>
        <source>checking</source>
        <translation>检查中</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="42"/>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="43"/>
        <source>failed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="44"/>
        <source>could not tell</source>
        <translation>无法判断</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="45"/>
        <source>needs a person</source>
        <translation>需人工确认</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="46"/>
        <source>overridden</source>
        <translation>已强制通过</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../obs/text.py" line="31"/>
        <source>en</source>
        <extracomment>Qt&apos;s translate(context, text), or anything with its shape; the Qt-free core never imports Qt itself. Which language a `translate` speaks, for words kept per language outside the catalogue (a checklist file&apos;s titles): each catalogue translates this marker to its own language code; untranslated, it is English.</extracomment>
        <translation>zh_CN</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <location filename="../../obs/text.py" line="51"/>
        <source>, </source>
        <extracomment>What separates the items of a list in a sentence: &quot;、&quot; in Chinese (&quot;商品特写、暂时离开&quot;), &quot;, &quot; in English.</extracomment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>LogCli</name>
    <message>
        <location filename="../../console/cli.py" line="414"/>
        <source>no OBS log found in %1; give the file&apos;s path</source>
        <translation>在 %1 中没有找到 OBS 日志；请给出文件路径</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="450"/>
        <source>log: %1</source>
        <translation>日志原文：%1</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="461"/>
        <source>%1 %2–%3: render lag %4, encoding lag %5, network drops %6, reconnects %7</source>
        <translation>%1 %2–%3：渲染延迟 %4，编码延迟 %5，网络丢帧 %6，重连 %7 次</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="474"/>
        <source>render lag and network drops: run 1 of %2 only, the one the log reports in full</source>
        <translation>渲染延迟和网络丢帧：仅为第 1 段（共 %2 段），日志只完整记录了这一段</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="476"/>
        <source>render lag and network drops: runs 1–%1 of %2 only, the ones the log reports in full</source>
        <translation>渲染延迟和网络丢帧：仅为第 1–%1 段（共 %2 段），日志只完整记录了这几段</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="487"/>
        <source>run %1 until %2: 1 frame, render lag %4, network drops %5</source>
        <translation>第 %1 段（至 %2）：1 帧，渲染延迟 %4，网络丢帧 %5</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="489"/>
        <source>run %1 until %2: %3 frames, render lag %4, network drops %5</source>
        <translation>第 %1 段（至 %2）：%3 帧，渲染延迟 %4，网络丢帧 %5</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="498"/>
        <source>; then 1 reconnect attempt</source>
        <translation>；随后尝试重连 1 次</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="500"/>
        <source>; then %1 reconnect attempts</source>
        <translation>；随后尝试重连 %1 次</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="507"/>
        <source>run %1 from %2: not known — the log ends while it ran</source>
        <translation>第 %1 段（自 %2 起）：不详——日志在此期间结束</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="510"/>
        <source>OBS was still reconnecting when the log ends</source>
        <translation>日志结束时 OBS 仍在重连</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="437"/>
        <source>No streaming or recording session in this log.</source>
        <translation>这个日志里没有推流或录制会话。</translation>
    </message>
</context>
<context>
    <name>LogFindings</name>
    <message>
        <location filename="../../obs/log_findings.py" line="141"/>
        <source>{kind} session at {start}: {pct:.1f} % of frames skipped by the encoder. Lower the output resolution or frame rate, use a faster preset or a hardware encoder.</source>
        <translation>{start} 开始的{kind}会话：编码器跳过了 {pct:.1f} % 的帧。请降低输出分辨率或帧率，换更快的预设或硬件编码器。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="81"/>
        <source>streaming</source>
        <extracomment>The Qt translation context of the findings&apos; words. x264 presets too slow for live work. What to do about it, with the OBS menu path (a template over the same fields, context &quot;LogFindings&quot;). The part of the log it is about: system, graphics, encoding, network, audio, sources, log (see README). The log&apos;s own lines the finding rests on, as written (never translated), shown under it as details.</extracomment>
        <translation>推流</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="82"/>
        <source>recording</source>
        <translation>录制</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="223"/>
        <source>{kind} session at {start}: {pct:.1f} % of frames lagged in rendering ({lagged} frames), about {stall_frames} of them in one stall of {stall_s:.1f} s in which all of OBS stood still (its profiler: even its hotkey thread did not run). OBS was frozen or stopped then, not short of graphics power.</source>
        <translation>{start} 开始的{kind}会话：{pct:.1f} % 的帧因渲染延迟而丢失（{lagged} 帧），其中约 {stall_frames} 帧落在一次 {stall_s:.1f} 秒的停顿里——那段时间整个 OBS 都停住了（OBS 自带的性能统计显示连热键线程都没有运行）。当时是 OBS 卡死或被暂停，不是显卡性能不够。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="242"/>
        <source>the server closed the connection (“RTMP send error 32”: broken pipe)</source>
        <extracomment>A drop&apos;s cause as the log&apos;s librtmp/rtmp-stream lines say it (obs.logfile.rtmp_cause), in words.</extracomment>
        <translation>服务器关闭了连接（“RTMP send error 32”：连接已断开）</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="243"/>
        <source>the connection was reset or aborted on its way to the server</source>
        <translation>到服务器的连接在途中被重置或中止</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="244"/>
        <source>the connection to the server timed out: nothing got through</source>
        <translation>到服务器的连接超时：数据发不出去</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="245"/>
        <source>the server refused the connection (“ECONNREFUSED”: nothing listening there, down or restarting)</source>
        <translation>服务器拒绝了连接（“ECONNREFUSED”：该地址没有服务在监听，服务器宕机或正在重启）</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="248"/>
        <source>a firewall or security software blocked the connection</source>
        <translation>防火墙或安全软件拦截了连接</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="249"/>
        <source>the server&apos;s name could not be looked up (DNS)</source>
        <translation>无法解析服务器的域名（DNS）</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="250"/>
        <source>the server did not complete the RTMP handshake</source>
        <translation>服务器没有完成 RTMP 握手</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="251"/>
        <source>OBS could not connect to the server</source>
        <translation>OBS 连不上服务器</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="252"/>
        <source>sending to the server failed</source>
        <translation>向服务器发送数据失败</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="268"/>
        <source> The log says why: {cause}; then, while OBS tried again, {retry}.</source>
        <translation>日志记下的原因：{cause}；随后 OBS 重连时，{retry}。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="270"/>
        <source> The log says why: {cause}.</source>
        <translation>日志记下的原因：{cause}。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="272"/>
        <source> While OBS tried to reconnect, the log says: {retry}.</source>
        <translation>OBS 重连期间日志记下：{retry}。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="122"/>
        <source>{kind} session at {start}: {pct:.1f} % of frames lagged in rendering{covered}. The GPU is overloaded: cap game frame rates, simplify scenes, run OBS on the dedicated GPU.</source>
        <translation>{start} 开始的{kind}会话{covered}：{pct:.1f} % 的帧因渲染延迟而丢失。显卡负载过高：限制游戏帧率、简化场景、让 OBS 使用独立显卡。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="127"/>
        <source>{kind} session at {start}: {pct:.1f} % of frames lagged in rendering over the session{covered}; {run_pct:.1f} % in the run {run_start}–{run_end} ({run_s:.0f} s). The GPU is overloaded: cap game frame rates, simplify scenes, run OBS on the dedicated GPU.</source>
        <translation>{start} 开始的{kind}会话{covered}：整场 {pct:.1f} % 的帧因渲染延迟而丢失；其中 {run_start}–{run_end} 这一段（{run_s:.0f} 秒）达 {run_pct:.1f} %。显卡负载过高：限制游戏帧率、简化场景、让 OBS 使用独立显卡。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="155"/>
        <source>{kind} session at {start}: {pct:.1f} % of frames dropped by the network{covered}. Use wired Ethernet, lower the bitrate to about 75 % of the upload, or try another server.</source>
        <translation>{start} 开始的{kind}会话{covered}：网络丢弃了 {pct:.1f} % 的帧。请使用有线网络，把码率降到上行带宽的 75 % 左右，或换一个推流服务器。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="160"/>
        <source>{kind} session at {start}: {pct:.1f} % of frames dropped by the network over the session{covered}; {run_pct:.1f} % in the run {run_start}–{run_end} ({run_s:.0f} s). Use wired Ethernet, lower the bitrate to about 75 % of the upload, or try another server.</source>
        <translation>{start} 开始的{kind}会话{covered}：整场网络丢弃了 {pct:.1f} % 的帧；其中 {run_start}–{run_end} 这一段（{run_s:.0f} 秒）丢帧达 {run_pct:.1f} %。请使用有线网络，把码率降到上行带宽的 75 % 左右，或换一个推流服务器。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="200"/>
        <source> in run 1 of {total}, the one the log reports in full</source>
        <translation>（仅第 1 段，共 {total} 段：日志只完整记录了这一段）</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="202"/>
        <source> in runs 1–{count} of {total}, the ones the log reports in full</source>
        <translation>（仅第 1–{count} 段，共 {total} 段：日志只完整记录了这几段）</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="216"/>
        <source>{kind} session at {start}: {pct:.1f} % of frames lagged in rendering (1 frame), in one stall of {stall_s:.1f} s in which all of OBS stood still (its profiler: even its hotkey thread did not run). OBS was frozen or stopped then, not short of graphics power.</source>
        <translation>{start} 开始的{kind}会话：{pct:.1f} % 的帧因渲染延迟而丢失（1 帧），落在一次 {stall_s:.1f} 秒的停顿里——那段时间整个 OBS 都停住了（OBS 自带的性能统计显示连热键线程都没有运行）。当时是 OBS 卡死或被暂停，不是显卡性能不够。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="290"/>
        <location filename="../../obs/logcheck/audio.py" line="70"/>
        <source>{count} time</source>
        <translation>{count} 次</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="291"/>
        <location filename="../../obs/logcheck/audio.py" line="71"/>
        <source>{count} times</source>
        <translation>{count} 次</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="296"/>
        <location filename="../../obs/logcheck/sources.py" line="138"/>
        <source>{count} attempt</source>
        <translation>{count} 次</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="297"/>
        <location filename="../../obs/logcheck/sources.py" line="139"/>
        <source>{count} attempts</source>
        <translation>{count} 次</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="308"/>
        <source>{kind} session at {start}: the connection dropped {times}; after the drop at {lost} the stream did not come back: OBS was still reconnecting when the session ended at {end} ({tries} in all).{why}</source>
        <translation>{start} 开始的{kind}会话：连接中断 {times}；{lost} 那次断开后推流没有恢复：会话在 {end} 结束时 OBS 仍在重连（共尝试 {tries}）。{why}</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="317"/>
        <source>{kind} session at {start}: the connection dropped {times}; OBS needed {tries} to reconnect.{why}</source>
        <translation>{start} 开始的{kind}会话：连接中断 {times}，OBS 共尝试重连 {tries}。{why}</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="322"/>
        <source>{kind} session at {start}: the connection dropped {times}, the first at {first}; OBS needed {tries} to reconnect. The stream was disconnected for {down_s:.1f} s in all (the longest {longest_s:.1f} s).{why}</source>
        <translation>{start} 开始的{kind}会话：连接中断 {times}，第一次在 {first}；OBS 共尝试重连 {tries}。推流累计断开 {down_s:.1f} 秒（最长一次 {longest_s:.1f} 秒）。{why}</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="355"/>
        <source>Streaming over Wi-Fi: use wired Ethernet for a stable upload.</source>
        <translation>正在用 Wi-Fi 推流：请改用有线网络，上传才稳定。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="362"/>
        <source>Two copies of OBS were running at once: they compete for the GPU and encoder.</source>
        <translation>同时运行了两个 OBS：它们会争抢显卡和编码器。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="371"/>
        <source>OBS rendered in software (no GPU driver in use): expect rendering lag.</source>
        <translation>OBS 在用软件渲染（没有使用显卡驱动）：会出现渲染延迟。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="384"/>
        <source>OBS was not running as administrator while frames lagged in rendering; on Windows, running it as administrator gives it GPU priority.</source>
        <translation>出现渲染延迟时 OBS 没有以管理员身份运行；在 Windows 上以管理员身份运行能获得显卡优先权。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="395"/>
        <source>OBS reached its maximum audio buffering: an audio source is delayed or drifting.</source>
        <translation>OBS 的音频缓冲已到上限：有音频来源延迟或不同步。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="404"/>
        <source>The auto-configuration wizard ran in this session.</source>
        <translation>这次运行中使用了自动配置向导。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="416"/>
        <source>Recording to {file}: an MP4/MOV file is unreadable if OBS crashes. Record MKV or FLV and remux afterwards.</source>
        <translation>正在录制到 {file}：OBS 崩溃时 MP4/MOV 文件会无法打开。请录制 MKV 或 FLV，事后再转封装。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="430"/>
        <source>The x264 preset “{preset}” is very slow for live work: use veryfast or a hardware encoder.</source>
        <translation>x264 预设“{preset}”对直播来说太慢：请用 veryfast 或硬件编码器。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="446"/>
        <source>Colour format {format}: NV12 is what platforms expect and costs the least.</source>
        <translation>色彩格式 {format}：平台要求的是 NV12，开销也最小。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="456"/>
        <source>Full colour range: most players expect partial (limited) range; colours may look washed out or crushed.</source>
        <translation>色彩范围为“完全”：大多数播放器按“有限”范围显示，颜色可能发灰或过暗。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="469"/>
        <source>Frame rate {fps:g}: 30 or 60 fps is what platforms handle best.</source>
        <translation>帧率 {fps:g}：平台对 30 或 60 帧支持最好。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="480"/>
        <source>Video bitrate {kbps} kbps is very low for {width}x{height} at {fps:g} fps (about {needed:.0f} kbps suits it): the picture will be blocky.</source>
        <translation>视频码率 {kbps} kbps 对 {width}x{height}、{fps:g} 帧来说太低（约 {needed:.0f} kbps 才合适）：画面会有马赛克。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="510"/>
        <source>Cap the game&apos;s frame rate (or turn on V-Sync); lower Settings ▸ Video ▸ Output (Scaled) Resolution or Common FPS Values.</source>
        <extracomment>The first findings&apos; area and remedy (the OBS menu path), by id; the newer checks declare theirs with their Spec in obs/logcheck/.</extracomment>
        <translation>限制游戏帧率（或打开垂直同步）；调低 设置 ▸ 视频 ▸ 输出（缩放）分辨率 或 常用 FPS 值。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="518"/>
        <source>Find what stopped OBS then: the computer asleep or out of memory (swapping), a disk or network drive not answering, a source or plugin blocking; check the recording or the platform&apos;s replay for the frozen picture.</source>
        <translation>查清当时是什么让 OBS 停住了：电脑休眠或内存耗尽（在用虚拟内存）、硬盘或网络驱动器无响应、某个来源或插件卡住；在录像或平台回放里确认画面定格的那一段。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="527"/>
        <source>Settings ▸ Output: a hardware encoder (NVENC, AMF, QSV, Apple VT) or a faster x264 preset; Settings ▸ Video: a lower output resolution or FPS.</source>
        <translation>设置 ▸ 输出：改用硬件编码器（“NVENC”“AMF”“QSV”“Apple VT”）或更快的 x264 预设；设置 ▸ 视频：降低输出分辨率或 FPS。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="535"/>
        <source>Settings ▸ Output ▸ Streaming ▸ Video Bitrate: lower it; Settings ▸ Stream: a nearer server; Settings ▸ Advanced ▸ Network ▸ Dynamically change bitrate.</source>
        <translation>设置 ▸ 输出 ▸ 直播 ▸ 视频码率：调低；设置 ▸ 直播：换更近的服务器；设置 ▸ 高级 ▸ 网络 ▸ 动态改变码率。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="543"/>
        <source>Check the line to the server (cable, router, upload); Settings ▸ Advanced ▸ Automatically Reconnect keeps the show going meanwhile.</source>
        <translation>检查到服务器的线路（网线、路由器、上行带宽）；其间 设置 ▸ 高级 ▸ 自动重连 可让直播继续。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="549"/>
        <source>Connect the streaming PC with an Ethernet cable.</source>
        <translation>用有线网线连接推流电脑。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="552"/>
        <source>Close the other OBS (look for a leftover obs process in Task Manager or Activity Monitor).</source>
        <translation>关闭另一个 OBS（在任务管理器或活动监视器里查找残留的 obs 进程）。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="558"/>
        <source>Install the GPU vendor&apos;s driver (NVIDIA, AMD, Intel); in a virtual machine, pass a real GPU through.</source>
        <translation>安装显卡厂商（“NVIDIA”“AMD”“Intel”）的驱动；在虚拟机中请直通一块真实的 GPU。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="565"/>
        <location filename="../../obs/logcheck/system.py" line="184"/>
        <source>Close OBS, right-click its shortcut and choose Run as administrator.</source>
        <translation>关闭 OBS，右键点击其快捷方式，选择“以管理员身份运行”。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="569"/>
        <source>Find the source named in the log&apos;s buffering lines and fix or remove it; restart OBS to reset the buffering.</source>
        <translation>找到日志缓冲行中点名的来源，修好或移除它；重启 OBS 可清零缓冲。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="577"/>
        <source>The wizard&apos;s test skews the figures: send a log of a show without it (Help ▸ Log Files).</source>
        <translation>向导的测试会扭曲数据：请发送一场没有运行向导的直播日志（帮助 ▸ 日志文件）。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="583"/>
        <source>Settings ▸ Output ▸ Recording ▸ Recording Format: MKV (or Hybrid MP4 in OBS 30.2+); File ▸ Remux Recordings makes MP4 afterwards.</source>
        <translation>设置 ▸ 输出 ▸ 录像 ▸ 录像格式：MKV（OBS 30.2 起也可选“混合 MP4”）；之后用 文件 ▸ 录像转封装 得到 MP4。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="591"/>
        <source>Settings ▸ Output ▸ Streaming ▸ CPU Usage Preset: veryfast.</source>
        <translation>设置 ▸ 输出 ▸ 直播 ▸ CPU 使用预设：veryfast。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="595"/>
        <source>Settings ▸ Advanced ▸ Video ▸ Color Format: NV12.</source>
        <translation>设置 ▸ 高级 ▸ 视频 ▸ 颜色格式：NV12。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="599"/>
        <source>Settings ▸ Advanced ▸ Video ▸ Color Range: Limited (Partial).</source>
        <translation>设置 ▸ 高级 ▸ 视频 ▸ 色彩范围：有限（部分）。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="601"/>
        <source>Settings ▸ Video ▸ Common FPS Values: 30 or 60.</source>
        <translation>设置 ▸ 视频 ▸ 常用 FPS 值：30 或 60。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="604"/>
        <source>Settings ▸ Output ▸ Streaming ▸ Video Bitrate: raise it, or run Tools ▸ Auto-Configuration Wizard.</source>
        <translation>设置 ▸ 输出 ▸ 直播 ▸ 视频码率：调高，或运行 工具 ▸ 自动配置向导。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="611"/>
        <source>Stop the show and close OBS normally before sending its log; after a crash, send Help ▸ Crash Reports too.</source>
        <translation>发送日志前先正常停止直播并关闭 OBS；如果崩溃过，请一并发送 帮助 ▸ 崩溃报告。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="619"/>
        <source>The GPU&apos;s encoder is overloaded: cap the game&apos;s frame rate; Settings ▸ Output: a faster preset; Settings ▸ Video: a lower output resolution or FPS.</source>
        <extracomment>What overloads a hardware encoder is the GPU, not the CPU: its own remedy.</extracomment>
        <translation>GPU 的编码器过载：限制游戏帧率；设置 ▸ 输出：更快的预设；设置 ▸ 视频：降低输出分辨率或 FPS。</translation>
    </message>
    <message>
        <location filename="../../obs/log_findings.py" line="684"/>
        <source>The log ends abruptly: OBS was killed, crashed, or is still running. A session still open then is known only as far as the figures the log wrote for it: what came after is unknown.</source>
        <extracomment>One English line per id for the README&apos;s table.</extracomment>
        <translation>日志突然结束：OBS 被强制结束、崩溃，或仍在运行。当时仍在进行的会话，只能从日志已写出的数据了解，之后的情况未知。</translation>
    </message>
    <message>
        <location filename="../../obs/logfile.py" line="695"/>
        <source>{name} does not look like an OBS Studio log (no &apos;OBS &lt;version&gt;&apos; line at its start)</source>
        <extracomment>OBS&apos;s profiler at a clean exit, &quot;Time Between Calls&quot;: &quot;obs_hotkey_thread(25 ms): min=25.178 ms, median=25.499 ms, max=12070.9 ms, 50.0921% within ±2% of 25 ms (…)&quot;. The longest gap between two calls of a thread that only sleeps (the hotkey thread, every 25 ms) is the longest time all of OBS stood still; the graphics thread&apos;s, how long no frame was drawn then. OBS writes a no-break space before &quot;ms&quot;. A gap of the hotkey thread this long is OBS stopped as a whole (SIGSTOP, the computer suspended, memory swapped out), not a busy graphics card: measured, 25.2–25.5 ms normally, 152 ms at worst on a loaded machine. The lines librtmp and rtmp-stream write when a stream&apos;s connection fails or drops: &quot;WriteN, RTMP send error 32 (190 bytes)&quot;, &quot;… is offline. Try a different server (ECONNREFUSED).&quot;, &quot;RTMP_Connect1, handshake failed.&quot;, &quot;Could not resolve …&quot;, Windows&apos; &quot;socket_thread_windows: Received FD_CLOSE, error code 10053&quot;. The socket errors of a send as a cause (POSIX and Winsock numbers): the server closed the connection (EPIPE), it was reset or aborted on the way, or it timed out. The error lines that follow the first and add nothing (EBADF once the socket is gone). coredumpctl names the package a module came from: &quot;Module libobs.so.30 from rpm obs-studio-30.1.2-1.fc40&quot;. OBS Classic (0.x, discontinued in 2017): &quot;Open Broadcaster Software v0.659b - 64bit&quot;. A line without any of these cannot carry a configuration finding. The log ends within this run&apos;s figures (OBS killed while writing them, a file cut off or still being written): a lagged or dropped line that is not there may only not have been written yet, so it is unknown. When the stream was connected again after this run&apos;s drop (&quot;[rtmp stream: &apos;…&apos;] Connection to … successful&quot; after the &quot;Reconnecting in&quot; lines); None while it was not (OBS gave up, the stream was stopped, the log ends). Why the run ended in a drop, as the log says it: (cause, the log&apos;s line) — cause one of &quot;closed&quot;, &quot;reset&quot;, &quot;timeout&quot;, &quot;refused&quot;, &quot;blocked&quot;, &quot;dns&quot;, &quot;handshake&quot;, &quot;connect&quot;, &quot;send&quot; (see rtmp_cause); None when no line says. Why the attempts to reconnect after it failed, the first such line (the same form). The days after the log&apos;s first day its start and end fall on, from the log&apos;s own order of lines: a time of day earlier than the line before it is past midnight. (A recording that ends after a stream began is not.) A cause line seen while the stream ran: it belongs to the run whose figures come next (see Segment.cause). The one stall of the whole OBS (seconds, the frames it left undrawn) that explains most of this session&apos;s lagged frames, from OBS&apos;s profiler (see _place_stall); None when the log says none did. How OBS names its platform in the log&apos;s first line, and how people write it (proper nouns, not translated): the CLI and the log dialog say it from here (the dialog said &quot;linux&quot; where the CLI said &quot;Linux&quot;). The time of day of the log&apos;s last timestamped line: where a session with no end line (OBS killed or crashed) is last known to have run. The run whose figures the last lines wrote: if the log ends here, some may be missing (Segment.cut).</extracomment>
        <translation>{name} 看起来不是 OBS Studio 日志（开头没有“OBS &lt;版本&gt;”这一行）</translation>
    </message>
    <message>
        <location filename="../../obs/logfile.py" line="702"/>
        <source>{name} does not look like an OBS Studio log (no &apos;OBS &lt;version&gt;&apos; line)</source>
        <translation>{name} 看起来不是 OBS Studio 日志（没有“OBS &lt;版本&gt;”这一行）</translation>
    </message>
    <message>
        <location filename="../../obs/logfile.py" line="723"/>
        <source>{name} is a zip archive that cannot be opened (damaged or cut off)</source>
        <translation>{name} 是一个打不开的 zip 压缩包（已损坏或没有传完整）</translation>
    </message>
    <message>
        <location filename="../../obs/logfile.py" line="733"/>
        <source>{path} cannot be read: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../obs/logfile.py" line="748"/>
        <source>{name} is a zip archive without a log in it (no .txt or .log file)</source>
        <extracomment>OBS names each log by the time it started (&quot;2026-12-02 13-00-38.txt&quot;): in a zip of several, the newest is last.</extracomment>
        <translation>{name} 是 zip 压缩包，但里面没有日志（没有 .txt 或 .log 文件）</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/audio.py" line="18"/>
        <source>OBS raised its audio buffering {times}, to {ms} ms, because of {sources}: every source is delayed by that much.</source>
        <translation>因 {sources}，OBS 把音频缓冲提高了 {times}，达到 {ms} ms：所有来源都被延后这么多。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/audio.py" line="20"/>
        <source>Check the named source&apos;s device (its driver, USB hub, sample rate); a media or network source that stalls also does this. Restarting OBS resets the buffering.</source>
        <translation>检查点名来源的设备（驱动、“USB”集线器、采样率）；卡顿的媒体源或网络源也会这样。重启 OBS 会清零缓冲。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/audio.py" line="26"/>
        <source>Audio devices run at other sample rates than OBS&apos;s {rate} Hz: {devices}. Resampling can drift or crackle.</source>
        <translation>这些音频设备的采样率与 OBS 的 {rate} 赫兹不同：{devices}。重采样可能导致音画漂移或爆音。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/audio.py" line="28"/>
        <source>Set every device to 48000 Hz (Windows: Sound settings ▸ device ▸ Properties ▸ Advanced ▸ Default Format) and OBS too: Settings ▸ Audio ▸ Sample Rate.</source>
        <translation>把所有设备设为 48000 赫兹（Windows：声音设置 ▸ 设备 ▸ 属性 ▸ 高级 ▸ 默认格式），OBS 也一样：设置 ▸ 音频 ▸ 采样率。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/audio.py" line="34"/>
        <source>Audio monitoring plays on “{device}”. If desktop audio captures that same device, monitored sources are heard twice on the stream (echo).</source>
        <translation>音频监听输出到“{device}”。如果桌面音频采集的也是这个设备，被监听的来源会在直播里出现两次（回声）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/audio.py" line="36"/>
        <source>Settings ▸ Audio ▸ Advanced ▸ Monitoring Device: a headphone output that Desktop Audio does not capture.</source>
        <translation>设置 ▸ 音频 ▸ 高级 ▸ 监听设备：选一个桌面音频不采集的耳机输出。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/audio.py" line="44"/>
        <source>The audio device “{device}” could not be opened ({lines}): {error}. For “default”, Windows has no enabled device of that kind — all are disabled or unplugged — so the source using it (often Desktop Audio) stays silent.</source>
        <translation>音频设备“{device}”无法打开（{lines}）：{error}。若是“default”，说明 Windows 中没有启用任何这类设备（全部被禁用或已拔出），使用它的音频源（通常是桌面音频）没有声音。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/audio.py" line="47"/>
        <source>Windows: Settings ▸ System ▸ Sound ▸ More sound settings ▸ Playback (or Recording): right-click ▸ Show Disabled Devices, enable the device and set it as default; then OBS: Settings ▸ Audio ▸ Desktop Audio / Mic/Auxiliary Audio.</source>
        <translation>Windows：设置 ▸ 系统 ▸ 声音 ▸ 更多声音设置 ▸ 播放（或录制）：右键 ▸ 显示禁用的设备，启用该设备并设为默认；然后在 OBS：设置 ▸ 音频 ▸ 桌面音频 / 麦克风/辅助音频 中选择它。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="24"/>
        <source>The x264 encoder {encoder} has custom options: {options}.</source>
        <extracomment>The slowest preset of each hardware encoder: quality gains too small for the load it adds to a live show.</extracomment>
        <translation>x264 编码器 {encoder} 设有自定义参数：{options}。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="25"/>
        <source>Unless you know why each is there, clear Settings ▸ Output ▸ x264 Options (Advanced output mode).</source>
        <translation>除非清楚每一项的用途，否则清空 设置 ▸ 输出 ▸ x264 选项（高级输出模式）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="31"/>
        <source>The x264 encoder {encoder} uses the baseline profile: the same bitrate looks worse than with main or high.</source>
        <translation>x264 编码器 {encoder} 使用“baseline”配置：同样码率下画质不如“main”或“high”。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="33"/>
        <source>Settings ▸ Output ▸ Streaming ▸ Profile: high (or main).</source>
        <translation>设置 ▸ 输出 ▸ 直播 ▸ 配置：“high”（或“main”）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="38"/>
        <source>The {kind} encoder {encoder} uses its slowest preset ({preset}): it can overload the GPU&apos;s encoder for little visible gain.</source>
        <translation>{kind} 编码器 {encoder} 使用最慢的预设（{preset}）：可能压垮 GPU 编码器，画质提升却几乎看不出。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="40"/>
        <source>Settings ▸ Output ▸ Preset: a middle one (NVENC P5, AMF Balanced, QSV Balanced) if frames are skipped.</source>
        <translation>如果出现跳帧：设置 ▸ 输出 ▸ 预设 选中档（“NVENC P5”“AMF 均衡”“QSV 均衡”）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="46"/>
        <source>An encoder failed ({lines}), first: {line}</source>
        <translation>有编码器出错（{lines}），第一行：{line}</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="47"/>
        <source>Update the GPU driver; for QSV enable the integrated GPU in the BIOS; or pick another encoder in Settings ▸ Output.</source>
        <translation>更新显卡驱动；使用“QSV”时请在“BIOS”中启用核显；或在 设置 ▸ 输出 中换一个编码器。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="53"/>
        <source>The configured encoder &apos;{encoder}&apos; does not exist in this OBS: going live or recording may fail.</source>
        <translation>设置的编码器“{encoder}”在这个 OBS 中不存在：开播或录像可能失败。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="55"/>
        <source>Settings ▸ Output: choose the encoder again from the list.</source>
        <translation>设置 ▸ 输出：从列表中重新选择编码器。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="60"/>
        <source>The streaming encoder {encoder} puts a keyframe every {seconds:.1f} s; platforms expect 1–2 s (longer delays viewers joining and can be refused).</source>
        <translation>直播编码器 {encoder} 每 {seconds:.1f} 秒一个关键帧；平台要求 1–2 秒（更长会让观众进房变慢，甚至被拒绝推流）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="62"/>
        <location filename="../../obs/logcheck/encoding.py" line="264"/>
        <source>Settings ▸ Output ▸ Streaming ▸ Keyframe Interval: 2 s.</source>
        <translation>设置 ▸ 输出 ▸ 直播 ▸ 关键帧间隔：2 秒。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="67"/>
        <source>The stream at {start} was delayed by {seconds} s on purpose (stream delay).</source>
        <translation>{start} 的直播被有意延迟了 {seconds} 秒（推流延迟）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="68"/>
        <source>If that is not wanted: Settings ▸ Advanced ▸ Stream Delay: off.</source>
        <translation>如果不需要：设置 ▸ 高级 ▸ 推流延迟：关闭。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="73"/>
        <source>Dynamic bitrate was on for the stream at {start}: OBS lowers the bitrate instead of dropping frames when the network is congested.</source>
        <translation>{start} 的直播开启了动态码率：网络拥塞时 OBS 降低码率而不是丢帧。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="75"/>
        <source>If the picture stayed blurry after the network recovered: Settings ▸ Advanced ▸ Network ▸ Dynamically change bitrate: off.</source>
        <translation>如果网络恢复后画面仍然模糊：设置 ▸ 高级 ▸ 网络 ▸ 动态改变码率：关闭。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="81"/>
        <source>Network optimisations (new socket loop) were on for the stream at {start}.</source>
        <translation>{start} 的直播开启了网络优化（新套接字循环）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="82"/>
        <source>They are off by default and only help some connections: Settings ▸ Advanced ▸ Network ▸ Enable network optimizations.</source>
        <translation>它默认关闭，只对部分网络有帮助：设置 ▸ 高级 ▸ 网络 ▸ 启用网络优化。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="88"/>
        <source>TCP pacing (low latency mode) was on for the stream at {start}.</source>
        <translation>{start} 的直播开启了“TCP pacing”（低延迟模式）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="89"/>
        <source>Off by default; turn it off unless it fixed a problem: Settings ▸ Advanced ▸ Network ▸ TCP pacing.</source>
        <translation>它默认关闭；除非它解决过问题，否则请关闭：设置 ▸ 高级 ▸ 网络 ▸ “TCP pacing”。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="95"/>
        <source>The stream at {start} was bound to a chosen address ({address}); if that network changes, the stream cannot connect.</source>
        <translation>{start} 的直播绑定到了指定地址（{address}）；一旦网络变化，直播将无法连接。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="97"/>
        <source>Settings ▸ Advanced ▸ Network ▸ Bind to IP: Default.</source>
        <translation>设置 ▸ 高级 ▸ 网络 ▸ 绑定到 IP：默认。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="102"/>
        <source>The network card {interface} links at only {speed} Mbps though it can do gigabit: a bad cable, port or switch.</source>
        <translation>网卡 {interface} 支持千兆，却只以 {speed} Mbit/s 连接：网线、网口或交换机有问题。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="104"/>
        <source>Replace the network cable (Cat 5e or better) or try another switch/router port.</source>
        <translation>更换网线（“Cat 5e”或更好），或换一个交换机/路由器网口。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="110"/>
        <source>The stream goes through a Killer network card ({interface}); its software suite is known to disturb streams.</source>
        <translation>直播经由“Killer”网卡（{interface}）；它的配套软件已知会干扰推流。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="112"/>
        <source>Uninstall the Killer suite and install only the network driver.</source>
        <translation>卸载“Killer”软件套件，只安装网卡驱动。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="126"/>
        <source>NVENC could not open another encoding session (a GeForce with this driver runs {limit} at once): {line}</source>
        <translation>“NVENC”无法再打开一个编码会话（此驱动下的“GeForce”显卡最多同时运行 {limit} 个）：{line}</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="137"/>
        <source>The encoder refused its settings and OBS set it up again with fewer features ({lines}), first: {line}</source>
        <translation>编码器拒绝了所设参数，OBS 以较少的功能重新初始化了它（{lines}），第一行：{line}</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="139"/>
        <source>Settings ▸ Output: turn off Psycho Visual Tuning and set Max B-frames to what the GPU supports, so that what runs is what you set; update the GPU driver.</source>
        <translation>设置 ▸ 输出：关闭“心理视觉调优”，并把“最大 B 帧”设为显卡支持的数值，使实际运行的就是所设置的；并更新显卡驱动。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="168"/>
        <source>{count} error line</source>
        <translation>{count} 行错误</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="169"/>
        <source>{count} error lines</source>
        <translation>{count} 行错误</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="253"/>
        <source>The stream at {start} sent {bitrate} kbps of video to {service}, above its maximum of {maximum} kbps: the service may refuse or re-compress it.</source>
        <extracomment>The services a room streams to, with what OBS&apos;s own service list (plugins/rtmp-services/data/services.json) recommends. That list gives no maximum resolution or FPS for these, and none at all but the codecs for Bilibili and Kuaishou: there only the codec is judged.</extracomment>
        <translation>{start} 开始的推流向 {service} 发送了 {bitrate} kbps 的视频，超过其上限 {maximum} kbps：平台可能拒收或再次压缩。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="255"/>
        <source>Settings ▸ Output ▸ Streaming ▸ Video Bitrate: at most the maximum (tick Settings ▸ Stream ▸ “Ignore streaming service setting recommendations” only if you know the service accepts more).</source>
        <translation>设置 ▸ 输出 ▸ 直播 ▸ 视频比特率：不超过上限（只有确知平台接受更高码率时，才勾选 设置 ▸ 直播 ▸“忽略流媒体服务的设置建议”）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="262"/>
        <source>The stream at {start} put a keyframe every {seconds:.1f} s; {service} asks for {wanted} s.</source>
        <translation>{start} 开始的推流每 {seconds:.1f} 秒一个关键帧；{service} 要求 {wanted} 秒。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="269"/>
        <source>The stream at {start} sent {codec} to {service}, which takes only {codecs}: viewers get no picture, or the connection is refused.</source>
        <translation>{start} 开始的推流向 {service} 发送了 {codec}，而该平台只接受 {codecs}：观众看不到画面，或连接被拒绝。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="271"/>
        <source>Settings ▸ Output ▸ Streaming ▸ Video Encoder: an H.264 one.</source>
        <translation>设置 ▸ 输出 ▸ 直播 ▸ 视频编码器：选择一个 H.264 编码器。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/encoding.py" line="128"/>
        <source>Close other programs that encode on the NVIDIA GPU (a second OBS, GeForce/NVIDIA App recording, Discord streaming); for stream + recording, set Settings ▸ Output ▸ Recording ▸ Encoder to “(Use stream encoder)”.</source>
        <translation>关闭其他在英伟达显卡上编码的程序（第二个 OBS、“GeForce Experience”或“NVIDIA App”录制、“Discord”直播）；同时推流和录像时，把 设置 ▸ 输出 ▸ 录像 ▸ 编码器 设为“（使用直播编码器）”。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="23"/>
        <source>OBS renders with {renderer} on {adapter} (driver {driver}).</source>
        <translation>OBS 使用 {renderer} 在 {adapter} 上渲染（驱动 {driver}）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="29"/>
        <source>OBS renders on the integrated GPU ({adapter}) although this PC also has {dedicated}: a laptop&apos;s weak GPU, and game capture of games on the other GPU fails.</source>
        <translation>OBS 在核显（{adapter}）上渲染，而这台电脑还有 {dedicated}：核显性能弱，运行在独显上的游戏也无法用游戏采集捕获。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="31"/>
        <source>Windows Settings ▸ System ▸ Display ▸ Graphics: set OBS to High performance, then restart OBS.</source>
        <translation>Windows 设置 ▸ 系统 ▸ 显示 ▸ 图形：把 OBS 设为“高性能”，然后重启 OBS。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="37"/>
        <source>OBS uses the OpenGL renderer on Windows: slower, with capture and display glitches.</source>
        <translation>OBS 在 Windows 上使用“OpenGL”渲染器：更慢，采集和显示会出现异常。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="39"/>
        <source>Settings ▸ Advanced ▸ Video ▸ Renderer: Direct3D 11, then restart OBS.</source>
        <translation>设置 ▸ 高级 ▸ 视频 ▸ 渲染器：“Direct3D 11”，然后重启 OBS。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="44"/>
        <source>Monitor {display} runs at {refresh:g} Hz, which is not a multiple of OBS&apos;s {fps:g} fps: captured motion may stutter.</source>
        <translation>显示器 {display} 刷新率为 {refresh:g} 赫兹，不是 OBS {fps:g} fps 的整数倍：采集到的运动画面可能卡顿。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="46"/>
        <source>Settings ▸ Video ▸ Common FPS Values: pick a divisor of the refresh rate (e.g. 60 or 30 for 60/120/144 Hz), or set the monitor to a multiple of the FPS.</source>
        <translation>设置 ▸ 视频 ▸ 常用 FPS 值：选刷新率的约数（例如 60/120 赫兹选 60 或 30），或把显示器刷新率设为 FPS 的整数倍。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="52"/>
        <source>Monitors run at different refresh rates ({rates}) on a Windows before 10 2004, which slows hardware-accelerated apps such as games and OBS.</source>
        <translation>显示器刷新率各不相同（{rates}），而 Windows 版本早于 10 2004：这会拖慢游戏和 OBS 等硬件加速程序。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="54"/>
        <source>Update Windows to 10 2004 or newer, or set every monitor to the same refresh rate.</source>
        <translation>把 Windows 更新到 10 2004 或更新版本，或把所有显示器设为相同刷新率。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="65"/>
        <source>The NVIDIA driver {driver} is older than OBS {obs} needs for NVENC ({minimum} or newer).</source>
        <extracomment>The oldest NVIDIA driver each OBS release&apos;s NVENC works with (OBS&apos;s release notes and its own error text): 471.41 from OBS 28, 531.61 from 30.1, 551 from 31 (NVENC SDK 12.2), 570 from 32.2 (SDK 13).</extracomment>
        <translation>英伟达驱动 {driver} 太旧，OBS {obs} 的“NVENC”需要 {minimum} 或更新的驱动。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="67"/>
        <source>Install NVIDIA&apos;s current driver (GeForce Experience / NVIDIA App, or nvidia.com), then restart OBS; an old GPU without newer drivers must use x264.</source>
        <translation>安装最新的英伟达驱动（“GeForce Experience”、“NVIDIA App”或“nvidia.com”），然后重启 OBS；没有新驱动的老显卡只能用 x264。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="104"/>
        <source>The AMD driver {driver} of {adapter} is from before mid-2022 (Windows driver versions below 31.0): AMF encoder and capture fixes since then are missing.</source>
        <extracomment>AMD&apos;s Windows driver versions: 31.0.x began with Adrenalin 22.7 (mid-2022); 27.x–30.x are 2019–2022 releases.</extracomment>
        <translation>{adapter} 的“AMD”驱动 {driver} 早于 2022 年年中（Windows 驱动版本低于 31.0）：缺少此后对“AMF”编码器和采集的修复。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="106"/>
        <source>Install AMD Software: Adrenalin Edition&apos;s current driver from amd.com (choose Factory Reset), then restart OBS.</source>
        <translation>从“amd.com”安装最新的“AMD Software: Adrenalin Edition”驱动（选择“恢复出厂设置”安装），然后重启 OBS。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="157"/>
        <source>{adapter} has a {generation} NVENC: it encodes {codecs}; HEVC with B-frames: {bframes}.</source>
        <extracomment>GeForce names to their NVENC generation, the first match wins (a GPU without NVENC is None). From NVIDIA&apos;s Video Encode and Decode support matrix: HEVC from Maxwell&apos;s second generation, HEVC B-frames from Turing, AV1 from Ada.</extracomment>
        <translation>{adapter} 的“NVENC”属于 {generation} 代：可编码 {codecs}；“HEVC”带 B 帧：{bframes}。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="164"/>
        <source>{adapter} has no NVENC encoder, yet {encoder} is set to NVENC: it cannot start.</source>
        <translation>{adapter} 没有“NVENC”编码器，但 {encoder} 被设为“NVENC”：无法启动。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="166"/>
        <source>Settings ▸ Output ▸ Encoder: x264 (or the integrated GPU&apos;s QuickSync).</source>
        <translation>设置 ▸ 输出 ▸ 编码器：x264（或核显的“QuickSync”）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="171"/>
        <source>{encoder} asks {adapter} ({generation} NVENC) for {codec}, which it cannot encode: the output fails to start.</source>
        <translation>{encoder} 要求 {adapter}（{generation} 代“NVENC”）编码 {codec}，但它不支持：输出无法启动。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="173"/>
        <source>Settings ▸ Output ▸ Encoder: NVIDIA NVENC H.264 (HEVC needs a GTX 950 or newer, AV1 an RTX 40 or newer).</source>
        <translation>设置 ▸ 输出 ▸ 编码器：“NVIDIA NVENC H.264”（“HEVC”需要“GTX 950”或更新的显卡，“AV1”需要“RTX 40”系列或更新）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="179"/>
        <source>{encoder} asks for {bframes} B-frames in HEVC, which {adapter} ({generation} NVENC) cannot do: OBS encodes without them or retries with compatibility options.</source>
        <translation>{encoder} 要求“HEVC”使用 {bframes} 个 B 帧，而 {adapter}（{generation} 代“NVENC”）不支持：OBS 会不用 B 帧编码，或以兼容选项重试。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="181"/>
        <source>Settings ▸ Output ▸ Max B-frames: 0 for HEVC on this GPU (or use H.264, where it supports B-frames).</source>
        <translation>设置 ▸ 输出 ▸ 最大 B 帧：在这块显卡上用“HEVC”时设为 0（或改用支持 B 帧的 H.264）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="185"/>
        <source>yes</source>
        <translation>支持</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/graphics.py" line="185"/>
        <source>no</source>
        <translation>不支持</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/kinds.py" line="33"/>
        <source>This is a crash report: OBS crashed ({exception}) in {module} on thread {thread}; the likely culprit is {culprit} (the thread&apos;s stack: {stack}).</source>
        <extracomment>Modules of Windows itself: a crash inside one of them names its caller as the likelier culprit. OBS&apos;s own executables and libraries (its plugins are sources.DEFAULT_MODULES).</extracomment>
        <translation>这是一份崩溃报告：OBS 在线程 {thread} 上于 {module} 中崩溃（{exception}）；最可能的原因是 {culprit}（该线程的调用栈：{stack}）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/kinds.py" line="35"/>
        <source>Send this report and the log of the same session (Help ▸ Crash Reports, Help ▸ Log Files) to whoever supports the room.</source>
        <translation>把这份报告和同一次运行的日志（帮助 ▸ 崩溃报告、帮助 ▸ 日志文件）发给负责这个直播间的技术支持。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/kinds.py" line="40"/>
        <source>The crash is inside the graphics driver: install the GPU vendor&apos;s newest driver (clean install), then try again.</source>
        <translation>崩溃发生在显卡驱动内：安装显卡厂商的最新驱动（干净安装）后再试。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/kinds.py" line="42"/>
        <source>The crash is inside {culprit}, which is not part of OBS or Windows: update or remove that plugin or program.</source>
        <translation>崩溃发生在 {culprit} 内，它不属于 OBS 或 Windows：更新或移除这个插件或程序。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/kinds.py" line="46"/>
        <source>This is a log of OBS Classic {version}, discontinued since 2017: its lines are not OBS Studio&apos;s, so nothing else in it is judged.</source>
        <translation>这是“OBS Classic”{version} 的日志，该软件自 2017 年起已停止维护：它的日志格式与 OBS Studio 不同，因此不对其中其他内容做判断。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/kinds.py" line="48"/>
        <source>Install OBS Studio (obsproject.com), set up the scenes again, and send an OBS Studio log.</source>
        <translation>安装 OBS Studio（“obsproject.com”），重新搭建场景，再发送 OBS Studio 的日志。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/kinds.py" line="54"/>
        <source>The log holds no streaming or recording session: what happened during a show cannot be judged from it.</source>
        <translation>这份日志里没有推流或录像会话：无法据此判断直播中发生了什么。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/kinds.py" line="56"/>
        <source>Send the log of a session in which the problem happened: Help ▸ Log Files ▸ Upload Previous Log File (or the newest file in the log folder).</source>
        <translation>请发送出问题那次的日志：帮助 ▸ 日志文件 ▸ 上传上次日志文件（或日志文件夹里最新的文件）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/kinds.py" line="62"/>
        <source>{kind} session at {start}: {resolution} at {fps} fps, encoder “{encoder}”, {bitrate} kbps.</source>
        <translation>{start} 开始的{kind}会话：{resolution}，{fps} fps，编码器“{encoder}”，{bitrate} kbps。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/kinds.py" line="69"/>
        <source>The {setting} changed between the {kind} sessions at {before} and {after}: “{old}” → “{new}”.</source>
        <translation>{before} 与 {after} 开始的两次{kind}会话之间{setting}有变化：“{old}” → “{new}”。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/kinds.py" line="78"/>
        <source>output resolution</source>
        <extracomment>The settings a session summary compares, as the findings name them.</extracomment>
        <translation>输出分辨率</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/kinds.py" line="79"/>
        <source>frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/kinds.py" line="80"/>
        <source>encoder</source>
        <translation>编码器</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/kinds.py" line="81"/>
        <source>video bitrate</source>
        <translation>视频码率</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="24"/>
        <source>StreamFX is no longer maintained and crashes current OBS releases</source>
        <extracomment>The modules OBS ships (by file name without extension), whatever the platform. Plugins whose presence alone is worth a word (a module name, lower case, without extension).</extracomment>
        <translation>“StreamFX”已停止维护，会让当前版本的 OBS 崩溃</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="31"/>
        <source>Settings ▸ Advanced ▸ Sources ▸ Enable Browser Source Hardware Acceleration, then restart OBS.</source>
        <translation>设置 ▸ 高级 ▸ 来源 ▸ 启用浏览器源硬件加速，然后重启 OBS。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="37"/>
        <source>The scenes hold {count} browser sources: each one is a web page rendering all the time.</source>
        <translation>场景中有 {count} 个浏览器源：每一个都是持续渲染的网页。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="39"/>
        <source>Remove unused ones; tick “Shutdown source when not visible” in each browser source&apos;s properties.</source>
        <translation>移除不用的；在每个浏览器源的属性中勾选“不可见时关闭源”。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="46"/>
        <source>Game capture: run OBS as administrator, on the same GPU as the game; try Window Capture or Display Capture instead.</source>
        <translation>游戏采集：以管理员身份运行 OBS，并与游戏使用同一块 GPU；或改用窗口采集、显示器采集。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="52"/>
        <source>A media file could not be opened ({files}, {attempts} in all), first: {file}</source>
        <translation>有媒体文件打不开（{files}，共尝试打开 {attempts}），第一个：{file}</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="54"/>
        <source>Check the file still exists at that path and plays in a video player; re-encode unusual formats to MP4 (H.264/AAC).</source>
        <translation>确认文件仍在该路径且能用播放器播放；少见格式请转码为 MP4（H.264/AAC）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="60"/>
        <source>A media file opened, but its format cannot be decoded ({count}), first: {file}</source>
        <translation>媒体文件能打开，但其格式无法解码（{count} 个），第一个：{file}</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="62"/>
        <source>Re-encode the file to MP4 with H.264 video and AAC audio (HandBrake or ffmpeg) and point the Media Source at the new file.</source>
        <translation>把文件重新编码为 MP4（H.264 视频、“AAC”音频，可用“HandBrake”或“ffmpeg”），并让媒体源指向新文件。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="68"/>
        <source>A source&apos;s file could not be loaded ({count}), first: {line}</source>
        <translation>有来源的文件加载失败（{count} 个），第一个：{line}</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="69"/>
        <source>File ▸ Show Missing Files (or the source&apos;s properties) to point it at the file&apos;s new place.</source>
        <translation>用 文件 ▸ 显示缺失文件（或来源属性）指向文件的新位置。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="30"/>
        <source>Browser source hardware acceleration is off: the CPU renders {sources}.</source>
        <translation>浏览器源硬件加速已关闭：{sources}在 CPU 上渲染。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="45"/>
        <source>A capture source failed ({lines}), first: {line}</source>
        <translation>采集源出错（{lines}），第一行：{line}</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="75"/>
        <source>{plugins} failed to load: {modules}.</source>
        <translation>{plugins}加载失败：{modules}。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="76"/>
        <source>Update or remove those plugins (a plugin built for another OBS version does not load); Help ▸ Log Files shows the reason.</source>
        <translation>更新或移除这些插件（为其他 OBS 版本编译的插件无法加载）；原因见 帮助 ▸ 日志文件。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="82"/>
        <source>Third-party plugins loaded ({count}): {modules}.</source>
        <translation>已加载第三方插件（{count} 个）：{modules}。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="83"/>
        <source>When OBS misbehaves, try Help ▸ Restart in Safe Mode: it starts without them.</source>
        <translation>OBS 行为异常时，试试 帮助 ▸ 以安全模式重启：它会不加载这些插件启动。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="89"/>
        <source>Plugin {module}: {reason}.</source>
        <translation>插件 {module}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="90"/>
        <source>Uninstall it, or replace it with a maintained plugin.</source>
        <translation>卸载它，或换成仍在维护的插件。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="95"/>
        <source>Modules that OBS normally ships are missing: {modules}.</source>
        <translation>缺少 OBS 通常自带的模块：{modules}。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="96"/>
        <source>Install OBS from the official PPA or Flatpak, which include them (and VLC for the VLC source).</source>
        <translation>从官方“PPA”或“Flatpak”安装 OBS，它们包含这些模块（“VLC”来源还需安装“VLC”）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="119"/>
        <source>{count} browser source</source>
        <translation>{count} 个浏览器源</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="120"/>
        <source>{count} browser sources</source>
        <translation>{count} 个浏览器源</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="136"/>
        <source>{count} file</source>
        <translation>{count} 个文件</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="137"/>
        <source>{count} files</source>
        <translation>{count} 个文件</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="153"/>
        <source>{count} plugin module</source>
        <translation>{count} 个插件模块</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/sources.py" line="154"/>
        <source>{count} plugin modules</source>
        <translation>{count} 个插件模块</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="49"/>
        <source>{name} (build {build}) has had no updates from Microsoft since {end}.</source>
        <extracomment>The oldest macOS that current OBS releases support (OBS 31 needs macOS 12).</extracomment>
        <translation>{name}（版本号 {build}）自 {end} 起已不再获得微软更新。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="50"/>
        <source>Update Windows (Windows Settings ▸ Windows Update) to a supported release.</source>
        <translation>更新 Windows（Windows 设置 ▸ Windows 更新）到仍受支持的版本。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="55"/>
        <source>{name} (build {build}), supported by Microsoft until {end}.</source>
        <translation>{name}（版本号 {build}），微软支持到 {end}。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="61"/>
        <source>Windows build {build} is not a known release: probably an Insider (test) build.</source>
        <translation>Windows 版本号 {build} 不是已知的正式版本：可能是预览体验（测试）版。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="64"/>
        <source>For a show, use a released Windows (Windows Settings ▸ Windows Update ▸ Windows Insider Program: stop getting preview builds).</source>
        <translation>直播请使用正式版 Windows（Windows 设置 ▸ Windows 更新 ▸ Windows 预览体验计划：停止获取预览版）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="70"/>
        <source>macOS {version} is older than current OBS releases support (macOS {minimum} or newer).</source>
        <translation>macOS {version} 低于当前 OBS 版本支持的范围（需 macOS {minimum} 或更新）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="72"/>
        <source>Update macOS (System Settings ▸ General ▸ Software Update) or keep an OBS release that supports this macOS.</source>
        <translation>更新 macOS（系统设置 ▸ 通用 ▸ 软件更新），或继续使用支持这个 macOS 的 OBS 版本。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="78"/>
        <source>Linux: {distribution}, {display} session, desktop {desktop}.</source>
        <translation>Linux：{distribution}，{display} 会话，桌面 {desktop}。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="84"/>
        <source>The log names no display server (neither Wayland nor X11): captures may fail.</source>
        <translation>日志中没有显示服务器（既不是“Wayland”也不是“X11”）：采集可能失败。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="86"/>
        <source>Start OBS from a normal desktop session, not over SSH or from a service.</source>
        <translation>在正常的桌面会话中启动 OBS，不要通过“SSH”或系统服务启动。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="91"/>
        <source>OBS runs through XWayland on a Wayland desktop: screen and window capture cannot work.</source>
        <translation>OBS 在“Wayland”桌面上经由“XWayland”运行：屏幕和窗口采集都无法工作。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="93"/>
        <source>Start OBS with: obs -platform wayland (or unset QT_QPA_PLATFORM=xcb).</source>
        <translation>用 `obs -platform wayland` 启动 OBS（或取消 `QT_QPA_PLATFORM=xcb`）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="98"/>
        <source>32-bit OBS runs on 64-bit Windows: it can use little memory and crashes more.</source>
        <translation>32 位 OBS 运行在 64 位 Windows 上：可用内存很少，更容易崩溃。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="100"/>
        <source>Start the 64-bit OBS (the installer&apos;s 64-bit shortcut); OBS 28 and newer are 64-bit only.</source>
        <translation>启动 64 位 OBS（安装程序创建的 64 位快捷方式）；OBS 28 起只有 64 位。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="106"/>
        <source>OBS ({build}) runs under x64 emulation on an ARM processor ({cpu}): everything costs more CPU, and capture and encoders may be missing.</source>
        <translation>OBS（{build}）在“ARM”处理器（{cpu}）上以“x64”模拟方式运行：一切都更耗 CPU，部分采集方式和编码器可能不可用。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="108"/>
        <source>Install the ARM64 build of OBS if one exists for your version; keep the show light (fewer sources, hardware encoder).</source>
        <translation>如有对应版本，请安装“ARM64”版 OBS；让直播保持轻量（少用来源、使用硬件编码器）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="114"/>
        <source>OBS (Intel build) runs through Rosetta on Apple silicon: slower, and Apple-silicon plugins do not load.</source>
        <translation>OBS（“Intel”版）在苹果芯片上经由“Rosetta”转译运行：更慢，且苹果芯片版插件无法加载。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="116"/>
        <source>Download the Apple Silicon build of OBS from obsproject.com and replace this one.</source>
        <translation>从“obsproject.com”下载苹果芯片版 OBS，替换当前版本。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="122"/>
        <source>Windows Game Mode is off; on this Windows it helps OBS keep its share of the GPU while a game runs.</source>
        <translation>Windows 游戏模式已关闭；在这个 Windows 版本上，它能在游戏运行时帮 OBS 保住 GPU 份额。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="124"/>
        <source>Windows Settings ▸ Gaming ▸ Game Mode: On.</source>
        <translation>Windows 设置 ▸ 游戏 ▸ 游戏模式：开。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="129"/>
        <source>Windows Game Mode is on in a Windows 10 release before 1809, where it starves OBS of CPU and GPU.</source>
        <translation>在早于 1809 的 Windows 10 上开启了游戏模式，它会抢走 OBS 的 CPU 和 GPU。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="131"/>
        <source>Windows Settings ▸ Gaming ▸ Game Mode: Off (or update Windows).</source>
        <translation>Windows 设置 ▸ 游戏 ▸ 游戏模式：关（或更新 Windows）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="136"/>
        <source>Windows Game DVR background recording is on: it records and encodes the game alongside OBS.</source>
        <translation>Windows“Game DVR”后台录制已开启：它与 OBS 同时录制并编码游戏画面。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="138"/>
        <source>Windows Settings ▸ Gaming ▸ Captures: turn off background recording (Record what happened).</source>
        <translation>Windows 设置 ▸ 游戏 ▸ 捕获：关闭后台录制（“录制发生的情况”）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="144"/>
        <source>Hardware-accelerated GPU scheduling is on (“{status}”).</source>
        <translation>硬件加速 GPU 计划已开启（“{status}”）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="145"/>
        <source>If frames lag in rendering or game capture stays black, turn it off: Windows Settings ▸ System ▸ Display ▸ Graphics ▸ Change default graphics settings, then restart the PC.</source>
        <translation>如果出现渲染延迟或游戏采集黑屏，请关闭它：Windows 设置 ▸ 系统 ▸ 显示 ▸ 图形 ▸ 更改默认图形设置，然后重启电脑。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="152"/>
        <source>OBS runs in portable mode: its settings live next to the program, not in the user&apos;s profile.</source>
        <translation>OBS 以便携模式运行：设置保存在程序旁边，而不在用户配置目录中。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="154"/>
        <source>Back up the OBS folder itself (config is in it); an installer update does not touch it.</source>
        <translation>请备份 OBS 文件夹本身（配置就在里面）；安装程序更新不会动它。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="160"/>
        <source>OBS was started in safe mode: third-party plugins and scripts did not load ({skipped}).</source>
        <translation>OBS 以安全模式启动：第三方插件和脚本都未加载（{skipped}）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="162"/>
        <source>Restart OBS normally (Help ▸ Restart in Normal Mode) once the cause of the last crash is fixed.</source>
        <translation>解决上次崩溃的原因后，正常重启 OBS（帮助 ▸ 以正常模式重启）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="168"/>
        <source>OBS is the Flatpak ({runtime}): plugins must be Flatpak extensions.</source>
        <translation>OBS 是“Flatpak”版（{runtime}）：插件必须是“Flatpak”扩展。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="169"/>
        <source>Install plugins with: flatpak search com.obsproject.Studio (not by copying files).</source>
        <translation>用 `flatpak search com.obsproject.Studio` 安装插件（不要直接复制文件）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="175"/>
        <source>OBS is the Snap package, a modified community build that OBS does not support.</source>
        <translation>OBS 是“Snap”包，这是 OBS 官方不提供支持的社区修改版。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="177"/>
        <source>Install OBS from obsproject.com&apos;s Linux instructions (PPA or Flatpak).</source>
        <translation>按“obsproject.com”的 Linux 安装说明安装 OBS（“PPA”或“Flatpak”）。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="182"/>
        <source>OBS was not running as administrator and uses {sources}: games that run elevated or with anti-cheat cannot be captured.</source>
        <translation>OBS 没有以管理员身份运行，却使用了 {sources}：以管理员权限运行或带反作弊的游戏将无法采集。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="253"/>
        <source>{count} game capture source</source>
        <translation>{count} 个游戏采集源</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="254"/>
        <source>{count} game capture sources</source>
        <translation>{count} 个游戏采集源</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="189"/>
        <source>Lenovo Vantage / Legion Edge is installed: its Network Boost is known to break streams.</source>
        <translation>已安装“Lenovo Vantage / Legion Edge”：其“Network Boost”功能已知会中断推流。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/system.py" line="191"/>
        <source>In Lenovo Vantage, turn Network Boost off while streaming.</source>
        <translation>直播时在“Lenovo Vantage”中关闭“Network Boost”。</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/__init__.py" line="27"/>
        <source>{count} line</source>
        <translation>{count} 行</translation>
    </message>
    <message>
        <location filename="../../obs/logcheck/__init__.py" line="28"/>
        <source>{count} lines</source>
        <translation>{count} 行</translation>
    </message>
</context>
<context>
    <name>LogReportDialog</name>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="72"/>
        <location filename="../../widgets/log_report_dialog.py" line="120"/>
        <source>Analyze OBS log</source>
        <extracomment>The live findings beside a log: (report, path) -&gt; console.log_review.Comparison, asked on the worker.</extracomment>
        <translation>分析 OBS 日志</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="74"/>
        <source>OBS logs (*.txt *.log *.zip);;All files (*)</source>
        <translation>OBS 日志 (*.txt *.log *.zip);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="104"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="121"/>
        <source>Drop an OBS log file here, or choose one with “Open…”.</source>
        <translation>把 OBS 日志文件拖到这里，或用“打开…”选择一个。</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="129"/>
        <source>OBS log: %1</source>
        <translation>OBS 日志：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="130"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="161"/>
        <source>Beside the live findings</source>
        <translation>与现场诊断对照</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="170"/>
        <source>Show #%1 “%2”, %3</source>
        <translation>场次 #%1“%2”，%3</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="172"/>
        <source>Show #%1, %3</source>
        <translation>场次 #%1，%3</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="176"/>
        <source>In the log</source>
        <translation>日志中</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="176"/>
        <source>Live</source>
        <translation>现场</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="178"/>
        <source>not seen live</source>
        <translation>现场未发现</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="178"/>
        <source>not in the log</source>
        <translation>日志中没有</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="198"/>
        <source>%1 % in the log, under its threshold</source>
        <translation>日志中为 %1 %，低于其判定阈值</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="204"/>
        <source>Nothing went wrong in either.</source>
        <translation>两边都没有发现问题。</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="219"/>
        <source>(%1 attempts)</source>
        <translation>（尝试 %1 次）</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="219"/>
        <source>(1 attempt)</source>
        <translation>（尝试 1 次）</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="241"/>
        <source>Render lag and network drops: run 1 of %2 only, the one the log reports in full</source>
        <translation>渲染延迟和网络丢帧：仅为第 1 段（共 %2 段），日志只完整记录了这一段</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="243"/>
        <source>Render lag and network drops: runs 1–%1 of %2 only, the ones the log reports in full</source>
        <translation>渲染延迟和网络丢帧：仅为第 1–%1 段（共 %2 段），日志只完整记录了这几段</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="253"/>
        <location filename="../../widgets/log_report_dialog.py" line="269"/>
        <source>run %1</source>
        <translation>第 %1 段</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="260"/>
        <source>%1 attempts</source>
        <translation>尝试 %1 次</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="260"/>
        <source>1 attempt</source>
        <translation>尝试 1 次</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="269"/>
        <source>reconnecting</source>
        <translation>重连中</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="270"/>
        <source>not known (the log ends)</source>
        <translation>不详（日志中断）</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="289"/>
        <source>log: %1</source>
        <translation>日志原文：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="297"/>
        <source>Streaming</source>
        <translation>推流</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="297"/>
        <source>Recording</source>
        <translation>录制</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="298"/>
        <source>No streaming or recording session in this log.</source>
        <translation>此日志中没有推流或录制场次。</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="299"/>
        <source>Findings</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="300"/>
        <source>Nothing worth knowing was found in this log.</source>
        <translation>此日志中没有发现值得注意的问题。</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="309"/>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="310"/>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="311"/>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="312"/>
        <source>Rendering lag</source>
        <translation>渲染延迟</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="313"/>
        <source>Encoding lag</source>
        <translation>编码延迟</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="314"/>
        <source>Network drops</source>
        <translation>网络丢帧</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="315"/>
        <source>Reconnects</source>
        <translation>重连次数</translation>
    </message>
    <message>
        <location filename="../../widgets/log_report_dialog.py" line="227"/>
        <source>(log ends)</source>
        <translation>（日志中断）</translation>
    </message>
</context>
<context>
    <name>LogReview</name>
    <message>
        <location filename="../../console/log_review.py" line="48"/>
        <source>OBS runs on this PC: its newest log, {path}, is analysed.</source>
        <extracomment>An OBS on one of these hosts is on this PC: its log folder is this PC&apos;s. Where OBS keeps its logs, per system (said when OBS runs on another computer, whose system is unknown here). A live episode within this many seconds of a log session&apos;s span is the same moment (the log stamps a session&apos;s figures when it ends; the console opens an episode after the hysteresis). The log&apos;s session findings by the live health finding that watches the same thing.</extracomment>
        <translation>OBS 运行在本机：已分析它最新的日志 {path}。</translation>
    </message>
    <message>
        <location filename="../../console/log_review.py" line="49"/>
        <source>OBS runs on this PC, but its log folder holds no log yet ({folders}). Drop a log here, or choose one with “Open…”.</source>
        <translation>OBS 运行在本机，但它的日志文件夹里还没有日志（{folders}）。请把日志拖到这里，或用“打开…”选择一个。</translation>
    </message>
    <message>
        <location filename="../../console/log_review.py" line="54"/>
        <source>OBS runs on {host}, not on this PC: its logs are on that computer ({folders}; in OBS: Help ▸ Log Files ▸ Show Log Files). Copy one here and drop it on this window, or choose one with “Open…”.</source>
        <translation>OBS 运行在 {host} 上，不在本机：日志在那台电脑上（{folders}；在 OBS 中：帮助 ▸ 日志文件 ▸ 显示日志文件）。把日志复制到本机后拖到此窗口，或用“打开…”选择。</translation>
    </message>
    <message>
        <location filename="../../console/log_review.py" line="59"/>
        <source>The console is not connected to an OBS: drop an OBS log here, or choose one with “Open…”. OBS keeps its logs in {folders}.</source>
        <translation>中控台没有连接到 OBS：请把 OBS 日志拖到这里，或用“打开…”选择一个。OBS 的日志保存在 {folders}。</translation>
    </message>
    <message>
        <location filename="../../console/log_review.py" line="64"/>
        <source>This is the demo room: its OBS is the console&apos;s simulator, which writes no log, so there is no OBS log to read here. To analyse a real OBS&apos;s log, drop the log file on this window or choose it with “Open…” (OBS keeps its logs in {folders}; in OBS: Help ▸ Log Files ▸ Show Log Files).</source>
        <translation>这是演示直播间：它的 OBS 是中控台的模拟器，不写日志，所以这里没有可读的 OBS 日志。要分析真实 OBS 的日志，请把日志文件拖到本窗口，或用“打开…”选择它（OBS 的日志保存在 {folders}；在 OBS 中：帮助 ▸ 日志文件 ▸ 显示日志文件）。</translation>
    </message>
    <message>
        <location filename="../../console/log_review.py" line="70"/>
        <source>The log has no streaming or recording session to place beside a show.</source>
        <translation>日志中没有推流或录制会话，无法与场次对照。</translation>
    </message>
    <message>
        <location filename="../../console/log_review.py" line="71"/>
        <source>The console is in no room: there are no live findings to compare with.</source>
        <translation>中控台未进入任何直播间：没有可对照的现场诊断。</translation>
    </message>
    <message>
        <location filename="../../console/log_review.py" line="72"/>
        <source>The console kept no show of this room between {start} and {end}: the log has nothing live beside it.</source>
        <translation>中控台在 {start} 至 {end} 之间没有记录这个直播间的场次：日志没有可对照的现场记录。</translation>
    </message>
    <message>
        <location filename="../../console/log_review.py" line="75"/>
        <source>The log does not say which day it is from (no “Current Date/Time” line, no date in its name).</source>
        <translation>日志没有写明是哪一天的（没有“Current Date/Time”行，文件名中也没有日期）。</translation>
    </message>
    <message>
        <location filename="../../console/log_review.py" line="78"/>
        <source>The live findings could not be read: {error}</source>
        <translation>无法读取现场诊断：{error}</translation>
    </message>
    <message>
        <location filename="../../console/log_review.py" line="248"/>
        <source>the log: OBS could not open its file, {file}</source>
        <extracomment>For an episode seen live with no finding in the log: the log&apos;s own figure for that stage over the session it falls in, when the log counted some (below the log&apos;s threshold, so &quot;not in the log&quot; would be untrue). The inputs the live finding names (&quot;Product video&quot;), from its stored evidence. What the log says of the same thing where it is no session finding: a silent product video whose file the log says OBS could not open (tech16: &quot;Product video silent … not in the log&quot; beside &quot;A media file could not be opened: /srv/media/product-demo.mp4&quot;, the video&apos;s own file).</extracomment>
        <translation>日志：OBS 打不开它的文件 {file}</translation>
    </message>
    <message>
        <location filename="../../console/log_review.py" line="249"/>
        <source>the log: OBS could not decode its file, {file}</source>
        <translation>日志：OBS 无法解码它的文件 {file}</translation>
    </message>
</context>
<context>
    <name>Lottery</name>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="52"/>
        <source>did not answer</source>
        <extracomment>A record with a forfeited winner or a replacement drawn (`draw_more`): every drawn viewer in one sequence. Why a winner forfeits: the codes stored and exported, and their words (the dock, the exports, the CLI).</extracomment>
        <translation>未应答</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="53"/>
        <source>ineligible</source>
        <translation>不符合资格</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="54"/>
        <source>other reason</source>
        <translation>其他原因</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="109"/>
        <source>a lottery is already open in this show: “{keyword}”, opened at {at} by {who}. Draw or cancel it before opening another</source>
        <extracomment>Bounds a person or a file may not exceed (they are the database columns&apos;). How a sentence may end already, in either language (a template ending in a field is ended all the same).</extracomment>
        <translation>本场已有一个抽奖正在进行：“{keyword}”，由 {who} 于 {at} 开启。请先开奖或取消它，再开启新的抽奖</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="119"/>
        <source>a lottery is already open in this show: “{keyword}”, opened at {at}. Draw or cancel it before opening another</source>
        <translation>本场已有一个抽奖正在进行：“{keyword}”，于 {at} 开启。请先开奖或取消它，再开启新的抽奖</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="128"/>
        <source>the lottery “{keyword}” (opened at {at} by {who}) is closed and waits for its draw: draw or cancel it before opening another</source>
        <translation>抽奖“{keyword}”（由 {who} 于 {at} 开启）已截止参与、等待开奖：请先开奖或取消它，再开启新的抽奖</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="145"/>
        <source>already drawn at {at} by {who}: these are its winners (a lottery is drawn once)</source>
        <translation>已由 {who} 于 {at} 开奖：以下即为中奖名单（每个抽奖只开奖一次）</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="156"/>
        <source>the lottery “{keyword}” was cancelled at {at} by {who}: it cannot be drawn</source>
        <translation>抽奖“{keyword}”已由 {who} 于 {at} 取消：不能再开奖</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="165"/>
        <source>the lottery was already drawn at {at} by {who}: its winners stand, it cannot be cancelled</source>
        <translation>该抽奖已由 {who} 于 {at} 开奖：中奖结果有效，不能取消</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="177"/>
        <source>a forfeit needs a reason</source>
        <translation>取消资格须说明原因</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="179"/>
        <source>there is no winner {rank} in this lottery</source>
        <translation>本次抽奖没有第 {rank} 名中奖者</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="182"/>
        <source>{user} was already marked forfeited at {at} by {who}</source>
        <translation>{user} 已于 {at} 由 {who} 标为放弃资格</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="189"/>
        <source>{user} was already drawn at {at} by {who} to replace {gone}</source>
        <translation>{who} 已于 {at} 补抽出 {user}，替代 {gone}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="198"/>
        <source>The only entry has been drawn: nobody is left to replace {gone}.</source>
        <translation>唯一的参与者已被抽出：没有人可以替代 {gone}。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="200"/>
        <source>Every one of the {count} entries has been drawn: nobody is left to replace {gone}.</source>
        <translation>全部 {count} 位参与者均已抽出：没有人可以替代 {gone}。</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="207"/>
        <source>winner {rank} has not forfeited: there is nothing to replace</source>
        <translation>第 {rank} 名中奖者未放弃资格：无需补抽</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="473"/>
        <source>this is not a lottery record ({format} expected)</source>
        <extracomment>When the comment arrived (epoch seconds, the console&apos;s clock). A REASONS code, and the assistant&apos;s own words beside it (&quot;&quot; when none). Who opened, drew or cancelled it (the console&apos;s operator, else user@host); &quot;&quot; when not known. What does not check out (empty when ok), each a sentence in the Lottery context. What was checked and held, for the report (&quot;commitment matches the seed&quot;, …). The winners recomputed from seed and entries (empty when they could not be).</extracomment>
        <translation>这不是抽奖记录（应为 {format}）</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="491"/>
        <source>the record cannot be read: {why}</source>
        <translation>无法读取该记录：{why}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="497"/>
        <source>the lottery was cancelled ({at}, by {who}): it was never drawn, so there are no winners to check</source>
        <translation>这场抽奖已于 {at} 由 {who} 取消：从未开奖，没有可校验的中奖者</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="508"/>
        <source>the seed is not revealed yet: not drawn</source>
        <translation>种子尚未公布：还没有开奖</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="512"/>
        <source>the seed is not hexadecimal</source>
        <translation>种子不是十六进制数</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="516"/>
        <source>the seed does not match the commitment published at the opening ({c})</source>
        <translation>种子与开始参与时公布的承诺值（{c}）不符</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="521"/>
        <source>the seed matches the commitment published at the opening</source>
        <translation>种子与开始参与时公布的承诺值相符</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="524"/>
        <source>a viewer has more than one entry</source>
        <translation>有观众参与了不止一次</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="529"/>
        <source>{count} entry is outside the entry window ({user})</source>
        <translation>有 {count} 条参与记录不在参与时段内（{user}）</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="531"/>
        <source>{count} entries are outside the entry window (first: {user})</source>
        <translation>有 {count} 条参与记录不在参与时段内（第一条：{user}）</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="541"/>
        <source>the winners are not the ones the seed and the entries give ({names})</source>
        <translation>中奖者与种子和参与名单算出的结果不符（应为：{names}）</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="575"/>
        <source>the 1 viewer drawn follows from the seed and the {entries}</source>
        <translation>抽出的 1 位观众与种子和 {entries}算出的结果一致</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="577"/>
        <source>the {count} viewers drawn (forfeited ones too) follow from the seed and the {entries}</source>
        <translation>抽出的 {count} 位观众（含放弃资格者）与种子和 {entries}算出的结果一致</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="583"/>
        <source>the 1 winner follows from the seed and the {entries}</source>
        <translation>1 位中奖者与种子和 {entries}算出的结果一致</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="585"/>
        <source>the {count} winners follow from the seed and the {entries}</source>
        <translation>{count} 位中奖者与种子和 {entries}算出的结果一致</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="593"/>
        <source>{count} entry</source>
        <translation>{count} 条参与记录</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="593"/>
        <source>{count} entries</source>
        <translation>{count} 条参与记录</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="600"/>
        <source>{count} winner</source>
        <translation>{count} 名中奖者</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="600"/>
        <source>{count} winners</source>
        <translation>{count} 名中奖者</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="608"/>
        <source>{forfeits} forfeited; the replacement is the next viewer of the same sequence</source>
        <translation>{forfeits}放弃资格；补抽者为同一序列中的下一位观众</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="612"/>
        <source>{forfeits} forfeited; each of the {replacements} replacements is the next viewer of the same sequence</source>
        <translation>{forfeits}放弃资格；{replacements} 名补抽者均为同一序列中的下一位观众</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="630"/>
        <source>the record lists {winners}; the draw gives {wanted}</source>
        <translation>记录列出 {winners}，开奖应为 {wanted} 名</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="641"/>
        <source>winner {rank} was drawn with the others, not as a replacement</source>
        <translation>第 {rank} 名中奖者是开奖时抽出的，不是补抽的</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="656"/>
        <source>winner {rank} ({user}) was drawn beyond the winners wanted without replacing an earlier winner who forfeited before it</source>
        <translation>第 {rank} 名中奖者（{user}）超出了应抽人数，却没有替代在其之前放弃资格的中奖者</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="687"/>
        <source>the lottery needs a keyword to enter with</source>
        <extracomment>The viewer already entered (their first comment counts). Host, moderator, staff, or on the lottery&apos;s staff list. Before the opening or after the close. A comment without the keyword, or no comment at all (a gift, a like).</extracomment>
        <translation>抽奖需要一个参与口令</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="690"/>
        <source>the keyword is longer than {limit} characters</source>
        <translation>口令超过 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="694"/>
        <source>the number of winners must be between 1 and {limit}</source>
        <translation>中奖人数必须在 1 到 {limit} 之间</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="699"/>
        <source>the staff list has more than {limit} names</source>
        <translation>工作人员名单超过 {limit} 个名字</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery.py" line="859"/>
        <source>this lottery is drawn from the database it is kept in</source>
        <translation>这次抽奖要从保存它的数据库中开奖</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="22"/>
        <source>Winner</source>
        <translation>中奖名次</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="23"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="24"/>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="25"/>
        <source>Name</source>
        <translation>昵称</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="26"/>
        <source>Entered at</source>
        <translation>参与时间</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="27"/>
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="28"/>
        <source>Forfeit or replacement</source>
        <translation>放弃资格或补抽</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="52"/>
        <source>Drawn at %1 by %2</source>
        <translation>已于 %1 由 %2 开奖</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="55"/>
        <source>Cancelled at %1 by %2: never drawn, no winners</source>
        <translation>已于 %1 由 %2 取消：未开奖，无中奖者</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="58"/>
        <source>Entries closed, not drawn yet</source>
        <translation>已截止参与，尚未开奖</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="60"/>
        <source>Entries still open, not drawn yet</source>
        <translation>仍在参与中，尚未开奖</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="75"/>
        <source>Replaces winner %1, drawn at %2 by %3</source>
        <translation>替代第 %1 名中奖者，%3 于 %2 补抽</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="82"/>
        <source>Forfeited at %1 by %2: %3</source>
        <translation>%2 于 %1 标为放弃资格：%3</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="96"/>
        <source>not revealed: the lottery was cancelled</source>
        <translation>未公布：抽奖已取消</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="101"/>
        <source>Keyword</source>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="102"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="103"/>
        <source>Entries opened</source>
        <translation>开始参与</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="104"/>
        <source>Opened by</source>
        <translation>开启人</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="105"/>
        <source>Entries closed</source>
        <translation>截止参与</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="106"/>
        <source>Drawn</source>
        <translation>开奖时间</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="107"/>
        <source>Drawn by</source>
        <translation>开奖人</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="111"/>
        <source>Cancelled</source>
        <translation>取消时间</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="112"/>
        <source>Cancelled by</source>
        <translation>取消人</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="115"/>
        <source>Winners wanted</source>
        <translation>中奖名额</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="116"/>
        <source>Number of entries</source>
        <translation>参与人数</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="127"/>
        <source>Forfeited</source>
        <translation>放弃资格人数</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="128"/>
        <source>Winners who stand</source>
        <translation>最终中奖者</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="130"/>
        <source>Replacements (onair-lottery/2)</source>
        <translation>补抽规则（onair-lottery/2）</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="133"/>
        <source>each is the next viewer of the same seeded sequence: the counter goes on over the pool left</source>
        <translation>每位补抽者都是同一种子序列中的下一位观众：计数器在剩余名单上继续</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="234"/>
        <source>Entries</source>
        <translation>参与名单</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="117"/>
        <source>Excluded (staff)</source>
        <translation>排除（工作人员）</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="118"/>
        <source>Commitment (the seed&apos;s hash, published at the opening)</source>
        <translation>承诺值（种子的哈希值，开始参与时公布）</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="120"/>
        <source>Seed (revealed after the draw)</source>
        <translation>种子（开奖后公布）</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="98"/>
        <source>not revealed: not drawn yet</source>
        <translation>未公布：尚未开奖</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="223"/>
        <source>Lottery</source>
        <extracomment>What a spreadsheet program opening a CSV takes for the start of a formula (and runs): &quot;=&quot;, &quot;+&quot;, &quot;-&quot;, &quot;@&quot;, and a tab or carriage return before them.</extracomment>
        <translation>抽奖</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="275"/>
        <source>{file} cannot be written: {error}</source>
        <translation>无法写入 {file}：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="288"/>
        <source>{file} cannot be read: {error}</source>
        <translation>无法读取 {file}：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="294"/>
        <source>{file} is not a JSON lottery record: {error}</source>
        <translation>{file} 不是 JSON 格式的抽奖记录：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/lottery_export.py" line="297"/>
        <source>{file} is not a JSON lottery record</source>
        <translation>{file} 不是 JSON 格式的抽奖记录</translation>
    </message>
    <message>
        <location filename="../../console/engage_controller.py" line="532"/>
        <location filename="../../console/core/chat/engage.py" line="331"/>
        <source>no lottery is open</source>
        <translation>没有正在进行的抽奖</translation>
    </message>
    <message>
        <location filename="../../console/engage_controller.py" line="543"/>
        <source>there is no such lottery (id {id})</source>
        <translation>没有这个抽奖（编号 {id}）</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/engage.py" line="279"/>
        <source>the lottery you chose to close is no longer this show&apos;s newest: “{keyword}” is, and it was not closed</source>
        <extracomment>Questions waiting for a failing database are kept up to this many (the oldest then go, counted). Questions stored in one unit of work. The lottery mark before the first read (differs from every answer, None included). Questions read from the feed and not yet stored (a database that fails keeps them here, bounded). Each with the key of the rundown segment on air when it was read (&quot;&quot; without a rundown): what groups it. Questions dropped because more than MAX_UNSTORED_QUESTIONS waited for a failing database. Storage.lottery_mark as last read: the show&apos;s lottery is read whole again only when it differs.</extracomment>
        <translation>你确认截止的抽奖已不是本场最新的抽奖（现在是“{keyword}”），未执行截止</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/engage.py" line="283"/>
        <source>the lottery you chose to draw is no longer this show&apos;s newest: “{keyword}” is, and it was not drawn</source>
        <translation>你确认开奖的抽奖已不是本场最新的抽奖（现在是“{keyword}”），未开奖</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/engage.py" line="287"/>
        <source>the lottery you chose to cancel is no longer this show&apos;s newest: “{keyword}” is, and it was not cancelled</source>
        <translation>你要取消的抽奖已不是本场最新的抽奖（现在是“{keyword}”），因此没有取消任何抽奖</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/engage.py" line="292"/>
        <source>the lottery you chose is no longer this show&apos;s newest: “{keyword}” is, and nothing was changed</source>
        <translation>您选择的抽奖已不是本场最新的抽奖（最新的是“{keyword}”），未做任何更改</translation>
    </message>
</context>
<context>
    <name>LotteryCli</name>
    <message>
        <location filename="../../console/cli.py" line="1866"/>
        <source>The lottery checks out: anyone with this file gets the same winners.</source>
        <translation>抽奖结果校验通过：任何人用这个文件都会算出同样的中奖者。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1868"/>
        <source>The lottery does NOT check out.</source>
        <translation>抽奖结果校验未通过。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1900"/>
        <source>there is no such lottery (see the show&apos;s lotteries with --show ID)</source>
        <translation>没有这个抽奖（用 --show 场次 ID 查看该场直播的抽奖）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1908"/>
        <source>Wrote lottery %1 (“%2”, %3, %4) to %5 as %6.</source>
        <translation>已将抽奖 %1（“%2”，%3，%4）以 %6 格式写入 %5。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1915"/>
        <source>%1 entry</source>
        <translation>%1 人参与</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1915"/>
        <source>%1 entries</source>
        <translation>%1 人参与</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1921"/>
        <source>%1 winner</source>
        <translation>%1 位中奖者</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1921"/>
        <source>%1 winners</source>
        <translation>%1 位中奖者</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1932"/>
        <source>Cancelled at %1 by %2: never drawn, no winners; its seed stays secret.</source>
        <translation>已于 %1 由 %2 取消：未开奖，无中奖者；种子不公布。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1935"/>
        <source>Not drawn yet: the seed is not revealed, so the file cannot be verified yet.</source>
        <translation>尚未开奖：种子还没有公布，所以这个文件暂时无法校验。</translation>
    </message>
</context>
<context>
    <name>LotteryPanel</name>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="72"/>
        <source>What viewers write to enter, e.g. #抽奖</source>
        <extracomment>Staff names are typed separated by commas (ASCII or Chinese), semicolons or new lines.</extracomment>
        <translation>观众发送什么参与，例如 #抽奖</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="90"/>
        <source>Names or ids, separated by commas</source>
        <extracomment>The question asked before a close, a draw or a cancel, and the choice of the lottery to export, while they are open. What the open question is about (&quot;close&quot;, &quot;draw&quot; or &quot;cancel&quot;) and its lottery: kept true while it is open. The lottery whose keyword, winners and staff list the form last showed. The room the form is of, and the forms of the rooms the console left: the form belongs to its room (a keyword typed for room A was there in room B, ready to be opened in the wrong room&apos;s show).</extracomment>
        <translation>昵称或 ID，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="92"/>
        <source>Never drawn: these names, and the host, moderators and platform staff (the platform marks them)</source>
        <translation>不会中奖：这些人，以及主播、房管和平台工作人员（由平台标记）</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="94"/>
        <source>Open entries</source>
        <translation>开始参与</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="95"/>
        <source>Close entries</source>
        <translation>截止参与</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="96"/>
        <source>Draw</source>
        <translation>开奖</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="97"/>
        <source>Cancel lottery</source>
        <translation>取消抽奖</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="99"/>
        <source>Call this lottery off without drawing (its entries are kept); then another can be opened</source>
        <translation>不开奖、直接作废这次抽奖（参与记录会保留）；之后可以开启新的抽奖</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="101"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="110"/>
        <source>SHA-256 of the secret seed, fixed before any entry: publish it now; the seed is revealed after the draw</source>
        <translation>秘密种子的“SHA-256”哈希值，在任何人参与前就已确定：现在就公布它；开奖后公开种子</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="114"/>
        <location filename="../../widgets/engage_lottery.py" line="117"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="119"/>
        <source>Forfeit…</source>
        <translation>取消资格…</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="121"/>
        <source>The selected winner does not answer or may not win: mark them forfeited, saying why</source>
        <translation>所选中奖者未应答或不能中奖：将其标为放弃资格，并说明原因</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="123"/>
        <source>Draw replacement</source>
        <translation>补抽</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="309"/>
        <source>Draw the next viewer of the same seeded sequence for the forfeited winner: anyone with the seed and the entries can check it</source>
        <translation>为放弃资格的中奖者抽出同一种子序列中的下一位观众：任何人凭种子和参与名单都可核验</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="139"/>
        <source>Keyword</source>
        <extracomment>The forfeit question while it is open (a reason to choose, a note to type). The last outcome said under the buttons (the label shows it coloured), and whether it was good news: a problem is kept as a function saying it in the language of the moment (a language switch says it anew).</extracomment>
        <translation>口令</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="140"/>
        <source>Winners</source>
        <translation>中奖人数</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="141"/>
        <source>Staff (excluded)</source>
        <translation>工作人员（排除）</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="145"/>
        <source>Commitment</source>
        <translation>承诺值</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="149"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="160"/>
        <source>Winners drawn</source>
        <translation>中奖名单</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="233"/>
        <source>none: the lottery was cancelled</source>
        <translation>无：本次抽奖已取消</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="237"/>
        <source>revealed after the draw</source>
        <translation>开奖后公开</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="264"/>
        <source> — replaces %1</source>
        <translation> — 替代第 %1 名</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="267"/>
        <source> — forfeited at %1 by %2: %3</source>
        <translation> — %2 于 %1 标为放弃资格：%3</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="313"/>
        <source>The only entry has already been drawn: nobody is left to draw as a replacement</source>
        <translation>唯一的参与者已被抽出：没有人可以补抽</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="315"/>
        <source>All %1 entries have already been drawn (forfeited winners too): nobody is left to draw as a replacement</source>
        <translation>全部 %1 位参与者均已抽出（已放弃资格的中奖者也算在内）：没有人可以补抽</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="338"/>
        <location filename="../../widgets/engage_lottery.py" line="663"/>
        <source>No lottery in this show yet.</source>
        <translation>本场直播还没有抽奖。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="345"/>
        <source>Entries open since %1 for “%2”: %3 entry so far</source>
        <translation>“%2”自 %1 起开放参与：目前 %3 人参与</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="347"/>
        <source>Entries open since %1 for “%2”: %3 entries so far</source>
        <translation>“%2”自 %1 起开放参与：目前 %3 人参与</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="357"/>
        <source>“%1” was cancelled at %2 by %3 (%4 entry, no draw). A new lottery can be opened.</source>
        <translation>“%1”已由 %3 于 %2 取消（%4 人参与，未开奖）。可以开启新的抽奖。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="359"/>
        <source>“%1” was cancelled at %2 by %3 (%4 entries, no draw). A new lottery can be opened.</source>
        <translation>“%1”已由 %3 于 %2 取消（%4 人参与，未开奖）。可以开启新的抽奖。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="370"/>
        <source>Entries closed at %1 for “%2”: %3 entry. Draw when ready.</source>
        <translation>“%2”已于 %1 截止：共 %3 人参与。准备好后开奖。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="372"/>
        <source>Entries closed at %1 for “%2”: %3 entries. Draw when ready.</source>
        <translation>“%2”已于 %1 截止：共 %3 人参与。准备好后开奖。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="381"/>
        <source>Drawn at %1 from %2 entry for “%3”. Anyone can check it: export the JSON and run “%4”.</source>
        <translation>“%3”已于 %1 从 %2 人中开奖。任何人都可以核验：导出 JSON，运行“%4”。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="392"/>
        <source>Drawn by %1.</source>
        <translation>开奖人：%1。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="394"/>
        <source>%1 %2</source>
        <comment>two sentences</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="402"/>
        <source>Opened by %1 (this console)</source>
        <translation>由 %1 开启（本机）</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="402"/>
        <source>Opened by %1 at another console</source>
        <translation>由 %1 在另一台中控开启</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="442"/>
        <source>Entries are open: publish the commitment now.</source>
        <translation>已开始参与：现在就公布承诺值。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="451"/>
        <source>Not closed: entries for “%1” stay open.</source>
        <translation>未截止：“%1”继续开放参与。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="453"/>
        <source>Entries are closed.</source>
        <translation>已截止参与。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="461"/>
        <source>Not drawn yet: “%1” waits for its draw.</source>
        <translation>暂不开奖：“%1”等待开奖。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="463"/>
        <source>Drawn: the winners and the seed are shown.</source>
        <translation>已开奖：中奖名单和种子已显示。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="472"/>
        <source>Not cancelled: “%1” goes on.</source>
        <translation>未取消：“%1”继续进行。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="475"/>
        <source>Cancelled: no draw. A new lottery can be opened.</source>
        <translation>已取消：不开奖。可以开启新的抽奖。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="495"/>
        <source>Not forfeited: %1 stays a winner.</source>
        <translation>未取消资格：%1 仍是中奖者。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="503"/>
        <source>%1 forfeited: press Draw replacement to draw the next viewer.</source>
        <translation>%1 已放弃资格：按“补抽”抽出下一位观众。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="506"/>
        <source>%1 forfeited. Every entry has been drawn: nobody is left to draw in their place.</source>
        <translation>%1 已放弃资格。所有参与者均已抽出，已无人可补抽。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="532"/>
        <source>Drawn as the replacement for %1: %2, the next viewer of the same sequence.</source>
        <translation>已补抽替代 %1：%2，同一序列中的下一位观众。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="551"/>
        <source>Close entries?</source>
        <translation>截止参与？</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="552"/>
        <source>Draw the winners?</source>
        <translation>现在开奖？</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="556"/>
        <source>Close entries (Ctrl+Enter)</source>
        <translation>截止参与（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="557"/>
        <source>Draw now (Ctrl+Enter)</source>
        <translation>立即开奖（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="561"/>
        <source>Keep entries open</source>
        <translation>继续参与</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="562"/>
        <source>Not yet</source>
        <translation>先不开奖</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="609"/>
        <source>Cancel the lottery “%1”? %2 viewer has entered it. There will be no draw and no winners; the entry is kept and the seed stays secret. This cannot be undone.</source>
        <translation>确定取消抽奖“%1”吗？已有 %2 人参与。取消后不会开奖，也没有中奖者；参与名单会保留，种子不公布。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="614"/>
        <source>Cancel the lottery “%1”? %2 viewers have entered it. There will be no draw and no winners; the entries are kept and the seed stays secret. This cannot be undone.</source>
        <translation>确定取消抽奖“%1”吗？已有 %2 人参与。取消后不会开奖，也没有中奖者；参与名单会保留，种子不公布。此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="553"/>
        <source>Cancel the lottery?</source>
        <translation>取消抽奖？</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="383"/>
        <source>Drawn at %1 from %2 entries for “%3”. Anyone can check it: export the JSON and run “%4”.</source>
        <translation>“%3”已于 %1 从 %2 人中开奖。任何人都可以核验：导出 JSON，运行“%4”。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="389"/>
        <source>FILE</source>
        <comment>the exported JSON file, in a command to type</comment>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="558"/>
        <source>Cancel the lottery</source>
        <translation>取消抽奖</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="563"/>
        <source>Keep it running</source>
        <translation>继续抽奖</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="575"/>
        <source>Ctrl+Enter closes entries; Enter or Esc keeps them open.</source>
        <translation>Ctrl+Enter 截止参与；Enter 或 Esc 继续参与。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="577"/>
        <source>Ctrl+Enter draws; Enter or Esc: not yet.</source>
        <translation>Ctrl+Enter 立即开奖；Enter 或 Esc 先不开奖。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="623"/>
        <source>No one has entered yet: a draw now has no winners.</source>
        <translation>还没有人参与：现在开奖不会有中奖者。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="626"/>
        <source>Only 1 viewer has entered, and %2 winners are wanted: they will win.</source>
        <translation>只有 1 人参与，设定 %2 名中奖：这位观众将中奖。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="628"/>
        <source>Only %1 viewers have entered, and %2 winners are wanted: every one of them will win.</source>
        <translation>只有 %1 人参与，设定 %2 名中奖：参与者全部中奖。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="632"/>
        <source>1 viewer has entered, and 1 winner is wanted: they will win.</source>
        <translation>已有 1 人参与，设定 1 名中奖：这位观众将中奖。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="634"/>
        <source>%1 viewers have entered, and %2 winners are wanted: every one of them will win.</source>
        <translation>已有 %1 人参与，设定 %2 名中奖：参与者全部中奖。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="637"/>
        <source>%1 viewers have entered; 1 winner will be drawn from them.</source>
        <translation>已有 %1 人参与，将从中抽出 1 名中奖者。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="639"/>
        <source>%1 viewers have entered; %2 winners will be drawn from them.</source>
        <translation>已有 %1 人参与，将从中抽出 %2 名中奖者。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="642"/>
        <source>Close entries for “%1” now? Comments written after this no longer enter.</source>
        <translation>现在截止“%1”的参与吗？此后发送的评论不再计入。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="643"/>
        <source>The draw comes after, when you press Draw.</source>
        <translation>截止后按“开奖”再开奖。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="646"/>
        <source>Draw the winners of “%1” now? Entries close first.</source>
        <translation>现在为“%1”开奖吗？将先截止参与。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="648"/>
        <source>Draw the winners of “%1” now?</source>
        <translation>现在为“%1”开奖吗？</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="650"/>
        <source>The winners and the seed are shown at once; a lottery is drawn once.</source>
        <translation>中奖名单和种子会立即公布；每个抽奖只能开奖一次。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="654"/>
        <source>%1 %2 %3</source>
        <comment>the question&apos;s three sentences</comment>
        <translation>%1%2%3</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="672"/>
        <location filename="../../widgets/engage_lottery.py" line="705"/>
        <source>Export the lottery</source>
        <translation>导出抽奖</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="674"/>
        <source>Verifiable record (*.json);;Spreadsheet (*.xlsx);;CSV (*.csv)</source>
        <translation>可核验记录 (*.json);;表格 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="682"/>
        <source>entries open</source>
        <translation>参与中</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="683"/>
        <source>closed, not drawn yet</source>
        <translation>已截止，未开奖</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="684"/>
        <source>drawn at %1</source>
        <translation>%1 已开奖</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="685"/>
        <source>cancelled at %1</source>
        <translation>%1 已取消</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="690"/>
        <source>“%1” opened at %2 · %3 · %4 entry</source>
        <translation>“%1” %2 开启 · %3 · %4 人参与</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="692"/>
        <source>“%1” opened at %2 · %3 · %4 entries</source>
        <translation>“%1” %2 开启 · %3 · %4 人参与</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="706"/>
        <source>This show ran %1 lotteries. Which one to export?</source>
        <translation>本场共进行了 %1 次抽奖，要导出哪一次？</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="725"/>
        <source>Exported (%1): %2</source>
        <translation>已导出（%1）：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="732"/>
        <source>The commitment is on the clipboard.</source>
        <translation>承诺值已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_lottery.py" line="737"/>
        <source>The seed is on the clipboard.</source>
        <translation>种子已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/mainwindow.py" line="921"/>
        <location filename="../../console/mainwindow.py" line="1474"/>
        <source>OnAir Console</source>
        <translation>OnAir 直播中控台</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="920"/>
        <source>DEMO</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="560"/>
        <location filename="../../console/mainwindow.py" line="825"/>
        <location filename="../../console/mainwindow.py" line="826"/>
        <source>the demo room</source>
        <translation>演示直播间</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="958"/>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="962"/>
        <source>DEMO — not a real OBS. This room is simulated; nothing goes on air.</source>
        <translation>演示模式 —— 不是真实的 OBS。这个直播间是模拟的，不会真正开播。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="972"/>
        <source>&amp;Connection</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="973"/>
        <source>Rooms…</source>
        <translation>直播间…</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="974"/>
        <source>Open the demo room</source>
        <translation>打开演示直播间</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="976"/>
        <source>Reconnect now</source>
        <translation>立即重连</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="977"/>
        <source>Enter OBS password…</source>
        <translation>输入 OBS 密码…</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="978"/>
        <source>Audience source…</source>
        <translation>观众数据来源…</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="981"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="986"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="987"/>
        <source>Analyze OBS log…</source>
        <translation>分析 OBS 日志…</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="988"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="995"/>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1010"/>
        <source>Save current layout as my layout</source>
        <translation>把当前布局保存为我的布局</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1006"/>
        <location filename="../../console/mainwindow.py" line="1881"/>
        <source>My layout</source>
        <translation>我的布局</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1011"/>
        <source>Reset layout</source>
        <translation>恢复默认布局</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1013"/>
        <source>Checklist history…</source>
        <translation>检查记录…</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1023"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1032"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1033"/>
        <source>About OnAir Console…</source>
        <translation>关于 OnAir 直播中控台…</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="188"/>
        <source>Graphs</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="192"/>
        <source>Graph history is being saved again.</source>
        <translation>图表历史已恢复保存。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="196"/>
        <source>Checklist</source>
        <translation>检查单</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="204"/>
        <location filename="../../console/mainwindow.py" line="1288"/>
        <location filename="../../console/mainwindow.py" line="1311"/>
        <location filename="../../console/mainwindow.py" line="1320"/>
        <source>Console</source>
        <translation>中控台</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="212"/>
        <source>“%1” is not a key; the Transition keys are set in scenes/transition_keys.</source>
        <translation>“%1”不是一个按键；转场快捷键在 scenes/transition_keys 中设置。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1070"/>
        <source>Take the preview scene to program (keys: %1)</source>
        <translation>把预览场景切到直播（按键：%1）</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1281"/>
        <location filename="../../console/mainwindow.py" line="1290"/>
        <location filename="../../console/mainwindow.py" line="1412"/>
        <location filename="../../console/mainwindow.py" line="1497"/>
        <source>OBS</source>
        <translation>OBS</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1371"/>
        <source>Link</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1402"/>
        <location filename="../../console/mainwindow.py" line="1417"/>
        <source>Health</source>
        <translation>健康诊断</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="172"/>
        <source>%1: cleared</source>
        <translation>%1：已恢复</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="159"/>
        <source>%1: OBS answers again, but it is no longer streaming</source>
        <extracomment>The workspace the saved state is (&quot;&quot; none: My layout, or the docks arranged by hand), written with it. Where the window was left, unmaximised: &quot;x,y,width,height&quot; of its inside, as the window manager placed it, then &quot;left,top,right,bottom&quot; of the window manager&apos;s frame around it when that was seen. Qt&apos;s restoreGeometry() guesses the title bar&apos;s height from the style (not the window manager&apos;s): a window left at the top of a 1366×768 laptop came back 5 px lower at each first restart, and one left low came back 1358×736 at y 39, its bottom below the screen. This is put back exactly, moved (or shrunk) only as much as its frame needs to be on a screen as it stands. For a maximised window it is where the window goes when unmaximised (Qt forgets that when docks grow the window). The first start&apos;s normal (unmaximised) size; the first start itself is maximised (`show_window`), and fit_to_screen() shrinks this to a smaller screen (a laptop&apos;s: all of it). An unmaximised window is fitted to its screen this long after, if no event said its new frame before. The events after which the window manager&apos;s frame is asked for, once a restored window is shown.</extracomment>
        <translation>%1：OBS 已重新连上，但已不在推流</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="161"/>
        <source>%1: live again</source>
        <translation>%1：已重新开播</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="163"/>
        <source>%1: cleared — OBS answers again and the stream ran on</source>
        <translation>%1：已恢复——OBS 已重新连上，推流一直在继续</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="178"/>
        <source>Stream stopped while OBS was lost (last heard streaming at %1)</source>
        <translation>OBS 失联期间推流已停止（最后一次确认在推流：%1）</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="437"/>
        <source>Talent screen…</source>
        <extracomment>The consoles (by their rundown port, which outlives a window rebuilt for another language) whose talent screen was reopened at start: once each. The consoles (by their engagement port) whose resumed lottery and claims were said in the event log: once each. The sessions (a return to a room left on air) whose return was said in the event log: once each, not again by a window rebuilt for another language. The consoles (by their bridge, which outlives a window rebuilt for another language) whose Transition keys that are not keys were said in the event log: once each, not again by every window of a language switch. The sessions whose stream changed before their show&apos;s history was read: when (just before that change&apos;s line) and whether the stream ran until then — where and how a restart&apos;s &quot;Resumed the show …&quot; learnt late is said. The pre-show list a workspace&apos;s person runs: the Checklist dock&apos;s picker starts on it (the workspaces that show the dock). A direct wall asked for while the one closed before still stops its rooms: tried again this often, this long. A layout changed by hand is written this long after its last change (a workspace&apos;s placing is one write). A dock state to restore again once the restored window is shown maximised (see restore_layout). The unmaximised window&apos;s place, and the window manager&apos;s frame around it, as last known (PLACE_KEY): Qt&apos;s normalGeometry() of a maximised window is lost when its docks grow it for a moment. Fitted to its screen again once the window manager has said its frame (see show_window), and after an unmaximise once it has said the frame of the unmaximised window: not the one it had maximised, as it was then. A password the system did not keep is asked for with a dialog (not in a --screenshot run: nobody answers). False for a picture&apos;s window (--screenshot): laid out at the picture&apos;s size, it never saves its geometry and layout over the ones the user&apos;s runs restore. The window is minimised: nobody sees it (see _follow_minimised). The Shows window (View ▸ Shows…) follows its browser&apos;s columns once asked for (see show_shows). Every dock&apos;s widget by dock id; a lazy dock&apos;s is built when first asked for by index (widgets[&quot;shows&quot;]). The console (the composition root) owns the controllers: they outlive a window rebuilt for another language. A window made on its own (tests) makes and closes its own. The room&apos;s comments (#20; console/chat_controller.py), owned by the console; None in a window made alone. The room&apos;s Q&amp;A queue and lottery (#20; console/engage_controller.py), owned by the console. The worst open critical finding, for as long as it is open: a timed status-bar message was hidden behind the connection state (a permanent widget takes the bar) and outlived the finding. The bar&apos;s timed message (a command OBS refused or did not answer, advice at start, …). QStatusBar paints one only where no permanent widget is, and the bar is all permanent widgets: every showMessage() went unseen, a refused scene switch among them. This label shows it, for as long as the bar keeps it. The show&apos;s history not being saved (the console&apos;s own data disk full, its database gone): amber for as long as it lasts, beside the findings. What was announced as critical this session (tests, and the record of what the team was told). The question asked when the window is closed while on air (None when not open). The go-live question while it is open (None otherwise). The workspace ticked (None: none, as after My layout). The docks&apos; shares of the window when the layout was last kept, given back after a maximise or a restore (Qt gives or takes the difference unevenly: widgets/dock_shares.py); while one is under way (since when), the shares are not taken again until the window has its new size. StreamStateChanged RECONNECTING in a row: OBS says it once per try (the event log says which try). OBS said the stream was starting and has not said it started (nor stopped) since: a stop now is of a stream that never went on air. Why the last go-live failed as last told (`_on_bridge_go_live_changed` logs a failure once). The last go-live was on its way as last told (&quot;Going live…&quot; is logged once as it sets out).</extracomment>
        <translation>主播屏…</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="485"/>
        <source>The talent screen was open on %1 (%2) when the console stopped, but that screen is not connected: it was not reopened. View ▸ Talent screen… shows it on another screen.</source>
        <translation>中控台停止时主播屏开在 %1（%2）上，但这块屏幕现在没有连接：主播屏没有重新打开。可用 视图 ▸ 主播屏… 在其他屏幕上显示。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="483"/>
        <source>Talent screen</source>
        <translation>主播屏</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="507"/>
        <source>Mark as question</source>
        <translation>标记为问题</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="676"/>
        <source>Choose a comment (not a gift or a like) to mark as a question.</source>
        <translation>请选择一条评论（不是礼物或点赞）标记为问题。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="687"/>
        <source>The comment could not be marked as a question: %1</source>
        <translation>无法把这条评论标记为问题：%1</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="665"/>
        <location filename="../../console/mainwindow.py" line="686"/>
        <source>Questions</source>
        <translation>问答</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="563"/>
        <location filename="../../console/mainwindow.py" line="601"/>
        <source>Show</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="553"/>
        <source>Resumed the show of %1 that was on air when the console stopped: its figures, markers, findings and rundown so far are taken up again.</source>
        <translation>已接续中控台停止时 %1 正在直播的场次：此前的数据、标记、诊断结果和直播脚本进度均已恢复。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="628"/>
        <source>Lottery “%1” taken up again: entries still open, %2 entries kept from before.</source>
        <translation>已恢复抽奖“%1”：仍在参与中，保留此前的 %2 人参与。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="638"/>
        <source>Lottery “%1” taken up again: closed, waiting for its draw (%2 entries).</source>
        <translation>已恢复抽奖“%1”：参与已截止，等待开奖（%2 人参与）。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="643"/>
        <source>Lottery</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="661"/>
        <source>Questions you claimed before the restart are still yours: %1.</source>
        <translation>重启前你认领的问题仍归你：%1。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="712"/>
        <source>Studio…</source>
        <extracomment>The console&apos;s saved rooms and keyring for the wall&apos;s direct mode (console/app.py sets them; a window made alone has none, and the wall says so). Where a direct wall&apos;s rooms send their findings (the console&apos;s alerts: console/app.py sets it).</extracomment>
        <translation>直播间总览…</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="713"/>
        <source>Every room of the studio at a glance</source>
        <translation>一眼看清基地的每个直播间</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="208"/>
        <location filename="../../console/mainwindow.py" line="758"/>
        <source>Studio</source>
        <extracomment>While the rooms of a direct wall just closed still stop, the wall asked for again opens once they have (checked every STUDIO_RETRY_MS, for at most STUDIO_WAIT_S): never a wait on the GUI thread.</extracomment>
        <translation>直播间总览</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="777"/>
        <source>The rooms of the wall just closed are still stopping (an OBS is not answering): the wall opens as soon as they have.</source>
        <translation>刚关闭的直播间总览中的直播间仍在停止（有一台 OBS 没有响应）：它们停止后总览会立即打开。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="787"/>
        <source>The rooms of the wall closed before have still not stopped (an OBS is not answering): the wall was not opened. Try again once that OBS answers or has been closed.</source>
        <translation>之前关闭的直播间总览中的直播间仍未停止（有一台 OBS 没有响应）：总览没有打开。请等该 OBS 恢复响应或被关闭后再试。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="835"/>
        <source>Switch rooms?</source>
        <translation>切换直播间？</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="829"/>
        <source>%1: %2 Switch the console to %3?</source>
        <translation>%1：%2要把中控台切换到%3吗？</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="849"/>
        <source>The OBS of %1 keeps going; the studio wall goes on watching it.</source>
        <translation>%1 的 OBS 照常运行，直播间总览会继续看着它。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="851"/>
        <source>The OBS of %1 keeps going, but this console stops showing its state, health and meters.</source>
        <translation>%1 的 OBS 照常运行，但本中控台将不再显示它的状态、健康诊断和音量表。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1014"/>
        <source>Shows…</source>
        <translation>直播场次…</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1017"/>
        <source>Comment sources…</source>
        <translation>评论来源…</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1022"/>
        <source>Alerts…</source>
        <translation>告警…</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="184"/>
        <source>Rundown</source>
        <translation>直播脚本</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="541"/>
        <source>Resumed the show of %1 that the console was keeping, off air, when it stopped: its figures, markers, findings and rundown so far are taken up again.</source>
        <translation>已接续中控台停止时 %1 正在记录的场次（当时未开播）：此前的数据、标记、诊断结果和直播脚本进度均已恢复。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="595"/>
        <source>Back in “%1”: continued its show, on air since %2 (not recorded while away: %3).</source>
        <translation>回到“%1”：已接续该厅的场次，%2 起直播中（离开期间未记录：%3）。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="599"/>
        <source>Back in “%1”: continued its show (not recorded while away: %3).</source>
        <translation>回到“%1”：已接续该厅的场次（离开期间未记录：%3）。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="624"/>
        <source>Lottery “%1” taken up again: entries still open, %2 entry kept from before.</source>
        <translation>已恢复抽奖“%1”：仍在参与中，保留此前的 %2 人参与。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="634"/>
        <source>Lottery “%1” taken up again: closed, waiting for its draw (%2 entry).</source>
        <translation>已恢复抽奖“%1”：参与已截止，等待开奖（%2 人参与）。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="831"/>
        <source>Leave %1 for %2?</source>
        <translation>要离开%1，切换到%2吗？</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="844"/>
        <source>This is the demo room: its OBS is simulated inside the console, so switching ends the demo room&apos;s simulated stream and recording. Nothing real is on air.</source>
        <translation>这是演示间：其中的 OBS 是在中控台内部模拟运行的，切换会结束演示间的模拟直播和录制。没有真实内容在播出。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="856"/>
        <source>Its show stays open: back in %1 within %2 minutes, the console continues the same show.</source>
        <translation>该场次保持打开：%2 分钟内回到 %1，中控台会接着记录同一场。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1219"/>
        <source>The go-live override of %1 no longer applies: the stream did not start. Going live asks for a reason again while the checklist is not ready.</source>
        <translation>%1 的强制开播已失效：直播没有开始。检查单未完成时，再次开播会重新询问原因。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1347"/>
        <source>%1 after %2 on air</source>
        <translation>%1，共直播 %2</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1498"/>
        <source>OBS is closing</source>
        <translation>OBS 正在关闭</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1541"/>
        <source>The checklist is not ready</source>
        <translation>检查单还没完成</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1543"/>
        <source>These required items are not done:
%1

To go live anyway, give the reason (it is recorded with your name):</source>
        <translation>以下必选项还没完成：
%1

如果仍要开播，请写明原因（会连同你的名字一起记录）：</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="200"/>
        <source>Going live was stopped: the checklist is not ready</source>
        <translation>已阻止开播：检查单还没完成</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="166"/>
        <source>%1: ended — the stream stopped</source>
        <translation>%1：已结束——已停止推流</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="168"/>
        <source>%1: ended — OBS is out of sight, whether it went on is not known</source>
        <translation>%1：已结束——已看不到 OBS，不知道问题是否仍在</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="221"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="547"/>
        <source>Resumed the show of %1 that was on air when the console stopped; its stream stopped while the console was not running: its figures, markers, findings and rundown so far are taken up again.</source>
        <translation>已接续中控台停止时 %1 正在直播的场次；其推流已在中控台未运行期间停止：此前的数据、标记、诊断结果和直播脚本进度均已恢复。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="589"/>
        <source>Back in “%1”: its stream stopped while the console was away (not recorded while away: %3).</source>
        <translation>回到“%1”：该厅的推流已在中控台离开期间停止（离开期间未记录：%3）。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1312"/>
        <source>Going live…</source>
        <translation>正在开播…</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1556"/>
        <source>Going live with open items: %1</source>
        <translation>在有未完成项的情况下开播：%1</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1649"/>
        <source>Shows</source>
        <translation>直播场次</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1655"/>
        <source>OBS password</source>
        <translation>OBS 密码</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1656"/>
        <source>Password (OBS: Tools → WebSocket Server Settings):</source>
        <translation>密码（在 OBS 的 工具 → WebSocket 服务器设置 中查看）：</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1881"/>
        <source>My layout (nothing saved yet)</source>
        <translation>我的布局（尚未保存）</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="1977"/>
        <source>No layout of yours is saved yet: arrange the docks, then “Save current layout as my layout”.</source>
        <translation>还没有保存你的布局：先摆好各个面板，再点“把当前布局保存为我的布局”。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="2179"/>
        <source>OBS is streaming live and recording.</source>
        <extracomment>Nothing saved: a first start (or its layout lost), which `show_window` opens maximised.</extracomment>
        <translation>OBS 正在直播并录制。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="2181"/>
        <source>OBS is streaming live.</source>
        <translation>OBS 正在直播。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="2183"/>
        <source>OBS is recording.</source>
        <translation>OBS 正在录制。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="2198"/>
        <source>The lottery “%1” is open (entries so far: %2): comments written after the console leaves the room cannot enter it.</source>
        <translation>抽奖“%1”正在参与中（已有 %2 人参与）：中控台离开本直播间后发送的评论无法参与抽奖。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="2203"/>
        <source>The lottery “%1” is open (entries so far: %2): comments written while the console is closed cannot enter it.</source>
        <translation>抽奖“%1”正在参与中（已有 %2 人参与）：中控台关闭期间发送的评论无法参与抽奖。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="2213"/>
        <source>Questions claimed by you: %1. They stay yours after the console leaves the room, and no other desk can answer them.</source>
        <translation>你已认领的问题：%1 个。中控台离开本直播间后它们仍归你，其他工位无法回复。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="2218"/>
        <source>Questions claimed by you: %1. They stay yours while the console is closed, and no other desk can answer them.</source>
        <translation>你已认领的问题：%1 个。中控台关闭期间它们仍归你，其他工位无法回复。</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="2234"/>
        <source>Quit while on air?</source>
        <translation>确定退出中控台？</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="2242"/>
        <source>This is the demo room: its OBS is simulated inside the console, so quitting ends the demo room&apos;s simulated stream and recording. Nothing real is on air. Quit anyway?</source>
        <translation>这是演示间：其中的 OBS 是在中控台内部模拟运行的，退出会结束演示间的模拟直播和录制。没有真实内容在播出。仍要退出吗？</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="2247"/>
        <source>Quitting the console does not stop OBS: it carries on, but nobody here will see its state, its health or its meters, or be able to stop it from the console. Quit anyway?</source>
        <translation>退出中控台不会停止 OBS：它会继续直播/录制，但这里将没有人能看到它的状态、健康情况和音量表，也无法从中控台停止它。仍要退出吗？</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="2252"/>
        <source>Quit anyway</source>
        <translation>仍然退出</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="2336"/>
        <source>%1 h %2 min</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="2339"/>
        <source>%1 min %2 s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="2341"/>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
</context>
<context>
    <name>Markers</name>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="35"/>
        <source>Scene switched</source>
        <extracomment>What happened, by the marker&apos;s kind (the Markers sheet&apos;s &quot;What happened&quot;).</extracomment>
        <translation>切换场景</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="36"/>
        <source>Stream started</source>
        <translation>开始推流</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="37"/>
        <source>Stream stopped</source>
        <translation>停止推流</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="38"/>
        <source>Stream did not start</source>
        <translation>推流没有开始</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="39"/>
        <source>Stream reconnecting</source>
        <translation>推流重连中</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="40"/>
        <source>Stream reconnected</source>
        <translation>推流已重连</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="41"/>
        <source>Recording started</source>
        <translation>开始录制</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="42"/>
        <source>Recording stopped</source>
        <translation>停止录制</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="43"/>
        <source>OBS connection lost</source>
        <translation>与 OBS 的连接中断</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="44"/>
        <source>OBS connected</source>
        <translation>已连接 OBS</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="45"/>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="46"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="47"/>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="71"/>
        <source>OBS lost</source>
        <extracomment>The words of each code a marker&apos;s detail may be, by kind and code.</extracomment>
        <translation>OBS 失联</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="77"/>
        <source>Scene: {detail}</source>
        <extracomment>A graph&apos;s label of a kind whose detail is part of it (the others: what happened, and the detail&apos;s words in brackets when there are any).</extracomment>
        <translation>场景：{detail}</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="78"/>
        <source>Note: {detail}</source>
        <translation>提示：{detail}</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="79"/>
        <source>Warning: {detail}</source>
        <translation>警告：{detail}</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="80"/>
        <source>Critical: {detail}</source>
        <translation>严重：{detail}</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="82"/>
        <source>{happened} ({detail})</source>
        <translation>{happened}（{detail}）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/marker_words.py" line="85"/>
        <source>a finding this version does not know ({id})</source>
        <extracomment>A finding this console does not know (stored by another version): a marker keeps only the finding&apos;s id, no message, so it is said as a finding, with the id in brackets for whoever asks the other version&apos;s team.</extracomment>
        <translation>本版本未识别的问题（{id}）</translation>
    </message>
</context>
<context>
    <name>Monitor</name>
    <message>
        <location filename="../../console/cli.py" line="222"/>
        <source>disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="223"/>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="224"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="225"/>
        <source>OBS is not answering</source>
        <translation>OBS 没有响应</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="226"/>
        <source>reconnecting</source>
        <translation>正在重连</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="227"/>
        <source>wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="228"/>
        <source>not a compatible obs-websocket</source>
        <translation>不是兼容的 obs-websocket</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="521"/>
        <source>not connected to OBS (%1)</source>
        <translation>未连接到 OBS（%1）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="523"/>
        <source>LIVE</source>
        <translation>正在推流</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="523"/>
        <source>off air</source>
        <translation>未开播</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="525"/>
        <source>RECONNECTING</source>
        <translation>重连中</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="527"/>
        <source>OBS NOT ANSWERING</source>
        <translation>OBS 无响应</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="530"/>
        <source>%1  %2  %3 kbit/s  %4/%5 fps  render %6 ms  CPU %7 (OBS %8)  dropped r/e/n %9  viewers %10  [%11]</source>
        <translation>%1  %2  %3 kbit/s  %4/%5 fps  渲染 %6 ms  CPU %7（OBS %8）  丢帧 渲染/编码/网络 %9  观众 %10  [%11]</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="590"/>
        <source>alerts.json cannot be used, so no alerts are sent: %1</source>
        <translation>“alerts.json” 无法使用，因此不发送告警：%1</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="654"/>
        <source>--interval must be at least 0.2 s</source>
        <translation>--interval 至少为 0.2 秒</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="559"/>
        <source>the room&apos;s audience source cannot run: %1</source>
        <translation>直播间的观众数据来源无法运行：%1</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="663"/>
        <source>--retention-days must be 0 (keep) or more</source>
        <translation>--retention-days 必须为 0（永久保留）或更大</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="696"/>
        <source>old comments could not be deleted: %1</source>
        <translation>无法删除旧评论：%1</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="701"/>
        <source>never connected to OBS at %1: %2</source>
        <translation>始终未能连接到 %1 的 OBS：%2</translation>
    </message>
</context>
<context>
    <name>ObsLink</name>
    <message>
        <location filename="../../obs/errors.py" line="127"/>
        <source>The computer name “{host}” could not be found. Check the spelling, or use its IP address.</source>
        <extracomment>Failures that retrying cannot fix: the link stops and waits for the user. Plain-language explanation per failure kind; `{host}`, `{port}`, `{detail}` are filled in.</extracomment>
        <translation>找不到名为“{host}”的电脑。请检查拼写，或改用 IP 地址。</translation>
    </message>
    <message>
        <location filename="../../obs/errors.py" line="130"/>
        <source>The computer {host} cannot be reached on the network. Check that it is on, on the same network, and that the address is right.</source>
        <translation>网络上无法访问电脑 {host}。请确认它已开机、在同一网络中，并且地址正确。</translation>
    </message>
    <message>
        <location filename="../../obs/errors.py" line="135"/>
        <source>Nothing is listening on {host}:{port}. Is OBS running? In OBS, open Tools → WebSocket Server Settings and check “Enable WebSocket server” and the port. A firewall may also block the port.</source>
        <translation>{host}:{port} 上没有程序在监听。OBS 是否已打开？请在 OBS 中打开 工具 → WebSocket 服务器设置，勾选“启用 WebSocket 服务器”并核对端口。防火墙也可能拦截了该端口。</translation>
    </message>
    <message>
        <location filename="../../obs/errors.py" line="140"/>
        <source>{host}:{port} accepted the connection but OBS did not answer in time. OBS may be frozen or overloaded, or a firewall is dropping traffic.</source>
        <translation>{host}:{port} 接受了连接，但 OBS 没有及时回应。OBS 可能卡死或负载过高，也可能是防火墙丢弃了数据。</translation>
    </message>
    <message>
        <location filename="../../obs/errors.py" line="145"/>
        <source>Something answered on {host}:{port}, but it is not obs-websocket ({detail}). Check the port in OBS under Tools → WebSocket Server Settings (usually 4455).</source>
        <translation>{host}:{port} 上有程序回应，但不是 obs-websocket（{detail}）。请在 OBS 的 工具 → WebSocket 服务器设置 中核对端口（通常为 4455）。</translation>
    </message>
    <message>
        <location filename="../../obs/errors.py" line="150"/>
        <source>{host}:{port} runs the old obs-websocket 4.x protocol. Use OBS Studio 28 or newer (obs-websocket 5 built in) and its port, usually 4455.</source>
        <translation>{host}:{port} 运行的是旧版 obs-websocket 4.x 协议。请使用 OBS Studio 28 或更新版本（内置 obs-websocket 5）及其端口，通常为 4455。</translation>
    </message>
    <message>
        <location filename="../../obs/errors.py" line="155"/>
        <source>OBS rejected the password. Copy it again from OBS (Tools → WebSocket Server Settings → Show Connect Info) into the room settings.</source>
        <translation>OBS 拒绝了密码。请在 OBS 中（工具 → WebSocket 服务器设置 → 显示连接信息）重新复制密码，填入直播间设置。</translation>
    </message>
    <message>
        <location filename="../../obs/errors.py" line="160"/>
        <source>OBS asks for a password and none is set for this room. Copy it from OBS (Tools → WebSocket Server Settings → Show Connect Info).</source>
        <translation>OBS 需要密码，但这个直播间没有设置密码。请在 OBS 中复制（工具 → WebSocket 服务器设置 → 显示连接信息）。</translation>
    </message>
    <message>
        <location filename="../../obs/errors.py" line="165"/>
        <source>This OBS is too old for the console ({detail}). Update OBS Studio to 29 or newer.</source>
        <translation>这个 OBS 版本太旧，中控台无法使用（{detail}）。请将 OBS Studio 升级到 29 或更新版本。</translation>
    </message>
    <message>
        <location filename="../../obs/errors.py" line="168"/>
        <source>OBS was closed. The console reconnects as soon as OBS runs again.</source>
        <translation>OBS 已关闭。OBS 重新运行后，中控台会自动重连。</translation>
    </message>
    <message>
        <location filename="../../obs/errors.py" line="171"/>
        <source>The connection to OBS was lost ({detail}). Reconnecting.</source>
        <translation>与 OBS 的连接已断开（{detail}），正在重连。</translation>
    </message>
    <message>
        <location filename="../../obs/errors.py" line="174"/>
        <source>OBS stopped answering ({detail}). It may be frozen or overloaded.</source>
        <translation>OBS 停止响应（{detail}），可能已卡死或负载过高。</translation>
    </message>
    <message>
        <location filename="../../obs/errors.py" line="177"/>
        <source>OBS sent something the console could not understand ({detail}).</source>
        <translation>OBS 发来了中控台无法识别的内容（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../obs/errors.py" line="180"/>
        <source>The console&apos;s connection to OBS failed on an internal error ({detail}) and was restarted.</source>
        <translation>中控台与 OBS 的连接因内部错误失败（{detail}），已自动重启。</translation>
    </message>
</context>
<context>
    <name>OsWords</name>
    <message>
        <location filename="../../obs/oswords.py" line="24"/>
        <source>connection refused: nothing is listening there; is the program running, and the port right?</source>
        <extracomment>errno → (phrase without a name, phrase naming the file or the computer). The phrase follows a colon in the sentence that holds it (&quot;… could not be written: the disk is full&quot;), so it starts in lower case.</extracomment>
        <translation>连接被拒绝：那里没有程序在监听；程序是否已运行，端口是否正确？</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="27"/>
        <source>connection refused: nothing is listening at {name}; is the program running, and the port right?</source>
        <translation>连接被拒绝：{name} 上没有程序在监听；程序是否已运行，端口是否正确？</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="32"/>
        <source>no answer in time; is the other computer on, or a firewall in the way?</source>
        <translation>未能及时应答；对方电脑是否已开机，是否被防火墙拦截？</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="33"/>
        <source>{name} did not answer in time; is it on, or a firewall in the way?</source>
        <translation>{name} 未能及时应答；对方是否已开机，是否被防火墙拦截？</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="36"/>
        <source>that computer cannot be reached on the network; check that it is on and on the same network</source>
        <translation>网络上无法到达那台电脑；请确认它已开机并在同一网络中</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="39"/>
        <source>the computer {name} cannot be reached on the network; check that it is on and on the same network</source>
        <translation>网络上无法到达电脑 {name}；请确认它已开机并在同一网络中</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="45"/>
        <source>the network cannot be reached: is this computer connected?</source>
        <translation>无法到达该网络：本机是否已联网？</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="46"/>
        <source>the network of {name} cannot be reached: is this computer connected?</source>
        <translation>无法到达 {name} 所在的网络：本机是否已联网？</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="49"/>
        <source>the other side reset the connection</source>
        <translation>连接被对方重置</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="50"/>
        <source>{name} reset the connection</source>
        <translation>{name} 重置了连接</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="53"/>
        <source>the other side closed the connection</source>
        <translation>连接已被对方关闭</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="54"/>
        <source>{name} closed the connection</source>
        <translation>{name} 关闭了连接</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="57"/>
        <source>the disk is full; free some space or choose another disk</source>
        <translation>磁盘已满；请清理出空间或换一个磁盘</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="58"/>
        <source>the disk holding {name} is full; free some space or choose another disk</source>
        <translation>{name} 所在的磁盘已满；请清理出空间或换一个磁盘</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="61"/>
        <source>no permission; check the owner and permissions, or choose another place</source>
        <translation>没有权限；请检查所有者和权限，或换一个位置</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="62"/>
        <source>no permission to use {name}; check its owner and permissions, or choose another place</source>
        <translation>没有权限使用 {name}；请检查它的所有者和权限，或换一个位置</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="67"/>
        <source>the file or folder does not exist</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="68"/>
        <source>{name} does not exist</source>
        <translation>{name} 不存在</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="71"/>
        <source>the disk is read-only; choose another place</source>
        <translation>磁盘是只读的；请换一个位置</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="72"/>
        <source>{name} is on a read-only disk; choose another place</source>
        <translation>{name} 位于只读磁盘上；请换一个位置</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="75"/>
        <source>the address is already in use: another program holds the port; close it or choose another port</source>
        <translation>地址已被占用：另一个程序占用了该端口；请关闭那个程序或换一个端口</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="78"/>
        <source>{name} is already in use: another program holds the port; close it or choose another port</source>
        <translation>{name} 已被占用：另一个程序占用了该端口；请关闭那个程序或换一个端口</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="83"/>
        <source>a folder is in the way, not a file</source>
        <translation>那里是一个文件夹，而不是文件</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="84"/>
        <source>{name} is a folder, not a file</source>
        <translation>{name} 是文件夹，而不是文件</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="87"/>
        <source>a file is in the way where a folder should be</source>
        <translation>应是文件夹的位置上有一个同名文件</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="88"/>
        <source>a part of {name} is a file where a folder should be</source>
        <translation>{name} 路径中应是文件夹的某一级是一个文件</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="92"/>
        <source>a file or folder of that name is already in the way</source>
        <translation>同名的文件或文件夹已存在，挡住了需要的位置</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="93"/>
        <source>{name} already exists and is in the way (a file where a folder should be?)</source>
        <translation>{name} 已存在，挡住了需要的位置（是否有文件占了文件夹的位置？）</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="96"/>
        <source>the disk reported a read or write error</source>
        <translation>磁盘报告了读写错误</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="97"/>
        <source>the disk holding {name} reported a read or write error</source>
        <translation>{name} 所在的磁盘报告了读写错误</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="110"/>
        <source>the computer name could not be found</source>
        <translation>找不到该电脑名</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="111"/>
        <source>the computer name “{name}” could not be found: check its spelling</source>
        <translation>找不到名为“{name}”的电脑：请检查拼写</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="114"/>
        <source>no name server answers: is this computer connected?</source>
        <translation>域名服务器（DNS）没有应答：本机是否已联网？</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="115"/>
        <source>the name “{name}” could not be looked up: is this computer connected?</source>
        <translation>无法解析名称“{name}”：本机是否已联网？</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="118"/>
        <source>the secure connection (TLS) failed: the certificate could not be verified; check the address and this computer&apos;s date and time</source>
        <translation>安全连接（TLS）失败：无法验证证书；请检查地址以及本机的日期和时间</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="123"/>
        <source>the secure connection (TLS) to {name} failed: its certificate could not be verified; check the address and this computer&apos;s date and time</source>
        <translation>与 {name} 的安全连接（TLS）失败：无法验证它的证书；请检查地址以及本机的日期和时间</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="130"/>
        <source>the secure connection (TLS) failed</source>
        <translation>安全连接（TLS）失败</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="131"/>
        <source>the secure connection (TLS) to {name} failed</source>
        <translation>与 {name} 的安全连接（TLS）失败</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="172"/>
        <source>not valid JSON: the mistake is at line {line}, column {column}</source>
        <translation>不是有效的 JSON：错误在第 {line} 行第 {column} 列</translation>
    </message>
    <message>
        <location filename="../../obs/oswords.py" line="173"/>
        <source>not UTF-8 text: byte {position} cannot be read</source>
        <translation>不是 UTF-8 文本：第 {position} 个字节无法读取</translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <location filename="../../widgets/output_panel.py" line="190"/>
        <location filename="../../widgets/output_panel.py" line="282"/>
        <location filename="../../obs/commands.py" line="304"/>
        <source>Stop streaming</source>
        <extracomment>Asked before going live; False stops it (the pre-show checklist&apos;s gate). The go-live question itself when the console asks more than yes or no (the show&apos;s details): True goes live. One line at the tally&apos;s 24 px with its padding: the height it keeps when the words fit on one line. Asks &quot;Start streaming now?&quot; with the show&apos;s details (the main window&apos;s); a `confirm` given in place of the default (a script, a test) answers the yes or no alone. The tally: a red ON AIR with the running time while streaming, seen across the room. Why the last Go live did not go on air, right under the button that was clicked (the event log sits behind a tab in the Assistant workspace): until the next attempt, or until the stream is on air. Why OBS is not heard (LinkStatus.loss), for the tally of a stream that was live when the link went. OBS has been heard (a full read) since this panel was made. When OBS was last heard on a connection since lost (LinkStatus.lost_since): None before it ever was. The console&apos;s last go-live (the bridge&apos;s): while it is on its way the dock says &quot;starting&quot;, not &quot;off air&quot;.</extracomment>
        <translation>停止推流</translation>
    </message>
    <message>
        <location filename="../../console/mainwindow.py" line="226"/>
        <location filename="../../widgets/output_panel.py" line="192"/>
        <location filename="../../widgets/output_panel.py" line="291"/>
        <location filename="../../obs/commands.py" line="292"/>
        <source>Go live</source>
        <translation>开始直播</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="192"/>
        <source>Starting…</source>
        <translation>正在开播…</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="193"/>
        <location filename="../../widgets/output_panel.py" line="296"/>
        <location filename="../../obs/commands.py" line="339"/>
        <source>Stop recording</source>
        <translation>停止录制</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="193"/>
        <location filename="../../widgets/output_panel.py" line="298"/>
        <location filename="../../obs/commands.py" line="327"/>
        <source>Start recording</source>
        <translation>开始录制</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="199"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="199"/>
        <source>● REC</source>
        <translation>● 录制中</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="199"/>
        <source>Not recording</source>
        <translation>未录制</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="219"/>
        <source>NO LINK — OBS closed or crashed</source>
        <translation>连接中断 —— OBS 已关闭或崩溃</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="221"/>
        <location filename="../../widgets/output_panel.py" line="227"/>
        <source>NO LINK — OBS may still be on air</source>
        <translation>连接中断 —— OBS 可能仍在直播</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="225"/>
        <source>NO LINK — OBS not answering</source>
        <translation>连接中断 —— OBS 无响应</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="238"/>
        <source>OFF AIR — OBS not connected</source>
        <translation>未开播 —— OBS 未连接</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="240"/>
        <source>RECONNECTING TO THE PLATFORM</source>
        <translation>正在重连直播平台</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="242"/>
        <source>ON AIR</source>
        <translation>正在直播</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="245"/>
        <source>STARTING…</source>
        <translation>正在开播…</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="247"/>
        <source>OFF AIR</source>
        <translation>未开播</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="269"/>
        <source>On air for %1 in this show. OBS&apos;s own stream time, since its last connection to the server: %2</source>
        <translation>本场已直播 %1。OBS 自身的推流时长（从它最近一次连上服务器算起）：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="282"/>
        <source>Stop the live stream now? Viewers will see the stream end.</source>
        <translation>现在停止直播吗？观众会看到直播结束。</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="291"/>
        <source>Start streaming now?</source>
        <translation>现在开始推流吗？</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="296"/>
        <source>Stop the recording now?</source>
        <translation>现在停止录制吗？</translation>
    </message>
    <message>
        <location filename="../../widgets/output_panel.py" line="298"/>
        <source>Start recording now?</source>
        <translation>现在开始录制吗？</translation>
    </message>
</context>
<context>
    <name>PeriodReportDialog</name>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="43"/>
        <source>Period report</source>
        <translation>周期报告</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="52"/>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="53"/>
        <source>Week (Monday first)</source>
        <translation>周（周一为首日）</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="54"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="59"/>
        <source>Per room</source>
        <translation>按直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="60"/>
        <source>Per host</source>
        <translation>按主播</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="63"/>
        <source>Excel workbook (XLSX)</source>
        <translation>Excel 工作簿（XLSX）</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="64"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="65"/>
        <source>PDF (A4 landscape)</source>
        <translation>PDF（A4 横向）</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="66"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="68"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="69"/>
        <source>To (included)</source>
        <translation>到（含当天）</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="70"/>
        <source>Room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="71"/>
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="72"/>
        <source>One row per</source>
        <translation>每行一个</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="73"/>
        <source>Grouped</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="74"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="77"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="83"/>
        <source>Room and host come from the Shows browser&apos;s filters; change them there.</source>
        <translation>直播间和主播取自直播场次列表的筛选条件；如需更改，请在列表中修改。</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="106"/>
        <source>Save the period report</source>
        <translation>保存周期报告</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="115"/>
        <source>“To” is before “From”.</source>
        <translation>“到”早于“从”。</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="119"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="124"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="127"/>
        <source>Not counted: %1 show of the demo room (a rehearsal on the simulator).</source>
        <translation>未计入：演示直播间的 %1 场（模拟器上的彩排）。</translation>
    </message>
    <message>
        <location filename="../../widgets/period_report_dialog.py" line="129"/>
        <source>Not counted: %1 shows of the demo room (rehearsals on the simulator).</source>
        <translation>未计入：演示直播间的 %1 场（模拟器上的彩排）。</translation>
    </message>
</context>
<context>
    <name>PlatformImport</name>
    <message>
        <location filename="../../console/core/review/platform.py" line="39"/>
        <source>online viewers</source>
        <extracomment>The field names as people read them (translated where shown).</extracomment>
        <translation>在线人数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="40"/>
        <source>entered</source>
        <translation>进入人数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="41"/>
        <source>left</source>
        <translation>离开人数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="42"/>
        <source>likes</source>
        <translation>点赞</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="43"/>
        <source>comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="44"/>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="45"/>
        <source>orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="52"/>
        <source>Douyin</source>
        <extracomment>The platform an import came from in words (the review window, the XLSX, the PDF said &quot;douyin&quot;, the stored code).</extracomment>
        <translation>抖音</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="53"/>
        <source>Taobao</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="54"/>
        <source>Kuaishou</source>
        <translation>快手</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="55"/>
        <source>another platform</source>
        <translation>其他平台</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="220"/>
        <source>“{field}” is not a field; choose from: {fields}.</source>
        <translation>“{field}”不是可用的字段，可选：{fields}。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="228"/>
        <source>{file}: there is no column “{header}” (its header, row {row}, reads: {headers}).</source>
        <translation>{file}：没有“{header}”这一列（第 {row} 行的表头为：{headers}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="342"/>
        <source>{file}: no header row in its first {rows} rows names a time column and at least one of: {fields}. Is this a per-minute export?</source>
        <translation>{file}：前 {rows} 行中没有一行表头同时包含时间列和以下至少一项：{fields}。这是分钟级导出文件吗？</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="385"/>
        <source>{file}: the file starts as UTF-16 but cannot be read as it ({error}).</source>
        <translation>{file}：文件以“UTF-16”开头，但无法按此编码读取（{error}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="396"/>
        <source>{file}, row {row}: the text is neither UTF-8 nor GB18030; save the file again as CSV (UTF-8).</source>
        <translation>{file} 第 {row} 行：文本既不是 UTF-8 也不是“GB18030”编码；请将文件重新另存为 CSV（UTF-8）。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="407"/>
        <source>{file}, row {row}: the encoding changes here ({now}, after {was} above): the file mixes encodings. Save it again in one encoding.</source>
        <translation>{file} 第 {row} 行：编码在此改变（上方为 {was}，此处为 {now}）：文件混用了多种编码。请以单一编码重新保存。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="420"/>
        <source>{file}, row {row}: the file is marked UTF-8 but this row is GB18030: the file mixes encodings.</source>
        <translation>{file} 第 {row} 行：文件标记为 UTF-8，但这一行是“GB18030”编码：文件混用了多种编码。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="443"/>
        <source>{file}: the CSV cannot be read: {error}</source>
        <translation>{file}：无法读取该 CSV 文件：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="456"/>
        <source>{file}: not a readable XLSX workbook ({error}).</source>
        <translation>{file}：不是可读取的“XLSX”工作簿（{error}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="481"/>
        <source>{file}: the file cannot be read: {error}</source>
        <translation>{file}：无法读取文件：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="488"/>
        <source>{file}: an old Excel (.xls) workbook; save it as XLSX or CSV and import that.</source>
        <translation>{file}：这是旧格式（.xls）的工作簿；请另存为“XLSX”或 CSV 后再导入。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="506"/>
        <source>{file}: more than {rows} rows; a show&apos;s per-minute export has far fewer.</source>
        <translation>{file}：超过 {rows} 行；单场直播的分钟级导出远少于此。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="649"/>
        <source>{file}: no column holds the time (header row {row}); map one with --column &apos;HEADER=time&apos;.</source>
        <translation>{file}：没有表示时间的列（表头在第 {row} 行）；请用 --column &apos;表头=time&apos; 指定一列。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="667"/>
        <source>{file}: the header (row {row}) names no figure this console keeps; map a column with --column &apos;HEADER=FIELD&apos; (fields: {fields}).</source>
        <translation>{file}：表头（第 {row} 行）中没有本中控台记录的数据项；请用 --column &apos;表头=字段&apos; 指定列（字段：{fields}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="712"/>
        <source>{file}, row {row}, column {column} ({header}): the same minute as row {other}; an export has one row a minute.</source>
        <translation>{file} 第 {row} 行 {column} 列（{header}）：与第 {other} 行是同一分钟；导出文件每分钟只有一行。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="729"/>
        <source>{file}: no data rows under the header (row {row}).</source>
        <translation>{file}：表头（第 {row} 行）下没有数据行。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="747"/>
        <source>{file}, row {row}, column {column} ({header}): “{value}” is a time without a date, and there is no show to take the date from.</source>
        <translation>{file} 第 {row} 行 {column} 列（{header}）：“{value}”只有时间没有日期，且没有可取日期的场次。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="762"/>
        <source>{file}, row {row}, column {column} ({header}): “{value}” is not a time (e.g. 2026-11-24 20:15, 20:15 or 20:15:00).</source>
        <translation>{file} 第 {row} 行 {column} 列（{header}）：“{value}”不是时间（例如 2026-11-24 20:15、20:15 或 20:15:00）。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="794"/>
        <source>{file}, row {row}, column {column} ({header}): the row has figures but no time.</source>
        <translation>{file} 第 {row} 行 {column} 列（{header}）：该行有数据但没有时间。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="807"/>
        <source>{file}, row {row}, column {column} ({header}): “{value}” is a negative figure.</source>
        <translation>{file} 第 {row} 行 {column} 列（{header}）：“{value}”是负数。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform.py" line="811"/>
        <source>{file}, row {row}, column {column} ({header}): “{value}” is not a number.</source>
        <translation>{file} 第 {row} 行 {column} 列（{header}）：“{value}”不是数字。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform_import.py" line="77"/>
        <source>Imported 1 row into show {show} from {file} (read as {encoding}, header on row {header}): {first} – {last}.</source>
        <translation>已导入 1 行到场次 {show}，来自 {file}（按 {encoding} 读取，表头在第 {header} 行）：{first} – {last}。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform_import.py" line="83"/>
        <source>Imported {rows} rows into show {show} from {file} (read as {encoding}, header on row {header}): {first} – {last}.</source>
        <translation>已导入 {rows} 行到场次 {show}，来自 {file}（按 {encoding} 读取，表头在第 {header} 行）：{first} – {last}。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform_import.py" line="99"/>
        <source>Fields found: {fields}.</source>
        <translation>找到的数据项：{fields}。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform_import.py" line="104"/>
        <source>Columns ignored: {columns}. To import one, name its field: --column &apos;HEADER=FIELD&apos;.</source>
        <translation>已忽略的列：{columns}。如需导入，请指定其字段：--column &apos;表头=字段&apos;。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform_import.py" line="115"/>
        <source>Rows skipped (not a minute): {rows}.</source>
        <translation>已跳过的行（不是分钟数据）：{rows}。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform_import.py" line="125"/>
        <source>Rows whose number of cells is not the header&apos;s {columns}: {count} — row (cells): {rows}{more}. A missing cell was read as unknown; a cell beyond the header was not read. Check these rows in the file.</source>
        <translation>单元格数与表头的 {columns} 列不符的行：{count} 行 — 行号（单元格数）：{rows}{more}。缺少的单元格按未知读取，超出表头的单元格未读取。请在文件中核对这些行。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform_import.py" line="143"/>
        <source>This replaced the show&apos;s earlier import (1 row from {file}, imported {at} by {by}).</source>
        <translation>本次导入替换了该场次之前的导入（1 行，来自 {file}，由 {by} 于 {at} 导入）。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform_import.py" line="148"/>
        <source>This replaced the show&apos;s earlier import ({rows} rows from {file}, imported {at} by {by}).</source>
        <translation>本次导入替换了该场次之前的导入（{rows} 行，来自 {file}，由 {by} 于 {at} 导入）。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform_import.py" line="184"/>
        <source>{file}, row {row}, column {column} ({header}): {time} is outside show {show} ({start} – {end}, {tolerance} min either side allowed); it is the file&apos;s only row. Nothing was imported: is this the right show?</source>
        <translation>{file} 第 {row} 行 {column} 列（{header}）：{time} 不在场次 {show} 的时间内（{start} – {end}，前后各允许 {tolerance} 分钟）；文件只有这一行。未导入任何数据：是否选错了场次？</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform_import.py" line="191"/>
        <source>{file}, row {row}, column {column} ({header}): {time} is outside show {show} ({start} – {end}, {tolerance} min either side allowed); 1 of {rows} rows is outside. Nothing was imported: is this the right show?</source>
        <translation>{file} 第 {row} 行 {column} 列（{header}）：{time} 不在场次 {show} 的时间内（{start} – {end}，前后各允许 {tolerance} 分钟）；{rows} 行中有 1 行在场次之外。未导入任何数据：是否选错了场次？</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform_import.py" line="198"/>
        <source>{file}, row {row}, column {column} ({header}): {time} is outside show {show} ({start} – {end}, {tolerance} min either side allowed); {outside} of {rows} rows are outside. Nothing was imported: is this the right show?</source>
        <translation>{file} 第 {row} 行 {column} 列（{header}）：{time} 不在场次 {show} 的时间内（{start} – {end}，前后各允许 {tolerance} 分钟）；{rows} 行中有 {outside} 行在场次之外。未导入任何数据：是否选错了场次？</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform_import.py" line="241"/>
        <source>“{platform}” is not a platform; choose from: {platforms}.</source>
        <translation>“{platform}”不是可用的平台，可选：{platforms}。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/platform_import.py" line="249"/>
        <source>There is no show {show}.</source>
        <translation>没有场次 {show}。</translation>
    </message>
</context>
<context>
    <name>PlatformImportDialog</name>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="36"/>
        <source>Douyin (抖音)</source>
        <translation>抖音</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="37"/>
        <source>Taobao (淘宝)</source>
        <translation>淘宝</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="38"/>
        <source>Kuaishou (快手)</source>
        <translation>快手</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="39"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="41"/>
        <source>Not imported</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="42"/>
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="58"/>
        <source>Import platform data into show %1</source>
        <translation>导入平台数据到场次 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="61"/>
        <source>A per-minute export (CSV or XLSX) from the platform&apos;s console</source>
        <translation>平台后台导出的分钟数据（CSV 或 .xlsx 电子表格）</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="62"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="72"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="73"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="74"/>
        <source>Imported by</source>
        <translation>导入人</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="79"/>
        <source>Columns not recognised — choose what each one is:</source>
        <extracomment>What was recognised: encoding, header row, fields, rows, first and last minute.</extracomment>
        <translation>未识别的列——请为每一列选择对应字段：</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="82"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="82"/>
        <source>Header</source>
        <translation>表头</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="82"/>
        <source>Sample values</source>
        <translation>示例值</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="82"/>
        <source>Read as</source>
        <translation>读作</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="94"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="114"/>
        <source>Platform export</source>
        <translation>平台导出文件</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="114"/>
        <source>Platform exports (*.csv *.xlsx *.xls);;All files (*)</source>
        <translation>平台导出文件 (*.csv *.xlsx *.xls);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="151"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="171"/>
        <source>Read as %1, header on row %2.</source>
        <translation>按 %1 读取，表头在第 %2 行。</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="178"/>
        <source>Time: column %1 (%2).</source>
        <translation>时间：第 %1 列（%2）。</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="183"/>
        <source>Fields: %1.</source>
        <translation>字段：%1。</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="186"/>
        <source>Minutes: %3, %1 – %2.</source>
        <translation>共 %3 分钟：%1 – %2。</translation>
    </message>
    <message>
        <location filename="../../widgets/platform_import_dialog.py" line="192"/>
        <source>Rows skipped (not a minute): %1.</source>
        <translation>跳过的行（不是分钟数据）：%1。</translation>
    </message>
</context>
<context>
    <name>ProgramView</name>
    <message>
        <location filename="../../widgets/program_view.py" line="55"/>
        <source>No picture from OBS</source>
        <translation>没有收到 OBS 画面</translation>
    </message>
    <message>
        <location filename="../../widgets/program_view.py" line="59"/>
        <source>No preview from OBS</source>
        <extracomment>Studio mode: the scene the next transition takes to program, beside it.</extracomment>
        <translation>OBS 没有预览画面</translation>
    </message>
    <message>
        <location filename="../../widgets/program_view.py" line="62"/>
        <source>PREVIEW</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../widgets/program_view.py" line="63"/>
        <source>PROGRAM</source>
        <translation>直播画面</translation>
    </message>
    <message>
        <location filename="../../widgets/program_view.py" line="140"/>
        <source>OBS closed</source>
        <translation>OBS 已关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/program_view.py" line="142"/>
        <source>OBS is not answering</source>
        <translation>OBS 没有响应</translation>
    </message>
    <message>
        <location filename="../../widgets/program_view.py" line="144"/>
        <source>OBS not connected</source>
        <translation>OBS 未连接</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../console/i18n.py" line="22"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../console/i18n.py" line="19"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../console/i18n.py" line="20"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <location filename="../../console/core/storage.py" line="2293"/>
        <source>there is no such question (id {id})</source>
        <extracomment>Alembic&apos;s migration context is process-global: two threads upgrading at once (the checklist worker and the telemetry writer at start-up) corrupt each other&apos;s state (&quot;KeyError: &apos;script&apos;&quot;), which killed the writer thread. Every schema check and upgrade in this process runs under this lock, and a database already found current is only read, never upgraded again. Other console processes (a studio&apos;s PostgreSQL shared by many rooms) wait on this advisory lock. What the run was for (pre-show, troubleshooting, post-show) and the show it belongs to (None: no show on). How it ended: open, completed, abandoned, went_live; when, by whom, why (abandoned). The checklist&apos;s title in every language of its template (JSON), so the history shows it in the reader&apos;s. A show&apos;s pre-show run at go-live: one kept as it was when the stream started, or one completed before the stream started and counted then (Storage.count_completed_run sets its go_live_at; a completed run that still names a go-live override was overridden for a stream that never started, and counts only once linked). Language-independent: the title in every language (JSON), and a sensed result as its English template (the translation catalogue&apos;s key) with the measured fields (JSON). NULL in rows from before 0006. One row a second: wall-clock time (epoch seconds) and one nullable column per telemetry channel. Health findings: one row per episode, rewritten while it changes (message in English for reports; template, fields and remedies as JSON so the console shows it again in the user&apos;s language). What people say about a show (one row once edited); hosts and tags in their own tables, so that filtering by one is an index look-up. `hosts_sort` is the hosts joined (&quot;张三, 李四&quot;): the browser sorts by it. People of a show: role &quot;host&quot; (主播, several, in the order given). A show&apos;s figures for the browser, computed from its samples, findings and checklist runs when it ends (or, ended uncleanly, when the room&apos;s next show opens or the browser finds it stale); `final` once it cannot change any more; a running show&apos;s row is recomputed at most every LIVE_REFRESH_S when the browser asks. The first and last minute (epoch seconds); None when no row is stored. Storage.lottery_mark&apos;s statement, built once (read every two seconds by every console of the room). Comments deleted per transaction by the retention (a long history goes in short steps, never one long lock). Storage.add_comments&apos; INSERT … ON CONFLICT DO NOTHING by dialect, built once. QCoreApplication.translate&apos;s shape; the identity (English) where no translator is at hand. When the run&apos;s show began (to tell shows apart in the history); None without a show. A PostgreSQL server that does not answer a connection within this long is &quot;not answering&quot;. Statements the server itself abandons after this long (a lock held elsewhere, a runaway query). The newest schema revision this console knows: the last migration&apos;s (a test holds it to Alembic&apos;s head). A database already at it is opened without loading Alembic (~0.12 s of CPU at every console start). Running the 13 migrations costs about 60 ms of CPU and a quarter second of a disk&apos;s syncs per new file; the schema they leave (statements as SQLite stored them, and the rows they wrote: alembic&apos;s version) is made once, on an in-memory database, and replayed into each fresh file in one transaction. A database that has anything in it, or another backend, is migrated by Alembic as before. Read-only once made (under _SCHEMA_LOCK). The database named without its password (logs, messages, spill files).</extracomment>
        <translation>没有这个问题（编号 {id}）</translation>
    </message>
    <message>
        <location filename="../../console/core/storage.py" line="2312"/>
        <source>{who} has already claimed this question</source>
        <translation>{who} 已经认领了这个问题</translation>
    </message>
    <message>
        <location filename="../../console/core/storage.py" line="2316"/>
        <source>{who} has already answered this question</source>
        <translation>{who} 已经回答了这个问题</translation>
    </message>
    <message>
        <location filename="../../console/core/storage.py" line="2321"/>
        <source>{who} has already dismissed this question</source>
        <translation>{who} 已经忽略了这个问题</translation>
    </message>
    <message>
        <location filename="../../console/core/storage.py" line="2324"/>
        <source>this question is open: claim it first</source>
        <translation>这个问题还没人认领：请先认领</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/questions.py" line="85"/>
        <source>open</source>
        <extracomment>The fields a quick reply may use: filled from the segment&apos;s product (the rundown) and the question. A reaction with a question mark is still a reaction: one to three characters repeated, or a word of these. Words that open a question only in a sentence of three words or more (&quot;do it&quot; is not one, &quot;do you ship&quot; is).</extracomment>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/questions.py" line="86"/>
        <source>claimed</source>
        <translation>已认领</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/questions.py" line="87"/>
        <source>answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/questions.py" line="88"/>
        <source>dismissed</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/questions.py" line="208"/>
        <source>{first} and {second}</source>
        <extracomment>&quot;detected&quot; (the rules) or &quot;hand&quot; (marked by a person). The id of the group&apos;s first question when several viewers asked it (None: asked alone, or stored before groups were kept). A claim, an answer or a dismissal moves the whole group. As the queue reads it (Storage.questions(grouped=True)): the names of everyone who asked it, the first first, each viewer once; empty when read one row per viewer&apos;s question. Said before a question and compared without them: 这个多少钱 is 多少钱. Particles at the end that do not change the question: 多少钱呀 is 多少钱. A normalised text shorter than this (after openers and particles) is not grouped: too little to tell.</extracomment>
        <translation>{first}、{second}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/questions.py" line="211"/>
        <source>{first}, {second} and {third}</source>
        <translation>{first}、{second}、{third}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/questions.py" line="213"/>
        <source>{first}, {second} and {others} others</source>
        <translation>{first}、{second} 及另外 {others} 位</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/questions.py" line="253"/>
        <source>{count} viewer asked</source>
        <translation>{count} 位观众问过</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/questions.py" line="254"/>
        <source>{count} viewers asked</source>
        <translation>{count} 位观众问过</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/questions.py" line="258"/>
        <source>“{text}” ({asked})</source>
        <translation>“{text}”（{asked}）</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/questions.py" line="293"/>
        <source>quick reply {n} has no text</source>
        <translation>第 {n} 条快捷回复没有内容</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/questions.py" line="297"/>
        <source>quick reply {n} is longer than {limit} characters</source>
        <translation>第 {n} 条快捷回复超过 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/questions.py" line="302"/>
        <source>quick reply {n} has a product or keyword that is too long</source>
        <translation>第 {n} 条快捷回复的商品名或关键词太长</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/questions.py" line="306"/>
        <source>quick reply {n} has a {{ or }} without its pair</source>
        <translation>第 {n} 条快捷回复有不成对的 {{ 或 }}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/questions.py" line="310"/>
        <source>quick reply {n} uses the field “{field}”; the fields are {known}</source>
        <translation>第 {n} 条快捷回复用了字段“{field}”；可用的字段是 {known}</translation>
    </message>
    <message>
        <location filename="../../console/core/chat/questions.py" line="321"/>
        <source>at most {limit} quick replies a room</source>
        <translation>每个直播间最多 {limit} 条快捷回复</translation>
    </message>
</context>
<context>
    <name>QuestionsPanel</name>
    <message>
        <location filename="../../widgets/engage_questions.py" line="45"/>
        <source>Waiting (open and claimed)</source>
        <extracomment>The filter&apos;s choices: which states each shows (None: mine — claimed by this console&apos;s name).</extracomment>
        <translation>待处理（未认领和已认领）</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="46"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="47"/>
        <source>Answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="48"/>
        <source>Dismissed</source>
        <translation>已忽略</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="49"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="119"/>
        <source>Time</source>
        <extracomment>The selected question&apos;s replies as last offered (each filled in for the product on air then). The offer whose text the answer line holds, as filled in (None: the reader&apos;s own words, or nothing). A question to select as soon as the queue shows it (one just marked by hand). The rows stay put while the pointer is over the list and for HOLD_S after it left or after the user chose or acted on a question: new questions are added below, a question that left the filter stays (its state says what became of it) until the hold ends. The reader&apos;s wish to see the newest (at the end of the list, nothing chosen); applied once nothing holds. Questions added since the list last showed the newest (&quot;N new ↓&quot; counts those below the visible rows). The question ids of the rows shown, top to bottom, and each row&apos;s question as last written. Who asked the chosen question, as last shown (its replies are filled again when more ask it).</extracomment>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="119"/>
        <source>Viewer</source>
        <translation>观众</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="119"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="119"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="130"/>
        <source>Show the newest questions and follow them again</source>
        <translation>显示最新的问题并继续跟随</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="140"/>
        <source>Claim</source>
        <translation>认领</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="141"/>
        <source>Give back</source>
        <translation>放回</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="142"/>
        <source>Mark answered</source>
        <translation>已回答</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="143"/>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="144"/>
        <source>Take the question: the other consoles of the room see it is yours</source>
        <translation>认领这个问题：本直播间的其他中控台会看到它归你处理</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="145"/>
        <source>Give the question back to the queue</source>
        <translation>把问题放回队列</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="146"/>
        <source>Mark answered (with the reply below, if any)</source>
        <translation>标记为已回答（如有，连同下面的回复）</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="147"/>
        <source>Not a question, or not one to answer</source>
        <translation>不是问题，或不需要回答</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="170"/>
        <source>The answer (a quick reply, or your own words)</source>
        <translation>回复（快捷回复，或自己写）</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="172"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="173"/>
        <source>Copy the answer to the clipboard, to paste in the platform&apos;s console</source>
        <translation>把回复复制到剪贴板，粘贴到平台的后台</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="174"/>
        <source>Post</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="175"/>
        <source>Quick replies…</source>
        <translation>快捷回复…</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="279"/>
        <source>claimed by me</source>
        <translation>我已认领</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="309"/>
        <source>%1 open</source>
        <translation>%1 个待认领</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="382"/>
        <source>Asked by %1 viewers: %2%3</source>
        <translation>%1 位观众提了这个问题：%2%3</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="453"/>
        <source>%1 new ↓ — show the newest</source>
        <translation>%1 条新问题 ↓ — 查看最新</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="569"/>
        <source>Post the answer to the room&apos;s chat through: %1</source>
        <translation>通过以下来源把回复发到直播间评论：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="571"/>
        <source>No comment source of this room can post to its chat: copy the reply instead.</source>
        <translation>本直播间没有能发评论的来源：请复制回复。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="77"/>
        <source>Someone else has it: %1</source>
        <extracomment>The keys that act on the selected question while the queue has the keyboard. Seconds the rows stay put after the pointer left the list or a question was chosen or acted on (the way from the list to the buttons and back): a click aimed at a row meets the row that was aimed at. The askers a row&apos;s tip names (a question a thousand viewers asked would fill the screen); the count says all. The panel&apos;s problem lines that take a reason (said through `_composed`).</extracomment>
        <translation>已被别人认领：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="684"/>
        <source>You have %1&apos;s question.</source>
        <translation>你已认领 %1 的问题。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="684"/>
        <source>You have the question %1 asked.</source>
        <translation>你已认领 %1 提的问题。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="693"/>
        <source>%1&apos;s question is back in the queue.</source>
        <translation>%1 的问题已放回队列。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="694"/>
        <source>The question %1 asked is back in the queue.</source>
        <translation>%1 提的问题已放回队列。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="707"/>
        <source>%1&apos;s question is answered.</source>
        <translation>%1 的问题已回答。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="707"/>
        <source>The question %1 asked is answered.</source>
        <translation>%1 提的问题已回答。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="725"/>
        <source>%1&apos;s question is dismissed.</source>
        <translation>%1 的问题已忽略。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="725"/>
        <source>The question %1 asked is dismissed.</source>
        <translation>%1 提的问题已忽略。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="751"/>
        <source>Product: %1 · keyword: %2</source>
        <translation>商品：%1 · 关键词：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="166"/>
        <location filename="../../widgets/engage_questions.py" line="762"/>
        <source>Choose a question to see its quick replies.</source>
        <extracomment>The last outcome said under the buttons (the label shows it coloured), and whether it was good news: a problem is kept as a function saying it in the language of the moment (a language switch says it anew). What the chosen question&apos;s quick reply lacked, when that is what was said last: the question&apos;s own. The question the outcome line speaks of, and how: (its id, the state the line said, the words for one viewer, for many). The line follows it (_follow_outcome): None when it speaks of none.</extracomment>
        <translation>选择一个问题，查看它的快捷回复。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="765"/>
        <source>Quick replies (product on air: %1)</source>
        <translation>快捷回复（当前商品：%1）</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="765"/>
        <location filename="../../widgets/engage_questions.py" line="770"/>
        <location filename="../../widgets/engage_questions.py" line="797"/>
        <location filename="../../widgets/engage_questions.py" line="805"/>
        <location filename="../../widgets/engage_questions.py" line="824"/>
        <location filename="../../widgets/engage_questions.py" line="855"/>
        <location filename="../../widgets/engage_questions.py" line="856"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="769"/>
        <source>No quick reply fits this question (product on air: %1).</source>
        <translation>没有适合这个问题的快捷回复（当前商品：%1）。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="801"/>
        <source>The product on air is now %1: the answer is filled in again for it.</source>
        <translation>当前商品已换成 %1：回复已按它重新填好。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="804"/>
        <source>The product on air is now %1: the quick reply filled in for %2 was taken out of the answer.</source>
        <translation>当前商品已换成 %1：按 %2 填好的快捷回复已从回复框中移除。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="814"/>
        <source>the product on air</source>
        <translation>当前商品</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="815"/>
        <source>the price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="816"/>
        <source>the SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="817"/>
        <source>the viewer&apos;s name</source>
        <translation>观众昵称</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="385"/>
        <location filename="../../widgets/engage_questions.py" line="819"/>
        <source>, </source>
        <comment>between the names of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="821"/>
        <source>Not sent: this quick reply needs %1, which is not known now (product on air: %2). Add it to the rundown, or write the answer yourself.</source>
        <translation>未发送：这条快捷回复需要%1，但目前没有（当前商品：%2）。请在直播脚本里补上，或自己写回复。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="854"/>
        <source>Not sent: this answer was filled in for %1, but %2 is on air now. Choose the reply again.</source>
        <translation>未发送：这条回复是按 %1 填的，但现在在播的是 %2。请重新选择快捷回复。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="860"/>
        <source>Not sent: the answer still has %1 in it. Write the value in, or leave it out.</source>
        <translation>未发送：回复里还有 %1。请填上具体内容，或把它删掉。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="873"/>
        <source>Copied: %1</source>
        <translation>已复制：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="884"/>
        <source>Posting…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="78"/>
        <source>Not posted: %1</source>
        <translation>未发送：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="896"/>
        <source>Posted through %1</source>
        <translation>已通过 %1 发送</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_questions.py" line="898"/>
        <source>Refused by %1</source>
        <translation>%1 拒绝发送</translation>
    </message>
</context>
<context>
    <name>QuickRepliesDialog</name>
    <message>
        <location filename="../../widgets/engage_replies.py" line="35"/>
        <source>Quick replies of this room</source>
        <translation>本直播间的快捷回复</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_replies.py" line="40"/>
        <source>A reply is offered for a question that contains its keyword (no keyword: whenever its product is on air). No product: any product. The text may use %1.</source>
        <translation>问题包含关键词时提供这条回复（没有关键词：它的商品在讲解时提供）。没有商品：适用于任何商品。文字中可以使用 %1。</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_replies.py" line="46"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_replies.py" line="46"/>
        <source>Keyword</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_replies.py" line="46"/>
        <source>Text</source>
        <translation>回复内容</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_replies.py" line="51"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_replies.py" line="52"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../widgets/engage_replies.py" line="122"/>
        <source>Not saved:</source>
        <translation>未保存：</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../console/pdf_report.py" line="34"/>
        <location filename="../../console/core/reports.py" line="51"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/pdf_report.py" line="35"/>
        <location filename="../../console/core/reports.py" line="48"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../console/pdf_report.py" line="36"/>
        <location filename="../../console/core/reports.py" line="52"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/pdf_report.py" line="37"/>
        <source>Who</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../console/pdf_report.py" line="38"/>
        <source>(optional)</source>
        <translation>（可选）</translation>
    </message>
    <message>
        <location filename="../../console/pdf_report.py" line="45"/>
        <source>Overridden: %1</source>
        <translation>已放行：%1</translation>
    </message>
    <message>
        <location filename="../../console/pdf_report.py" line="49"/>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location filename="../../console/pdf_report.py" line="57"/>
        <source>READY</source>
        <translation>可以开播</translation>
    </message>
    <message>
        <location filename="../../console/pdf_report.py" line="57"/>
        <source>NOT READY</source>
        <translation>还不能开播</translation>
    </message>
    <message>
        <location filename="../../console/pdf_report.py" line="63"/>
        <source>Went live with open items — %1: %2</source>
        <translation>在有未完成项的情况下开播 —— %1：%2</translation>
    </message>
    <message>
        <location filename="../../console/pdf_report.py" line="70"/>
        <source>Room: %1 · Operator: %2 · Started: %3</source>
        <translation>直播间：%1 · 操作人：%2 · 开始时间：%3</translation>
    </message>
    <message>
        <location filename="../../console/pdf_report.py" line="77"/>
        <source>Show %1 (began %2)</source>
        <translation>第 %1 场（%2 开始）</translation>
    </message>
    <message>
        <location filename="../../console/pdf_report.py" line="93"/>
        <source>Completed by %1 at %2; the show went live at %3</source>
        <translation>%1 于 %2 完成；本场于 %3 开播</translation>
    </message>
    <message>
        <location filename="../../console/pdf_report.py" line="99"/>
        <source>Completed by %1 at %2</source>
        <translation>%1 于 %2 完成</translation>
    </message>
    <message>
        <location filename="../../console/pdf_report.py" line="102"/>
        <source>Abandoned by %1 at %2: %3</source>
        <translation>%1 于 %2 放弃：%3</translation>
    </message>
    <message>
        <location filename="../../console/pdf_report.py" line="108"/>
        <source>Kept as it was when the stream started, at %1</source>
        <translation>保留 %1 开始推流时的结果</translation>
    </message>
    <message>
        <location filename="../../console/pdf_report.py" line="109"/>
        <source>Still open</source>
        <translation>尚未结束</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="40"/>
        <source>Checklist</source>
        <extracomment>The people&apos;s export: one header per column, in the reader&apos;s language.</extracomment>
        <translation>检查单</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="41"/>
        <source>Checklist kind</source>
        <translation>检查单类型</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="42"/>
        <source>Room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="43"/>
        <source>Show</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="44"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="45"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="46"/>
        <source>Ready</source>
        <translation>可以开播</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="47"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="49"/>
        <source>Checked by</source>
        <translation>由谁检查</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="50"/>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="53"/>
        <source>Checked at</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="54"/>
        <source>Confirmed by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="55"/>
        <source>Confirmed at</source>
        <translation>确认时间</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="56"/>
        <source>Override reason</source>
        <translation>强制通过原因</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="57"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="58"/>
        <source>Went live anyway: by</source>
        <translation>强行开播：操作人</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="59"/>
        <source>Went live anyway: reason</source>
        <translation>强行开播：原因</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="60"/>
        <source>End</source>
        <translation>结束方式</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="61"/>
        <source>Ended at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="62"/>
        <source>Ended by</source>
        <translation>结束人</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="63"/>
        <source>End reason</source>
        <translation>结束原因</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="66"/>
        <source>Pre-show</source>
        <translation>开播前</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="67"/>
        <source>Troubleshooting</source>
        <translation>故障排查</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="68"/>
        <source>Post-show</source>
        <translation>下播后</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="71"/>
        <source>the console (sensed)</source>
        <translation>中控台（自动检测）</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="72"/>
        <source>a person</source>
        <translation>人工</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="74"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="74"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="77"/>
        <source>demo room</source>
        <extracomment>Rooms the console names itself: runs of the demo room are stored under the key &quot;demo&quot; (the raw export keeps it); people read the demo room&apos;s name, as the window says it.</extracomment>
        <translation>演示直播间</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="79"/>
        <source>still open</source>
        <translation>仍在进行</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="80"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="81"/>
        <source>abandoned</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location filename="../../console/core/reports.py" line="82"/>
        <source>kept at go-live</source>
        <translation>开播时定格</translation>
    </message>
</context>
<context>
    <name>ReportCli</name>
    <message>
        <location filename="../../console/cli.py" line="1053"/>
        <source>--show cannot be combined with --last or --from/--to</source>
        <translation>--show 不能与 --last 或 --from/--to 同时使用</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1055"/>
        <source>--last cannot be combined with --from/--to</source>
        <translation>--last 不能与 --from/--to 同时使用</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1057"/>
        <source>--last needs --room NAME: the newest show of which room?</source>
        <translation>--last 需要 --room 直播间名：要哪个直播间的最新一场？</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1059"/>
        <source>a period needs both --from DATE and --to DATE</source>
        <translation>按周期统计需要同时给出 --from 日期 和 --to 日期</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1062"/>
        <source>say which report: --show ID, --last --room NAME, or --from DATE --to DATE</source>
        <translation>请指定要哪份报告：--show 场次 ID、--last --room 直播间名，或 --from 日期 --to 日期</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1065"/>
        <source>--period and --per are for a period (--from DATE --to DATE)</source>
        <translation>--period 和 --per 只用于周期报告（--from 日期 --to 日期）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1067"/>
        <source>--host is for a period (--from DATE --to DATE)</source>
        <translation>--host 只用于周期报告（--from 日期 --to 日期）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1090"/>
        <source>PDF export is not available in this installation: %1</source>
        <translation>此安装无法导出 PDF：%1</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1136"/>
        <source>the room “%1” has no stored show</source>
        <translation>直播间“%1”没有已保存的场次</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1141"/>
        <source>there is no show %1</source>
        <translation>没有场次 %1</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1152"/>
        <source>--to is before --from</source>
        <translation>--to 早于 --from</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1158"/>
        <source>no stored show started in that range (with those filters)</source>
        <translation>该时间范围内（按这些筛选条件）没有开播的已保存场次</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1189"/>
        <source>Show %1 — %2 — %3</source>
        <translation>场次 %1 — %2 — %3</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1193"/>
        <source>Hosts: %1; assistant: %2; tags: %3</source>
        <translation>主播：%1；场控：%2；标签：%3</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1197"/>
        <source>%1 – %2 (%3), on air %4, seconds with data %5</source>
        <translation>%1 – %2（%3），直播 %4，有数据的秒数 %5</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1203"/>
        <source>Viewers: peak %1, average %2; likes/min %3; interactions/min %4</source>
        <translation>在线：峰值 %1，平均 %2；每分钟点赞 %3；每分钟互动 %4</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1208"/>
        <source>Incidents: %1 (critical %2, warning %3, info %4); dropped frames render/encode/network %5 %</source>
        <translation>故障：%1（严重 %2，警告 %3，提示 %4）；丢帧 渲染/编码/网络 %5 %</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1216"/>
        <source>Verdict: %1</source>
        <translation>结论：%1</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1222"/>
        <source> (by %1: “%2”)</source>
        <translation>（%1：“%2”）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1226"/>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1227"/>
        <source>Pre-show checklist at go-live: %1</source>
        <translation>开播前检查（开播时）：%1</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1232"/>
        <source>Segments by rundown:</source>
        <translation>按直播脚本分段：</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1234"/>
        <source>Segments by scene:</source>
        <translation>按场景分段：</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1237"/>
        <source>Segments:</source>
        <translation>分段：</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1255"/>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1262"/>
        <source>%1 entry</source>
        <translation>参与 %1 人次</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1262"/>
        <source>%1 entries</source>
        <translation>参与 %1 人次</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1266"/>
        <source>%1 winner</source>
        <translation>中奖 %1 人</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1266"/>
        <source>%1 winners</source>
        <translation>中奖 %1 人</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1270"/>
        <source>Audience:</source>
        <translation>观众：</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1274"/>
        <source>No chat source read the room during this show: its comments and questions are not known.</source>
        <translation>本场直播期间没有评论来源读取直播间：评论和提问情况未知。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1287"/>
        <source>Questions: %1 (viewers who asked: %2); answered: %3, dismissed: %4, never answered: %5; median wait for an answer: %6</source>
        <translation>提问：%1 个（提问观众：%2 人）；已回答：%3，已忽略：%4，未回答：%5；回答用时中位数：%6</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1342"/>
        <location filename="../../console/cli.py" line="1395"/>
        <source>Segment</source>
        <translation>分段</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1343"/>
        <location filename="../../console/cli.py" line="1395"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1344"/>
        <location filename="../../console/cli.py" line="1395"/>
        <location filename="../../console/cli.py" line="1509"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1345"/>
        <source>Planned</source>
        <translation>计划时长</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1346"/>
        <source>vs plan</source>
        <translation>与计划相比</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1347"/>
        <location filename="../../console/cli.py" line="1397"/>
        <location filename="../../console/cli.py" line="1511"/>
        <source>Avg viewers</source>
        <translation>平均在线</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1348"/>
        <location filename="../../console/cli.py" line="1398"/>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1349"/>
        <location filename="../../console/cli.py" line="1399"/>
        <location filename="../../console/cli.py" line="1512"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1350"/>
        <location filename="../../console/cli.py" line="1400"/>
        <location filename="../../console/cli.py" line="1513"/>
        <source>Likes/min</source>
        <translation>点赞/分钟</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1351"/>
        <location filename="../../console/cli.py" line="1401"/>
        <source>Incidents</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1560"/>
        <source>Left out: %1 show of the demo room (a rehearsal on the simulator); --include-demo counts it.</source>
        <translation>未计入：演示直播间的 %1 场（模拟器上的彩排）；加 --include-demo 可计入。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1564"/>
        <source>Left out: %1 shows of the demo room (rehearsals on the simulator); --include-demo counts them.</source>
        <translation>未计入：演示直播间的 %1 场（模拟器上的彩排）；加 --include-demo 可计入。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1241"/>
        <source>Incidents and what they cost:</source>
        <translation>故障及其造成的损失：</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1161"/>
        <source>; %1 show of the demo room was left out (--include-demo reports it)</source>
        <translation>；已排除演示直播间的 %1 场（加 --include-demo 可计入）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1163"/>
        <source>; %1 shows of the demo room were left out (--include-demo reports them)</source>
        <translation>；已排除演示直播间的 %1 场（加 --include-demo 可计入）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1299"/>
        <source>Lotteries: %1 run (%2 drawn), %3, %4</source>
        <translation>抽奖：%1 次（已开奖 %2 次），%3，%4</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1504"/>
        <source>Room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1504"/>
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1506"/>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1508"/>
        <source>Shows</source>
        <translation>场次数</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1510"/>
        <source>On air</source>
        <translation>直播时长</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1546"/>
        <source>— not known. On time: shows on air within 2 min of their planned start, of those with one (a rundown with a fixed start). On air includes what the console did not see while the stream ran on, said beside it.</source>
        <translation>— 表示未知。准时开播：在计划开播时间后 2 分钟内开始直播的场次（仅计有计划时间的场次，即直播脚本设了固定开始时间）。直播时长包含中控台未运行、但推流仍在继续的时段，已在旁注明。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1514"/>
        <source>Interactions/min</source>
        <translation>互动/分钟</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1280"/>
        <source>Comments (paid messages included): %1; in the busiest minute, comments: %2, chatters: %3</source>
        <translation>评论（含付费留言）：%1；最热闹的一分钟：评论 %2，发言人数 %3</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1515"/>
        <source>On time</source>
        <translation>准时开播</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1516"/>
        <source>Incidents/h on air</source>
        <translation>每直播小时故障</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1517"/>
        <source>Dropped % r/e/n</source>
        <translation>丢帧 % 渲染/编码/网络</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1518"/>
        <source>Overridden</source>
        <translation>强制开播</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1541"/>
        <source>Report by %1, %2 to %3</source>
        <translation>按%1统计，%2 至 %3</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1623"/>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../console/core/review/compare.py" line="177"/>
        <source>Show {show} never had the scene {scene} on program.</source>
        <translation>场次 {show} 从未在节目画面中使用场景 {scene}。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/compare.py" line="186"/>
        <source>Show {show} was never on air: it cannot be aligned by going live.</source>
        <translation>场次 {show} 从未开播，无法按开播时刻对齐。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/compare.py" line="224"/>
        <source>Duration (min)</source>
        <extracomment>What the comparison table lists, in order: key -&gt; (label, how to read it from a summary).</extracomment>
        <translation>时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/compare.py" line="225"/>
        <source>On air (min)</source>
        <translation>直播时长（分钟）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/compare.py" line="226"/>
        <source>Of it not seen by the console (min)</source>
        <translation>其中未监控（分钟）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/compare.py" line="227"/>
        <source>Peak viewers</source>
        <translation>峰值在线人数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/compare.py" line="228"/>
        <source>Average viewers</source>
        <translation>平均在线人数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/compare.py" line="229"/>
        <source>Likes per minute</source>
        <translation>每分钟点赞</translation>
    </message>
    <message>
        <location filename="../../console/core/review/compare.py" line="230"/>
        <source>Interactions per minute</source>
        <translation>每分钟互动</translation>
    </message>
    <message>
        <location filename="../../console/core/review/compare.py" line="231"/>
        <source>Incidents</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../console/core/review/compare.py" line="232"/>
        <source>Critical incidents</source>
        <translation>严重故障</translation>
    </message>
    <message>
        <location filename="../../console/core/review/compare.py" line="233"/>
        <source>Frames missed in rendering (%)</source>
        <translation>渲染丢帧（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/compare.py" line="234"/>
        <source>Frames skipped in encoding (%)</source>
        <translation>编码跳帧（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/compare.py" line="235"/>
        <source>Frames dropped by the network (%)</source>
        <translation>网络丢帧（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/compare.py" line="236"/>
        <source>Viewer-minutes lost to problems</source>
        <translation>技术问题造成的观看损失（人·分钟）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/impact.py" line="216"/>
        <location filename="../../console/core/review/timeline.py" line="208"/>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../console/core/review/impact.py" line="217"/>
        <location filename="../../console/core/review/timeline.py" line="209"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../console/core/review/impact.py" line="226"/>
        <source>{title} {start}–{end}: not something viewers see; not counted</source>
        <translation>{title} {start}–{end}：观众看不到此问题，不计入</translation>
    </message>
    <message>
        <location filename="../../console/core/review/impact.py" line="228"/>
        <source>{title} {start}–{end}: the audience is not known, so neither is the impact</source>
        <translation>{title} {start}–{end}：在线人数未知，影响也无从得知</translation>
    </message>
    <message>
        <location filename="../../console/core/review/impact.py" line="230"/>
        <source>{title} {start}–{end}: not enough audience data before it to compare with ({seconds} s known)</source>
        <translation>{title} {start}–{end}：此前的在线人数数据不足，无从比较（仅 {seconds} 秒已知）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/impact.py" line="235"/>
        <source>{title} {start}–{end}: viewers held within their usual range (lowest {change:+.0f} %)</source>
        <translation>{title} {start}–{end}：在线人数保持在正常波动范围内（最低 {change:+.0f} %）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/impact.py" line="242"/>
        <source>{title} {start}–{end}: viewers {change:+.0f} % within {within}, back to baseline after {back}</source>
        <translation>{title} {start}–{end}：在线人数在 {within}内变化 {change:+.0f} %，{back}后回到基线</translation>
    </message>
    <message>
        <location filename="../../console/core/review/impact.py" line="248"/>
        <source>{title} {start}–{end}: viewers {change:+.0f} % within {within}, not back by the end of the show</source>
        <translation>{title} {start}–{end}：在线人数在 {within}内变化 {change:+.0f} %，直到直播结束仍未恢复</translation>
    </message>
    <message>
        <location filename="../../console/core/review/impact.py" line="253"/>
        <source>{title} {start}–{end}: viewers {change:+.0f} % within {within}, not back within {after} of its end</source>
        <translation>{title} {start}–{end}：在线人数在 {within}内变化 {change:+.0f} %，问题结束后 {after}内仍未恢复</translation>
    </message>
    <message>
        <location filename="../../console/core/review/impact.py" line="267"/>
        <source>No technical problem that viewers could notice in this show.</source>
        <translation>本场直播没有观众可察觉的技术问题。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/impact.py" line="271"/>
        <source>{count} technical problem, but the audience around it is not known: what it cost is unknown.</source>
        <translation>共 {count} 个技术问题，但其前后的在线人数未知：损失无从得知。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/impact.py" line="275"/>
        <source>{count} technical problems, but the audience around them is not known: what they cost is unknown.</source>
        <translation>共 {count} 个技术问题，但其前后的在线人数未知：损失无从得知。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/impact.py" line="286"/>
        <source>{count} incident</source>
        <translation>{count} 次故障</translation>
    </message>
    <message>
        <location filename="../../console/core/review/impact.py" line="287"/>
        <source>{count} incidents</source>
        <translation>{count} 次故障</translation>
    </message>
    <message>
        <location filename="../../console/core/review/impact.py" line="294"/>
        <source>Technical problems plausibly cost about {minutes} viewer-minutes ({share:.1f} % of the show&apos;s) over {incidents}; {unassessed} more could not be assessed (audience unknown or too little data before).</source>
        <translation>技术问题可能造成约 {minutes} 人·分钟的观看损失（占本场的 {share:.1f} %），涉及 {incidents}；另有 {unassessed} 次无法评估（在线人数未知或此前数据不足）。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/impact.py" line="300"/>
        <source>Technical problems plausibly cost about {minutes} viewer-minutes ({share:.1f} % of the show&apos;s) over {incidents}.</source>
        <translation>技术问题可能造成约 {minutes} 人·分钟的观看损失（占本场的 {share:.1f} %），涉及 {incidents}。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/impact.py" line="310"/>
        <source>Viewer-minutes below the audience&apos;s level before each problem, until it came back. A correlation, not proof: audiences rise and fall by themselves.</source>
        <extracomment>Said beside the figure wherever it is shown (report, dialog): what it is and is not.</extracomment>
        <translation>每次问题发生后、在线人数恢复之前，低于问题前水平的人·分钟数。这只是相关性，不是因果证明：在线人数本身也会起伏。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/load.py" line="52"/>
        <source>There is no show {show} in the database ({where}).</source>
        <translation>数据库（{where}）中没有场次 {show}。</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="749"/>
        <location filename="../../console/core/review/segments.py" line="51"/>
        <source>Scene not known</source>
        <translation>场景未知</translation>
    </message>
    <message>
        <location filename="../../console/review_controller.py" line="54"/>
        <source>The show&apos;s details were not kept: %1</source>
        <extracomment>Closing waits this long for the last metadata save.</extracomment>
        <translation>本场信息未能保存：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/review_port.py" line="102"/>
        <source>The database could not be used: %1</source>
        <extracomment>`then(result, error)`: the answer (or why it failed), on the GUI thread.</extracomment>
        <translation>无法使用数据库：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/review_port.py" line="105"/>
        <source>The file could not be used: %1</source>
        <translation>无法使用该文件：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/review_port.py" line="106"/>
        <source>Something went wrong: %1</source>
        <translation>出现意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../console/core/review/timeline.py" line="210"/>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../console/core/review/timeline.py" line="211"/>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <location filename="../../console/core/review/timeline.py" line="212"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分</translation>
    </message>
    <message>
        <location filename="../../console/core/review/timeline.py" line="224"/>
        <source>Not seen (no console recording)</source>
        <extracomment>Said of a stretch of the show the console did not see (the scene timeline, the segment table).</extracomment>
        <translation>未监控（无中控台记录）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/timeline.py" line="229"/>
        <source>not seen: {duration}</source>
        <translation>其中未监控：{duration}</translation>
    </message>
    <message>
        <location filename="../../console/core/review/timeline.py" line="238"/>
        <source>{on_air} ({not_seen})</source>
        <translation>{on_air}（{not_seen}）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/segments.py" line="58"/>
        <source>Brief switches ({count}): {scenes}</source>
        <extracomment>A scene on program for less than this is a brief switch: a streamer hammering the scene buttons, OBS switched several times in a second (a hotkey held down, a plugin). Listed one by one, such a storm filled the table by scene with rows of 0:00:00 an analyst reads as noise; consecutive brief switches are one row instead — the stretch they cover, with how many switches and to which scenes — so no second goes missing from the table.</extracomment>
        <translation>短暂切换（{count} 次）：{scenes}</translation>
    </message>
</context>
<context>
    <name>ReviewExport</name>
    <message>
        <location filename="../../console/core/review/export.py" line="87"/>
        <source>Stream bitrate (kbit/s)</source>
        <extracomment>Every channel&apos;s column header, with its unit, and the decimals it is written with.</extracomment>
        <translation>推流码率（kbit/s）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="88"/>
        <source>Congestion (0–1)</source>
        <translation>网络拥塞（0–1）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="89"/>
        <source>FPS</source>
        <translation>帧率（FPS）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="90"/>
        <source>Target FPS</source>
        <translation>目标帧率（FPS）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="91"/>
        <source>Render time (ms)</source>
        <translation>渲染耗时（ms）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="92"/>
        <source>Frame interval (ms)</source>
        <translation>帧间隔（ms）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="93"/>
        <source>Frames missed in rendering, last 10 s (%)</source>
        <translation>渲染丢帧，近 10 秒（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="94"/>
        <source>Frames skipped in encoding, last 10 s (%)</source>
        <translation>编码跳帧，近 10 秒（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="95"/>
        <source>Frames dropped by the network, last 10 s (%)</source>
        <translation>网络丢帧，近 10 秒（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="96"/>
        <source>OBS CPU (%)</source>
        <translation>OBS 的 CPU 占用（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="97"/>
        <source>OBS memory (MB)</source>
        <translation>OBS 内存（MB）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="98"/>
        <source>Free disk space (MB)</source>
        <translation>磁盘剩余空间（MB）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="99"/>
        <source>Recording bitrate (kbit/s)</source>
        <translation>录制码率（kbit/s）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="100"/>
        <source>Streaming (1 = yes)</source>
        <translation>推流中（1 = 是）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="101"/>
        <source>Recording (1 = yes)</source>
        <translation>录制中（1 = 是）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="102"/>
        <source>Reconnecting (1 = yes)</source>
        <translation>重连中（1 = 是）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="103"/>
        <source>System CPU (%)</source>
        <translation>系统 CPU（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="104"/>
        <source>Busiest CPU core (%)</source>
        <translation>最忙 CPU 核心（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="105"/>
        <source>OBS process CPU (%)</source>
        <translation>OBS 进程 CPU（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="106"/>
        <source>System memory (%)</source>
        <translation>系统内存（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="107"/>
        <source>Upload (kbit/s)</source>
        <translation>上行带宽（kbit/s）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="108"/>
        <source>Viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="109"/>
        <source>Likes (running total)</source>
        <translation>点赞（累计）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="110"/>
        <source>Interactions (running total)</source>
        <translation>互动（累计）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="111"/>
        <source>Comments per minute (last 60 s)</source>
        <translation>每分钟评论数（最近 60 秒）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="112"/>
        <source>Unique chatters per minute (last 60 s)</source>
        <translation>每分钟发言人数（最近 60 秒，去重）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="116"/>
        <source>Online viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="117"/>
        <source>Entered</source>
        <translation>进入人数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="118"/>
        <source>Left</source>
        <translation>离开人数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="119"/>
        <source>Likes</source>
        <translation>点赞</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="120"/>
        <source>Comments</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="121"/>
        <location filename="../../console/core/review/export.py" line="603"/>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="122"/>
        <location filename="../../console/core/review/export.py" line="610"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="125"/>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="126"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="127"/>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="130"/>
        <source>assessed</source>
        <translation>已评估</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="131"/>
        <source>audience not known</source>
        <translation>在线人数未知</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="132"/>
        <source>too little data before it</source>
        <translation>事前数据不足</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="133"/>
        <source>not seen by viewers</source>
        <translation>观众看不到</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="136"/>
        <source>per 1,000 entries</source>
        <translation>每千次进入</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="137"/>
        <source>per 1,000 average viewers</source>
        <translation>每千名平均在线观众</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="140"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="141"/>
        <source>Per second</source>
        <translation>逐秒数据</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="142"/>
        <source>Segments</source>
        <translation>分段</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="143"/>
        <source>Segments by scene</source>
        <translation>按场景分段</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="144"/>
        <location filename="../../console/core/review/export.py" line="457"/>
        <location filename="../../console/core/review/export.py" line="595"/>
        <location filename="../../console/core/review/export.py" line="968"/>
        <location filename="../../console/core/review/export.py" line="1067"/>
        <source>Incidents</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="145"/>
        <source>Markers</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="146"/>
        <source>Platform per minute</source>
        <translation>平台分钟数据</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="147"/>
        <source>Questions</source>
        <translation>观众提问</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="148"/>
        <source>Lotteries</source>
        <translation>抽奖</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="149"/>
        <source>Periods</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="150"/>
        <location filename="../../console/core/review/export.py" line="958"/>
        <source>Shows</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="153"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="154"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="155"/>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="156"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="157"/>
        <source>Minute</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="158"/>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="159"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="160"/>
        <source>not back</source>
        <translation>未恢复</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="161"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="163"/>
        <source>no chat source read the room during this show: its comments and questions are not known</source>
        <translation>本场直播期间没有评论来源读取直播间：评论和提问情况未知</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="166"/>
        <source>An empty cell is a figure that is not known (never 0); a row with only its time is a second not stored.</source>
        <translation>空单元格表示数值未知（绝不是 0）；只有时间的一行表示那一秒没有记录。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="171"/>
        <source>An empty cell is a figure that is not known (never 0). On-time starts count only shows with a planned start (a rundown with a fixed start). A show counts in the period in which it started, in local time. Durations are h:mm:ss; on air includes a stretch the console did not see while the stream ran on, said in its own column.</source>
        <translation>空单元格表示数值未知（绝不是 0）。准时开播只统计有计划开播时间的场次（直播脚本设了固定开始时间）。每场计入其开播所在的周期，按本地时间。时长均为 时:分:秒；直播时长包含中控台未运行、但推流仍在继续的时段，另列一栏说明。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="179"/>
        <source>Not counted: %1 show of the demo room (a rehearsal on the simulator).</source>
        <extracomment>The demo room&apos;s shows a period report left out, one and several.</extracomment>
        <translation>未计入：演示直播间的 %1 场（模拟器上的彩排）。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="182"/>
        <source>Not counted: %1 shows of the demo room (rehearsals on the simulator).</source>
        <translation>未计入：演示直播间的 %1 场（模拟器上的彩排）。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="214"/>
        <source>{path} could not be written: the folder {folder} does not exist.</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="220"/>
        <source>{path} could not be written: it is a folder.</source>
        <translation>无法写入 {path}：这是一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="235"/>
        <source>{path} could not be written: {reason}. Nothing was written there (an earlier file is kept).</source>
        <translation>无法写入 {path}：{reason}。那里没有写入任何内容（原有文件保持不变）。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="385"/>
        <source>Show {show} has {rows} seconds: more rows than a spreadsheet holds.</source>
        <translation>场次 {show} 共有 {rows} 秒：超出电子表格能容纳的行数。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="426"/>
        <location filename="../../console/core/review/export.py" line="1056"/>
        <source>Show</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="428"/>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="430"/>
        <source>Show state then</source>
        <translation>当时场次状态</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="433"/>
        <source>still open: its seconds and incidents may still grow</source>
        <translation>尚未结束：数据和故障仍可能增加</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="435"/>
        <source>ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="438"/>
        <location filename="../../console/core/review/export.py" line="1057"/>
        <source>Room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="439"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="440"/>
        <location filename="../../console/core/review/export.py" line="1058"/>
        <source>Hosts</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="441"/>
        <source>Assistant</source>
        <translation>场控</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="442"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="443"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="444"/>
        <location filename="../../console/core/review/export.py" line="583"/>
        <location filename="../../console/core/review/export.py" line="695"/>
        <location filename="../../console/core/review/export.py" line="1059"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="445"/>
        <location filename="../../console/core/review/export.py" line="584"/>
        <location filename="../../console/core/review/export.py" line="696"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="446"/>
        <location filename="../../console/core/review/export.py" line="585"/>
        <location filename="../../console/core/review/export.py" line="697"/>
        <location filename="../../console/core/review/export.py" line="959"/>
        <location filename="../../console/core/review/export.py" line="1060"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="447"/>
        <location filename="../../console/core/review/export.py" line="960"/>
        <location filename="../../console/core/review/export.py" line="1061"/>
        <source>On air</source>
        <translation>直播时长</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="449"/>
        <location filename="../../console/core/review/export.py" line="978"/>
        <location filename="../../console/core/review/export.py" line="1062"/>
        <source>Of it not seen by the console</source>
        <translation>其中未监控</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="451"/>
        <source>Seconds with data</source>
        <translation>有数据的秒数占比</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="452"/>
        <location filename="../../console/core/review/export.py" line="588"/>
        <location filename="../../console/core/review/export.py" line="963"/>
        <location filename="../../console/core/review/export.py" line="1064"/>
        <source>Peak viewers</source>
        <translation>峰值在线</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="453"/>
        <location filename="../../console/core/review/export.py" line="587"/>
        <location filename="../../console/core/review/export.py" line="961"/>
        <location filename="../../console/core/review/export.py" line="1063"/>
        <source>Average viewers</source>
        <translation>平均在线</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="454"/>
        <location filename="../../console/core/review/export.py" line="593"/>
        <location filename="../../console/core/review/export.py" line="964"/>
        <location filename="../../console/core/review/export.py" line="1065"/>
        <source>Likes per minute</source>
        <translation>每分钟点赞</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="455"/>
        <location filename="../../console/core/review/export.py" line="594"/>
        <location filename="../../console/core/review/export.py" line="965"/>
        <location filename="../../console/core/review/export.py" line="1066"/>
        <source>Interactions per minute</source>
        <translation>每分钟互动</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="458"/>
        <location filename="../../console/core/review/export.py" line="969"/>
        <source>Critical incidents</source>
        <translation>严重故障</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="459"/>
        <source>Warning incidents</source>
        <translation>警告级故障</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="460"/>
        <source>Info incidents</source>
        <translation>提示级故障</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="462"/>
        <location filename="../../console/core/review/export.py" line="972"/>
        <source>Frames missed in rendering (%)</source>
        <translation>渲染丢帧（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="463"/>
        <location filename="../../console/core/review/export.py" line="973"/>
        <source>Frames skipped in encoding (%)</source>
        <translation>编码跳帧（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="464"/>
        <location filename="../../console/core/review/export.py" line="974"/>
        <source>Frames dropped by the network (%)</source>
        <translation>网络丢帧（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="469"/>
        <source>Dropped frames taken over</source>
        <translation>丢帧统计范围</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="472"/>
        <source>the time on air (frames lost / frames rendered, as OBS&apos;s log counts)</source>
        <translation>直播时段（丢失帧数 / 渲染帧数，与 OBS 日志的算法一致）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="474"/>
        <source>the whole show (it never went on air)</source>
        <translation>整场（本场从未开播）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="477"/>
        <source>Viewer-minutes lost to problems</source>
        <translation>技术问题造成的观看损失（人·分钟）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="480"/>
        <source>Share of the show&apos;s viewer-minutes</source>
        <translation>占本场观看人·分钟的比例</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="484"/>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="485"/>
        <source>What the figure means</source>
        <translation>该数值的含义</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="487"/>
        <location filename="../../console/core/review/export.py" line="1069"/>
        <source>Pre-show checklist at go-live</source>
        <translation>开播前检查（开播时）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="491"/>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="493"/>
        <source>Checklist operator</source>
        <translation>检查人</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="495"/>
        <source>Checklist completed by</source>
        <translation>检查完成人</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="496"/>
        <source>Checklist completed</source>
        <translation>检查完成时间</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="497"/>
        <source>Went live</source>
        <translation>开播时间</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="499"/>
        <source>Went live anyway: by</source>
        <translation>强制开播：操作人</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="500"/>
        <source>Went live anyway: reason</source>
        <translation>强制开播：原因</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="505"/>
        <source>Platform data</source>
        <translation>平台数据</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="506"/>
        <source>Platform data imported</source>
        <translation>平台数据导入时间</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="507"/>
        <source>Platform data imported by</source>
        <translation>平台数据导入人</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="508"/>
        <source>Written</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="582"/>
        <source>Segment</source>
        <translation>分段</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="586"/>
        <source>Seconds with a known audience</source>
        <translation>在线人数已知的秒数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="589"/>
        <source>Viewers at start</source>
        <translation>开始时在线</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="590"/>
        <source>Viewers at end</source>
        <translation>结束时在线</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="591"/>
        <source>Viewer change</source>
        <translation>在线变化</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="592"/>
        <source>Viewer change (%)</source>
        <translation>在线变化（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="596"/>
        <source>Which incidents</source>
        <translation>哪些故障</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="604"/>
        <source>GPM</source>
        <translation>千次观看成交额</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="605"/>
        <source>GPM basis</source>
        <translation>千次观看成交额的基数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="615"/>
        <source>Planned length</source>
        <translation>计划时长</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="616"/>
        <source>Over (+) / under (−) plan</source>
        <translation>比计划超出 (+) / 不足 (−)</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="617"/>
        <source>Over (+) / under (−) plan (s)</source>
        <translation>比计划超出 (+) / 不足 (−)（秒）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="618"/>
        <source>Length changed on air</source>
        <translation>直播中改时长</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="692"/>
        <source>Incident</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="693"/>
        <source>Where</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="694"/>
        <source>Worst severity</source>
        <translation>最严重程度</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="698"/>
        <source>Impact</source>
        <translation>影响评估</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="699"/>
        <source>Baseline viewers</source>
        <translation>基线在线人数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="700"/>
        <source>Lowest while it lasted (%)</source>
        <translation>期间最低（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="701"/>
        <source>Average after it (%)</source>
        <translation>之后平均（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="702"/>
        <source>Lowest viewers</source>
        <translation>最低在线</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="703"/>
        <source>Lowest viewers (%)</source>
        <translation>最低在线（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="704"/>
        <source>Lowest after</source>
        <translation>到达最低用时</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="705"/>
        <source>Back to baseline after</source>
        <translation>恢复到基线用时</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="706"/>
        <source>Viewer-minutes lost</source>
        <translation>损失的人·分钟</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="707"/>
        <source>What it cost</source>
        <translation>造成的损失</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="708"/>
        <source>What was found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="777"/>
        <source>Chat</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="781"/>
        <source>Comments (paid messages included)</source>
        <translation>评论条数（含付费留言）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="782"/>
        <source>Peak comments per minute</source>
        <translation>每分钟评论数峰值</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="783"/>
        <source>Peak chatters per minute</source>
        <translation>每分钟发言人数峰值</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="785"/>
        <source>Questions (one asked by many viewers counts once)</source>
        <translation>提问数（多位观众问的同一问题计一次）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="789"/>
        <source>Viewers who asked them</source>
        <translation>提问观众人数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="790"/>
        <source>Questions answered</source>
        <translation>已回答的问题</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="791"/>
        <source>Questions dismissed</source>
        <translation>已忽略的问题</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="792"/>
        <source>Questions never answered (open or claimed)</source>
        <translation>始终未回答的问题（待处理或已认领）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="794"/>
        <source>Median time to an answer</source>
        <translation>回答用时中位数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="795"/>
        <source>Lotteries run</source>
        <translation>抽奖次数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="796"/>
        <source>Lotteries drawn</source>
        <translation>已开奖的抽奖</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="797"/>
        <source>Lottery entries (all lotteries)</source>
        <translation>抽奖报名人次（所有抽奖）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="798"/>
        <source>Lottery winners (all lotteries)</source>
        <translation>中奖人数（所有抽奖）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="802"/>
        <source>Asked</source>
        <translation>提问时间</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="803"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="804"/>
        <source>Viewer</source>
        <translation>观众</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="805"/>
        <source>Viewer&apos;s id</source>
        <translation>观众 ID</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="806"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="807"/>
        <source>Found</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="808"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="809"/>
        <source>Claimed by</source>
        <translation>认领人</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="810"/>
        <source>Claimed</source>
        <translation>认领时间</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="811"/>
        <source>Answered by</source>
        <translation>回答人</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="812"/>
        <source>Answered</source>
        <translation>回答时间</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="813"/>
        <source>Time to answer</source>
        <translation>回答用时</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="814"/>
        <source>Reply given</source>
        <translation>回复内容</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="815"/>
        <source>Dismissed by</source>
        <translation>忽略人</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="816"/>
        <source>Dismissed</source>
        <translation>忽略时间</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="817"/>
        <source>Group</source>
        <translation>问题组</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="820"/>
        <source>found by the console</source>
        <translation>中控台识别</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="821"/>
        <source>marked by hand</source>
        <translation>手动标记</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="868"/>
        <source>Entries opened</source>
        <translation>开始报名</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="869"/>
        <source>Drawn</source>
        <translation>开奖时间</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="870"/>
        <source>Keyword</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="871"/>
        <source>What became of it</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="872"/>
        <source>Entries</source>
        <translation>报名人数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="873"/>
        <source>Winners wanted</source>
        <translation>中奖名额</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="874"/>
        <source>Winners</source>
        <translation>中奖人数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="875"/>
        <source>Who won (in the order drawn)</source>
        <translation>中奖者（按抽出顺序）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="876"/>
        <source>Opened by</source>
        <translation>开启人</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="954"/>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="955"/>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="956"/>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="957"/>
        <source>Room or host</source>
        <translation>直播间或主播</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="962"/>
        <source>Change against the period before (%)</source>
        <translation>较上一周期变化（%）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="966"/>
        <source>On-time starts</source>
        <translation>准时开播场次</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="967"/>
        <source>Shows with a planned start</source>
        <translation>有计划开播时间的场次</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="970"/>
        <location filename="../../console/core/review/export.py" line="1068"/>
        <source>Incidents on air</source>
        <translation>直播中的故障</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="971"/>
        <source>Incidents per hour on air</source>
        <translation>每直播小时故障数</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="975"/>
        <source>Checklist overridden</source>
        <translation>强制开播场次</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="976"/>
        <source>Checklist ready</source>
        <translation>检查通过场次</translation>
    </message>
    <message>
        <location filename="../../console/core/review/export.py" line="977"/>
        <source>No checklist</source>
        <translation>无检查场次</translation>
    </message>
</context>
<context>
    <name>ReviewPdf</name>
    <message>
        <location filename="../../console/review_pdf.py" line="74"/>
        <source>en</source>
        <translation>zh_CN</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="164"/>
        <source>The PDF could not be written to {path}: {reason}.</source>
        <translation>无法将 PDF 写入 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="185"/>
        <source>the file cannot be opened for writing</source>
        <translation>无法打开该文件进行写入</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="191"/>
        <source>the file could not be completed (is the disk full?)</source>
        <translation>文件未能写完（磁盘是否已满？）</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="239"/>
        <source>Show %1</source>
        <translation>场次 %1</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="414"/>
        <source>%1 · %2 – %3</source>
        <translation>%1 · %2 – %3</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="430"/>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="433"/>
        <location filename="../../console/review_pdf.py" line="1062"/>
        <location filename="../../console/review_pdf.py" line="1102"/>
        <source>Room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="434"/>
        <location filename="../../console/review_pdf.py" line="1100"/>
        <source>Show</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="423"/>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="426"/>
        <source>, show still open</source>
        <translation>，场次尚未结束</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="435"/>
        <location filename="../../console/review_pdf.py" line="1101"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="437"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="439"/>
        <source> (may still be running)</source>
        <translation>（可能仍在进行）</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="441"/>
        <location filename="../../console/review_pdf.py" line="862"/>
        <location filename="../../console/review_pdf.py" line="1104"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="443"/>
        <source>On air</source>
        <translation>直播时长</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="447"/>
        <location filename="../../console/review_pdf.py" line="1103"/>
        <source>Hosts</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="450"/>
        <source>Assistant</source>
        <translation>场控</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="451"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="452"/>
        <source>Data kept</source>
        <translation>数据完整度</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="453"/>
        <location filename="../../console/review_pdf.py" line="1106"/>
        <source>Peak viewers</source>
        <translation>峰值在线人数</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="454"/>
        <location filename="../../console/review_pdf.py" line="1105"/>
        <source>Average viewers</source>
        <translation>平均在线人数</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="455"/>
        <source>Likes per minute</source>
        <translation>每分钟点赞</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="456"/>
        <source>Interactions per minute</source>
        <translation>每分钟互动</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="457"/>
        <location filename="../../console/review_pdf.py" line="803"/>
        <location filename="../../console/review_pdf.py" line="868"/>
        <source>Incidents</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="470"/>
        <source>What the technical problems cost</source>
        <translation>技术问题造成的损失</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="474"/>
        <source>What this figure means: </source>
        <translation>这个数字的含义：</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="477"/>
        <source>It rests on the seconds whose viewer count is known; an incident without a known audience is unknown, never 0. Use it to compare shows and find the problems worth fixing, not to bill anyone.</source>
        <translation>它只依据在线人数已知的秒数；观众人数未知的故障，其影响记为未知，绝不记为 0。请用它来比较各场直播、找出值得解决的问题，而不要据此向任何人追责。</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="485"/>
        <source>Checklist at go-live</source>
        <translation>开播前检查（开播时）</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="488"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="493"/>
        <source>The stored summary could not be read: %1</source>
        <translation>无法读取已保存的概要：%1</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="506"/>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="514"/>
        <source>Audience: comments, questions, lotteries</source>
        <translation>观众互动：评论、提问、抽奖</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="517"/>
        <source>No chat source read the room during this show: its comments and questions are not known.</source>
        <translation>本场直播期间没有评论来源读取直播间：评论和提问情况未知。</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="528"/>
        <source> (dismissed %1, never answered %2)</source>
        <translation>（已忽略 %1，始终未回答 %2）</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="534"/>
        <source> (viewers who asked: %1)</source>
        <translation>（提问观众：%1 人）</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="538"/>
        <source> (%1 drawn)</source>
        <translation>（已开奖 %1）</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="540"/>
        <source>Comments (paid messages included)</source>
        <translation>评论条数（含付费留言）</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="542"/>
        <source>Peak per minute</source>
        <translation>每分钟峰值</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="561"/>
        <source>Questions asked</source>
        <translation>观众提问</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="562"/>
        <source>Questions answered</source>
        <translation>已回答的问题</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="563"/>
        <source>Median time to an answer</source>
        <translation>回答用时中位数</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="564"/>
        <source>Lotteries</source>
        <translation>抽奖次数</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="565"/>
        <source>Lottery entries</source>
        <translation>抽奖报名人次</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="566"/>
        <source>Lottery winners</source>
        <translation>中奖人数</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="574"/>
        <source>Drawn</source>
        <translation>开奖时间</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="575"/>
        <source>Keyword</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="576"/>
        <source>Entries</source>
        <translation>报名人数</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="577"/>
        <source>Winners</source>
        <translation>中奖人数</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="578"/>
        <source>Who won</source>
        <translation>中奖者</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="595"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="613"/>
        <source>Platform data</source>
        <translation>平台数据</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="614"/>
        <location filename="../../console/review_pdf.py" line="872"/>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="614"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="626"/>
        <source> (%1 minute not known)</source>
        <translation>（其中 %1 分钟未知）</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="628"/>
        <source> (%1 minutes not known)</source>
        <translation>（其中 %1 分钟未知）</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="639"/>
        <source>No pre-show checklist was kept at go-live (%1).</source>
        <translation>开播时没有保存开播前检查（%1）。</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="643"/>
        <source>%1 — %2, operator %3, %4.</source>
        <translation>%1 —— %2，检查人 %3，%4。</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="650"/>
        <source>%1 — %2, operator %3, went live %4.</source>
        <translation>%1 —— %2，检查人 %3，%4 开播。</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="658"/>
        <source>Went live with open items — %1: %2</source>
        <translation>在有未完成项的情况下开播 —— %1：%2</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="666"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="677"/>
        <source>Not known for this show</source>
        <translation>本场没有这项数据</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="691"/>
        <source>Comments and chatters per minute (last 60 s)</source>
        <translation>每分钟评论数与发言人数（最近 60 秒）</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="696"/>
        <source>Bitrate (kbps)</source>
        <translation>码率（kbps）</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="710"/>
        <source>Dropped frames by cause (% of frames, last 10 s)</source>
        <translation>按原因的丢帧（占最近 10 秒帧数的 %）</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="723"/>
        <source>CPU (%)</source>
        <translation>CPU（%）</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="728"/>
        <source>Scene timeline</source>
        <translation>场景时间线</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="730"/>
        <source>No scene is known for this show.</source>
        <translation>本场没有已知的场景。</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="794"/>
        <source>Segments by rundown</source>
        <translation>按直播脚本分段</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="798"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="799"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="800"/>
        <source>Over / under</source>
        <translation>超出 / 不足</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="848"/>
        <source>Lengths changed on air: %1</source>
        <translation>直播中改过的时长：%1</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="854"/>
        <source>Segments</source>
        <translation>分段</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="854"/>
        <source>Segments by scene</source>
        <translation>按场景分段</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="856"/>
        <source>No segment: nothing was stored for this show.</source>
        <translation>没有分段：本场没有保存任何数据。</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="922"/>
        <source>When, and what was seen</source>
        <translation>时间与发现的问题</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="796"/>
        <location filename="../../console/review_pdf.py" line="860"/>
        <source>Segment</source>
        <translation>分段</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="460"/>
        <source>Dropped frames on air</source>
        <translation>直播时段丢帧</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="462"/>
        <source>Dropped frames (whole show)</source>
        <translation>丢帧（整场）</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="543"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="548"/>
        <source>%1 comment</source>
        <translation>评论 %1 条</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="549"/>
        <source>%1 comments</source>
        <translation>评论 %1 条</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="556"/>
        <source>%1 chatter</source>
        <translation>发言 %1 人</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="557"/>
        <source>%1 chatters</source>
        <translation>发言 %1 人</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="668"/>
        <source>Local time. Shaded: incidents (yellow a warning, red critical, grey information); hatched: %1; a line breaks where a figure was not known.</source>
        <translation>时间为本地时间。色块：故障（黄色为警告，红色为严重，灰色为提示）；斜线：%1；数值未知处曲线断开。</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="797"/>
        <location filename="../../console/review_pdf.py" line="861"/>
        <source>From – to</source>
        <translation>起止</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="801"/>
        <location filename="../../console/review_pdf.py" line="863"/>
        <source>Avg viewers</source>
        <translation>平均在线</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="802"/>
        <location filename="../../console/review_pdf.py" line="864"/>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="865"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="866"/>
        <source>Likes/min</source>
        <translation>点赞/分钟</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="867"/>
        <source>Interactions/min</source>
        <translation>互动/分钟</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="872"/>
        <source>GPM</source>
        <translation>千次观看成交额</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="878"/>
        <source>GPM: GMV per 1,000 average viewers (no entries were imported).</source>
        <translation>千次观看成交额：按每 1,000 平均在线人数计算的成交金额（未导入进入人数）。</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="905"/>
        <source>Incidents and their impact</source>
        <translation>故障及其影响</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="907"/>
        <source>No incident was found in this show.</source>
        <translation>本场没有发现故障。</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="921"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="923"/>
        <source>Audience impact</source>
        <translation>对观众的影响</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="934"/>
        <source>Checklist items at go-live</source>
        <translation>开播前检查各项（开播时）</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="939"/>
        <source>Overridden: %1</source>
        <translation>已放行：%1</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="941"/>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="951"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="952"/>
        <source>Item</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="953"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="954"/>
        <source>Who</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="980"/>
        <source>Show %1 · %2</source>
        <translation>场次 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="1000"/>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="1046"/>
        <source>Period report</source>
        <extracomment>The period table&apos;s columns (indices into the XLSX&apos;s PERIOD_HEADER): what fits an A4 landscape page and what a periodic report reads first; the XLSX and CSV keep every column.</extracomment>
        <translation>周期报告</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="1055"/>
        <source>%1 to %2, one row a %3 per %4</source>
        <translation>%1 至 %2，每%4每%3一行</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="1059"/>
        <source>room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="1059"/>
        <source>host</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="1064"/>
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="1079"/>
        <source>On air includes %1 the console did not see (it was not running).</source>
        <translation>直播时长中含 %1 中控台未监控（当时未运行）。</translation>
    </message>
    <message>
        <location filename="../../console/review_pdf.py" line="1085"/>
        <source>Shows counted</source>
        <translation>计入的直播场次</translation>
    </message>
</context>
<context>
    <name>ReviewReport</name>
    <message>
        <location filename="../../console/core/review/periods.py" line="73"/>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../console/core/review/periods.py" line="74"/>
        <source>week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../console/core/review/periods.py" line="75"/>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../console/core/review/periods.py" line="78"/>
        <source>(no host named)</source>
        <extracomment>A show with no host named is reported under this name in a report per host.</extracomment>
        <translation>（未填写主播）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/periods.py" line="522"/>
        <source>No stored show started in that range (with those filters).</source>
        <translation>该时间范围内（按这些筛选条件）没有已保存的直播场次开始。</translation>
    </message>
</context>
<context>
    <name>Rooms</name>
    <message>
        <location filename="../../console/core/rooms.py" line="115"/>
        <location filename="../../console/core/rooms.py" line="184"/>
        <source>The room needs a name.</source>
        <translation>直播间需要一个名称。</translation>
    </message>
    <message>
        <location filename="../../console/core/rooms.py" line="117"/>
        <location filename="../../console/core/rooms.py" line="186"/>
        <source>The OBS computer&apos;s address is empty or has spaces.</source>
        <translation>OBS 电脑的地址为空或包含空格。</translation>
    </message>
    <message>
        <location filename="../../console/core/rooms.py" line="121"/>
        <location filename="../../console/core/rooms.py" line="189"/>
        <source>The port must be a number from 1 to 65535 (OBS&apos;s default is 4455).</source>
        <translation>端口必须是 1 到 65535 之间的数字（OBS 默认为 4455）。</translation>
    </message>
    <message>
        <location filename="../../console/core/rooms.py" line="132"/>
        <source>Its audience source setting is not valid ({error}).</source>
        <translation>它的观众数据来源设置无效（{error}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/rooms.py" line="136"/>
        <source>&apos;mics&apos; must be a list of input names.</source>
        <translation>“mics”必须是输入源名称的列表。</translation>
    </message>
    <message>
        <location filename="../../console/core/rooms.py" line="156"/>
        <source>Its comment sources are not valid ({error}).</source>
        <translation>它的评论来源设置无效（{error}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/rooms.py" line="169"/>
        <source>&apos;checklist_names&apos; must map each checklist role to an OBS name (text of at most {limit} characters).</source>
        <translation>“checklist_names”必须把每个检查单角色对应到一个 OBS 名称（不超过 {limit} 个字符的文字）。</translation>
    </message>
    <message>
        <location filename="../../console/core/rooms.py" line="252"/>
        <source>the file is larger than {mb} MB</source>
        <translation>文件大于 {mb} MB</translation>
    </message>
    <message>
        <location filename="../../console/core/rooms.py" line="258"/>
        <source>it holds no list of rooms</source>
        <translation>其中没有直播间列表</translation>
    </message>
    <message>
        <location filename="../../console/core/rooms.py" line="261"/>
        <source>nested too deep to be a list of rooms</source>
        <translation>嵌套过深，不可能是直播间列表</translation>
    </message>
    <message>
        <location filename="../../console/core/rooms.py" line="278"/>
        <source>Room {number} (“{name}”) in {file} was left out: {problem} The file as it was is kept as {path}.</source>
        <translation>{file} 中的第 {number} 个直播间（“{name}”）未载入：{problem}原文件保留为 {path}。</translation>
    </message>
    <message>
        <location filename="../../console/core/rooms.py" line="299"/>
        <source>The saved rooms could not be read ({error}); the file is kept as {path}.</source>
        <translation>无法读取已保存的直播间（{error}）；原文件已保留为 {path}。</translation>
    </message>
    <message>
        <location filename="../../console/core/rooms.py" line="324"/>
        <source>The rooms could not be saved to {path}: {error}</source>
        <translation>无法把直播间保存到 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/rooms.py" line="429"/>
        <source>There is no system keyring to keep the password in, so it is used for this session only and will be asked for again next time.</source>
        <translation>系统没有可用的密钥环来保存密码，所以密码只在本次运行中使用，下次会再次询问。</translation>
    </message>
    <message>
        <location filename="../../console/core/rooms.py" line="203"/>
        <location filename="../../console/core/rooms.py" line="342"/>
        <source>A room called “{name}” exists already.</source>
        <translation>已经有名为“{name}”的直播间。</translation>
    </message>
    <message>
        <location filename="../../console/core/rooms.py" line="112"/>
        <source>It is not a room (a name, an address and a port).</source>
        <extracomment>Where the room&apos;s audience figures come from (its token or key is in the keyring). The OBS inputs that are this room&apos;s microphones (the audio health rules); empty: audio-capture inputs whose name contains mic or 麦. The room&apos;s comment sources (issue 20; their secrets are in the keyring, user &quot;chat:&lt;name&gt;&quot;). What this room&apos;s OBS calls each room role the checklists name (checklists/roles.py): (role, OBS name) pairs in the roles&apos; order. A role left out is not named yet: its items say so, and the Checklist dock&apos;s Choose… names it from OBS&apos;s own scenes and inputs.</extracomment>
        <translation>这不是一个直播间（应有名称、地址和端口）。</translation>
    </message>
</context>
<context>
    <name>RoomsDialog</name>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="49"/>
        <source>Rooms</source>
        <extracomment>A checklist name longer than this is shortened in the dialog (whole in the tooltip): an OBS name may be 256 long.</extracomment>
        <translation>直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="59"/>
        <source>unchanged</source>
        <translation>不修改</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="61"/>
        <location filename="../../widgets/rooms_dialog.py" line="173"/>
        <source>detect: audio inputs named mic or 麦</source>
        <translation>自动识别：名称含 “mic” 或“麦”的音频输入</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="63"/>
        <source>The OBS inputs that are this room&apos;s microphones, separated by commas (the audio health rules)</source>
        <translation>本直播间作为麦克风的 OBS 输入，用逗号分隔（用于音频健康规则）</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="71"/>
        <source>Chosen from OBS&apos;s own list in the Checklist dock (Choose…); kept when the room is edited here</source>
        <extracomment>What the room&apos;s OBS calls the checklists&apos; roles: shown here, chosen in the Checklist dock (Choose…).</extracomment>
        <translation>在检查单面板中从 OBS 自己的列表选择（选择…）；在这里编辑直播间时会保留</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="78"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="79"/>
        <source>OBS computer</source>
        <translation>OBS 电脑</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="80"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="81"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="82"/>
        <source>Microphones</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="83"/>
        <source>Checklist names</source>
        <translation>检查单名称</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="84"/>
        <source>New room</source>
        <translation>新建直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="85"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="86"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="87"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="97"/>
        <source>The password is kept in the system keyring, never in a file.</source>
        <translation>密码保存在系统密钥环中，绝不写入文件。</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="100"/>
        <source>This system has no keyring: a password works for this session only (never written to a file) and is entered again after a restart.</source>
        <translation>本系统没有密钥环：密码只在本次运行中使用（绝不写入文件），重启后需要重新输入。</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="171"/>
        <source>the checklists&apos; microphone: %1</source>
        <translation>检查单中选定的麦克风：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="179"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/rooms_dialog.py" line="186"/>
        <source>None chosen yet (Checklist dock: Choose…)</source>
        <translation>尚未指定（在检查单面板点“选择…”）</translation>
    </message>
</context>
<context>
    <name>RunError</name>
    <message>
        <location filename="../../checklists/engine.py" line="205"/>
        <source>no item “{item}” in {checklist}</source>
        <extracomment>The room (and the show, when one was on) the run was started in; it senses only that room&apos;s OBS. Items whose new result is awaited; they keep their last result (and so the gate&apos;s answer) meanwhile. Who went live although the list was not ready, and why: (person, reason, when).</extracomment>
        <translation>{checklist} 里没有“{item}”这一项</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="86"/>
        <source>this run was completed; start a new one</source>
        <extracomment>Why an ended run refuses a change, by how it ended.</extracomment>
        <translation>这份检查单已经完成；请开始新的一次</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="87"/>
        <source>this run was abandoned; start a new one</source>
        <translation>这份检查单已经放弃；请开始新的一次</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="88"/>
        <source>this run was kept as it was at go-live; start a new one</source>
        <translation>这份检查单已按开播时的状态保存；请开始新的一次</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="297"/>
        <source>a confirmation needs the name of the person</source>
        <translation>确认需要填写确认人的名字</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="301"/>
        <source>“{item}” has not passed; it can be overridden with a reason instead</source>
        <translation>“{item}”没有通过；可以写明原因后放行</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="313"/>
        <source>an override needs the person&apos;s name and a reason</source>
        <translation>放行需要填写名字和原因</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="317"/>
        <source>“{item}” has passed; there is nothing to override</source>
        <translation>“{item}”已经通过，无需放行</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="333"/>
        <source>going live with open items needs the person&apos;s name and a reason</source>
        <translation>在有未完成项时开播，需要填写名字和原因</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="348"/>
        <source>completing a run needs the name of the person</source>
        <translation>完成检查需要填写完成人的名字</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="352"/>
        <source>{count} required item is still open: confirm or override it, or abandon the run with a reason</source>
        <translation>还有 {count} 个必选项未完成：请确认或放行，或写明原因放弃本次检查</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="357"/>
        <source>{count} required items are still open: confirm or override them, or abandon the run with a reason</source>
        <translation>还有 {count} 个必选项未完成：请确认或放行，或写明原因放弃本次检查</translation>
    </message>
    <message>
        <location filename="../../checklists/engine.py" line="369"/>
        <source>abandoning a run needs the person&apos;s name and a reason</source>
        <translation>放弃检查需要填写名字和原因</translation>
    </message>
</context>
<context>
    <name>Rundown</name>
    <message>
        <location filename="../../console/rundown_controller.py" line="78"/>
        <source>Go: “{title}” ({who})</source>
        <extracomment>The host&apos;s message line is a line on a TV. The event log&apos;s line for each boundary.</extracomment>
        <translation>开始：“{title}”（{who}）</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="79"/>
        <source>Go: “{title}”, inserted on the fly ({who})</source>
        <translation>开始：“{title}”，临时插入（{who}）</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="80"/>
        <source>Skipped: “{title}” ({who})</source>
        <translation>跳过：“{title}”（{who}）</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="81"/>
        <source>Repeated: “{title}” ({who})</source>
        <translation>重来：“{title}”（{who}）</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="82"/>
        <source>The rundown ended ({who})</source>
        <translation>直播脚本已结束（{who}）</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="83"/>
        <source>“{title}” on air is now planned for {length} instead of {before} ({who})</source>
        <translation>直播中的“{title}”计划时长由 {before} 改为 {length}（{who}）</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="86"/>
        <source>The rundown was taken up again after its end — Go: “{title}” ({who})</source>
        <extracomment>A take after End: the rundown taken up again (an End pressed by mistake, or the show went on after it).</extracomment>
        <translation>直播脚本结束后已重新接续——执行：“{title}”（{who}）</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="88"/>
        <source>“{title}” is still armed for Go, as it was before the console restarted.</source>
        <extracomment>The arm kept across a restart (settings rundown/armed): taken up again, or said to be lost and why.</extracomment>
        <translation>“{title}”仍处于预备状态，与中控台重启前一致，按“执行”即进入。</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="89"/>
        <source>“{title}” was armed before the console restarted and is no longer armed: {why}. Arm it again if Go should take it.</source>
        <translation>中控台重启前已预备“{title}”，现已取消预备：{why}。如需按“执行”进入该环节，请重新预备。</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="94"/>
        <source>the show has moved on since (another desk pressed)</source>
        <translation>此后流程已推进（另一台中控台已操作）</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="95"/>
        <source>it is no longer in the rundown</source>
        <translation>该环节已不在直播脚本中</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="96"/>
        <source>that show has ended; this is a new one</source>
        <translation>那一场已结束，现在是新的一场</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="97"/>
        <source>the console stopped before its last press was stored (the show&apos;s rundown as stored has {stored} of the {kept} marks it had), and Go would now take “{next}”</source>
        <translation>中控台在最后一次操作保存前就已停止（本场已保存的流程记录只有 {stored} 条，原有 {kept} 条），现在按“执行”将进入“{next}”</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="102"/>
        <source>“{title}” was taken but the switch to scene “{scene}” was refused: {why}</source>
        <translation>“{title}”已开始，但切换到场景“{scene}”被拒绝：{why}</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="105"/>
        <location filename="../../console/rundown_controller.py" line="106"/>
        <source>Already advanced to “{title}” at {time} by {who}: this press was not taken.</source>
        <extracomment>Said to the desk whose press lost to another console&apos;s at the same boundary (the database kept the other&apos;s).</extracomment>
        <translation>{who} 已于 {time} 切到“{title}”：本次操作未执行。</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="107"/>
        <source>“{title}” was already skipped at {time} by {who}: this press was not taken.</source>
        <translation>{who} 已于 {time} 跳过“{title}”：本次操作未执行。</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="108"/>
        <source>“{title}” was already taken again at {time} by {who}: this press was not taken.</source>
        <translation>{who} 已于 {time} 重来“{title}”：本次操作未执行。</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="111"/>
        <source>The rundown was already ended at {time} by {who}: this press was not taken.</source>
        <translation>{who} 已于 {time} 结束了直播脚本：本次操作未执行。</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="113"/>
        <source>“{title}” was taken on this console, but the database did not store it ({why}); it is stored when the database answers.</source>
        <translation>“{title}”已在本机开始，但数据库没有保存它（{why}）；数据库恢复响应后会保存。</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="344"/>
        <source>The rundown could not be read: %1</source>
        <extracomment>Where the arm is kept across a restart (rundown/armed; None: not kept). The arm is this desk&apos;s own, as between two consoles of a room, so it is kept with this console&apos;s settings, not with the show. What the Rundown dock says under its table (an import&apos;s lines), for the dock rebuilt by a language switch. The show the line belongs to (None until the session&apos;s show is open), the stored change count this console last saw, writes not yet answered, a read in flight, and whether the line shown is not stored. The marks shared with the room&apos;s other consoles: claims not yet answered, a re-read in flight, and the marks this console stamped that the database has not taken yet (it did not answer), oldest first. A read of what changed elsewhere (Storage.rundown_watch) is in flight. Why the last once-a-second read of the plan and the marks failed (None: it did not): said in the log once an outage, not every second (a database down for an hour wrote 3,600 identical warnings). (The show each belongs to: None when it was stamped before the session&apos;s show was known.) The room whose plan was asked for last (an answer for another room is late and dropped), and the room whose plan has been read (None: not yet): a kept arm is weighed against the room&apos;s plan, never against the plan stored at the show&apos;s first Go that a resumed show&apos;s runner holds until then.</extracomment>
        <translation>无法读取直播脚本：%1</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="367"/>
        <location filename="../../console/rundown_controller.py" line="389"/>
        <source>Choose a room first: a rundown belongs to a room.</source>
        <translation>请先选择直播间：直播脚本属于某个直播间。</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="176"/>
        <source>Scenes checked against the OBS at %2.</source>
        <extracomment>A mark the database has not taken yet: its show (None: not known when stamped), its row and the snapshot.</extracomment>
        <translation>已按 %2 的 OBS 核对画面。</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="178"/>
        <source>The scenes were NOT checked: the OBS at %2 is not connected.</source>
        <translation>画面未核对：%2 的 OBS 未连接。</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="180"/>
        <source>Scenes checked against the OBS of room “%1” (%2).</source>
        <translation>已按直播间“%1”的 OBS（%2）核对画面。</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="182"/>
        <source>The scenes were NOT checked: the OBS of room “%1” (%2) is not connected.</source>
        <translation>画面未核对：直播间“%1”的 OBS（%2）未连接。</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="184"/>
        <source>The scenes were NOT checked: this console is not connected to the OBS of room “%1”.</source>
        <translation>画面未核对：本中控台未连接直播间“%1”的 OBS。</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="504"/>
        <source>The line for the host is shown but could not be saved: %1</source>
        <translation>给主播的提示已显示，但未能保存：%1</translation>
    </message>
    <message>
        <location filename="../../console/rundown_controller.py" line="557"/>
        <source>Not connected to a room: the rundown cannot run.</source>
        <translation>未连接直播间：直播脚本无法运行。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/live.py" line="55"/>
        <source>OBS is not connected</source>
        <extracomment>What a mark says happened at a boundary. LENGTH is no boundary: the planned length of the segment on air was changed (`planned_s` the new one) — the review says the length at Go and each change on air, when and by whom. The actions that put a segment on air (a segment of the show&apos;s review starts at each). What became of the scene switch a take asked for (&quot;&quot; when it asked none). Why a take&apos;s scene switch was refused (stored in English in the mark; shown in the reader&apos;s language).</extracomment>
        <translation>OBS 未连接</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/live.py" line="56"/>
        <source>there is no scene “{scene}” in OBS</source>
        <translation>OBS 中没有场景“{scene}”</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/live.py" line="57"/>
        <source>OBS refused the switch: {error}</source>
        <translation>OBS 拒绝了切换：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/live.py" line="61"/>
        <source>The rundown has ended and no segment follows the last one on air: arm a segment (right-click it in the plan) to take the rundown up again there.</source>
        <extracomment>Go after End with no segment after the last one on air (End on the last segment, or Go with nothing left).</extracomment>
        <translation>直播脚本已结束，且最后播出的环节之后没有环节：请预备一个环节（在脚本表中右键点击），从该环节重新接续。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/live.py" line="201"/>
        <source>planned {planned} at its Go, changed on air {changes}</source>
        <extracomment>The scene the take asked for (&quot;&quot; none); `outcome`: &quot;&quot;, pending, done or refused (`reason` says why). Why the switch was refused, stored as the Message&apos;s JSON (template + fields, context &quot;Rundown&quot;), so the record reads in either language; `why` gives it back. How the review says a length changed on air (window tooltip, XLSX column, PDF note).</extracomment>
        <translation>开始时计划 {planned}，直播中 {changes}</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/live.py" line="202"/>
        <source>to {length} at {time} by {who}</source>
        <translation>{time} 由 {who} 改为 {length}</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1776"/>
        <location filename="../../console/core/rundown/live.py" line="203"/>
        <source>no length</source>
        <translation>无计划时长</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/live.py" line="306"/>
        <source>Nothing is left to arm.</source>
        <extracomment>The segment on air (as last seen in the plan, or as its mark said when it left the plan). Over/under of the current segment&apos;s start as it was when taken (used when the plan cannot say). The last segment taken or skipped: the next in order is the one after it. The switches this runner asked for and not yet settled: seq -&gt; the instant of the mark that asked; and the seqs whose mark the database refused (another console&apos;s stands there): their answers are dropped. True once the show&apos;s marks were read back from the database (resume): a runner of a resumed show that has fewer marks than its console kept had them is then known to have lost some, not to be still reading.</extracomment>
        <translation>没有可预备的环节了。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/live.py" line="308"/>
        <source>There is no segment {number}.</source>
        <translation>没有第 {number} 个环节。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/live.py" line="321"/>
        <source>The rundown has no segments to take.</source>
        <translation>直播脚本里没有可开始的环节。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/live.py" line="333"/>
        <source>The rundown has ended: Go takes it up again, Arm chooses where.</source>
        <translation>直播脚本已结束：按“执行”可重新接续，按“预备”可选择从哪个环节接续。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/live.py" line="337"/>
        <source>Nothing is left to skip.</source>
        <translation>没有可跳过的环节了。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/live.py" line="344"/>
        <source>No segment is on air to repeat.</source>
        <translation>没有正在进行的环节可重来。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/live.py" line="367"/>
        <source>The rundown has not started.</source>
        <translation>直播脚本还没有开始。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/live.py" line="369"/>
        <source>The rundown has already ended.</source>
        <translation>直播脚本已经结束。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="50"/>
        <source>the price {price} is not a price (a figure of 0 or more)</source>
        <extracomment>Bounds the model does not state but the database columns do. A price as a shop writes it: yuan and fen, below ten billion (the column is NUMERIC(12, 2)).</extracomment>
        <translation>价格 {price} 无效（应为 0 或以上的数字）</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="52"/>
        <source>the price {price} is too large</source>
        <translation>价格 {price} 过大</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="55"/>
        <source>the price {price} has more than two decimals (yuan and fen)</source>
        <translation>价格 {price} 超过两位小数（只到元和分）</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="62"/>
        <source>its product has no name</source>
        <translation>商品没有名称</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="64"/>
        <source>its product name is longer than {limit} characters</source>
        <translation>商品名称超过 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="66"/>
        <source>its SKU is longer than 100 characters</source>
        <translation>商品编码超过 100 个字符</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="74"/>
        <source>it has neither a planned length nor a fixed start</source>
        <translation>既没有计划时长，也没有固定开始时间</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="76"/>
        <source>its planned length must be more than 0 and at most 24 hours</source>
        <translation>计划时长必须大于 0 且不超过 24 小时</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="84"/>
        <source>it has no title</source>
        <translation>没有标题</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="86"/>
        <source>its title is longer than {limit} characters</source>
        <translation>标题超过 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="89"/>
        <source>its scene name is longer than {limit} characters</source>
        <translation>场景名称超过 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="93"/>
        <source>its talking points or cues are longer than {text} characters</source>
        <translation>话术或备注超过 {text} 个字符</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="95"/>
        <source>“{colour}” is not one of the rundown&apos;s colours</source>
        <translation>“{colour}”不是直播脚本可用的颜色</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="97"/>
        <source>its identity (key) is empty or too long</source>
        <translation>环节标识为空或过长</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="105"/>
        <source>“{room}” is not a room name</source>
        <translation>“{room}”不是有效的直播间名称</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="109"/>
        <source>the rundown has {count} segments; at most {limit} can be kept</source>
        <translation>直播脚本有 {count} 个环节，最多只能保存 {limit} 个</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="119"/>
        <source>Segment {number} (“{title}”): {problem}</source>
        <translation>第 {number} 个环节（“{title}”）：{problem}</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/rules.py" line="137"/>
        <source>Segment {number} (“{title}”) has the same key as segment {other}</source>
        <translation>第 {number} 个环节（“{title}”）与第 {other} 个环节的标识相同</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/durations.py" line="17"/>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/durations.py" line="18"/>
        <source>{minutes} min</source>
        <translation>{minutes} 分钟</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/durations.py" line="19"/>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/durations.py" line="20"/>
        <source>{hours} h</source>
        <translation>{hours} 小时</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/durations.py" line="21"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} 小时 {minutes} 分</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/durations.py" line="22"/>
        <source>{hours} h {minutes} min {seconds} s</source>
        <translation>{hours} 小时 {minutes} 分 {seconds} 秒</translation>
    </message>
</context>
<context>
    <name>RundownCli</name>
    <message>
        <location filename="../../console/cli.py" line="1644"/>
        <source>Scenes checked against the demo room&apos;s.</source>
        <translation>已按演示直播间的场景核对画面。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1667"/>
        <source>Scenes checked against the room&apos;s OBS (%1).</source>
        <translation>已按该直播间的 OBS（%1）核对画面。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1672"/>
        <source>The scenes were NOT checked against the room&apos;s OBS (%1): %2</source>
        <translation>未与该直播间的 OBS（%1）核对画面：%2</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1675"/>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1716"/>
        <source>Nothing was imported: the room&apos;s rundown is unchanged.</source>
        <translation>未导入任何内容：该直播间的直播脚本保持不变。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1721"/>
        <source>nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1728"/>
        <source>the rundown was imported, but the new length of the segment on air could not be stamped on the room&apos;s show, so its review will not say it was changed: %1</source>
        <translation>直播脚本已导入，但正在直播的环节的新时长未能记入本场直播，复盘时不会显示时长被改过：%1</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1779"/>
        <source>“%1” is on air in the room&apos;s show: planned for %2 until now, for %3 from %4 (stamped on the show as changed on air by %5; the review says both lengths).</source>
        <translation>“%1”正在直播：计划时长原为 %2，自 %4 起改为 %3（已作为直播中改时长记入本场，修改人 %5；复盘会同时列出两个时长）。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/import_report.py" line="18"/>
        <source>Imported 1 segment into room “%2” from %3 (read as %4, header on row %5): %6 planned.</source>
        <translation>已从 %3 导入 1 个环节到直播间“%2”（按 %4 读取，表头在第 %5 行）：计划总时长 %6。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/import_report.py" line="20"/>
        <source>Imported %1 segments into room “%2” from %3 (read as %4, header on row %5): %6 planned.</source>
        <translation>已从 %3 导入 %1 个环节到直播间“%2”（按 %4 读取，表头在第 %5 行）：计划总时长 %6。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/import_report.py" line="35"/>
        <source>Columns left out (not a rundown column): %1.</source>
        <translation>未读取的列（不是直播脚本的列）：%1。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/import_report.py" line="38"/>
        <source>Rows skipped (totals): %1.</source>
        <translation>跳过的行（合计行）：%1。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/import_report.py" line="42"/>
        <source>This replaced the room&apos;s earlier rundown (1 segment, saved %2 by %3).</source>
        <translation>已替换该直播间原有的直播脚本（1 个环节，由 %3 于 %2 保存）。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/import_report.py" line="44"/>
        <source>This replaced the room&apos;s earlier rundown (%1 segments, saved %2 by %3).</source>
        <translation>已替换该直播间原有的直播脚本（%1 个环节，由 %3 于 %2 保存）。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1816"/>
        <source>room “%1” has no rundown to export (import one: onair rundown import FILE --room %1)</source>
        <translation>直播间“%1”没有可导出的直播脚本（请先导入：“onair rundown import 文件 --room %1”）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1828"/>
        <source>Wrote 1 segment of room “%2” to %3 (%4 planned).</source>
        <translation>已将直播间“%2”的 1 个环节写入 %3（计划总时长 %4）。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="1830"/>
        <source>Wrote %1 segments of room “%2” to %3 (%4 planned).</source>
        <translation>已将直播间“%2”的 %1 个环节写入 %3（计划总时长 %4）。</translation>
    </message>
</context>
<context>
    <name>RundownDock</name>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="47"/>
        <source>Link is up</source>
        <extracomment>The quick lines for the host when the team has set none (settings: rundown/quick_lines), in the reader&apos;s words.</extracomment>
        <translation>上链接</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="48"/>
        <source>Read comments</source>
        <translation>看评论</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="49"/>
        <source>Talk about the deal</source>
        <translation>讲福利</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="50"/>
        <source>Countdown</source>
        <translation>倒计时</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="116"/>
        <source>Add</source>
        <extracomment>The first redo of an import: the plan is stored already. What the dock this one replaces said under its table (a language switch rebuilds the window). Plans sent to port.save whose stored copy has not come back yet, oldest first. The plan before an import that has not answered yet.</extracomment>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="116"/>
        <source>Add a segment after the selected one (Insert)</source>
        <translation>在所选环节之后添加一个环节（“Insert”键）</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="117"/>
        <location filename="../../widgets/rundown_dock.py" line="629"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="117"/>
        <source>Duplicate the selected segment (Ctrl+D)</source>
        <translation>复制所选环节（“Ctrl+D”）</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="118"/>
        <location filename="../../widgets/rundown_dock.py" line="630"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="118"/>
        <source>Delete the selected segment (Delete)</source>
        <translation>删除所选环节（“Delete”键）</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="119"/>
        <source>Move up (Ctrl+↑); or drag the row</source>
        <translation>上移（“Ctrl+↑”），也可拖动该行</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="120"/>
        <source>Move down (Ctrl+↓); or drag the row</source>
        <translation>下移（“Ctrl+↓”），也可拖动该行</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="123"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="123"/>
        <source>Replace the plan with a CSV or XLSX file</source>
        <translation>用 CSV 或 XLSX 文件替换整个脚本</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="124"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="124"/>
        <source>Write the plan as a CSV or XLSX file</source>
        <translation>把脚本导出为 CSV 或 XLSX 文件</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="185"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="186"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="228"/>
        <source>Not keys, left out: %1</source>
        <translation>以下不是按键，已忽略：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="230"/>
        <source>Arm the next segment (keys: %1)</source>
        <translation>预备下一个环节（按键：%1）</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="231"/>
        <source>Take the armed, else the next, segment (keys: %1)</source>
        <translation>进入已预备的环节，没有预备时进入下一个（按键：%1）</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="236"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="243"/>
        <source>Undo %1 (Ctrl+Z)</source>
        <translation>撤销：%1（“Ctrl+Z”）</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="244"/>
        <source>Redo %1 (Ctrl+Shift+Z)</source>
        <translation>重做：%1（“Ctrl+Shift+Z”）</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="313"/>
        <source>No segments yet</source>
        <translation>还没有环节</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="315"/>
        <source>1 segment, %2 planned</source>
        <translation>共 1 个环节，计划时长 %2</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="315"/>
        <source>%1 segments, %2 planned</source>
        <translation>共 %1 个环节，计划时长 %2</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="348"/>
        <source>no length</source>
        <translation>无时长</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="352"/>
        <source>“%1” on air is now planned for %2 in the room&apos;s rundown: the next shows start with %2 too, not only this one. This show&apos;s record keeps the change beside the %3 it had.</source>
        <translation>正在播出的“%1”在本直播间的脚本中已改为 %2：之后的场次也按 %2 计划，不只是本场。本场记录会保留原来的 %3 和这次修改。</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="445"/>
        <source>A rundown has at most %1 segments.</source>
        <translation>一个直播脚本最多 %1 个环节。</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="449"/>
        <source>New segment</source>
        <translation>新环节</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="451"/>
        <source>Add segment</source>
        <translation>添加环节</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="463"/>
        <source>Duplicate segment</source>
        <translation>复制环节</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="474"/>
        <source>Delete segment</source>
        <translation>删除环节</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="485"/>
        <source>Move segment</source>
        <translation>移动环节</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="501"/>
        <source>Rundown (*.xlsx *.csv)</source>
        <translation>直播脚本 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="501"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="515"/>
        <source>Import a rundown</source>
        <translation>导入直播脚本</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="521"/>
        <source>Export the rundown</source>
        <translation>导出直播脚本</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="529"/>
        <source>%1 is not a CSV or XLSX file.</source>
        <translation>%1 不是 CSV 或 XLSX 文件。</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="531"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="61"/>
        <source>%1 was not imported; the plan is unchanged.
%2</source>
        <extracomment>The file types Import… and Export… offer (the port reads and writes by the file&apos;s extension). Default length of a segment added with Add (a planner types the real one at once).</extracomment>
        <translation>%1 未导入，脚本没有改动。
%2</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="544"/>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="554"/>
        <source>Export as .xlsx or .csv (not “%1”).</source>
        <translation>请导出为 .xlsx 或 .csv（而不是“%1”）。</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="556"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="560"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="562"/>
        <source>%1 was not written: %2</source>
        <translation>%1 未能写入：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="627"/>
        <source>Arm this segment for Go</source>
        <translation>预备此环节（按“执行”进入）</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="675"/>
        <source>Quick lines</source>
        <translation>快捷提示语</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_dock.py" line="676"/>
        <source>One line for the host a line (empty: the built-in ones):</source>
        <translation>给主播的提示语，每行一条（留空则用内置的）：</translation>
    </message>
</context>
<context>
    <name>RundownReview</name>
    <message>
        <location filename="../../console/core/review/by_rundown.py" line="32"/>
        <source>skipped</source>
        <extracomment>The actual cell of a skipped segment (the Rundown dock says &quot;5:00 → skipped&quot; alike).</extracomment>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../console/core/review/by_rundown.py" line="34"/>
        <source>Total: {segments} segments ({run} run, {skipped} skipped)</source>
        <extracomment>The label of the totals row.</extracomment>
        <translation>合计：{segments} 个环节（已播 {run} 个，跳过 {skipped} 个）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/by_rundown.py" line="35"/>
        <source>Total: 1 segment ({run} run, {skipped} skipped)</source>
        <translation>合计：1 个环节（已播 {run} 个，跳过 {skipped} 个）</translation>
    </message>
    <message>
        <location filename="../../console/core/review/by_rundown.py" line="37"/>
        <source>Totals: the planned length counts every segment in the table once (a skipped one too, a repeated one once); the time on air counts every take; over/under is the time on air less the planned length, over the segments with a planned length — a skipped segment&apos;s whole length counts as time gained, a repeat&apos;s second take as time lost.</source>
        <extracomment>What the totals count (under the table, in the XLSX, in the terminal; the window&apos;s tooltip).</extracomment>
        <translation>合计说明：计划时长按表中每个环节计一次（跳过的也计，重复播的只计一次）；实际时长为每次播出的时长之和；超出/不足为实际时长减计划时长，只计有计划时长的环节——跳过的环节整段计为省下的时间，重复播的第二次计为多用的时间。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/by_rundown.py" line="44"/>
        <source>1 segment had no planned length (a fixed start only): its time on air is counted, but not in the planned length or the over/under.</source>
        <translation>1 个环节没有计划时长（只定了开始时间）：其播出时长计入实际时长，不计入计划时长和超出/不足。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/by_rundown.py" line="49"/>
        <source>{count} segments had no planned length (a fixed start only): their time on air is counted, but not in the planned length or the over/under.</source>
        <translation>{count} 个环节没有计划时长（只定了开始时间）：其播出时长计入实际时长，不计入计划时长和超出/不足。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/by_rundown.py" line="55"/>
        <source>{takes} takes: a segment taken again counts its planned length once.</source>
        <extracomment>Said only when there are more takes than segments run: never of 1 take.</extracomment>
        <translation>共播出 {takes} 次：重复播出的环节只计一次计划时长。</translation>
    </message>
</context>
<context>
    <name>RundownSheet</name>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="128"/>
        <source>No.</source>
        <extracomment>How many problems are listed before &quot;… and N more&quot;. The header is looked for in this many rows at the top (title rows above it are common). A bare number under a header without a unit is minutes, up to this many; above it is ambiguous. The columns the reader knows, and the names planners give them (compared without case, spaces, &quot;_-/&quot; or a bracketed unit: &quot;时长（分钟）&quot; is &quot;时长&quot; in minutes). Fields two columns may feed (their texts are joined, one per line): 话术 and 卖点, 备注 and 提示. The columns written, in order, with their header in English (translated in context RundownSheet).</extracomment>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="129"/>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="130"/>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="131"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="132"/>
        <source>Scene</source>
        <translation>画面</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="133"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="134"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="135"/>
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="136"/>
        <source>Talking points</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="137"/>
        <source>Cues</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="138"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="141"/>
        <source>{minutes} min</source>
        <extracomment>A length in a CSV, in words the reader&apos;s spreadsheet leaves alone (and this module reads back).</extracomment>
        <translation>{minutes}分</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="142"/>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes}分{seconds}秒</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="144"/>
        <source>Rundown</source>
        <extracomment>The XLSX sheet&apos;s name.</extracomment>
        <translation>直播脚本</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="150"/>
        <source>red</source>
        <extracomment>COLOURS by the words a planner writes (English and Chinese), the first English word being the one written.</extracomment>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="151"/>
        <source>orange</source>
        <translation>橙</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="152"/>
        <source>yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="153"/>
        <source>green</source>
        <translation>绿</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="154"/>
        <source>teal</source>
        <translation>青</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="155"/>
        <source>blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="156"/>
        <source>purple</source>
        <translation>紫</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="157"/>
        <source>grey</source>
        <translation>灰</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="192"/>
        <source>… and {count} more problems.</source>
        <translation>……还有 {count} 个问题。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="251"/>
        <source>“{value}” has no unit and the column&apos;s header names none; {value} minutes would be over {hours} hours. Write the unit in the cell (秒 or s, 分 or min) or in the header: 时长(秒) / Duration (s)</source>
        <extracomment>Seconds per bare number in a duration column whose header names a unit (None: none named). &quot;UTF-8&quot;, &quot;UTF-8 with BOM&quot;, &quot;GB18030&quot;, &quot;UTF-16&quot; or &quot;XLSX&quot;. Columns left out (header not recognised). Totals rows skipped (row numbers). A totals row whose length is not what the segments add up to (the plan counts the segments): said.</extracomment>
        <translation>“{value}”没有单位，列标题也没有写明单位；{value} 分钟会超过 {hours} 小时。请在单元格中写明单位（秒、分），或在列标题中写明：时长(秒)</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="270"/>
        <source>“{value}”: the seconds must be below 60</source>
        <translation>“{value}”：秒数必须小于 60</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="273"/>
        <source>“{value}”: minutes and seconds must be below 60</source>
        <translation>“{value}”：分钟数和秒数必须小于 60</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="278"/>
        <source>“{value}” is not a length; write it as 5分, 5分30秒, 1.5小时, 5:00 (minutes:seconds), 00:05:00 or 5 min</source>
        <translation>“{value}”不是时长；请写成 5分、5分30秒、1.5小时、5:00（分:秒）或 00:05:00</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="325"/>
        <source>“{shown}” is formatted as a time (h:mm), so the spreadsheet holds it as {shown} hours:minutes, not {shown} minutes:seconds as the console writes lengths. Write the unit — {as_minutes} or {as_hours} — or format the column as text before typing</source>
        <extracomment>An XLSX number format that shows hours and minutes but no seconds (quoted text and [$-…]/[colour] codes aside).</extracomment>
        <translation>“{shown}”的单元格格式是时间（h:mm），表格把它当作 {shown} 小时:分钟，而不是中控台写时长用的 {shown} 分:秒。请写明单位（{as_minutes} 或 {as_hours}），或先把这一列设为文本格式再输入</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="347"/>
        <source>the cell holds a date, not a length</source>
        <translation>单元格里是日期，不是时长</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="354"/>
        <source>a length must be more than 0 (“{value}”)</source>
        <translation>时长必须大于 0（“{value}”）</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="356"/>
        <source>“{value}” is more than 24 hours</source>
        <translation>“{value}”超过 24 小时</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="367"/>
        <source>“{value}” has no unit; {value} minutes would be over {hours} hours. Write the unit: 300秒 / 300 s, 5分 / 5 min</source>
        <translation>“{value}”没有写单位；按分钟算 {value} 分钟会超过 {hours} 小时。请写上单位：300秒 或 5分</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="402"/>
        <source>“{value}” is not a time of day such as 20:00 or 20:30:15</source>
        <translation>“{value}”不是时刻，应写成 20:00 或 20:30:15 这样</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="412"/>
        <source>“{value}” is not a price</source>
        <translation>“{value}”不是价格</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="424"/>
        <source>“{value}” is not a colour the rundown knows; use one of: {colours}</source>
        <translation>“{value}”不是直播脚本可用的颜色；可用：{colours}</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="476"/>
        <source>{file}, row {row}, column {column} ({header}): {problem}</source>
        <translation>{file} 第 {row} 行 {column} 列（{header}）：{problem}</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="492"/>
        <source>{file}: no row among the first {rows} names the rundown&apos;s columns (环节/Segment, 时长/Duration, 画面/Scene, 商品/Product, 话术/Talking points, 备注/Cues). Is this a rundown?</source>
        <translation>{file}：前 {rows} 行中没有一行写着直播脚本的列名（环节、时长、画面、商品、话术、备注）。这是直播脚本吗？</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="507"/>
        <source>{file}, row {row}: the header has no column for the segment&apos;s title (环节, 环节名称, Segment or Title); it reads: {headers}</source>
        <translation>{file} 第 {row} 行：表头中没有环节名称列（环节、环节名称）；表头为：{headers}</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="517"/>
        <source>{file}, row {row}: the header has no duration column (时长 or Duration) nor a start column (开始时间 or Start): how long is each segment?</source>
        <translation>{file} 第 {row} 行：表头中既没有时长列，也没有开始时间列：每个环节多长？</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="527"/>
        <source>{file}, row {row}: two columns say the same thing: {columns}</source>
        <translation>{file} 第 {row} 行：两列表示同一内容：{columns}</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="563"/>
        <source>no title</source>
        <translation>没有环节名称</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="568"/>
        <source>no duration (and no start time): how long is this segment?</source>
        <translation>没有时长（也没有开始时间）：这个环节多长？</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="586"/>
        <source>{file}, row {row}: {problem}</source>
        <translation>{file} 第 {row} 行：{problem}</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="613"/>
        <source>a price or SKU without a product name (商品/Product)</source>
        <translation>有价格或商品编码，却没有商品名称（商品列）</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="631"/>
        <source>{file}, rows {rows}: the same segment twice, every column alike (“{title}”). Delete the copy, or tell them apart (e.g. “福袋抽奖 1”, “福袋抽奖 2”)</source>
        <translation>{file} 第 {rows} 行：同一环节出现两次，每一列都相同（“{title}”）。请删除重复行，或加以区分（例如“福袋抽奖 1”“福袋抽奖 2”）</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="644"/>
        <source>there is no scene “{scene}” in this room&apos;s OBS (its scenes: {scenes})</source>
        <translation>该直播间的 OBS 中没有场景“{scene}”（现有场景：{scenes}）</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="665"/>
        <source>{file}: the file is empty</source>
        <translation>{file}：文件是空的</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="726"/>
        <source>{file}, row {row}: the totals row says {stated}, but the segments add up to {counted}; the plan counts the segments. Check the sheet&apos;s total.</source>
        <translation>{file} 第 {row} 行：合计行写的是 {stated}，但各环节加起来是 {counted}；计划按各环节计算。请核对表格里的合计。</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="742"/>
        <source>{file}: there are no segments under the header (row {row})</source>
        <translation>{file}：表头（第 {row} 行）下面没有任何环节</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="747"/>
        <source>{file}: {count} segments; a rundown holds at most {limit}</source>
        <translation>{file}：共 {count} 个环节；直播脚本最多 {limit} 个</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="766"/>
        <source>Segment {number} (“{title}”): {problem}</source>
        <translation>第 {number} 个环节（“{title}”）：{problem}</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/sheet.py" line="885"/>
        <source>{file} cannot be written: {error}</source>
        <translation>无法写入 {file}：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/rundown/merged.py" line="103"/>
        <source>{file}, rows {first}–{last}, column {column} ({header}): this cell is merged over the rows, which makes them one segment, but column {other} ({other_header}) differs between them ({values}). Give each row its own {header}, or make column {other} alike</source>
        <extracomment>The fields whose merged cell makes its rows one segment. The fields whose texts are joined when rows are one segment (the rest must agree). A merge down a column: (first row, last row, column), 0-based indexes into the grid.</extracomment>
        <translation>{file} 第 {first}–{last} 行 {column} 列（{header}）：这个单元格合并了这几行，它们就算作同一个环节，但 {other} 列（{other_header}）各行不一样（{values}）。请给每行单独填写{header}，或把 {other} 列改成一致</translation>
    </message>
</context>
<context>
    <name>RundownStrip</name>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="55"/>
        <source>on time</source>
        <extracomment>The strip&apos;s background while the segment on air is over its length (light: the black type stays readable). The last minute of a segment is amber. A second press of End within this confirms it (an accidental End would stop the show&apos;s timing).</extracomment>
        <translation>准时</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="57"/>
        <source>%1 behind</source>
        <translation>落后 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="58"/>
        <source>%1 ahead</source>
        <translation>提前 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="75"/>
        <source>Starts at %1, in %2</source>
        <translation>%1 开始，还有 %2</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="77"/>
        <source>Planned to start at %1: %2 late</source>
        <translation>计划 %1 开始：已晚 %2</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="89"/>
        <source>%1 early for %2</source>
        <translation>比 %2 提前 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="101"/>
        <source>Against the plan from “%1”, taken at %2</source>
        <translation>进度从“%1”（%2 开始）起按计划计算</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="110"/>
        <source>no planned length</source>
        <translation>未设时长</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="113"/>
        <source>%1 over</source>
        <translation>超时 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="115"/>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="173"/>
        <source>NOW</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="183"/>
        <source>NEXT</source>
        <translation>下一个</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="186"/>
        <source>ARMED</source>
        <translation>已预备</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="196"/>
        <location filename="../../widgets/rundown_strip.py" line="319"/>
        <source>Arm</source>
        <translation>预备</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="197"/>
        <source>Go</source>
        <translation>执行</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="199"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="200"/>
        <source>Pass over the next segment; the one after it becomes next</source>
        <translation>跳过下一个环节，它之后的环节成为下一个</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="201"/>
        <source>Repeat</source>
        <translation>重来</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="202"/>
        <source>Take the segment on air again from its start</source>
        <translation>当前环节从头再来一次</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="203"/>
        <source>Insert…</source>
        <translation>插入…</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="204"/>
        <source>A quick segment (title and length) right after the one on air</source>
        <translation>在当前环节之后插入一个临时环节（标题和时长）</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="205"/>
        <location filename="../../widgets/rundown_strip.py" line="362"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="206"/>
        <source>End the rundown (press twice)</source>
        <translation>结束直播脚本（需按两次）</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="214"/>
        <source>A line for the host (talent screen)</source>
        <translation>给主播的一句话（显示在主播屏上）</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="216"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="217"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="226"/>
        <source>Edit the quick lines (one a line)</source>
        <translation>编辑快捷提示语（每行一条）</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="282"/>
        <source>The rundown has ended: Go takes it up again</source>
        <translation>直播脚本已结束：按“执行”可重新接续</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="284"/>
        <source>The rundown has ended</source>
        <translation>直播脚本已结束</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="289"/>
        <source>Not started: Go takes the first segment</source>
        <translation>未开始：按“执行”进入第一个环节</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="291"/>
        <source>No segments yet: Add one below or Import… a CSV or XLSX sheet</source>
        <translation>还没有环节：在下方点“添加”，或“导入…”一个 CSV 或 XLSX 表格</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="301"/>
        <source>%1 elapsed</source>
        <translation>已进行 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="310"/>
        <source>The plan is empty</source>
        <translation>直播脚本还是空的</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="312"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="319"/>
        <source>Disarm</source>
        <translation>取消预备</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="339"/>
        <source>Show “%1” on the talent screen</source>
        <translation>在主播屏上显示“%1”</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="344"/>
        <source>On the talent screen: “%1”</source>
        <translation>主播屏上：“%1”</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_strip.py" line="356"/>
        <source>End? Press again</source>
        <translation>确定结束？再按一次</translation>
    </message>
</context>
<context>
    <name>RundownTable</name>
    <message>
        <location filename="../../widgets/rundown_table.py" line="45"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="46"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="47"/>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="48"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="49"/>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="50"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="54"/>
        <source>No colour</source>
        <extracomment>The names of COLOURS, in the same order (what the colour picker says).</extracomment>
        <translation>无颜色</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="55"/>
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="56"/>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="57"/>
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="58"/>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="59"/>
        <source>Teal</source>
        <translation>青色</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="60"/>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="61"/>
        <source>Purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="62"/>
        <source>Grey</source>
        <translation>灰色</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="104"/>
        <source>A segment needs a length (or a fixed start): type 5分, 5:30 or 1小时.</source>
        <extracomment>The live marks: the row on air (amber, bold), past rows (grey).</extracomment>
        <translation>环节需要时长（或固定开始时间）：请输入 5分、5:30 或 1小时。</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="115"/>
        <source>A segment needs a title.</source>
        <translation>环节需要标题。</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="118"/>
        <source>A title is at most %1 characters (this one has %2).</source>
        <translation>标题最多 %1 个字符（这个有 %2 个）。</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="215"/>
        <source>Planned length (5分, 5:30, 300 s); @20:30 is a fixed start. Past segments: planned → actual.</source>
        <extracomment>A new plan the user asked for: (segments, what the edit was, in words) — the dock&apos;s undo step. An edit refused, in words (a length that is not one, an empty title). Actual lengths of segments taken while this dock watched (by key), in seconds.</extracomment>
        <translation>计划时长（5分、5:30、300 秒）；@20:30 表示固定开始时间。已播环节显示：计划 → 实际。</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="297"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="303"/>
        <source>“%1” is not a scene in this room&apos;s OBS: Go still marks the segment&apos;s start, but cannot switch to it.</source>
        <translation>“%1”不是本直播间 OBS 中的场景：执行时仍会记下环节开始，但无法切换到该场景。</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="308"/>
        <source>No scene: Go stays on the scene that is on program.</source>
        <translation>无场景：执行时保持当前直播画面的场景。</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="312"/>
        <source>Armed: Go takes this segment</source>
        <translation>已预备：按“执行”进入此环节</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="317"/>
        <source>Talking points: %1</source>
        <translation>话术：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="322"/>
        <source>Cues: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="340"/>
        <source>Rename segment</source>
        <translation>重命名环节</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="349"/>
        <source>Change length</source>
        <translation>修改时长</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="352"/>
        <source>Change scene</source>
        <translation>修改场景</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="354"/>
        <source>Change colour</source>
        <translation>修改颜色</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="402"/>
        <source>Move segment</source>
        <translation>移动环节</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_table.py" line="436"/>
        <source>— stay on the program scene</source>
        <translation>— 保持当前直播画面</translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="75"/>
        <source>repeats every %1 s while streaming; once you stop the stream it waits for your next start</source>
        <translation>推流时每 %1 秒重复一次；你停止推流后，它会等你下次开始推流</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="78"/>
        <source>repeats every %1 s while recording; once you stop recording it waits for your next start</source>
        <translation>录制时每 %1 秒重复一次；你停止录制后，它会等你下次开始录制</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="81"/>
        <source>repeats every %1 s</source>
        <translation>每 %1 秒重复一次</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="122"/>
        <source>a healthy room: nothing goes wrong</source>
        <extracomment>Where the product-video-file-lost scenario points the product video: not on the simulated OBS computer.</extracomment>
        <translation>一切正常的直播间：不出任何问题</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="125"/>
        <source>streaming starts; from 10 s the uplink congests and frames drop for 40 s</source>
        <translation>开始推流；第 10 秒起上行网络拥堵、丢帧，持续 40 秒</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="135"/>
        <source>streaming starts; from 10 s the x264 encoder cannot keep up for 30 s</source>
        <translation>开始推流；第 10 秒起 x264 编码器跟不上，持续 30 秒</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="145"/>
        <source>streaming starts; from 10 s the compositor misses frames for 30 s</source>
        <translation>开始推流；第 10 秒起画面合成漏帧（渲染延迟），持续 30 秒</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="155"/>
        <source>streaming starts; every 30 s the stream drops and OBS reconnects after 3 s</source>
        <translation>开始推流；每 30 秒推流断开一次，OBS 在 3 秒后重连</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="164"/>
        <source>streaming starts; at 15 s OBS freezes (stops answering) for 6 s</source>
        <translation>开始推流；第 15 秒 OBS 卡死（不再响应），持续 6 秒</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="174"/>
        <source>at 20 s OBS quits cleanly; 10 s later it is started again</source>
        <translation>第 20 秒 OBS 正常退出；10 秒后重新启动</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="183"/>
        <source>from 5 s the microphone delivers near silence</source>
        <translation>第 5 秒起麦克风几乎没有声音</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="188"/>
        <source>streaming starts on 直播中; at 5 s the host&apos;s microphone is muted</source>
        <translation>在“直播中”开始推流；第 5 秒主播的麦克风被静音</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="193"/>
        <source>streaming starts on 直播中; from 5 s the microphone&apos;s gain is far too high and it clips</source>
        <translation>在“直播中”开始推流；第 5 秒起麦克风增益过高，声音爆音</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="200"/>
        <source>streaming starts on 商品特写; from 5 s the product video plays without sound</source>
        <translation>在“商品特写”开始推流；第 5 秒起商品视频播放时没有声音</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="207"/>
        <source>the product video&apos;s file is missing from the start; streaming starts on 商品特写</source>
        <translation>商品视频的文件一开始就不存在；在“商品特写”开始推流</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="214"/>
        <source>streaming on 商品特写; at 8 s the product video&apos;s source is pointed at a file that is not there; at 40 s it is restarted (still missing); at 60 s it is pointed back at its file</source>
        <translation>在“商品特写”推流；第 8 秒商品视频源被指向一个不存在的文件；第 40 秒重新播放（文件仍不存在）；第 60 秒重新指回原文件</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="229"/>
        <source>from 5 s the camera repeats one frame</source>
        <translation>第 5 秒起摄像头画面卡在同一帧</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="234"/>
        <source>from 5 s the camera delivers black</source>
        <translation>第 5 秒起摄像头画面全黑</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="239"/>
        <source>from 5 s the recording disk has 800 MB left</source>
        <translation>第 5 秒起录制磁盘只剩 800 MB</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="244"/>
        <source>streaming starts on 直播中; then everything goes wrong at once and stays so: at 5 s the host&apos;s microphone is muted, at 8 s the recording disk has 800 MB left, from 10 s the uplink congests and the x264 encoder cannot keep up, from 12 s the compositor misses frames</source>
        <translation>在“直播中”开始推流；随后问题接连出现且一直持续：第 5 秒主播的麦克风被静音，第 8 秒录制磁盘只剩 800 MB，第 10 秒起上行网络拥堵、x264 编码器跟不上，第 12 秒起画面合成漏帧（渲染延迟）</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="262"/>
        <source>recording starts; from 10 s the file stops growing for 20 s</source>
        <translation>开始录制；第 10 秒起录制文件停止增长，持续 20 秒</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="272"/>
        <source>the stream cannot reach its server: Go live starts connecting and stops without going on air</source>
        <translation>推流连不上服务器：点开始直播后 OBS 开始连接，随即停止，没有开播</translation>
    </message>
    <message>
        <location filename="../../obs/simulator/scenarios.py" line="280"/>
        <source>no stream key (OBS 30+): OBS accepts Go live, shows its own message box and never starts</source>
        <translation>没有推流码（OBS 30 及以上）：OBS 接受开始直播，弹出自己的提示框，推流始终不开始</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="80"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>SceneTimeline</name>
    <message>
        <location filename="../../widgets/scene_timeline.py" line="115"/>
        <source>%1
%2 – %3 (%4)</source>
        <extracomment>Scenes take these colours in the order they first appear (muted: names in white stay readable on them). The graphs&apos; left axis width (pixels), matched so the time axes line up. Pixels of a block left around its name; a block narrower than its name plus this shows no name.</extracomment>
        <translation>%1
%2 – %3（%4）</translation>
    </message>
</context>
<context>
    <name>ScenesPanel</name>
    <message>
        <location filename="../../widgets/scenes_panel.py" line="76"/>
        <source>Studio mode</source>
        <translation>工作室模式</translation>
    </message>
    <message>
        <location filename="../../widgets/scenes_panel.py" line="77"/>
        <source>Confirm switches (click twice)</source>
        <translation>切换需确认（点击两次）</translation>
    </message>
    <message>
        <location filename="../../widgets/scenes_panel.py" line="78"/>
        <source>Transition</source>
        <translation>转场</translation>
    </message>
    <message>
        <location filename="../../widgets/scenes_panel.py" line="79"/>
        <source>Take the preview scene to program</source>
        <translation>把预览场景切到直播画面</translation>
    </message>
    <message>
        <location filename="../../widgets/scenes_panel.py" line="85"/>
        <source>Waiting for OBS…</source>
        <translation>等待 OBS…</translation>
    </message>
    <message>
        <location filename="../../widgets/scenes_panel.py" line="91"/>
        <source>Transition:</source>
        <translation>转场：</translation>
    </message>
    <message>
        <location filename="../../obs/commands.py" line="117"/>
        <source>Switch to scene “{scene}”</source>
        <extracomment>How long a quick change (scene, mute, studio mode, transition) may take to be confirmed. How long an output (stream, recording) may take to reach the state asked for. For outputs: the field whose value moves through interim states, and those interim values. The obs-websocket request type this command is sent as. How long its confirming events may take (see the module&apos;s docstring).</extracomment>
        <translation>切换到场景“{scene}”</translation>
    </message>
    <message>
        <location filename="../../obs/commands.py" line="138"/>
        <source>Set preview to “{scene}”</source>
        <translation>把预览设为“{scene}”</translation>
    </message>
    <message>
        <location filename="../../obs/commands.py" line="159"/>
        <source>Turn studio mode on</source>
        <translation>开启工作室模式</translation>
    </message>
    <message>
        <location filename="../../obs/commands.py" line="160"/>
        <source>Turn studio mode off</source>
        <translation>关闭工作室模式</translation>
    </message>
    <message>
        <location filename="../../obs/commands.py" line="179"/>
        <source>Transition to program</source>
        <translation>转场到直播画面</translation>
    </message>
    <message>
        <location filename="../../obs/commands.py" line="194"/>
        <source>Choose transition “{transition}”</source>
        <translation>选择转场“{transition}”</translation>
    </message>
    <message>
        <location filename="../../obs/commands.py" line="214"/>
        <source>Set transition duration</source>
        <translation>设置转场时长</translation>
    </message>
</context>
<context>
    <name>SegmentEditor</name>
    <message>
        <location filename="../../widgets/rundown_details.py" line="76"/>
        <source>5 min, 5:30, 300 s</source>
        <extracomment>(the segment as edited, what was changed in words)</extracomment>
        <translation>5分、5:30、300秒</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="78"/>
        <source>hh:mm (optional)</source>
        <translation>时:分（可选）</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="79"/>
        <source>A wall-clock start: the segment starts then, whatever came before</source>
        <translation>固定开始时间：无论前面的环节如何，此环节到点开始</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="90"/>
        <source>Product name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="92"/>
        <source>¥ price</source>
        <translation>¥ 价格</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="94"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="98"/>
        <source>For the host (shown on the talent screen)</source>
        <translation>给主播（显示在主播屏上）</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="100"/>
        <source>For the assistant (never on the talent screen)</source>
        <translation>给助播（不会显示在主播屏上）</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="120"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="121"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="122"/>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="123"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="124"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="125"/>
        <source>Price · SKU</source>
        <translation>价格 · 货号</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="126"/>
        <source>Talking points</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="127"/>
        <source>Cues</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="84"/>
        <source>— stay on the program scene</source>
        <extracomment>What the scene list says for a segment that switches no scene (and with no segment selected).</extracomment>
        <translation>— 保持当前直播画面</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="190"/>
        <source>“%1” is not a scene in this room&apos;s OBS</source>
        <translation>“%1”不是本直播间 OBS 中的场景</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="213"/>
        <source>Rename segment</source>
        <translation>重命名环节</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="226"/>
        <source>Change length</source>
        <translation>修改时长</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="238"/>
        <source>“%1” is not a time of day: type it as 20:30.</source>
        <translation>“%1”不是时刻：请按 20:30 的格式输入。</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="242"/>
        <source>A segment needs a length (or a fixed start): type 5分, 5:30 or 1小时.</source>
        <translation>环节需要时长（或固定开始时间）：请输入 5分、5:30 或 1小时。</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="245"/>
        <source>Change fixed start</source>
        <translation>修改固定开始时间</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="249"/>
        <source>Change scene</source>
        <translation>修改场景</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="253"/>
        <source>Change colour</source>
        <translation>修改颜色</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="268"/>
        <source>“%1” is not a price: type it as 99 or 99.90.</source>
        <translation>“%1”不是价格：请输入 99 或 99.90。</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="273"/>
        <source>A product needs a name.</source>
        <translation>商品需要名称。</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="277"/>
        <source>Change product</source>
        <translation>修改商品</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="283"/>
        <location filename="../../widgets/rundown_details.py" line="309"/>
        <source>Edit talking points</source>
        <translation>编辑话术</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="285"/>
        <location filename="../../widgets/rundown_details.py" line="311"/>
        <source>Edit cues</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <location filename="../../widgets/rundown_details.py" line="294"/>
        <source>At most %1 characters (this has %2).</source>
        <translation>最多 %1 个字符（这里有 %2 个）。</translation>
    </message>
</context>
<context>
    <name>SegmentTable</name>
    <message>
        <location filename="../../widgets/review_segments.py" line="56"/>
        <source>Segment</source>
        <extracomment>Each row&apos;s planned length (by rundown); None when the rows are by scene. Each row&apos;s planned cell as said (&quot;5:00 → 3:30&quot; when changed on air) and what was changed, when, by whom. By rundown: every line of the table in order (takes and skipped segments; the totals row follows them). What the totals row counts (its tooltip).</extracomment>
        <translation>分段</translation>
    </message>
    <message>
        <location filename="../../widgets/review_segments.py" line="57"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../widgets/review_segments.py" line="58"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../widgets/review_segments.py" line="59"/>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../widgets/review_segments.py" line="59"/>
        <source>Over/under</source>
        <translation>超出/不足</translation>
    </message>
    <message>
        <location filename="../../widgets/review_segments.py" line="60"/>
        <source>Avg viewers</source>
        <translation>平均在线</translation>
    </message>
    <message>
        <location filename="../../widgets/review_segments.py" line="61"/>
        <source>Peak viewers</source>
        <translation>峰值在线</translation>
    </message>
    <message>
        <location filename="../../widgets/review_segments.py" line="62"/>
        <source>Viewer change</source>
        <translation>在线变化</translation>
    </message>
    <message>
        <location filename="../../widgets/review_segments.py" line="63"/>
        <source>Likes/min</source>
        <translation>点赞/分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/review_segments.py" line="64"/>
        <source>Interactions/min</source>
        <translation>互动/分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/review_segments.py" line="65"/>
        <source>Incidents</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../widgets/review_segments.py" line="68"/>
        <source>GMV</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <location filename="../../widgets/review_segments.py" line="68"/>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <location filename="../../widgets/review_segments.py" line="68"/>
        <source>GPM</source>
        <translation>千次观看成交额</translation>
    </message>
    <message>
        <location filename="../../widgets/review_segments.py" line="121"/>
        <source>GMV per 1,000 entries (the platform&apos;s basis)</source>
        <translation>每千次进入直播间的成交金额（平台的口径）</translation>
    </message>
    <message>
        <location filename="../../widgets/review_segments.py" line="123"/>
        <source>GMV per 1,000 average viewers (no entries imported)</source>
        <translation>每千名平均在线观众的成交金额（未导入进入人数）</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../console/settings.py" line="78"/>
        <source>In {file}, {key} = “{value}” is not true or false; the default ({default}) is used. The file as it was is kept as {path}.</source>
        <translation>{file} 中 {key} = “{value}” 不是 “true” 或 “false”；已改用默认值（{default}）。原文件保留为 {path}。</translation>
    </message>
    <message>
        <location filename="../../console/settings.py" line="84"/>
        <source>In {file}, {key} = “{value}” is not one of {choices}; the default ({default}) is used. The file as it was is kept as {path}.</source>
        <translation>{file} 中 {key} = “{value}” 不是 {choices} 之一；已改用默认值（{default}）。原文件保留为 {path}。</translation>
    </message>
    <message>
        <location filename="../../console/settings.py" line="91"/>
        <source>In {file}, {key} is not text of at most {length} characters; the default is used. The file as it was is kept as {path}.</source>
        <translation>{file} 中 {key} 不是不超过 {length} 个字符的文本；已改用默认值。原文件保留为 {path}。</translation>
    </message>
    <message>
        <location filename="../../console/settings.py" line="98"/>
        <source>In {file}, {key} = “{value}” is not a whole number of 0 or more; the default ({default}) is used. The file as it was is kept as {path}.</source>
        <translation>{file} 中 {key} = “{value}” 不是大于等于 0 的整数；已改用默认值（{default}）。原文件保留为 {path}。</translation>
    </message>
    <message>
        <location filename="../../console/settings.py" line="104"/>
        <source>In {file}, {key} = “{value}” is not a number from {minimum:g} to {maximum:g}; the default ({default}) is used. The file as it was is kept as {path}.</source>
        <translation>{file} 中 {key} = “{value}” 不是 {minimum:g} 到 {maximum:g} 之间的数字；已改用默认值（{default}）。原文件保留为 {path}。</translation>
    </message>
    <message>
        <location filename="../../console/settings.py" line="304"/>
        <source>{file} could not be read ({error}); the defaults are used. It is kept as {path}.</source>
        <translation>无法读取 {file}（{error}）；已改用默认设置。原文件保留为 {path}。</translation>
    </message>
</context>
<context>
    <name>ShowGraphs</name>
    <message>
        <location filename="../../widgets/show_view.py" line="43"/>
        <source>GMV per minute</source>
        <extracomment>Finding bands by the worst severity the episode reached (pale: the lines stay readable over them). A pane&apos;s least height (pixels): below it the graphs scroll rather than squeeze. Stacking inside a pane: gap and finding bands, markers, reference lines, then the series. Imported per-minute amounts drawn as bars (only when the show has them).</extracomment>
        <translation>每分钟成交金额</translation>
    </message>
    <message>
        <location filename="../../widgets/show_view.py" line="44"/>
        <source>Orders per minute</source>
        <translation>每分钟订单数</translation>
    </message>
    <message>
        <location filename="../../widgets/show_view.py" line="117"/>
        <source>Move the pointer over a graph to read every figure of that second</source>
        <extracomment>Each finding episode and the stretch its band covers; the bands drawn, by severity.</extracomment>
        <translation>把指针移到图上，读出那一秒的全部数值</translation>
    </message>
    <message>
        <location filename="../../widgets/show_view.py" line="153"/>
        <source>No second of this show was stored: the console watched the room too briefly, or could not write to the show database, so there is nothing to draw.</source>
        <translation>这场直播没有存下任何一秒：中控台监控这个直播间的时间太短，或者无法写入直播数据库，所以没有可画的内容。</translation>
    </message>
    <message>
        <location filename="../../widgets/show_view.py" line="368"/>
        <source>nothing stored here</source>
        <translation>此处没有记录数据</translation>
    </message>
    <message>
        <location filename="../../widgets/show_view.py" line="388"/>
        <source>%1 at %2</source>
        <translation>%2 时%1</translation>
    </message>
</context>
<context>
    <name>ShowHeader</name>
    <message>
        <location filename="../../console/review_windows.py" line="120"/>
        <source>Show %1</source>
        <extracomment>The review&apos;s graphs, in the issue&apos;s order: the live graph docks&apos; panes, named by their first channel. The audience&apos;s three panes close it, comments and chatters per minute included (README: &quot;in the show review&quot;). A review window&apos;s share of a screen larger than a laptop&apos;s: a show&apos;s eight graphs want height (1280×720 on a 1920×1080 screen showed two of them), yet a window the whole screen would hide the console it was opened from. What a loader calls back with, on the GUI thread: the bundle, or None and what went wrong.</extracomment>
        <translation>场次 %1</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="132"/>
        <source>on air %1</source>
        <translation>直播 %1</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="135"/>
        <source>data for %1 % of its seconds</source>
        <translation>数据完整度 %1 %</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="137"/>
        <source>not over yet</source>
        <translation>尚未结束</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="141"/>
        <location filename="../../console/review_windows.py" line="190"/>
        <source>Hosts: %1</source>
        <translation>主播：%1</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="143"/>
        <source>Assistant: %1</source>
        <translation>场控：%1</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="145"/>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="151"/>
        <source>Platform data: %1 (%2), imported by %3</source>
        <translation>平台数据：%1（%2），由 %3 导入</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="157"/>
        <source>Notes: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="165"/>
        <source>Pre-show checklist: %1 by %2 (%3)</source>
        <translation>开播前检查：%1，由 %2 决定（原因：%3）</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="173"/>
        <source>Pre-show checklist: %1 (%2, %3)</source>
        <translation>开播前检查：%1（%2，%3）</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="180"/>
        <source>Pre-show checklist: %1 (%2, by %3)</source>
        <translation>开播前检查：%1（%2，检查人 %3）</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="185"/>
        <source>Pre-show checklist: %1</source>
        <translation>开播前检查：%1</translation>
    </message>
</context>
<context>
    <name>ShowMetaDialog</name>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="159"/>
        <source>Details of show %1</source>
        <translation>场次 %1 的信息</translation>
    </message>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="173"/>
        <source>Edited by</source>
        <translation>编辑人</translation>
    </message>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="188"/>
        <source>There is no show %1.</source>
        <translation>没有场次 %1。</translation>
    </message>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="195"/>
        <source>Last edited by %1 on %2</source>
        <translation>最后由 %1 于 %2 编辑</translation>
    </message>
</context>
<context>
    <name>ShowMetaForm</name>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="99"/>
        <source>e.g. Autumn skincare launch</source>
        <extracomment>Names in one field are separated by commas (either width), the enumeration comma or semicolons.</extracomment>
        <translation>例如：秋季护肤新品首发</translation>
    </message>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="100"/>
        <source>Names, separated by commas</source>
        <translation>姓名，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="101"/>
        <source>e.g. product lines, separated by commas</source>
        <translation>例如产品线，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="104"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="105"/>
        <source>Hosts</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="106"/>
        <source>Assistant</source>
        <translation>场控</translation>
    </message>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="107"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../widgets/show_meta_dialog.py" line="108"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ShowWindow</name>
    <message>
        <location filename="../../console/review_windows.py" line="206"/>
        <source>Show %1</source>
        <translation>场次 %1</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="210"/>
        <source>Loading show %1…</source>
        <translation>正在读取场次 %1…</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="219"/>
        <source>Whole show</source>
        <translation>整场</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="220"/>
        <source>Zoom every graph out to the whole show</source>
        <translation>把所有图表缩放回整场直播</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="226"/>
        <source>By scene</source>
        <translation>按场景</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="227"/>
        <source>By rundown</source>
        <translation>按直播脚本</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="243"/>
        <source>Segments</source>
        <translation>分段</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="244"/>
        <source>Incidents</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="332"/>
        <source>Show %1 could not be opened: %2</source>
        <translation>无法打开场次 %1：%2</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="345"/>
        <source>Show %1 — %2</source>
        <translation>场次 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../console/review_windows.py" line="357"/>
        <source>Incidents (%1)</source>
        <translation>故障（%1）</translation>
    </message>
</context>
<context>
    <name>Shows</name>
    <message>
        <location filename="../../console/cli.py" line="987"/>
        <location filename="../../console/core/review/shows.py" line="409"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="988"/>
        <location filename="../../console/core/review/shows.py" line="410"/>
        <source>Hosts</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="55"/>
        <source>There is no show {id}.</source>
        <translation>没有编号为 {id} 的场次。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="105"/>
        <source>The title is longer than {limit} characters ({count}).</source>
        <translation>标题超过 {limit} 个字符（{count} 个）。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="112"/>
        <source>The assistant&apos;s name is longer than {limit} characters.</source>
        <translation>场控的名字超过 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="117"/>
        <source>The notes are longer than {limit} characters ({count}).</source>
        <translation>备注超过 {limit} 个字符（{count} 个）。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="127"/>
        <source>A host&apos;s name is longer than {limit} characters: “{name}…”.</source>
        <translation>主播的名字超过 {limit} 个字符：“{name}…”。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="128"/>
        <source>At most {most} hosts, not {count}.</source>
        <translation>最多 {most} 位主播，而不是 {count} 位。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="135"/>
        <source>A tag is longer than {limit} characters: “{name}…”.</source>
        <translation>标签超过 {limit} 个字符：“{name}…”。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="136"/>
        <source>At most {most} tags, not {count}.</source>
        <translation>最多 {most} 个标签，而不是 {count} 个。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="146"/>
        <source>Say who is editing the show&apos;s details.</source>
        <translation>请填写是谁在编辑这场直播的信息。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="148"/>
        <source>The editor&apos;s name is longer than {limit} characters.</source>
        <translation>编辑人的名字超过 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="162"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="163"/>
        <source>overridden</source>
        <translation>强制开播</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="164"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="299"/>
        <source>Shows cannot be sorted by “{sort}”; choose one of {keys}.</source>
        <translation>场次不能按“{sort}”排序；请从以下选择：{keys}。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="305"/>
        <source>A page starts at 0 or later and holds 1 to {most} shows.</source>
        <translation>分页起点须不小于 0，每页 1 到 {most} 场。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="308"/>
        <source>The end of the date range is not after its start.</source>
        <translation>日期范围的结束不晚于开始。</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="407"/>
        <source>Show</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="408"/>
        <source>Room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="411"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="412"/>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="413"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="414"/>
        <source>Peak viewers</source>
        <translation>峰值在线</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="415"/>
        <source>Average viewers</source>
        <translation>平均在线</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="416"/>
        <source>Likes/min</source>
        <translation>点赞/分钟</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="417"/>
        <source>Interactions/min</source>
        <translation>互动/分钟</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="418"/>
        <source>Incidents</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="419"/>
        <source>Critical incidents</source>
        <translation>严重故障</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="420"/>
        <source>Checklist</source>
        <translation>开播前检查</translation>
    </message>
    <message>
        <location filename="../../console/core/review/shows.py" line="421"/>
        <source>Data</source>
        <translation>数据完整度</translation>
    </message>
</context>
<context>
    <name>ShowsBrowser</name>
    <message>
        <location filename="../../widgets/shows_browser.py" line="95"/>
        <source>LIVE</source>
        <extracomment>Rows asked for at a time (the first page, then one more each time the view reaches the end). How often the browser, while seen, asks again for the shows it lists (ShowsModel.refresh_quietly), in ms. The columns that narrow, down to these widths (px), when the table is too narrow for every column, in this order (and grow back in the reverse order): the title and hosts elide (their tooltip says them whole); the room cell of a show not over wraps its words onto more lines (ShowCells), so it stays whole.</extracomment>
        <translation>直播中</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="107"/>
        <source>recording now — not on air</source>
        <translation>录制中 — 未开播</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="109"/>
        <source>a console records it now — not on air</source>
        <translation>中控台正在记录 — 未开播</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="111"/>
        <source>not ended, never on air — continues if its room restarts before %1</source>
        <translation>未结束，未开播 — %1 前重启该直播间可接着记录</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="310"/>
        <source>Incidents by severity: critical / warning / info</source>
        <extracomment>A quiet refresh&apos;s answer is about to change the rows in place (a view remembers where it is). The rows were brought up to date in place (refresh_quietly): shows may have been added or changed. Bumped by every new question: a page answering an older one is dropped.</extracomment>
        <translation>按严重程度统计的故障：严重 / 警告 / 提示</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="312"/>
        <source>Seconds with data, as a share of the show&apos;s length (gaps lower it)</source>
        <translation>有数据的秒数占本场时长的比例（有断档则降低）</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="315"/>
        <source>Click to sort by this column</source>
        <translation>点击按此列排序</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="359"/>
        <source>Not on air: a console is recording this show&apos;s figures now (not streaming). Its figures are recomputed at most every 30 s.</source>
        <translation>未开播：中控台正在记录本场数据（未推流），数据最多每 30 秒重新计算一次。</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="371"/>
        <source>Assistant: %1</source>
        <translation>场控：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="446"/>
        <source>From</source>
        <extracomment>The columns widened (a page brought a show not over: its room cell says so): a window sized to the columns may grow to `wanted_width()` (View ▸ Shows… in a window of its own does). Windows opened from here (shows, comparisons, dialogs): kept alive while open.</extracomment>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="448"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="455"/>
        <source>Title contains…</source>
        <translation>标题包含…</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="457"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="459"/>
        <source>Room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="461"/>
        <source>Host</source>
        <translation>主播</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="463"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="505"/>
        <source>Open</source>
        <extracomment>What the title and hosts columns were given, to grow back to when the table widens again. The room column&apos;s width with a show not over listed (its cell whole), for wanted_width.</extracomment>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="506"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="507"/>
        <source>Edit details…</source>
        <translation>编辑信息…</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="508"/>
        <source>Import platform data…</source>
        <translation>导入平台数据…</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="509"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="512"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="513"/>
        <source>Export XLSX…</source>
        <translation>导出电子表格（.xlsx）…</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="514"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="517"/>
        <source>Period report…</source>
        <translation>周期报告…</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="733"/>
        <location filename="../../widgets/shows_browser.py" line="748"/>
        <source>All rooms</source>
        <extracomment>The show at the top of the view before a quiet refresh and its row then (None: the view was at the top).</extracomment>
        <translation>全部直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="734"/>
        <location filename="../../widgets/shows_browser.py" line="749"/>
        <source>All hosts</source>
        <translation>全部主播</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="735"/>
        <location filename="../../widgets/shows_browser.py" line="750"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="326"/>
        <location filename="../../widgets/shows_browser.py" line="757"/>
        <source>Demo room</source>
        <translation>演示直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="114"/>
        <source>not ended — resumable until %1</source>
        <translation>未结束 — %1 前可续播</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="355"/>
        <source>On air now: its figures are recomputed at most every 30 s.</source>
        <translation>正在直播：数据最多每 30 秒重新计算一次。</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="365"/>
        <source>Not ended, and nothing is being recorded for it now (the console quit, or lost OBS): a restart of its room before %1 resumes it; after that it is over.</source>
        <translation>未结束，但当前没有在记录（中控台已退出或与 OBS 失去连接）：在 %1 前重启该直播间即可续上这一场；之后即视为已结束。</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="811"/>
        <source>Loading shows…</source>
        <translation>正在读取场次…</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="815"/>
        <source>Shows: %1</source>
        <translation>共 %1 场</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="817"/>
        <source>figures of running shows may be behind: %1</source>
        <translation>直播中场次的数据可能滞后：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="894"/>
        <source>Opening a show is not available in this version of the console.</source>
        <translation>此版本的中控台无法打开场次。</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="902"/>
        <source>Select two or more shows to compare.</source>
        <translation>请选择两场或以上进行对比。</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="906"/>
        <source>Comparing shows is not available in this version of the console.</source>
        <translation>此版本的中控台无法对比场次。</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="946"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="947"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>电子表格 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="948"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="954"/>
        <source>Export show %1</source>
        <translation>导出场次 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="961"/>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="965"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/shows_browser.py" line="967"/>
        <source>This export is not available in this version of the console.</source>
        <translation>此版本的中控台无法进行该导出。</translation>
    </message>
</context>
<context>
    <name>ShowsCli</name>
    <message>
        <location filename="../../console/cli.py" line="745"/>
        <source>“%1” is not a date such as 2026-11-02, nor a date and time such as 2026-11-02T20:00</source>
        <translation>“%1”不是日期（如 2026-11-02），也不是日期时间（如 2026-11-02T20:00）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="842"/>
        <source>the figures of shows not over yet may be behind: %1</source>
        <translation>尚未结束的场次的数据可能不是最新的：%1</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="862"/>
        <source>No show matches.</source>
        <translation>没有符合条件的场次。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="725"/>
        <source>the database cannot be used: %1</source>
        <translation>无法使用数据库：%1</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="844"/>
        <source>Shows of the demo room left out (rehearsals on the simulator): %1. --include-demo lists them.</source>
        <translation>未列出演示直播间的场次（模拟器上的彩排）：%1 场。加 --include-demo 可列出。</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="890"/>
        <source>%1–%2 of %3 show; incidents: critical/warning/info</source>
        <translation>第 %1–%2 场，共 %3 场；故障：严重/警告/提示</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="892"/>
        <source>%1–%2 of %3 shows; incidents: critical/warning/info</source>
        <translation>第 %1–%2 场，共 %3 场；故障：严重/警告/提示</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="910"/>
        <source>● on air now</source>
        <extracomment>After a show&apos;s duration in `onair shows`: on air now, recording (not on air) now, stored now (a console watches it, neither streaming nor recording), not over and nobody records it now; the Shows browser&apos;s words by one rule.</extracomment>
        <translation>● 正在直播</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="911"/>
        <source>◉ recording now, not on air</source>
        <translation>◉ 录制中，未开播</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="912"/>
        <source>○ a console records its figures now, not on air</source>
        <translation>○ 中控台正在记录数据，未开播</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="913"/>
        <source>… not over, nobody records it now (a restart of its room&apos;s console within 15 minutes continues it)</source>
        <translation>… 尚未结束但现在没有中控台在记录（15 分钟内重启该直播间中控台可接着记录）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="949"/>
        <source>there is no show %1</source>
        <translation>没有编号为 %1 的场次</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="989"/>
        <source>Assistant</source>
        <translation>场控</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="990"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="991"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="992"/>
        <source>Last edited by</source>
        <translation>最后编辑人</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="993"/>
        <source>Last edited at</source>
        <translation>最后编辑时间</translation>
    </message>
</context>
<context>
    <name>SourceBar</name>
    <message>
        <location filename="../../widgets/graph_dock.py" line="56"/>
        <source>Source…</source>
        <extracomment>A pane below this shows a line and no scale (the CPU graph was ~50 px tall on a laptop); with the graph&apos;s toolbar and time axis this is a graph dock&apos;s least usable height. A workspace that cannot give it tabs docks.</extracomment>
        <translation>来源…</translation>
    </message>
    <message>
        <location filename="../../widgets/graph_dock.py" line="57"/>
        <source>Where this room&apos;s audience figures come from</source>
        <translation>本直播间观众数据的来源</translation>
    </message>
</context>
<context>
    <name>Studio</name>
    <message>
        <location filename="../../console/core/studio/shared_db.py" line="65"/>
        <source>“{url}” is not a database address: {error}</source>
        <translation>“{url}”不是数据库地址：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/studio/shared_db.py" line="69"/>
        <source>shared mode needs the studio&apos;s {needed} database; {where} is {backend}, which cannot tell the wall when a room changes (no LISTEN/NOTIFY). Give a postgresql+psycopg:// address</source>
        <translation>共享模式需要工作室的 {needed} 数据库；{where} 是 {backend}，无法在直播间有变化时通知大屏（不支持 LISTEN/NOTIFY）。请填写 postgresql+psycopg:// 开头的地址</translation>
    </message>
    <message>
        <location filename="../../console/core/studio/shared_publisher.py" line="89"/>
        <source>a room&apos;s name cannot contain the NUL character</source>
        <translation>直播间名称不能包含空字符（编码为零的字符）</translation>
    </message>
    <message>
        <location filename="../../console/core/studio/shared_publisher.py" line="146"/>
        <source>the studio&apos;s database ({where}) has not answered for {seconds} s; the room&apos;s newest status is kept and sent when it answers</source>
        <translation>工作室数据库（{where}）已 {seconds} 秒没有响应；直播间的最新状态已保留，数据库响应后即发送</translation>
    </message>
    <message>
        <location filename="../../console/core/studio/shared_publisher.py" line="199"/>
        <source>the studio&apos;s database ({where}) does not let this console publish the room “{room}”: {error} (see onair studio-roles: each room&apos;s console logs in as its room&apos;s role)</source>
        <translation>工作室数据库（{where}）不允许本中控台发布直播间“{room}”：{error}（参见 onair studio-roles：每个直播间中控台须以该直播间的角色登录）</translation>
    </message>
    <message>
        <location filename="../../console/core/studio/shared_publisher.py" line="260"/>
        <source>the studio&apos;s database cannot be used: {error}</source>
        <translation>工作室数据库无法使用：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/studio/shared_publisher.py" line="312"/>
        <source>the room “{room}” is already published by another console, {other} (its last heartbeat {seconds} s ago); this console does not publish it until that one stops</source>
        <translation>直播间“{room}”已由另一台中控台 {other} 发布（其最近一次心跳在 {seconds} 秒前）；在那台中控台停止之前，本中控台不发布该直播间</translation>
    </message>
    <message>
        <location filename="../../console/core/studio/shared_publisher.py" line="370"/>
        <source>the studio&apos;s database ({where}) is unreachable since {since}: {error}; the room&apos;s newest status is kept and sent when it is back</source>
        <translation>工作室数据库（{where}）自 {since} 起无法连接：{error}；直播间的最新状态已保留，数据库恢复后即发送</translation>
    </message>
    <message>
        <location filename="../../console/core/studio/shared.py" line="180"/>
        <source>the database ({where}) has no studio tables yet (its schema is older than 0014): a room console creates them when it first publishes</source>
        <translation>数据库（{where}）还没有直播间总览的表（其结构早于 0014）：直播间的中控台第一次发布时会创建它们</translation>
    </message>
    <message>
        <location filename="../../console/core/studio/shared.py" line="190"/>
        <source>this database role may not read the studio ({where})</source>
        <translation>这个数据库角色无权读取直播间总览（{where}）</translation>
    </message>
</context>
<context>
    <name>StudioController</name>
    <message>
        <location filename="../../console/studio_controller.py" line="329"/>
        <source>There is no saved room to show: add rooms under Connection ▸ Rooms… first.</source>
        <extracomment>Pictures are asked for this often (shared mode publishes one every 10 s; direct mode&apos;s are taken on demand). A picture is kept at most this wide (a TV tile&apos;s picture box is about 300 px). Walls open now (a wall outlives the main window that opened it: a language switch rebuilds that window). Sources still being closed. A closed wall&apos;s source stops on a thread of its own: a direct wall&apos;s rooms each join their driver (an OBS that stopped answering holds its room&apos;s stop for seconds), which must not freeze the GUI thread. Not daemons, and the application&apos;s exit waits for them (`wait_for_closing`): no room&apos;s last seconds are lost and no thread is left. How long a wall opened again waits for the rooms of the one closed just before to stop (they are the same rooms: two sessions of one room would write its show twice). The wall&apos;s `destroyed` closes this controller (`_keep`): undone by `close`. Set once the source has closed (on the closing thread, after close() has returned). Called once when the controller closes (what the mode opened alongside: shared mode&apos;s review reader).</extracomment>
        <translation>没有可显示的已保存直播间：请先在 连接 ▸ 直播间… 中添加。</translation>
    </message>
    <message>
        <location filename="../../console/studio_controller.py" line="349"/>
        <source>The rooms cannot be watched: %1</source>
        <translation>无法监看这些直播间：%1</translation>
    </message>
    <message>
        <location filename="../../console/studio_controller.py" line="353"/>
        <source>this computer&apos;s rooms</source>
        <translation>本机的直播间</translation>
    </message>
    <message>
        <location filename="../../console/studio_controller.py" line="428"/>
        <source>The studio&apos;s database cannot be used: %1</source>
        <translation>无法使用基地的数据库：%1</translation>
    </message>
    <message>
        <location filename="../../console/studio_controller.py" line="432"/>
        <source>shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <location filename="../../console/studio_controller.py" line="471"/>
        <source>Looking for the live show of “%1”…</source>
        <translation>正在查找“%1”正在进行的直播…</translation>
    </message>
    <message>
        <location filename="../../console/studio_controller.py" line="481"/>
        <source>The show of “%1” cannot be read: %2</source>
        <translation>无法读取“%1”的直播：%2</translation>
    </message>
    <message>
        <location filename="../../console/studio_controller.py" line="489"/>
        <source>“%1” has no live show to review.</source>
        <translation>“%1”当前没有正在进行的直播可回看。</translation>
    </message>
    <message>
        <location filename="../../console/studio_controller.py" line="495"/>
        <source>This console is built without the show review.</source>
        <translation>此中控台未包含直播回看。</translation>
    </message>
    <message>
        <location filename="../../console/studio_controller.py" line="537"/>
        <source>the studio wall reads what every room publishes to the studio&apos;s PostgreSQL: give its address with --database postgresql+psycopg://user@host/onair or $ONAIR_DATABASE_URL (SQLite is one computer&apos;s file; View ▸ Studio in the console shows this computer&apos;s own rooms).</source>
        <translation>直播间总览读取各直播间发布到基地 “PostgreSQL” 数据库的状态：请用 --database postgresql+psycopg://user@host/onair 或 `$ONAIR_DATABASE_URL` 给出它的地址（“SQLite” 只是一台电脑上的文件；中控台的 视图 ▸ 直播间总览 显示本机自己的直播间）。</translation>
    </message>
    <message>
        <location filename="../../console/studio_controller.py" line="544"/>
        <source>no display found (DISPLAY/WAYLAND_DISPLAY unset): the studio wall is a window.</source>
        <translation>找不到显示器（未设置 DISPLAY/WAYLAND_DISPLAY）：直播间总览是一个窗口。</translation>
    </message>
</context>
<context>
    <name>StudioTile</name>
    <message>
        <location filename="../../widgets/studio_tile.py" line="225"/>
        <source>no picture</source>
        <extracomment>A tile&apos;s shape (width : height); its type scales with its height, so a &quot;TV&quot; tile is the same tile, larger. The lines of text a tile holds: name, element -&gt; (font size as a fraction of a unit, bold). What repaints when a text changes: &quot;no picture&quot; is written across the picture box, the tally on its badge. Where a finding&apos;s line may break: after a space or a Chinese pause, or before an opening bracket — not between a figure and its unit (&quot;OBS 15&quot; / &quot;%，…&quot; read badly on a TV tile). The scaled picture in grey, painted while it is no longer current (made when first needed). The picture is not current (see _refresh): painted greyed, its time across its foot. When the room&apos;s OBS link was last seen lost (a status&apos;s time): a picture taken before is not current. Tooltips that say more than the line itself (a silent tile&apos;s last figures, dated). While the source is away: the last moment the wall heard it (silence is judged then, not now).</extracomment>
        <translation>无画面</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_tile.py" line="498"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_tile.py" line="499"/>
        <source>fine</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_tile.py" line="500"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_tile.py" line="501"/>
        <source>critical</source>
        <translation>严重</translation>
    </message>
</context>
<context>
    <name>StudioWall</name>
    <message>
        <location filename="../../widgets/studio_text.py" line="50"/>
        <source>%1 s ago</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="52"/>
        <source>%1 min ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="53"/>
        <source>%1 h ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="60"/>
        <source>NO REPORT</source>
        <translation>无上报</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="64"/>
        <source>ON AIR (last known)</source>
        <translation>正在直播（最后已知）</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="66"/>
        <source>ON AIR</source>
        <translation>正在直播</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="67"/>
        <source>OFF AIR</source>
        <translation>未开播</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="77"/>
        <source>console not reporting · %1</source>
        <translation>中控台未上报 · %1</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="98"/>
        <source>last report %1 · was on air</source>
        <translation>最后报告 %1 · 当时在直播</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="100"/>
        <source>last report %1 · was off air</source>
        <translation>最后报告 %1 · 当时未直播</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="107"/>
        <source>last known at %1</source>
        <translation>最后已知于 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="116"/>
        <source>At %1 (its last report): %2</source>
        <translation>%1（最后一次报告）：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="138"/>
        <source>OBS not connected</source>
        <translation>未连接 OBS</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="139"/>
        <source>connecting to OBS…</source>
        <translation>正在连接 OBS…</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="140"/>
        <source>OBS not connected, trying again</source>
        <translation>未连接 OBS，正在重试</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="141"/>
        <source>OBS is not answering</source>
        <translation>OBS 没有响应</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="142"/>
        <source>OBS refused the password</source>
        <translation>OBS 拒绝了密码</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="143"/>
        <source>OBS&apos;s obs-websocket is not version 5</source>
        <translation>OBS 的 obs-websocket 不是第 5 版</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="150"/>
        <source>OBS closed or crashed: nothing listens where it was</source>
        <extracomment>Why the link has lost OBS (obs.messages.LinkLoss), said before the health finding opens (it waits 3 s) and on a tile whose room keeps no findings; &quot;lost&quot; and an older console&apos;s status say the link&apos;s state instead.</extracomment>
        <translation>OBS 已关闭或崩溃：原端口上没有程序在监听</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="151"/>
        <source>OBS was closed (it said it was exiting)</source>
        <translation>OBS 已关闭（它通知了正在退出）</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="152"/>
        <source>OBS is not answering: frozen or overloaded</source>
        <translation>OBS 没有响应：卡死或负载过重</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="153"/>
        <source>the OBS computer does not answer on the network</source>
        <translation>OBS 电脑在网络上没有应答</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="158"/>
        <source>OBS asks for a password this computer has not kept: open the room to enter it</source>
        <extracomment>OBS asked for a password and none was given: this computer keeps none for the room (console.core.studio.snapshot).</extracomment>
        <translation>OBS 需要密码，但本机没有保存：请打开该直播间输入密码</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="188"/>
        <source>No problems found</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="202"/>
        <source>on time</source>
        <translation>准时</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="204"/>
        <source>+%1 behind</source>
        <translation>落后 +%1</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="205"/>
        <source>%1 ahead</source>
        <translation>提前 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="250"/>
        <source>Went live: list ready</source>
        <extracomment>A list went live with the stream on air when its console saw the stream start within this of the stream&apos;s start (OBS&apos;s own figure): the same stream, though its show was split (a room handed between a console and a wall).</extracomment>
        <translation>开播：清单就绪</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="253"/>
        <source>Went live: overridden by %1</source>
        <translation>开播：%1 强行放行</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="255"/>
        <source>Went live: list not ready</source>
        <translation>开播：清单未就绪</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="257"/>
        <source>Went live: no list</source>
        <translation>开播：无清单</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="271"/>
        <source>OBS closed or crashed — no longer streaming</source>
        <translation>OBS 已关闭或崩溃——已不在推流</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="273"/>
        <source>Stream cut — go live again</source>
        <translation>直播已中断——请重新开播</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="299"/>
        <source>%1 viewer</source>
        <translation>%1 位观众</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="332"/>
        <source>last picture</source>
        <translation>最后画面</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="333"/>
        <source>last picture %1</source>
        <translation>最后画面 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="339"/>
        <source>The room&apos;s last program picture: no newer one has come since.</source>
        <translation>这是该直播间最后收到的节目画面：此后没有新画面。</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="341"/>
        <source>The room&apos;s program picture as it was at %1 (%2): no newer one has come since.</source>
        <translation>该直播间 %1 时的节目画面（%2）：此后没有新画面。</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="212"/>
        <source>%1 comments/min</source>
        <translation>每分钟 %1 条评论</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="282"/>
        <source>Prep: not started</source>
        <translation>开播检查：未开始</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="285"/>
        <source>Prep: %1/%2 running</source>
        <translation>开播检查：进行中 %1/%2</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="291"/>
        <source>Prep: passed</source>
        <translation>开播检查：已通过</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="292"/>
        <source>Prep: failed %1</source>
        <translation>开播检查：%1 项未通过</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="297"/>
        <source>viewers %1</source>
        <translation>观众 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="301"/>
        <source>%1 viewers</source>
        <translation>%1 位观众</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_text.py" line="312"/>
        <source>%1 kb/s · %2 % dropped</source>
        <translation>%1 kb/s · 丢帧 %2 %</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="175"/>
        <source>Studio — OnAir Console</source>
        <extracomment>A room that got better moves down the wall only once its better rank has held this long. The narrowest tile per size (the &quot;fit&quot; size takes the largest tiles that show every room without scrolling). Words after &quot;Studio&quot; in the title bar; a callable is asked again on each language switch (the wall may outlive the language it was opened in: the console&apos;s own wall stays open through a switch). room -&gt; (rank it is sorted by, since when a better rank has held; None: none pending) A line for what a tile&apos;s opening found (shared mode: &quot;no live show to review&quot;).</extracomment>
        <translation>直播间总览 — OnAir 直播中控台</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="177"/>
        <source>Studio</source>
        <translation>直播间总览</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="178"/>
        <source>Find a room…</source>
        <translation>查找直播间…</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="179"/>
        <source>Show only the rooms whose name contains this (Ctrl+F)</source>
        <translation>只显示名称包含这些字的直播间（“Ctrl+F”）</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="183"/>
        <source>Normal tiles</source>
        <translation>普通大小</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="184"/>
        <source>Large tiles (TV)</source>
        <translation>大卡片（电视）</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="185"/>
        <source>Fit every room</source>
        <translation>全部放下</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="188"/>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="189"/>
        <source>Full screen on this monitor (F11; Esc leaves it)</source>
        <translation>在此显示器上全屏（“F11”；按“Esc”退出）</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="190"/>
        <location filename="../../widgets/studio_wall.py" line="293"/>
        <source>No room has reported yet.</source>
        <translation>还没有直播间上报状态。</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="291"/>
        <source>No room&apos;s name contains “%1”.</source>
        <translation>没有名称包含“%1”的直播间。</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="323"/>
        <source>%1 room</source>
        <translation>%1 个直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="323"/>
        <source>%1 rooms</source>
        <translation>%1 个直播间</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="324"/>
        <source>%1 needs attention</source>
        <translation>%1 个需要关注</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="324"/>
        <source>%1 need attention</source>
        <translation>%1 个需要关注</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="327"/>
        <source>%1 · %2 on air · %3</source>
        <translation>%1 · %2 个正在直播 · %3</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="337"/>
        <source>database unreachable — showing what was last known, %1</source>
        <translation>数据库无法连接 — 显示的是最后已知的状态，%1</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="339"/>
        <source>the studio&apos;s source is in trouble — showing what was last known, %1</source>
        <translation>基地的状态来源出了问题 — 显示的是最后已知的状态，%1</translation>
    </message>
    <message>
        <location filename="../../widgets/studio_wall.py" line="343"/>
        <source>What the database driver said (for the technician): %1</source>
        <translation>数据库驱动的原话（供技术人员参考）：%1</translation>
    </message>
</context>
<context>
    <name>TalentScreen</name>
    <message>
        <location filename="../../widgets/talent_chooser.py" line="35"/>
        <source>unnamed screen</source>
        <translation>未命名屏幕</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_chooser.py" line="39"/>
        <source>%1 × %2 at (%3, %4)</source>
        <translation>%1 × %2，位于 (%3, %4)</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_chooser.py" line="45"/>
        <source>(primary)</source>
        <translation>（主屏幕）</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_chooser.py" line="73"/>
        <source>The screen chosen last time (%1, %2) is not connected; the primary screen is used.</source>
        <translation>上次选择的屏幕（%1，%2）未连接，改用主屏幕。</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_chooser.py" line="89"/>
        <source>Talent screen</source>
        <translation>主播屏</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_chooser.py" line="112"/>
        <source>Show full screen</source>
        <translation>全屏显示</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_chooser.py" line="117"/>
        <source>Show the talent screen on:</source>
        <translation>主播屏显示在：</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_chooser.py" line="122"/>
        <source>%1 or a double-click on it leaves full screen; %1 again closes it.</source>
        <translation>按 %1 或双击主播屏退出全屏；再按一次 %1 关闭它。</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_screen.py" line="184"/>
        <source>Talent screen — OnAir Console</source>
        <extracomment>The message line flashes this many half-periods when it changes (about 1.5 s). The winners stay on the screen this long after the draw (or until a click, Esc, Space or Enter dismisses them). The text as painted: cut with &quot;…&quot; when even the smallest type allowed does not fit on one line. Painted word-wrapped (the host&apos;s message line when one line would cut it). Each lottery dismissed, with how many winners it had drawn then: a replacement drawn later (one more winner) is shown again, for the host to read out.</extracomment>
        <translation>主播屏 — 直播中控台</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_screen.py" line="521"/>
        <source>… and %1 more</source>
        <translation>…… 还有 %1 人</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="59"/>
        <source>still on air</source>
        <extracomment>The screen&apos;s palette: light text on near-black (a TV in a bright studio), one meaning per colour.</extracomment>
        <translation>直播仍在进行</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="60"/>
        <source>Rundown ended</source>
        <translation>脚本已结束</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="64"/>
        <source>Starts at %1</source>
        <translation>%1 开始</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="68"/>
        <source>planned start</source>
        <translation>计划开始</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="75"/>
        <source>elapsed</source>
        <translation>已进行</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="80"/>
        <source>over</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="82"/>
        <source>remaining</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="96"/>
        <source>Not started yet</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="106"/>
        <source>Next: — (last segment)</source>
        <translation>下一个：—（最后一个环节）</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="108"/>
        <source>Next: %1</source>
        <translation>下一个：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="122"/>
        <source>Tell the technician</source>
        <translation>告诉技术</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="124"/>
        <source>Minor problem</source>
        <translation>小问题</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="126"/>
        <source>Health unknown</source>
        <translation>健康状况未知</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="127"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="145"/>
        <source>OBS not connected</source>
        <translation>未连接 OBS</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="148"/>
        <source>RECONNECTING</source>
        <translation>重新连接中</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="150"/>
        <source>ON AIR</source>
        <translation>直播中</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="152"/>
        <source>OFF AIR</source>
        <translation>未开播</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="156"/>
        <source>REC paused</source>
        <translation>录制暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="158"/>
        <source>REC</source>
        <translation>录制</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="171"/>
        <source>Viewers %1</source>
        <translation>观看 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="181"/>
        <source>Lottery: write “%1” to enter · %2 entered</source>
        <translation>抽奖：发送“%1”参与 · 已有 %2 人参与</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="185"/>
        <source>Lottery closed · %1 entered · drawing soon</source>
        <translation>抽奖已截止 · %1 人参与 · 即将开奖</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="192"/>
        <source>Lottery drawn: nobody entered</source>
        <translation>已开奖：无人参与</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="194"/>
        <source>Lottery “%1”</source>
        <translation>抽奖“%1”</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="197"/>
        <source>Winner of “%1”</source>
        <translation>“%1”中奖名单</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="198"/>
        <source>Winners of “%1”</source>
        <translation>“%1”中奖名单</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="222"/>
        <source>%1 (redrawn)</source>
        <translation>%1（补抽）</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="227"/>
        <source>No winner yet — redrawing…</source>
        <translation>暂无中奖者，补抽中…</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="229"/>
        <source>No winner — nobody left to draw</source>
        <translation>无人中奖，已无人可补抽</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="235"/>
        <source>redrawing…</source>
        <translation>补抽中…</translation>
    </message>
    <message>
        <location filename="../../widgets/talent_text.py" line="237"/>
        <source>nobody left to draw</source>
        <translation>已无人可补抽</translation>
    </message>
</context>
<context>
    <name>Telemetry</name>
    <message>
        <location filename="../../console/telemetry_controller.py" line="44"/>
        <source>Graph history is not being saved: %1</source>
        <translation>图表历史未能保存：%1</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/writer.py" line="248"/>
        <source>the database ({where}) has not answered for {seconds} s; the rows are kept in memory</source>
        <extracomment>A console restarted within this long continues the same show (its graphs come back). How long a writer that follows another (a room switch) waits for it to end its show before opening its own; the one before spills what it cannot write in its own time, so this is only reached when its database is stuck. Rows kept while the database is failing: 6 hours at 1 Hz; older ones are dropped, and that is said. After an unexpected failure the writer starts again after 1, 2, 4 … 30 s. Comments (show_comments) written in one flush at most: a flood is stored over several flushes, never as one transaction holding the database for seconds. Comments kept while the database is failing; older ones are dropped, and that is counted. A database call taking longer than this is reported as &quot;not answering&quot; (the rows wait in memory). How far back the writer remembers the seconds it stored: at the show&apos;s end, seconds of the show it did not store tell that another console still records it (Storage.end_show). A problem in words (English, from the database), a translatable one, a database failure by its cause (said in the reader&apos;s language by the GUI: console/database_words.py), or None when it is over. Something worth telling that is not a problem (rows from the last exit written in). A resumed show&apos;s rundown as stored: its marks (console.core.rundown.live.Mark) and snapshot (or None). The writer of the console&apos;s show before this one (a room switch), still finishing in the background. The rundown&apos;s marks not yet written, newest state by seq, and the snapshot (written once). Comments (console/core/chat/room.py comment_row) not yet written, oldest first; and how many were dropped. The newest state of each finding episode not yet written (by its key). The times of the seconds this writer stored lately (OWN_SECONDS_S), and when it opened its show (wall clock): a second stored before that is not another console recording alongside (an earlier process&apos;s). Whether the show was marked ended at the stop (False: another console still records it, or it failed). Since when (monotonic) the writer has been inside one database call; None when it is not. Guards the pending rows: the writer thread changes them, a closing console may spill them. Called once on the writer&apos;s thread when a stop is asked, before the last flush: comments still arriving from sources that are stopping (a room switch), which it may wait for (console/core/session.py). How often an unexpected error restarted the writer.</extracomment>
        <translation>数据库（{where}）已 {seconds} 秒无响应；数据暂存在内存中</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/writer.py" line="277"/>
        <source>the writer stopped on an unexpected error ({error}) and was restarted; 1 row is kept in memory</source>
        <translation>写入线程遇到意外错误（{error}）已重新启动；1 行数据暂存在内存中</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/writer.py" line="283"/>
        <source>the writer stopped on an unexpected error ({error}) and was restarted; {pending} rows are kept in memory</source>
        <translation>写入线程遇到意外错误（{error}）已重新启动；{pending} 行数据暂存在内存中</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/writer.py" line="438"/>
        <source>{seconds} s of telemetry that could not be saved at the last exit are now stored</source>
        <translation>上次退出时未能保存的 {seconds} 秒遥测数据现已写入</translation>
    </message>
</context>
<context>
    <name>TelemetryGraph</name>
    <message>
        <location filename="../../widgets/telemetry_graph.py" line="63"/>
        <source>1 min</source>
        <extracomment>Marker names drawn at most (the newest); the others are named by the crosshair readout. Pixels around a marker name&apos;s text (its dark box). (seconds, label); None = the whole show.</extracomment>
        <translation>1 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/telemetry_graph.py" line="64"/>
        <source>5 min</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/telemetry_graph.py" line="65"/>
        <source>15 min</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/telemetry_graph.py" line="66"/>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location filename="../../widgets/telemetry_graph.py" line="67"/>
        <source>Whole show</source>
        <translation>整场直播</translation>
    </message>
    <message>
        <location filename="../../widgets/telemetry_graph.py" line="222"/>
        <source>Live</source>
        <extracomment>Stacking inside a pane: congestion shading, then marker lines and reference lines, then the series, then the marker names and the crosshair. The grid is drawn by the axes, which sit behind the whole plot. Marker names are drawn in at most this many lanes (fewer when the pane is short). The ring (id, version) the graph last looked at, drawn or not worth a redraw: a sample&apos;s round trip.</extracomment>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../widgets/telemetry_graph.py" line="225"/>
        <source>Follow the newest second; drag or zoom the graph to pause</source>
        <translation>跟随最新数据；拖动或缩放图表即暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/telemetry_graph.py" line="227"/>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <location filename="../../widgets/telemetry_graph.py" line="229"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location filename="../../widgets/telemetry_graph.py" line="709"/>
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <location filename="../../widgets/telemetry_graph.py" line="715"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../widgets/telemetry_graph.py" line="727"/>
        <source>the picture could not be made</source>
        <translation>无法生成图片</translation>
    </message>
    <message>
        <location filename="../../widgets/telemetry_graph.py" line="759"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../widgets/telemetry_graph.py" line="760"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>_SourceForm</name>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="121"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="122"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="135"/>
        <source>App id (项目ID)</source>
        <translation>项目ID</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="136"/>
        <source>Access key id</source>
        <translation>访问密钥 ID（access_key_id）</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="141"/>
        <source>The app id and access key come from a developer account on Bilibili&apos;s open platform; the host finds the identity code (身份码) in Bilibili&apos;s live centre. The secret and the identity code are kept in the system keyring.</source>
        <translation>项目ID 和访问密钥来自哔哩哔哩直播开放平台的开发者账号；主播在哔哩哔哩直播中心找到自己的身份码。访问密钥密文和身份码保存在系统钥匙串中。</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="159"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="160"/>
        <source>Headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="161"/>
        <source>Token ({secret})</source>
        <translation>令牌（{secret}）</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="168"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="172"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="173"/>
        <source>Read the comments already in the file too</source>
        <translation>文件中已有的评论也读取</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="205"/>
        <source>Channel</source>
        <extracomment>The refresh token from &quot;Sign in with Twitch&quot; (kept in the keyring, never shown).</extracomment>
        <translation>频道</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="206"/>
        <source>Read with</source>
        <translation>读取方式</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="207"/>
        <source>Client ID (your Twitch app)</source>
        <translation>Client ID（你们的 Twitch 应用）</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="209"/>
        <source>Sign in with Twitch…</source>
        <translation>用 Twitch 登录…</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="217"/>
        <source>Copy code and address</source>
        <translation>复制登录码和地址</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="218"/>
        <location filename="../../widgets/chat_sources_dialog.py" line="276"/>
        <source>Cancel signing in</source>
        <translation>取消登录</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="229"/>
        <source>EventSub reads the chat with a user token holding user:read:chat, and posts quick replies when it also holds user:write:chat. “Sign in with Twitch…” gets both without pasting anything: it needs the Client ID of the Twitch app your team registered (a public client, see the README).</source>
        <translation>“EventSub”用带有“user:read:chat”权限的用户令牌读取聊天；令牌同时带有“user:write:chat”时还能发送快捷回复。“用 Twitch 登录…”无需粘贴任何东西即可获得这两项权限：需要你们团队注册的 Twitch 应用的 Client ID（公开客户端，见说明文档）。</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="255"/>
        <source>Live video or channel</source>
        <translation>直播视频或频道</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="256"/>
        <source>Credential</source>
        <translation>凭据</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="265"/>
        <source>Google client ID (your app)</source>
        <extracomment>The refresh token from &quot;Sign in with Google&quot; (kept in the keyring, never shown).</extracomment>
        <translation>谷歌客户端 ID（你们的应用）</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="269"/>
        <source>Sign in with Google…</source>
        <translation>用谷歌账号登录…</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="282"/>
        <source>Daily quota budget (units)</source>
        <translation>每日配额预算（单位）</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="285"/>
        <source>An API key reads a public live chat. The channel owner&apos;s OAuth token (scope youtube.force-ssl) also posts quick replies (50 quota units each). “Sign in with Google…” gets it in the browser: it needs the client ID and secret of the Google “Desktop app” your team registered (see the README).</source>
        <translation>API 密钥可读取公开的直播聊天。频道所有者的“OAuth”授权令牌（权限“youtube.force-ssl”）还能发送快捷回复（每条 50 个配额单位）。“用谷歌账号登录…”在浏览器中获取该令牌：需要你们团队注册的谷歌“Desktop app”（桌面应用）的客户端 ID 和密钥（见说明文档）。</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="310"/>
        <source>this address</source>
        <translation>这个地址</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="312"/>
        <source>Sign in to Google in the browser that opened (or open %1). Waiting for Google…</source>
        <translation>请在打开的浏览器中登录谷歌（或打开%1）。正在等待谷歌…</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="334"/>
        <source>Open in any browser and sign in to Twitch:&lt;br&gt;%1&lt;br&gt;then enter the code %2&lt;br&gt;Waiting for Twitch…</source>
        <translation>在任意浏览器中打开下面的地址并登录 Twitch：&lt;br&gt;%1&lt;br&gt;然后输入登录码 %2&lt;br&gt;正在等待 Twitch…</translation>
    </message>
    <message>
        <location filename="../../widgets/chat_sources_dialog.py" line="422"/>
        <source>The file another tool writes the comments to</source>
        <translation>其他工具写入评论的文件</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <location filename="../../console/cli.py" line="2148"/>
        <source>usage: </source>
        <extracomment>argparse&apos;s own words (Python 3.11+: `argparse._`, gettext&apos;s, which has no Chinese), said through our catalogue while `onair` reads its command line: `onair --lang zh_CN --help` was English from &quot;usage:&quot; to the last option, and a mistyped option was answered in English (fresh18&apos;s first-day walk).</extracomment>
        <translation>用法：</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2149"/>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2150"/>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2151"/>
        <source>show this help message and exit</source>
        <translation>显示本帮助并退出</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2152"/>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2153"/>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2154"/>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2155"/>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>%(value)r 不是有效的数字</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2156"/>
        <source>the following arguments are required: %s</source>
        <translation>缺少必需的参数：%s</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2157"/>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2158"/>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2159"/>
        <source>expected at least one argument</source>
        <translation>至少需要一个值</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2160"/>
        <source>expected at most one argument</source>
        <translation>最多只能有一个值</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2161"/>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2162"/>
        <source>one of the arguments %s is required</source>
        <translation>必须给出参数 %s 之一</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2163"/>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项不明确：%(option)s 可能是 %(matches)s</translation>
    </message>
    <message>
        <location filename="../../console/cli.py" line="2164"/>
        <source>ignored explicit argument %r</source>
        <translation>忽略了多余的值 %r</translation>
    </message>
</context>
</TS>
