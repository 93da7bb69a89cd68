<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdministratorPage</name>
    <message>
        <source>The first administrator</source>
        <translation>第一位管理员</translation>
    </message>
    <message>
        <source>The administrator adds the other operators and sets their PINs. Choose a PIN of 4 to 8 digits that is not a repeat, a run, a year or a common PIN.</source>
        <translation>管理员负责添加其他操作员并设置他们的 PIN 码。请设置 4 到 8 位数字的 PIN 码，不要用重复数字、连续数字、年份或常见 PIN 码。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>再次输入 PIN 码</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <source>Acknowledge
{key}</source>
        <translation>已知悉
{key}</translation>
    </message>
    <message>
        <source>{what} (out since {time}, {hours} h allowed)</source>
        <translation>{what}（{time} 外出，限 {hours} 小时内返回）</translation>
    </message>
    <message>
        <source>{what} (one exit per {days} days)</source>
        <translation>{what}（每 {days} 天限出一次）</translation>
    </message>
</context>
<context>
    <name>Anchor</name>
    <message>
        <source>Log anchor</source>
        <translation>日志锚点</translation>
    </message>
    <message>
        <source>Station {station}, record no. {seq}, hash {hash}. Whoever keeps this sheet can check that the station&apos;s log still holds this record unchanged: checkpoint db verify --anchor followed by the anchor&apos;s text, CPA1:… (on the PDF the QR code holds it too).</source>
        <translation>站点 {station}，第 {seq} 条记录，哈希 {hash}。持有本表者可核对本站日志是否仍原样保留这条记录：checkpoint db verify --anchor 后接锚点文本 CPA1:…（PDF 上的二维码内容相同）。</translation>
    </message>
</context>
<context>
    <name>Anomalies</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>卡口</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Health code</source>
        <translation>健康码</translation>
    </message>
    <message>
        <source>Itinerary card</source>
        <translation>行程卡</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>体温 (℃)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>异常类型</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>始发地</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>异常移交</translation>
    </message>
    <message>
        <source>Anomaly hand-off</source>
        <translation>异常人员移交清单</translation>
    </message>
    <message>
        <source>Override (proposed → recorded)</source>
        <translation>人工改判（建议 → 记录）</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The rules change was saved but NOT audited: {reason}</source>
        <translation>规则修改已保存，但未写入审计记录：{reason}</translation>
    </message>
    <message>
        <source>%n new watchlist entries imported.</source>
        <translation>已导入 %n 条新名单记录。</translation>
    </message>
    <message>
        <source>There is no gate profile {name}. Known profiles: {known}</source>
        <translation>没有名为 {name} 的卡口规则方案。现有方案：{known}</translation>
    </message>
    <message>
        <source>The station cannot open its database:
{reason}

{url}</source>
        <translation>本站无法打开数据库：
{reason}

{url}</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Auth</name>
    <message>
        <source>Wrong PIN. Tries left before a 5-minute lock-out: %n.</source>
        <translation>PIN 码错误。再错 %n 次将锁定 5 分钟。</translation>
    </message>
    <message>
        <source>Too many wrong PINs: locked out until {time} (%n min).</source>
        <translation>PIN 码错误次数过多：已锁定至 {time}（还需 %n 分钟）。</translation>
    </message>
    <message>
        <source>There is no operator with this name.</source>
        <translation>没有这个姓名的操作员。</translation>
    </message>
    <message>
        <source>This operator has no PIN yet: an administrator sets one.</source>
        <translation>该操作员尚未设置 PIN 码：请管理员设置。</translation>
    </message>
    <message>
        <source>This operator is disabled: ask an administrator.</source>
        <translation>该操作员已停用：请联系管理员。</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>已登录。</translation>
    </message>
    <message>
        <source>This needs a {role}: switch operator ({key}) and sign in as one.</source>
        <translation>此操作需要{role}权限：请切换操作员（{key}）并以该身份登录。</translation>
    </message>
    <message>
        <source>Sign-in could not be checked: {reason}</source>
        <translation>无法核验登录：{reason}</translation>
    </message>
    <message>
        <source>Session expired: {name} works on as an operator. Sign in again ({key}) for {role} rights.</source>
        <translation>会话已过期：{name} 继续以操作员身份值守。如需{role}权限，请重新登录（{key}）。</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>Close shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Shift {label}, opened {time}</source>
        <translation>班次 {label}，{time} 开班</translation>
    </message>
    <message>
        <source>Counts: the log and your tally (leave the tally at — where none was kept)</source>
        <translation>数量核对：系统记录与手工台账（未记台账的项目保持“—”）</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>系统记录</translation>
    </message>
    <message>
        <source>Tally</source>
        <translation>手工台账</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Items handed over</source>
        <translation>交出物品</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接班数量</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>交班数量</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>状况</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加物品</translation>
    </message>
    <message>
        <source>Open matters for the next shift (one per line)</source>
        <translation>移交下一班的遗留事项（每行一项）</translation>
    </message>
    <message>
        <source>Outgoing shift leader</source>
        <translation>交班带班领导</translation>
    </message>
    <message>
        <source>Incoming shift leader</source>
        <translation>接班带班领导</translation>
    </message>
</context>
<context>
    <name>ClosedShiftDialog</name>
    <message>
        <source>Shift closed</source>
        <translation>已交班</translation>
    </message>
    <message>
        <source>Shift {label}, opened {time}, is closed and on record. Its handover sheet is made from the log: staff, items, the reconciliation and both leaders, with every passage.</source>
        <translation>班次 {label}（{time} 开班）已交班并记录在案。交接班记录由通行记录生成：在岗人员、物品、核对情况、交接双方带班领导，以及每一条通行记录。</translation>
    </message>
    <message>
        <source>&amp;Export this shift&apos;s handover sheet...</source>
        <translation>导出本班交接班记录(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print it...</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>ConfirmationBand</name>
    <message>
        <source>Override: {reason}</source>
        <translation>人工改判：{reason}</translation>
    </message>
    <message numerus="yes">
        <source>{reason} (+%n more)</source>
        <translation>
            <numerusform>{reason}（另有 %n 项）</numerusform>
        </translation>
    </message>
    <message>
        <source>Recorded: {outcome}</source>
        <translation>已登记：{outcome}</translation>
    </message>
    <message numerus="yes">
        <source>{plate} · %n person(s)</source>
        <translation>
            <numerusform>{plate} · %n 人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Correction</name>
    <message>
        <source>Say why the record is corrected.</source>
        <translation>请填写更正原因。</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有任何改动。</translation>
    </message>
    <message>
        <source>This record was corrected already: correct the newest record instead.</source>
        <translation>这条记录已被更正过：请更正最新的那条记录。</translation>
    </message>
    <message>
        <source>The plate is not a valid plate.</source>
        <translation>车牌号格式不正确。</translation>
    </message>
    <message>
        <source>A temperature must be between 30 and 45 °C.</source>
        <translation>体温须在 30 至 45 °C 之间。</translation>
    </message>
    <message>
        <source>Choose pass, turn back or hold.</source>
        <translation>请选择放行、劝返或留观移交。</translation>
    </message>
    <message>
        <source>Only a shift leader or an administrator may correct a record.</source>
        <translation>只有带班领导或管理员可以更正记录。</translation>
    </message>
    <message>
        <source>The record is no longer on record.</source>
        <translation>这条记录已不在库中。</translation>
    </message>
    <message>
        <source>The correction was not recorded: {detail}</source>
        <translation>更正未记录：{detail}</translation>
    </message>
    <message>
        <source>Correction recorded as No. {seq}; the old record stays beside it.</source>
        <translation>更正已记录为第 {seq} 号；原记录保留在旁。</translation>
    </message>
    <message>
        <source>The correction was NOT recorded: {reason} Nothing was lost; try again.</source>
        <translation>更正未记录：{reason} 没有数据丢失，请重试。</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct No. {seq}</source>
        <translation>更正第 {seq} 号记录</translation>
    </message>
    <message>
        <source>The record stays as it is: the correction is a new record that points at it, with your name and the reason, and counts in its place.</source>
        <translation>原记录保持不变：更正是一条指向它的新记录，写明您的姓名和原因，并代替原记录计数。</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>进/出</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>e.g. recheck 36.8 °C, plate misread</source>
        <translation>例如：复测 36.8 °C，车牌录错</translation>
    </message>
    <message>
        <source>Temperature, person {n}</source>
        <translation>体温，第 {n} 人</translation>
    </message>
    <message>
        <source>Record the correction</source>
        <translation>记录更正</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CountersView</name>
    <message>
        <source>vehicles / persons</source>
        <translation>车辆 / 人员</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>This hour</source>
        <translation>本小时</translation>
    </message>
    <message>
        <source>This shift</source>
        <translation>本班次</translation>
    </message>
</context>
<context>
    <name>CredentialView</name>
    <message>
        <source>Typed by hand: {who} · {flags} — flagged for a later re-check</source>
        <translation>手工录入：{who} · {flags} —— 已标记，待事后复核</translation>
    </message>
    <message>
        <source>This person was already recorded at {time} in this shift.</source>
        <translation>此人本班次已于 {time} 登记过。</translation>
    </message>
    <message>
        <source>Degraded mode: identity typed by hand</source>
        <translation>降级模式：身份信息为手工录入</translation>
    </message>
    <message>
        <source>Verified: {verified}   Attested by the operator: {attested}</source>
        <translation>已验证：{verified}   值守人员确认：{attested}</translation>
    </message>
    <message>
        <source>code colour</source>
        <translation>健康码颜色</translation>
    </message>
    <message>
        <source>itinerary</source>
        <translation>行程卡</translation>
    </message>
    <message>
        <source>test</source>
        <translation>核酸</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>体温</translation>
    </message>
    <message>
        <source>This code was scanned before at {time} in this shift.</source>
        <translation>本班次 {time} 已扫过此码。</translation>
    </message>
    <message>
        <source>Health code from {platform}</source>
        <translation>健康码：{platform}</translation>
    </message>
    <message>
        <source>Cannot be verified offline: attest the colour the phone shows.</source>
        <translation>无法离线验证：请按手机上显示的颜色确认。</translation>
    </message>
    <message>
        <source>Unrecognised code: check the person by hand.</source>
        <translation>无法识别的码：请人工核查。</translation>
    </message>
    <message>
        <source>Cannot be checked: this gate has no pass key (ask the administrator).</source>
        <translation>无法核验：本岗没有通行证密钥（请联系管理员）。</translation>
    </message>
    <message>
        <source>Holder: {name}</source>
        <translation>持证人：{name}</translation>
    </message>
    <message>
        <source>Household: {id}</source>
        <translation>户号：{id}</translation>
    </message>
    <message>
        <source>Valid {start} – {end}</source>
        <translation>有效期 {start} – {end}</translation>
    </message>
    <message>
        <source>Issuer: {issuer}</source>
        <translation>签发：{issuer}</translation>
    </message>
    <message>
        <source>Household exits in the last {days} days: {count}</source>
        <translation>本户近 {days} 天已外出：{count} 次</translation>
    </message>
    <message>
        <source>Out since {time} (back within {hours} h)</source>
        <translation>{time} 外出（须 {hours} 小时内返回）</translation>
    </message>
    <message>
        <source>Name: {name}</source>
        <translation>姓名：{name}</translation>
    </message>
    <message>
        <source>Born: {date}</source>
        <translation>出生日期：{date}</translation>
    </message>
</context>
<context>
    <name>DatabaseCheck</name>
    <message>
        <source>a passage</source>
        <translation>一条通行记录</translation>
    </message>
    <message>
        <source>an audit trail entry</source>
        <translation>一条审计记录</translation>
    </message>
    <message>
        <source>an operator</source>
        <translation>一名操作员</translation>
    </message>
    <message>
        <source>an operator&apos;s PIN</source>
        <translation>一名操作员的 PIN 码</translation>
    </message>
    <message>
        <source>an operator&apos;s status</source>
        <translation>一名操作员的状态</translation>
    </message>
    <message>
        <source>an administrator&apos;s recovery code</source>
        <translation>一名管理员的恢复码</translation>
    </message>
    <message>
        <source>a shift</source>
        <translation>一个班次</translation>
    </message>
    <message>
        <source>a shift record</source>
        <translation>一条班次记录</translation>
    </message>
    <message>
        <source>an issued pass</source>
        <translation>一张已签发的通行证</translation>
    </message>
    <message>
        <source>a pass revocation</source>
        <translation>一条通行证作废记录</translation>
    </message>
    <message>
        <source>a watchlist entry</source>
        <translation>一条布控名单记录</translation>
    </message>
    <message>
        <source>a household of the residents registry</source>
        <translation>住户名册中的一户</translation>
    </message>
    <message>
        <source>a resident of the residents registry</source>
        <translation>住户名册中的一名居民</translation>
    </message>
    <message>
        <source>the gate</source>
        <translation>卡口信息</translation>
    </message>
    <message>
        <source>the gate&apos;s rules</source>
        <translation>卡口规则</translation>
    </message>
    <message>
        <source>a purge record</source>
        <translation>一条清理记录</translation>
    </message>
    <message>
        <source>the counts of a purged hour</source>
        <translation>已清理时段的统计数</translation>
    </message>
    <message>
        <source>a record</source>
        <translation>一条记录</translation>
    </message>
    <message>
        <source>Record no. {seq} is missing: it was deleted outside the application.</source>
        <translation>第 {seq} 条记录缺失：它在程序之外被删除。</translation>
    </message>
    <message>
        <source>Records from no. {seq} on are missing, and a purge record that does not account for them stands in for them: they were deleted outside the application.</source>
        <translation>自第 {seq} 条起的记录缺失，且顶替它们的清理记录与之不符：这些记录是在程序之外删除的。</translation>
    </message>
    <message>
        <source>Record no. {seq} ({kind}) was inserted outside the application.</source>
        <translation>第 {seq} 条记录（{kind}）是在程序之外插入的。</translation>
    </message>
    <message>
        <source>Record no. {seq} ({kind}) was changed outside the application.</source>
        <translation>第 {seq} 条记录（{kind}）在程序之外被修改。</translation>
    </message>
    <message>
        <source>The database is intact: %n records checked, none changed, added or removed.</source>
        <translation>数据库完好：已核验 %n 条记录，没有任何记录被修改、添加或删除。</translation>
    </message>
    <message>
        <source>The database failed verification.</source>
        <translation>数据库核验未通过。</translation>
    </message>
    <message>
        <source>The log no longer holds record no. {seq} as the anchor {anchor} from a sheet says: it was rewritten, renumbered or cut back after that sheet was made.</source>
        <translation>日志中的第 {seq} 条记录已与交接表上的锚点 {anchor} 不符：该表生成后，日志被改写、重新编号或截短。</translation>
    </message>
    <message>
        <source>The database file itself is damaged (integrity check failed).</source>
        <translation>数据库文件本身已损坏（完整性检查未通过）。</translation>
    </message>
    <message>
        <source>The log&apos;s search index does not match the records: people may be missing from the log&apos;s search. An administrator rebuilds it with: checkpoint db reindex</source>
        <translation>通行记录的搜索索引与记录不符：搜索时可能查不到某些人员。请管理员用 checkpoint db reindex 重建索引。</translation>
    </message>
    <message>
        <source>Keep this PC as it is and call the administrator.</source>
        <translation>请保持这台电脑原样，不要做任何操作，并立即联系管理员。</translation>
    </message>
    <message>
        <source>This could not be written to the audit trail: {reason}</source>
        <translation>此事件未能写入审计记录：{reason}</translation>
    </message>
    <message>
        <source>The database is already being verified ({checked} of about {total} records so far); the result shows when it is done.</source>
        <translation>数据库正在核验中（已核验 {checked} 条，共约 {total} 条），完成后会显示结果。</translation>
    </message>
</context>
<context>
    <name>DeviceProblems</name>
    <message>
        <source>Camera: choose a camera or type a URL, a file or a folder.</source>
        <translation>摄像头：请选择摄像头，或输入网址、文件或文件夹。</translation>
    </message>
    <message>
        <source>Serial scanner: the baud rate must be a positive whole number.</source>
        <translation>串口扫码枪：波特率必须是正整数。</translation>
    </message>
    <message>
        <source>Duplicate scans: the window must be from {low:g} to {high:g} seconds.</source>
        <translation>重复扫码：时间窗须在 {low:g} 到 {high:g} 秒之间。</translation>
    </message>
    <message>
        <source>Return to scanning: from {low} to {high} seconds.</source>
        <translation>返回扫码：须在 {low} 到 {high} 秒之间。</translation>
    </message>
    <message>
        <source>Volume: from 0 to 100.</source>
        <translation>音量：须在 0 到 100 之间。</translation>
    </message>
    <message>
        <source>Barrier: the URL must start with http:// or https:// and name a host.</source>
        <translation>道闸：网址须以 http:// 或 https:// 开头，并写明主机。</translation>
    </message>
    <message>
        <source>Barrier: the method must be GET, POST or PUT.</source>
        <translation>道闸：请求方式须为 GET、POST 或 PUT。</translation>
    </message>
    <message>
        <source>Barrier: the time-out must be from {low:g} to {high:g} seconds.</source>
        <translation>道闸：超时须在 {low:g} 到 {high:g} 秒之间。</translation>
    </message>
    <message>
        <source>Barrier: choose or type the relay&apos;s serial port.</source>
        <translation>道闸：请选择或输入继电器的串口。</translation>
    </message>
    <message>
        <source>Barrier: the relay&apos;s baud rate must be a positive whole number.</source>
        <translation>道闸：继电器波特率必须是正整数。</translation>
    </message>
    <message>
        <source>Barrier: the command must be bytes in hexadecimal, e.g. A0 01 01 A2.</source>
        <translation>道闸：指令须为十六进制字节，例如 A0 01 01 A2。</translation>
    </message>
    <message>
        <source>Barrier: the expected reply must be empty or bytes in hexadecimal.</source>
        <translation>道闸：预期应答须为空或十六进制字节。</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <source>URL, file or folder</source>
        <translation>网址、文件或文件夹</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>曝光</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>对焦</translation>
    </message>
    <message>
        <source>Serial scanner port</source>
        <translation>串口扫码枪端口</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>波特率</translation>
    </message>
    <message>
        <source>Same code counts once within</source>
        <translation>同一码在此时间内只计一次</translation>
    </message>
    <message>
        <source>Tones</source>
        <translation>提示音</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Spoken prompts</source>
        <translation>语音播报</translation>
    </message>
    <message>
        <source>Prompt language</source>
        <translation>播报语言</translation>
    </message>
    <message>
        <source>Open the barrier by</source>
        <translation>开闸方式</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>请求方式</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>请求内容</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>串口</translation>
    </message>
    <message>
        <source>Command (hex)</source>
        <translation>指令（十六进制）</translation>
    </message>
    <message>
        <source>Expected reply (hex)</source>
        <translation>预期应答（十六进制）</translation>
    </message>
    <message>
        <source>Time-out</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Back to scanning after</source>
        <translation>返回扫码等待</translation>
    </message>
    <message>
        <source>Home province (plates)</source>
        <translation>本地省份（车牌）</translation>
    </message>
    <message>
        <source>The barrier relay is off.</source>
        <translation>道闸继电器未启用。</translation>
    </message>
    <message>
        <source>Testing...</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <source>Only a shift leader or an administrator may change the devices.</source>
        <translation>只有带班领导或管理员可以修改设备设置。</translation>
    </message>
    <message>
        <source>A video file</source>
        <translation>选择视频文件</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.avi *.mkv *.mov);;All files (*)</source>
        <translation>视频 (*.mp4 *.avi *.mkv *.mov);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The barrier controller answered: opened ({seconds:.2f} s).</source>
        <translation>道闸控制器已应答：已开闸（{seconds:.2f} 秒）。</translation>
    </message>
    <message>
        <source>The barrier did NOT open: {reason} ({detail}).</source>
        <translation>道闸未打开：{reason}（{detail}）。</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备设置</translation>
    </message>
    <message>
        <source>Scanners</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <source>Sounds and prompts</source>
        <translation>声音与播报</translation>
    </message>
    <message>
        <source>Barrier</source>
        <translation>道闸</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结果显示</translation>
    </message>
    <message>
        <source>Demo camera (no device)</source>
        <translation>演示摄像头（无设备）</translation>
    </message>
    <message>
        <source>A stream URL, a video file or an image folder</source>
        <translation>视频流网址、视频文件或图片文件夹</translation>
    </message>
    <message>
        <source>rtsp://192.168.1.20/stream, /media/gate.mp4, ...</source>
        <translation>rtsp://192.168.1.20/stream、/media/gate.mp4 等</translation>
    </message>
    <message>
        <source>Choose a file...</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动曝光</translation>
    </message>
    <message>
        <source>Autofocus</source>
        <translation>自动对焦</translation>
    </message>
    <message>
        <source>The sliders change the live picture at once; Cancel puts the saved values back.</source>
        <translation>拖动滑块会立即改变实时画面；点“取消”恢复已保存的值。</translation>
    </message>
    <message>
        <source>This camera offers only some of these controls; the others are disabled.</source>
        <translation>此摄像头只支持其中部分调节，其余已禁用。</translation>
    </message>
    <message>
        <source>The camera in use offers no exposure or focus control (streams, files, the demo camera and many webcams do not), so these are disabled.</source>
        <translation>当前摄像头不支持曝光和对焦调节（视频流、文件、演示摄像头和许多网络摄像头都不支持），因此已禁用。</translation>
    </message>
    <message>
        <source>A new camera starts as soon as you save; the scanners keep working.</source>
        <translation>保存后立即启用新摄像头；扫码枪照常工作。</translation>
    </message>
    <message>
        <source>none; or /dev/ttyACM0, COM3, ...</source>
        <translation>无；或 /dev/ttyACM0、COM3 等</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Keyboard-wedge (USB) scanners need no setting: they are recognised by their typing speed. A serial scanner reconnects by itself when unplugged. Changes apply when you save.</source>
        <translation>键盘式（USB）扫码枪无需设置：按输入速度自动识别。串口扫码枪拔出后会自动重连。保存后立即生效。</translation>
    </message>
    <message>
        <source>Tones for pass, check, deny and alarms</source>
        <translation>放行、复检、拒绝和报警提示音</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>试听</translation>
    </message>
    <message>
        <source>Speak the verdict after its tone</source>
        <translation>提示音后播报结果</translation>
    </message>
    <message>
        <source>The interface language</source>
        <translation>与界面语言相同</translation>
    </message>
    <message>
        <source>Sounds, volume and prompts apply from the next verdict.</source>
        <translation>声音、音量和播报从下一次结果起生效。</translation>
    </message>
    <message>
        <source>Off (the barrier is opened by hand)</source>
        <translation>不启用（人工开闸）</translation>
    </message>
    <message>
        <source>An HTTP request</source>
        <translation>HTTP 请求</translation>
    </message>
    <message>
        <source>A command on a serial port</source>
        <translation>串口指令</translation>
    </message>
    <message>
        <source>http://192.168.1.50/open?passage={passage}</source>
        <translation>http://192.168.1.50/open?passage={passage}</translation>
    </message>
    <message>
        <source>optional; {passage} is the passage&apos;s id</source>
        <translation>可选；{passage} 会替换为通行记录编号</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Test the barrier</source>
        <translation>测试道闸</translation>
    </message>
    <message>
        <source>On every recorded PASS the barrier is opened in the background; a barrier that does not open is shown at once and written to the audit trail. The test records nothing.</source>
        <translation>每次记录“放行”后在后台开闸；未能开闸会立即提示并写入审计记录。测试不产生任何记录。</translation>
    </message>
    <message>
        <source>None: the province is picked for every vehicle</source>
        <translation>不预设：每辆车都要选择省份</translation>
    </message>
    <message>
        <source>The verdict covers the station screen after each recorded passage and goes after this time, at a tap or as soon as the next entry begins; 0 keeps it until then.</source>
        <translation>每次记录后，结果会占满查验台画面，到时、轻触或开始下一位时消失；设为 0 则一直显示到下一位开始。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export handover</source>
        <translation>导出交接班记录</translation>
    </message>
    <message>
        <source>Handover of</source>
        <translation>导出范围</translation>
    </message>
    <message>
        <source>A shift (the full sheet)</source>
        <translation>一个班次（完整交接班记录）</translation>
    </message>
    <message>
        <source>A time window</source>
        <translation>一个时间段</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Up to the moment the file is written.</source>
        <translation>截至写出文件的那一刻。</translation>
    </message>
    <message>
        <source>From: from second :00 of its minute. To: through the end of its minute.
Passages only; staff, items and reconciliation are on a shift&apos;s full sheet.</source>
        <translation>“从”自所示那一分钟的第 0 秒起，“至”到所示那一分钟结束为止。
只含通行记录；在岗人员、物品和核对情况见班次的完整交接班记录。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>{opened} - now (open)</source>
        <translation>{opened} - 至今（未交班）</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>{leader}, handed over to {incoming}</source>
        <translation>{leader}，交给 {incoming}</translation>
    </message>
    <message>
        <source>{name} files (*.{ext})</source>
        <translation>{name} 文件 (*.{ext})</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>请选择要保存的文件。</translation>
    </message>
    <message>
        <source>The end of the window must be after its start.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
</context>
<context>
    <name>ExportService</name>
    <message>
        <source>Handover written: {path} ({count} passages). Log anchor: {anchor}</source>
        <translation>交接班记录已生成：{path}（{count} 条通行记录）。日志锚点：{anchor}</translation>
    </message>
    <message>
        <source>Nothing to export: {detail}</source>
        <translation>没有可导出的内容：{detail}</translation>
    </message>
    <message>
        <source>The export folder does not exist. Nothing was written.</source>
        <translation>导出文件夹不存在，未写入任何文件。</translation>
    </message>
    <message>
        <source>The export folder cannot be written (read-only or no permission). Nothing was written.</source>
        <translation>导出文件夹无法写入（只读或无权限），未写入任何文件。</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was written; free some space and export again.</source>
        <translation>磁盘已满，未写入任何文件；请清理空间后重新导出。</translation>
    </message>
    <message>
        <source>The file could not be written; the error was logged.</source>
        <translation>文件无法写入，错误已记入日志。</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <source>Gate: {gate}
Administrator: {name}

Finish creates the administrator and the deployment&apos;s pass-signing key in {folder} (an existing key is kept). Copy its .pub.pem file to every other gate of the deployment.

ID numbers and phones are sealed with the data key {data_key}: back it up (with the pass-signing key) on a USB stick kept by the administrator. Without it they cannot be read again.</source>
        <translation>卡口：{gate}
管理员：{name}

点击“完成”将创建管理员，并在 {folder} 中生成本部署的通行证签名密钥（已有密钥将保留）。请把其中的 .pub.pem 文件复制到本部署的其他各个卡口。

身份证号和手机号用数据密钥 {data_key} 加密保存：请把它（连同通行证签名密钥）备份到由管理员保管的U盘上。丢失后这些数据将无法再读取。</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <source>The administrator&apos;s recovery code, shown only now: write it down and keep it away from the station. If wrong PINs lock the administrator out, it sets a new PIN (checkpoint operators recover).</source>
        <translation>管理员恢复码（仅此一次显示）：请抄写下来，并与本站电脑分开保管。若管理员因输错 PIN 码被锁定，可凭此码设置新的 PIN 码（checkpoint operators recover）。</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Give the gate a name.</source>
        <translation>请填写卡口名称。</translation>
    </message>
    <message>
        <source>Choose the gate&apos;s kind.</source>
        <translation>请选择卡口类型。</translation>
    </message>
    <message>
        <source>Give the administrator&apos;s name.</source>
        <translation>请填写管理员姓名。</translation>
    </message>
    <message>
        <source>This name belongs to an operator who is not an administrator: choose another.</source>
        <translation>该姓名已属于一位非管理员的操作员：请换一个姓名。</translation>
    </message>
    <message>
        <source>This station already has an administrator: type their name to give them a new PIN.</source>
        <translation>本站已有管理员：请输入其姓名，为其设置新的 PIN 码。</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>The key could not be written: {reason}</source>
        <translation>密钥无法写入：{reason}</translation>
    </message>
    <message>
        <source>Set up this station</source>
        <translation>设置本查验站</translation>
    </message>
</context>
<context>
    <name>GateDevices</name>
    <message>
        <source>the barrier controller did not answer in time</source>
        <translation>道闸控制器未及时响应</translation>
    </message>
    <message>
        <source>the barrier controller refused the connection</source>
        <translation>道闸控制器拒绝连接</translation>
    </message>
    <message>
        <source>the barrier controller cannot be reached</source>
        <translation>无法连接道闸控制器</translation>
    </message>
    <message>
        <source>the barrier controller answered with an error</source>
        <translation>道闸控制器返回错误</translation>
    </message>
    <message>
        <source>the barrier&apos;s serial port is missing</source>
        <translation>道闸串口不存在</translation>
    </message>
    <message>
        <source>the barrier&apos;s serial port failed</source>
        <translation>道闸串口故障</translation>
    </message>
    <message>
        <source>the barrier controller gave an unexpected reply</source>
        <translation>道闸控制器回复异常</translation>
    </message>
    <message>
        <source>Serial scanner connected</source>
        <translation>串口扫码枪已连接</translation>
    </message>
    <message>
        <source>Serial scanner lost</source>
        <translation>串口扫码枪已断开</translation>
    </message>
    <message>
        <source>Serial scanner lost, reconnecting</source>
        <translation>串口扫码枪已断开，正在重连</translation>
    </message>
    <message>
        <source>Serial scanner cannot be used</source>
        <translation>串口扫码枪无法使用</translation>
    </message>
    <message>
        <source>Serial scanner stopped</source>
        <translation>串口扫码枪已停止</translation>
    </message>
    <message>
        <source>The device settings were saved but NOT audited: {reason}</source>
        <translation>设备设置已保存，但未写入审计记录：{reason}</translation>
    </message>
    <message>
        <source>The scanner sent only part of a code. Scan it again.</source>
        <translation>扫码枪只发送了部分内容，请重新扫码。</translation>
    </message>
    <message>
        <source>The barrier relay is switched off: {detail}</source>
        <translation>道闸继电器已关闭：{detail}</translation>
    </message>
    <message>
        <source>The serial scanner is not used: {detail}</source>
        <translation>未使用串口扫码枪：{detail}</translation>
    </message>
    <message>
        <source>The barrier did NOT open: {reason}. Open it by hand; the passage is recorded.</source>
        <translation>道闸未打开：{reason}。请手动开闸；通行已记录。</translation>
    </message>
</context>
<context>
    <name>GatePage</name>
    <message>
        <source>The gate</source>
        <translation>卡口</translation>
    </message>
    <message>
        <source>Name this gate as it appears on the handover sheet, choose its kind and the province of its local plates.</source>
        <translation>填写交接单上显示的卡口名称，选择卡口类型和本地车牌所属省份。</translation>
    </message>
    <message>
        <source>Gate name</source>
        <translation>卡口名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Home province (plates)</source>
        <translation>本地省份（车牌）</translation>
    </message>
    <message>
        <source>None: the province is picked for every vehicle</source>
        <translation>不预设：每辆车都要选择省份</translation>
    </message>
    <message>
        <source>Highway exit: every vehicle and person</source>
        <translation>高速卡口：逢车必查、逢人必验</translation>
    </message>
    <message>
        <source>Compound gate: residents and visitors</source>
        <translation>小区/楼院卡口：居民与访客</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>通行记录</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>异常移交</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>交接班记录</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>卡口</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>By time window</source>
        <translation>按时间段</translation>
    </message>
    <message>
        <source>Shift leader</source>
        <translation>带班领导</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Pedestrians</source>
        <translation>行人</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Fever (persons)</source>
        <translation>发热（人）</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>人工改判</translation>
    </message>
    <message>
        <source>Override (proposed → recorded)</source>
        <translation>人工改判（建议 → 记录）</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>进/出</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <source>Health code</source>
        <translation>健康码</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Outgoing shift leader (signature)</source>
        <translation>交班带班领导（签字）</translation>
    </message>
    <message>
        <source>Incoming shift leader (signature)</source>
        <translation>接班带班领导（签字）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Vehicle type</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>出发地</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Itinerary card</source>
        <translation>行程卡</translation>
    </message>
    <message>
        <source>Max. temperature (°C)</source>
        <translation>最高体温（℃）</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>值守人员</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Corrects No.</source>
        <translation>更正序号</translation>
    </message>
    <message>
        <source>Correction reason</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>Corrected by No.</source>
        <translation>被更正序号</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>异常情况</translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Staff on duty</source>
        <translation>值班人员</translation>
    </message>
    <message>
        <source>Passages per hour</source>
        <translation>各时段通行量</translation>
    </message>
    <message>
        <source>Other anomalies (passed)</source>
        <translation>其他异常（已放行）</translation>
    </message>
    <message>
        <source>Turned back</source>
        <translation>劝返名单</translation>
    </message>
    <message>
        <source>Handed over (held)</source>
        <translation>留观移交名单</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>{count} more rows in the XLSX file</source>
        <translation>另有 {count} 行，见 XLSX 文件</translation>
    </message>
</context>
<context>
    <name>HandoverPrinter</name>
    <message>
        <source>Nothing to print: {detail}</source>
        <translation>没有可打印的内容：{detail}</translation>
    </message>
    <message>
        <source>The handover could not be opened for printing: {path}</source>
        <translation>交接班记录无法打开以供打印：{path}</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Any key or a tap closes this list.</source>
        <translation>按任意键或轻触关闭此列表。</translation>
    </message>
    <message>
        <source>Station screen</source>
        <translation>查验台</translation>
    </message>
    <message>
        <source>Menus (every screen)</source>
        <translation>菜单（所有页面）</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <source>Import watchlist</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <source>Choose CSV file...</source>
        <translation>选择 CSV 文件…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>A CSV list of home quarantine, persons or plates of interest (UTF-8 or GBK, Chinese or English headers).</source>
        <translation>居家隔离、重点人员或重点车辆的 CSV 名单（UTF-8 或 GBK 编码，中文或英文表头）。</translation>
    </message>
    <message>
        <source>Reading the file...</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Nothing can be imported: {reason}</source>
        <translation>无法导入：{reason}</translation>
    </message>
    <message>
        <source>{accepted} entries can be imported, {rejected} lines are rejected.</source>
        <translation>可导入 {accepted} 条，{rejected} 行被拒绝。</translation>
    </message>
    <message>
        <source>Line {line}: {reason} — {detail}
    {raw}</source>
        <translation>第 {line} 行：{reason} —— {detail}
    {raw}</translation>
    </message>
    <message>
        <source>Columns not used: {columns}</source>
        <translation>未使用的列：{columns}</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>正在导入…</translation>
    </message>
    <message numerus="yes">
        <source>%n new entries imported.</source>
        <translation>
            <numerusform>已导入 %n 条新记录。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IssuePassDialog</name>
    <message>
        <source>Valid until {time}</source>
        <translation>有效期至 {time}</translation>
    </message>
    <message>
        <source>Fill in: {fields}</source>
        <translation>请填写：{fields}</translation>
    </message>
    <message>
        <source>The pass&apos;s QR code appears here once it is issued and recorded.</source>
        <translation>通行证签发并记录后，二维码显示在这里。</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>打印机无法启动。</translation>
    </message>
    <message>
        <source>Save the pass card</source>
        <translation>保存通行证卡片</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>The card was not saved: {detail}</source>
        <translation>卡片未保存：{detail}</translation>
    </message>
    <message>
        <source>Card saved: {path}</source>
        <translation>卡片已保存：{path}</translation>
    </message>
    <message>
        <source>Household (e.g. 3-2-501)</source>
        <translation>户号（如 3-2-501）</translation>
    </message>
    <message>
        <source>Member&apos;s name</source>
        <translation>外出人员姓名</translation>
    </message>
    <message>
        <source>One exit every (days)</source>
        <translation>每几天外出一次</translation>
    </message>
    <message>
        <source>Back within (hours)</source>
        <translation>几小时内返回</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>Visitor&apos;s name</source>
        <translation>访客姓名</translation>
    </message>
    <message>
        <source>Host household</source>
        <translation>被访户号</translation>
    </message>
    <message>
        <source>Host&apos;s name</source>
        <translation>被访人姓名</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>线路</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Issue pass</source>
        <translation>签发通行证</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>Valid for (days)</source>
        <translation>有效天数</translation>
    </message>
    <message>
        <source>&amp;Issue and record</source>
        <translation>签发并记录(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save PNG...</source>
        <translation>保存 PNG(&amp;S)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Without an end, new passages appear as they are recorded.</source>
        <translation>不设结束时间时，新登记的通行记录会实时显示。</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>This shift</source>
        <translation>本班次</translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation>近24小时</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Part of a plate, name or note; a whole ID number or phone</source>
        <translation>车牌、姓名或备注的一部分；完整的身份证号或手机号</translation>
    </message>
    <message>
        <source>Flagged only (re-check)</source>
        <translation>仅看待复核</translation>
    </message>
    <message>
        <source>Passages recorded in degraded mode (ID typed by hand, no phone, platform down).</source>
        <translation>降级模式下登记的通行（手工录入身份证号、无手机、平台故障）。</translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>共 %n 条记录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <source>Exporting to {path}...</source>
        <translation>正在导出到 {path}…</translation>
    </message>
    <message>
        <source>Preparing the handover for printing...</source>
        <translation>正在准备打印交接班记录…</translation>
    </message>
    <message>
        <source>Reloaded: {certificates} EU signers, {keys} pass keys, {platforms} platforms.</source>
        <translation>已重新加载：欧盟签发证书 {certificates} 个，通行证密钥 {keys} 个，健康码平台 {platforms} 个。</translation>
    </message>
    <message>
        <source>Verifying the database...</source>
        <translation>正在核验数据库…</translation>
    </message>
    <message>
        <source>Verifying the database: {checked} of about {total} records...</source>
        <translation>正在核验数据库：已核验 {checked} 条，共约 {total} 条…</translation>
    </message>
    <message>
        <source>Verify the database</source>
        <translation>核验数据库</translation>
    </message>
    <message>
        <source>{app} - {gate}</source>
        <translation>{app} - {gate}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export handover...</source>
        <translation>导出交接班记录(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print handover...</source>
        <translation>打印交接班记录(&amp;P)…</translation>
    </message>
    <message>
        <source>Issue &amp;pass (exit slip, resident, visitor, supply)...</source>
        <translation>签发通行证(&amp;P)（出门条、居民、访客、保供）…</translation>
    </message>
    <message>
        <source>&amp;Settings / Rules...</source>
        <translation>设置 / 规则(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Import watchlist...</source>
        <translation>导入名单(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Devices (camera, scanner, sounds, barrier)...</source>
        <translation>设备设置(&amp;D)（摄像头、扫码枪、声音、道闸）…</translation>
    </message>
    <message>
        <source>Import &amp;residents...</source>
        <translation>导入住户(&amp;R)...</translation>
    </message>
    <message>
        <source>&amp;Manual entry (no phone / platform down)...</source>
        <translation>手工登记（无手机/平台故障）(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Reload trust lists and keys</source>
        <translation>重新加载信任列表和密钥(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Verify the database</source>
        <translation>核验数据库(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Operators...</source>
        <translation>操作员管理(&amp;O)…</translation>
    </message>
    <message>
        <source>S&amp;witch operator...</source>
        <translation>切换操作员(&amp;W)...</translation>
    </message>
    <message>
        <source>&amp;Lock the station</source>
        <translation>锁定查验站(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Station</source>
        <translation>查验台(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>通行记录(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Tracing</source>
        <translation>流调(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Audit trail</source>
        <translation>审计记录(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>S&amp;hift</source>
        <translation>班次(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open shift...</source>
        <translation>开班(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Close shift...</source>
        <translation>交班(&amp;C)...</translation>
    </message>
    <message>
        <source>&amp;Day theme (light)</source>
        <translation>日间主题(&amp;D)（浅色）</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>Station ({key})</source>
        <translation>查验台 ({key})</translation>
    </message>
    <message>
        <source>Log ({key})</source>
        <translation>通行记录 ({key})</translation>
    </message>
    <message>
        <source>Tracing ({key})</source>
        <translation>流调 ({key})</translation>
    </message>
    <message>
        <source>Audit trail ({key})</source>
        <translation>审计记录 ({key})</translation>
    </message>
    <message>
        <source>Out / inside</source>
        <translation>外出 / 在内</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>住户</translation>
    </message>
    <message>
        <source>Gate: {name}</source>
        <translation>卡口：{name}</translation>
    </message>
    <message>
        <source>Operator: {name} ({role}, rights expired)</source>
        <translation>操作员：{name}（{role}，权限已过期）</translation>
    </message>
    <message>
        <source>Operator: {name} ({role})</source>
        <translation>操作员：{name}（{role}）</translation>
    </message>
    <message>
        <source>Shift: {label} (automatic)</source>
        <translation>班次：{label}（自动）</translation>
    </message>
    <message>
        <source>Shift: {leader}, opened {time}</source>
        <translation>班次：{leader}，{time} 开班</translation>
    </message>
    <message>
        <source>Database: {db}</source>
        <translation>数据库：{db}</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>关于 {app}</translation>
    </message>
    <message>
        <source>{app} {version}

Scan, decide and record every vehicle and person at a gate, offline.</source>
        <translation>{app} {version}

离线扫码查验，快速判定，逐车逐人登记卡口通行情况。</translation>
    </message>
</context>
<context>
    <name>ManualEntryDialog</name>
    <message>
        <source>Manual entry (no phone / platform down)</source>
        <translation>手工登记（无手机/平台故障）</translation>
    </message>
    <message>
        <source>Type the name and ID number from the ID card. The record is flagged for a later re-check.</source>
        <translation>请按身份证录入姓名和身份证号。该记录将被标记，待事后复核。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation>手机号（可选）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>No phone</source>
        <translation>无手机</translation>
    </message>
    <message>
        <source>Platform down</source>
        <translation>平台故障</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>OccupantsTable</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>健康码</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>行程卡</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>核酸</translation>
    </message>
    <message>
        <source>°C</source>
        <translation>°C</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <source>Outcome · reasons</source>
        <translation>结果 · 原因</translation>
    </message>
    <message>
        <source>{n} driver</source>
        <translation>{n} 驾驶员</translation>
    </message>
    <message>
        <source>Not attested</source>
        <comment>health code colour</comment>
        <translation>颜色未确认</translation>
    </message>
    <message>
        <source>Not attested</source>
        <comment>itinerary card</comment>
        <translation>未确认</translation>
    </message>
    <message>
        <source>Person {n}</source>
        <translation>人员 {n}</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Open shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <source>Shift leader: {name}</source>
        <translation>带班领导：{name}</translation>
    </message>
    <message>
        <source>Staff on duty (pick or type a name, then Enter)</source>
        <translation>值班人员（选择或输入姓名后按回车）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Items received (equipment, keys, supplies)</source>
        <translation>接收物品（装备、钥匙、物资）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>状况</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加物品</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>移除物品</translation>
    </message>
    <message>
        <source>Open matters handed over by the previous shift</source>
        <translation>上一班移交的遗留事项</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
</context>
<context>
    <name>Operators</name>
    <message>
        <source>Type the operator&apos;s name.</source>
        <translation>请输入操作员姓名。</translation>
    </message>
    <message>
        <source>There is already an operator called {name}: choose another name.</source>
        <translation>已有名为{name}的操作员，请换一个名字。</translation>
    </message>
    <message>
        <source>This operator is no longer in the database: the list was read again.</source>
        <translation>数据库中已没有该操作员，列表已重新读取。</translation>
    </message>
    <message>
        <source>{name} is the last administrator who can sign in and cannot be disabled. Add another administrator first.</source>
        <translation>{name}是最后一位可以登录的管理员，不能停用。请先添加另一位管理员。</translation>
    </message>
    <message>
        <source>This station has an administrator: only an administrator adds operators.</source>
        <translation>本站已有管理员：只有管理员可以添加操作员。</translation>
    </message>
    <message>
        <source>{name} was added as {role}.</source>
        <translation>已添加{name}，角色为{role}。</translation>
    </message>
    <message>
        <source>Their recovery code, shown only now: {code}. Give it to {name} to keep away from the station: if wrong PINs lock them out, it sets a new PIN (checkpoint operators recover).</source>
        <translation>其恢复码（仅此一次显示）：{code}。请交给{name}，与本站电脑分开保管：若其因输错 PIN 码被锁定，可凭此码设置新的 PIN 码（checkpoint operators recover）。</translation>
    </message>
    <message>
        <source>{name} has a new PIN.</source>
        <translation>{name}的新PIN码已设置。</translation>
    </message>
    <message>
        <source>{name} can sign in again.</source>
        <translation>{name}已启用，可以重新登录。</translation>
    </message>
    <message>
        <source>{name} is disabled and cannot sign in.</source>
        <translation>{name}已停用，不能登录。</translation>
    </message>
    <message>
        <source>Nothing was changed: {reason}</source>
        <translation>未做任何更改：{reason}</translation>
    </message>
</context>
<context>
    <name>OperatorsDialog</name>
    <message>
        <source>Choose an operator in the list first.</source>
        <translation>请先在列表中选择一位操作员。</translation>
    </message>
    <message>
        <source>Selected operator</source>
        <translation>选中的操作员</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Selected: {name}</source>
        <translation>选中：{name}</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Operators of this station</source>
        <translation>本站操作员</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>新PIN码</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>再次输入新PIN码</translation>
    </message>
    <message>
        <source>Set new &amp;PIN (lifts a lock-out)</source>
        <translation>设置新PIN码（同时解除锁定）(&amp;P)</translation>
    </message>
    <message>
        <source>Add an operator</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>PIN (4-8 digits)</source>
        <translation>PIN码（4至8位数字）</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>再次输入PIN码</translation>
    </message>
    <message>
        <source>&amp;Add operator</source>
        <translation>添加操作员(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>OperatorsModel</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>none</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>until {time}</source>
        <translation>锁定至 {time}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN码</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>锁定</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Override the proposal</source>
        <translation>人工改判</translation>
    </message>
    <message>
        <source>Record {chosen} instead of the proposed {proposed}?</source>
        <translation>不按建议「{proposed}」，改为「{chosen}」？</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>系统建议</translation>
    </message>
    <message>
        <source>You record</source>
        <translation>改为记录</translation>
    </message>
    <message>
        <source>Why? Pick a reason (keys 1–6) or choose Other and type it.</source>
        <translation>改判原因（必选）：按数字键 1–6 选择，或选“其他”并填写。</translation>
    </message>
    <message>
        <source>The reason in your words (needed for Other)</source>
        <translation>原因说明（选“其他”时必填）</translation>
    </message>
    <message>
        <source>Recorded as an override in the name of {operator}: counted and listed on the handover sheet and the anomaly hand-off.</source>
        <translation>将以 {operator} 的名义记为人工改判，计入交接班记录并列入异常人员移交清单。</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>Record {outcome} (Enter)</source>
        <translation>确认{outcome}（Enter）</translation>
    </message>
    <message>
        <source>Pick a reason first: an override is never recorded without one.</source>
        <translation>请先选择原因：没有原因不能改判。</translation>
    </message>
    <message>
        <source>Type the reason for Other.</source>
        <translation>请填写“其他”的具体原因。</translation>
    </message>
    <message>
        <source>Press Enter to record, or Esc to go back.</source>
        <translation>按 Enter 确认记录，按 Esc 返回。</translation>
    </message>
</context>
<context>
    <name>PassIssueService</name>
    <message>
        <source>Only a shift leader or an administrator may issue passes.</source>
        <translation>只有带班领导或管理员可以签发通行证。</translation>
    </message>
    <message>
        <source>No signing key on this station ({detail}). An administrator makes one with &apos;checkpoint passes keygen&apos;.</source>
        <translation>本站没有签发密钥（{detail}）。请管理员用“checkpoint passes keygen”生成。</translation>
    </message>
    <message>
        <source>Not issued: {detail}</source>
        <translation>未签发：{detail}</translation>
    </message>
    <message>
        <source>Not issued (not recorded): {detail}</source>
        <translation>未签发（未能记录）：{detail}</translation>
    </message>
    <message>
        <source>Pass issued and recorded: {id}</source>
        <translation>通行证已签发并记录：{id}</translation>
    </message>
</context>
<context>
    <name>PassLogModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>In/out</source>
        <translation>进/出</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>°C</source>
        <translation>体温</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Health code</source>
        <translation>健康码</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>PassageDetailDialog</name>
    <message>
        <source>This record is no longer on record (removed by retention).</source>
        <translation>这条记录已不在库中（已按保存期限清除）。</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>No. {seq}</source>
        <translation>第 {seq} 号</translation>
    </message>
    <message>
        <source>Corrected by No. {seq} on {time} by {name}: {reason}. That record counts, this one stays for the record.</source>
        <translation>已被第 {seq} 号更正（{time}，{name}）：{reason}。以那条记录为准，本条留档。</translation>
    </message>
    <message>
        <source>This record corrects No. {seq}: {reason} (by {name}, {time})</source>
        <translation>本条更正第 {seq} 号：{reason}（{name}，{time}）</translation>
    </message>
    <message>
        <source>(driver)</source>
        <translation>（驾驶员）</translation>
    </message>
    <message>
        <source>verified: {facts}</source>
        <translation>已验证：{facts}</translation>
    </message>
    <message>
        <source>attested at {time}</source>
        <translation>{time} 人工确认</translation>
    </message>
    <message>
        <source>attested by the operator</source>
        <translation>操作员人工确认</translation>
    </message>
    <message>
        <source>pass {id}</source>
        <translation>通行证 {id}</translation>
    </message>
    <message>
        <source>household {id}</source>
        <translation>户号 {id}</translation>
    </message>
    <message>
        <source>Show the correction</source>
        <translation>查看更正记录</translation>
    </message>
    <message>
        <source>Show the corrected record</source>
        <translation>查看被更正的记录</translation>
    </message>
    <message>
        <source>Passage details</source>
        <translation>通行详情</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>卡口</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>进/出</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Rules version</source>
        <translation>规则版本</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Health code</source>
        <translation>健康码</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>行程卡</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>核酸</translation>
    </message>
    <message>
        <source>°C</source>
        <translation>体温</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>查验</translation>
    </message>
    <message>
        <source>Full personal data (tracing, audited).</source>
        <translation>显示完整个人信息（流调，已记入审计）。</translation>
    </message>
    <message>
        <source>Names, ID numbers and phones are masked; tracing shows them in full, audited.</source>
        <translation>姓名、身份证号和手机号已脱敏；流调中可查看完整信息（记入审计）。</translation>
    </message>
    <message>
        <source>&amp;Correct...</source>
        <translation>更正(&amp;C)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PdfPrintPreview</name>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PlateEntry</name>
    <message>
        <source>e.g. A12345 · province: {key}</source>
        <translation>例如 A12345 · 省份：{key}</translation>
    </message>
    <message>
        <source>Plate: pick the province</source>
        <translation>车牌：选择省份</translation>
    </message>
</context>
<context>
    <name>PresenceView</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Out since</source>
        <translation>外出时间</translation>
    </message>
    <message>
        <source>Due back</source>
        <translation>应返回时间</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>访客</translation>
    </message>
    <message>
        <source>Host household</source>
        <translation>被访户号</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>被访人</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Expected exit</source>
        <translation>预计离开</translation>
    </message>
    <message>
        <source>Out / inside: visitor 1 to 9 has left</source>
        <translation>外出 / 在内：第 1 至 9 位访客已离开</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Residents out now: {count} ({late} overdue)</source>
        <translation>当前外出居民：{count} 人（超时 {late} 人）</translation>
    </message>
    <message>
        <source>Visitors inside now: {count} ({late} past their expected exit)</source>
        <translation>当前在内访客：{count} 人（超过预计离开时间 {late} 人）</translation>
    </message>
    <message>
        <source>Recording...</source>
        <translation>正在记录…</translation>
    </message>
    <message>
        <source>Has left ({key})</source>
        <translation>已离开 ({key})</translation>
    </message>
    <message>
        <source>Has left</source>
        <translation>已离开</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <source>Camera lost, reconnecting</source>
        <translation>摄像头已断开，正在重连</translation>
    </message>
    <message>
        <source>The scanner and the keyboard still work.</source>
        <translation>扫码枪和键盘仍可正常使用。</translation>
    </message>
</context>
<context>
    <name>ProfileProblems</name>
    <message>
        <source>Not valid TOML: {value}</source>
        <translation>不是有效的 TOML：{value}</translation>
    </message>
    <message>
        <source>The section [{key}] is missing.</source>
        <translation>缺少 [{key}] 段。</translation>
    </message>
    <message>
        <source>{key} is missing.</source>
        <translation>缺少 {key}。</translation>
    </message>
    <message>
        <source>{key} is not a known setting.</source>
        <translation>{key} 不是已知的设置项。</translation>
    </message>
    <message>
        <source>{key} has the wrong form: {value}</source>
        <translation>{key} 的格式不对：{value}</translation>
    </message>
    <message>
        <source>Profile name {value}: use lower-case letters, digits and dashes.</source>
        <translation>方案名称 {value}：只能用小写字母、数字和连字符。</translation>
    </message>
    <message>
        <source>Version {value}: use a whole number from 1, or a form like &quot;1.2.0&quot;.</source>
        <translation>版本号 {value}：请用从 1 开始的整数，或 &quot;1.2.0&quot; 这样的形式。</translation>
    </message>
    <message>
        <source>{key} = {value} is not a sensible value.</source>
        <translation>{key} = {value} 不是合理的数值。</translation>
    </message>
    <message>
        <source>{key} is not a known threshold.</source>
        <translation>{key} 不是已知的阈值。</translation>
    </message>
    <message>
        <source>{key} names no condition.</source>
        <translation>{key} 没有写任何条件。</translation>
    </message>
    <message>
        <source>{value} is not a known fact.</source>
        <translation>{value} 不是已知的检查项。</translation>
    </message>
    <message>
        <source>{key} cannot be {value}.</source>
        <translation>{key} 不能取值 {value}。</translation>
    </message>
    <message>
        <source>{key}: {value} is not an operator for this fact.</source>
        <translation>{key}：{value} 不能用于这个检查项。</translation>
    </message>
    <message>
        <source>Outcome {value} is unknown (pass, recheck, turn_back or hold).</source>
        <translation>处置结果 {value} 未知（可用 pass 放行、recheck 复检、turn_back 劝返、hold 留观移交）。</translation>
    </message>
    <message>
        <source>Reason {value} is unknown.</source>
        <translation>原因代码 {value} 未知。</translation>
    </message>
    <message>
        <source>The profile is called {value}; it must keep the name it is saved under.</source>
        <translation>方案名称写成了 {value}；必须与保存时的名称一致。</translation>
    </message>
    <message>
        <source>Line {line}, rule {rule}: {message}</source>
        <translation>第 {line} 行，第 {rule} 条规则：{message}</translation>
    </message>
    <message>
        <source>Line {line}: {message}</source>
        <translation>第 {line} 行：{message}</translation>
    </message>
    <message>
        <source>Rule {rule}: {message}</source>
        <translation>第 {rule} 条规则：{message}</translation>
    </message>
</context>
<context>
    <name>ProvincePicker</name>
    <message>
        <source>Province: {query} · Enter: pick the first · Esc: keep</source>
        <translation>省份：{query} · Enter：选第一个 · Esc：保持不变</translation>
    </message>
    <message>
        <source>Type the province (豫, HA, yu or henan), or tap it. Esc: keep.</source>
        <translation>输入省份（豫、HA、yu 或 henan），或点击省份。Esc：保持不变。</translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>ResidentService</name>
    <message>
        <source>The residents were NOT imported: {reason}</source>
        <translation>住户信息未导入：{reason}</translation>
    </message>
    <message>
        <source>The residents registry cannot be read: {reason}</source>
        <translation>无法读取住户登记：{reason}</translation>
    </message>
</context>
<context>
    <name>ResidentsImportDialog</name>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <source>The registry cannot be read: {reason}</source>
        <translation>无法读取住户登记：{reason}</translation>
    </message>
    <message>
        <source>Import residents</source>
        <translation>导入住户</translation>
    </message>
    <message>
        <source>Choose CSV or XLSX file...</source>
        <translation>选择 CSV 或 XLSX 文件...</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>A list of households and members (CSV in UTF-8 or GBK, or XLSX; Chinese or English headers): household or building/unit/room, name, ID number, phone, relation, resident or tenant, status.</source>
        <translation>住户及成员名单（UTF-8 或 GBK 编码的 CSV，或 XLSX；表头可用中文或英文）：户号或楼栋/单元/房号、姓名、身份证号、手机号、与户主关系、常住或租户、状态。</translation>
    </message>
    <message>
        <source>Reading the file and comparing it with the registry...</source>
        <translation>正在读取文件并与住户登记核对…</translation>
    </message>
    <message>
        <source>Nothing can be imported: {reason}</source>
        <translation>无法导入：{reason}</translation>
    </message>
    <message>
        <source>{new} new, {updated} updated, {unchanged} unchanged members; {households} households new or changed; {rejected} rows rejected.</source>
        <translation>成员：新增 {new} 人，更新 {updated} 人，无变化 {unchanged} 人；新增或变更 {households} 户；{rejected} 行未通过。</translation>
    </message>
    <message>
        <source>✔ Line {line}: {action} — {name}, {household}{status}</source>
        <translation>✔ 第 {line} 行：{action} — {name}，{household}{status}</translation>
    </message>
    <message>
        <source>✘ Line {line}: {reason} — {detail}</source>
        <translation>✘ 第 {line} 行：{reason} — {detail}</translation>
    </message>
    <message>
        <source>Columns not used: {columns}</source>
        <translation>未使用的列：{columns}</translation>
    </message>
    <message>
        <source>Residents lists (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>住户名单 (*.xlsx *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>正在导入...</translation>
    </message>
    <message numerus="yes">
        <source>%n member records written.</source>
        <translation>
            <numerusform>已写入 %n 条成员记录。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResidentsView</name>
    <message>
        <source>Search by name or household (e.g. 3-2-501)</source>
        <translation>按姓名或户号搜索（如 3-2-501）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Household / name</source>
        <translation>户号 / 姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Resident / tenant</source>
        <translation>常住 / 租户</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>until {when}</source>
        <translation>至 {when}</translation>
    </message>
    <message>
        <source>since {when}</source>
        <translation>自 {when} 起</translation>
    </message>
    <message>
        <source>{households} households, {members} members; {restricted} must not leave.</source>
        <translation>共 {households} 户 {members} 人；{restricted} 人不得外出。</translation>
    </message>
    <message>
        <source>exit quota: {exits} per {days} days</source>
        <translation>出门限额：每 {days} 天 {exits} 次</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>The profile {name} cannot be read; the gate keeps {current}.</source>
        <translation>规则方案 {name} 无法读取，本卡口继续使用 {current}。</translation>
    </message>
    <message>
        <source>Switching this gate to {name}...</source>
        <translation>正在将本卡口切换为 {name}…</translation>
    </message>
    <message>
        <source>The profile could not be saved: {error}</source>
        <translation>规则方案未能保存：{error}</translation>
    </message>
    <message>
        <source>Saved as version {version}. New passages are decided under {rules}.</source>
        <translation>已保存为第 {version} 版。之后的通行按 {rules} 判定。</translation>
    </message>
    <message>
        <source>This profile was not shipped with the station; there is nothing to revert to.</source>
        <translation>这个方案不是系统自带的，没有可恢复的原始版本。</translation>
    </message>
    <message>
        <source>The shipped rules are in the editor. Save to use them.</source>
        <translation>编辑框里已换成系统自带的规则，保存后生效。</translation>
    </message>
    <message>
        <source>Only a shift leader or an administrator may change the rules.</source>
        <translation>只有带班领导或管理员可以修改规则。</translation>
    </message>
    <message>
        <source>{count} problem(s): fix them to save.</source>
        <translation>有 {count} 处问题，改正后才能保存。</translation>
    </message>
    <message>
        <source>Valid: {rules} person rules, {vehicle} vehicle rules.</source>
        <translation>格式正确：人员规则 {rules} 条，车辆规则 {vehicle} 条。</translation>
    </message>
    <message>
        <source>Settings: gate rules</source>
        <translation>设置：卡口规则</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>规则方案：</translation>
    </message>
    <message>
        <source>This gate decides under:</source>
        <translation>本卡口使用：</translation>
    </message>
    <message>
        <source>This gate decides under: {name}</source>
        <translation>本卡口使用：{name}</translation>
    </message>
    <message>
        <source>&amp;Use for this gate</source>
        <translation>用于本卡口(&amp;U)</translation>
    </message>
    <message>
        <source>New passages at this gate are decided under the chosen profile; the switch is recorded.</source>
        <translation>本卡口此后的通行按所选方案判定；切换将被记录。</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Revert to shipped</source>
        <translation>恢复系统自带(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Person facts: {person}
Vehicle facts: {vehicle}</source>
        <translation>人员检查项：{person}
车辆检查项：{vehicle}</translation>
    </message>
    <message>
        <source>Discard the changes to {name}?</source>
        <translation>放弃对 {name} 的修改吗？</translation>
    </message>
    <message>
        <source>This gate now decides under {rules}.</source>
        <translation>本卡口现按 {rules} 判定。</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>Only a shift leader or an administrator may open or close a shift.</source>
        <translation>只有带班领导或管理员可以开班或交班。</translation>
    </message>
</context>
<context>
    <name>ShiftService</name>
    <message>
        <source>Shift opened by {leader}.</source>
        <translation>{leader} 已开班。</translation>
    </message>
    <message>
        <source>Shift closed by {leader}. Automatic shift until {incoming} opens the next one. Log anchor: {anchor}</source>
        <translation>{leader} 已交班。在 {incoming} 开班前按自动班次记录。日志锚点：{anchor}</translation>
    </message>
    <message>
        <source>the incoming leader</source>
        <translation>接班带班领导</translation>
    </message>
    <message>
        <source>The shift was NOT recorded: {reason} Nothing was lost; try again.</source>
        <translation>班次未能记录：{reason} 填写内容未丢失，请重试。</translation>
    </message>
    <message>
        <source>A leader&apos;s shift is still open: it must be closed before another is opened.</source>
        <translation>仍有带班领导的班次未交班：须先交班才能开新班。</translation>
    </message>
    <message>
        <source>This shift was already closed.</source>
        <translation>该班次已交班。</translation>
    </message>
    <message>
        <source>Some entries are incomplete: see the marked fields.</source>
        <translation>部分内容不完整，请查看提示。</translation>
    </message>
</context>
<context>
    <name>ShiftTexts</name>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Persons in</source>
        <translation>进入人数</translation>
    </message>
    <message>
        <source>Persons out</source>
        <translation>外出人数</translation>
    </message>
    <message>
        <source>Passed (passages)</source>
        <translation>放行（次）</translation>
    </message>
    <message>
        <source>Turned back (passages)</source>
        <translation>劝返（次）</translation>
    </message>
    <message>
        <source>Held, handed over (passages)</source>
        <translation>留观移交（次）</translation>
    </message>
    <message>
        <source>Fever (persons)</source>
        <translation>发热（人）</translation>
    </message>
    <message>
        <source>Anomalies handed over (passages)</source>
        <translation>异常移交（次）</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>完好</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>As received</source>
        <translation>与接班一致</translation>
    </message>
    <message>
        <source>Fewer than received</source>
        <translation>少于接班数量</translation>
    </message>
    <message>
        <source>More than received</source>
        <translation>多于接班数量</translation>
    </message>
    <message>
        <source>Not received at the opening</source>
        <translation>开班时未接收</translation>
    </message>
    <message>
        <source>Acknowledged (settled)</source>
        <translation>已知悉（已处理）</translation>
    </message>
    <message>
        <source>Carried on (still open)</source>
        <translation>继续跟进（仍未完结）</translation>
    </message>
    <message>
        <source>Name at least one member of staff on duty.</source>
        <translation>请至少填写一名值班人员。</translation>
    </message>
    <message>
        <source>A name is empty: fill it in or remove the row.</source>
        <translation>有名称为空：请填写或删除该行。</translation>
    </message>
    <message>
        <source>{subject} is listed twice.</source>
        <translation>{subject} 重复列出。</translation>
    </message>
    <message>
        <source>{subject}: a number below zero.</source>
        <translation>{subject}：数量不能小于零。</translation>
    </message>
    <message>
        <source>{subject} is damaged or missing: say what happened in its note.</source>
        <translation>{subject} 损坏或缺失：请在备注中说明情况。</translation>
    </message>
    <message>
        <source>Open matter &quot;{subject}&quot;: acknowledge it or carry it on.</source>
        <translation>遗留事项“{subject}”：请选择已知悉或继续跟进。</translation>
    </message>
    <message>
        <source>{subject}: the tally differs from the log; explain the difference.</source>
        <translation>{subject}：手工台账与系统记录不一致，请说明差异原因。</translation>
    </message>
    <message>
        <source>{subject} is short, missing or damaged: explain it.</source>
        <translation>{subject} 数量不足、缺失或损坏：请说明原因。</translation>
    </message>
    <message>
        <source>Name the outgoing shift leader.</source>
        <translation>请填写交班带班领导。</translation>
    </message>
    <message>
        <source>Handover items</source>
        <translation>交接事项</translation>
    </message>
    <message>
        <source>Automatic shift (opened by the clock; no leader opened it)</source>
        <translation>自动班次（按时钟开班，无带班领导开班）</translation>
    </message>
    <message>
        <source>Opened by {leader} at {time}</source>
        <translation>由 {leader} 于 {time} 开班</translation>
    </message>
    <message>
        <source>Not closed yet: no reconciliation.</source>
        <translation>尚未交班：暂无数量核对。</translation>
    </message>
    <message>
        <source>Items received and handed over</source>
        <translation>物品交接</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接班数量</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>交班数量</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>状况</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Open matters taken over</source>
        <translation>接收的遗留事项</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Open matters for the next shift</source>
        <translation>移交下一班的遗留事项</translation>
    </message>
    <message>
        <source>Counts: log and tally</source>
        <translation>数量核对：系统记录与手工台账</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>系统记录</translation>
    </message>
    <message>
        <source>Tally</source>
        <translation>手工台账</translation>
    </message>
    <message>
        <source>not kept</source>
        <translation>未记</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Checking...</source>
        <translation>正在核验……</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Switch operator</source>
        <translation>切换操作员</translation>
    </message>
    <message>
        <source>Station locked: sign in to continue</source>
        <translation>查验站已锁定：请登录后继续</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <source>Choose your name or type it.</source>
        <translation>请选择或输入您的姓名。</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>请输入 PIN 码。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>choose from the list or type</source>
        <translation>从列表中选择或直接输入</translation>
    </message>
    <message>
        <source>PIN (4 to 8 digits)</source>
        <translation>PIN 码（4 到 8 位数字）</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>删除最后一位</translation>
    </message>
</context>
<context>
    <name>StationSession</name>
    <message>
        <source>The gate&apos;s profile was NOT switched: {reason}</source>
        <translation>卡口规则方案未切换：{reason}</translation>
    </message>
    <message>
        <source>Not recorded: enter the plate first.</source>
        <translation>未记录：请先输入车牌。</translation>
    </message>
    <message>
        <source>Not passed: acknowledge the alarm first ({alarms}).</source>
        <translation>未放行：请先确认告警（{alarms}）。</translation>
    </message>
    <message>
        <source>Not recorded: the entry changed while the override was being confirmed. Check it again.</source>
        <translation>未记录：确认改判期间信息发生变化，请重新核查。</translation>
    </message>
    <message>
        <source>Not recorded: the override needs a reason.</source>
        <translation>未记录：人工改判必须填写原因。</translation>
    </message>
    <message>
        <source>The passage was NOT recorded: {reason} Nothing was lost; confirm again.</source>
        <translation>本次通行未登记：{reason} 已填内容未丢失，请再次确认。</translation>
    </message>
    <message>
        <source>The acknowledgement was NOT recorded: {reason} Acknowledge again.</source>
        <translation>告警确认未记录：{reason} 请重新确认。</translation>
    </message>
</context>
<context>
    <name>StationView</name>
    <message>
        <source>Scan</source>
        <translation>扫码</translation>
    </message>
    <message>
        <source>Scanner input or typed code, then Enter</source>
        <translation>扫码枪输入或手工输入码内容，按回车</translation>
    </message>
    <message>
        <source>Last scan</source>
        <translation>最近扫码</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>进/出</translation>
    </message>
    <message>
        <source>Health code</source>
        <translation>健康码</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>行程卡</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>核酸</translation>
    </message>
    <message>
        <source>Temperature
{key}</source>
        <translation>体温
{key}</translation>
    </message>
    <message>
        <source>Clear ({key})</source>
        <translation>清空 ({key})</translation>
    </message>
    <message>
        <source>No phone / platform down ({key})</source>
        <translation>无手机/平台故障 ({key})</translation>
    </message>
    <message>
        <source>Pedestrians
{key}</source>
        <translation>行人
{key}</translation>
    </message>
    <message>
        <source>Vehicle
{key}</source>
        <translation>车辆
{key}</translation>
    </message>
    <message>
        <source>Next vehicle ({key})</source>
        <translation>下一辆车 ({key})</translation>
    </message>
    <message>
        <source>Record: {outcome}</source>
        <translation>记录：{outcome}</translation>
    </message>
    <message>
        <source>Clear the entry / next vehicle</source>
        <translation>清空 / 下一辆车</translation>
    </message>
    <message>
        <source>Type the temperature</source>
        <translation>输入体温</translation>
    </message>
    <message>
        <source>Back to the scan field</source>
        <translation>回到扫码框</translation>
    </message>
    <message>
        <source>Acknowledge the alarm (recorded)</source>
        <translation>确认报警（记录在案）</translation>
    </message>
    <message>
        <source>No phone / platform down: enter by hand</source>
        <translation>无手机 / 平台故障：手工录入</translation>
    </message>
    <message>
        <source>A walk-in visitor</source>
        <translation>临时访客登记</translation>
    </message>
    <message>
        <source>Switch vehicle / pedestrian mode</source>
        <translation>切换车辆 / 行人模式</translation>
    </message>
    <message>
        <source>Vehicle: the plate</source>
        <translation>车辆：车牌</translation>
    </message>
    <message>
        <source>Vehicle: origin</source>
        <translation>车辆：始发地</translation>
    </message>
    <message>
        <source>Vehicle: destination</source>
        <translation>车辆：目的地</translation>
    </message>
    <message>
        <source>Vehicle: previous person</source>
        <translation>车辆：上一位乘员</translation>
    </message>
    <message>
        <source>Vehicle: next person</source>
        <translation>车辆：下一位乘员</translation>
    </message>
    <message>
        <source>Vehicle: same checks as the previous person</source>
        <translation>车辆：同上一位的查验结果</translation>
    </message>
    <message>
        <source>Vehicle: remove the selected person</source>
        <translation>车辆：移除所选乘员</translation>
    </message>
    <message>
        <source>Enter by hand ({key})</source>
        <translation>手工录入 ({key})</translation>
    </message>
    <message>
        <source>Green</source>
        <comment>itinerary card</comment>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Starred</source>
        <comment>itinerary card</comment>
        <translation>带星号</translation>
    </message>
    <message>
        <source>Other colour</source>
        <comment>itinerary card</comment>
        <translation>其他颜色</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <comment>test age</comment>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>3+ days</source>
        <translation>3天及以上</translation>
    </message>
    <message numerus="yes">
        <source>Waiting: %n more code(s) scanned, the first at {time}. Next once this person is recorded, or cleared with Esc.</source>
        <translation>
            <numerusform>排队中：另有 %n 个码已扫描（最早 {time}）。当前人员记录完毕或按 Esc 清空后依次显示。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This shift: %n passage(s)</source>
        <translation>
            <numerusform>本班次：%n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for a code: camera, scanner or keyboard</source>
        <translation>等待扫码：摄像头、扫码枪或键盘</translation>
    </message>
    <message>
        <source>{kind} · {time}</source>
        <translation>{kind} · {time}</translation>
    </message>
</context>
<context>
    <name>TemperatureEntry</name>
    <message>
        <source>Body temperature; {threshold} °C and above is a fever.</source>
        <translation>体温；{threshold} ℃ 及以上为发热。</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Pass</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>Recheck</source>
        <translation>复检</translation>
    </message>
    <message>
        <source>Turn back</source>
        <translation>劝返</translation>
    </message>
    <message>
        <source>Hold / hand over</source>
        <translation>留观移交</translation>
    </message>
    <message>
        <source>In</source>
        <translation>进</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>出</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Pedestrian</source>
        <translation>行人</translation>
    </message>
    <message>
        <source>Green code</source>
        <translation>绿码</translation>
    </message>
    <message>
        <source>Yellow code</source>
        <translation>黄码</translation>
    </message>
    <message>
        <source>Red code</source>
        <translation>红码</translation>
    </message>
    <message>
        <source>No code checked</source>
        <translation>未查验健康码</translation>
    </message>
    <message>
        <source>Itinerary green</source>
        <translation>行程卡绿色</translation>
    </message>
    <message>
        <source>Itinerary starred</source>
        <translation>行程卡带星号</translation>
    </message>
    <message>
        <source>Itinerary other colour</source>
        <translation>行程卡其他颜色</translation>
    </message>
    <message>
        <source>Itinerary not checked</source>
        <translation>未查验行程卡</translation>
    </message>
    <message>
        <source>EU digital COVID certificate</source>
        <translation>欧盟数字新冠证书</translation>
    </message>
    <message>
        <source>Station pass</source>
        <translation>本站通行证</translation>
    </message>
    <message>
        <source>Health code</source>
        <translation>健康码</translation>
    </message>
    <message>
        <source>Unrecognised code</source>
        <translation>无法识别的码</translation>
    </message>
    <message>
        <source>All checks clear</source>
        <translation>各项查验正常</translation>
    </message>
    <message>
        <source>Operator&apos;s decision</source>
        <translation>值守人员决定</translation>
    </message>
    <message>
        <source>Health code not checked</source>
        <translation>健康码颜色未确认</translation>
    </message>
    <message>
        <source>Itinerary not green</source>
        <translation>行程卡非绿色</translation>
    </message>
    <message>
        <source>Test older than 48 hours</source>
        <translation>核酸超过48小时</translation>
    </message>
    <message>
        <source>No test proof</source>
        <translation>无核酸证明</translation>
    </message>
    <message>
        <source>Temperature at or above 37.3 °C</source>
        <translation>体温达到或超过 37.3 ℃</translation>
    </message>
    <message>
        <source>Correction of an earlier record</source>
        <translation>更正此前的记录</translation>
    </message>
    <message>
        <source>EU certificate not valid (signature)</source>
        <translation>欧盟证书无效（签名不符）</translation>
    </message>
    <message>
        <source>EU certificate expired</source>
        <translation>欧盟证书已过期</translation>
    </message>
    <message>
        <source>Valid station pass</source>
        <translation>通行证有效</translation>
    </message>
    <message>
        <source>Station pass not valid (signature)</source>
        <translation>通行证无效（签名不符）</translation>
    </message>
    <message>
        <source>Station pass revoked</source>
        <translation>通行证已作废</translation>
    </message>
    <message>
        <source>Station pass expired</source>
        <translation>通行证已过期</translation>
    </message>
    <message>
        <source>No valid pass</source>
        <translation>无有效通行证</translation>
    </message>
    <message>
        <source>Household exit quota used up</source>
        <translation>本户出门次数已用完</translation>
    </message>
    <message>
        <source>Returned after the deadline</source>
        <translation>超时未返回</translation>
    </message>
    <message>
        <source>Home quarantine: must not leave</source>
        <translation>居家隔离人员，不得外出</translation>
    </message>
    <message>
        <source>Visitor without pre-registration or host</source>
        <translation>访客无预约、无人接</translation>
    </message>
    <message>
        <source>Visitor with a host</source>
        <translation>访客有住户接待</translation>
    </message>
    <message>
        <source>On a watchlist: block</source>
        <translation>在重点名单上：拦截</translation>
    </message>
    <message>
        <source>On a watchlist: notify</source>
        <translation>在重点名单上：上报</translation>
    </message>
    <message>
        <source>ID typed by hand: re-check later</source>
        <translation>手工录入身份证号，需事后复核</translation>
    </message>
    <message>
        <source>Plate number not valid</source>
        <translation>车牌号格式不对</translation>
    </message>
    <message>
        <source>No occupant checked</source>
        <translation>车上人员未查验</translation>
    </message>
    <message>
        <source>No rule applies: check by hand</source>
        <translation>没有适用的规则，请人工判断</translation>
    </message>
    <message>
        <source>Registered resident</source>
        <translation>登记住户</translation>
    </message>
    <message>
        <source>Registry: must not leave</source>
        <translation>住户登记：不得外出</translation>
    </message>
    <message>
        <source>Registry: moved out, check as a visitor</source>
        <translation>住户登记：已迁出，按访客核验</translation>
    </message>
    <message>
        <source>Household not in the registry: check</source>
        <translation>户号未登记：请核查</translation>
    </message>
    <message>
        <source>No test</source>
        <translation>无核酸</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>当天</translation>
    </message>
    <message>
        <source>Override: milder than proposed</source>
        <translation>人工改判（低于系统建议）</translation>
    </message>
    <message>
        <source>Camera starting</source>
        <translation>摄像头启动中</translation>
    </message>
    <message>
        <source>Camera live</source>
        <translation>摄像头正常</translation>
    </message>
    <message>
        <source>Camera lost</source>
        <translation>摄像头已断开</translation>
    </message>
    <message>
        <source>Camera lost, reconnecting</source>
        <translation>摄像头已断开，正在重连</translation>
    </message>
    <message>
        <source>Video ended</source>
        <translation>视频已播放完毕</translation>
    </message>
    <message>
        <source>Camera failed</source>
        <translation>摄像头故障</translation>
    </message>
    <message>
        <source>No camera or file at that address.</source>
        <translation>该地址没有摄像头或文件。</translation>
    </message>
    <message>
        <source>The camera or stream cannot be opened.</source>
        <translation>无法打开摄像头或视频流。</translation>
    </message>
    <message>
        <source>The file is not a readable image or video.</source>
        <translation>该文件不是可读取的图片或视频。</translation>
    </message>
    <message>
        <source>The camera was disconnected.</source>
        <translation>摄像头已断开连接。</translation>
    </message>
    <message>
        <source>The video has ended.</source>
        <translation>视频已播放完毕。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space.</source>
        <translation>磁盘已满，请清理空间。</translation>
    </message>
    <message>
        <source>The database is busy (locked by another program).</source>
        <translation>数据库忙（被其他程序锁定）。</translation>
    </message>
    <message>
        <source>The database file is read-only.</source>
        <translation>数据库文件为只读。</translation>
    </message>
    <message>
        <source>The database file is damaged. Call the administrator.</source>
        <translation>数据库文件已损坏，请联系管理员。</translation>
    </message>
    <message>
        <source>The database was made by a newer version of Checkpoint Station. Update this station.</source>
        <translation>数据库由更新版本的卡口查验站创建，请升级本站软件。</translation>
    </message>
    <message>
        <source>The data folder cannot be written.</source>
        <translation>数据文件夹无法写入。</translation>
    </message>
    <message>
        <source>The key for the personal data in this database (keys/data.key) is missing or wrong. Restore it from the backup.</source>
        <translation>本数据库个人信息的密钥（keys/data.key）缺失或不匹配。请从备份中恢复该密钥。</translation>
    </message>
    <message>
        <source>An unexpected database error happened; it was logged.</source>
        <translation>发生意外的数据库错误，已记入日志。</translation>
    </message>
    <message>
        <source>Watchlist: stop this person</source>
        <translation>名单人员：拦截</translation>
    </message>
    <message>
        <source>Watchlist: person of interest</source>
        <translation>名单人员：重点关注</translation>
    </message>
    <message>
        <source>Back later than the exit slip allows</source>
        <translation>超过出门条规定时间返回</translation>
    </message>
    <message>
        <source>Household&apos;s exit quota already used</source>
        <translation>本户外出名额已用完</translation>
    </message>
    <message>
        <source>Registry: this resident must not leave</source>
        <translation>住户登记：此人不得外出</translation>
    </message>
    <message>
        <source>Exit slip</source>
        <translation>出门条</translation>
    </message>
    <message>
        <source>Resident pass</source>
        <translation>居民通行证</translation>
    </message>
    <message>
        <source>Visitor pre-registration</source>
        <translation>访客预约</translation>
    </message>
    <message>
        <source>Supply-vehicle pass</source>
        <translation>保供车辆通行证</translation>
    </message>
    <message>
        <source>Not readable as a pass: damaged or not one of ours. Turn back.</source>
        <translation>无法识别为通行证：已损坏或非本小区签发。请劝返。</translation>
    </message>
    <message>
        <source>FORGED: the pass was changed or not signed by this compound. Turn back.</source>
        <translation>伪造：通行证被篡改或非本小区签发。请劝返。</translation>
    </message>
    <message>
        <source>Signed with a key this gate does not know (another compound, or a replaced key).</source>
        <translation>签名密钥本岗不认识（其他小区签发，或密钥已更换）。</translation>
    </message>
    <message>
        <source>REVOKED: this pass was withdrawn.</source>
        <translation>已作废：此通行证已被收回。</translation>
    </message>
    <message>
        <source>EXPIRED: the pass is no longer valid.</source>
        <translation>已过期：此通行证已失效。</translation>
    </message>
    <message>
        <source>Not valid yet: its period starts later.</source>
        <translation>尚未生效：有效期还未开始。</translation>
    </message>
    <message>
        <source>Signature valid: issued by this compound.</source>
        <translation>签名有效：本小区签发。</translation>
    </message>
    <message>
        <source>Signature valid, but the certificate has EXPIRED.</source>
        <translation>签名有效，但证书已过期。</translation>
    </message>
    <message>
        <source>Signature valid: issued by a trusted authority.</source>
        <translation>签名有效：由受信任机构签发。</translation>
    </message>
    <message>
        <source>FORGED or damaged: the signature does not match.</source>
        <translation>伪造或损坏：签名不符。</translation>
    </message>
    <message>
        <source>Cannot be checked: this station has no trust list (ask the administrator).</source>
        <translation>无法核验：本站没有信任列表（请联系管理员）。</translation>
    </message>
    <message>
        <source>Signed by an authority this station does not trust.</source>
        <translation>签发机构不在本站信任范围内。</translation>
    </message>
    <message>
        <source>certificate signature</source>
        <translation>证书签名</translation>
    </message>
    <message>
        <source>Rechecked by hand: all clear</source>
        <translation>人工复核无异常</translation>
    </message>
    <message>
        <source>Approved by the shift leader</source>
        <translation>带班领导批准</translation>
    </message>
    <message>
        <source>Medical emergency</source>
        <translation>紧急就医</translation>
    </message>
    <message>
        <source>Official duty or supply run</source>
        <translation>公务或保供任务</translation>
    </message>
    <message>
        <source>Health-code platform fault</source>
        <translation>健康码平台故障</translation>
    </message>
    <message>
        <source>Other (type the reason)</source>
        <translation>其他（请填写原因）</translation>
    </message>
    <message>
        <source>certificate validity</source>
        <translation>证书有效期</translation>
    </message>
    <message>
        <source>pass signature</source>
        <translation>通行证签名</translation>
    </message>
    <message>
        <source>pass validity</source>
        <translation>通行证有效期</translation>
    </message>
    <message>
        <source>holder&apos;s name</source>
        <translation>持证人姓名</translation>
    </message>
    <message>
        <source>household</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Vaccination</source>
        <translation>疫苗接种</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>检测</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>康复</translation>
    </message>
    <message>
        <source>ID typed by hand</source>
        <translation>手工录入身份证号</translation>
    </message>
    <message>
        <source>No phone</source>
        <translation>无手机</translation>
    </message>
    <message>
        <source>Health-code platform down</source>
        <translation>健康码平台故障</translation>
    </message>
    <message>
        <source>Type the 18-character ID number.</source>
        <translation>请输入 18 位身份证号。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters.</source>
        <translation>身份证号应为 18 位。</translation>
    </message>
    <message>
        <source>Only digits, and X as the last character.</source>
        <translation>只能是数字，最后一位可以是 X。</translation>
    </message>
    <message>
        <source>Wrong check digit: a digit was mistyped. Read the card again.</source>
        <translation>校验位不对：有数字输错了，请重新核对证件。</translation>
    </message>
    <message>
        <source>The first six digits do not name a region of China.</source>
        <translation>前六位不是有效的行政区划代码。</translation>
    </message>
    <message>
        <source>Digits 7-14 are not a real date of birth.</source>
        <translation>第 7–14 位不是有效的出生日期。</translation>
    </message>
    <message>
        <source>The date of birth is in the future.</source>
        <translation>出生日期晚于今天。</translation>
    </message>
    <message>
        <source>No phone number.</source>
        <translation>没有手机号。</translation>
    </message>
    <message>
        <source>A phone number has digits only.</source>
        <translation>手机号只能是数字。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits.</source>
        <translation>手机号应为 11 位。</translation>
    </message>
    <message>
        <source>A mobile number starts with 13-19.</source>
        <translation>手机号应以 13–19 开头。</translation>
    </message>
    <message>
        <source>Home quarantine</source>
        <translation>居家隔离</translation>
    </message>
    <message>
        <source>Person of interest</source>
        <translation>重点人员</translation>
    </message>
    <message>
        <source>Plate of interest</source>
        <translation>重点车辆</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>拦截</translation>
    </message>
    <message>
        <source>More cells than the header has columns</source>
        <translation>单元格比表头列数多</translation>
    </message>
    <message>
        <source>Unknown list type</source>
        <translation>名单类型无法识别</translation>
    </message>
    <message>
        <source>Unknown action</source>
        <translation>处置方式无法识别</translation>
    </message>
    <message>
        <source>No ID number, phone or name</source>
        <translation>缺少身份证号、手机号或姓名</translation>
    </message>
    <message>
        <source>Plate of interest without a plate</source>
        <translation>重点车辆缺少车牌号</translation>
    </message>
    <message>
        <source>ID number not valid</source>
        <translation>身份证号无效</translation>
    </message>
    <message>
        <source>Phone number not valid</source>
        <translation>手机号无效</translation>
    </message>
    <message>
        <source>Date not readable</source>
        <translation>日期无法识别</translation>
    </message>
    <message>
        <source>Ends before it starts</source>
        <translation>结束时间早于开始时间</translation>
    </message>
    <message>
        <source>Same entry as an earlier line</source>
        <translation>与前面某行重复</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>This is not a text (CSV) file.</source>
        <translation>这不是文本（CSV）文件。</translation>
    </message>
    <message>
        <source>The file&apos;s encoding is not UTF-8, UTF-16 or GBK.</source>
        <translation>文件编码不是 UTF-8、UTF-16 或 GBK。</translation>
    </message>
    <message>
        <source>The CSV structure is broken.</source>
        <translation>CSV 格式已损坏。</translation>
    </message>
    <message>
        <source>No name, ID number, phone or plate column in the header.</source>
        <translation>表头中没有姓名、身份证号、手机号或车牌列。</translation>
    </message>
    <message>
        <source>Two columns mean the same field.</source>
        <translation>有两列表示同一字段。</translation>
    </message>
    <message>
        <source>The file does not read as Chinese: save it as UTF-8 (or GBK) and import it again.</source>
        <translation>文件内容无法按中文读取：请另存为 UTF-8（或 GBK）编码后重新导入。</translation>
    </message>
    <message>
        <source>The file has too many lines for a watchlist.</source>
        <translation>文件行数过多，不像是一份名单。</translation>
    </message>
    <message>
        <source>No name</source>
        <translation>缺少姓名</translation>
    </message>
    <message>
        <source>No ID number</source>
        <translation>缺少身份证号</translation>
    </message>
    <message>
        <source>No household (building, room)</source>
        <translation>缺少户号（楼栋、房号）</translation>
    </message>
    <message>
        <source>Household not readable (e.g. 3-2-501)</source>
        <translation>户号无法识别（应如 3-2-501）</translation>
    </message>
    <message>
        <source>Unknown residency (resident or tenant)</source>
        <translation>居住类型无法识别（常住或租户）</translation>
    </message>
    <message>
        <source>Unknown status (normal, home quarantine, no exit)</source>
        <translation>状态无法识别（正常、居家隔离、禁止外出）</translation>
    </message>
    <message>
        <source>Exit quota not a whole number of days / exits</source>
        <translation>出门周期或次数不是整数</translation>
    </message>
    <message>
        <source>A cell is too long</source>
        <translation>单元格内容过长</translation>
    </message>
    <message>
        <source>Same ID number as an earlier line</source>
        <translation>身份证号与前面某行重复</translation>
    </message>
    <message>
        <source>Household details differ from an earlier line</source>
        <translation>本户信息与前面某行不一致</translation>
    </message>
    <message>
        <source>ID number already registered under another name</source>
        <translation>该身份证号已登记为其他姓名</translation>
    </message>
    <message>
        <source>This is neither a CSV nor an XLSX file (save it as XLSX or CSV).</source>
        <translation>这不是 CSV 或 XLSX 文件（请另存为 XLSX 或 CSV）。</translation>
    </message>
    <message>
        <source>This is not a readable XLSX workbook.</source>
        <translation>这不是可读取的 XLSX 工作簿。</translation>
    </message>
    <message>
        <source>The header needs name, ID number and household (or building and room) columns.</source>
        <translation>表头须包含姓名、身份证号和户号（或楼栋和房号）列。</translation>
    </message>
    <message>
        <source>The file has too many rows.</source>
        <translation>文件行数过多。</translation>
    </message>
    <message>
        <source>The workbook unpacks to too much data or too many cells for a registry.</source>
        <translation>该工作簿解压后数据量或单元格数过大，不像是一份住户名册。</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>No exit</source>
        <translation>禁止外出</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>已迁出</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>常住</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>Recovery code made</source>
        <translation>已生成恢复码</translation>
    </message>
    <message>
        <source>New PIN with the recovery code</source>
        <translation>凭恢复码设置了新 PIN 码</translation>
    </message>
    <message>
        <source>Recovery refused</source>
        <translation>恢复被拒绝</translation>
    </message>
    <message>
        <source>This PIN repeats itself (like 1111 or 1212) and is guessed first: choose another.</source>
        <translation>该 PIN 码为重复数字（如 1111 或 1212），最容易被猜中：请换一个。</translation>
    </message>
    <message>
        <source>This PIN is a run of digits (like 1234 or 4321) and is guessed first: choose another.</source>
        <translation>该 PIN 码为连续数字（如 1234 或 4321），最容易被猜中：请换一个。</translation>
    </message>
    <message>
        <source>This PIN looks like a year or a date, which others can find out: choose another.</source>
        <translation>该 PIN 码像年份或日期，容易被他人得知：请换一个。</translation>
    </message>
    <message>
        <source>This PIN is among the most common ones and is guessed first: choose another.</source>
        <translation>该 PIN 码属于最常见的 PIN 码，最容易被猜中：请换一个。</translation>
    </message>
    <message>
        <source>The trust list cannot be read; EU certificates show as not trusted: {detail}</source>
        <translation>无法读取信任列表，欧盟证书将显示为不受信任：{detail}</translation>
    </message>
    <message>
        <source>The pass key cannot be read; station passes show as not trusted: {detail}</source>
        <translation>无法读取通行证密钥，通行证将显示为不受信任：{detail}</translation>
    </message>
    <message>
        <source>The health-code platform list cannot be read: {detail}</source>
        <translation>无法读取健康码平台列表：{detail}</translation>
    </message>
    <message>
        <source>Japanese (Shift-JIS)</source>
        <translation>日文（Shift-JIS）</translation>
    </message>
    <message>
        <source>Traditional Chinese (Big5)</source>
        <translation>繁体中文（Big5）</translation>
    </message>
    <message>
        <source>The file does not read as Chinese: it is most likely {encoding}. Save it as UTF-8 (or GBK) and import it again.</source>
        <translation>文件内容无法按中文读取：它很可能是{encoding}编码。请另存为 UTF-8（或 GBK）编码后重新导入。</translation>
    </message>
    <message>
        <source>Enter the plate</source>
        <translation>请输入车牌</translation>
    </message>
    <message>
        <source>The first character is not a province</source>
        <translation>第一个字符不是省份简称</translation>
    </message>
    <message>
        <source>The second character must be a letter (not I or O)</source>
        <translation>第二个字符必须是字母（不含 I 和 O）</translation>
    </message>
    <message>
        <source>Wrong length: 5 characters after the letter, 6 for a new-energy plate</source>
        <translation>长度不对：字母后应为 5 位，新能源车牌为 6 位</translation>
    </message>
    <message>
        <source>A character a plate cannot carry (I, O or a symbol)</source>
        <translation>含有车牌不能使用的字符（I、O 或符号）</translation>
    </message>
    <message>
        <source>That suffix does not belong on this plate</source>
        <translation>此车牌不能带该后缀</translation>
    </message>
    <message>
        <source>Not a new-energy plate: D or F in the wrong place</source>
        <translation>不是有效的新能源车牌：D 或 F 位置不对</translation>
    </message>
    <message>
        <source>The system clock went back from {before} to {after}: check the time. Records keep their order.</source>
        <translation>系统时钟从 {before} 倒退到 {after}：请检查时间。记录的先后顺序不受影响。</translation>
    </message>
    <message>
        <source>Database created</source>
        <translation>数据库已创建</translation>
    </message>
    <message>
        <source>Shift opened</source>
        <translation>开班</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Export or tracing query</source>
        <translation>导出或流调查询</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>设置已更改</translation>
    </message>
    <message>
        <source>System clock went back</source>
        <translation>系统时钟倒退</translation>
    </message>
    <message>
        <source>Alarm acknowledged</source>
        <translation>警报已确认</translation>
    </message>
    <message>
        <source>Pass issued</source>
        <translation>签发通行证</translation>
    </message>
    <message>
        <source>Pass revoked</source>
        <translation>吊销通行证</translation>
    </message>
    <message>
        <source>Watchlist imported</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <source>Rules changed</source>
        <translation>规则已更改</translation>
    </message>
    <message>
        <source>Key created</source>
        <translation>创建密钥</translation>
    </message>
    <message>
        <source>Barrier relay failed</source>
        <translation>道闸继电器故障</translation>
    </message>
    <message>
        <source>Residents imported</source>
        <translation>导入住户</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Operator added</source>
        <translation>添加操作员</translation>
    </message>
    <message>
        <source>PIN set</source>
        <translation>设置 PIN 码</translation>
    </message>
    <message>
        <source>Operator disabled</source>
        <translation>停用操作员</translation>
    </message>
    <message>
        <source>Operator enabled</source>
        <translation>启用操作员</translation>
    </message>
    <message>
        <source>Access refused</source>
        <translation>拒绝访问</translation>
    </message>
    <message>
        <source>Personal data encrypted</source>
        <translation>个人信息已加密</translation>
    </message>
    <message>
        <source>Database verification failed</source>
        <translation>数据库核验未通过</translation>
    </message>
    <message>
        <source>Database verified intact</source>
        <translation>数据库核验完好</translation>
    </message>
    <message>
        <source>Purge of old passages started</source>
        <translation>开始清理过期通行记录</translation>
    </message>
    <message>
        <source>Log anchor issued</source>
        <translation>已发出日志锚点</translation>
    </message>
    <message>
        <source>Search index rebuilt</source>
        <translation>已重建搜索索引</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>shift leader</source>
        <translation>带班领导</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Type a PIN.</source>
        <translation>请输入 PIN 码。</translation>
    </message>
    <message>
        <source>A PIN has digits only.</source>
        <translation>PIN 码只能是数字。</translation>
    </message>
    <message>
        <source>A PIN has at least 4 digits.</source>
        <translation>PIN 码至少 4 位数字。</translation>
    </message>
    <message>
        <source>A PIN has at most 8 digits.</source>
        <translation>PIN 码最多 8 位数字。</translation>
    </message>
    <message>
        <source>The two PINs differ: type them again.</source>
        <translation>两次输入的 PIN 码不一致：请重新输入。</translation>
    </message>
    <message>
        <source>Old passages purged</source>
        <translation>已清理过期通行记录</translation>
    </message>
    <message>
        <source>Give at least one of plate, ID number, phone or name</source>
        <translation>请至少填写车牌、身份证号、手机号或姓名之一</translation>
    </message>
    <message>
        <source>Not a valid plate: {value}</source>
        <translation>车牌无效：{value}</translation>
    </message>
    <message>
        <source>Not a valid ID number: {value}</source>
        <translation>身份证号无效：{value}</translation>
    </message>
    <message>
        <source>Not a valid mobile number: {value}</source>
        <translation>手机号无效：{value}</translation>
    </message>
    <message>
        <source>The window&apos;s start must be before its end</source>
        <translation>起始时间必须早于结束时间</translation>
    </message>
    <message>
        <source>The window&apos;s times need a timezone</source>
        <translation>时间范围需要带时区</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>客车</translation>
    </message>
    <message>
        <source>1 day ago</source>
        <translation>1 天前</translation>
    </message>
    <message>
        <source>{days} days ago</source>
        <translation>{days} 天前</translation>
    </message>
    <message>
        <source>Car</source>
        <translation>小汽车</translation>
    </message>
    <message>
        <source>Delivery vehicle</source>
        <translation>配送车辆</translation>
    </message>
    <message>
        <source>Fever</source>
        <translation>发热</translation>
    </message>
    <message>
        <source>Held / handed over</source>
        <translation>已留观移交</translation>
    </message>
    <message>
        <source>Turned back</source>
        <translation>已劝返</translation>
    </message>
    <message>
        <source>Supply vehicle</source>
        <translation>保供车辆</translation>
    </message>
    <message>
        <source>Truck</source>
        <translation>货车</translation>
    </message>
    <message>
        <source>Van</source>
        <translation>面包车</translation>
    </message>
</context>
<context>
    <name>TraceResultModel</name>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>{count}, no name recorded</source>
        <translation>{count}，未登记姓名</translation>
    </message>
    <message>
        <source> (+{n} without a name)</source>
        <translation>（另 {n} 人未登记姓名）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>卡口</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>TraceView</name>
    <message>
        <source>Tracing results written: {path} ({count} passages)</source>
        <translation>流调结果已写入：{path}（{count} 次通行）</translation>
    </message>
    <message>
        <source>tracing</source>
        <translation>流调</translation>
    </message>
    <message>
        <source>Export tracing results</source>
        <translation>导出流调结果</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Full personal data shown, recorded in the audit trail as asked by {name} for: {reason}</source>
        <translation>正在显示完整个人信息，已按 {name} 的申请记入审计记录，事由：{reason}</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起</translation>
    </message>
    <message>
        <source>To</source>
        <translation>止</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>限定</translation>
    </message>
    <message>
        <source>e.g. 京A12345</source>
        <translation>例如 京A12345</translation>
    </message>
    <message>
        <source>exact name</source>
        <translation>完整姓名</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>E&amp;xport...</source>
        <translation>导出(&amp;X)...</translation>
    </message>
    <message>
        <source>Show &amp;full details (audited)</source>
        <translation>显示完整信息（记入审计）(&amp;F)</translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s) found</source>
        <translation>
            <numerusform>找到 %n 次通行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tracing</name>
    <message>
        <source>Tracing</source>
        <translation>流调</translation>
    </message>
    <message>
        <source>Tracing results</source>
        <translation>流调查询结果</translation>
    </message>
</context>
<context>
    <name>UnmaskReasonDialog</name>
    <message>
        <source>Show full details</source>
        <translation>显示完整信息</translation>
    </message>
    <message>
        <source>Full names, ID numbers and phones are shown for a case. Type its case number or the reason: it is kept in the audit trail with your name ({name}) for every search and export while full details are on.</source>
        <translation>完整的姓名、身份证号和手机号只为具体案件显示。请填写案件编号或事由：在显示完整信息期间，每次查询和导出都会连同您的姓名（{name}）记入审计记录。</translation>
    </message>
    <message>
        <source>e.g. case 2031-0715-07, health commission request</source>
        <translation>例如：流调 2031-0715-07，卫健委协查函</translation>
    </message>
</context>
<context>
    <name>VehiclePanel</name>
    <message>
        <source>Plate {key}</source>
        <translation>车牌 {key}</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>车型</translation>
    </message>
    <message>
        <source>From {key}</source>
        <translation>始发地 {key}</translation>
    </message>
    <message>
        <source>To {key}</source>
        <translation>目的地 {key}</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>始发地</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>Scan each person&apos;s code: it adds them. Province {picker} · kind {kinds} · person {up}/{down} · same as previous {same} · remove person {remove} · next vehicle Esc</source>
        <translation>逐个扫描每位乘员的码即可加入。省份 {picker} · 车型 {kinds} · 选人 {up}/{down} · 同上一人 {same} · 移除此人 {remove} · 下一辆车 Esc</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s): a {kind} holds {limit}. Check the rows; {remove} removes one.</source>
        <translation>
            <numerusform>已登记 %n 人，超过{kind}核载（{limit} 人）。请逐行核对，{remove} 删除一人。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not added: %n code(s) not from a person ({kinds}). No code? {manual}</source>
        <translation>
            <numerusform>未登记：%n 个非人员码（{kinds}）。无码人员请按 {manual} 手工录入。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerdictView</name>
    <message>
        <source>Proposed</source>
        <translation>建议处置</translation>
    </message>
</context>
<context>
    <name>VerdictWords</name>
    <message>
        <source>PASS</source>
        <translation>放行</translation>
    </message>
    <message>
        <source>CHECK</source>
        <translation>复检</translation>
    </message>
    <message>
        <source>TURN BACK</source>
        <translation>劝返</translation>
    </message>
    <message>
        <source>HOLD</source>
        <translation>留观</translation>
    </message>
</context>
<context>
    <name>VisitorEntryDialog</name>
    <message>
        <source>Walk-in visitor</source>
        <translation>临时访客登记</translation>
    </message>
    <message>
        <source>Who is visiting whom: the visitor&apos;s name and the host household or the host&apos;s name.</source>
        <translation>谁来访问谁：访客姓名，以及被访户号或被访人姓名。</translation>
    </message>
    <message>
        <source>Visitor&apos;s name</source>
        <translation>访客姓名</translation>
    </message>
    <message>
        <source>Host household</source>
        <translation>被访户号</translation>
    </message>
    <message>
        <source>Host&apos;s name</source>
        <translation>被访人姓名</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>来访事由</translation>
    </message>
    <message>
        <source>Expected exit</source>
        <translation>预计离开时间</translation>
    </message>
    <message>
        <source>e.g. 5-1-302</source>
        <translation>例如 5-1-302</translation>
    </message>
</context>
<context>
    <name>WatchlistService</name>
    <message>
        <source>The watchlist was NOT imported: {reason}</source>
        <translation>名单未导入：{reason}</translation>
    </message>
</context>
</TS>
