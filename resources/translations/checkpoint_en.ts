<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
    <name>ConfirmationBand</name>
    <message>
        <source>Recorded: {outcome}</source>
        <translation>Recorded: {outcome}</translation>
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
    <name>ExportDialog</name>
    <message>
        <source>Export handover</source>
        <translation>Export handover</translation>
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
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Choose...</translation>
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
        <source>Handover written: {path} ({count} passages)</source>
        <translation>Handover written: {path} ({count} passages)</translation>
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
        <source>&amp;Settings / Rules...</source>
        <translation>&amp;Settings / Rules...</translation>
    </message>
    <message>
        <source>&amp;Import watchlist...</source>
        <translation>&amp;Import watchlist...</translation>
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
        <source>Gate: {name}</source>
        <translation>Gate: {name}</translation>
    </message>
    <message>
        <source>Operator: {name}</source>
        <translation>Operator: {name}</translation>
    </message>
    <message>
        <source>Shift: {label}</source>
        <translation>Shift: {label}</translation>
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
        <source>Person {n}</source>
        <translation>Person {n}</translation>
    </message>
</context>
<context>
    <name>PassLogModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
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
        <source>Plate</source>
        <translation>Plate</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Persons</translation>
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
        <source>Temperature</source>
        <translation>Temperature</translation>
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
    <name>PdfPrintPreview</name>
    <message>
        <source>Print preview</source>
        <translation>Print preview</translation>
    </message>
</context>
<context>
    <name>PlateEntry</name>
    <message>
        <source>e.g. A12345 · province: {key}</source>
        <translation>e.g. A12345 · province: {key}</translation>
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
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Type the two letters under a province, or tap it. Esc: keep.</source>
        <translation>Type the two letters under a province, or tap it. Esc: keep.</translation>
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
        <source>No test</source>
        <translation>No test</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
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
</context>
<context>
    <name>VerdictView</name>
    <message>
        <source>Proposed</source>
        <translation>Proposed</translation>
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
