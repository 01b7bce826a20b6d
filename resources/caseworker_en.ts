<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>AnonymousContactDialog</name>
    <message>
        <source>Log an anonymous contact</source>
        <translation>Log an anonymous contact</translation>
    </message>
    <message>
        <source>For a caller who will not give their details. Nothing about who they are is recorded: only how they got in touch, what it was about and what was said.</source>
        <translation>For a caller who will not give their details. Nothing about who they are is recorded: only how they got in touch, what it was about and what was said.</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>C&amp;hannel:</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>How the caller got in touch: phone, email, walk-in, letter…</source>
        <translation>How the caller got in touch: phone, email, walk-in, letter…</translation>
    </message>
    <message>
        <source>e.g. Fly-tipping on Mill Lane</source>
        <translation>e.g. Fly-tipping on Mill Lane</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>S&amp;ubject:</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>What the contact was about, in a few words.</source>
        <translation>What the contact was about, in a few words.</translation>
    </message>
    <message>
        <source>&amp;What was said:</source>
        <translation>&amp;What was said:</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>What was said</translation>
    </message>
    <message>
        <source>What the caller said and anything promised. Tab moves on.</source>
        <translation>What the caller said and anything promised. Tab moves on.</translation>
    </message>
    <message>
        <source>Say in a few words what it was about.</source>
        <translation>Say in a few words what it was about.</translation>
    </message>
    <message>
        <source>Say briefly what was said.</source>
        <translation>Say briefly what was said.</translation>
    </message>
</context>
<context>
    <name>AssignBar</name>
    <message>
        <source>Cases, soonest due first. Shift+Down and Ctrl+A select several; Enter opens the current case.</source>
        <translation>Cases, soonest due first. Shift+Down and Ctrl+A select several; Enter opens the current case.</translation>
    </message>
    <message>
        <source>Cases selected</source>
        <translation>Cases selected</translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation>&amp;Assign to…</translation>
    </message>
    <message>
        <source>Assign the selected cases (Alt+A)</source>
        <translation>Assign the selected cases (Alt+A)</translation>
    </message>
    <message>
        <source>Gives every selected case to one officer.</source>
        <translation>Gives every selected case to one officer.</translation>
    </message>
    <message>
        <source>Spread &amp;evenly…</source>
        <translation>Spread &amp;evenly…</translation>
    </message>
    <message>
        <source>Spread the selected cases (Alt+E)</source>
        <translation>Spread the selected cases (Alt+E)</translation>
    </message>
    <message>
        <source>Shares the selected cases among the officers you tick, evening out loads.</source>
        <translation>Shares the selected cases among the officers you tick, evening out loads.</translation>
    </message>
    <message>
        <source>What the last assignment did</source>
        <translation>What the last assignment did</translation>
    </message>
    <message>
        <source>&amp;Undo (Ctrl+Z)</source>
        <translation>&amp;Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo the assignment (Ctrl+Z)</source>
        <translation>Undo the assignment (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Puts back who had each case, unless it has changed since.</source>
        <translation>Puts back who had each case, unless it has changed since.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) assigned.</source>
        <translation>
            <numerusform>%n case assigned.</numerusform>
            <numerusform>%n cases assigned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not assigned (closed or changed).</source>
        <translation>
            <numerusform>%n not assigned (closed or changed).</numerusform>
            <numerusform>%n not assigned (closed or changed).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left: every officer chosen is away or full.</source>
        <translation>
            <numerusform>%n left: every officer chosen is away or full.</numerusform>
            <numerusform>%n left: every officer chosen is away or full.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n case(s) put back.</source>
        <translation>
            <numerusform>Undone: %n case put back.</numerusform>
            <numerusform>Undone: %n cases put back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed since, left as they are.</source>
        <translation>
            <numerusform>%n changed since, left as they are.</numerusform>
            <numerusform>%n changed since, left as they are.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message numerus="yes">
        <source>Spread %n case(s) evenly</source>
        <translation>
            <numerusform>Spread %n case evenly</numerusform>
            <numerusform>Spread %n cases evenly</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Assign %n case(s)</source>
        <translation>
            <numerusform>Assign %n case</numerusform>
            <numerusform>Assign %n cases</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick the officers to share the cases among. Loads, caps and leave are respected.</source>
        <translation>Tick the officers to share the cases among. Loads, caps and leave are respected.</translation>
    </message>
    <message>
        <source>Choose who takes the cases. Their open cases, cap and leave are shown.</source>
        <translation>Choose who takes the cases. Their open cases, cap and leave are shown.</translation>
    </message>
    <message>
        <source>&amp;Officers:</source>
        <translation>&amp;Officers:</translation>
    </message>
    <message>
        <source>&amp;Officer:</source>
        <translation>&amp;Officer:</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>Officers</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Space ticks or unticks an officer.</source>
        <translation>Space ticks or unticks an officer.</translation>
    </message>
    <message>
        <source>Up and Down choose; Ctrl+Enter assigns.</source>
        <translation>Up and Down choose; Ctrl+Enter assigns.</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Assign</translation>
    </message>
    <message>
        <source>Nobody in this queue takes cases: add officers to it first.</source>
        <translation>Nobody in this queue takes cases: add officers to it first.</translation>
    </message>
    <message numerus="yes">
        <source>%n open case(s)</source>
        <translation>
            <numerusform>%n open case</numerusform>
            <numerusform>%n open cases</numerusform>
        </translation>
    </message>
    <message>
        <source>at capacity %1</source>
        <translation>at capacity %1</translation>
    </message>
    <message>
        <source>cap %1</source>
        <translation>cap %1</translation>
    </message>
    <message>
        <source>on leave until %1</source>
        <translation>on leave until %1</translation>
    </message>
    <message>
        <source>Choose at least one officer.</source>
        <translation>Choose at least one officer.</translation>
    </message>
    <message>
        <source>Assign &amp;anyway</source>
        <translation>Assign &amp;anyway</translation>
    </message>
    <message>
        <source>%1 is %2. Press Assign anyway to go ahead.</source>
        <translation>%1 is %2. Press Assign anyway to go ahead.</translation>
    </message>
</context>
<context>
    <name>AssuranceDialog</name>
    <message>
        <source>A code sent and read back</source>
        <translation>A code sent and read back</translation>
    </message>
    <message>
        <source>The council&apos;s records</source>
        <translation>The council&apos;s records</translation>
    </message>
    <message>
        <source>Signed in to the app</source>
        <translation>Signed in to the app</translation>
    </message>
    <message>
        <source>Call back on a number on their record</source>
        <translation>Call back on a number on their record</translation>
    </message>
    <message>
        <source>Questions about what we hold</source>
        <translation>Questions about what we hold</translation>
    </message>
    <message>
        <source>A document seen</source>
        <translation>A document seen</translation>
    </message>
    <message>
        <source>Known in person, at the door or counter</source>
        <translation>Known in person, at the door or counter</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation>Driving licence</translation>
    </message>
    <message>
        <source>Council tax bill</source>
        <translation>Council tax bill</translation>
    </message>
    <message>
        <source>Benefit letter</source>
        <translation>Benefit letter</translation>
    </message>
    <message>
        <source>Utility bill</source>
        <translation>Utility bill</translation>
    </message>
    <message>
        <source>Bank statement</source>
        <translation>Bank statement</translation>
    </message>
    <message>
        <source>Tenancy agreement</source>
        <translation>Tenancy agreement</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>A case reference</source>
        <translation>A case reference</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Email address</translation>
    </message>
    <message>
        <source>Contact verified</source>
        <translation>Contact verified</translation>
    </message>
    <message>
        <source>Identity verified</source>
        <translation>Identity verified</translation>
    </message>
    <message>
        <source>Changing contact details</source>
        <translation>Changing contact details</translation>
    </message>
    <message>
        <source>Sharing with a partner</source>
        <translation>Sharing with a partner</translation>
    </message>
    <message>
        <source>A subject access export</source>
        <translation>A subject access export</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>not verified</translation>
    </message>
    <message>
        <source>contact verified</source>
        <translation>contact verified</translation>
    </message>
    <message>
        <source>identity verified</source>
        <translation>identity verified</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>Check who you are dealing with</source>
        <translation>Check who you are dealing with</translation>
    </message>
    <message>
        <source>%1 needs the citizen %2; their record is %3. Make one of these checks:</source>
        <translation>%1 needs the citizen %2; their record is %3. Make one of these checks:</translation>
    </message>
    <message>
        <source>&amp;Check:</source>
        <translation>&amp;Check:</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>How you check, from the least you need to ask.</source>
        <translation>How you check, from the least you need to ask.</translation>
    </message>
    <message>
        <source>&amp;Number called:</source>
        <translation>&amp;Number called:</translation>
    </message>
    <message>
        <source>Number called</source>
        <translation>Number called</translation>
    </message>
    <message>
        <source>The number on their record that you rang and reached them on.</source>
        <translation>The number on their record that you rang and reached them on.</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Document:</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Which document you saw. Keep no copy and write down no number.</source>
        <translation>Which document you saw. Keep no copy and write down no number.</translation>
    </message>
    <message>
        <source>Asked and answered correctly.</source>
        <translation>Asked and answered correctly.</translation>
    </message>
    <message>
        <source>&amp;Asked:</source>
        <translation>&amp;Asked:</translation>
    </message>
    <message>
        <source>Facts asked</source>
        <translation>Facts asked</translation>
    </message>
    <message>
        <source>At least two facts we hold; the answers are never written down.</source>
        <translation>At least two facts we hold; the answers are never written down.</translation>
    </message>
    <message>
        <source>Send the code to</source>
        <translation>Send the code to</translation>
    </message>
    <message>
        <source>An email address or phone on their record.</source>
        <translation>An email address or phone on their record.</translation>
    </message>
    <message>
        <source>Se&amp;nd code</source>
        <translation>Se&amp;nd code</translation>
    </message>
    <message>
        <source>Send code</source>
        <translation>Send code</translation>
    </message>
    <message>
        <source>Asks the council&apos;s service to send a six-digit code there.</source>
        <translation>Asks the council&apos;s service to send a six-digit code there.</translation>
    </message>
    <message>
        <source>Code status</source>
        <translation>Code status</translation>
    </message>
    <message>
        <source>Send &amp;to:</source>
        <translation>Send &amp;to:</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 digits</translation>
    </message>
    <message>
        <source>Code read &amp;back:</source>
        <translation>Code read &amp;back:</translation>
    </message>
    <message>
        <source>Code read back</source>
        <translation>Code read back</translation>
    </message>
    <message>
        <source>The six digits the citizen reads out from the message.</source>
        <translation>The six digits the citizen reads out from the message.</translation>
    </message>
    <message>
        <source>Asked for a code to %1. It goes once this laptop has synced.</source>
        <translation>Asked for a code to %1. It goes once this laptop has synced.</translation>
    </message>
    <message>
        <source>Code sent to %1. Ask them to read it back.</source>
        <translation>Code sent to %1. Ask them to read it back.</translation>
    </message>
    <message>
        <source>The code was not sent: %1</source>
        <translation>The code was not sent: %1</translation>
    </message>
    <message>
        <source>No check the window offers reaches that level.</source>
        <translation>No check the window offers reaches that level.</translation>
    </message>
    <message>
        <source>Send a code first.</source>
        <translation>Send a code first.</translation>
    </message>
    <message>
        <source>Wait until the code has been sent.</source>
        <translation>Wait until the code has been sent.</translation>
    </message>
    <message>
        <source>Type the code they read back.</source>
        <translation>Type the code they read back.</translation>
    </message>
    <message>
        <source>Ask at least two facts we hold.</source>
        <translation>Ask at least two facts we hold.</translation>
    </message>
    <message>
        <source>Not the code sent, and no tries are left: send a new one.</source>
        <translation>Not the code sent, and no tries are left: send a new one.</translation>
    </message>
    <message numerus="yes">
        <source>Not the code sent. Tries left: %n.</source>
        <translation>
            <numerusform>Not the code sent. Tries left: %n.</numerusform>
            <numerusform>Not the code sent. Tries left: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttachmentPane</name>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Photos and files attached to this entry. Enter opens one; Alt+Y saves a copy.</source>
        <translation>Photos and files attached to this entry. Enter opens one; Alt+Y saves a copy.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>The selected picture, made smaller.</source>
        <translation>The selected picture, made smaller.</translation>
    </message>
    <message>
        <source>About the attachment</source>
        <translation>About the attachment</translation>
    </message>
    <message>
        <source>What happened to the last open or save.</source>
        <translation>What happened to the last open or save.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Open the attachment</source>
        <translation>Open the attachment</translation>
    </message>
    <message>
        <source>Opens a picture, PDF or text file in the program your computer uses.</source>
        <translation>Opens a picture, PDF or text file in the program your computer uses.</translation>
    </message>
    <message>
        <source>Save a cop&amp;y…</source>
        <translation>Save a cop&amp;y…</translation>
    </message>
    <message>
        <source>Save a copy of the attachment</source>
        <translation>Save a copy of the attachment</translation>
    </message>
    <message>
        <source>Asks where to save a copy of the selected attachment.</source>
        <translation>Asks where to save a copy of the selected attachment.</translation>
    </message>
    <message>
        <source>A&amp;ttachments:</source>
        <translation>A&amp;ttachments:</translation>
    </message>
    <message>
        <source>size not known</source>
        <translation>size not known</translation>
    </message>
    <message>
        <source>%1 (not on this laptop yet)</source>
        <translation>%1 (not on this laptop yet)</translation>
    </message>
    <message>
        <source>The content has not reached this laptop yet.</source>
        <translation>The content has not reached this laptop yet.</translation>
    </message>
    <message>
        <source>No preview: this is not a picture.</source>
        <translation>No preview: this is not a picture.</translation>
    </message>
    <message>
        <source>Loading the picture…</source>
        <translation>Loading the picture…</translation>
    </message>
    <message>
        <source>This picture cannot be shown: it may be damaged.</source>
        <translation>This picture cannot be shown: it may be damaged.</translation>
    </message>
    <message>
        <source>Picture: %1</source>
        <translation>Picture: %1</translation>
    </message>
    <message>
        <source>This kind of file is not opened from here: save a copy instead.</source>
        <translation>This kind of file is not opened from here: save a copy instead.</translation>
    </message>
    <message>
        <source>Saved a copy as %1</source>
        <translation>Saved a copy as %1</translation>
    </message>
</context>
<context>
    <name>BoardFigures</name>
    <message>
        <source>none resolved</source>
        <translation>none resolved</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>%1: nothing to show.</source>
        <translation>%1: nothing to show.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>At risk today</source>
        <translation>At risk today</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>Breached</translation>
    </message>
    <message>
        <source>0 to 2 days</source>
        <translation>0 to 2 days</translation>
    </message>
    <message>
        <source>3 to 7 days</source>
        <translation>3 to 7 days</translation>
    </message>
    <message>
        <source>8 to 30 days</source>
        <translation>8 to 30 days</translation>
    </message>
    <message>
        <source>31 to 90 days</source>
        <translation>31 to 90 days</translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation>Over 90 days</translation>
    </message>
    <message>
        <source>Open cases by queue</source>
        <translation>Open cases by queue</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Open cases by officer</source>
        <translation>Open cases by officer</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Open cases by age</source>
        <translation>Open cases by age</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Cases opened in the last 4 weeks by channel</source>
        <translation>Cases opened in the last 4 weeks by channel</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Opened and resolved per week (weeks from Monday)</source>
        <translation>Opened and resolved per week (weeks from Monday)</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Median time to resolve</source>
        <translation>Median time to resolve</translation>
    </message>
    <message>
        <source>Week from</source>
        <translation>Week from</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>Working out the figures…</source>
        <translation>Working out the figures…</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>Refresh the figures (F5)</source>
        <translation>Refresh the figures (F5)</translation>
    </message>
    <message>
        <source>The figures also refresh on their own when sync brings changes.</source>
        <translation>The figures also refresh on their own when sync brings changes.</translation>
    </message>
    <message>
        <source>Show as &amp;tables</source>
        <translation>Show as &amp;tables</translation>
    </message>
    <message>
        <source>Show every chart as a table (Alt+T)</source>
        <translation>Show every chart as a table (Alt+T)</translation>
    </message>
    <message>
        <source>The tables hold the same figures; Enter on a cell lists its cases.</source>
        <translation>The tables hold the same figures; Enter on a cell lists its cases.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>A chart a tab: Tab into it, arrows to a bar, Enter lists its cases.</source>
        <translation>A chart a tab: Tab into it, arrows to a bar, Enter lists its cases.</translation>
    </message>
    <message>
        <source>By queue</source>
        <translation>By queue</translation>
    </message>
    <message>
        <source>By officer</source>
        <translation>By officer</translation>
    </message>
    <message>
        <source>By age</source>
        <translation>By age</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>By channel</translation>
    </message>
    <message>
        <source>Weekly trend</source>
        <translation>Weekly trend</translation>
    </message>
    <message>
        <source>Cases: choose a figure and press Enter</source>
        <translation>Cases: choose a figure and press Enter</translation>
    </message>
    <message>
        <source>Cases behind the chosen figure</source>
        <translation>Cases behind the chosen figure</translation>
    </message>
    <message>
        <source>Enter opens the chosen case.</source>
        <translation>Enter opens the chosen case.</translation>
    </message>
    <message>
        <source>No queue</source>
        <translation>No queue</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <source>The figures could not be worked out: %1</source>
        <translation>The figures could not be worked out: %1</translation>
    </message>
    <message>
        <source>as of the last sync %1</source>
        <translation>as of the last sync %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>never synced</translation>
    </message>
    <message>
        <source>Covers the cases held on this laptop: %1 open in %2 queues, %3.</source>
        <translation>Covers the cases held on this laptop: %1 open in %2 queues, %3.</translation>
    </message>
    <message>
        <source>%1 — counting…</source>
        <translation>%1 — counting…</translation>
    </message>
    <message>
        <source>%1 — %2 cases (Enter opens one)</source>
        <translation>%1 — %2 cases (Enter opens one)</translation>
    </message>
</context>
<context>
    <name>BoardTiles</name>
    <message>
        <source>no earlier figure</source>
        <translation>no earlier figure</translation>
    </message>
    <message>
        <source>same as the 4 weeks before</source>
        <translation>same as the 4 weeks before</translation>
    </message>
    <message>
        <source>was %1 in the 4 weeks before</source>
        <translation>was %1 in the 4 weeks before</translation>
    </message>
    <message>
        <source>First-contact resolution: cases resolved within 24 hours of being opened, with no more than one contact logged on the case, as a share of the cases resolved in the last 4 weeks.</source>
        <translation>First-contact resolution: cases resolved within 24 hours of being opened, with no more than one contact logged on the case, as a share of the cases resolved in the last 4 weeks.</translation>
    </message>
    <message>
        <source>Open cases due before midnight tonight, not yet past due.</source>
        <translation>Open cases due before midnight tonight, not yet past due.</translation>
    </message>
    <message>
        <source>Open cases past their due time.</source>
        <translation>Open cases past their due time.</translation>
    </message>
    <message>
        <source>Half the cases resolved in the last 4 weeks took less, half took more.</source>
        <translation>Half the cases resolved in the last 4 weeks took less, half took more.</translation>
    </message>
    <message>
        <source>Enter lists them.</source>
        <translation>Enter lists them.</translation>
    </message>
    <message>
        <source>At risk today</source>
        <translation>At risk today</translation>
    </message>
    <message>
        <source>due before midnight</source>
        <translation>due before midnight</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>Breached</translation>
    </message>
    <message>
        <source>open past their due time</source>
        <translation>open past their due time</translation>
    </message>
    <message>
        <source>First-contact resolution</source>
        <translation>First-contact resolution</translation>
    </message>
    <message>
        <source>(%1 of %2)</source>
        <translation>(%1 of %2)</translation>
    </message>
    <message>
        <source>Median time to resolve</source>
        <translation>Median time to resolve</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <source>England and Wales</source>
        <translation>England and Wales</translation>
    </message>
    <message>
        <source>Scotland</source>
        <translation>Scotland</translation>
    </message>
    <message>
        <source>Northern Ireland</source>
        <translation>Northern Ireland</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>Calendar problem</source>
        <translation>Calendar problem</translation>
    </message>
    <message>
        <source>Working week</source>
        <translation>Working week</translation>
    </message>
    <message>
        <source>Nat&amp;ion:</source>
        <translation>Nat&amp;ion:</translation>
    </message>
    <message>
        <source>Nation</source>
        <translation>Nation</translation>
    </message>
    <message>
        <source>Its bank holidays are not working days.</source>
        <translation>Its bank holidays are not working days.</translation>
    </message>
    <message>
        <source>Not worked</source>
        <translation>Not worked</translation>
    </message>
    <message>
        <source>Working hours, e.g. 09:00-17:00 or 08:30-12:30, 13:30-17:00. Empty: not worked.</source>
        <translation>Working hours, e.g. 09:00-17:00 or 08:30-12:30, 13:30-17:00. Empty: not worked.</translation>
    </message>
    <message>
        <source>e.g. 09:00-17:00, or 08:30-12:30, 13:30-17:00. Empty: not worked.</source>
        <translation>e.g. 09:00-17:00, or 08:30-12:30, 13:30-17:00. Empty: not worked.</translation>
    </message>
    <message>
        <source>Save the &amp;week</source>
        <translation>Save the &amp;week</translation>
    </message>
    <message>
        <source>Save the week (Alt+W)</source>
        <translation>Save the week (Alt+W)</translation>
    </message>
    <message>
        <source>Saves the nation and the working hours.</source>
        <translation>Saves the nation and the working hours.</translation>
    </message>
    <message>
        <source>Closure days</source>
        <translation>Closure days</translation>
    </message>
    <message>
        <source>C&amp;losure days:</source>
        <translation>C&amp;losure days:</translation>
    </message>
    <message>
        <source>Days the council is closed: not working days. Delete reopens one.</source>
        <translation>Days the council is closed: not working days. Delete reopens one.</translation>
    </message>
    <message>
        <source>&amp;Reopen the day</source>
        <translation>&amp;Reopen the day</translation>
    </message>
    <message>
        <source>Reopen the day (Delete)</source>
        <translation>Reopen the day (Delete)</translation>
    </message>
    <message>
        <source>The chosen day is a working day again.</source>
        <translation>The chosen day is a working day again.</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>A day the council is closed.</source>
        <translation>A day the council is closed.</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>Rea&amp;son:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Why, in a few words (optional).</source>
        <translation>Why, in a few words (optional).</translation>
    </message>
    <message>
        <source>Cl&amp;ose that day</source>
        <translation>Cl&amp;ose that day</translation>
    </message>
    <message>
        <source>Close that day (Alt+O)</source>
        <translation>Close that day (Alt+O)</translation>
    </message>
    <message>
        <source>Adds the date as a closure day.</source>
        <translation>Adds the date as a closure day.</translation>
    </message>
    <message>
        <source>What the change moves</source>
        <translation>What the change moves</translation>
    </message>
    <message>
        <source>Reco&amp;mpute their due times</source>
        <translation>Reco&amp;mpute their due times</translation>
    </message>
    <message>
        <source>Recompute their due times (Alt+M)</source>
        <translation>Recompute their due times (Alt+M)</translation>
    </message>
    <message>
        <source>Moves the due times of the open cases here to the calendar as it is now.</source>
        <translation>Moves the due times of the open cases here to the calendar as it is now.</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>What went wrong</translation>
    </message>
    <message>
        <source>The council&apos;s calendar held here cannot be used, so due times are counted on the default one shown (Monday to Friday, 09:00 to 17:00, England and Wales). A change here replaces it. (%1)</source>
        <translation>The council&apos;s calendar held here cannot be used, so due times are counted on the default one shown (Monday to Friday, 09:00 to 17:00, England and Wales). A change here replaces it. (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Due times of %n open cases on this laptop moved.</source>
        <translation>
            <numerusform>Due times of %n open case on this laptop moved.</numerusform>
            <numerusform>Due times of %n open cases on this laptop moved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved. It moves the due times of %n open cases on this laptop.</source>
        <translation>
            <numerusform>Saved. It moves the due times of %n open case on this laptop.</numerusform>
            <numerusform>Saved. It moves the due times of %n open cases on this laptop.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Callers</name>
    <message>
        <source>Anonymous contact logged.</source>
        <translation>Anonymous contact logged.</translation>
    </message>
</context>
<context>
    <name>CaseActivity</name>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Who changed what, and when; newest first.</source>
        <translation>Who changed what, and when; newest first.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Internal notes on the case; newest first.</source>
        <translation>Internal notes on the case; newest first.</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Contacts with the citizen about this case; newest first.</source>
        <translation>Contacts with the citizen about this case; newest first.</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>History (%1)</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Notes (%1)</translation>
    </message>
    <message>
        <source>Contacts (%1)</source>
        <translation>Contacts (%1)</translation>
    </message>
</context>
<context>
    <name>CaseDetails</name>
    <message>
        <source>Move to status (Alt+M)</source>
        <translation>Move to status (Alt+M)</translation>
    </message>
    <message>
        <source>Only the statuses this case may move to next are offered.</source>
        <translation>Only the statuses this case may move to next are offered.</translation>
    </message>
    <message>
        <source>Moves the case to the status chosen in Move to.</source>
        <translation>Moves the case to the status chosen in Move to.</translation>
    </message>
    <message>
        <source>Priority (Alt+R)</source>
        <translation>Priority (Alt+R)</translation>
    </message>
    <message>
        <source>Queue (Alt+Q)</source>
        <translation>Queue (Alt+Q)</translation>
    </message>
    <message>
        <source>The team&apos;s queue the case is in. Only supervisors can move it to another queue.</source>
        <translation>The team&apos;s queue the case is in. Only supervisors can move it to another queue.</translation>
    </message>
    <message>
        <source>Take (Ctrl+T)</source>
        <translation>Take (Ctrl+T)</translation>
    </message>
    <message>
        <source>Take this case (Ctrl+T)</source>
        <translation>Take this case (Ctrl+T)</translation>
    </message>
    <message>
        <source>Assigns the case to you.</source>
        <translation>Assigns the case to you.</translation>
    </message>
    <message>
        <source>Supervisors can assign the case to anyone, or to nobody.</source>
        <translation>Supervisors can assign the case to anyone, or to nobody.</translation>
    </message>
    <message>
        <source>Change &amp;status</source>
        <translation>Change &amp;status</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Where the case has got to.</source>
        <translation>Where the case has got to.</translation>
    </message>
    <message>
        <source>Change status (Alt+S)</source>
        <translation>Change status (Alt+S)</translation>
    </message>
    <message>
        <source>How urgent the case is. Choosing another saves it.</source>
        <translation>How urgent the case is. Choosing another saves it.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>The council service the case is for.</source>
        <translation>The council service the case is for.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>How the case was resolved or closed.</source>
        <translation>How the case was resolved or closed.</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>Who is working on the case.</source>
        <translation>Who is working on the case.</translation>
    </message>
    <message>
        <source>Assign to (Alt+O)</source>
        <translation>Assign to (Alt+O)</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Assign</translation>
    </message>
    <message>
        <source>Assign (Alt+A)</source>
        <translation>Assign (Alt+A)</translation>
    </message>
    <message>
        <source>Assigns the case to the person chosen in Assign to.</source>
        <translation>Assigns the case to the person chosen in Assign to.</translation>
    </message>
    <message>
        <source>Assign t&amp;o:</source>
        <translation>Assign t&amp;o:</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Clock paused</source>
        <translation>Clock paused</translation>
    </message>
    <message>
        <source>How long the case&apos;s clock has stood still while waiting for the citizen.</source>
        <translation>How long the case&apos;s clock has stood still while waiting for the citizen.</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>When the case was opened, and how.</source>
        <translation>When the case was opened, and how.</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Where the problem is.</source>
        <translation>Where the problem is.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>What the citizen told us.</source>
        <translation>What the citizen told us.</translation>
    </message>
    <message>
        <source>&amp;Move to:</source>
        <translation>&amp;Move to:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation>P&amp;riority:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>&amp;Queue:</translation>
    </message>
    <message>
        <source>Assigned to:</source>
        <translation>Assigned to:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <source>Opened:</source>
        <translation>Opened:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Location:</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Details:</translation>
    </message>
    <message>
        <source>Reopen the ca&amp;se…</source>
        <translation>Reopen the ca&amp;se…</translation>
    </message>
    <message>
        <source>Reopen the case (Alt+S)</source>
        <translation>Reopen the case (Alt+S)</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Outcome: %1</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Nobody</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1, by %2</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (due %2)</source>
        <translation>%1 (due %2)</translation>
    </message>
    <message>
        <source>%1 — breaches today</source>
        <translation>%1 — breaches today</translation>
    </message>
    <message>
        <source>%1; first response %2</source>
        <translation>%1; first response %2</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Clock paused now: %1 in all</source>
        <translation>Clock paused now: %1 in all</translation>
    </message>
    <message>
        <source>Clock paused %1</source>
        <translation>Clock paused %1</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>%1, has conflicting changes</source>
        <translation>%1, has conflicting changes</translation>
    </message>
    <message>
        <source>%1, escalated</source>
        <translation>%1, escalated</translation>
    </message>
    <message>
        <source>Due %1 (%2)</source>
        <translation>Due %1 (%2)</translation>
    </message>
    <message>
        <source>This case has conflicting changes; open it to resolve them.</source>
        <translation>This case has conflicting changes; open it to resolve them.</translation>
    </message>
    <message>
        <source>Escalated: its history says by which rule and what was done.</source>
        <translation>Escalated: its history says by which rule and what was done.</translation>
    </message>
    <message>
        <source>Sort by this column: click here, or choose it in &quot;Sort by&quot; (Alt+O)</source>
        <translation>Sort by this column: click here, or choose it in &quot;Sort by&quot; (Alt+O)</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
</context>
<context>
    <name>CaseSnapshot</name>
    <message>
        <source>Automatic assignment</source>
        <translation>Automatic assignment</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Loading the case…</source>
        <translation>Loading the case…</translation>
    </message>
    <message>
        <source>Open the citizen</source>
        <translation>Open the citizen</translation>
    </message>
    <message>
        <source>Open the citizen&apos;s view.</source>
        <translation>Open the citizen&apos;s view.</translation>
    </message>
    <message>
        <source>Log a contact</source>
        <translation>Log a contact</translation>
    </message>
    <message>
        <source>Record a contact about this case.</source>
        <translation>Record a contact about this case.</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Add a note</translation>
    </message>
    <message>
        <source>Write an internal note.</source>
        <translation>Write an internal note.</translation>
    </message>
    <message>
        <source>Reply to the citizen</source>
        <translation>Reply to the citizen</translation>
    </message>
    <message>
        <source>Send the citizen an email or text message from a prepared reply.</source>
        <translation>Send the citizen an email or text message from a prepared reply.</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>Take</translation>
    </message>
    <message>
        <source>Assign the case to yourself.</source>
        <translation>Assign the case to yourself.</translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation>Resolve conflict</translation>
    </message>
    <message>
        <source>Resolve conflicting changes.</source>
        <translation>Resolve conflicting changes.</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Undo the last change</translation>
    </message>
    <message>
        <source>show this case</source>
        <translation>show this case</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Link to a citizen… (Ctrl+Shift+C)</source>
        <translation>Link to a citizen… (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Citizen: %1 (Ctrl+Shift+C)</source>
        <translation>Citizen: %1 (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>undo the change</source>
        <translation>undo the change</translation>
    </message>
    <message>
        <source>change the status</source>
        <translation>change the status</translation>
    </message>
    <message>
        <source>change the priority</source>
        <translation>change the priority</translation>
    </message>
    <message>
        <source>move the case to another queue</source>
        <translation>move the case to another queue</translation>
    </message>
    <message>
        <source>assign the case</source>
        <translation>assign the case</translation>
    </message>
</context>
<context>
    <name>CentralDialog</name>
    <message>
        <source>Central service</source>
        <translation>Central service</translation>
    </message>
    <message>
        <source>Caseworker keeps working without a connection and sends your changes when the central service answers. Ask your system administrator for its address.</source>
        <translation>Caseworker keeps working without a connection and sends your changes when the central service answers. Ask your system administrator for its address.</translation>
    </message>
    <message>
        <source>Central service address (Alt+A)</source>
        <translation>Central service address (Alt+A)</translation>
    </message>
    <message>
        <source>The address of the council&apos;s case database, starting https://</source>
        <translation>The address of the council&apos;s case database, starting https://</translation>
    </message>
    <message>
        <source>User name on the central service</source>
        <translation>User name on the central service</translation>
    </message>
    <message>
        <source>Password (Alt+P)</source>
        <translation>Password (Alt+P)</translation>
    </message>
    <message>
        <source>Leave empty to use the password remembered in this computer&apos;s keyring.</source>
        <translation>Leave empty to use the password remembered in this computer&apos;s keyring.</translation>
    </message>
    <message>
        <source>Connection message</source>
        <translation>Connection message</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Connect (Enter)</source>
        <translation>Connect (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Type the whole address of the central database, e.g. https://couch.council.example/caseworker</source>
        <translation>Type the whole address of the central database, e.g. https://couch.council.example/caseworker</translation>
    </message>
    <message>
        <source>Checking with the central service…</source>
        <translation>Checking with the central service…</translation>
    </message>
    <message>
        <source>The central service did not answer; changes will be sent later.</source>
        <translation>The central service did not answer; changes will be sent later.</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Could not connect: %1</translation>
    </message>
</context>
<context>
    <name>ChangeIdentifierDialog</name>
    <message>
        <source>Change an identifier</source>
        <translation>Change an identifier</translation>
    </message>
    <message>
        <source>Correct this identifier (%1). The old value is not kept on the record.</source>
        <translation>Correct this identifier (%1). The old value is not kept on the record.</translation>
    </message>
    <message>
        <source>&amp;New value:</source>
        <translation>&amp;New value:</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>The corrected number, address or handle.</source>
        <translation>The corrected number, address or handle.</translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>The postcode of the address, e.g. CF10 4UW.</source>
        <translation>The postcode of the address, e.g. CF10 4UW.</translation>
    </message>
    <message>
        <source>Verified &amp;by:</source>
        <translation>Verified &amp;by:</translation>
    </message>
    <message>
        <source>How the new value was verified</source>
        <translation>How the new value was verified</translation>
    </message>
    <message>
        <source>How you checked the new value belongs to the citizen, or Not verified.</source>
        <translation>How you checked the new value belongs to the citizen, or Not verified.</translation>
    </message>
</context>
<context>
    <name>CitizenCasesModel</name>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>Service level</translation>
    </message>
    <message>
        <source>%1, has conflicting changes</source>
        <translation>%1, has conflicting changes</translation>
    </message>
    <message>
        <source>%1. Due %2</source>
        <translation>%1. Due %2</translation>
    </message>
    <message>
        <source>This case has conflicting changes; open it to resolve them.</source>
        <translation>This case has conflicting changes; open it to resolve them.</translation>
    </message>
</context>
<context>
    <name>CitizenHeader</name>
    <message>
        <source>About the citizen</source>
        <translation>About the citizen</translation>
    </message>
    <message>
        <source>Loading the citizen…</source>
        <translation>Loading the citizen…</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Preferred language</translation>
    </message>
    <message>
        <source>age %1</source>
        <translation>age %1</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>born %1</translation>
    </message>
    <message>
        <source>usually gets in touch by %1</source>
        <translation>usually gets in touch by %1</translation>
    </message>
    <message>
        <source>merged into %1</source>
        <translation>merged into %1</translation>
    </message>
    <message>
        <source>Prefers Welsh: offer a Welsh speaker</source>
        <translation>Prefers Welsh: offer a Welsh speaker</translation>
    </message>
    <message>
        <source>Prefers %1</source>
        <translation>Prefers %1</translation>
    </message>
    <message>
        <source>No contact recorded yet</source>
        <translation>No contact recorded yet</translation>
    </message>
    <message>
        <source>Last contact: %1, %2, %3</source>
        <translation>Last contact: %1, %2, %3</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>and %n more in Identifiers</source>
        <translation>
            <numerusform>and %n more in Identifiers</numerusform>
            <numerusform>and %n more in Identifiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Verified: %1</source>
        <translation>Verified: %1</translation>
    </message>
    <message>
        <source>Nothing verified yet: check who you are speaking to</source>
        <translation>Nothing verified yet: check who you are speaking to</translation>
    </message>
    <message numerus="yes">
        <source>Open cases: %n</source>
        <translation>
            <numerusform>Open cases: %n</numerusform>
            <numerusform>Open cases: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (the %n next due; the rest in Open cases)</source>
        <translation>
            <numerusform>%1 (the %n next due; the rest in Open cases)</numerusform>
            <numerusform>%1 (the %n next due; the rest in Open cases)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, %2: %3 priority, %4, %5</source>
        <translation>%1, %2: %3 priority, %4, %5</translation>
    </message>
</context>
<context>
    <name>CitizenView</name>
    <message>
        <source>Citizen</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Log a contact</source>
        <translation>Log a contact</translation>
    </message>
    <message>
        <source>Record a call, visit or message.</source>
        <translation>Record a call, visit or message.</translation>
    </message>
    <message>
        <source>Open a case</source>
        <translation>Open a case</translation>
    </message>
    <message>
        <source>Open a new case for this citizen.</source>
        <translation>Open a new case for this citizen.</translation>
    </message>
    <message>
        <source>Add an identifier</source>
        <translation>Add an identifier</translation>
    </message>
    <message>
        <source>Add a phone, email, address or handle.</source>
        <translation>Add a phone, email, address or handle.</translation>
    </message>
    <message>
        <source>Start a note</source>
        <translation>Start a note</translation>
    </message>
    <message>
        <source>Write an internal note.</source>
        <translation>Write an internal note.</translation>
    </message>
    <message>
        <source>Set a warning</source>
        <translation>Set a warning</translation>
    </message>
    <message>
        <source>Warn colleagues: vulnerability, safeguarding, access, officer safety.</source>
        <translation>Warn colleagues: vulnerability, safeguarding, access, officer safety.</translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation>Resolve conflict</translation>
    </message>
    <message>
        <source>Resolve conflicting changes.</source>
        <translation>Resolve conflicting changes.</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <source>Compare with records that may be the same person (supervisors).</source>
        <translation>Compare with records that may be the same person (supervisors).</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>Undo merge</translation>
    </message>
    <message>
        <source>Separate a record merged into this one again (supervisors).</source>
        <translation>Separate a record merged into this one again (supervisors).</translation>
    </message>
    <message>
        <source>Subject access export</source>
        <translation>Subject access export</translation>
    </message>
    <message>
        <source>Write everything held about this person, redacted, to a folder.</source>
        <translation>Write everything held about this person, redacted, to a folder.</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>Erase…</translation>
    </message>
    <message>
        <source>Erase or anonymise this citizen everywhere (asks first).</source>
        <translation>Erase or anonymise this citizen everywhere (asks first).</translation>
    </message>
    <message>
        <source>Check identity</source>
        <translation>Check identity</translation>
    </message>
    <message>
        <source>Record how you checked who you are dealing with.</source>
        <translation>Record how you checked who you are dealing with.</translation>
    </message>
    <message>
        <source>Add consent</source>
        <translation>Add consent</translation>
    </message>
    <message>
        <source>Record what the citizen agreed to.</source>
        <translation>Record what the citizen agreed to.</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <source>End a consent the citizen withdraws.</source>
        <translation>End a consent the citizen withdraws.</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Share with a partner the citizen agreed to.</source>
        <translation>Share with a partner the citizen agreed to.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Correct the selected phone, email, address or handle.</source>
        <translation>Correct the selected phone, email, address or handle.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Take the selected identifier off the record (asks).</source>
        <translation>Take the selected identifier off the record (asks).</translation>
    </message>
    <message>
        <source>Save the quick note or contact</source>
        <translation>Save the quick note or contact</translation>
    </message>
    <message>
        <source>show this citizen</source>
        <translation>show this citizen</translation>
    </message>
    <message>
        <source>check this citizen&apos;s record</source>
        <translation>check this citizen&apos;s record</translation>
    </message>
    <message>
        <source>End this warning?</source>
        <translation>End this warning?</translation>
    </message>
    <message>
        <source>End this warning? It stays on the record as ended, with your name.</source>
        <translation>End this warning? It stays on the record as ended, with your name.</translation>
    </message>
    <message>
        <source>&amp;End warning</source>
        <translation>&amp;End warning</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Keep it</translation>
    </message>
    <message>
        <source>End warning</source>
        <translation>End warning</translation>
    </message>
    <message>
        <source>Ends the warning; it stays on the record.</source>
        <translation>Ends the warning; it stays on the record.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>Leaves the warning as it is.</source>
        <translation>Leaves the warning as it is.</translation>
    </message>
    <message>
        <source>end the warning</source>
        <translation>end the warning</translation>
    </message>
    <message>
        <source>No record was merged into this one.</source>
        <translation>No record was merged into this one.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Quick note or contact</source>
        <translation>Quick note or contact</translation>
    </message>
    <message>
        <source>Write a note, or what was said… (Ctrl+Enter saves)</source>
        <translation>Write a note, or what was said… (Ctrl+Enter saves)</translation>
    </message>
    <message>
        <source>Text of the note or contact</source>
        <translation>Text of the note or contact</translation>
    </message>
    <message>
        <source>What to add to the timeline. Tab moves on; Ctrl+Enter saves.</source>
        <translation>What to add to the timeline. Tab moves on; Ctrl+Enter saves.</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <source>Contact with the citizen</source>
        <translation>Contact with the citizen</translation>
    </message>
    <message>
        <source>Note or contact</source>
        <translation>Note or contact</translation>
    </message>
    <message>
        <source>An internal note for staff, or a contact with the citizen on a channel.</source>
        <translation>An internal note for staff, or a contact with the citizen on a channel.</translation>
    </message>
    <message>
        <source>Channel of the contact</source>
        <translation>Channel of the contact</translation>
    </message>
    <message>
        <source>How the contact happened: phone, email, web form, app, walk-in, letter…</source>
        <translation>How the contact happened: phone, email, web form, app, walk-in, letter…</translation>
    </message>
    <message>
        <source>Direction of the contact</source>
        <translation>Direction of the contact</translation>
    </message>
    <message>
        <source>Whether the citizen contacted the council, or the council contacted them.</source>
        <translation>Whether the citizen contacted the council, or the council contacted them.</translation>
    </message>
    <message>
        <source>Not about a case</source>
        <translation>Not about a case</translation>
    </message>
    <message>
        <source>Case the entry is about</source>
        <translation>Case the entry is about</translation>
    </message>
    <message>
        <source>The case this note or contact is about, if any.</source>
        <translation>The case this note or contact is about, if any.</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Adds the entry to the timeline.</source>
        <translation>Adds the entry to the timeline.</translation>
    </message>
    <message>
        <source>Why this could not be saved yet</source>
        <translation>Why this could not be saved yet</translation>
    </message>
    <message>
        <source>Everything typed is kept: correct and save again.</source>
        <translation>Everything typed is kept: correct and save again.</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>Channe&amp;l:</source>
        <translation>Channe&amp;l:</translation>
    </message>
    <message>
        <source>Ca&amp;se:</source>
        <translation>Ca&amp;se:</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>&amp;Direction:</translation>
    </message>
    <message>
        <source>&amp;Write:</source>
        <translation>&amp;Write:</translation>
    </message>
    <message>
        <source>Write something first.</source>
        <translation>Write something first.</translation>
    </message>
</context>
<context>
    <name>ConflictBadge</name>
    <message>
        <source>Conflicting changes</source>
        <translation>Conflicting changes</translation>
    </message>
    <message>
        <source>This record has conflicting changes</source>
        <translation>This record has conflicting changes</translation>
    </message>
    <message>
        <source>Resolve conflict… (Ctrl+Shift+R)</source>
        <translation>Resolve conflict… (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Resolve conflict (Ctrl+Shift+R)</source>
        <translation>Resolve conflict (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Two people changed this record at the same time, at least one of them offline. Compare the versions field by field and choose what to keep.</source>
        <translation>Two people changed this record at the same time, at least one of them offline. Compare the versions field by field and choose what to keep.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Given name</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Preferred name</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Identifiers</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Routing rules</source>
        <translation>Routing rules</translation>
    </message>
    <message>
        <source>Saved by</source>
        <translation>Saved by</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Resolve conflicting changes</source>
        <translation>Resolve conflicting changes</translation>
    </message>
    <message>
        <source>This record was changed in two places at once, at least one of them offline. Keep one version whole, or choose for each field which value to keep.</source>
        <translation>This record was changed in two places at once, at least one of them offline. Keep one version whole, or choose for each field which value to keep.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>The versions hold the same values: saving keeps them.</source>
        <translation>The versions hold the same values: saving keeps them.</translation>
    </message>
    <message>
        <source>Chooses that version&apos;s value for every field below.</source>
        <translation>Chooses that version&apos;s value for every field below.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Keep both</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>saved by %1 on %2</source>
        <translation>saved by %1 on %2</translation>
    </message>
    <message>
        <source>saved on %1 (by whom is not recorded here)</source>
        <translation>saved on %1 (by whom is not recorded here)</translation>
    </message>
    <message>
        <source>when and by whom is not recorded here</source>
        <translation>when and by whom is not recorded here</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation>Keep %1</translation>
    </message>
    <message>
        <source>the version shown &amp;now</source>
        <translation>the version shown &amp;now</translation>
    </message>
    <message>
        <source>the &amp;other version</source>
        <translation>the &amp;other version</translation>
    </message>
    <message>
        <source>compare the versions</source>
        <translation>compare the versions</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Text message</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Social media</translation>
    </message>
    <message>
        <source>Record a consent</source>
        <translation>Record a consent</translation>
    </message>
    <message>
        <source>It starts now and runs until it is withdrawn.</source>
        <translation>It starts now and runs until it is withdrawn.</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Purpose:</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>What the citizen agreed to, in their words.</source>
        <translation>What the citizen agreed to, in their words.</translation>
    </message>
    <message>
        <source>&amp;Lawful basis:</source>
        <translation>&amp;Lawful basis:</translation>
    </message>
    <message>
        <source>Lawful basis</source>
        <translation>Lawful basis</translation>
    </message>
    <message>
        <source>The UK GDPR basis for using their data this way.</source>
        <translation>The UK GDPR basis for using their data this way.</translation>
    </message>
    <message>
        <source>Contact by %1</source>
        <translation>Contact by %1</translation>
    </message>
    <message>
        <source>Sharing with a partner</source>
        <translation>Sharing with a partner</translation>
    </message>
    <message>
        <source>&amp;Allows:</source>
        <translation>&amp;Allows:</translation>
    </message>
    <message>
        <source>Allows</source>
        <translation>Allows</translation>
    </message>
    <message>
        <source>The one channel, or the sharing, it covers.</source>
        <translation>The one channel, or the sharing, it covers.</translation>
    </message>
    <message>
        <source>Pa&amp;rtner:</source>
        <translation>Pa&amp;rtner:</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>The partner organisation it allows sharing with.</source>
        <translation>The partner organisation it allows sharing with.</translation>
    </message>
    <message>
        <source>&amp;Given by:</source>
        <translation>&amp;Given by:</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Given by</translation>
    </message>
    <message>
        <source>How the citizen gave it: a call, a form, a letter.</source>
        <translation>How the citizen gave it: a call, a form, a letter.</translation>
    </message>
    <message>
        <source>Say what the citizen agreed to.</source>
        <translation>Say what the citizen agreed to.</translation>
    </message>
    <message>
        <source>Say how the citizen gave it.</source>
        <translation>Say how the citizen gave it.</translation>
    </message>
    <message>
        <source>Name the partner organisation.</source>
        <translation>Name the partner organisation.</translation>
    </message>
</context>
<context>
    <name>ConsentsModel</name>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Lawful basis</source>
        <translation>Lawful basis</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>%1 (shared with %2)</source>
        <translation>%1 (shared with %2)</translation>
    </message>
    <message>
        <source>%1 (by %2)</source>
        <translation>%1 (by %2)</translation>
    </message>
    <message>
        <source>%1 to %2, withdrawn</source>
        <translation>%1 to %2, withdrawn</translation>
    </message>
    <message>
        <source>from %1, until withdrawn</source>
        <translation>from %1, until withdrawn</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
</context>
<context>
    <name>ContactEdit</name>
    <message>
        <source>That identifier is on a record merged into this one.</source>
        <translation>That identifier is on a record merged into this one.</translation>
    </message>
    <message>
        <source>Choose an identifier in the list first, then ask again.</source>
        <translation>Choose an identifier in the list first, then ask again.</translation>
    </message>
    <message>
        <source>Remove this identifier?</source>
        <translation>Remove this identifier?</translation>
    </message>
    <message>
        <source>Remove %1 from the record? It is not kept.</source>
        <translation>Remove %1 from the record? It is not kept.</translation>
    </message>
    <message>
        <source>It is the last way to reach them: the record will hold no phone, email, address or handle.</source>
        <translation>It is the last way to reach them: the record will hold no phone, email, address or handle.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Keep it</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Takes the identifier off the record.</source>
        <translation>Takes the identifier off the record.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>Leaves the identifier as it is.</source>
        <translation>Leaves the identifier as it is.</translation>
    </message>
    <message>
        <source>Removed. No way to reach them is left on the record.</source>
        <translation>Removed. No way to reach them is left on the record.</translation>
    </message>
    <message>
        <source>remove the identifier</source>
        <translation>remove the identifier</translation>
    </message>
    <message>
        <source>check this citizen&apos;s record</source>
        <translation>check this citizen&apos;s record</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>What was said</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Recorded by</translation>
    </message>
</context>
<context>
    <name>DirectorySummaryPanel</name>
    <message>
        <source>Directory summary</source>
        <translation>Directory summary</translation>
    </message>
    <message>
        <source>Only a summary from the citizen directory: this person&apos;s full record is not on this laptop.</source>
        <translation>Only a summary from the citizen directory: this person&apos;s full record is not on this laptop.</translation>
    </message>
    <message>
        <source>About this summary</source>
        <translation>About this summary</translation>
    </message>
    <message>
        <source>Read only, from the citizen directory.</source>
        <translation>Read only, from the citizen directory.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Postcodes</source>
        <translation>Postcodes</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <source>Open full record…</source>
        <translation>Open full record…</translation>
    </message>
    <message>
        <source>Open full record</source>
        <translation>Open full record</translation>
    </message>
    <message>
        <source>Fetch this person&apos;s full record from the central service, with a reason that is recorded. It is shown read only and not kept on this laptop.</source>
        <translation>Fetch this person&apos;s full record from the central service, with a reason that is recorded. It is shown read only and not kept on this laptop.</translation>
    </message>
    <message>
        <source>Why the full record cannot be opened now</source>
        <translation>Why the full record cannot be opened now</translation>
    </message>
    <message>
        <source>Opening a full record needs a connection to the central service.</source>
        <translation>Opening a full record needs a connection to the central service.</translation>
    </message>
    <message>
        <source>Why the full record could not be opened</source>
        <translation>Why the full record could not be opened</translation>
    </message>
    <message>
        <source>What went wrong the last time the full record was asked for.</source>
        <translation>What went wrong the last time the full record was asked for.</translation>
    </message>
    <message>
        <source>Opening the full record…</source>
        <translation>Opening the full record…</translation>
    </message>
    <message>
        <source>Opening the full record needs the central service: %1</source>
        <translation>Opening the full record needs the central service: %1</translation>
    </message>
    <message>
        <source>The full record could not be opened: %1</source>
        <translation>The full record could not be opened: %1</translation>
    </message>
    <message>
        <source>This directory entry is no longer on this laptop.</source>
        <translation>This directory entry is no longer on this laptop.</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>none recorded</translation>
    </message>
</context>
<context>
    <name>DraftReplyDialog</name>
    <message>
        <source>Draft a public reply</source>
        <translation>Draft a public reply</translation>
    </message>
    <message>
        <source>Posted publicly on Mastodon by the council&apos;s central service, once, when this laptop next syncs. %1 is named first if you do not name them.</source>
        <translation>Posted publicly on Mastodon by the council&apos;s central service, once, when this laptop next syncs. %1 is named first if you do not name them.</translation>
    </message>
    <message>
        <source>&amp;Reply:</source>
        <translation>&amp;Reply:</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>The public reply, at most %1 characters.</source>
        <translation>The public reply, at most %1 characters.</translation>
    </message>
    <message>
        <source>Characters used</source>
        <translation>Characters used</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 of %2 characters</translation>
    </message>
    <message>
        <source>Write the reply first.</source>
        <translation>Write the reply first.</translation>
    </message>
</context>
<context>
    <name>DrillModel</name>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
</context>
<context>
    <name>DuplicateReasons</name>
    <message>
        <source>given name</source>
        <translation>given name</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>family name</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>postcode</translation>
    </message>
    <message>
        <source>address</source>
        <translation>address</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>phone number</translation>
    </message>
    <message>
        <source>email address</source>
        <translation>email address</translation>
    </message>
    <message>
        <source>social handle</source>
        <translation>social handle</translation>
    </message>
    <message>
        <source>same %1</source>
        <translation>same %1</translation>
    </message>
    <message>
        <source>same property (UPRN)</source>
        <translation>same property (UPRN)</translation>
    </message>
    <message>
        <source>same first line of address</source>
        <translation>same first line of address</translation>
    </message>
    <message>
        <source>different %1</source>
        <translation>different %1</translation>
    </message>
    <message>
        <source>%1 differs: a nickname or Welsh form</source>
        <translation>%1 differs: a nickname or Welsh form</translation>
    </message>
    <message>
        <source>%1 differs: spelling</source>
        <translation>%1 differs: spelling</translation>
    </message>
    <message>
        <source>%1 differs: similar</source>
        <translation>%1 differs: similar</translation>
    </message>
    <message>
        <source>%1 differs: one digit, or day and month</source>
        <translation>%1 differs: one digit, or day and month</translation>
    </message>
    <message>
        <source>%1 differs: same year</source>
        <translation>%1 differs: same year</translation>
    </message>
    <message>
        <source>%1 differs: same sector</source>
        <translation>%1 differs: same sector</translation>
    </message>
    <message>
        <source>%1 differs: same district</source>
        <translation>%1 differs: same district</translation>
    </message>
</context>
<context>
    <name>DuplicateReviewDialog</name>
    <message>
        <source>Are these the same person?</source>
        <translation>Are these the same person?</translation>
    </message>
    <message>
        <source>Reading both records…</source>
        <translation>Reading both records…</translation>
    </message>
    <message>
        <source>Score and reasons</source>
        <translation>Score and reasons</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>What went wrong</translation>
    </message>
    <message>
        <source>Keep the &amp;left record</source>
        <translation>Keep the &amp;left record</translation>
    </message>
    <message>
        <source>Keep the ri&amp;ght record</source>
        <translation>Keep the ri&amp;ght record</translation>
    </message>
    <message>
        <source>Keep the left record</source>
        <translation>Keep the left record</translation>
    </message>
    <message>
        <source>Keep the right record</source>
        <translation>Keep the right record</translation>
    </message>
    <message>
        <source>The record that remains; the other is merged into it.</source>
        <translation>The record that remains; the other is merged into it.</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Why they are, or are not, the same person: kept with the decision.</source>
        <translation>Why they are, or are not, the same person: kept with the decision.</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Why:</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <source>&amp;Not the same person</source>
        <translation>&amp;Not the same person</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>S&amp;kip</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Merge the other record into the one kept.</source>
        <translation>Merge the other record into the one kept.</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>Not the same person</translation>
    </message>
    <message>
        <source>Records that they are different people: not offered again.</source>
        <translation>Records that they are different people: not offered again.</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Decide later: nothing is recorded.</source>
        <translation>Decide later: nothing is recorded.</translation>
    </message>
    <message>
        <source>%1 likely the same person: %2</source>
        <translation>%1 likely the same person: %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Known as</source>
        <translation>Known as</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Left record</source>
        <translation>Left record</translation>
    </message>
    <message>
        <source>Right record</source>
        <translation>Right record</translation>
    </message>
    <message>
        <source>Left: %1</source>
        <translation>Left: %1</translation>
    </message>
    <message>
        <source>Right: %1</source>
        <translation>Right: %1</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>How many to review</source>
        <translation>How many to review</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>Likely duplicates</translation>
    </message>
    <message>
        <source>Pairs of records that may be one person. Enter: compare them side by side.</source>
        <translation>Pairs of records that may be one person. Enter: compare them side by side.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) to review. Enter: compare side by side.</source>
        <translation>
            <numerusform>%n pair to review. Enter: compare side by side.</numerusform>
            <numerusform>%n pairs to review. Enter: compare side by side.</numerusform>
        </translation>
    </message>
    <message>
        <source>No likely duplicates to review.</source>
        <translation>No likely duplicates to review.</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <source>Likely</source>
        <translation>Likely</translation>
    </message>
    <message>
        <source>One record</source>
        <translation>One record</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>1 day overdue</source>
        <translation>1 day overdue</translation>
    </message>
    <message>
        <source>%1 days overdue</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <source>1 hour overdue</source>
        <translation>1 hour overdue</translation>
    </message>
    <message>
        <source>%1 hours overdue</source>
        <translation>%1 hours overdue</translation>
    </message>
    <message>
        <source>1 min overdue</source>
        <translation>1 min overdue</translation>
    </message>
    <message>
        <source>%1 min overdue</source>
        <translation>%1 min overdue</translation>
    </message>
    <message>
        <source>due in 1 day</source>
        <translation>due in 1 day</translation>
    </message>
    <message>
        <source>due in %1 days</source>
        <translation>due in %1 days</translation>
    </message>
    <message>
        <source>due in 1 hour</source>
        <translation>due in 1 hour</translation>
    </message>
    <message>
        <source>due in %1 hours</source>
        <translation>due in %1 hours</translation>
    </message>
    <message>
        <source>due in 1 min</source>
        <translation>due in 1 min</translation>
    </message>
    <message>
        <source>due in %1 min</source>
        <translation>due in %1 min</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 ago</translation>
    </message>
</context>
<context>
    <name>EndCaseDialog</name>
    <message>
        <source>Close case %1</source>
        <translation>Close case %1</translation>
    </message>
    <message>
        <source>Resolve case %1</source>
        <translation>Resolve case %1</translation>
    </message>
    <message>
        <source>Closing ends the case: nothing on it can be changed until someone reopens it.</source>
        <translation>Closing ends the case: nothing on it can be changed until someone reopens it.</translation>
    </message>
    <message>
        <source>Resolving says the work is done. The case can still be closed later.</source>
        <translation>Resolving says the work is done. The case can still be closed later.</translation>
    </message>
    <message>
        <source>Choose how it ended</source>
        <translation>Choose how it ended</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Outcome:</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>How the case ended, from this service&apos;s list.</source>
        <translation>How the case ended, from this service&apos;s list.</translation>
    </message>
    <message>
        <source>What was done, and what the citizen was told</source>
        <translation>What was done, and what the citizen was told</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Comment:</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Kept in the case&apos;s history. Tab moves on; Ctrl+Enter saves.</source>
        <translation>Kept in the case&apos;s history. Tab moves on; Ctrl+Enter saves.</translation>
    </message>
    <message>
        <source>C&amp;lose the case</source>
        <translation>C&amp;lose the case</translation>
    </message>
    <message>
        <source>&amp;Resolve the case</source>
        <translation>&amp;Resolve the case</translation>
    </message>
    <message>
        <source>Choose the outcome.</source>
        <translation>Choose the outcome.</translation>
    </message>
    <message>
        <source>Say what was done, for the case&apos;s history.</source>
        <translation>Say what was done, for the case&apos;s history.</translation>
    </message>
</context>
<context>
    <name>EntryReader</name>
    <message>
        <source>Selected entry</source>
        <translation>Selected entry</translation>
    </message>
    <message>
        <source>The whole of the entry chosen in the timeline: who, when, how and what.</source>
        <translation>The whole of the entry chosen in the timeline: who, when, how and what.</translation>
    </message>
    <message>
        <source>Choose an entry in the timeline to read it here.</source>
        <translation>Choose an entry in the timeline to read it here.</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>not known</translation>
    </message>
    <message>
        <source>Not about a case</source>
        <translation>Not about a case</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>How</source>
        <translation>How</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase the whole record</source>
        <translation>Erase the whole record</translation>
    </message>
    <message>
        <source>Anonymise: keep it for statistics, without any personal detail</source>
        <translation>Anonymise: keep it for statistics, without any personal detail</translation>
    </message>
    <message>
        <source>No longer needed</source>
        <translation>No longer needed</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Consent withdrawn</translation>
    </message>
    <message>
        <source>The citizen objects</source>
        <translation>The citizen objects</translation>
    </message>
    <message>
        <source>Held unlawfully</source>
        <translation>Held unlawfully</translation>
    </message>
    <message>
        <source>Required by law</source>
        <translation>Required by law</translation>
    </message>
    <message>
        <source>The citizen asked</source>
        <translation>The citizen asked</translation>
    </message>
    <message>
        <source>Retention schedule</source>
        <translation>Retention schedule</translation>
    </message>
    <message>
        <source>Council decision</source>
        <translation>Council decision</translation>
    </message>
    <message>
        <source>Court order</source>
        <translation>Court order</translation>
    </message>
    <message>
        <source>Erase this citizen</source>
        <translation>Erase this citizen</translation>
    </message>
    <message>
        <source>This removes %1&apos;s record, %2 cases, %3 contacts and notes, identifiers and consents from this laptop, every other laptop and the council&apos;s central database. It cannot be undone. A record of the erasure stays, without their details.</source>
        <translation>This removes %1&apos;s record, %2 cases, %3 contacts and notes, identifiers and consents from this laptop, every other laptop and the council&apos;s central database. It cannot be undone. A record of the erasure stays, without their details.</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;What:</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Erase or anonymise.</source>
        <translation>Erase or anonymise.</translation>
    </message>
    <message>
        <source>Legal &amp;basis:</source>
        <translation>Legal &amp;basis:</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>The ground for erasure in UK GDPR Article 17.</source>
        <translation>The ground for erasure in UK GDPR Article 17.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Why, in short.</source>
        <translation>Why, in short.</translation>
    </message>
    <message>
        <source>&amp;Erase everywhere</source>
        <translation>&amp;Erase everywhere</translation>
    </message>
    <message>
        <source>Erase everywhere (Ctrl+Enter)</source>
        <translation>Erase everywhere (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Erases the citizen from every copy. It cannot be undone.</source>
        <translation>Erases the citizen from every copy. It cannot be undone.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>What went wrong</source>
        <translation>What went wrong</translation>
    </message>
    <message>
        <source>The last thing that could not be done, and why.</source>
        <translation>The last thing that could not be done, and why.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something unexpected went wrong (%1: %2). Nothing was saved.</source>
        <translation>Something unexpected went wrong (%1: %2). Nothing was saved.</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>Could not %1: %2</translation>
    </message>
</context>
<context>
    <name>EscalationPanel</name>
    <message>
        <source>Escalation rules</source>
        <translation>Escalation rules</translation>
    </message>
    <message>
        <source>What the council&apos;s central service does when a case is late, or nearly: tell the queue&apos;s supervisors, raise the priority, or move it to another queue. Insert adds a rule; Enter changes the chosen one; Space turns it off or on.</source>
        <translation>What the council&apos;s central service does when a case is late, or nearly: tell the queue&apos;s supervisors, raise the priority, or move it to another queue. Insert adds a rule; Enter changes the chosen one; Space turns it off or on.</translation>
    </message>
    <message>
        <source>Insert adds a rule, Enter changes the chosen one, Space turns it off or on.</source>
        <translation>Insert adds a rule, Enter changes the chosen one, Space turns it off or on.</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>What went wrong</translation>
    </message>
    <message>
        <source>&amp;Add a rule…</source>
        <translation>&amp;Add a rule…</translation>
    </message>
    <message>
        <source>Add a rule (Insert)</source>
        <translation>Add a rule (Insert)</translation>
    </message>
    <message>
        <source>Adds an escalation rule.</source>
        <translation>Adds an escalation rule.</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>Ed&amp;it…</translation>
    </message>
    <message>
        <source>Change the rule (Enter)</source>
        <translation>Change the rule (Enter)</translation>
    </message>
    <message>
        <source>Changes the chosen rule&apos;s name, what it watches, when it fires or what it does.</source>
        <translation>Changes the chosen rule&apos;s name, what it watches, when it fires or what it does.</translation>
    </message>
    <message>
        <source>&amp;Turn off</source>
        <translation>&amp;Turn off</translation>
    </message>
    <message>
        <source>Turn the rule off or on (Space)</source>
        <translation>Turn the rule off or on (Space)</translation>
    </message>
    <message>
        <source>A rule turned off fires no more; turned on again, it fires as before.</source>
        <translation>A rule turned off fires no more; turned on again, it fires as before.</translation>
    </message>
    <message>
        <source>&amp;Turn on</source>
        <translation>&amp;Turn on</translation>
    </message>
</context>
<context>
    <name>EscalationRuleDialog</name>
    <message>
        <source>Add an escalation rule</source>
        <translation>Add an escalation rule</translation>
    </message>
    <message>
        <source>Change an escalation rule</source>
        <translation>Change an escalation rule</translation>
    </message>
    <message>
        <source>The council&apos;s central service applies the rule once to each open case it watches: at the due time, or a number of working hours before it.</source>
        <translation>The council&apos;s central service applies the rule once to each open case it watches: at the due time, or a number of working hours before it.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>What the rule is for, in words colleagues will recognise.</source>
        <translation>What the rule is for, in words colleagues will recognise.</translation>
    </message>
    <message>
        <source>&amp;Welsh name:</source>
        <translation>&amp;Welsh name:</translation>
    </message>
    <message>
        <source>Welsh name</source>
        <translation>Welsh name</translation>
    </message>
    <message>
        <source>Optional: shown instead when the window is in Welsh.</source>
        <translation>Optional: shown instead when the window is in Welsh.</translation>
    </message>
    <message>
        <source>Any service</source>
        <translation>Any service</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>Ser&amp;vice:</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>The service whose cases the rule watches.</source>
        <translation>The service whose cases the rule watches.</translation>
    </message>
    <message>
        <source>Any queue</source>
        <translation>Any queue</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>&amp;Queue:</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>The queue whose cases the rule watches.</source>
        <translation>The queue whose cases the rule watches.</translation>
    </message>
    <message>
        <source>The first response</source>
        <translation>The first response</translation>
    </message>
    <message>
        <source>The resolution</source>
        <translation>The resolution</translation>
    </message>
    <message>
        <source>Due &amp;time:</source>
        <translation>Due &amp;time:</translation>
    </message>
    <message>
        <source>Due time</source>
        <translation>Due time</translation>
    </message>
    <message>
        <source>Which due time the rule watches.</source>
        <translation>Which due time the rule watches.</translation>
    </message>
    <message>
        <source>When it is late</source>
        <translation>When it is late</translation>
    </message>
    <message>
        <source> working hours before</source>
        <translation> working hours before</translation>
    </message>
    <message>
        <source>&amp;Fires:</source>
        <translation>&amp;Fires:</translation>
    </message>
    <message>
        <source>Fires</source>
        <translation>Fires</translation>
    </message>
    <message>
        <source>0: when the case is late; otherwise this many working hours before it is due.</source>
        <translation>0: when the case is late; otherwise this many working hours before it is due.</translation>
    </message>
    <message>
        <source>Tell the queue&apos;s supervisors</source>
        <translation>Tell the queue&apos;s supervisors</translation>
    </message>
    <message>
        <source>Raise the priority</source>
        <translation>Raise the priority</translation>
    </message>
    <message>
        <source>Move to another queue</source>
        <translation>Move to another queue</translation>
    </message>
    <message>
        <source>&amp;Does:</source>
        <translation>&amp;Does:</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Does</translation>
    </message>
    <message>
        <source>What happens to a case the rule fires for.</source>
        <translation>What happens to a case the rule fires for.</translation>
    </message>
    <message>
        <source>Choose a queue</source>
        <translation>Choose a queue</translation>
    </message>
    <message>
        <source>&amp;Move to:</source>
        <translation>&amp;Move to:</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Move to</translation>
    </message>
    <message>
        <source>The queue the cases move to.</source>
        <translation>The queue the cases move to.</translation>
    </message>
    <message>
        <source>Why this rule cannot be used</source>
        <translation>Why this rule cannot be used</translation>
    </message>
    <message>
        <source>What is wrong with the rule as it was read.</source>
        <translation>What is wrong with the rule as it was read.</translation>
    </message>
    <message>
        <source>This rule cannot be used as it is (%1). Put it right here and save, or cancel to leave it.</source>
        <translation>This rule cannot be used as it is (%1). Put it right here and save, or cancel to leave it.</translation>
    </message>
    <message>
        <source>%1 (no longer open)</source>
        <translation>%1 (no longer open)</translation>
    </message>
    <message>
        <source>Give the rule a name colleagues will recognise.</source>
        <translation>Give the rule a name colleagues will recognise.</translation>
    </message>
    <message>
        <source>Choose a service or a queue (or both): a rule watching every case would escalate them all.</source>
        <translation>Choose a service or a queue (or both): a rule watching every case would escalate them all.</translation>
    </message>
    <message>
        <source>Choose the queue the cases move to.</source>
        <translation>Choose the queue the cases move to.</translation>
    </message>
</context>
<context>
    <name>EscalationRulesModel</name>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Watches</source>
        <translation>Watches</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Does</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Cannot be used</source>
        <translation>Cannot be used</translation>
    </message>
    <message>
        <source>Cannot be used: %1</source>
        <translation>Cannot be used: %1</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <source>Queue: %1</source>
        <translation>Queue: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n working hours before the first response is due</source>
        <translation>
            <numerusform>%n working hour before the first response is due</numerusform>
            <numerusform>%n working hours before the first response is due</numerusform>
        </translation>
    </message>
    <message>
        <source>When the first response is late</source>
        <translation>When the first response is late</translation>
    </message>
    <message numerus="yes">
        <source>%n working hours before the resolution is due</source>
        <translation>
            <numerusform>%n working hour before the resolution is due</numerusform>
            <numerusform>%n working hours before the resolution is due</numerusform>
        </translation>
    </message>
    <message>
        <source>When the resolution is late</source>
        <translation>When the resolution is late</translation>
    </message>
    <message>
        <source>Tell the queue&apos;s supervisors</source>
        <translation>Tell the queue&apos;s supervisors</translation>
    </message>
    <message>
        <source>Raise the priority</source>
        <translation>Raise the priority</translation>
    </message>
    <message>
        <source>Move to %1 (missing: cases stay)</source>
        <translation>Move to %1 (missing: cases stay)</translation>
    </message>
    <message>
        <source>Move to %1 (closed: cases stay)</source>
        <translation>Move to %1 (closed: cases stay)</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>Move to %1</translation>
    </message>
</context>
<context>
    <name>FigureCard</name>
    <message>
        <source>Enter lists the cases behind the chosen cell.</source>
        <translation>Enter lists the cases behind the chosen cell.</translation>
    </message>
    <message>
        <source>%1 (Enter lists these cases)</source>
        <translation>%1 (Enter lists these cases)</translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation>Nothing to show.</translation>
    </message>
</context>
<context>
    <name>FirstConnectDialog</name>
    <message>
        <source>Connect to your council&apos;s service</source>
        <translation>Connect to your council&apos;s service</translation>
    </message>
    <message>
        <source>This computer holds no records yet. Connect to your council&apos;s central service to bring down your share of its cases and citizens; you can then work with or without a connection. Ask your system administrator for the address.</source>
        <translation>This computer holds no records yet. Connect to your council&apos;s central service to bring down your share of its cases and citizens; you can then work with or without a connection. Ask your system administrator for the address.</translation>
    </message>
    <message>
        <source>Central service address (Alt+A)</source>
        <translation>Central service address (Alt+A)</translation>
    </message>
    <message>
        <source>The address of the council&apos;s case database, starting https://</source>
        <translation>The address of the council&apos;s case database, starting https://</translation>
    </message>
    <message>
        <source>Your user name (Alt+U)</source>
        <translation>Your user name (Alt+U)</translation>
    </message>
    <message>
        <source>Your user name on the central service.</source>
        <translation>Your user name on the central service.</translation>
    </message>
    <message>
        <source>Password (Alt+P)</source>
        <translation>Password (Alt+P)</translation>
    </message>
    <message>
        <source>Your password on the central service.</source>
        <translation>Your password on the central service.</translation>
    </message>
    <message>
        <source>Records brought down</source>
        <translation>Records brought down</translation>
    </message>
    <message>
        <source>Connection message</source>
        <translation>Connection message</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Connect (Enter)</source>
        <translation>Connect (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Type your user name and password.</source>
        <translation>Type your user name and password.</translation>
    </message>
    <message>
        <source>The central service did not answer. Check the address and the network, then try again.</source>
        <translation>The central service did not answer. Check the address and the network, then try again.</translation>
    </message>
    <message>
        <source>Checking with the central service…</source>
        <translation>Checking with the central service…</translation>
    </message>
    <message>
        <source>Bringing down your records: %1 so far…</source>
        <translation>Bringing down your records: %1 so far…</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Could not connect: %1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Stopping…</translation>
    </message>
</context>
<context>
    <name>FirstSyncGate</name>
    <message>
        <source>first sync not started: Sync now (F5) starts it when you are ready</source>
        <translation>first sync not started: Sync now (F5) starts it when you are ready</translation>
    </message>
</context>
<context>
    <name>FirstSyncQuestion</name>
    <message>
        <source>First sync</source>
        <translation>First sync</translation>
    </message>
    <message>
        <source>This laptop&apos;s first sync will bring about %1 documents (more than %2). It can take a while and is best done on a good connection.</source>
        <translation>This laptop&apos;s first sync will bring about %1 documents (more than %2). It can take a while and is best done on a good connection.</translation>
    </message>
    <message>
        <source>What the first sync will bring</source>
        <translation>What the first sync will bring</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continue</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Starts the sync now; you will not be asked again for this service.</source>
        <translation>Starts the sync now; you will not be asked again for this service.</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Not now</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>Leaves the sync unstarted; Sync now (F5) asks again.</source>
        <translation>Leaves the sync unstarted; Sync now (F5) asks again.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Why this could not be saved yet.</source>
        <translation>Why this could not be saved yet.</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>What went wrong</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Saves and closes this dialog.</source>
        <translation>Saves and closes this dialog.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Closes this dialog without saving anything.</source>
        <translation>Closes this dialog without saving anything.</translation>
    </message>
    <message>
        <source>Problem with %1</source>
        <translation>Problem with %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>%1 — “%2”</source>
        <translation>%1 — “%2”</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>nobody</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Opened the case (%1)</source>
        <translation>Opened the case (%1)</translation>
    </message>
    <message>
        <source>Resolved conflicting changes</source>
        <translation>Resolved conflicting changes</translation>
    </message>
    <message>
        <source>Deadline extended to three months</source>
        <translation>Deadline extended to three months</translation>
    </message>
    <message>
        <source>Complaint moved to stage %1</source>
        <translation>Complaint moved to stage %1</translation>
    </message>
    <message>
        <source>Linked to the citizen %1</source>
        <translation>Linked to the citizen %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, from %2 to %3</source>
        <translation>%1, from %2 to %3</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>IdentifierDialog</name>
    <message>
        <source>Add an identifier</source>
        <translation>Add an identifier</translation>
    </message>
    <message>
        <source>A way to reach or recognise the citizen. Ask only for what the task needs.</source>
        <translation>A way to reach or recognise the citizen. Ask only for what the task needs.</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>Kind of identifier</source>
        <translation>Kind of identifier</translation>
    </message>
    <message>
        <source>Phone, email, address, social media handle or app account.</source>
        <translation>Phone, email, address, social media handle or app account.</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Value:</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>The number, address or handle itself, e.g. 029 2087 2087.</source>
        <translation>The number, address or handle itself, e.g. 029 2087 2087.</translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>The postcode of the address, e.g. CF10 4UW.</source>
        <translation>The postcode of the address, e.g. CF10 4UW.</translation>
    </message>
    <message>
        <source>optional, e.g. mobile, work, home</source>
        <translation>optional, e.g. mobile, work, home</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Label:</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Optional: which phone or address this is, e.g. mobile or work.</source>
        <translation>Optional: which phone or address this is, e.g. mobile or work.</translation>
    </message>
    <message>
        <source>Verified &amp;by:</source>
        <translation>Verified &amp;by:</translation>
    </message>
    <message>
        <source>How it was verified</source>
        <translation>How it was verified</translation>
    </message>
    <message>
        <source>How you checked that it belongs to the citizen, or Not verified.</source>
        <translation>How you checked that it belongs to the citizen, or Not verified.</translation>
    </message>
    <message>
        <source>e.g. 029 2087 2087 or 07700 900123</source>
        <translation>e.g. 029 2087 2087 or 07700 900123</translation>
    </message>
    <message>
        <source>e.g. name@example.org</source>
        <translation>e.g. name@example.org</translation>
    </message>
    <message>
        <source>e.g. 1 Castle Street, Cardiff</source>
        <translation>e.g. 1 Castle Street, Cardiff</translation>
    </message>
    <message>
        <source>e.g. @name@instance.social</source>
        <translation>e.g. @name@instance.social</translation>
    </message>
    <message>
        <source>the account id shown in the citizen app</source>
        <translation>the account id shown in the citizen app</translation>
    </message>
</context>
<context>
    <name>IdentifiersModel</name>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>How it was verified</source>
        <translation>How it was verified</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Setting up a demo council with %1 citizens. This happens once and takes a minute or so…</source>
        <translation>Setting up a demo council with %1 citizens. This happens once and takes a minute or so…</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <source>Seeding progress</source>
        <translation>Seeding progress</translation>
    </message>
</context>
<context>
    <name>LinkCitizenDialog</name>
    <message>
        <source>Link to a citizen</source>
        <translation>Link to a citizen</translation>
    </message>
    <message>
        <source>Find the person this case is about: a name, phone number, postcode or email. Up and Down choose.</source>
        <translation>Find the person this case is about: a name, phone number, postcode or email. Up and Down choose.</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <source>Find a citizen</source>
        <translation>Find a citizen</translation>
    </message>
    <message>
        <source>Type a name, phone number, postcode or email.</source>
        <translation>Type a name, phone number, postcode or email.</translation>
    </message>
    <message>
        <source>&amp;Citizen:</source>
        <translation>&amp;Citizen:</translation>
    </message>
    <message>
        <source>Citizens found</source>
        <translation>Citizens found</translation>
    </message>
    <message>
        <source>The citizen to link this case to. Up and Down choose.</source>
        <translation>The citizen to link this case to. Up and Down choose.</translation>
    </message>
    <message>
        <source>No citizen on this laptop matches “%1”.</source>
        <translation>No citizen on this laptop matches “%1”.</translation>
    </message>
    <message>
        <source>Find and choose the citizen to link the case to.</source>
        <translation>Find and choose the citizen to link the case to.</translation>
    </message>
</context>
<context>
    <name>LinkMentionDialog</name>
    <message>
        <source>Link the mention to a citizen</source>
        <translation>Link the mention to a citizen</translation>
    </message>
    <message>
        <source>Find the person who posted this: a name, phone number, postcode or email. Up and Down choose.</source>
        <translation>Find the person who posted this: a name, phone number, postcode or email. Up and Down choose.</translation>
    </message>
    <message>
        <source>Find and choose the citizen who posted this.</source>
        <translation>Find and choose the citizen who posted this.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Caseworker (locked)</source>
        <translation>Caseworker (locked)</translation>
    </message>
    <message>
        <source>Caseworker is locked</source>
        <translation>Caseworker is locked</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Signed in as %1.</translation>
    </message>
    <message>
        <source>Password (Alt+P)</source>
        <translation>Password (Alt+P)</translation>
    </message>
    <message>
        <source>The password you signed in with (with no central service, the records&apos; passphrase); Enter unlocks.</source>
        <translation>The password you signed in with (with no central service, the records&apos; passphrase); Enter unlocks.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Lock message</source>
        <translation>Lock message</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Unlock (Enter)</source>
        <translation>Unlock (Enter)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>Sign out (Alt+O)</source>
        <translation>Sign out (Alt+O)</translation>
    </message>
    <message>
        <source>Ends your session; unsaved typing in open forms is lost.</source>
        <translation>Ends your session; unsaved typing in open forms is lost.</translation>
    </message>
    <message>
        <source>No password is kept for this computer&apos;s Caseworker (it has no central service), so it cannot check who you are: sign out, then sign in again.</source>
        <translation>No password is kept for this computer&apos;s Caseworker (it has no central service), so it cannot check who you are: sign out, then sign in again.</translation>
    </message>
    <message>
        <source>That is not your password. Try again.</source>
        <translation>That is not your password. Try again.</translation>
    </message>
    <message>
        <source>That is not your password. Wait a moment, then try again.</source>
        <translation>That is not your password. Wait a moment, then try again.</translation>
    </message>
</context>
<context>
    <name>LogContactDialog</name>
    <message>
        <source>Log a contact</source>
        <translation>Log a contact</translation>
    </message>
    <message>
        <source>Record a call, visit, message or letter so everyone sees it in the timeline.</source>
        <translation>Record a call, visit, message or letter so everyone sees it in the timeline.</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>C&amp;hannel:</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>How the contact happened: phone, email, web form, app, walk-in, letter…</source>
        <translation>How the contact happened: phone, email, web form, app, walk-in, letter…</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>&amp;Direction:</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Whether the citizen contacted the council, or the council contacted them.</source>
        <translation>Whether the citizen contacted the council, or the council contacted them.</translation>
    </message>
    <message>
        <source>What was it about? What was promised?</source>
        <translation>What was it about? What was promised?</translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation>Su&amp;mmary:</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>A few words on what was said and anything promised. Tab moves on.</source>
        <translation>A few words on what was said and anything promised. Tab moves on.</translation>
    </message>
    <message>
        <source>Not about a particular case</source>
        <translation>Not about a particular case</translation>
    </message>
    <message>
        <source>Ca&amp;se:</source>
        <translation>Ca&amp;se:</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>The case this contact is about, if any.</source>
        <translation>The case this contact is about, if any.</translation>
    </message>
    <message>
        <source>Say briefly what the contact was about.</source>
        <translation>Say briefly what the contact was about.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Caseworker</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <source>Search (Ctrl+K):</source>
        <translation>Search (Ctrl+K):</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Menu bar</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Sync &amp;now</translation>
    </message>
    <message>
        <source>Central &amp;service…</source>
        <translation>Central &amp;service…</translation>
    </message>
    <message>
        <source>Sync &amp;problems…</source>
        <translation>Sync &amp;problems…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>Sign out and &amp;forget this computer</source>
        <translation>Sign out and &amp;forget this computer</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Caller</source>
        <translation>&amp;Caller</translation>
    </message>
    <message>
        <source>&amp;New citizen…</source>
        <translation>&amp;New citizen…</translation>
    </message>
    <message>
        <source>Log an &amp;anonymous contact…</source>
        <translation>Log an &amp;anonymous contact…</translation>
    </message>
    <message>
        <source>Open a case for &amp;no one…</source>
        <translation>Open a case for &amp;no one…</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Find a citizen or case</source>
        <translation>&amp;Find a citizen or case</translation>
    </message>
    <message>
        <source>Likely &amp;duplicates</source>
        <translation>Likely &amp;duplicates</translation>
    </message>
    <message>
        <source>&amp;Next tab</source>
        <translation>&amp;Next tab</translation>
    </message>
    <message>
        <source>&amp;Previous tab</source>
        <translation>&amp;Previous tab</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>&amp;Close tab</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>&amp;Smaller text</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>&amp;Normal text size</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>Likely duplicates</translation>
    </message>
    <message>
        <source>Open a citizen&apos;s record to act on it</source>
        <translation>Open a citizen&apos;s record to act on it</translation>
    </message>
    <message>
        <source>Open a case to act on it</source>
        <translation>Open a case to act on it</translation>
    </message>
    <message>
        <source>In a case</source>
        <translation>In a case</translation>
    </message>
    <message>
        <source>In a citizen&apos;s record</source>
        <translation>In a citizen&apos;s record</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Every action of the window and its keys.</source>
        <translation>Every action of the window and its keys.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Open the highlighted result or case</source>
        <translation>Open the highlighted result or case</translation>
    </message>
    <message>
        <source>Move through search results</source>
        <translation>Move through search results</translation>
    </message>
    <message>
        <source>Filter the case list</source>
        <translation>Filter the case list</translation>
    </message>
    <message>
        <source>Anywhere in the window</source>
        <translation>Anywhere in the window</translation>
    </message>
    <message>
        <source>In the mentions inbox</source>
        <translation>In the mentions inbox</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Closes this list.</source>
        <translation>Closes this list.</translation>
    </message>
    <message>
        <source>%1 — Caseworker</source>
        <translation>%1 — Caseworker</translation>
    </message>
</context>
<context>
    <name>Marker</name>
    <message>
        <source>Safeguarding</source>
        <translation>Safeguarding</translation>
    </message>
    <message>
        <source>Officer safety</source>
        <translation>Officer safety</translation>
    </message>
    <message>
        <source>Vulnerability</source>
        <translation>Vulnerability</translation>
    </message>
    <message>
        <source>Accessibility need</source>
        <translation>Accessibility need</translation>
    </message>
    <message>
        <source>review overdue since %1</source>
        <translation>review overdue since %1</translation>
    </message>
    <message>
        <source>review by %1</source>
        <translation>review by %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Set by %1 on %2, %3</source>
        <translation>Set by %1 on %2, %3</translation>
    </message>
    <message>
        <source>At %1.</source>
        <translation>At %1.</translation>
    </message>
    <message>
        <source>Warning marker. Enter reviews or ends it.</source>
        <translation>Warning marker. Enter reviews or ends it.</translation>
    </message>
    <message>
        <source>Warning marker</source>
        <translation>Warning marker</translation>
    </message>
</context>
<context>
    <name>MarkerDialog</name>
    <message>
        <source>Set a warning marker</source>
        <translation>Set a warning marker</translation>
    </message>
    <message>
        <source>Everyone who opens this citizen sees the warning first; an officer-safety warning also shows on every case at its address.</source>
        <translation>Everyone who opens this citizen sees the warning first; an officer-safety warning also shows on every case at its address.</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>What sort of warning.</source>
        <translation>What sort of warning.</translation>
    </message>
    <message>
        <source>for example: visit in pairs</source>
        <translation>for example: visit in pairs</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Why:</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>What colleagues need to know, in a line.</source>
        <translation>What colleagues need to know, in a line.</translation>
    </message>
    <message>
        <source>&amp;Review by:</source>
        <translation>&amp;Review by:</translation>
    </message>
    <message>
        <source>Review by</source>
        <translation>Review by</translation>
    </message>
    <message>
        <source>When someone should check the warning is still needed.</source>
        <translation>When someone should check the warning is still needed.</translation>
    </message>
    <message>
        <source>the citizen&apos;s address</source>
        <translation>the citizen&apos;s address</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Officer safety: the address it applies to. Empty: the citizen&apos;s own.</source>
        <translation>Officer safety: the address it applies to. Empty: the citizen&apos;s own.</translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>The postcode of that address.</source>
        <translation>The postcode of that address.</translation>
    </message>
    <message>
        <source>Say why the warning is needed.</source>
        <translation>Say why the warning is needed.</translation>
    </message>
</context>
<context>
    <name>MarkerReviewDialog</name>
    <message>
        <source>Review a warning</source>
        <translation>Review a warning</translation>
    </message>
    <message>
        <source>%1, set by %2 on %3. Still needed? Set when to review it next, or end it.</source>
        <translation>%1, set by %2 on %3. Still needed? Set when to review it next, or end it.</translation>
    </message>
    <message>
        <source>Next &amp;review by:</source>
        <translation>Next &amp;review by:</translation>
    </message>
    <message>
        <source>Next review by</source>
        <translation>Next review by</translation>
    </message>
    <message>
        <source>When someone should check again that the warning is still needed.</source>
        <translation>When someone should check again that the warning is still needed.</translation>
    </message>
    <message>
        <source>&amp;End warning…</source>
        <translation>&amp;End warning…</translation>
    </message>
    <message>
        <source>End warning</source>
        <translation>End warning</translation>
    </message>
    <message>
        <source>No longer needed: asks before ending it. It stays on the record as ended.</source>
        <translation>No longer needed: asks before ending it. It stays on the record as ended.</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <source>Queue members</source>
        <translation>Queue members</translation>
    </message>
    <message>
        <source>Queue (Alt+Q)</source>
        <translation>Queue (Alt+Q)</translation>
    </message>
    <message>
        <source>The queue whose members are listed.</source>
        <translation>The queue whose members are listed.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Who works this queue. Delete takes the chosen one off it.</source>
        <translation>Who works this queue. Delete takes the chosen one off it.</translation>
    </message>
    <message>
        <source>Ta&amp;ke off queue</source>
        <translation>Ta&amp;ke off queue</translation>
    </message>
    <message>
        <source>Take off queue (Alt+K)</source>
        <translation>Take off queue (Alt+K)</translation>
    </message>
    <message>
        <source>Takes the chosen member off this queue.</source>
        <translation>Takes the chosen member off this queue.</translation>
    </message>
    <message>
        <source>Member of staff to add</source>
        <translation>Member of staff to add</translation>
    </message>
    <message>
        <source>Someone who does not work this queue.</source>
        <translation>Someone who does not work this queue.</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>A&amp;dd</translation>
    </message>
    <message>
        <source>Add to queue (Alt+D)</source>
        <translation>Add to queue (Alt+D)</translation>
    </message>
    <message>
        <source>Adds the chosen member of staff to the queue.</source>
        <translation>Adds the chosen member of staff to the queue.</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>What went wrong</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>&amp;Queue:</translation>
    </message>
</context>
<context>
    <name>MentionDetail</name>
    <message>
        <source>The chosen mention</source>
        <translation>The chosen mention</translation>
    </message>
    <message>
        <source>Posted by</source>
        <translation>Posted by</translation>
    </message>
    <message>
        <source>Posted at</source>
        <translation>Posted at</translation>
    </message>
    <message>
        <source>Deleted at its source: its words are gone.</source>
        <translation>Deleted at its source: its words are gone.</translation>
    </message>
    <message>
        <source>Deleted at its source</source>
        <translation>Deleted at its source</translation>
    </message>
    <message>
        <source>The post</source>
        <translation>The post</translation>
    </message>
    <message>
        <source>The post&apos;s words. Nothing in it loads or opens by itself.</source>
        <translation>The post&apos;s words. Nothing in it loads or opens by itself.</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Links to the post&apos;s photos or videos. Enter opens one in your web browser.</source>
        <translation>Links to the post&apos;s photos or videos. Enter opens one in your web browser.</translation>
    </message>
    <message>
        <source>Attachments (links, not opened):</source>
        <translation>Attachments (links, not opened):</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <source>Suggested citizen</source>
        <translation>Suggested citizen</translation>
    </message>
    <message>
        <source>Suggested service</source>
        <translation>Suggested service</translation>
    </message>
    <message>
        <source>Triage:</source>
        <translation>Triage:</translation>
    </message>
    <message>
        <source>Suggested citizen:</source>
        <translation>Suggested citizen:</translation>
    </message>
    <message>
        <source>Suggested service:</source>
        <translation>Suggested service:</translation>
    </message>
    <message>
        <source>No mention chosen</source>
        <translation>No mention chosen</translation>
    </message>
    <message>
        <source>citizen: %1</source>
        <translation>citizen: %1</translation>
    </message>
    <message>
        <source>case %1</source>
        <translation>case %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>by %1</translation>
    </message>
    <message>
        <source>Linked already.</source>
        <translation>Linked already.</translation>
    </message>
    <message>
        <source>None: nobody on this laptop is likely enough. Choose one (C).</source>
        <translation>None: nobody on this laptop is likely enough. Choose one (C).</translation>
    </message>
    <message>
        <source>%1, %2% likely: %3</source>
        <translation>%1, %2% likely: %3</translation>
    </message>
    <message>
        <source>%1 (words: %2)</source>
        <translation>%1 (words: %2)</translation>
    </message>
    <message>
        <source>None: these fit alike, choose one: %1</source>
        <translation>None: these fit alike, choose one: %1</translation>
    </message>
    <message>
        <source>None: no service&apos;s words are in the post.</source>
        <translation>None: no service&apos;s words are in the post.</translation>
    </message>
</context>
<context>
    <name>MentionListModel</name>
    <message>
        <source>(deleted at its source)</source>
        <translation>(deleted at its source)</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Posted</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>MentionReply</name>
    <message>
        <source>waiting to be posted</source>
        <translation>waiting to be posted</translation>
    </message>
    <message>
        <source>being posted</source>
        <translation>being posted</translation>
    </message>
    <message>
        <source>posted</source>
        <translation>posted</translation>
    </message>
    <message>
        <source>not posted</source>
        <translation>not posted</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>Public reply on Mastodon: %1</source>
        <translation>Public reply on Mastodon: %1</translation>
    </message>
</context>
<context>
    <name>MentionStates</name>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Linked to a citizen</source>
        <translation>Linked to a citizen</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Dismissed</translation>
    </message>
</context>
<context>
    <name>MentionsPage</name>
    <message>
        <source>Mentions</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Show (Alt+S)</source>
        <translation>Show (Alt+S)</translation>
    </message>
    <message>
        <source>Which mentions are listed, by triage.</source>
        <translation>Which mentions are listed, by triage.</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <source>Number of mentions</source>
        <translation>Number of mentions</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Posts that mention the council, newest first. L links, C chooses a citizen, O opens a case, R drafts a reply, D dismisses, N puts back to new.</source>
        <translation>Posts that mention the council, newest first. L links, C chooses a citizen, O opens a case, R drafts a reply, D dismisses, N puts back to new.</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Link</translation>
    </message>
    <message>
        <source>Link to the suggested citizen</source>
        <translation>Link to the suggested citizen</translation>
    </message>
    <message>
        <source>&amp;Choose citizen…</source>
        <translation>&amp;Choose citizen…</translation>
    </message>
    <message>
        <source>Find the citizen who posted it</source>
        <translation>Find the citizen who posted it</translation>
    </message>
    <message>
        <source>&amp;Open case…</source>
        <translation>&amp;Open case…</translation>
    </message>
    <message>
        <source>Open a case, the suggested service first</source>
        <translation>Open a case, the suggested service first</translation>
    </message>
    <message>
        <source>&amp;Reply…</source>
        <translation>&amp;Reply…</translation>
    </message>
    <message>
        <source>Draft a public reply, kept with its case</source>
        <translation>Draft a public reply, kept with its case</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Dismiss</translation>
    </message>
    <message>
        <source>Dismiss as not actionable</source>
        <translation>Dismiss as not actionable</translation>
    </message>
    <message>
        <source>Back to &amp;new</source>
        <translation>Back to &amp;new</translation>
    </message>
    <message>
        <source>Put it back with the new ones</source>
        <translation>Put it back with the new ones</translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n mention</numerusform>
            <numerusform>%n mentions</numerusform>
        </translation>
    </message>
    <message>
        <source>Linked to %1.</source>
        <translation>Linked to %1.</translation>
    </message>
    <message>
        <source>Dismissed as not actionable.</source>
        <translation>Dismissed as not actionable.</translation>
    </message>
    <message>
        <source>Back with the new mentions.</source>
        <translation>Back with the new mentions.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>NavigationRail</name>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <source>Your open cases, soonest due first.</source>
        <translation>Your open cases, soonest due first.</translation>
    </message>
    <message>
        <source>The open cases waiting in a queue.</source>
        <translation>The open cases waiting in a queue.</translation>
    </message>
    <message>
        <source>Everyone and every case the search box found.</source>
        <translation>Everyone and every case the search box found.</translation>
    </message>
    <message>
        <source>Workload, breaches and trends of the cases on this laptop.</source>
        <translation>Workload, breaches and trends of the cases on this laptop.</translation>
    </message>
    <message>
        <source>Which queue new cases go to, and who works each queue.</source>
        <translation>Which queue new cases go to, and who works each queue.</translation>
    </message>
    <message>
        <source>Social-media posts that mention the council, to triage.</source>
        <translation>Social-media posts that mention the council, to triage.</translation>
    </message>
    <message>
        <source>Escalation rules, and the council calendar due times are counted on.</source>
        <translation>Escalation rules, and the council calendar due times are counted on.</translation>
    </message>
</context>
<context>
    <name>NewCitizenDialog</name>
    <message>
        <source>New citizen</source>
        <translation>New citizen</translation>
    </message>
    <message>
        <source>Only a name is needed. Ask for a phone number or email if the council will need to reach them. The details are held to deal with their enquiry.</source>
        <translation>Only a name is needed. Ask for a phone number or email if the council will need to reach them. The details are held to deal with their enquiry.</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Given name:</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Given name</translation>
    </message>
    <message>
        <source>Required: the caller&apos;s first name.</source>
        <translation>Required: the caller&apos;s first name.</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>&amp;Family name:</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>Required: the caller&apos;s surname.</source>
        <translation>Required: the caller&apos;s surname.</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>Date of &amp;birth:</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Optional: day/month/year. Helps tell people with the same name apart.</source>
        <translation>Optional: day/month/year. Helps tell people with the same name apart.</translation>
    </message>
    <message>
        <source>e.g. 02/04/1980</source>
        <translation>e.g. 02/04/1980</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>Optional: a UK phone number to reach them on.</source>
        <translation>Optional: a UK phone number to reach them on.</translation>
    </message>
    <message>
        <source>e.g. 07700 900123</source>
        <translation>e.g. 07700 900123</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Email address</translation>
    </message>
    <message>
        <source>Optional: an email address to reach them at.</source>
        <translation>Optional: an email address to reach them at.</translation>
    </message>
    <message>
        <source>P&amp;ostcode:</source>
        <translation>P&amp;ostcode:</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Optional: the postcode of their home.</source>
        <translation>Optional: the postcode of their home.</translation>
    </message>
    <message>
        <source>e.g. CF10 1AB</source>
        <translation>e.g. CF10 1AB</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Preferred language</translation>
    </message>
    <message>
        <source>The language the caller would like the council to use.</source>
        <translation>The language the caller would like the council to use.</translation>
    </message>
    <message>
        <source>&amp;Already on file?</source>
        <translation>&amp;Already on file?</translation>
    </message>
    <message>
        <source>Likely matches already on file</source>
        <translation>Likely matches already on file</translation>
    </message>
    <message>
        <source>People on file with the same phone, email, or name and date of birth. Enter opens one instead of making a new record.</source>
        <translation>People on file with the same phone, email, or name and date of birth. Enter opens one instead of making a new record.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Already on file? %n likely match(es): Enter opens one.</source>
        <translation>
            <numerusform>&amp;Already on file? %n likely match: Enter opens one.</numerusform>
            <numerusform>&amp;Already on file? %n likely matches: Enter opens one.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Save as new anyway</source>
        <translation>&amp;Save as new anyway</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>same phone number</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>same email</translation>
    </message>
    <message>
        <source>same name and date of birth</source>
        <translation>same name and date of birth</translation>
    </message>
    <message>
        <source>%1% likely</source>
        <translation>%1% likely</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>(directory summary)</source>
        <translation>(directory summary)</translation>
    </message>
    <message>
        <source>Enter the caller&apos;s given name.</source>
        <translation>Enter the caller&apos;s given name.</translation>
    </message>
    <message>
        <source>Enter the caller&apos;s family name.</source>
        <translation>Enter the caller&apos;s family name.</translation>
    </message>
    <message>
        <source>Enter the date of birth as day/month/year.</source>
        <translation>Enter the date of birth as day/month/year.</translation>
    </message>
    <message>
        <source>%1 is not a whole UK phone number (10 or 11 digits from 0).</source>
        <translation>%1 is not a whole UK phone number (10 or 11 digits from 0).</translation>
    </message>
    <message>
        <source>%1 is not an email address.</source>
        <translation>%1 is not an email address.</translation>
    </message>
    <message>
        <source>%1 is not a UK postcode (e.g. CF10 1AB).</source>
        <translation>%1 is not a UK postcode (e.g. CF10 1AB).</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Add a note</source>
        <translation>Add a note</translation>
    </message>
    <message>
        <source>Notes are for staff: the citizen does not see them.</source>
        <translation>Notes are for staff: the citizen does not see them.</translation>
    </message>
    <message>
        <source>Write the note here</source>
        <translation>Write the note here</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>The text of the note. Tab moves on; Ctrl+Enter saves.</source>
        <translation>The text of the note. Tab moves on; Ctrl+Enter saves.</translation>
    </message>
    <message>
        <source>About the citizen in general</source>
        <translation>About the citizen in general</translation>
    </message>
    <message>
        <source>Ca&amp;se:</source>
        <translation>Ca&amp;se:</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>The case the note is about, if any.</source>
        <translation>The case the note is about, if any.</translation>
    </message>
    <message>
        <source>A note cannot be empty.</source>
        <translation>A note cannot be empty.</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>OfficersPanel</name>
    <message>
        <source>Officers (drop cases here)</source>
        <translation>Officers (drop cases here)</translation>
    </message>
    <message>
        <source>Drag cases onto an officer, or choose one and press Enter, to give them the selected cases.</source>
        <translation>Drag cases onto an officer, or choose one and press Enter, to give them the selected cases.</translation>
    </message>
    <message>
        <source>on leave until %1</source>
        <translation>on leave until %1</translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <translation>
            <numerusform>%n open</numerusform>
            <numerusform>%n open</numerusform>
        </translation>
    </message>
    <message>
        <source>at capacity %1</source>
        <translation>at capacity %1</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 open</translation>
    </message>
    <message>
        <source>Assign anyway?</source>
        <translation>Assign anyway?</translation>
    </message>
    <message numerus="yes">
        <source>%1 is %2. Give them %n case(s) anyway?</source>
        <translation>
            <numerusform>%1 is %2. Give them %n case anyway?</numerusform>
            <numerusform>%1 is %2. Give them %n cases anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Omnibox</name>
    <message>
        <source>Find a citizen or case: name, phone, email, postcode, reference… (Ctrl+K)</source>
        <translation>Find a citizen or case: name, phone, email, postcode, reference… (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search citizens and cases (Ctrl+K)</source>
        <translation>Search citizens and cases (Ctrl+K)</translation>
    </message>
    <message>
        <source>Type part of a name, phone number, email, postcode, case reference or social media handle; add a postcode or date of birth (06/05/1978) to a name to narrow it. Results appear as you type, best match first; use the arrow keys to choose one and Enter to open it.</source>
        <translation>Type part of a name, phone number, email, postcode, case reference or social media handle; add a postcode or date of birth (06/05/1978) to a name to narrow it. Results appear as you type, best match first; use the arrow keys to choose one and Enter to open it.</translation>
    </message>
</context>
<context>
    <name>OpenCaseDialog</name>
    <message>
        <source>Open a case</source>
        <translation>Open a case</translation>
    </message>
    <message>
        <source>A case for no one, e.g. a fly-tip reported by a passer-by. Link it to a citizen later with “Link to a citizen…” on the case (Ctrl+Shift+C).</source>
        <translation>A case for no one, e.g. a fly-tip reported by a passer-by. Link it to a citizen later with “Link to a citizen…” on the case (Ctrl+Shift+C).</translation>
    </message>
    <message>
        <source>Loading the council&apos;s services…</source>
        <translation>Loading the council&apos;s services…</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>Ser&amp;vice:</translation>
    </message>
    <message>
        <source>Council service</source>
        <translation>Council service</translation>
    </message>
    <message>
        <source>What kind of problem this is. Type the first letters to pick one.</source>
        <translation>What kind of problem this is. Type the first letters to pick one.</translation>
    </message>
    <message>
        <source>e.g. Green bin not collected on Tuesday</source>
        <translation>e.g. Green bin not collected on Tuesday</translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation>Su&amp;mmary:</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>One line on what is wrong, in the citizen&apos;s words if possible.</source>
        <translation>One line on what is wrong, in the citizen&apos;s words if possible.</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Details:</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Optional: anything else the person working the case should know.</source>
        <translation>Optional: anything else the person working the case should know.</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priority:</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>How urgent the case is: low, normal, high or urgent.</source>
        <translation>How urgent the case is: low, normal, high or urgent.</translation>
    </message>
    <message>
        <source>Reported &amp;by:</source>
        <translation>Reported &amp;by:</translation>
    </message>
    <message>
        <source>Reported by channel</source>
        <translation>Reported by channel</translation>
    </message>
    <message>
        <source>The channel the problem was reported through.</source>
        <translation>The channel the problem was reported through.</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Location:</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Optional: where the problem is, e.g. outside 12 Park Road.</source>
        <translation>Optional: where the problem is, e.g. outside 12 Park Road.</translation>
    </message>
    <message>
        <source>P&amp;ostcode:</source>
        <translation>P&amp;ostcode:</translation>
    </message>
    <message>
        <source>Postcode of the location</source>
        <translation>Postcode of the location</translation>
    </message>
    <message>
        <source>Optional: the postcode of the location, e.g. CF10 4UW.</source>
        <translation>Optional: the postcode of the location, e.g. CF10 4UW.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>There are no active council services to open a case for.</source>
        <translation>There are no active council services to open a case for.</translation>
    </message>
    <message>
        <source>load the council&apos;s services</source>
        <translation>load the council&apos;s services</translation>
    </message>
    <message>
        <source>Choose the council service this case is for.</source>
        <translation>Choose the council service this case is for.</translation>
    </message>
    <message>
        <source>Say in a few words what is wrong.</source>
        <translation>Say in a few words what is wrong.</translation>
    </message>
    <message>
        <source>%1 is not a UK postcode (e.g. CF10 1AB).</source>
        <translation>%1 is not a UK postcode (e.g. CF10 1AB).</translation>
    </message>
</context>
<context>
    <name>OpenCaseFromMentionDialog</name>
    <message>
        <source>Open a case from this mention</source>
        <translation>Open a case from this mention</translation>
    </message>
    <message>
        <source>The case goes to the chosen service&apos;s queue, for the mention&apos;s citizen when it is linked to one. The post&apos;s words become its summary.</source>
        <translation>The case goes to the chosen service&apos;s queue, for the mention&apos;s citizen when it is linked to one. The post&apos;s words become its summary.</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>Ser&amp;vice:</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>The council service the case is for. The suggested one is chosen first.</source>
        <translation>The council service the case is for. The suggested one is chosen first.</translation>
    </message>
    <message>
        <source>Choose the service the case is for.</source>
        <translation>Choose the service the case is for.</translation>
    </message>
</context>
<context>
    <name>OpenedRecord</name>
    <message>
        <source>This laptop is not connected to a central service.</source>
        <translation>This laptop is not connected to a central service.</translation>
    </message>
    <message>
        <source>Not signed in to the central service.</source>
        <translation>Not signed in to the central service.</translation>
    </message>
    <message>
        <source>%1 (on demand)</source>
        <translation>%1 (on demand)</translation>
    </message>
</context>
<context>
    <name>OpenedRecordView</name>
    <message>
        <source>Citizen, opened on demand</source>
        <translation>Citizen, opened on demand</translation>
    </message>
    <message>
        <source>Opened on demand — not kept on this laptop</source>
        <translation>Opened on demand — not kept on this laptop</translation>
    </message>
    <message>
        <source>Read only. This record was fetched from the central service for this tab and is discarded when the tab closes.</source>
        <translation>Read only. This record was fetched from the central service for this tab and is discarded when the tab closes.</translation>
    </message>
    <message>
        <source>About this record</source>
        <translation>About this record</translation>
    </message>
    <message>
        <source>What was left out, if any.</source>
        <translation>What was left out, if any.</translation>
    </message>
    <message>
        <source>The record is longer than can be opened at once: part is shown.</source>
        <translation>The record is longer than can be opened at once: part is shown.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) the central service sent were malformed and left out.</source>
        <translation>
            <numerusform>%n document the central service sent was malformed and left out.</numerusform>
            <numerusform>%n documents the central service sent were malformed and left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Open this computer&apos;s records</source>
        <translation>Open this computer&apos;s records</translation>
    </message>
    <message>
        <source>Store passphrase</source>
        <translation>Store passphrase</translation>
    </message>
    <message>
        <source>This computer&apos;s records are encrypted.</source>
        <translation>This computer&apos;s records are encrypted.</translation>
    </message>
    <message>
        <source>Why the passphrase is asked for</source>
        <translation>Why the passphrase is asked for</translation>
    </message>
    <message>
        <source>Passphrase (Alt+P)</source>
        <translation>Passphrase (Alt+P)</translation>
    </message>
    <message>
        <source>The passphrase the records were encrypted with; Enter opens them.</source>
        <translation>The passphrase the records were encrypted with; Enter opens them.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Open (Enter)</source>
        <translation>Open (Enter)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Quit (Esc)</source>
        <translation>Quit (Esc)</translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message>
        <source>Cases, identifiers and consents</source>
        <translation>Cases, identifiers and consents</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Identifiers</translation>
    </message>
    <message>
        <source>Ways to reach and recognise the citizen, and how each was verified.</source>
        <translation>Ways to reach and recognise the citizen, and how each was verified.</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Why the council holds the citizen&apos;s data: purpose, lawful basis, period.</source>
        <translation>Why the council holds the citizen&apos;s data: purpose, lawful basis, period.</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>Assurance</source>
        <translation>Assurance</translation>
    </message>
    <message>
        <source>How sure the council is that it deals with the citizen, and how.</source>
        <translation>How sure the council is that it deals with the citizen, and how.</translation>
    </message>
    <message>
        <source>Social media handles</source>
        <translation>Social media handles</translation>
    </message>
    <message>
        <source>The citizen&apos;s handles on their record and those they posted to us from.</source>
        <translation>The citizen&apos;s handles on their record and those they posted to us from.</translation>
    </message>
    <message>
        <source>The citizen&apos;s open cases. Enter opens the selected case.</source>
        <translation>The citizen&apos;s open cases. Enter opens the selected case.</translation>
    </message>
    <message>
        <source>Closed cases</source>
        <translation>Closed cases</translation>
    </message>
    <message>
        <source>Resolved and closed cases. Enter opens the selected case.</source>
        <translation>Resolved and closed cases. Enter opens the selected case.</translation>
    </message>
    <message>
        <source>Ctrl+Tab or the arrow keys on the tabs move between them.</source>
        <translation>Ctrl+Tab or the arrow keys on the tabs move between them.</translation>
    </message>
    <message>
        <source>Choose what to show: the arrow keys move between tabs.</source>
        <translation>Choose what to show: the arrow keys move between tabs.</translation>
    </message>
    <message>
        <source>Social media: %1</source>
        <translation>Social media: %1</translation>
    </message>
    <message>
        <source>Open (%1)</source>
        <translation>Open (%1)</translation>
    </message>
    <message>
        <source>Closed (%1)</source>
        <translation>Closed (%1)</translation>
    </message>
    <message>
        <source>Identifiers (%1)</source>
        <translation>Identifiers (%1)</translation>
    </message>
    <message>
        <source>Consents (%1)</source>
        <translation>Consents (%1)</translation>
    </message>
</context>
<context>
    <name>QueuesPage</name>
    <message>
        <source>Queue (Alt+Q)</source>
        <translation>Queue (Alt+Q)</translation>
    </message>
    <message>
        <source>The queue whose open cases are listed.</source>
        <translation>The queue whose open cases are listed.</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>&amp;Queue:</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Queues</translation>
    </message>
    <message>
        <source>No open cases in this queue.</source>
        <translation>No open cases in this queue.</translation>
    </message>
    <message>
        <source>%1 (yours)</source>
        <translation>%1 (yours)</translation>
    </message>
</context>
<context>
    <name>Rail</name>
    <message>
        <source>My work</source>
        <translation>My work</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Queues</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <source>Service levels</source>
        <translation>Service levels</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Open full record</source>
        <translation>Open full record</translation>
    </message>
    <message>
        <source>Opening %1&apos;s full record is recorded in the council&apos;s access log with your name and the reason you give. It is shown once and not kept on this laptop.</source>
        <translation>Opening %1&apos;s full record is recorded in the council&apos;s access log with your name and the reason you give. It is shown once and not kept on this laptop.</translation>
    </message>
    <message>
        <source>&amp;Reason for opening it:</source>
        <translation>&amp;Reason for opening it:</translation>
    </message>
    <message>
        <source>for example: caller on the phone</source>
        <translation>for example: caller on the phone</translation>
    </message>
    <message>
        <source>Reason for opening the record</source>
        <translation>Reason for opening the record</translation>
    </message>
    <message>
        <source>Required. One short line, kept in the access log.</source>
        <translation>Required. One short line, kept in the access log.</translation>
    </message>
    <message>
        <source>Open record</source>
        <translation>Open record</translation>
    </message>
    <message>
        <source>Opens the full record and records the opening with your reason.</source>
        <translation>Opens the full record and records the opening with your reason.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Closes this without opening the record.</source>
        <translation>Closes this without opening the record.</translation>
    </message>
</context>
<context>
    <name>RecordTabs</name>
    <message>
        <source>Open records</source>
        <translation>Open records</translation>
    </message>
    <message>
        <source>Ctrl+Tab and Ctrl+Shift+Tab move between tabs; Ctrl+W closes one.</source>
        <translation>Ctrl+Tab and Ctrl+Shift+Tab move between tabs; Ctrl+W closes one.</translation>
    </message>
    <message>
        <source>Tabs</source>
        <translation>Tabs</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Close this tab (Ctrl+W)</source>
        <translation>Close this tab (Ctrl+W)</translation>
    </message>
    <message>
        <source>Closes the tab of this record.</source>
        <translation>Closes the tab of this record.</translation>
    </message>
    <message>
        <source>No longer here</source>
        <translation>No longer here</translation>
    </message>
</context>
<context>
    <name>RefusalBanner</name>
    <message>
        <source>the deletion</source>
        <translation>the deletion</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <source>history entry</source>
        <translation>history entry</translation>
    </message>
    <message>
        <source>audit record</source>
        <translation>audit record</translation>
    </message>
    <message>
        <source>Refused by the central service</source>
        <translation>Refused by the central service</translation>
    </message>
    <message>
        <source>Why the central service refused the change</source>
        <translation>Why the central service refused the change</translation>
    </message>
    <message>
        <source>What the last way out did</source>
        <translation>What the last way out did</translation>
    </message>
    <message>
        <source>Take the server&apos;s version</source>
        <translation>Take the server&apos;s version</translation>
    </message>
    <message>
        <source>Show what the central service holds: your refused change is set aside and the next sync agrees with the server.</source>
        <translation>Show what the central service holds: your refused change is set aside and the next sync agrees with the server.</translation>
    </message>
    <message>
        <source>Re-apply what is still allowed</source>
        <translation>Re-apply what is still allowed</translation>
    </message>
    <message>
        <source>Start from the central service&apos;s version and apply again the parts of your change that you may still make; the rest is dropped and listed.</source>
        <translation>Start from the central service&apos;s version and apply again the parts of your change that you may still make; the rest is dropped and listed.</translation>
    </message>
    <message>
        <source>Keep as a draft</source>
        <translation>Keep as a draft</translation>
    </message>
    <message>
        <source>Keep it on this laptop, shown as refused; it is not sent again.</source>
        <translation>Keep it on this laptop, shown as refused; it is not sent again.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Remove it from this laptop. Nothing is sent to the central service.</source>
        <translation>Remove it from this laptop. Nothing is sent to the central service.</translation>
    </message>
    <message>
        <source>A %1 on this record was refused by the central service: %2</source>
        <translation>A %1 on this record was refused by the central service: %2</translation>
    </message>
    <message>
        <source>(kept here as a draft)</source>
        <translation>(kept here as a draft)</translation>
    </message>
    <message>
        <source>Refused by the central service: %1</source>
        <translation>Refused by the central service: %1</translation>
    </message>
    <message>
        <source>(and %1 more)</source>
        <translation>(and %1 more)</translation>
    </message>
    <message>
        <source>take the server&apos;s version</source>
        <translation>take the server&apos;s version</translation>
    </message>
    <message>
        <source>The central service&apos;s version is kept.</source>
        <translation>The central service&apos;s version is kept.</translation>
    </message>
    <message>
        <source>re-apply the change</source>
        <translation>re-apply the change</translation>
    </message>
    <message>
        <source>Re-applied: %1.</source>
        <translation>Re-applied: %1.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nothing</translation>
    </message>
    <message>
        <source>Dropped %1: %2</source>
        <translation>Dropped %1: %2</translation>
    </message>
    <message>
        <source>Kept here as a draft; it is not sent again.</source>
        <translation>Kept here as a draft; it is not sent again.</translation>
    </message>
    <message>
        <source>keep it as a draft</source>
        <translation>keep it as a draft</translation>
    </message>
    <message>
        <source>Removed from this laptop; nothing was sent.</source>
        <translation>Removed from this laptop; nothing was sent.</translation>
    </message>
    <message>
        <source>discard it</source>
        <translation>discard it</translation>
    </message>
</context>
<context>
    <name>RememberBox</name>
    <message>
        <source>&amp;Remember it in this computer&apos;s keyring</source>
        <translation>&amp;Remember it in this computer&apos;s keyring</translation>
    </message>
    <message>
        <source>Remember the password (Alt+R)</source>
        <translation>Remember the password (Alt+R)</translation>
    </message>
    <message>
        <source>Keeps the password in the operating system&apos;s keyring, never in a file.</source>
        <translation>Keeps the password in the operating system&apos;s keyring, never in a file.</translation>
    </message>
    <message>
        <source>Remember it: not possible, this computer has no keyring</source>
        <translation>Remember it: not possible, this computer has no keyring</translation>
    </message>
    <message>
        <source>This computer has no keyring, so the password is asked for each time.</source>
        <translation>This computer has no keyring, so the password is asked for each time.</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen case %1</source>
        <translation>Reopen case %1</translation>
    </message>
    <message>
        <source>The case becomes open again, and can then be changed.</source>
        <translation>The case becomes open again, and can then be changed.</translation>
    </message>
    <message>
        <source>Why it is reopened</source>
        <translation>Why it is reopened</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Kept in the case&apos;s history. Tab moves on; Ctrl+Enter saves.</source>
        <translation>Kept in the case&apos;s history. Tab moves on; Ctrl+Enter saves.</translation>
    </message>
    <message>
        <source>&amp;Reopen the case</source>
        <translation>&amp;Reopen the case</translation>
    </message>
    <message>
        <source>Reopen the case (Ctrl+Enter)</source>
        <translation>Reopen the case (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Say why the case is reopened.</source>
        <translation>Say why the case is reopened.</translation>
    </message>
</context>
<context>
    <name>Reply</name>
    <message>
        <source>waiting to be sent</source>
        <translation>waiting to be sent</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>being sent</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>delivered</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>not delivered</translation>
    </message>
    <message>
        <source>Reply by text message to %1: %2</source>
        <translation>Reply by text message to %1: %2</translation>
    </message>
    <message>
        <source>Reply by email to %1: %2</source>
        <translation>Reply by email to %1: %2</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Reply to the citizen</source>
        <translation>Reply to the citizen</translation>
    </message>
    <message>
        <source>The council sends the reply through GOV.UK Notify once this laptop syncs. It cannot be changed after it is sent.</source>
        <translation>The council sends the reply through GOV.UK Notify once this laptop syncs. It cannot be changed after it is sent.</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Send (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Queues the reply and closes.</source>
        <translation>Queues the reply and closes.</translation>
    </message>
    <message>
        <source>&amp;Reply:</source>
        <translation>&amp;Reply:</translation>
    </message>
    <message>
        <source>Reply template</source>
        <translation>Reply template</translation>
    </message>
    <message>
        <source>The council&apos;s prepared replies for this case&apos;s service.</source>
        <translation>The council&apos;s prepared replies for this case&apos;s service.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Language of the reply</source>
        <translation>Language of the reply</translation>
    </message>
    <message>
        <source>The language the citizen reads the reply in: their preference at first.</source>
        <translation>The language the citizen reads the reply in: their preference at first.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Text message</translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation>&amp;By:</translation>
    </message>
    <message>
        <source>Send by</source>
        <translation>Send by</translation>
    </message>
    <message>
        <source>Email or text message.</source>
        <translation>Email or text message.</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Send to</translation>
    </message>
    <message>
        <source>One of the citizen&apos;s own email addresses or mobile numbers.</source>
        <translation>One of the citizen&apos;s own email addresses or mobile numbers.</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>The subject line of the email.</source>
        <translation>The subject line of the email.</translation>
    </message>
    <message>
        <source>&amp;Preview:</source>
        <translation>&amp;Preview:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>The reply as the citizen will read it.</source>
        <translation>The reply as the citizen will read it.</translation>
    </message>
    <message>
        <source>This service has no replies prepared yet.</source>
        <translation>This service has no replies prepared yet.</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Subject: %1</translation>
    </message>
    <message>
        <source>This case has nothing to fill %1 with: choose another reply.</source>
        <translation>This case has nothing to fill %1 with: choose another reply.</translation>
    </message>
    <message>
        <source>Choose a reply.</source>
        <translation>Choose a reply.</translation>
    </message>
    <message>
        <source>The citizen has no mobile number on their record.</source>
        <translation>The citizen has no mobile number on their record.</translation>
    </message>
    <message>
        <source>The citizen has no email address on their record.</source>
        <translation>The citizen has no email address on their record.</translation>
    </message>
    <message>
        <source>Wait for the preview before sending.</source>
        <translation>Wait for the preview before sending.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
</context>
<context>
    <name>RoutingPage</name>
    <message>
        <source>Routing rules</source>
        <translation>Routing rules</translation>
    </message>
    <message>
        <source>A new case goes to the queue of the first rule it matches, top to bottom; if none matches, to its service&apos;s default queue. Insert adds a rule, Enter changes it, Delete deletes it, Ctrl+Up and Ctrl+Down move it.</source>
        <translation>A new case goes to the queue of the first rule it matches, top to bottom; if none matches, to its service&apos;s default queue. Insert adds a rule, Enter changes it, Delete deletes it, Ctrl+Up and Ctrl+Down move it.</translation>
    </message>
    <message>
        <source>Routing problem</source>
        <translation>Routing problem</translation>
    </message>
    <message>
        <source>&amp;Resolve the conflict…</source>
        <translation>&amp;Resolve the conflict…</translation>
    </message>
    <message>
        <source>Resolve the conflict (Alt+R)</source>
        <translation>Resolve the conflict (Alt+R)</translation>
    </message>
    <message>
        <source>Choose which of the two versions of the rules to keep.</source>
        <translation>Choose which of the two versions of the rules to keep.</translation>
    </message>
    <message>
        <source>Tried top to bottom. Insert adds, Enter changes, Delete deletes.</source>
        <translation>Tried top to bottom. Insert adds, Enter changes, Delete deletes.</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>What went wrong</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>Add a rule (Insert)</source>
        <translation>Add a rule (Insert)</translation>
    </message>
    <message>
        <source>Adds a rule below the chosen one.</source>
        <translation>Adds a rule below the chosen one.</translation>
    </message>
    <message>
        <source>Chang&amp;e</source>
        <translation>Chang&amp;e</translation>
    </message>
    <message>
        <source>Change the rule (Enter)</source>
        <translation>Change the rule (Enter)</translation>
    </message>
    <message>
        <source>Changes the chosen rule&apos;s name, what it matches or its queue.</source>
        <translation>Changes the chosen rule&apos;s name, what it matches or its queue.</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>De&amp;lete</translation>
    </message>
    <message>
        <source>Delete the rule (Delete)</source>
        <translation>Delete the rule (Delete)</translation>
    </message>
    <message>
        <source>Deletes the chosen rule.</source>
        <translation>Deletes the chosen rule.</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <source>Move the rule up (Ctrl+Up)</source>
        <translation>Move the rule up (Ctrl+Up)</translation>
    </message>
    <message>
        <source>Tries the chosen rule one place sooner.</source>
        <translation>Tries the chosen rule one place sooner.</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Move do&amp;wn</translation>
    </message>
    <message>
        <source>Move the rule down (Ctrl+Down)</source>
        <translation>Move the rule down (Ctrl+Down)</translation>
    </message>
    <message>
        <source>Tries the chosen rule one place later.</source>
        <translation>Tries the chosen rule one place later.</translation>
    </message>
    <message>
        <source>These routing rules cannot be used, so every new case goes to its service&apos;s default queue. Adding a rule here replaces them. (%1)</source>
        <translation>These routing rules cannot be used, so every new case goes to its service&apos;s default queue. Adding a rule here replaces them. (%1)</translation>
    </message>
    <message>
        <source>Two edits of the routing rules were made at once, at least one offline. The rules shown are one of them until the conflict is resolved.</source>
        <translation>Two edits of the routing rules were made at once, at least one offline. The rules shown are one of them until the conflict is resolved.</translation>
    </message>
</context>
<context>
    <name>RoutingTester</name>
    <message>
        <source>Try a case</source>
        <translation>Try a case</translation>
    </message>
    <message>
        <source>Service (Alt+S)</source>
        <translation>Service (Alt+S)</translation>
    </message>
    <message>
        <source>The service the case would be for.</source>
        <translation>The service the case would be for.</translation>
    </message>
    <message>
        <source>Postcode (Alt+P)</source>
        <translation>Postcode (Alt+P)</translation>
    </message>
    <message>
        <source>Where the case is, or its citizen&apos;s postcode.</source>
        <translation>Where the case is, or its citizen&apos;s postcode.</translation>
    </message>
    <message>
        <source>e.g. CF37 1AB</source>
        <translation>e.g. CF37 1AB</translation>
    </message>
    <message>
        <source>Channel (Alt+N)</source>
        <translation>Channel (Alt+N)</translation>
    </message>
    <message>
        <source>How the case would be reported.</source>
        <translation>How the case would be reported.</translation>
    </message>
    <message>
        <source>Where the case would go</source>
        <translation>Where the case would go</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Service:</translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>Cha&amp;nnel:</translation>
    </message>
    <message>
        <source>There are no services to try.</source>
        <translation>There are no services to try.</translation>
    </message>
    <message>
        <source>no queue</source>
        <translation>no queue</translation>
    </message>
    <message>
        <source>its service&apos;s default queue</source>
        <translation>its service&apos;s default queue</translation>
    </message>
    <message>
        <source>rule “%1”</source>
        <translation>rule “%1”</translation>
    </message>
    <message>
        <source>Goes to %1, by %2.</source>
        <translation>Goes to %1, by %2.</translation>
    </message>
    <message>
        <source>Passed over “%1”: its queue is closed or missing.</source>
        <translation>Passed over “%1”: its queue is closed or missing.</translation>
    </message>
    <message>
        <source>The routing rules cannot be used: see above.</source>
        <translation>The routing rules cannot be used: see above.</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Add a routing rule</source>
        <translation>Add a routing rule</translation>
    </message>
    <message>
        <source>Change a routing rule</source>
        <translation>Change a routing rule</translation>
    </message>
    <message>
        <source>A new case goes to the queue of the first rule it matches. A rule matches a case that fits everything it names; leave a part empty to match any.</source>
        <translation>A new case goes to the queue of the first rule it matches. A rule matches a case that fits everything it names; leave a part empty to match any.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>What the rule does, in a few words colleagues will read.</source>
        <translation>What the rule does, in a few words colleagues will read.</translation>
    </message>
    <message>
        <source>Welsh na&amp;me:</source>
        <translation>Welsh na&amp;me:</translation>
    </message>
    <message>
        <source>Welsh name</source>
        <translation>Welsh name</translation>
    </message>
    <message>
        <source>Optional: shown instead when the window is in Welsh.</source>
        <translation>Optional: shown instead when the window is in Welsh.</translation>
    </message>
    <message>
        <source>Ser&amp;vices:</source>
        <translation>Ser&amp;vices:</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Space ticks a service. None ticked: any service.</source>
        <translation>Space ticks a service. None ticked: any service.</translation>
    </message>
    <message>
        <source>e.g. CF37, CF38, SA1 4</source>
        <translation>e.g. CF37, CF38, SA1 4</translation>
    </message>
    <message>
        <source>&amp;Areas:</source>
        <translation>&amp;Areas:</translation>
    </message>
    <message>
        <source>Postcode areas</source>
        <translation>Postcode areas</translation>
    </message>
    <message>
        <source>Postcode areas (CF), districts (CF10) or sectors (SA1 4), separated by commas. Empty: anywhere.</source>
        <translation>Postcode areas (CF), districts (CF10) or sectors (SA1 4), separated by commas. Empty: anywhere.</translation>
    </message>
    <message>
        <source>Ticked: the rule takes cases reported this way.</source>
        <translation>Ticked: the rule takes cases reported this way.</translation>
    </message>
    <message>
        <source>C&amp;hannels:</source>
        <translation>C&amp;hannels:</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>How the case was reported. None ticked: any channel.</source>
        <translation>How the case was reported. None ticked: any channel.</translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1 (closed)</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>&amp;Queue:</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>The queue that cases matching this rule go to.</source>
        <translation>The queue that cases matching this rule go to.</translation>
    </message>
    <message>
        <source>Give the rule a name.</source>
        <translation>Give the rule a name.</translation>
    </message>
    <message>
        <source>Not a postcode area, district or sector: %1</source>
        <translation>Not a postcode area, district or sector: %1</translation>
    </message>
    <message>
        <source>Choose a service, an area or a channel: a rule that matches everything would take every case.</source>
        <translation>Choose a service, an area or a channel: a rule that matches everything would take every case.</translation>
    </message>
    <message>
        <source>Choose a queue.</source>
        <translation>Choose a queue.</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>%1 (missing: passed over)</source>
        <translation>%1 (missing: passed over)</translation>
    </message>
    <message>
        <source>%1 (closed: passed over)</source>
        <translation>%1 (closed: passed over)</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Service: %1</translation>
    </message>
    <message>
        <source>Area: %1</source>
        <translation>Area: %1</translation>
    </message>
    <message>
        <source>Channel: %1</source>
        <translation>Channel: %1</translation>
    </message>
</context>
<context>
    <name>SafetyBanner</name>
    <message>
        <source>Officer safety at this address</source>
        <translation>Officer safety at this address</translation>
    </message>
    <message>
        <source>Warnings for anyone visiting this case&apos;s address</source>
        <translation>Warnings for anyone visiting this case&apos;s address</translation>
    </message>
</context>
<context>
    <name>SarExportDialog</name>
    <message>
        <source>Subject access export</source>
        <translation>Subject access export</translation>
    </message>
    <message>
        <source>Everything held about this person, other people&apos;s details removed.</source>
        <translation>Everything held about this person, other people&apos;s details removed.</translation>
    </message>
    <message>
        <source>A JSON file and a report in English and Welsh.</source>
        <translation>A JSON file and a report in English and Welsh.</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>The folder the export is written in (made if missing).</source>
        <translation>The folder the export is written in (made if missing).</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Export (Ctrl+Enter)</source>
        <translation>Export (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Writes the export to the folder.</source>
        <translation>Writes the export to the folder.</translation>
    </message>
    <message>
        <source>Say which folder to write the export in.</source>
        <translation>Say which folder to write the export in.</translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>Written to %1.</translation>
    </message>
    <message>
        <source>The access log and records this laptop does not hold are completed centrally.</source>
        <translation>The access log and records this laptop does not hold are completed centrally.</translation>
    </message>
    <message>
        <source>This laptop holds only part of the record: the export lists what may be missing.</source>
        <translation>This laptop holds only part of the record: the export lists what may be missing.</translation>
    </message>
    <message>
        <source>Where the export was written</source>
        <translation>Where the export was written</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>%1+</source>
        <translation>%1+</translation>
    </message>
    <message>
        <source>%1 of %2 for “%3”: add a postcode or date of birth to narrow it. Up and Down choose, Enter opens.</source>
        <translation>%1 of %2 for “%3”: add a postcode or date of birth to narrow it. Up and Down choose, Enter opens.</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Search status</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Citizens and cases matching the search, then summaries from the citizen directory. Press Enter to open one.</source>
        <translation>Citizens and cases matching the search, then summaries from the citizen directory. Press Enter to open one.</translation>
    </message>
    <message>
        <source>A new or unknown caller</source>
        <translation>A new or unknown caller</translation>
    </message>
    <message>
        <source>&amp;New citizen (Ctrl+Shift+N)</source>
        <translation>&amp;New citizen (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Record a new citizen, filled in from what you typed.</source>
        <translation>Record a new citizen, filled in from what you typed.</translation>
    </message>
    <message>
        <source>Log an &amp;anonymous contact (Ctrl+Shift+L)</source>
        <translation>Log an &amp;anonymous contact (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Log a contact from a caller who will not give their details.</source>
        <translation>Log a contact from a caller who will not give their details.</translation>
    </message>
    <message>
        <source>Open a case for no &amp;one (Ctrl+Shift+O)</source>
        <translation>Open a case for no &amp;one (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Open a case that is about no citizen yet, e.g. a fly-tip.</source>
        <translation>Open a case that is about no citizen yet, e.g. a fly-tip.</translation>
    </message>
    <message>
        <source>%n result(s) for “%1”. Up and Down choose, Enter opens.</source>
        <translation>%n result(s) for “%1”. Up and Down choose, Enter opens.</translation>
    </message>
    <message>
        <source>Nobody and no case matches “%1”. Check the spelling, or try part of a phone number (7700 900), the start of a postcode (CF10), an email, a social media handle or a case reference.</source>
        <translation>Nobody and no case matches “%1”. Check the spelling, or try part of a phone number (7700 900), the start of a postcode (CF10), an email, a social media handle or a case reference.</translation>
    </message>
    <message>
        <source>If the caller is not on file, record them:</source>
        <translation>If the caller is not on file, record them:</translation>
    </message>
    <message>
        <source>Type in the search box (Ctrl+K) to find a citizen or a case: a name, part of a phone number or postcode, an email, a social media handle or a case reference.</source>
        <translation>Type in the search box (Ctrl+K) to find a citizen or a case: a name, part of a phone number or postcode, an email, a social media handle or a case reference.</translation>
    </message>
    <message>
        <source>The search could not be run: %1</source>
        <translation>The search could not be run: %1</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Born %1</source>
        <translation>Born %1</translation>
    </message>
    <message>
        <source>Last contact %1</source>
        <translation>Last contact %1</translation>
    </message>
    <message>
        <source>1 open case</source>
        <translation>1 open case</translation>
    </message>
    <message>
        <source>%1 open cases</source>
        <translation>%1 open cases</translation>
    </message>
    <message>
        <source>Directory summary: %1. %2. The full record is not on this laptop.</source>
        <translation>Directory summary: %1. %2. The full record is not on this laptop.</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>A summary from the citizen directory: this person&apos;s full record is not on this laptop. Enter shows the summary.</source>
        <translation>A summary from the citizen directory: this person&apos;s full record is not on this laptop. Enter shows the summary.</translation>
    </message>
    <message>
        <source>Directory summary</source>
        <translation>Directory summary</translation>
    </message>
</context>
<context>
    <name>ServiceLevelsPage</name>
    <message>
        <source>Service levels</source>
        <translation>Service levels</translation>
    </message>
    <message>
        <source>Escalation rules (Alt+E) and the council calendar (Alt+C).</source>
        <translation>Escalation rules (Alt+E) and the council calendar (Alt+C).</translation>
    </message>
    <message>
        <source>Service levels tabs</source>
        <translation>Service levels tabs</translation>
    </message>
    <message>
        <source>&amp;Escalation rules</source>
        <translation>&amp;Escalation rules</translation>
    </message>
    <message>
        <source>Council &amp;calendar</source>
        <translation>Council &amp;calendar</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share with a partner</source>
        <translation>Share with a partner</translation>
    </message>
    <message>
        <source>Pa&amp;rtner:</source>
        <translation>Pa&amp;rtner:</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>The partner organisation the data goes to.</source>
        <translation>The partner organisation the data goes to.</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;What:</translation>
    </message>
    <message>
        <source>What is shared</source>
        <translation>What is shared</translation>
    </message>
    <message>
        <source>What is shared, in a few words (recorded in the audit trail).</source>
        <translation>What is shared, in a few words (recorded in the audit trail).</translation>
    </message>
    <message>
        <source>S&amp;hare</source>
        <translation>S&amp;hare</translation>
    </message>
    <message>
        <source>Name the partner organisation.</source>
        <translation>Name the partner organisation.</translation>
    </message>
    <message>
        <source>Say what is shared.</source>
        <translation>Say what is shared.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Caseworker</source>
        <translation>Sign in to Caseworker</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>&amp;Connect to your council&apos;s service…</source>
        <translation>&amp;Connect to your council&apos;s service…</translation>
    </message>
    <message>
        <source>Connect to your council&apos;s service (Alt+C)</source>
        <translation>Connect to your council&apos;s service (Alt+C)</translation>
    </message>
    <message>
        <source>Brings down your share of the council&apos;s records, then you sign in.</source>
        <translation>Brings down your share of the council&apos;s records, then you sign in.</translation>
    </message>
    <message>
        <source>Who is signing in?</source>
        <translation>Who is signing in?</translation>
    </message>
    <message>
        <source>Staff (Alt+S)</source>
        <translation>Staff (Alt+S)</translation>
    </message>
    <message>
        <source>Active members of staff in this store; type to jump to a name.</source>
        <translation>Active members of staff in this store; type to jump to a name.</translation>
    </message>
    <message>
        <source>&amp;Staff:</source>
        <translation>&amp;Staff:</translation>
    </message>
    <message>
        <source>Password for the central service (Alt+P)</source>
        <translation>Password for the central service (Alt+P)</translation>
    </message>
    <message>
        <source>Leave empty to use the password remembered in this computer&apos;s keyring.</source>
        <translation>Leave empty to use the password remembered in this computer&apos;s keyring.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>This computer holds no records yet. Connect to your council&apos;s service to bring down your share of its cases and citizens, then sign in.</source>
        <translation>This computer holds no records yet. Connect to your council&apos;s service to bring down your share of its cases and citizens, then sign in.</translation>
    </message>
    <message>
        <source>This store has no active staff yet: connect it to your council&apos;s central service first.</source>
        <translation>This store has no active staff yet: connect it to your council&apos;s central service first.</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Sign-in message</translation>
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation>Sign in (Enter)</translation>
    </message>
    <message>
        <source>Signs in as the chosen person.</source>
        <translation>Signs in as the chosen person.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Quit (Esc)</source>
        <translation>Quit (Esc)</translation>
    </message>
    <message>
        <source>Closes Caseworker without signing in.</source>
        <translation>Closes Caseworker without signing in.</translation>
    </message>
    <message>
        <source>Central service: %1</source>
        <translation>Central service: %1</translation>
    </message>
    <message>
        <source>Loading staff…</source>
        <translation>Loading staff…</translation>
    </message>
    <message>
        <source>Checking with the central service…</source>
        <translation>Checking with the central service…</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>Could not sign in: %1</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Signed in</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>Changes waiting to be sent</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Sync progress</translation>
    </message>
    <message>
        <source>receiving</source>
        <translation>receiving</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) refused by the central service</source>
        <translation>
            <numerusform>%n record refused by the central service</numerusform>
            <numerusform>%n records refused by the central service</numerusform>
        </translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Local only</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Online · syncing</source>
        <translation>Online · syncing</translation>
    </message>
    <message>
        <source>Online · up to date</source>
        <translation>Online · up to date</translation>
    </message>
    <message>
        <source>Sign in to the central service to sync</source>
        <translation>Sign in to the central service to sync</translation>
    </message>
    <message>
        <source>Sync problem: %1</source>
        <translation>Sync problem: %1</translation>
    </message>
    <message numerus="yes">
        <source>Online · %n change(s) still to send</source>
        <translation>
            <numerusform>Online · %n change still to send</numerusform>
            <numerusform>Online · %n changes still to send</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · unencrypted connection</source>
        <translation>%1 · unencrypted connection</translation>
    </message>
    <message>
        <source>Last sync: never (no central service configured)</source>
        <translation>Last sync: never (no central service configured)</translation>
    </message>
    <message>
        <source>Last sync: not yet</source>
        <translation>Last sync: not yet</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <source>No central service configured</source>
        <translation>No central service configured</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting to be sent</source>
        <translation>Nothing waiting to be sent</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>SyncLink</name>
    <message>
        <source>the sync process ended unexpectedly (exit code %1)</source>
        <translation>the sync process ended unexpectedly (exit code %1)</translation>
    </message>
    <message>
        <source>the sync process could not start</source>
        <translation>the sync process could not start</translation>
    </message>
</context>
<context>
    <name>SyncProblemsDialog</name>
    <message>
        <source>Sync problems</source>
        <translation>Sync problems</translation>
    </message>
    <message>
        <source>Looking for records with sync problems…</source>
        <translation>Looking for records with sync problems…</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Records with sync problems</source>
        <translation>Records with sync problems</translation>
    </message>
    <message>
        <source>Press Enter to open a case or a citizen; its next edit is sent again.</source>
        <translation>Press Enter to open a case or a citizen; its next edit is sent again.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to look at. Records are kept here unchanged: editing one sends it again, and changing one of two that clash resolves the clash.</source>
        <translation>
            <numerusform>%n problem to look at. Records are kept here unchanged: editing one sends it again, and changing one of two that clash resolves the clash.</numerusform>
            <numerusform>%n problems to look at. Records are kept here unchanged: editing one sends it again, and changing one of two that clash resolves the clash.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every record synced: there are no problems.</source>
        <translation>Every record synced: there are no problems.</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Internal note</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <source>with attachments</source>
        <translation>with attachments</translation>
    </message>
    <message>
        <source>someone unknown</source>
        <translation>someone unknown</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>about %1</translation>
    </message>
    <message>
        <source>not about a case</source>
        <translation>not about a case</translation>
    </message>
    <message>
        <source>%1, %2, by %3, %4: %5</source>
        <translation>%1, %2, by %3, %4: %5</translation>
    </message>
    <message>
        <source>%1 (with attachments)</source>
        <translation>%1 (with attachments)</translation>
    </message>
</context>
<context>
    <name>TimelineMention</name>
    <message>
        <source>Not triaged yet</source>
        <translation>Not triaged yet</translation>
    </message>
    <message>
        <source>Linked to a citizen</source>
        <translation>Linked to a citizen</translation>
    </message>
    <message>
        <source>Turned into a case</source>
        <translation>Turned into a case</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Dismissed as not actionable</source>
        <translation>Dismissed as not actionable</translation>
    </message>
    <message>
        <source>Automatically, %1% sure</source>
        <translation>Automatically, %1% sure</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation>Internal notes</translation>
    </message>
    <message>
        <source>Show channel (Alt+N)</source>
        <translation>Show channel (Alt+N)</translation>
    </message>
    <message>
        <source>Every contact with the citizen and every note, newest first. Up and Down move; the reading pane shows the whole entry. Enter opens its case.</source>
        <translation>Every contact with the citizen and every note, newest first. Up and Down move; the reading pane shows the whole entry. Enter opens its case.</translation>
    </message>
    <message>
        <source>Show only the contacts of one channel, or only internal notes.</source>
        <translation>Show only the contacts of one channel, or only internal notes.</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>All cases</translation>
    </message>
    <message>
        <source>Show case (Alt+A)</source>
        <translation>Show case (Alt+A)</translation>
    </message>
    <message>
        <source>Show only what is about one case, or what is about no case.</source>
        <translation>Show only what is about one case, or what is about no case.</translation>
    </message>
    <message>
        <source>Entries shown</source>
        <translation>Entries shown</translation>
    </message>
    <message>
        <source>How many timeline entries the filters let through.</source>
        <translation>How many timeline entries the filters let through.</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>Cha&amp;nnel:</translation>
    </message>
    <message>
        <source>C&amp;ase:</source>
        <translation>C&amp;ase:</translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation>T&amp;imeline</translation>
    </message>
    <message>
        <source>Not about a case</source>
        <translation>Not about a case</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 of %2 shown</translation>
    </message>
    <message>
        <source>%1 (only the latest contacts)</source>
        <translation>%1 (only the latest contacts)</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo the last change</source>
        <translation>Undo the last change</translation>
    </message>
    <message>
        <source>&amp;Undo (Ctrl+Z)</source>
        <translation>&amp;Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Puts back what the last change changed, as a new change.</source>
        <translation>Puts back what the last change changed, as a new change.</translation>
    </message>
    <message>
        <source>Case closed.</source>
        <translation>Case closed.</translation>
    </message>
    <message>
        <source>Case resolved.</source>
        <translation>Case resolved.</translation>
    </message>
    <message>
        <source>Status changed to %1.</source>
        <translation>Status changed to %1.</translation>
    </message>
    <message>
        <source>Priority changed to %1.</source>
        <translation>Priority changed to %1.</translation>
    </message>
    <message>
        <source>Case moved to another queue.</source>
        <translation>Case moved to another queue.</translation>
    </message>
    <message>
        <source>Assignment changed.</source>
        <translation>Assignment changed.</translation>
    </message>
</context>
<context>
    <name>UndoMergeDialog</name>
    <message>
        <source>Undo a merge</source>
        <translation>Undo a merge</translation>
    </message>
    <message>
        <source>The merged record stands apart again, with its own contacts, cases and identifiers, including anything added since.</source>
        <translation>The merged record stands apart again, with its own contacts, cases and identifiers, including anything added since.</translation>
    </message>
    <message>
        <source>&amp;Undo merge</source>
        <translation>&amp;Undo merge</translation>
    </message>
    <message>
        <source>Undo merge (Ctrl+Enter)</source>
        <translation>Undo merge (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Why:</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>Why these are two people: kept with the merge&apos;s history.</source>
        <translation>Why these are two people: kept with the merge&apos;s history.</translation>
    </message>
    <message>
        <source>Say why.</source>
        <translation>Say why.</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>Web form</translation>
    </message>
    <message>
        <source>Citizen app</source>
        <translation>Citizen app</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Walk-in</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Social media</translation>
    </message>
    <message>
        <source>From the citizen</source>
        <translation>From the citizen</translation>
    </message>
    <message>
        <source>To the citizen</source>
        <translation>To the citizen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Triaged</source>
        <translation>Triaged</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Awaiting citizen</source>
        <translation>Awaiting citizen</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Contact-centre agent</source>
        <translation>Contact-centre agent</translation>
    </message>
    <message>
        <source>Field officer</source>
        <translation>Field officer</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Social media handle</source>
        <translation>Social media handle</translation>
    </message>
    <message>
        <source>App account</source>
        <translation>App account</translation>
    </message>
    <message>
        <source>given and family names swapped</source>
        <translation>given and family names swapped</translation>
    </message>
    <message>
        <source>same given name</source>
        <translation>same given name</translation>
    </message>
    <message>
        <source>given name differs (nickname or Welsh form)</source>
        <translation>given name differs (nickname or Welsh form)</translation>
    </message>
    <message>
        <source>given name spelt differently</source>
        <translation>given name spelt differently</translation>
    </message>
    <message>
        <source>given name similar</source>
        <translation>given name similar</translation>
    </message>
    <message>
        <source>different given name</source>
        <translation>different given name</translation>
    </message>
    <message>
        <source>same family name</source>
        <translation>same family name</translation>
    </message>
    <message>
        <source>family name spelt differently</source>
        <translation>family name spelt differently</translation>
    </message>
    <message>
        <source>family name similar</source>
        <translation>family name similar</translation>
    </message>
    <message>
        <source>different family name</source>
        <translation>different family name</translation>
    </message>
    <message>
        <source>same date of birth</source>
        <translation>same date of birth</translation>
    </message>
    <message>
        <source>date of birth one slip apart</source>
        <translation>date of birth one slip apart</translation>
    </message>
    <message>
        <source>born the same year</source>
        <translation>born the same year</translation>
    </message>
    <message>
        <source>different date of birth</source>
        <translation>different date of birth</translation>
    </message>
    <message>
        <source>same address</source>
        <translation>same address</translation>
    </message>
    <message>
        <source>same postcode</source>
        <translation>same postcode</translation>
    </message>
    <message>
        <source>nearby postcode</source>
        <translation>nearby postcode</translation>
    </message>
    <message>
        <source>same postcode district</source>
        <translation>same postcode district</translation>
    </message>
    <message>
        <source>different postcode</source>
        <translation>different postcode</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>same phone number</translation>
    </message>
    <message>
        <source>different phone number</source>
        <translation>different phone number</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>same email</translation>
    </message>
    <message>
        <source>different email</source>
        <translation>different email</translation>
    </message>
    <message>
        <source>same social media handle</source>
        <translation>same social media handle</translation>
    </message>
    <message>
        <source>different social media handle</source>
        <translation>different social media handle</translation>
    </message>
    <message>
        <source>home</source>
        <translation>home</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>mobile</translation>
    </message>
    <message>
        <source>work</source>
        <translation>work</translation>
    </message>
    <message>
        <source>landline</source>
        <translation>landline</translation>
    </message>
    <message>
        <source>personal</source>
        <translation>personal</translation>
    </message>
    <message>
        <source>previous</source>
        <translation>previous</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <source>Code sent by text message</source>
        <translation>Code sent by text message</translation>
    </message>
    <message>
        <source>Link sent by email</source>
        <translation>Link sent by email</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>Called back</translation>
    </message>
    <message>
        <source>Document seen</source>
        <translation>Document seen</translation>
    </message>
    <message>
        <source>Seen in person</source>
        <translation>Seen in person</translation>
    </message>
    <message>
        <source>Security questions</source>
        <translation>Security questions</translation>
    </message>
    <message>
        <source>Signed in to the app</source>
        <translation>Signed in to the app</translation>
    </message>
    <message>
        <source>Council record</source>
        <translation>Council record</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>Legal obligation</source>
        <translation>Legal obligation</translation>
    </message>
    <message>
        <source>Vital interests</source>
        <translation>Vital interests</translation>
    </message>
    <message>
        <source>Public task</source>
        <translation>Public task</translation>
    </message>
    <message>
        <source>Legitimate interests</source>
        <translation>Legitimate interests</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Welsh</source>
        <translation>Welsh</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Service level met</source>
        <translation>Service level met</translation>
    </message>
    <message>
        <source>Service level missed</source>
        <translation>Service level missed</translation>
    </message>
    <message>
        <source>First response overdue</source>
        <translation>First response overdue</translation>
    </message>
    <message>
        <source>Resolution overdue</source>
        <translation>Resolution overdue</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>supervisors told: %1</source>
        <translation>supervisors told: %1</translation>
    </message>
    <message>
        <source>priority raised from %1 to %2</source>
        <translation>priority raised from %1 to %2</translation>
    </message>
    <message>
        <source>already %1: priority kept</source>
        <translation>already %1: priority kept</translation>
    </message>
    <message>
        <source>moved from %1 to %2</source>
        <translation>moved from %1 to %2</translation>
    </message>
    <message>
        <source>not moved: the queue no longer exists</source>
        <translation>not moved: the queue no longer exists</translation>
    </message>
    <message>
        <source>Council&apos;s central service</source>
        <translation>Council&apos;s central service</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Member of staff</source>
        <translation>Member of staff</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Case history entry</source>
        <translation>Case history entry</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Social-media mention</source>
        <translation>Social-media mention</translation>
    </message>
    <message>
        <source>Audit entry</source>
        <translation>Audit entry</translation>
    </message>
    <message>
        <source>Directory entry</source>
        <translation>Directory entry</translation>
    </message>
</context>
<context>
    <name>WindowLock</name>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <source>Caseworker (locked)</source>
        <translation>Caseworker (locked)</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Withdraw a consent</source>
        <translation>Withdraw a consent</translation>
    </message>
    <message>
        <source>It stays on the record, ended now, in your name.</source>
        <translation>It stays on the record, ended now, in your name.</translation>
    </message>
    <message>
        <source>&amp;Consent:</source>
        <translation>&amp;Consent:</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>The consent the citizen withdraws.</source>
        <translation>The consent the citizen withdraws.</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Withdraw</translation>
    </message>
    <message>
        <source>No consent is in force.</source>
        <translation>No consent is in force.</translation>
    </message>
</context>
<context>
    <name>WorkListView</name>
    <message>
        <source>Filter by reference, summary or service</source>
        <translation>Filter by reference, summary or service</translation>
    </message>
    <message>
        <source>Filter cases (Ctrl+F)</source>
        <translation>Filter cases (Ctrl+F)</translation>
    </message>
    <message>
        <source>Shows only cases whose reference, summary or service contains these words.</source>
        <translation>Shows only cases whose reference, summary or service contains these words.</translation>
    </message>
    <message>
        <source>F&amp;ilter (Ctrl+F):</source>
        <translation>F&amp;ilter (Ctrl+F):</translation>
    </message>
    <message>
        <source>Sort by (Alt+O)</source>
        <translation>Sort by (Alt+O)</translation>
    </message>
    <message>
        <source>The order the cases are listed in.</source>
        <translation>The order the cases are listed in.</translation>
    </message>
    <message>
        <source>S&amp;ort by:</source>
        <translation>S&amp;ort by:</translation>
    </message>
    <message>
        <source>&amp;Reverse</source>
        <translation>&amp;Reverse</translation>
    </message>
    <message>
        <source>Reverse the order (Alt+R)</source>
        <translation>Reverse the order (Alt+R)</translation>
    </message>
    <message>
        <source>Lists the latest due, least urgent or last first.</source>
        <translation>Lists the latest due, least urgent or last first.</translation>
    </message>
    <message>
        <source>At risk today (Alt+T)</source>
        <translation>At risk today (Alt+T)</translation>
    </message>
    <message>
        <source>Shows only the open cases due by midnight tonight or already late.</source>
        <translation>Shows only the open cases due by midnight tonight or already late.</translation>
    </message>
    <message>
        <source>Number of cases</source>
        <translation>Number of cases</translation>
    </message>
    <message>
        <source>Cases, soonest due first. Press Enter to open the selected case.</source>
        <translation>Cases, soonest due first. Press Enter to open the selected case.</translation>
    </message>
    <message numerus="yes">
        <source>At risk &amp;today (%n)</source>
        <translation>
            <numerusform>At risk &amp;today (%n)</numerusform>
            <numerusform>At risk &amp;today (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message>
        <source>No case matches “%1”. Press Esc in the filter to see them all.</source>
        <translation>No case matches “%1”. Press Esc in the filter to see them all.</translation>
    </message>
    <message>
        <source>The cases could not be loaded: %1</source>
        <translation>The cases could not be loaded: %1</translation>
    </message>
    <message>
        <source>Due time</source>
        <translation>Due time</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
</context>
<context>
    <name>WorkPages</name>
    <message>
        <source>My work</source>
        <translation>My work</translation>
    </message>
    <message>
        <source>You have no open cases. Cases assigned to you appear here as soon as they are; find more in Queues (Ctrl+2).</source>
        <translation>You have no open cases. Cases assigned to you appear here as soon as they are; find more in Queues (Ctrl+2).</translation>
    </message>
</context>
<context>
    <name>_Gone</name>
    <message>
        <source>This record is no longer on this laptop: it was reassigned or left your work.</source>
        <translation>This record is no longer on this laptop: it was reassigned or left your work.</translation>
    </message>
    <message>
        <source>&amp;Close this tab</source>
        <translation>&amp;Close this tab</translation>
    </message>
    <message>
        <source>Close this tab</source>
        <translation>Close this tab</translation>
    </message>
    <message>
        <source>Closes the tab of a record that is no longer on this laptop.</source>
        <translation>Closes the tab of a record that is no longer on this laptop.</translation>
    </message>
</context>
<context>
    <name>_Unavailable</name>
    <message>
        <source>This build of Caseworker cannot show %1 yet (%2).</source>
        <translation>This build of Caseworker cannot show %1 yet (%2).</translation>
    </message>
    <message>
        <source>citizens</source>
        <translation>citizens</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>cases</translation>
    </message>
</context>
</TS>
