<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdministratorPage</name>
    <message>
        <source>The first administrator</source>
        <translation>The first administrator</translation>
    </message>
    <message>
        <source>The administrator adds the other operators and sets their PINs. Choose a PIN of 4 to 8 digits that is not a repeat, a run, a year or a common PIN.</source>
        <translation>The administrator adds the other operators and sets their PINs. Choose a PIN of 4 to 8 digits that is not a repeat, a run, a year or a common PIN.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN again</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <source>Acknowledge
{key}</source>
        <translation>Acknowledge
{key}</translation>
    </message>
    <message>
        <source>{what} (out since {time}, {hours} h allowed)</source>
        <translation>{what} (out since {time}, {hours} h allowed)</translation>
    </message>
    <message>
        <source>{what} (one exit per {days} days)</source>
        <translation>{what} (one exit per {days} days)</translation>
    </message>
</context>
<context>
    <name>Anchor</name>
    <message>
        <source>Log anchor</source>
        <translation>Log anchor</translation>
    </message>
    <message>
        <source>Station {station}, record no. {seq}, hash {hash}. Whoever keeps this sheet can check that the station's log still holds this record unchanged: checkpoint db verify --anchor followed by the anchor's text, CPA1:… (on the PDF the QR code holds it too).</source>
        <translation>Station {station}, record no. {seq}, hash {hash}. Whoever keeps this sheet can check that the station's log still holds this record unchanged: checkpoint db verify --anchor followed by the anchor's text, CPA1:… (on the PDF the QR code holds it too).</translation>
    </message>
</context>
<context>
    <name>Anomalies</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>Plate</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Health code</source>
        <translation>Health code</translation>
    </message>
    <message>
        <source>Itinerary card</source>
        <translation>Itinerary card</translation>
    </message>
    <message>
        <source>Temperature (°C)</source>
        <translation>Temperature (°C)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>Anomaly</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation>Record ID</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalies</translation>
    </message>
    <message>
        <source>Anomaly hand-off</source>
        <translation>Anomaly hand-off</translation>
    </message>
    <message>
        <source>Override (proposed → recorded)</source>
        <translation>Override (proposed → recorded)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The rules change was saved but NOT audited: {reason}</source>
        <translation>The rules change was saved but NOT audited: {reason}</translation>
    </message>
    <message>
        <source>%n new watchlist entries imported.</source>
        <translation>%n new watchlist entries imported.</translation>
    </message>
    <message>
        <source>There is no gate profile {name}. Known profiles: {known}</source>
        <translation>There is no gate profile {name}. Known profiles: {known}</translation>
    </message>
    <message>
        <source>The station cannot open its database:
{reason}

{url}</source>
        <translation>The station cannot open its database:
{reason}

{url}</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation><numerusform>%n entries</numerusform><numerusform>%n entries</numerusform></translation>
    </message>
</context>
<context>
    <name>Auth</name>
    <message>
        <source>Wrong PIN. Tries left before a 5-minute lock-out: %n.</source>
        <translation>Wrong PIN. Tries left before a 5-minute lock-out: %n.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: locked out until {time} (%n min).</source>
        <translation>Too many wrong PINs: locked out until {time} (%n min).</translation>
    </message>
    <message>
        <source>There is no operator with this name.</source>
        <translation>There is no operator with this name.</translation>
    </message>
    <message>
        <source>This operator has no PIN yet: an administrator sets one.</source>
        <translation>This operator has no PIN yet: an administrator sets one.</translation>
    </message>
    <message>
        <source>This operator is disabled: ask an administrator.</source>
        <translation>This operator is disabled: ask an administrator.</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Signed in.</translation>
    </message>
    <message>
        <source>This needs a {role}: switch operator ({key}) and sign in as one.</source>
        <translation>This needs a {role}: switch operator ({key}) and sign in as one.</translation>
    </message>
    <message>
        <source>Sign-in could not be checked: {reason}</source>
        <translation>Sign-in could not be checked: {reason}</translation>
    </message>
    <message>
        <source>Session expired: {name} works on as an operator. Sign in again ({key}) for {role} rights.</source>
        <translation>Session expired: {name} works on as an operator. Sign in again ({key}) for {role} rights.</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>Close shift</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <source>Shift {label}, opened {time}</source>
        <translation>Shift {label}, opened {time}</translation>
    </message>
    <message>
        <source>Counts: the log and your tally (leave the tally at — where none was kept)</source>
        <translation>Counts: the log and your tally (leave the tally at — where none was kept)</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Tally</source>
        <translation>Tally</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Items handed over</source>
        <translation>Items handed over</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>Open matters for the next shift (one per line)</source>
        <translation>Open matters for the next shift (one per line)</translation>
    </message>
    <message>
        <source>Outgoing shift leader</source>
        <translation>Outgoing shift leader</translation>
    </message>
    <message>
        <source>Incoming shift leader</source>
        <translation>Incoming shift leader</translation>
    </message>
</context>
<context>
    <name>ClosedShiftDialog</name>
    <message>
        <source>Shift closed</source>
        <translation>Shift closed</translation>
    </message>
    <message>
        <source>Shift {label}, opened {time}, is closed and on record. Its handover sheet is made from the log: staff, items, the reconciliation and both leaders, with every passage.</source>
        <translation>Shift {label}, opened {time}, is closed and on record. Its handover sheet is made from the log: staff, items, the reconciliation and both leaders, with every passage.</translation>
    </message>
    <message>
        <source>&amp;Export this shift's handover sheet...</source>
        <translation>&amp;Export this shift's handover sheet...</translation>
    </message>
    <message>
        <source>&amp;Print it...</source>
        <translation>&amp;Print it...</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>ConfirmationBand</name>
    <message>
        <source>Override: {reason}</source>
        <translation>Override: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>{reason} (+%n more)</source>
        <translation><numerusform>{reason} (+%n more)</numerusform><numerusform>{reason} (+%n more)</numerusform></translation>
    </message>
    <message>
        <source>Recorded: {outcome}</source>
        <translation>Recorded: {outcome}</translation>
    </message>
    <message numerus="yes">
        <source>{plate} · %n person(s)</source>
        <translation><numerusform>{plate} · %n person</numerusform><numerusform>{plate} · %n persons</numerusform></translation>
    </message>
</context>
<context>
    <name>Correction</name>
    <message>
        <source>Say why the record is corrected.</source>
        <translation>Say why the record is corrected.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>This record was corrected already: correct the newest record instead.</source>
        <translation>This record was corrected already: correct the newest record instead.</translation>
    </message>
    <message>
        <source>The plate is not a valid plate.</source>
        <translation>The plate is not a valid plate.</translation>
    </message>
    <message>
        <source>A temperature must be between 30 and 45 °C.</source>
        <translation>A temperature must be between 30 and 45 °C.</translation>
    </message>
    <message>
        <source>Choose pass, turn back or hold.</source>
        <translation>Choose pass, turn back or hold.</translation>
    </message>
    <message>
        <source>Only a shift leader or an administrator may correct a record.</source>
        <translation>Only a shift leader or an administrator may correct a record.</translation>
    </message>
    <message>
        <source>The record is no longer on record.</source>
        <translation>The record is no longer on record.</translation>
    </message>
    <message>
        <source>The correction was not recorded: {detail}</source>
        <translation>The correction was not recorded: {detail}</translation>
    </message>
    <message>
        <source>Correction recorded as No. {seq}; the old record stays beside it.</source>
        <translation>Correction recorded as No. {seq}; the old record stays beside it.</translation>
    </message>
    <message>
        <source>The correction was NOT recorded: {reason} Nothing was lost; try again.</source>
        <translation>The correction was NOT recorded: {reason} Nothing was lost; try again.</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct No. {seq}</source>
        <translation>Correct No. {seq}</translation>
    </message>
    <message>
        <source>The record stays as it is: the correction is a new record that points at it, with your name and the reason, and counts in its place.</source>
        <translation>The record stays as it is: the correction is a new record that points at it, with your name and the reason, and counts in its place.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>Plate</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <source>e.g. recheck 36.8 °C, plate misread</source>
        <translation>e.g. recheck 36.8 °C, plate misread</translation>
    </message>
    <message>
        <source>Temperature, person {n}</source>
        <translation>Temperature, person {n}</translation>
    </message>
    <message>
        <source>Record the correction</source>
        <translation>Record the correction</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CountersView</name>
    <message>
        <source>vehicles / persons</source>
        <translation>vehicles / persons</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>This hour</source>
        <translation>This hour</translation>
    </message>
    <message>
        <source>This shift</source>
        <translation>This shift</translation>
    </message>
</context>
<context>
    <name>CredentialView</name>
    <message>
        <source>Typed by hand: {who} · {flags} — flagged for a later re-check</source>
        <translation>Typed by hand: {who} · {flags} — flagged for a later re-check</translation>
    </message>
    <message>
        <source>This person was already recorded at {time} in this shift.</source>
        <translation>This person was already recorded at {time} in this shift.</translation>
    </message>
    <message>
        <source>Degraded mode: identity typed by hand</source>
        <translation>Degraded mode: identity typed by hand</translation>
    </message>
    <message>
        <source>Verified: {verified}   Attested by the operator: {attested}</source>
        <translation>Verified: {verified}   Attested by the operator: {attested}</translation>
    </message>
    <message>
        <source>code colour</source>
        <translation>code colour</translation>
    </message>
    <message>
        <source>itinerary</source>
        <translation>itinerary</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>temperature</source>
        <translation>temperature</translation>
    </message>
    <message>
        <source>This code was scanned before at {time} in this shift.</source>
        <translation>This code was scanned before at {time} in this shift.</translation>
    </message>
    <message>
        <source>Health code from {platform}</source>
        <translation>Health code from {platform}</translation>
    </message>
    <message>
        <source>Cannot be verified offline: attest the colour the phone shows.</source>
        <translation>Cannot be verified offline: attest the colour the phone shows.</translation>
    </message>
    <message>
        <source>Unrecognised code: check the person by hand.</source>
        <translation>Unrecognised code: check the person by hand.</translation>
    </message>
    <message>
        <source>Cannot be checked: this gate has no pass key (ask the administrator).</source>
        <translation>Cannot be checked: this gate has no pass key (ask the administrator).</translation>
    </message>
    <message>
        <source>Holder: {name}</source>
        <translation>Holder: {name}</translation>
    </message>
    <message>
        <source>Household: {id}</source>
        <translation>Household: {id}</translation>
    </message>
    <message>
        <source>Valid {start} – {end}</source>
        <translation>Valid {start} – {end}</translation>
    </message>
    <message>
        <source>Issuer: {issuer}</source>
        <translation>Issuer: {issuer}</translation>
    </message>
    <message>
        <source>Household exits in the last {days} days: {count}</source>
        <translation>Household exits in the last {days} days: {count}</translation>
    </message>
    <message>
        <source>Out since {time} (back within {hours} h)</source>
        <translation>Out since {time} (back within {hours} h)</translation>
    </message>
    <message>
        <source>Name: {name}</source>
        <translation>Name: {name}</translation>
    </message>
    <message>
        <source>Born: {date}</source>
        <translation>Born: {date}</translation>
    </message>
</context>
<context>
    <name>DatabaseCheck</name>
    <message>
        <source>a passage</source>
        <translation>a passage</translation>
    </message>
    <message>
        <source>an audit trail entry</source>
        <translation>an audit trail entry</translation>
    </message>
    <message>
        <source>an operator</source>
        <translation>an operator</translation>
    </message>
    <message>
        <source>an operator's PIN</source>
        <translation>an operator's PIN</translation>
    </message>
    <message>
        <source>an operator's status</source>
        <translation>an operator's status</translation>
    </message>
    <message>
        <source>an administrator's recovery code</source>
        <translation>an administrator's recovery code</translation>
    </message>
    <message>
        <source>a shift</source>
        <translation>a shift</translation>
    </message>
    <message>
        <source>a shift record</source>
        <translation>a shift record</translation>
    </message>
    <message>
        <source>an issued pass</source>
        <translation>an issued pass</translation>
    </message>
    <message>
        <source>a pass revocation</source>
        <translation>a pass revocation</translation>
    </message>
    <message>
        <source>a watchlist entry</source>
        <translation>a watchlist entry</translation>
    </message>
    <message>
        <source>a household of the residents registry</source>
        <translation>a household of the residents registry</translation>
    </message>
    <message>
        <source>a resident of the residents registry</source>
        <translation>a resident of the residents registry</translation>
    </message>
    <message>
        <source>the gate</source>
        <translation>the gate</translation>
    </message>
    <message>
        <source>the gate's rules</source>
        <translation>the gate's rules</translation>
    </message>
    <message>
        <source>a purge record</source>
        <translation>a purge record</translation>
    </message>
    <message>
        <source>the counts of a purged hour</source>
        <translation>the counts of a purged hour</translation>
    </message>
    <message>
        <source>a record</source>
        <translation>a record</translation>
    </message>
    <message>
        <source>Record no. {seq} is missing: it was deleted outside the application.</source>
        <translation>Record no. {seq} is missing: it was deleted outside the application.</translation>
    </message>
    <message>
        <source>Records from no. {seq} on are missing, and a purge record that does not account for them stands in for them: they were deleted outside the application.</source>
        <translation>Records from no. {seq} on are missing, and a purge record that does not account for them stands in for them: they were deleted outside the application.</translation>
    </message>
    <message>
        <source>Record no. {seq} ({kind}) was inserted outside the application.</source>
        <translation>Record no. {seq} ({kind}) was inserted outside the application.</translation>
    </message>
    <message>
        <source>Record no. {seq} ({kind}) was changed outside the application.</source>
        <translation>Record no. {seq} ({kind}) was changed outside the application.</translation>
    </message>
    <message>
        <source>The database is intact: %n records checked, none changed, added or removed.</source>
        <translation>The database is intact: %n records checked, none changed, added or removed.</translation>
    </message>
    <message>
        <source>The database failed verification.</source>
        <translation>The database failed verification.</translation>
    </message>
    <message>
        <source>The log no longer holds record no. {seq} as the anchor {anchor} from a sheet says: it was rewritten, renumbered or cut back after that sheet was made.</source>
        <translation>The log no longer holds record no. {seq} as the anchor {anchor} from a sheet says: it was rewritten, renumbered or cut back after that sheet was made.</translation>
    </message>
    <message>
        <source>The database file itself is damaged (integrity check failed).</source>
        <translation>The database file itself is damaged (integrity check failed).</translation>
    </message>
    <message>
        <source>The log's search index does not match the records: people may be missing from the log's search. An administrator rebuilds it with: checkpoint db reindex</source>
        <translation>The log's search index does not match the records: people may be missing from the log's search. An administrator rebuilds it with: checkpoint db reindex</translation>
    </message>
    <message>
        <source>Keep this PC as it is and call the administrator.</source>
        <translation>Keep this PC as it is and call the administrator.</translation>
    </message>
    <message>
        <source>This could not be written to the audit trail: {reason}</source>
        <translation>This could not be written to the audit trail: {reason}</translation>
    </message>
    <message>
        <source>The database is already being verified ({checked} of about {total} records so far); the result shows when it is done.</source>
        <translation>The database is already being verified ({checked} of about {total} records so far); the result shows when it is done.</translation>
    </message>
</context>
<context>
    <name>DeviceProblems</name>
    <message>
        <source>Camera: choose a camera or type a URL, a file or a folder.</source>
        <translation>Camera: choose a camera or type a URL, a file or a folder.</translation>
    </message>
    <message>
        <source>Serial scanner: the baud rate must be a positive whole number.</source>
        <translation>Serial scanner: the baud rate must be a positive whole number.</translation>
    </message>
    <message>
        <source>Duplicate scans: the window must be from {low:g} to {high:g} seconds.</source>
        <translation>Duplicate scans: the window must be from {low:g} to {high:g} seconds.</translation>
    </message>
    <message>
        <source>Return to scanning: from {low} to {high} seconds.</source>
        <translation>Return to scanning: from {low} to {high} seconds.</translation>
    </message>
    <message>
        <source>Volume: from 0 to 100.</source>
        <translation>Volume: from 0 to 100.</translation>
    </message>
    <message>
        <source>Barrier: the URL must start with http:// or https:// and name a host.</source>
        <translation>Barrier: the URL must start with http:// or https:// and name a host.</translation>
    </message>
    <message>
        <source>Barrier: the method must be GET, POST or PUT.</source>
        <translation>Barrier: the method must be GET, POST or PUT.</translation>
    </message>
    <message>
        <source>Barrier: the time-out must be from {low:g} to {high:g} seconds.</source>
        <translation>Barrier: the time-out must be from {low:g} to {high:g} seconds.</translation>
    </message>
    <message>
        <source>Barrier: choose or type the relay's serial port.</source>
        <translation>Barrier: choose or type the relay's serial port.</translation>
    </message>
    <message>
        <source>Barrier: the relay's baud rate must be a positive whole number.</source>
        <translation>Barrier: the relay's baud rate must be a positive whole number.</translation>
    </message>
    <message>
        <source>Barrier: the command must be bytes in hexadecimal, e.g. A0 01 01 A2.</source>
        <translation>Barrier: the command must be bytes in hexadecimal, e.g. A0 01 01 A2.</translation>
    </message>
    <message>
        <source>Barrier: the expected reply must be empty or bytes in hexadecimal.</source>
        <translation>Barrier: the expected reply must be empty or bytes in hexadecimal.</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>URL, file or folder</source>
        <translation>URL, file or folder</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Exposure</translation>
    </message>
    <message>
        <source>Focus</source>
        <translation>Focus</translation>
    </message>
    <message>
        <source>Serial scanner port</source>
        <translation>Serial scanner port</translation>
    </message>
    <message>
        <source>Baud rate</source>
        <translation>Baud rate</translation>
    </message>
    <message>
        <source>Same code counts once within</source>
        <translation>Same code counts once within</translation>
    </message>
    <message>
        <source>Tones</source>
        <translation>Tones</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Spoken prompts</source>
        <translation>Spoken prompts</translation>
    </message>
    <message>
        <source>Prompt language</source>
        <translation>Prompt language</translation>
    </message>
    <message>
        <source>Open the barrier by</source>
        <translation>Open the barrier by</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Serial port</source>
        <translation>Serial port</translation>
    </message>
    <message>
        <source>Command (hex)</source>
        <translation>Command (hex)</translation>
    </message>
    <message>
        <source>Expected reply (hex)</source>
        <translation>Expected reply (hex)</translation>
    </message>
    <message>
        <source>Time-out</source>
        <translation>Time-out</translation>
    </message>
    <message>
        <source>Back to scanning after</source>
        <translation>Back to scanning after</translation>
    </message>
    <message>
        <source>Home province (plates)</source>
        <translation>Home province (plates)</translation>
    </message>
    <message>
        <source>The barrier relay is off.</source>
        <translation>The barrier relay is off.</translation>
    </message>
    <message>
        <source>Testing...</source>
        <translation>Testing...</translation>
    </message>
    <message>
        <source>Only a shift leader or an administrator may change the devices.</source>
        <translation>Only a shift leader or an administrator may change the devices.</translation>
    </message>
    <message>
        <source>A video file</source>
        <translation>A video file</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.avi *.mkv *.mov);;All files (*)</source>
        <translation>Videos (*.mp4 *.avi *.mkv *.mov);;All files (*)</translation>
    </message>
    <message>
        <source>The barrier controller answered: opened ({seconds:.2f} s).</source>
        <translation>The barrier controller answered: opened ({seconds:.2f} s).</translation>
    </message>
    <message>
        <source>The barrier did NOT open: {reason} ({detail}).</source>
        <translation>The barrier did NOT open: {reason} ({detail}).</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Scanners</source>
        <translation>Scanners</translation>
    </message>
    <message>
        <source>Sounds and prompts</source>
        <translation>Sounds and prompts</translation>
    </message>
    <message>
        <source>Barrier</source>
        <translation>Barrier</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Demo camera (no device)</source>
        <translation>Demo camera (no device)</translation>
    </message>
    <message>
        <source>A stream URL, a video file or an image folder</source>
        <translation>A stream URL, a video file or an image folder</translation>
    </message>
    <message>
        <source>rtsp://192.168.1.20/stream, /media/gate.mp4, ...</source>
        <translation>rtsp://192.168.1.20/stream, /media/gate.mp4, ...</translation>
    </message>
    <message>
        <source>Choose a file...</source>
        <translation>Choose a file...</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Autofocus</source>
        <translation>Autofocus</translation>
    </message>
    <message>
        <source>The sliders change the live picture at once; Cancel puts the saved values back.</source>
        <translation>The sliders change the live picture at once; Cancel puts the saved values back.</translation>
    </message>
    <message>
        <source>This camera offers only some of these controls; the others are disabled.</source>
        <translation>This camera offers only some of these controls; the others are disabled.</translation>
    </message>
    <message>
        <source>The camera in use offers no exposure or focus control (streams, files, the demo camera and many webcams do not), so these are disabled.</source>
        <translation>The camera in use offers no exposure or focus control (streams, files, the demo camera and many webcams do not), so these are disabled.</translation>
    </message>
    <message>
        <source>A new camera starts as soon as you save; the scanners keep working.</source>
        <translation>A new camera starts as soon as you save; the scanners keep working.</translation>
    </message>
    <message>
        <source>none; or /dev/ttyACM0, COM3, ...</source>
        <translation>none; or /dev/ttyACM0, COM3, ...</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Keyboard-wedge (USB) scanners need no setting: they are recognised by their typing speed. A serial scanner reconnects by itself when unplugged. Changes apply when you save.</source>
        <translation>Keyboard-wedge (USB) scanners need no setting: they are recognised by their typing speed. A serial scanner reconnects by itself when unplugged. Changes apply when you save.</translation>
    </message>
    <message>
        <source>Tones for pass, check, deny and alarms</source>
        <translation>Tones for pass, check, deny and alarms</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>Speak the verdict after its tone</source>
        <translation>Speak the verdict after its tone</translation>
    </message>
    <message>
        <source>The interface language</source>
        <translation>The interface language</translation>
    </message>
    <message>
        <source>Sounds, volume and prompts apply from the next verdict.</source>
        <translation>Sounds, volume and prompts apply from the next verdict.</translation>
    </message>
    <message>
        <source>Off (the barrier is opened by hand)</source>
        <translation>Off (the barrier is opened by hand)</translation>
    </message>
    <message>
        <source>An HTTP request</source>
        <translation>An HTTP request</translation>
    </message>
    <message>
        <source>A command on a serial port</source>
        <translation>A command on a serial port</translation>
    </message>
    <message>
        <source>http://192.168.1.50/open?passage={passage}</source>
        <translation>http://192.168.1.50/open?passage={passage}</translation>
    </message>
    <message>
        <source>optional; {passage} is the passage's id</source>
        <translation>optional; {passage} is the passage's id</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>Test the barrier</source>
        <translation>Test the barrier</translation>
    </message>
    <message>
        <source>On every recorded PASS the barrier is opened in the background; a barrier that does not open is shown at once and written to the audit trail. The test records nothing.</source>
        <translation>On every recorded PASS the barrier is opened in the background; a barrier that does not open is shown at once and written to the audit trail. The test records nothing.</translation>
    </message>
    <message>
        <source>None: the province is picked for every vehicle</source>
        <translation>None: the province is picked for every vehicle</translation>
    </message>
    <message>
        <source>The verdict covers the station screen after each recorded passage and goes after this time, at a tap or as soon as the next entry begins; 0 keeps it until then.</source>
        <translation>The verdict covers the station screen after each recorded passage and goes after this time, at a tap or as soon as the next entry begins; 0 keeps it until then.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export handover</source>
        <translation>Export handover</translation>
    </message>
    <message>
        <source>Handover of</source>
        <translation>Handover of</translation>
    </message>
    <message>
        <source>A shift (the full sheet)</source>
        <translation>A shift (the full sheet)</translation>
    </message>
    <message>
        <source>A time window</source>
        <translation>A time window</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Up to the moment the file is written.</source>
        <translation>Up to the moment the file is written.</translation>
    </message>
    <message>
        <source>From: from second :00 of its minute. To: through the end of its minute.
Passages only; staff, items and reconciliation are on a shift's full sheet.</source>
        <translation>From: from second :00 of its minute. To: through the end of its minute.
Passages only; staff, items and reconciliation are on a shift's full sheet.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Choose...</translation>
    </message>
    <message>
        <source>{opened} - now (open)</source>
        <translation>{opened} - now (open)</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>{leader}, handed over to {incoming}</source>
        <translation>{leader}, handed over to {incoming}</translation>
    </message>
    <message>
        <source>{name} files (*.{ext})</source>
        <translation>{name} files (*.{ext})</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>Choose a file to write.</translation>
    </message>
    <message>
        <source>The end of the window must be after its start.</source>
        <translation>The end of the window must be after its start.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>The folder {folder} does not exist.</translation>
    </message>
</context>
<context>
    <name>ExportService</name>
    <message>
        <source>Handover written: {path} ({count} passages). Log anchor: {anchor}</source>
        <translation>Handover written: {path} ({count} passages). Log anchor: {anchor}</translation>
    </message>
    <message>
        <source>Nothing to export: {detail}</source>
        <translation>Nothing to export: {detail}</translation>
    </message>
    <message>
        <source>The export folder does not exist. Nothing was written.</source>
        <translation>The export folder does not exist. Nothing was written.</translation>
    </message>
    <message>
        <source>The export folder cannot be written (read-only or no permission). Nothing was written.</source>
        <translation>The export folder cannot be written (read-only or no permission). Nothing was written.</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was written; free some space and export again.</source>
        <translation>The disk is full. Nothing was written; free some space and export again.</translation>
    </message>
    <message>
        <source>The file could not be written; the error was logged.</source>
        <translation>The file could not be written; the error was logged.</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <source>Gate: {gate}
Administrator: {name}

Finish creates the administrator and the deployment's pass-signing key in {folder} (an existing key is kept). Copy its .pub.pem file to every other gate of the deployment.

ID numbers and phones are sealed with the data key {data_key}: back it up (with the pass-signing key) on a USB stick kept by the administrator. Without it they cannot be read again.</source>
        <translation>Gate: {gate}
Administrator: {name}

Finish creates the administrator and the deployment's pass-signing key in {folder} (an existing key is kept). Copy its .pub.pem file to every other gate of the deployment.

ID numbers and phones are sealed with the data key {data_key}: back it up (with the pass-signing key) on a USB stick kept by the administrator. Without it they cannot be read again.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>The administrator's recovery code, shown only now: write it down and keep it away from the station. If wrong PINs lock the administrator out, it sets a new PIN (checkpoint operators recover).</source>
        <translation>The administrator's recovery code, shown only now: write it down and keep it away from the station. If wrong PINs lock the administrator out, it sets a new PIN (checkpoint operators recover).</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>Give the gate a name.</source>
        <translation>Give the gate a name.</translation>
    </message>
    <message>
        <source>Choose the gate's kind.</source>
        <translation>Choose the gate's kind.</translation>
    </message>
    <message>
        <source>Give the administrator's name.</source>
        <translation>Give the administrator's name.</translation>
    </message>
    <message>
        <source>This name belongs to an operator who is not an administrator: choose another.</source>
        <translation>This name belongs to an operator who is not an administrator: choose another.</translation>
    </message>
    <message>
        <source>This station already has an administrator: type their name to give them a new PIN.</source>
        <translation>This station already has an administrator: type their name to give them a new PIN.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>The key could not be written: {reason}</source>
        <translation>The key could not be written: {reason}</translation>
    </message>
    <message>
        <source>Set up this station</source>
        <translation>Set up this station</translation>
    </message>
</context>
<context>
    <name>GateDevices</name>
    <message>
        <source>the barrier controller did not answer in time</source>
        <translation>the barrier controller did not answer in time</translation>
    </message>
    <message>
        <source>the barrier controller refused the connection</source>
        <translation>the barrier controller refused the connection</translation>
    </message>
    <message>
        <source>the barrier controller cannot be reached</source>
        <translation>the barrier controller cannot be reached</translation>
    </message>
    <message>
        <source>the barrier controller answered with an error</source>
        <translation>the barrier controller answered with an error</translation>
    </message>
    <message>
        <source>the barrier's serial port is missing</source>
        <translation>the barrier's serial port is missing</translation>
    </message>
    <message>
        <source>the barrier's serial port failed</source>
        <translation>the barrier's serial port failed</translation>
    </message>
    <message>
        <source>the barrier controller gave an unexpected reply</source>
        <translation>the barrier controller gave an unexpected reply</translation>
    </message>
    <message>
        <source>Serial scanner connected</source>
        <translation>Serial scanner connected</translation>
    </message>
    <message>
        <source>Serial scanner lost</source>
        <translation>Serial scanner lost</translation>
    </message>
    <message>
        <source>Serial scanner lost, reconnecting</source>
        <translation>Serial scanner lost, reconnecting</translation>
    </message>
    <message>
        <source>Serial scanner cannot be used</source>
        <translation>Serial scanner cannot be used</translation>
    </message>
    <message>
        <source>Serial scanner stopped</source>
        <translation>Serial scanner stopped</translation>
    </message>
    <message>
        <source>The device settings were saved but NOT audited: {reason}</source>
        <translation>The device settings were saved but NOT audited: {reason}</translation>
    </message>
    <message>
        <source>The scanner sent only part of a code. Scan it again.</source>
        <translation>The scanner sent only part of a code. Scan it again.</translation>
    </message>
    <message>
        <source>The barrier relay is switched off: {detail}</source>
        <translation>The barrier relay is switched off: {detail}</translation>
    </message>
    <message>
        <source>The serial scanner is not used: {detail}</source>
        <translation>The serial scanner is not used: {detail}</translation>
    </message>
    <message>
        <source>The barrier did NOT open: {reason}. Open it by hand; the passage is recorded.</source>
        <translation>The barrier did NOT open: {reason}. Open it by hand; the passage is recorded.</translation>
    </message>
</context>
<context>
    <name>GatePage</name>
    <message>
        <source>The gate</source>
        <translation>The gate</translation>
    </message>
    <message>
        <source>Name this gate as it appears on the handover sheet, choose its kind and the province of its local plates.</source>
        <translation>Name this gate as it appears on the handover sheet, choose its kind and the province of its local plates.</translation>
    </message>
    <message>
        <source>Gate name</source>
        <translation>Gate name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Home province (plates)</source>
        <translation>Home province (plates)</translation>
    </message>
    <message>
        <source>None: the province is picked for every vehicle</source>
        <translation>None: the province is picked for every vehicle</translation>
    </message>
    <message>
        <source>Highway exit: every vehicle and person</source>
        <translation>Highway exit: every vehicle and person</translation>
    </message>
    <message>
        <source>Compound gate: residents and visitors</source>
        <translation>Compound gate: residents and visitors</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Passages</source>
        <translation>Passages</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>Anomalies</translation>
    </message>
    <message>
        <source>Shift handover</source>
        <translation>Shift handover</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>By time window</source>
        <translation>By time window</translation>
    </message>
    <message>
        <source>Shift leader</source>
        <translation>Shift leader</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Generated</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Totals</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>Vehicles</translation>
    </message>
    <message>
        <source>Pedestrians</source>
        <translation>Pedestrians</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Persons</translation>
    </message>
    <message>
        <source>Fever (persons)</source>
        <translation>Fever (persons)</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <source>Overrides</source>
        <translation>Overrides</translation>
    </message>
    <message>
        <source>Override (proposed → recorded)</source>
        <translation>Override (proposed → recorded)</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Health code</source>
        <translation>Health code</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Hour</translation>
    </message>
    <message>
        <source>Outgoing shift leader (signature)</source>
        <translation>Outgoing shift leader (signature)</translation>
    </message>
    <message>
        <source>Incoming shift leader (signature)</source>
        <translation>Incoming shift leader (signature)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>Plate</translation>
    </message>
    <message>
        <source>Vehicle type</source>
        <translation>Vehicle type</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Names</translation>
    </message>
    <message>
        <source>Itinerary card</source>
        <translation>Itinerary card</translation>
    </message>
    <message>
        <source>Max. temperature (°C)</source>
        <translation>Max. temperature (°C)</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Corrects No.</source>
        <translation>Corrects No.</translation>
    </message>
    <message>
        <source>Correction reason</source>
        <translation>Correction reason</translation>
    </message>
    <message>
        <source>Corrected by No.</source>
        <translation>Corrected by No.</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>Anomaly</translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation>Record ID</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Staff on duty</source>
        <translation>Staff on duty</translation>
    </message>
    <message>
        <source>Passages per hour</source>
        <translation>Passages per hour</translation>
    </message>
    <message>
        <source>Other anomalies (passed)</source>
        <translation>Other anomalies (passed)</translation>
    </message>
    <message>
        <source>Turned back</source>
        <translation>Turned back</translation>
    </message>
    <message>
        <source>Handed over (held)</source>
        <translation>Handed over (held)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <source>{count} more rows in the XLSX file</source>
        <translation>{count} more rows in the XLSX file</translation>
    </message>
</context>
<context>
    <name>HandoverPrinter</name>
    <message>
        <source>Nothing to print: {detail}</source>
        <translation>Nothing to print: {detail}</translation>
    </message>
    <message>
        <source>The handover could not be opened for printing: {path}</source>
        <translation>The handover could not be opened for printing: {path}</translation>
    </message>
</context>
<context>
    <name>HelpOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Any key or a tap closes this list.</source>
        <translation>Any key or a tap closes this list.</translation>
    </message>
    <message>
        <source>Station screen</source>
        <translation>Station screen</translation>
    </message>
    <message>
        <source>Menus (every screen)</source>
        <translation>Menus (every screen)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>The file cannot be read: {reason}</translation>
    </message>
    <message>
        <source>Import watchlist</source>
        <translation>Import watchlist</translation>
    </message>
    <message>
        <source>Choose CSV file...</source>
        <translation>Choose CSV file...</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>A CSV list of home quarantine, persons or plates of interest (UTF-8 or GBK, Chinese or English headers).</source>
        <translation>A CSV list of home quarantine, persons or plates of interest (UTF-8 or GBK, Chinese or English headers).</translation>
    </message>
    <message>
        <source>Reading the file...</source>
        <translation>Reading the file...</translation>
    </message>
    <message>
        <source>Nothing can be imported: {reason}</source>
        <translation>Nothing can be imported: {reason}</translation>
    </message>
    <message>
        <source>{accepted} entries can be imported, {rejected} lines are rejected.</source>
        <translation>{accepted} entries can be imported, {rejected} lines are rejected.</translation>
    </message>
    <message>
        <source>Line {line}: {reason} — {detail}
    {raw}</source>
        <translation>Line {line}: {reason} — {detail}
    {raw}</translation>
    </message>
    <message>
        <source>Columns not used: {columns}</source>
        <translation>Columns not used: {columns}</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV files (*.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>Importing...</translation>
    </message>
    <message numerus="yes">
        <source>%n new entries imported.</source>
        <translation><numerusform>%n new entries imported.</numerusform><numerusform>%n new entries imported.</numerusform></translation>
    </message>
</context>
<context>
    <name>IssuePassDialog</name>
    <message>
        <source>Valid until {time}</source>
        <translation>Valid until {time}</translation>
    </message>
    <message>
        <source>Fill in: {fields}</source>
        <translation>Fill in: {fields}</translation>
    </message>
    <message>
        <source>The pass's QR code appears here once it is issued and recorded.</source>
        <translation>The pass's QR code appears here once it is issued and recorded.</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>The printer could not be started.</translation>
    </message>
    <message>
        <source>Save the pass card</source>
        <translation>Save the pass card</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>The card was not saved: {detail}</source>
        <translation>The card was not saved: {detail}</translation>
    </message>
    <message>
        <source>Card saved: {path}</source>
        <translation>Card saved: {path}</translation>
    </message>
    <message>
        <source>Household (e.g. 3-2-501)</source>
        <translation>Household (e.g. 3-2-501)</translation>
    </message>
    <message>
        <source>Member's name</source>
        <translation>Member's name</translation>
    </message>
    <message>
        <source>One exit every (days)</source>
        <translation>One exit every (days)</translation>
    </message>
    <message>
        <source>Back within (hours)</source>
        <translation>Back within (hours)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Visitor's name</source>
        <translation>Visitor's name</translation>
    </message>
    <message>
        <source>Host household</source>
        <translation>Host household</translation>
    </message>
    <message>
        <source>Host's name</source>
        <translation>Host's name</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>Plate</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Issue pass</source>
        <translation>Issue pass</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Valid for (days)</source>
        <translation>Valid for (days)</translation>
    </message>
    <message>
        <source>&amp;Issue and record</source>
        <translation>&amp;Issue and record</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>&amp;Print...</translation>
    </message>
    <message>
        <source>&amp;Save PNG...</source>
        <translation>&amp;Save PNG...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>LogView</name>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Without an end, new passages appear as they are recorded.</source>
        <translation>Without an end, new passages appear as they are recorded.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>This shift</source>
        <translation>This shift</translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation>Last 24 h</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Part of a plate, name or note; a whole ID number or phone</source>
        <translation>Part of a plate, name or note; a whole ID number or phone</translation>
    </message>
    <message>
        <source>Flagged only (re-check)</source>
        <translation>Flagged only (re-check)</translation>
    </message>
    <message>
        <source>Passages recorded in degraded mode (ID typed by hand, no phone, platform down).</source>
        <translation>Passages recorded in degraded mode (ID typed by hand, no phone, platform down).</translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation><numerusform>%n passage</numerusform><numerusform>%n passages</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>handover</source>
        <translation>handover</translation>
    </message>
    <message>
        <source>Exporting to {path}...</source>
        <translation>Exporting to {path}...</translation>
    </message>
    <message>
        <source>Preparing the handover for printing...</source>
        <translation>Preparing the handover for printing...</translation>
    </message>
    <message>
        <source>Reloaded: {certificates} EU signers, {keys} pass keys, {platforms} platforms.</source>
        <translation>Reloaded: {certificates} EU signers, {keys} pass keys, {platforms} platforms.</translation>
    </message>
    <message>
        <source>Verifying the database...</source>
        <translation>Verifying the database...</translation>
    </message>
    <message>
        <source>Verifying the database: {checked} of about {total} records...</source>
        <translation>Verifying the database: {checked} of about {total} records...</translation>
    </message>
    <message>
        <source>Verify the database</source>
        <translation>Verify the database</translation>
    </message>
    <message>
        <source>{app} - {gate}</source>
        <translation>{app} - {gate}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Export handover...</source>
        <translation>&amp;Export handover...</translation>
    </message>
    <message>
        <source>&amp;Print handover...</source>
        <translation>&amp;Print handover...</translation>
    </message>
    <message>
        <source>Issue &amp;pass (exit slip, resident, visitor, supply)...</source>
        <translation>Issue &amp;pass (exit slip, resident, visitor, supply)...</translation>
    </message>
    <message>
        <source>&amp;Settings / Rules...</source>
        <translation>&amp;Settings / Rules...</translation>
    </message>
    <message>
        <source>&amp;Import watchlist...</source>
        <translation>&amp;Import watchlist...</translation>
    </message>
    <message>
        <source>&amp;Devices (camera, scanner, sounds, barrier)...</source>
        <translation>&amp;Devices (camera, scanner, sounds, barrier)...</translation>
    </message>
    <message>
        <source>Import &amp;residents...</source>
        <translation>Import &amp;residents...</translation>
    </message>
    <message>
        <source>&amp;Manual entry (no phone / platform down)...</source>
        <translation>&amp;Manual entry (no phone / platform down)...</translation>
    </message>
    <message>
        <source>&amp;Reload trust lists and keys</source>
        <translation>&amp;Reload trust lists and keys</translation>
    </message>
    <message>
        <source>&amp;Verify the database</source>
        <translation>&amp;Verify the database</translation>
    </message>
    <message>
        <source>&amp;Operators...</source>
        <translation>&amp;Operators...</translation>
    </message>
    <message>
        <source>S&amp;witch operator...</source>
        <translation>S&amp;witch operator...</translation>
    </message>
    <message>
        <source>&amp;Lock the station</source>
        <translation>&amp;Lock the station</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Station</source>
        <translation>&amp;Station</translation>
    </message>
    <message>
        <source>&amp;Log</source>
        <translation>&amp;Log</translation>
    </message>
    <message>
        <source>&amp;Tracing</source>
        <translation>&amp;Tracing</translation>
    </message>
    <message>
        <source>&amp;Audit trail</source>
        <translation>&amp;Audit trail</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <source>S&amp;hift</source>
        <translation>S&amp;hift</translation>
    </message>
    <message>
        <source>&amp;Open shift...</source>
        <translation>&amp;Open shift...</translation>
    </message>
    <message>
        <source>&amp;Close shift...</source>
        <translation>&amp;Close shift...</translation>
    </message>
    <message>
        <source>&amp;Day theme (light)</source>
        <translation>&amp;Day theme (light)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>Station ({key})</source>
        <translation>Station ({key})</translation>
    </message>
    <message>
        <source>Log ({key})</source>
        <translation>Log ({key})</translation>
    </message>
    <message>
        <source>Tracing ({key})</source>
        <translation>Tracing ({key})</translation>
    </message>
    <message>
        <source>Audit trail ({key})</source>
        <translation>Audit trail ({key})</translation>
    </message>
    <message>
        <source>Out / inside</source>
        <translation>Out / inside</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>Gate: {name}</source>
        <translation>Gate: {name}</translation>
    </message>
    <message>
        <source>Operator: {name} ({role}, rights expired)</source>
        <translation>Operator: {name} ({role}, rights expired)</translation>
    </message>
    <message>
        <source>Operator: {name} ({role})</source>
        <translation>Operator: {name} ({role})</translation>
    </message>
    <message>
        <source>Shift: {label} (automatic)</source>
        <translation>Shift: {label} (automatic)</translation>
    </message>
    <message>
        <source>Shift: {leader}, opened {time}</source>
        <translation>Shift: {leader}, opened {time}</translation>
    </message>
    <message>
        <source>Database: {db}</source>
        <translation>Database: {db}</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>About {app}</translation>
    </message>
    <message>
        <source>{app} {version}

Scan, decide and record every vehicle and person at a gate, offline.</source>
        <translation>{app} {version}

Scan, decide and record every vehicle and person at a gate, offline.</translation>
    </message>
</context>
<context>
    <name>ManualEntryDialog</name>
    <message>
        <source>Manual entry (no phone / platform down)</source>
        <translation>Manual entry (no phone / platform down)</translation>
    </message>
    <message>
        <source>Type the name and ID number from the ID card. The record is flagged for a later re-check.</source>
        <translation>Type the name and ID number from the ID card. The record is flagged for a later re-check.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation>Phone (optional)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>No phone</source>
        <translation>No phone</translation>
    </message>
    <message>
        <source>Platform down</source>
        <translation>Platform down</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>OccupantsTable</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>Itinerary</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>°C</source>
        <translation>°C</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Outcome · reasons</source>
        <translation>Outcome · reasons</translation>
    </message>
    <message>
        <source>{n} driver</source>
        <translation>{n} driver</translation>
    </message>
    <message>
        <source>Not attested</source>
        <comment>health code colour</comment>
        <translation>Not attested</translation>
    </message>
    <message>
        <source>Not attested</source>
        <comment>itinerary card</comment>
        <translation>Not attested</translation>
    </message>
    <message>
        <source>Person {n}</source>
        <translation>Person {n}</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Open shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <source>Shift leader: {name}</source>
        <translation>Shift leader: {name}</translation>
    </message>
    <message>
        <source>Staff on duty (pick or type a name, then Enter)</source>
        <translation>Staff on duty (pick or type a name, then Enter)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Items received (equipment, keys, supplies)</source>
        <translation>Items received (equipment, keys, supplies)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>Remove item</translation>
    </message>
    <message>
        <source>Open matters handed over by the previous shift</source>
        <translation>Open matters handed over by the previous shift</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(choose)</translation>
    </message>
</context>
<context>
    <name>Operators</name>
    <message>
        <source>Type the operator's name.</source>
        <translation>Type the operator's name.</translation>
    </message>
    <message>
        <source>There is already an operator called {name}: choose another name.</source>
        <translation>There is already an operator called {name}: choose another name.</translation>
    </message>
    <message>
        <source>This operator is no longer in the database: the list was read again.</source>
        <translation>This operator is no longer in the database: the list was read again.</translation>
    </message>
    <message>
        <source>{name} is the last administrator who can sign in and cannot be disabled. Add another administrator first.</source>
        <translation>{name} is the last administrator who can sign in and cannot be disabled. Add another administrator first.</translation>
    </message>
    <message>
        <source>This station has an administrator: only an administrator adds operators.</source>
        <translation>This station has an administrator: only an administrator adds operators.</translation>
    </message>
    <message>
        <source>{name} was added as {role}.</source>
        <translation>{name} was added as {role}.</translation>
    </message>
    <message>
        <source>Their recovery code, shown only now: {code}. Give it to {name} to keep away from the station: if wrong PINs lock them out, it sets a new PIN (checkpoint operators recover).</source>
        <translation>Their recovery code, shown only now: {code}. Give it to {name} to keep away from the station: if wrong PINs lock them out, it sets a new PIN (checkpoint operators recover).</translation>
    </message>
    <message>
        <source>{name} has a new PIN.</source>
        <translation>{name} has a new PIN.</translation>
    </message>
    <message>
        <source>{name} can sign in again.</source>
        <translation>{name} can sign in again.</translation>
    </message>
    <message>
        <source>{name} is disabled and cannot sign in.</source>
        <translation>{name} is disabled and cannot sign in.</translation>
    </message>
    <message>
        <source>Nothing was changed: {reason}</source>
        <translation>Nothing was changed: {reason}</translation>
    </message>
</context>
<context>
    <name>OperatorsDialog</name>
    <message>
        <source>Choose an operator in the list first.</source>
        <translation>Choose an operator in the list first.</translation>
    </message>
    <message>
        <source>Selected operator</source>
        <translation>Selected operator</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <source>Selected: {name}</source>
        <translation>Selected: {name}</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operators</translation>
    </message>
    <message>
        <source>Operators of this station</source>
        <translation>Operators of this station</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>New PIN again</translation>
    </message>
    <message>
        <source>Set new &amp;PIN (lifts a lock-out)</source>
        <translation>Set new &amp;PIN (lifts a lock-out)</translation>
    </message>
    <message>
        <source>Add an operator</source>
        <translation>Add an operator</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>PIN (4-8 digits)</source>
        <translation>PIN (4-8 digits)</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <source>&amp;Add operator</source>
        <translation>&amp;Add operator</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>OperatorsModel</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>set</source>
        <translation>set</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>until {time}</source>
        <translation>until {time}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>Locked out</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Override the proposal</source>
        <translation>Override the proposal</translation>
    </message>
    <message>
        <source>Record {chosen} instead of the proposed {proposed}?</source>
        <translation>Record {chosen} instead of the proposed {proposed}?</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>You record</source>
        <translation>You record</translation>
    </message>
    <message>
        <source>Why? Pick a reason (keys 1–6) or choose Other and type it.</source>
        <translation>Why? Pick a reason (keys 1–6) or choose Other and type it.</translation>
    </message>
    <message>
        <source>The reason in your words (needed for Other)</source>
        <translation>The reason in your words (needed for Other)</translation>
    </message>
    <message>
        <source>Recorded as an override in the name of {operator}: counted and listed on the handover sheet and the anomaly hand-off.</source>
        <translation>Recorded as an override in the name of {operator}: counted and listed on the handover sheet and the anomaly hand-off.</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Record {outcome} (Enter)</source>
        <translation>Record {outcome} (Enter)</translation>
    </message>
    <message>
        <source>Pick a reason first: an override is never recorded without one.</source>
        <translation>Pick a reason first: an override is never recorded without one.</translation>
    </message>
    <message>
        <source>Type the reason for Other.</source>
        <translation>Type the reason for Other.</translation>
    </message>
    <message>
        <source>Press Enter to record, or Esc to go back.</source>
        <translation>Press Enter to record, or Esc to go back.</translation>
    </message>
</context>
<context>
    <name>PassIssueService</name>
    <message>
        <source>Only a shift leader or an administrator may issue passes.</source>
        <translation>Only a shift leader or an administrator may issue passes.</translation>
    </message>
    <message>
        <source>No signing key on this station ({detail}). An administrator makes one with 'checkpoint passes keygen'.</source>
        <translation>No signing key on this station ({detail}). An administrator makes one with 'checkpoint passes keygen'.</translation>
    </message>
    <message>
        <source>Not issued: {detail}</source>
        <translation>Not issued: {detail}</translation>
    </message>
    <message>
        <source>Not issued (not recorded): {detail}</source>
        <translation>Not issued (not recorded): {detail}</translation>
    </message>
    <message>
        <source>Pass issued and recorded: {id}</source>
        <translation>Pass issued and recorded: {id}</translation>
    </message>
</context>
<context>
    <name>PassLogModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>In/out</source>
        <translation>In/out</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>Plate</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>°C</source>
        <translation>°C</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Names</translation>
    </message>
    <message>
        <source>Health code</source>
        <translation>Health code</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
</context>
<context>
    <name>PassageDetailDialog</name>
    <message>
        <source>This record is no longer on record (removed by retention).</source>
        <translation>This record is no longer on record (removed by retention).</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Loading...</translation>
    </message>
    <message>
        <source>No. {seq}</source>
        <translation>No. {seq}</translation>
    </message>
    <message>
        <source>Corrected by No. {seq} on {time} by {name}: {reason}. That record counts, this one stays for the record.</source>
        <translation>Corrected by No. {seq} on {time} by {name}: {reason}. That record counts, this one stays for the record.</translation>
    </message>
    <message>
        <source>This record corrects No. {seq}: {reason} (by {name}, {time})</source>
        <translation>This record corrects No. {seq}: {reason} (by {name}, {time})</translation>
    </message>
    <message>
        <source>(driver)</source>
        <translation>(driver)</translation>
    </message>
    <message>
        <source>verified: {facts}</source>
        <translation>verified: {facts}</translation>
    </message>
    <message>
        <source>attested at {time}</source>
        <translation>attested at {time}</translation>
    </message>
    <message>
        <source>attested by the operator</source>
        <translation>attested by the operator</translation>
    </message>
    <message>
        <source>pass {id}</source>
        <translation>pass {id}</translation>
    </message>
    <message>
        <source>household {id}</source>
        <translation>household {id}</translation>
    </message>
    <message>
        <source>Show the correction</source>
        <translation>Show the correction</translation>
    </message>
    <message>
        <source>Show the corrected record</source>
        <translation>Show the corrected record</translation>
    </message>
    <message>
        <source>Passage details</source>
        <translation>Passage details</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <source>Rules version</source>
        <translation>Rules version</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Health code</source>
        <translation>Health code</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>Itinerary</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>°C</source>
        <translation>°C</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <source>Full personal data (tracing, audited).</source>
        <translation>Full personal data (tracing, audited).</translation>
    </message>
    <message>
        <source>Names, ID numbers and phones are masked; tracing shows them in full, audited.</source>
        <translation>Names, ID numbers and phones are masked; tracing shows them in full, audited.</translation>
    </message>
    <message>
        <source>&amp;Correct...</source>
        <translation>&amp;Correct...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PdfPrintPreview</name>
    <message>
        <source>Print preview</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>&amp;Print...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PlateEntry</name>
    <message>
        <source>e.g. A12345 · province: {key}</source>
        <translation>e.g. A12345 · province: {key}</translation>
    </message>
    <message>
        <source>Plate: pick the province</source>
        <translation>Plate: pick the province</translation>
    </message>
</context>
<context>
    <name>PresenceView</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Out since</source>
        <translation>Out since</translation>
    </message>
    <message>
        <source>Due back</source>
        <translation>Due back</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>Host household</source>
        <translation>Host household</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Expected exit</source>
        <translation>Expected exit</translation>
    </message>
    <message>
        <source>Out / inside: visitor 1 to 9 has left</source>
        <translation>Out / inside: visitor 1 to 9 has left</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>OVERDUE</translation>
    </message>
    <message>
        <source>Residents out now: {count} ({late} overdue)</source>
        <translation>Residents out now: {count} ({late} overdue)</translation>
    </message>
    <message>
        <source>Visitors inside now: {count} ({late} past their expected exit)</source>
        <translation>Visitors inside now: {count} ({late} past their expected exit)</translation>
    </message>
    <message>
        <source>Recording...</source>
        <translation>Recording...</translation>
    </message>
    <message>
        <source>Has left ({key})</source>
        <translation>Has left ({key})</translation>
    </message>
    <message>
        <source>Has left</source>
        <translation>Has left</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <source>Camera lost, reconnecting</source>
        <translation>Camera lost, reconnecting</translation>
    </message>
    <message>
        <source>The scanner and the keyboard still work.</source>
        <translation>The scanner and the keyboard still work.</translation>
    </message>
</context>
<context>
    <name>ProfileProblems</name>
    <message>
        <source>Not valid TOML: {value}</source>
        <translation>Not valid TOML: {value}</translation>
    </message>
    <message>
        <source>The section [{key}] is missing.</source>
        <translation>The section [{key}] is missing.</translation>
    </message>
    <message>
        <source>{key} is missing.</source>
        <translation>{key} is missing.</translation>
    </message>
    <message>
        <source>{key} is not a known setting.</source>
        <translation>{key} is not a known setting.</translation>
    </message>
    <message>
        <source>{key} has the wrong form: {value}</source>
        <translation>{key} has the wrong form: {value}</translation>
    </message>
    <message>
        <source>Profile name {value}: use lower-case letters, digits and dashes.</source>
        <translation>Profile name {value}: use lower-case letters, digits and dashes.</translation>
    </message>
    <message>
        <source>Version {value}: use a whole number from 1, or a form like "1.2.0".</source>
        <translation>Version {value}: use a whole number from 1, or a form like "1.2.0".</translation>
    </message>
    <message>
        <source>{key} = {value} is not a sensible value.</source>
        <translation>{key} = {value} is not a sensible value.</translation>
    </message>
    <message>
        <source>{key} is not a known threshold.</source>
        <translation>{key} is not a known threshold.</translation>
    </message>
    <message>
        <source>{key} names no condition.</source>
        <translation>{key} names no condition.</translation>
    </message>
    <message>
        <source>{value} is not a known fact.</source>
        <translation>{value} is not a known fact.</translation>
    </message>
    <message>
        <source>{key} cannot be {value}.</source>
        <translation>{key} cannot be {value}.</translation>
    </message>
    <message>
        <source>{key}: {value} is not an operator for this fact.</source>
        <translation>{key}: {value} is not an operator for this fact.</translation>
    </message>
    <message>
        <source>Outcome {value} is unknown (pass, recheck, turn_back or hold).</source>
        <translation>Outcome {value} is unknown (pass, recheck, turn_back or hold).</translation>
    </message>
    <message>
        <source>Reason {value} is unknown.</source>
        <translation>Reason {value} is unknown.</translation>
    </message>
    <message>
        <source>The profile is called {value}; it must keep the name it is saved under.</source>
        <translation>The profile is called {value}; it must keep the name it is saved under.</translation>
    </message>
    <message>
        <source>Line {line}, rule {rule}: {message}</source>
        <translation>Line {line}, rule {rule}: {message}</translation>
    </message>
    <message>
        <source>Line {line}: {message}</source>
        <translation>Line {line}: {message}</translation>
    </message>
    <message>
        <source>Rule {rule}: {message}</source>
        <translation>Rule {rule}: {message}</translation>
    </message>
</context>
<context>
    <name>ProvincePicker</name>
    <message>
        <source>Province: {query} · Enter: pick the first · Esc: keep</source>
        <translation>Province: {query} · Enter: pick the first · Esc: keep</translation>
    </message>
    <message>
        <source>Type the province (豫, HA, yu or henan), or tap it. Esc: keep.</source>
        <translation>Type the province (豫, HA, yu or henan), or tap it. Esc: keep.</translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>ResidentService</name>
    <message>
        <source>The residents were NOT imported: {reason}</source>
        <translation>The residents were NOT imported: {reason}</translation>
    </message>
    <message>
        <source>The residents registry cannot be read: {reason}</source>
        <translation>The residents registry cannot be read: {reason}</translation>
    </message>
</context>
<context>
    <name>ResidentsImportDialog</name>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>The file cannot be read: {reason}</translation>
    </message>
    <message>
        <source>The registry cannot be read: {reason}</source>
        <translation>The registry cannot be read: {reason}</translation>
    </message>
    <message>
        <source>Import residents</source>
        <translation>Import residents</translation>
    </message>
    <message>
        <source>Choose CSV or XLSX file...</source>
        <translation>Choose CSV or XLSX file...</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>A list of households and members (CSV in UTF-8 or GBK, or XLSX; Chinese or English headers): household or building/unit/room, name, ID number, phone, relation, resident or tenant, status.</source>
        <translation>A list of households and members (CSV in UTF-8 or GBK, or XLSX; Chinese or English headers): household or building/unit/room, name, ID number, phone, relation, resident or tenant, status.</translation>
    </message>
    <message>
        <source>Reading the file and comparing it with the registry...</source>
        <translation>Reading the file and comparing it with the registry...</translation>
    </message>
    <message>
        <source>Nothing can be imported: {reason}</source>
        <translation>Nothing can be imported: {reason}</translation>
    </message>
    <message>
        <source>{new} new, {updated} updated, {unchanged} unchanged members; {households} households new or changed; {rejected} rows rejected.</source>
        <translation>{new} new, {updated} updated, {unchanged} unchanged members; {households} households new or changed; {rejected} rows rejected.</translation>
    </message>
    <message>
        <source>✔ Line {line}: {action} — {name}, {household}{status}</source>
        <translation>✔ Line {line}: {action} — {name}, {household}{status}</translation>
    </message>
    <message>
        <source>✘ Line {line}: {reason} — {detail}</source>
        <translation>✘ Line {line}: {reason} — {detail}</translation>
    </message>
    <message>
        <source>Columns not used: {columns}</source>
        <translation>Columns not used: {columns}</translation>
    </message>
    <message>
        <source>Residents lists (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>Residents lists (*.xlsx *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>Importing...</translation>
    </message>
    <message numerus="yes">
        <source>%n member records written.</source>
        <translation><numerusform>%n member records written.</numerusform><numerusform>%n member records written.</numerusform></translation>
    </message>
</context>
<context>
    <name>ResidentsView</name>
    <message>
        <source>Search by name or household (e.g. 3-2-501)</source>
        <translation>Search by name or household (e.g. 3-2-501)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Household / name</source>
        <translation>Household / name</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Resident / tenant</source>
        <translation>Resident / tenant</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>until {when}</source>
        <translation>until {when}</translation>
    </message>
    <message>
        <source>since {when}</source>
        <translation>since {when}</translation>
    </message>
    <message>
        <source>{households} households, {members} members; {restricted} must not leave.</source>
        <translation>{households} households, {members} members; {restricted} must not leave.</translation>
    </message>
    <message>
        <source>exit quota: {exits} per {days} days</source>
        <translation>exit quota: {exits} per {days} days</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>The profile {name} cannot be read; the gate keeps {current}.</source>
        <translation>The profile {name} cannot be read; the gate keeps {current}.</translation>
    </message>
    <message>
        <source>Switching this gate to {name}...</source>
        <translation>Switching this gate to {name}...</translation>
    </message>
    <message>
        <source>The profile could not be saved: {error}</source>
        <translation>The profile could not be saved: {error}</translation>
    </message>
    <message>
        <source>Saved as version {version}. New passages are decided under {rules}.</source>
        <translation>Saved as version {version}. New passages are decided under {rules}.</translation>
    </message>
    <message>
        <source>This profile was not shipped with the station; there is nothing to revert to.</source>
        <translation>This profile was not shipped with the station; there is nothing to revert to.</translation>
    </message>
    <message>
        <source>The shipped rules are in the editor. Save to use them.</source>
        <translation>The shipped rules are in the editor. Save to use them.</translation>
    </message>
    <message>
        <source>Only a shift leader or an administrator may change the rules.</source>
        <translation>Only a shift leader or an administrator may change the rules.</translation>
    </message>
    <message>
        <source>{count} problem(s): fix them to save.</source>
        <translation>{count} problem(s): fix them to save.</translation>
    </message>
    <message>
        <source>Valid: {rules} person rules, {vehicle} vehicle rules.</source>
        <translation>Valid: {rules} person rules, {vehicle} vehicle rules.</translation>
    </message>
    <message>
        <source>Settings: gate rules</source>
        <translation>Settings: gate rules</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>Profile:</translation>
    </message>
    <message>
        <source>This gate decides under:</source>
        <translation>This gate decides under:</translation>
    </message>
    <message>
        <source>This gate decides under: {name}</source>
        <translation>This gate decides under: {name}</translation>
    </message>
    <message>
        <source>&amp;Use for this gate</source>
        <translation>&amp;Use for this gate</translation>
    </message>
    <message>
        <source>New passages at this gate are decided under the chosen profile; the switch is recorded.</source>
        <translation>New passages at this gate are decided under the chosen profile; the switch is recorded.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Revert to shipped</source>
        <translation>&amp;Revert to shipped</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Person facts: {person}
Vehicle facts: {vehicle}</source>
        <translation>Person facts: {person}
Vehicle facts: {vehicle}</translation>
    </message>
    <message>
        <source>Discard the changes to {name}?</source>
        <translation>Discard the changes to {name}?</translation>
    </message>
    <message>
        <source>This gate now decides under {rules}.</source>
        <translation>This gate now decides under {rules}.</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>Only a shift leader or an administrator may open or close a shift.</source>
        <translation>Only a shift leader or an administrator may open or close a shift.</translation>
    </message>
</context>
<context>
    <name>ShiftService</name>
    <message>
        <source>Shift opened by {leader}.</source>
        <translation>Shift opened by {leader}.</translation>
    </message>
    <message>
        <source>Shift closed by {leader}. Automatic shift until {incoming} opens the next one. Log anchor: {anchor}</source>
        <translation>Shift closed by {leader}. Automatic shift until {incoming} opens the next one. Log anchor: {anchor}</translation>
    </message>
    <message>
        <source>the incoming leader</source>
        <translation>the incoming leader</translation>
    </message>
    <message>
        <source>The shift was NOT recorded: {reason} Nothing was lost; try again.</source>
        <translation>The shift was NOT recorded: {reason} Nothing was lost; try again.</translation>
    </message>
    <message>
        <source>A leader's shift is still open: it must be closed before another is opened.</source>
        <translation>A leader's shift is still open: it must be closed before another is opened.</translation>
    </message>
    <message>
        <source>This shift was already closed.</source>
        <translation>This shift was already closed.</translation>
    </message>
    <message>
        <source>Some entries are incomplete: see the marked fields.</source>
        <translation>Some entries are incomplete: see the marked fields.</translation>
    </message>
</context>
<context>
    <name>ShiftTexts</name>
    <message>
        <source>Vehicles</source>
        <translation>Vehicles</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Persons</translation>
    </message>
    <message>
        <source>Persons in</source>
        <translation>Persons in</translation>
    </message>
    <message>
        <source>Persons out</source>
        <translation>Persons out</translation>
    </message>
    <message>
        <source>Passed (passages)</source>
        <translation>Passed (passages)</translation>
    </message>
    <message>
        <source>Turned back (passages)</source>
        <translation>Turned back (passages)</translation>
    </message>
    <message>
        <source>Held, handed over (passages)</source>
        <translation>Held, handed over (passages)</translation>
    </message>
    <message>
        <source>Fever (persons)</source>
        <translation>Fever (persons)</translation>
    </message>
    <message>
        <source>Anomalies handed over (passages)</source>
        <translation>Anomalies handed over (passages)</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source>As received</source>
        <translation>As received</translation>
    </message>
    <message>
        <source>Fewer than received</source>
        <translation>Fewer than received</translation>
    </message>
    <message>
        <source>More than received</source>
        <translation>More than received</translation>
    </message>
    <message>
        <source>Not received at the opening</source>
        <translation>Not received at the opening</translation>
    </message>
    <message>
        <source>Acknowledged (settled)</source>
        <translation>Acknowledged (settled)</translation>
    </message>
    <message>
        <source>Carried on (still open)</source>
        <translation>Carried on (still open)</translation>
    </message>
    <message>
        <source>Name at least one member of staff on duty.</source>
        <translation>Name at least one member of staff on duty.</translation>
    </message>
    <message>
        <source>A name is empty: fill it in or remove the row.</source>
        <translation>A name is empty: fill it in or remove the row.</translation>
    </message>
    <message>
        <source>{subject} is listed twice.</source>
        <translation>{subject} is listed twice.</translation>
    </message>
    <message>
        <source>{subject}: a number below zero.</source>
        <translation>{subject}: a number below zero.</translation>
    </message>
    <message>
        <source>{subject} is damaged or missing: say what happened in its note.</source>
        <translation>{subject} is damaged or missing: say what happened in its note.</translation>
    </message>
    <message>
        <source>Open matter "{subject}": acknowledge it or carry it on.</source>
        <translation>Open matter "{subject}": acknowledge it or carry it on.</translation>
    </message>
    <message>
        <source>{subject}: the tally differs from the log; explain the difference.</source>
        <translation>{subject}: the tally differs from the log; explain the difference.</translation>
    </message>
    <message>
        <source>{subject} is short, missing or damaged: explain it.</source>
        <translation>{subject} is short, missing or damaged: explain it.</translation>
    </message>
    <message>
        <source>Name the outgoing shift leader.</source>
        <translation>Name the outgoing shift leader.</translation>
    </message>
    <message>
        <source>Handover items</source>
        <translation>Handover items</translation>
    </message>
    <message>
        <source>Automatic shift (opened by the clock; no leader opened it)</source>
        <translation>Automatic shift (opened by the clock; no leader opened it)</translation>
    </message>
    <message>
        <source>Opened by {leader} at {time}</source>
        <translation>Opened by {leader} at {time}</translation>
    </message>
    <message>
        <source>Not closed yet: no reconciliation.</source>
        <translation>Not closed yet: no reconciliation.</translation>
    </message>
    <message>
        <source>Items received and handed over</source>
        <translation>Items received and handed over</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Open matters taken over</source>
        <translation>Open matters taken over</translation>
    </message>
    <message>
        <source>Matter</source>
        <translation>Matter</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Open matters for the next shift</source>
        <translation>Open matters for the next shift</translation>
    </message>
    <message>
        <source>Counts: log and tally</source>
        <translation>Counts: log and tally</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Tally</source>
        <translation>Tally</translation>
    </message>
    <message>
        <source>not kept</source>
        <translation>not kept</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Checking...</source>
        <translation>Checking...</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Switch operator</source>
        <translation>Switch operator</translation>
    </message>
    <message>
        <source>Station locked: sign in to continue</source>
        <translation>Station locked: sign in to continue</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <source>Choose your name or type it.</source>
        <translation>Choose your name or type it.</translation>
    </message>
    <message>
        <source>Type your PIN.</source>
        <translation>Type your PIN.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>choose from the list or type</source>
        <translation>choose from the list or type</translation>
    </message>
    <message>
        <source>PIN (4 to 8 digits)</source>
        <translation>PIN (4 to 8 digits)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Delete the last digit</source>
        <translation>Delete the last digit</translation>
    </message>
</context>
<context>
    <name>StationSession</name>
    <message>
        <source>The gate's profile was NOT switched: {reason}</source>
        <translation>The gate's profile was NOT switched: {reason}</translation>
    </message>
    <message>
        <source>Not recorded: enter the plate first.</source>
        <translation>Not recorded: enter the plate first.</translation>
    </message>
    <message>
        <source>Not passed: acknowledge the alarm first ({alarms}).</source>
        <translation>Not passed: acknowledge the alarm first ({alarms}).</translation>
    </message>
    <message>
        <source>Not recorded: the entry changed while the override was being confirmed. Check it again.</source>
        <translation>Not recorded: the entry changed while the override was being confirmed. Check it again.</translation>
    </message>
    <message>
        <source>Not recorded: the override needs a reason.</source>
        <translation>Not recorded: the override needs a reason.</translation>
    </message>
    <message>
        <source>The passage was NOT recorded: {reason} Nothing was lost; confirm again.</source>
        <translation>The passage was NOT recorded: {reason} Nothing was lost; confirm again.</translation>
    </message>
    <message>
        <source>The acknowledgement was NOT recorded: {reason} Acknowledge again.</source>
        <translation>The acknowledgement was NOT recorded: {reason} Acknowledge again.</translation>
    </message>
</context>
<context>
    <name>StationView</name>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>Scanner input or typed code, then Enter</source>
        <translation>Scanner input or typed code, then Enter</translation>
    </message>
    <message>
        <source>Last scan</source>
        <translation>Last scan</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Health code</source>
        <translation>Health code</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>Itinerary</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Temperature
{key}</source>
        <translation>Temperature
{key}</translation>
    </message>
    <message>
        <source>Clear ({key})</source>
        <translation>Clear ({key})</translation>
    </message>
    <message>
        <source>No phone / platform down ({key})</source>
        <translation>No phone / platform down ({key})</translation>
    </message>
    <message>
        <source>Pedestrians
{key}</source>
        <translation>Pedestrians
{key}</translation>
    </message>
    <message>
        <source>Vehicle
{key}</source>
        <translation>Vehicle
{key}</translation>
    </message>
    <message>
        <source>Next vehicle ({key})</source>
        <translation>Next vehicle ({key})</translation>
    </message>
    <message>
        <source>Record: {outcome}</source>
        <translation>Record: {outcome}</translation>
    </message>
    <message>
        <source>Clear the entry / next vehicle</source>
        <translation>Clear the entry / next vehicle</translation>
    </message>
    <message>
        <source>Type the temperature</source>
        <translation>Type the temperature</translation>
    </message>
    <message>
        <source>Back to the scan field</source>
        <translation>Back to the scan field</translation>
    </message>
    <message>
        <source>Acknowledge the alarm (recorded)</source>
        <translation>Acknowledge the alarm (recorded)</translation>
    </message>
    <message>
        <source>No phone / platform down: enter by hand</source>
        <translation>No phone / platform down: enter by hand</translation>
    </message>
    <message>
        <source>A walk-in visitor</source>
        <translation>A walk-in visitor</translation>
    </message>
    <message>
        <source>Switch vehicle / pedestrian mode</source>
        <translation>Switch vehicle / pedestrian mode</translation>
    </message>
    <message>
        <source>Vehicle: the plate</source>
        <translation>Vehicle: the plate</translation>
    </message>
    <message>
        <source>Vehicle: origin</source>
        <translation>Vehicle: origin</translation>
    </message>
    <message>
        <source>Vehicle: destination</source>
        <translation>Vehicle: destination</translation>
    </message>
    <message>
        <source>Vehicle: previous person</source>
        <translation>Vehicle: previous person</translation>
    </message>
    <message>
        <source>Vehicle: next person</source>
        <translation>Vehicle: next person</translation>
    </message>
    <message>
        <source>Vehicle: same checks as the previous person</source>
        <translation>Vehicle: same checks as the previous person</translation>
    </message>
    <message>
        <source>Vehicle: remove the selected person</source>
        <translation>Vehicle: remove the selected person</translation>
    </message>
    <message>
        <source>Enter by hand ({key})</source>
        <translation>Enter by hand ({key})</translation>
    </message>
    <message>
        <source>Green</source>
        <comment>itinerary card</comment>
        <translation>Green</translation>
    </message>
    <message>
        <source>Starred</source>
        <comment>itinerary card</comment>
        <translation>Starred</translation>
    </message>
    <message>
        <source>Other colour</source>
        <comment>itinerary card</comment>
        <translation>Other colour</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <comment>test age</comment>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
    <message>
        <source>3+ days</source>
        <translation>3+ days</translation>
    </message>
    <message numerus="yes">
        <source>Waiting: %n more code(s) scanned, the first at {time}. Next once this person is recorded, or cleared with Esc.</source>
        <translation><numerusform>Waiting: %n more code scanned, the first at {time}. Next once this person is recorded, or cleared with Esc.</numerusform><numerusform>Waiting: %n more codes scanned, the first at {time}. Next once this person is recorded, or cleared with Esc.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>This shift: %n passage(s)</source>
        <translation><numerusform>This shift: %n passage</numerusform><numerusform>This shift: %n passages</numerusform></translation>
    </message>
    <message>
        <source>Waiting for a code: camera, scanner or keyboard</source>
        <translation>Waiting for a code: camera, scanner or keyboard</translation>
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
        <translation>Body temperature; {threshold} °C and above is a fever.</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Pass</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>Recheck</source>
        <translation>Recheck</translation>
    </message>
    <message>
        <source>Turn back</source>
        <translation>Turn back</translation>
    </message>
    <message>
        <source>Hold / hand over</source>
        <translation>Hold / hand over</translation>
    </message>
    <message>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Out</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <source>Pedestrian</source>
        <translation>Pedestrian</translation>
    </message>
    <message>
        <source>Green code</source>
        <translation>Green code</translation>
    </message>
    <message>
        <source>Yellow code</source>
        <translation>Yellow code</translation>
    </message>
    <message>
        <source>Red code</source>
        <translation>Red code</translation>
    </message>
    <message>
        <source>No code checked</source>
        <translation>No code checked</translation>
    </message>
    <message>
        <source>Itinerary green</source>
        <translation>Itinerary green</translation>
    </message>
    <message>
        <source>Itinerary starred</source>
        <translation>Itinerary starred</translation>
    </message>
    <message>
        <source>Itinerary other colour</source>
        <translation>Itinerary other colour</translation>
    </message>
    <message>
        <source>Itinerary not checked</source>
        <translation>Itinerary not checked</translation>
    </message>
    <message>
        <source>EU digital COVID certificate</source>
        <translation>EU digital COVID certificate</translation>
    </message>
    <message>
        <source>Station pass</source>
        <translation>Station pass</translation>
    </message>
    <message>
        <source>Health code</source>
        <translation>Health code</translation>
    </message>
    <message>
        <source>Unrecognised code</source>
        <translation>Unrecognised code</translation>
    </message>
    <message>
        <source>All checks clear</source>
        <translation>All checks clear</translation>
    </message>
    <message>
        <source>Operator's decision</source>
        <translation>Operator's decision</translation>
    </message>
    <message>
        <source>Health code not checked</source>
        <translation>Health code not checked</translation>
    </message>
    <message>
        <source>Itinerary not green</source>
        <translation>Itinerary not green</translation>
    </message>
    <message>
        <source>Test older than 48 hours</source>
        <translation>Test older than 48 hours</translation>
    </message>
    <message>
        <source>No test proof</source>
        <translation>No test proof</translation>
    </message>
    <message>
        <source>Temperature at or above 37.3 °C</source>
        <translation>Temperature at or above 37.3 °C</translation>
    </message>
    <message>
        <source>Correction of an earlier record</source>
        <translation>Correction of an earlier record</translation>
    </message>
    <message>
        <source>EU certificate not valid (signature)</source>
        <translation>EU certificate not valid (signature)</translation>
    </message>
    <message>
        <source>EU certificate expired</source>
        <translation>EU certificate expired</translation>
    </message>
    <message>
        <source>Valid station pass</source>
        <translation>Valid station pass</translation>
    </message>
    <message>
        <source>Station pass not valid (signature)</source>
        <translation>Station pass not valid (signature)</translation>
    </message>
    <message>
        <source>Station pass revoked</source>
        <translation>Station pass revoked</translation>
    </message>
    <message>
        <source>Station pass expired</source>
        <translation>Station pass expired</translation>
    </message>
    <message>
        <source>No valid pass</source>
        <translation>No valid pass</translation>
    </message>
    <message>
        <source>Household exit quota used up</source>
        <translation>Household exit quota used up</translation>
    </message>
    <message>
        <source>Returned after the deadline</source>
        <translation>Returned after the deadline</translation>
    </message>
    <message>
        <source>Home quarantine: must not leave</source>
        <translation>Home quarantine: must not leave</translation>
    </message>
    <message>
        <source>Visitor without pre-registration or host</source>
        <translation>Visitor without pre-registration or host</translation>
    </message>
    <message>
        <source>Visitor with a host</source>
        <translation>Visitor with a host</translation>
    </message>
    <message>
        <source>On a watchlist: block</source>
        <translation>On a watchlist: block</translation>
    </message>
    <message>
        <source>On a watchlist: notify</source>
        <translation>On a watchlist: notify</translation>
    </message>
    <message>
        <source>ID typed by hand: re-check later</source>
        <translation>ID typed by hand: re-check later</translation>
    </message>
    <message>
        <source>Plate number not valid</source>
        <translation>Plate number not valid</translation>
    </message>
    <message>
        <source>No occupant checked</source>
        <translation>No occupant checked</translation>
    </message>
    <message>
        <source>No rule applies: check by hand</source>
        <translation>No rule applies: check by hand</translation>
    </message>
    <message>
        <source>Registered resident</source>
        <translation>Registered resident</translation>
    </message>
    <message>
        <source>Registry: must not leave</source>
        <translation>Registry: must not leave</translation>
    </message>
    <message>
        <source>Registry: moved out, check as a visitor</source>
        <translation>Registry: moved out, check as a visitor</translation>
    </message>
    <message>
        <source>Household not in the registry: check</source>
        <translation>Household not in the registry: check</translation>
    </message>
    <message>
        <source>No test</source>
        <translation>No test</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Override: milder than proposed</source>
        <translation>Override: milder than proposed</translation>
    </message>
    <message>
        <source>Camera starting</source>
        <translation>Camera starting</translation>
    </message>
    <message>
        <source>Camera live</source>
        <translation>Camera live</translation>
    </message>
    <message>
        <source>Camera lost</source>
        <translation>Camera lost</translation>
    </message>
    <message>
        <source>Camera lost, reconnecting</source>
        <translation>Camera lost, reconnecting</translation>
    </message>
    <message>
        <source>Video ended</source>
        <translation>Video ended</translation>
    </message>
    <message>
        <source>Camera failed</source>
        <translation>Camera failed</translation>
    </message>
    <message>
        <source>No camera or file at that address.</source>
        <translation>No camera or file at that address.</translation>
    </message>
    <message>
        <source>The camera or stream cannot be opened.</source>
        <translation>The camera or stream cannot be opened.</translation>
    </message>
    <message>
        <source>The file is not a readable image or video.</source>
        <translation>The file is not a readable image or video.</translation>
    </message>
    <message>
        <source>The camera was disconnected.</source>
        <translation>The camera was disconnected.</translation>
    </message>
    <message>
        <source>The video has ended.</source>
        <translation>The video has ended.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space.</source>
        <translation>The disk is full. Free some space.</translation>
    </message>
    <message>
        <source>The database is busy (locked by another program).</source>
        <translation>The database is busy (locked by another program).</translation>
    </message>
    <message>
        <source>The database file is read-only.</source>
        <translation>The database file is read-only.</translation>
    </message>
    <message>
        <source>The database file is damaged. Call the administrator.</source>
        <translation>The database file is damaged. Call the administrator.</translation>
    </message>
    <message>
        <source>The database was made by a newer version of Checkpoint Station. Update this station.</source>
        <translation>The database was made by a newer version of Checkpoint Station. Update this station.</translation>
    </message>
    <message>
        <source>The data folder cannot be written.</source>
        <translation>The data folder cannot be written.</translation>
    </message>
    <message>
        <source>The key for the personal data in this database (keys/data.key) is missing or wrong. Restore it from the backup.</source>
        <translation>The key for the personal data in this database (keys/data.key) is missing or wrong. Restore it from the backup.</translation>
    </message>
    <message>
        <source>An unexpected database error happened; it was logged.</source>
        <translation>An unexpected database error happened; it was logged.</translation>
    </message>
    <message>
        <source>Watchlist: stop this person</source>
        <translation>Watchlist: stop this person</translation>
    </message>
    <message>
        <source>Watchlist: person of interest</source>
        <translation>Watchlist: person of interest</translation>
    </message>
    <message>
        <source>Back later than the exit slip allows</source>
        <translation>Back later than the exit slip allows</translation>
    </message>
    <message>
        <source>Household's exit quota already used</source>
        <translation>Household's exit quota already used</translation>
    </message>
    <message>
        <source>Registry: this resident must not leave</source>
        <translation>Registry: this resident must not leave</translation>
    </message>
    <message>
        <source>Exit slip</source>
        <translation>Exit slip</translation>
    </message>
    <message>
        <source>Resident pass</source>
        <translation>Resident pass</translation>
    </message>
    <message>
        <source>Visitor pre-registration</source>
        <translation>Visitor pre-registration</translation>
    </message>
    <message>
        <source>Supply-vehicle pass</source>
        <translation>Supply-vehicle pass</translation>
    </message>
    <message>
        <source>Not readable as a pass: damaged or not one of ours. Turn back.</source>
        <translation>Not readable as a pass: damaged or not one of ours. Turn back.</translation>
    </message>
    <message>
        <source>FORGED: the pass was changed or not signed by this compound. Turn back.</source>
        <translation>FORGED: the pass was changed or not signed by this compound. Turn back.</translation>
    </message>
    <message>
        <source>Signed with a key this gate does not know (another compound, or a replaced key).</source>
        <translation>Signed with a key this gate does not know (another compound, or a replaced key).</translation>
    </message>
    <message>
        <source>REVOKED: this pass was withdrawn.</source>
        <translation>REVOKED: this pass was withdrawn.</translation>
    </message>
    <message>
        <source>EXPIRED: the pass is no longer valid.</source>
        <translation>EXPIRED: the pass is no longer valid.</translation>
    </message>
    <message>
        <source>Not valid yet: its period starts later.</source>
        <translation>Not valid yet: its period starts later.</translation>
    </message>
    <message>
        <source>Signature valid: issued by this compound.</source>
        <translation>Signature valid: issued by this compound.</translation>
    </message>
    <message>
        <source>Signature valid, but the certificate has EXPIRED.</source>
        <translation>Signature valid, but the certificate has EXPIRED.</translation>
    </message>
    <message>
        <source>Signature valid: issued by a trusted authority.</source>
        <translation>Signature valid: issued by a trusted authority.</translation>
    </message>
    <message>
        <source>FORGED or damaged: the signature does not match.</source>
        <translation>FORGED or damaged: the signature does not match.</translation>
    </message>
    <message>
        <source>Cannot be checked: this station has no trust list (ask the administrator).</source>
        <translation>Cannot be checked: this station has no trust list (ask the administrator).</translation>
    </message>
    <message>
        <source>Signed by an authority this station does not trust.</source>
        <translation>Signed by an authority this station does not trust.</translation>
    </message>
    <message>
        <source>certificate signature</source>
        <translation>certificate signature</translation>
    </message>
    <message>
        <source>Rechecked by hand: all clear</source>
        <translation>Rechecked by hand: all clear</translation>
    </message>
    <message>
        <source>Approved by the shift leader</source>
        <translation>Approved by the shift leader</translation>
    </message>
    <message>
        <source>Medical emergency</source>
        <translation>Medical emergency</translation>
    </message>
    <message>
        <source>Official duty or supply run</source>
        <translation>Official duty or supply run</translation>
    </message>
    <message>
        <source>Health-code platform fault</source>
        <translation>Health-code platform fault</translation>
    </message>
    <message>
        <source>Other (type the reason)</source>
        <translation>Other (type the reason)</translation>
    </message>
    <message>
        <source>certificate validity</source>
        <translation>certificate validity</translation>
    </message>
    <message>
        <source>pass signature</source>
        <translation>pass signature</translation>
    </message>
    <message>
        <source>pass validity</source>
        <translation>pass validity</translation>
    </message>
    <message>
        <source>holder's name</source>
        <translation>holder's name</translation>
    </message>
    <message>
        <source>household</source>
        <translation>household</translation>
    </message>
    <message>
        <source>Vaccination</source>
        <translation>Vaccination</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Recovery</translation>
    </message>
    <message>
        <source>ID typed by hand</source>
        <translation>ID typed by hand</translation>
    </message>
    <message>
        <source>No phone</source>
        <translation>No phone</translation>
    </message>
    <message>
        <source>Health-code platform down</source>
        <translation>Health-code platform down</translation>
    </message>
    <message>
        <source>Type the 18-character ID number.</source>
        <translation>Type the 18-character ID number.</translation>
    </message>
    <message>
        <source>An ID number has 18 characters.</source>
        <translation>An ID number has 18 characters.</translation>
    </message>
    <message>
        <source>Only digits, and X as the last character.</source>
        <translation>Only digits, and X as the last character.</translation>
    </message>
    <message>
        <source>Wrong check digit: a digit was mistyped. Read the card again.</source>
        <translation>Wrong check digit: a digit was mistyped. Read the card again.</translation>
    </message>
    <message>
        <source>The first six digits do not name a region of China.</source>
        <translation>The first six digits do not name a region of China.</translation>
    </message>
    <message>
        <source>Digits 7-14 are not a real date of birth.</source>
        <translation>Digits 7-14 are not a real date of birth.</translation>
    </message>
    <message>
        <source>The date of birth is in the future.</source>
        <translation>The date of birth is in the future.</translation>
    </message>
    <message>
        <source>No phone number.</source>
        <translation>No phone number.</translation>
    </message>
    <message>
        <source>A phone number has digits only.</source>
        <translation>A phone number has digits only.</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits.</source>
        <translation>A mobile number has 11 digits.</translation>
    </message>
    <message>
        <source>A mobile number starts with 13-19.</source>
        <translation>A mobile number starts with 13-19.</translation>
    </message>
    <message>
        <source>Home quarantine</source>
        <translation>Home quarantine</translation>
    </message>
    <message>
        <source>Person of interest</source>
        <translation>Person of interest</translation>
    </message>
    <message>
        <source>Plate of interest</source>
        <translation>Plate of interest</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>Notify</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>More cells than the header has columns</source>
        <translation>More cells than the header has columns</translation>
    </message>
    <message>
        <source>Unknown list type</source>
        <translation>Unknown list type</translation>
    </message>
    <message>
        <source>Unknown action</source>
        <translation>Unknown action</translation>
    </message>
    <message>
        <source>No ID number, phone or name</source>
        <translation>No ID number, phone or name</translation>
    </message>
    <message>
        <source>Plate of interest without a plate</source>
        <translation>Plate of interest without a plate</translation>
    </message>
    <message>
        <source>ID number not valid</source>
        <translation>ID number not valid</translation>
    </message>
    <message>
        <source>Phone number not valid</source>
        <translation>Phone number not valid</translation>
    </message>
    <message>
        <source>Date not readable</source>
        <translation>Date not readable</translation>
    </message>
    <message>
        <source>Ends before it starts</source>
        <translation>Ends before it starts</translation>
    </message>
    <message>
        <source>Same entry as an earlier line</source>
        <translation>Same entry as an earlier line</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>This is not a text (CSV) file.</source>
        <translation>This is not a text (CSV) file.</translation>
    </message>
    <message>
        <source>The file's encoding is not UTF-8, UTF-16 or GBK.</source>
        <translation>The file's encoding is not UTF-8, UTF-16 or GBK.</translation>
    </message>
    <message>
        <source>The CSV structure is broken.</source>
        <translation>The CSV structure is broken.</translation>
    </message>
    <message>
        <source>No name, ID number, phone or plate column in the header.</source>
        <translation>No name, ID number, phone or plate column in the header.</translation>
    </message>
    <message>
        <source>Two columns mean the same field.</source>
        <translation>Two columns mean the same field.</translation>
    </message>
    <message>
        <source>The file does not read as Chinese: save it as UTF-8 (or GBK) and import it again.</source>
        <translation>The file does not read as Chinese: save it as UTF-8 (or GBK) and import it again.</translation>
    </message>
    <message>
        <source>The file has too many lines for a watchlist.</source>
        <translation>The file has too many lines for a watchlist.</translation>
    </message>
    <message>
        <source>No name</source>
        <translation>No name</translation>
    </message>
    <message>
        <source>No ID number</source>
        <translation>No ID number</translation>
    </message>
    <message>
        <source>No household (building, room)</source>
        <translation>No household (building, room)</translation>
    </message>
    <message>
        <source>Household not readable (e.g. 3-2-501)</source>
        <translation>Household not readable (e.g. 3-2-501)</translation>
    </message>
    <message>
        <source>Unknown residency (resident or tenant)</source>
        <translation>Unknown residency (resident or tenant)</translation>
    </message>
    <message>
        <source>Unknown status (normal, home quarantine, no exit)</source>
        <translation>Unknown status (normal, home quarantine, no exit)</translation>
    </message>
    <message>
        <source>Exit quota not a whole number of days / exits</source>
        <translation>Exit quota not a whole number of days / exits</translation>
    </message>
    <message>
        <source>A cell is too long</source>
        <translation>A cell is too long</translation>
    </message>
    <message>
        <source>Same ID number as an earlier line</source>
        <translation>Same ID number as an earlier line</translation>
    </message>
    <message>
        <source>Household details differ from an earlier line</source>
        <translation>Household details differ from an earlier line</translation>
    </message>
    <message>
        <source>ID number already registered under another name</source>
        <translation>ID number already registered under another name</translation>
    </message>
    <message>
        <source>This is neither a CSV nor an XLSX file (save it as XLSX or CSV).</source>
        <translation>This is neither a CSV nor an XLSX file (save it as XLSX or CSV).</translation>
    </message>
    <message>
        <source>This is not a readable XLSX workbook.</source>
        <translation>This is not a readable XLSX workbook.</translation>
    </message>
    <message>
        <source>The header needs name, ID number and household (or building and room) columns.</source>
        <translation>The header needs name, ID number and household (or building and room) columns.</translation>
    </message>
    <message>
        <source>The file has too many rows.</source>
        <translation>The file has too many rows.</translation>
    </message>
    <message>
        <source>The workbook unpacks to too much data or too many cells for a registry.</source>
        <translation>The workbook unpacks to too much data or too many cells for a registry.</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>No exit</source>
        <translation>No exit</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>Moved out</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Tenant</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>updated</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>Recovery code made</source>
        <translation>Recovery code made</translation>
    </message>
    <message>
        <source>New PIN with the recovery code</source>
        <translation>New PIN with the recovery code</translation>
    </message>
    <message>
        <source>Recovery refused</source>
        <translation>Recovery refused</translation>
    </message>
    <message>
        <source>This PIN repeats itself (like 1111 or 1212) and is guessed first: choose another.</source>
        <translation>This PIN repeats itself (like 1111 or 1212) and is guessed first: choose another.</translation>
    </message>
    <message>
        <source>This PIN is a run of digits (like 1234 or 4321) and is guessed first: choose another.</source>
        <translation>This PIN is a run of digits (like 1234 or 4321) and is guessed first: choose another.</translation>
    </message>
    <message>
        <source>This PIN looks like a year or a date, which others can find out: choose another.</source>
        <translation>This PIN looks like a year or a date, which others can find out: choose another.</translation>
    </message>
    <message>
        <source>This PIN is among the most common ones and is guessed first: choose another.</source>
        <translation>This PIN is among the most common ones and is guessed first: choose another.</translation>
    </message>
    <message>
        <source>The trust list cannot be read; EU certificates show as not trusted: {detail}</source>
        <translation>The trust list cannot be read; EU certificates show as not trusted: {detail}</translation>
    </message>
    <message>
        <source>The pass key cannot be read; station passes show as not trusted: {detail}</source>
        <translation>The pass key cannot be read; station passes show as not trusted: {detail}</translation>
    </message>
    <message>
        <source>The health-code platform list cannot be read: {detail}</source>
        <translation>The health-code platform list cannot be read: {detail}</translation>
    </message>
    <message>
        <source>Japanese (Shift-JIS)</source>
        <translation>Japanese (Shift-JIS)</translation>
    </message>
    <message>
        <source>Traditional Chinese (Big5)</source>
        <translation>Traditional Chinese (Big5)</translation>
    </message>
    <message>
        <source>The file does not read as Chinese: it is most likely {encoding}. Save it as UTF-8 (or GBK) and import it again.</source>
        <translation>The file does not read as Chinese: it is most likely {encoding}. Save it as UTF-8 (or GBK) and import it again.</translation>
    </message>
    <message>
        <source>Enter the plate</source>
        <translation>Enter the plate</translation>
    </message>
    <message>
        <source>The first character is not a province</source>
        <translation>The first character is not a province</translation>
    </message>
    <message>
        <source>The second character must be a letter (not I or O)</source>
        <translation>The second character must be a letter (not I or O)</translation>
    </message>
    <message>
        <source>Wrong length: 5 characters after the letter, 6 for a new-energy plate</source>
        <translation>Wrong length: 5 characters after the letter, 6 for a new-energy plate</translation>
    </message>
    <message>
        <source>A character a plate cannot carry (I, O or a symbol)</source>
        <translation>A character a plate cannot carry (I, O or a symbol)</translation>
    </message>
    <message>
        <source>That suffix does not belong on this plate</source>
        <translation>That suffix does not belong on this plate</translation>
    </message>
    <message>
        <source>Not a new-energy plate: D or F in the wrong place</source>
        <translation>Not a new-energy plate: D or F in the wrong place</translation>
    </message>
    <message>
        <source>The system clock went back from {before} to {after}: check the time. Records keep their order.</source>
        <translation>The system clock went back from {before} to {after}: check the time. Records keep their order.</translation>
    </message>
    <message>
        <source>Database created</source>
        <translation>Database created</translation>
    </message>
    <message>
        <source>Shift opened</source>
        <translation>Shift opened</translation>
    </message>
    <message>
        <source>Shift closed</source>
        <translation>Shift closed</translation>
    </message>
    <message>
        <source>Export or tracing query</source>
        <translation>Export or tracing query</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Settings changed</translation>
    </message>
    <message>
        <source>System clock went back</source>
        <translation>System clock went back</translation>
    </message>
    <message>
        <source>Alarm acknowledged</source>
        <translation>Alarm acknowledged</translation>
    </message>
    <message>
        <source>Pass issued</source>
        <translation>Pass issued</translation>
    </message>
    <message>
        <source>Pass revoked</source>
        <translation>Pass revoked</translation>
    </message>
    <message>
        <source>Watchlist imported</source>
        <translation>Watchlist imported</translation>
    </message>
    <message>
        <source>Rules changed</source>
        <translation>Rules changed</translation>
    </message>
    <message>
        <source>Key created</source>
        <translation>Key created</translation>
    </message>
    <message>
        <source>Barrier relay failed</source>
        <translation>Barrier relay failed</translation>
    </message>
    <message>
        <source>Residents imported</source>
        <translation>Residents imported</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <source>Locked out</source>
        <translation>Locked out</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Operator added</source>
        <translation>Operator added</translation>
    </message>
    <message>
        <source>PIN set</source>
        <translation>PIN set</translation>
    </message>
    <message>
        <source>Operator disabled</source>
        <translation>Operator disabled</translation>
    </message>
    <message>
        <source>Operator enabled</source>
        <translation>Operator enabled</translation>
    </message>
    <message>
        <source>Access refused</source>
        <translation>Access refused</translation>
    </message>
    <message>
        <source>Personal data encrypted</source>
        <translation>Personal data encrypted</translation>
    </message>
    <message>
        <source>Database verification failed</source>
        <translation>Database verification failed</translation>
    </message>
    <message>
        <source>Database verified intact</source>
        <translation>Database verified intact</translation>
    </message>
    <message>
        <source>Purge of old passages started</source>
        <translation>Purge of old passages started</translation>
    </message>
    <message>
        <source>Log anchor issued</source>
        <translation>Log anchor issued</translation>
    </message>
    <message>
        <source>Search index rebuilt</source>
        <translation>Search index rebuilt</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <source>shift leader</source>
        <translation>shift leader</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>Type a PIN.</source>
        <translation>Type a PIN.</translation>
    </message>
    <message>
        <source>A PIN has digits only.</source>
        <translation>A PIN has digits only.</translation>
    </message>
    <message>
        <source>A PIN has at least 4 digits.</source>
        <translation>A PIN has at least 4 digits.</translation>
    </message>
    <message>
        <source>A PIN has at most 8 digits.</source>
        <translation>A PIN has at most 8 digits.</translation>
    </message>
    <message>
        <source>The two PINs differ: type them again.</source>
        <translation>The two PINs differ: type them again.</translation>
    </message>
    <message>
        <source>Old passages purged</source>
        <translation>Old passages purged</translation>
    </message>
    <message>
        <source>Give at least one of plate, ID number, phone or name</source>
        <translation>Give at least one of plate, ID number, phone or name</translation>
    </message>
    <message>
        <source>Not a valid plate: {value}</source>
        <translation>Not a valid plate: {value}</translation>
    </message>
    <message>
        <source>Not a valid ID number: {value}</source>
        <translation>Not a valid ID number: {value}</translation>
    </message>
    <message>
        <source>Not a valid mobile number: {value}</source>
        <translation>Not a valid mobile number: {value}</translation>
    </message>
    <message>
        <source>The window's start must be before its end</source>
        <translation>The window's start must be before its end</translation>
    </message>
    <message>
        <source>The window's times need a timezone</source>
        <translation>The window's times need a timezone</translation>
    </message>
    <message>
        <source>Bus</source>
        <translation>Bus</translation>
    </message>
    <message>
        <source>1 day ago</source>
        <translation>1 day ago</translation>
    </message>
    <message>
        <source>{days} days ago</source>
        <translation>{days} days ago</translation>
    </message>
    <message>
        <source>Car</source>
        <translation>Car</translation>
    </message>
    <message>
        <source>Delivery vehicle</source>
        <translation>Delivery vehicle</translation>
    </message>
    <message>
        <source>Fever</source>
        <translation>Fever</translation>
    </message>
    <message>
        <source>Held / handed over</source>
        <translation>Held / handed over</translation>
    </message>
    <message>
        <source>Turned back</source>
        <translation>Turned back</translation>
    </message>
    <message>
        <source>Supply vehicle</source>
        <translation>Supply vehicle</translation>
    </message>
    <message>
        <source>Truck</source>
        <translation>Truck</translation>
    </message>
    <message>
        <source>Van</source>
        <translation>Van</translation>
    </message>
</context>
<context>
    <name>TraceResultModel</name>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation><numerusform>%n person</numerusform><numerusform>%n persons</numerusform></translation>
    </message>
    <message>
        <source>{count}, no name recorded</source>
        <translation>{count}, no name recorded</translation>
    </message>
    <message>
        <source> (+{n} without a name)</source>
        <translation> (+{n} without a name)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Gate</source>
        <translation>Gate</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>Plate</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Persons</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>TraceView</name>
    <message>
        <source>Tracing results written: {path} ({count} passages)</source>
        <translation>Tracing results written: {path} ({count} passages)</translation>
    </message>
    <message>
        <source>tracing</source>
        <translation>tracing</translation>
    </message>
    <message>
        <source>Export tracing results</source>
        <translation>Export tracing results</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Full personal data shown, recorded in the audit trail as asked by {name} for: {reason}</source>
        <translation>Full personal data shown, recorded in the audit trail as asked by {name} for: {reason}</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>Plate</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>limit</source>
        <translation>limit</translation>
    </message>
    <message>
        <source>e.g. 京A12345</source>
        <translation>e.g. 京A12345</translation>
    </message>
    <message>
        <source>exact name</source>
        <translation>exact name</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>E&amp;xport...</source>
        <translation>E&amp;xport...</translation>
    </message>
    <message>
        <source>Show &amp;full details (audited)</source>
        <translation>Show &amp;full details (audited)</translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s) found</source>
        <translation><numerusform>%n passage found</numerusform><numerusform>%n passages found</numerusform></translation>
    </message>
</context>
<context>
    <name>Tracing</name>
    <message>
        <source>Tracing</source>
        <translation>Tracing</translation>
    </message>
    <message>
        <source>Tracing results</source>
        <translation>Tracing results</translation>
    </message>
</context>
<context>
    <name>UnmaskReasonDialog</name>
    <message>
        <source>Show full details</source>
        <translation>Show full details</translation>
    </message>
    <message>
        <source>Full names, ID numbers and phones are shown for a case. Type its case number or the reason: it is kept in the audit trail with your name ({name}) for every search and export while full details are on.</source>
        <translation>Full names, ID numbers and phones are shown for a case. Type its case number or the reason: it is kept in the audit trail with your name ({name}) for every search and export while full details are on.</translation>
    </message>
    <message>
        <source>e.g. case 2031-0715-07, health commission request</source>
        <translation>e.g. case 2031-0715-07, health commission request</translation>
    </message>
</context>
<context>
    <name>VehiclePanel</name>
    <message>
        <source>Plate {key}</source>
        <translation>Plate {key}</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>From {key}</source>
        <translation>From {key}</translation>
    </message>
    <message>
        <source>To {key}</source>
        <translation>To {key}</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Scan each person's code: it adds them. Province {picker} · kind {kinds} · person {up}/{down} · same as previous {same} · remove person {remove} · next vehicle Esc</source>
        <translation>Scan each person's code: it adds them. Province {picker} · kind {kinds} · person {up}/{down} · same as previous {same} · remove person {remove} · next vehicle Esc</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s): a {kind} holds {limit}. Check the rows; {remove} removes one.</source>
        <translation><numerusform>%n person: a {kind} holds {limit}. Check the rows; {remove} removes one.</numerusform><numerusform>%n persons: a {kind} holds {limit}. Check the rows; {remove} removes one.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Not added: %n code(s) not from a person ({kinds}). No code? {manual}</source>
        <translation><numerusform>Not added: %n code not from a person ({kinds}). No code? {manual}</numerusform><numerusform>Not added: %n codes not from a person ({kinds}). No code? {manual}</numerusform></translation>
    </message>
</context>
<context>
    <name>VerdictView</name>
    <message>
        <source>Proposed</source>
        <translation>Proposed</translation>
    </message>
</context>
<context>
    <name>VerdictWords</name>
    <message>
        <source>PASS</source>
        <translation>PASS</translation>
    </message>
    <message>
        <source>CHECK</source>
        <translation>CHECK</translation>
    </message>
    <message>
        <source>TURN BACK</source>
        <translation>TURN BACK</translation>
    </message>
    <message>
        <source>HOLD</source>
        <translation>HOLD</translation>
    </message>
</context>
<context>
    <name>VisitorEntryDialog</name>
    <message>
        <source>Walk-in visitor</source>
        <translation>Walk-in visitor</translation>
    </message>
    <message>
        <source>Who is visiting whom: the visitor's name and the host household or the host's name.</source>
        <translation>Who is visiting whom: the visitor's name and the host household or the host's name.</translation>
    </message>
    <message>
        <source>Visitor's name</source>
        <translation>Visitor's name</translation>
    </message>
    <message>
        <source>Host household</source>
        <translation>Host household</translation>
    </message>
    <message>
        <source>Host's name</source>
        <translation>Host's name</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Expected exit</source>
        <translation>Expected exit</translation>
    </message>
    <message>
        <source>e.g. 5-1-302</source>
        <translation>e.g. 5-1-302</translation>
    </message>
</context>
<context>
    <name>WatchlistService</name>
    <message>
        <source>The watchlist was NOT imported: {reason}</source>
        <translation>The watchlist was NOT imported: {reason}</translation>
    </message>
</context>
</TS>
