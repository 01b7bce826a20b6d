<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy_GB" sourcelanguage="en_GB">
<context>
    <name>AnonymousContactDialog</name>
    <message>
        <source>Log an anonymous contact</source>
        <translation>Cofnodi cysylltiad dienw</translation>
    </message>
    <message>
        <source>For a caller who will not give their details. Nothing about who they are is recorded: only how they got in touch, what it was about and what was said.</source>
        <translation>Ar gyfer galwr na fydd yn rhoi ei fanylion. Does dim byd am bwy ydyn nhw yn cael ei gofnodi: dim ond sut y cysyllton nhw, am beth oedd e a beth a ddywedwyd.</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Sianel:</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Sianel</translation>
    </message>
    <message>
        <source>How the caller got in touch: phone, email, walk-in, letter…</source>
        <translation>Sut y cysylltodd y galwr: ffôn, e-bost, galw heibio, llythyr…</translation>
    </message>
    <message>
        <source>e.g. Fly-tipping on Mill Lane</source>
        <translation>e.e. Tipio anghyfreithlon ar Heol y Felin</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>&amp;Pwnc:</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Pwnc</translation>
    </message>
    <message>
        <source>What the contact was about, in a few words.</source>
        <translation>Am beth oedd y cysylltiad, mewn ychydig eiriau.</translation>
    </message>
    <message>
        <source>&amp;What was said:</source>
        <translation>Beth a &amp;ddywedwyd:</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Beth a ddywedwyd</translation>
    </message>
    <message>
        <source>What the caller said and anything promised. Tab moves on.</source>
        <translation>Beth ddywedodd y galwr ac unrhyw addewid. Mae Tab yn symud ymlaen.</translation>
    </message>
    <message>
        <source>Say in a few words what it was about.</source>
        <translation>Dywedwch mewn ychydig eiriau am beth oedd e.</translation>
    </message>
    <message>
        <source>Say briefly what was said.</source>
        <translation>Dywedwch yn fyr beth a ddywedwyd.</translation>
    </message>
</context>
<context>
    <name>AssignBar</name>
    <message>
        <source>Cases, soonest due first. Shift+Down and Ctrl+A select several; Enter opens the current case.</source>
        <translation>Achosion, y cynharaf i&apos;w gwneud yn gyntaf. Mae Shift+Saeth i Lawr a Ctrl+A yn dewis sawl un; mae Enter yn agor yr achos presennol.</translation>
    </message>
    <message>
        <source>Cases selected</source>
        <translation>Achosion a ddewiswyd</translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation>&amp;Neilltuo i…</translation>
    </message>
    <message>
        <source>Assign the selected cases (Alt+A)</source>
        <translation>Neilltuo&apos;r achosion a ddewiswyd (Alt+N)</translation>
    </message>
    <message>
        <source>Gives every selected case to one officer.</source>
        <translation>Yn rhoi pob achos a ddewiswyd i un swyddog.</translation>
    </message>
    <message>
        <source>Spread &amp;evenly…</source>
        <translation>Rhannu&apos;n &amp;gyfartal…</translation>
    </message>
    <message>
        <source>Spread the selected cases (Alt+E)</source>
        <translation>Rhannu&apos;r achosion a ddewiswyd (Alt+G)</translation>
    </message>
    <message>
        <source>Shares the selected cases among the officers you tick, evening out loads.</source>
        <translation>Yn rhannu&apos;r achosion a ddewiswyd rhwng y swyddogion a diciwch, gan wastatáu&apos;r llwythi.</translation>
    </message>
    <message>
        <source>What the last assignment did</source>
        <translation>Beth wnaeth y neilltuo diwethaf</translation>
    </message>
    <message>
        <source>&amp;Undo (Ctrl+Z)</source>
        <translation>&amp;Dadwneud (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo the assignment (Ctrl+Z)</source>
        <translation>Dadwneud y neilltuo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Puts back who had each case, unless it has changed since.</source>
        <translation>Yn rhoi pob achos yn ôl i bwy oedd ag ef, oni bai ei fod wedi newid ers hynny.</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>wedi&apos;u dewis: %n</numerusform>
            <numerusform>wedi&apos;u dewis: %n</numerusform>
            <numerusform>wedi&apos;u dewis: %n</numerusform>
            <numerusform>wedi&apos;u dewis: %n</numerusform>
            <numerusform>wedi&apos;u dewis: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) assigned.</source>
        <translation>
            <numerusform>Achosion wedi&apos;u neilltuo: %n.</numerusform>
            <numerusform>Achosion wedi&apos;u neilltuo: %n.</numerusform>
            <numerusform>Achosion wedi&apos;u neilltuo: %n.</numerusform>
            <numerusform>Achosion wedi&apos;u neilltuo: %n.</numerusform>
            <numerusform>Achosion wedi&apos;u neilltuo: %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not assigned (closed or changed).</source>
        <translation>
            <numerusform>Heb eu neilltuo (wedi cau neu newid): %n.</numerusform>
            <numerusform>Heb eu neilltuo (wedi cau neu newid): %n.</numerusform>
            <numerusform>Heb eu neilltuo (wedi cau neu newid): %n.</numerusform>
            <numerusform>Heb eu neilltuo (wedi cau neu newid): %n.</numerusform>
            <numerusform>Heb eu neilltuo (wedi cau neu newid): %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left: every officer chosen is away or full.</source>
        <translation>
            <numerusform>Ar ôl: %n. Mae pob swyddog a ddewiswyd i ffwrdd neu&apos;n llawn.</numerusform>
            <numerusform>Ar ôl: %n. Mae pob swyddog a ddewiswyd i ffwrdd neu&apos;n llawn.</numerusform>
            <numerusform>Ar ôl: %n. Mae pob swyddog a ddewiswyd i ffwrdd neu&apos;n llawn.</numerusform>
            <numerusform>Ar ôl: %n. Mae pob swyddog a ddewiswyd i ffwrdd neu&apos;n llawn.</numerusform>
            <numerusform>Ar ôl: %n. Mae pob swyddog a ddewiswyd i ffwrdd neu&apos;n llawn.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n case(s) put back.</source>
        <translation>
            <numerusform>Wedi dadwneud: %n achos wedi&apos;u rhoi&apos;n ôl.</numerusform>
            <numerusform>Wedi dadwneud: %n achos wedi&apos;u rhoi&apos;n ôl.</numerusform>
            <numerusform>Wedi dadwneud: %n achos wedi&apos;u rhoi&apos;n ôl.</numerusform>
            <numerusform>Wedi dadwneud: %n achos wedi&apos;u rhoi&apos;n ôl.</numerusform>
            <numerusform>Wedi dadwneud: %n achos wedi&apos;u rhoi&apos;n ôl.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed since, left as they are.</source>
        <translation>
            <numerusform>Wedi newid ers hynny, wedi&apos;u gadael fel y maent: %n.</numerusform>
            <numerusform>Wedi newid ers hynny, wedi&apos;u gadael fel y maent: %n.</numerusform>
            <numerusform>Wedi newid ers hynny, wedi&apos;u gadael fel y maent: %n.</numerusform>
            <numerusform>Wedi newid ers hynny, wedi&apos;u gadael fel y maent: %n.</numerusform>
            <numerusform>Wedi newid ers hynny, wedi&apos;u gadael fel y maent: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message numerus="yes">
        <source>Spread %n case(s) evenly</source>
        <translation>
            <numerusform>Rhannu achosion yn gyfartal (%n)</numerusform>
            <numerusform>Rhannu achosion yn gyfartal (%n)</numerusform>
            <numerusform>Rhannu achosion yn gyfartal (%n)</numerusform>
            <numerusform>Rhannu achosion yn gyfartal (%n)</numerusform>
            <numerusform>Rhannu achosion yn gyfartal (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Assign %n case(s)</source>
        <translation>
            <numerusform>Neilltuo achosion (%n)</numerusform>
            <numerusform>Neilltuo achosion (%n)</numerusform>
            <numerusform>Neilltuo achosion (%n)</numerusform>
            <numerusform>Neilltuo achosion (%n)</numerusform>
            <numerusform>Neilltuo achosion (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick the officers to share the cases among. Loads, caps and leave are respected.</source>
        <translation>Ticiwch y swyddogion i rannu&apos;r achosion rhyngddynt. Mae llwythi, uchafsymiau a gwyliau&apos;n cael eu parchu.</translation>
    </message>
    <message>
        <source>Choose who takes the cases. Their open cases, cap and leave are shown.</source>
        <translation>Dewiswch pwy sy&apos;n cymryd yr achosion. Dangosir eu hachosion agored, eu huchafswm a&apos;u gwyliau.</translation>
    </message>
    <message>
        <source>&amp;Officers:</source>
        <translation>&amp;Swyddogion:</translation>
    </message>
    <message>
        <source>&amp;Officer:</source>
        <translation>&amp;Swyddog:</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>Swyddogion</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Swyddog</translation>
    </message>
    <message>
        <source>Space ticks or unticks an officer.</source>
        <translation>Mae Bylchwr yn ticio neu&apos;n dad-dicio swyddog.</translation>
    </message>
    <message>
        <source>Up and Down choose; Ctrl+Enter assigns.</source>
        <translation>Mae&apos;r saethau i fyny ac i lawr yn dewis; mae Ctrl+Enter yn neilltuo.</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Neilltuo</translation>
    </message>
    <message>
        <source>Nobody in this queue takes cases: add officers to it first.</source>
        <translation>Nid oes neb yn y ciw hwn yn cymryd achosion: ychwanegwch swyddogion ato yn gyntaf.</translation>
    </message>
    <message numerus="yes">
        <source>%n open case(s)</source>
        <translation>
            <numerusform>achosion agored: %n</numerusform>
            <numerusform>achosion agored: %n</numerusform>
            <numerusform>achosion agored: %n</numerusform>
            <numerusform>achosion agored: %n</numerusform>
            <numerusform>achosion agored: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>at capacity %1</source>
        <translation>yn llawn %1</translation>
    </message>
    <message>
        <source>cap %1</source>
        <translation>uchafswm %1</translation>
    </message>
    <message>
        <source>on leave until %1</source>
        <translation>ar wyliau tan %1</translation>
    </message>
    <message>
        <source>Choose at least one officer.</source>
        <translation>Dewiswch o leiaf un swyddog.</translation>
    </message>
    <message>
        <source>Assign &amp;anyway</source>
        <translation>Neilltuo &amp;beth bynnag</translation>
    </message>
    <message>
        <source>%1 is %2. Press Assign anyway to go ahead.</source>
        <translation>%1: %2. Pwyswch Neilltuo beth bynnag i fwrw ymlaen.</translation>
    </message>
</context>
<context>
    <name>AssuranceDialog</name>
    <message>
        <source>A code sent and read back</source>
        <translation>Cod wedi&apos;i anfon a&apos;i ddarllen yn ôl</translation>
    </message>
    <message>
        <source>The council&apos;s records</source>
        <translation>Cofnodion y cyngor</translation>
    </message>
    <message>
        <source>Signed in to the app</source>
        <translation>Wedi mewngofnodi i&apos;r ap</translation>
    </message>
    <message>
        <source>Call back on a number on their record</source>
        <translation>Galw&apos;n ôl ar rif sydd ar eu cofnod</translation>
    </message>
    <message>
        <source>Questions about what we hold</source>
        <translation>Cwestiynau am yr hyn sydd gennym</translation>
    </message>
    <message>
        <source>A document seen</source>
        <translation>Dogfen a welwyd</translation>
    </message>
    <message>
        <source>Known in person, at the door or counter</source>
        <translation>Adnabyddus wyneb yn wyneb, wrth y drws neu&apos;r cownter</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Pasbort</translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation>Trwydded yrru</translation>
    </message>
    <message>
        <source>Council tax bill</source>
        <translation>Bil treth gyngor</translation>
    </message>
    <message>
        <source>Benefit letter</source>
        <translation>Llythyr budd-daliadau</translation>
    </message>
    <message>
        <source>Utility bill</source>
        <translation>Bil cyfleustodau</translation>
    </message>
    <message>
        <source>Bank statement</source>
        <translation>Cyfriflen banc</translation>
    </message>
    <message>
        <source>Tenancy agreement</source>
        <translation>Cytundeb tenantiaeth</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Dyddiad geni</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Cod post</translation>
    </message>
    <message>
        <source>A case reference</source>
        <translation>Cyfeirnod achos</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Rhif ffôn</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Cyfeiriad e-bost</translation>
    </message>
    <message>
        <source>Contact verified</source>
        <translation>Cyswllt wedi&apos;i wirio</translation>
    </message>
    <message>
        <source>Identity verified</source>
        <translation>Hunaniaeth wedi&apos;i gwirio</translation>
    </message>
    <message>
        <source>Changing contact details</source>
        <translation>Newid manylion cyswllt</translation>
    </message>
    <message>
        <source>Sharing with a partner</source>
        <translation>Rhannu â phartner</translation>
    </message>
    <message>
        <source>A subject access export</source>
        <translation>Allforio cais gwrthrych am wybodaeth</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>heb ei wirio</translation>
    </message>
    <message>
        <source>contact verified</source>
        <translation>cyswllt wedi&apos;i wirio</translation>
    </message>
    <message>
        <source>identity verified</source>
        <translation>hunaniaeth wedi&apos;i gwirio</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Heb ei wirio</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>Check who you are dealing with</source>
        <translation>Gwiriwch gyda phwy rydych chi&apos;n delio</translation>
    </message>
    <message>
        <source>%1 needs the citizen %2; their record is %3. Make one of these checks:</source>
        <translation>Mae %1 angen i&apos;r dinesydd fod â %2; mae eu cofnod yn %3. Gwnewch un o&apos;r gwiriadau hyn:</translation>
    </message>
    <message>
        <source>&amp;Check:</source>
        <translation>&amp;Gwiriad:</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Gwiriad</translation>
    </message>
    <message>
        <source>How you check, from the least you need to ask.</source>
        <translation>Sut rydych chi&apos;n gwirio, o&apos;r lleiaf sydd angen i chi ei ofyn.</translation>
    </message>
    <message>
        <source>&amp;Number called:</source>
        <translation>&amp;Rhif a alwyd:</translation>
    </message>
    <message>
        <source>Number called</source>
        <translation>Rhif a alwyd</translation>
    </message>
    <message>
        <source>The number on their record that you rang and reached them on.</source>
        <translation>Y rhif ar eu cofnod y gwnaethoch ei ffonio a&apos;u cyrraedd arno.</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Dogfen:</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dogfen</translation>
    </message>
    <message>
        <source>Which document you saw. Keep no copy and write down no number.</source>
        <translation>Pa ddogfen a welsoch. Peidiwch â chadw copi na nodi unrhyw rif.</translation>
    </message>
    <message>
        <source>Asked and answered correctly.</source>
        <translation>Wedi&apos;i ofyn a&apos;i ateb yn gywir.</translation>
    </message>
    <message>
        <source>&amp;Asked:</source>
        <translation>&amp;Gofynnwyd:</translation>
    </message>
    <message>
        <source>Facts asked</source>
        <translation>Ffeithiau a ofynnwyd</translation>
    </message>
    <message>
        <source>At least two facts we hold; the answers are never written down.</source>
        <translation>O leiaf dwy ffaith sydd gennym; ni chaiff yr atebion byth eu nodi.</translation>
    </message>
    <message>
        <source>Send the code to</source>
        <translation>Anfon y cod at</translation>
    </message>
    <message>
        <source>An email address or phone on their record.</source>
        <translation>Cyfeiriad e-bost neu ffôn sydd ar eu cofnod.</translation>
    </message>
    <message>
        <source>Se&amp;nd code</source>
        <translation>A&amp;nfon cod</translation>
    </message>
    <message>
        <source>Send code</source>
        <translation>Anfon cod</translation>
    </message>
    <message>
        <source>Asks the council&apos;s service to send a six-digit code there.</source>
        <translation>Yn gofyn i wasanaeth y cyngor anfon cod chwe digid yno.</translation>
    </message>
    <message>
        <source>Code status</source>
        <translation>Statws y cod</translation>
    </message>
    <message>
        <source>Send &amp;to:</source>
        <translation>Anfon &amp;at:</translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation>6 digid</translation>
    </message>
    <message>
        <source>Code read &amp;back:</source>
        <translation>Cod a ddarllenwyd yn ô&amp;l:</translation>
    </message>
    <message>
        <source>Code read back</source>
        <translation>Cod a ddarllenwyd yn ôl</translation>
    </message>
    <message>
        <source>The six digits the citizen reads out from the message.</source>
        <translation>Y chwe digid y mae&apos;r dinesydd yn eu darllen o&apos;r neges.</translation>
    </message>
    <message>
        <source>Asked for a code to %1. It goes once this laptop has synced.</source>
        <translation>Gofynnwyd am god i %1. Bydd yn mynd unwaith y bydd y gliniadur hwn wedi cysoni.</translation>
    </message>
    <message>
        <source>Code sent to %1. Ask them to read it back.</source>
        <translation>Cod wedi&apos;i anfon i %1. Gofynnwch iddynt ei ddarllen yn ôl.</translation>
    </message>
    <message>
        <source>The code was not sent: %1</source>
        <translation>Ni anfonwyd y cod: %1</translation>
    </message>
    <message>
        <source>No check the window offers reaches that level.</source>
        <translation>Nid oes gwiriad yn y ffenestr hon sy&apos;n cyrraedd y lefel honno.</translation>
    </message>
    <message>
        <source>Send a code first.</source>
        <translation>Anfonwch god yn gyntaf.</translation>
    </message>
    <message>
        <source>Wait until the code has been sent.</source>
        <translation>Arhoswch nes bod y cod wedi&apos;i anfon.</translation>
    </message>
    <message>
        <source>Type the code they read back.</source>
        <translation>Teipiwch y cod a ddarllenon nhw yn ôl.</translation>
    </message>
    <message>
        <source>Ask at least two facts we hold.</source>
        <translation>Gofynnwch o leiaf dwy ffaith sydd gennym.</translation>
    </message>
    <message>
        <source>Not the code sent, and no tries are left: send a new one.</source>
        <translation>Nid dyna&apos;r cod a anfonwyd, ac nid oes cynigion ar ôl: anfonwch un newydd.</translation>
    </message>
    <message numerus="yes">
        <source>Not the code sent. Tries left: %n.</source>
        <translation>
            <numerusform>Nid dyna&apos;r cod a anfonwyd. Cynigion ar ôl: %n.</numerusform>
            <numerusform>Nid dyna&apos;r cod a anfonwyd. Cynigion ar ôl: %n.</numerusform>
            <numerusform>Nid dyna&apos;r cod a anfonwyd. Cynigion ar ôl: %n.</numerusform>
            <numerusform>Nid dyna&apos;r cod a anfonwyd. Cynigion ar ôl: %n.</numerusform>
            <numerusform>Nid dyna&apos;r cod a anfonwyd. Cynigion ar ôl: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttachmentPane</name>
    <message>
        <source>Attachments</source>
        <translation>Atodiadau</translation>
    </message>
    <message>
        <source>Photos and files attached to this entry. Enter opens one; Alt+Y saves a copy.</source>
        <translation>Lluniau a ffeiliau sydd ynghlwm wrth y cofnod hwn. Mae Enter yn agor un; mae Alt+D yn cadw copi.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Rhagolwg</translation>
    </message>
    <message>
        <source>The selected picture, made smaller.</source>
        <translation>Y llun a ddewiswyd, yn llai.</translation>
    </message>
    <message>
        <source>About the attachment</source>
        <translation>Am yr atodiad</translation>
    </message>
    <message>
        <source>What happened to the last open or save.</source>
        <translation>Beth ddigwyddodd wrth agor neu gadw ddiwethaf.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ag&amp;or</translation>
    </message>
    <message>
        <source>Open the attachment</source>
        <translation>Agor yr atodiad</translation>
    </message>
    <message>
        <source>Opens a picture, PDF or text file in the program your computer uses.</source>
        <translation>Yn agor llun, PDF neu ffeil destun yn y rhaglen y mae eich cyfrifiadur yn ei defnyddio.</translation>
    </message>
    <message>
        <source>Save a cop&amp;y…</source>
        <translation>Ca&amp;dw copi…</translation>
    </message>
    <message>
        <source>Save a copy of the attachment</source>
        <translation>Cadw copi o&apos;r atodiad</translation>
    </message>
    <message>
        <source>Asks where to save a copy of the selected attachment.</source>
        <translation>Yn gofyn ble i gadw copi o&apos;r atodiad a ddewiswyd.</translation>
    </message>
    <message>
        <source>A&amp;ttachments:</source>
        <translation>A&amp;todiadau:</translation>
    </message>
    <message>
        <source>size not known</source>
        <translation>maint heb ei wybod</translation>
    </message>
    <message>
        <source>%1 (not on this laptop yet)</source>
        <translation>%1 (ddim ar y gliniadur hwn eto)</translation>
    </message>
    <message>
        <source>The content has not reached this laptop yet.</source>
        <translation>Nid yw&apos;r cynnwys wedi cyrraedd y gliniadur hwn eto.</translation>
    </message>
    <message>
        <source>No preview: this is not a picture.</source>
        <translation>Dim rhagolwg: nid llun yw hwn.</translation>
    </message>
    <message>
        <source>Loading the picture…</source>
        <translation>Wrthi&apos;n llwytho&apos;r llun…</translation>
    </message>
    <message>
        <source>This picture cannot be shown: it may be damaged.</source>
        <translation>Nid oes modd dangos y llun hwn: efallai ei fod wedi&apos;i ddifrodi.</translation>
    </message>
    <message>
        <source>Picture: %1</source>
        <translation>Llun: %1</translation>
    </message>
    <message>
        <source>This kind of file is not opened from here: save a copy instead.</source>
        <translation>Nid yw&apos;r math hwn o ffeil yn cael ei agor o&apos;r fan hon: cadwch gopi yn lle hynny.</translation>
    </message>
    <message>
        <source>Saved a copy as %1</source>
        <translation>Cadwyd copi fel %1</translation>
    </message>
</context>
<context>
    <name>BoardFigures</name>
    <message>
        <source>none resolved</source>
        <translation>dim un wedi&apos;i ddatrys</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 diwrnod</translation>
    </message>
    <message>
        <source>%1: nothing to show.</source>
        <translation>%1: dim i&apos;w ddangos.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ar agor</translation>
    </message>
    <message>
        <source>At risk today</source>
        <translation>Mewn perygl heddiw</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>Wedi torri</translation>
    </message>
    <message>
        <source>0 to 2 days</source>
        <translation>0 i 2 diwrnod</translation>
    </message>
    <message>
        <source>3 to 7 days</source>
        <translation>3 i 7 diwrnod</translation>
    </message>
    <message>
        <source>8 to 30 days</source>
        <translation>8 i 30 diwrnod</translation>
    </message>
    <message>
        <source>31 to 90 days</source>
        <translation>31 i 90 diwrnod</translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation>Dros 90 diwrnod</translation>
    </message>
    <message>
        <source>Open cases by queue</source>
        <translation>Achosion agored fesul ciw</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Ciw</translation>
    </message>
    <message>
        <source>Open cases by officer</source>
        <translation>Achosion agored fesul swyddog</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Swyddog</translation>
    </message>
    <message>
        <source>Open cases by age</source>
        <translation>Achosion agored yn ôl oed</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Oed</translation>
    </message>
    <message>
        <source>Cases opened in the last 4 weeks by channel</source>
        <translation>Achosion a agorwyd yn y 4 wythnos diwethaf fesul sianel</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Agorwyd</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Sianel</translation>
    </message>
    <message>
        <source>Opened and resolved per week (weeks from Monday)</source>
        <translation>Agorwyd a datryswyd bob wythnos (wythnosau o ddydd Llun)</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Datryswyd</translation>
    </message>
    <message>
        <source>Median time to resolve</source>
        <translation>Amser canolrifol i ddatrys</translation>
    </message>
    <message>
        <source>Week from</source>
        <translation>Wythnos o</translation>
    </message>
</context>
<context>
    <name>BoardPage</name>
    <message>
        <source>Working out the figures…</source>
        <translation>Yn cyfrifo&apos;r ffigurau…</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Adnewyddu (F5)</translation>
    </message>
    <message>
        <source>Refresh the figures (F5)</source>
        <translation>Adnewyddu&apos;r ffigurau (F5)</translation>
    </message>
    <message>
        <source>The figures also refresh on their own when sync brings changes.</source>
        <translation>Mae&apos;r ffigurau hefyd yn adnewyddu ohonynt eu hunain pan fydd cysoni&apos;n dod â newidiadau.</translation>
    </message>
    <message>
        <source>Show as &amp;tables</source>
        <translation>Dangos fel &amp;tablau</translation>
    </message>
    <message>
        <source>Show every chart as a table (Alt+T)</source>
        <translation>Dangos pob siart fel tabl (Alt+T)</translation>
    </message>
    <message>
        <source>The tables hold the same figures; Enter on a cell lists its cases.</source>
        <translation>Mae&apos;r tablau&apos;n dal yr un ffigurau; mae Enter ar gell yn rhestru ei hachosion.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Siartiau</translation>
    </message>
    <message>
        <source>A chart a tab: Tab into it, arrows to a bar, Enter lists its cases.</source>
        <translation>Siart ym mhob tab: Tab i mewn iddo, saethau at far, mae Enter yn rhestru ei achosion.</translation>
    </message>
    <message>
        <source>By queue</source>
        <translation>Fesul ciw</translation>
    </message>
    <message>
        <source>By officer</source>
        <translation>Fesul swyddog</translation>
    </message>
    <message>
        <source>By age</source>
        <translation>Yn ôl oed</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>Fesul sianel</translation>
    </message>
    <message>
        <source>Weekly trend</source>
        <translation>Tuedd wythnosol</translation>
    </message>
    <message>
        <source>Cases: choose a figure and press Enter</source>
        <translation>Achosion: dewiswch ffigur a phwyso Enter</translation>
    </message>
    <message>
        <source>Cases behind the chosen figure</source>
        <translation>Yr achosion y tu ôl i&apos;r ffigur a ddewiswyd</translation>
    </message>
    <message>
        <source>Enter opens the chosen case.</source>
        <translation>Mae Enter yn agor yr achos a ddewiswyd.</translation>
    </message>
    <message>
        <source>No queue</source>
        <translation>Dim ciw</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Heb ei neilltuo</translation>
    </message>
    <message>
        <source>The figures could not be worked out: %1</source>
        <translation>Nid oedd modd cyfrifo&apos;r ffigurau: %1</translation>
    </message>
    <message>
        <source>as of the last sync %1</source>
        <translation>fel yr oeddent yn y cysoni diwethaf %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>heb gysoni erioed</translation>
    </message>
    <message>
        <source>Covers the cases held on this laptop: %1 open in %2 queues, %3.</source>
        <translation>Yn cwmpasu&apos;r achosion a gedwir ar y gliniadur hwn: %1 ar agor mewn %2 ciw, %3.</translation>
    </message>
    <message>
        <source>%1 — counting…</source>
        <translation>%1 — yn cyfrif…</translation>
    </message>
    <message>
        <source>%1 — %2 cases (Enter opens one)</source>
        <translation>%1 — %2 achos (mae Enter yn agor un)</translation>
    </message>
</context>
<context>
    <name>BoardTiles</name>
    <message>
        <source>no earlier figure</source>
        <translation>dim ffigur cynharach</translation>
    </message>
    <message>
        <source>same as the 4 weeks before</source>
        <translation>yr un fath â&apos;r 4 wythnos cynt</translation>
    </message>
    <message>
        <source>was %1 in the 4 weeks before</source>
        <translation>%1 yn y 4 wythnos cynt</translation>
    </message>
    <message>
        <source>First-contact resolution: cases resolved within 24 hours of being opened, with no more than one contact logged on the case, as a share of the cases resolved in the last 4 weeks.</source>
        <translation>Datrys ar y cyswllt cyntaf: achosion a ddatryswyd o fewn 24 awr i&apos;w hagor, heb fwy nag un cyswllt wedi&apos;i gofnodi ar yr achos, fel cyfran o&apos;r achosion a ddatryswyd yn y 4 wythnos diwethaf.</translation>
    </message>
    <message>
        <source>Open cases due before midnight tonight, not yet past due.</source>
        <translation>Achosion agored sy&apos;n ddyledus cyn hanner nos heno, heb basio&apos;u hamser eto.</translation>
    </message>
    <message>
        <source>Open cases past their due time.</source>
        <translation>Achosion agored wedi pasio&apos;u hamser dyledus.</translation>
    </message>
    <message>
        <source>Half the cases resolved in the last 4 weeks took less, half took more.</source>
        <translation>Cymerodd hanner yr achosion a ddatryswyd yn y 4 wythnos diwethaf lai, a hanner fwy.</translation>
    </message>
    <message>
        <source>Enter lists them.</source>
        <translation>Mae Enter yn eu rhestru.</translation>
    </message>
    <message>
        <source>At risk today</source>
        <translation>Mewn perygl heddiw</translation>
    </message>
    <message>
        <source>due before midnight</source>
        <translation>i&apos;w gwneud cyn hanner nos</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>Wedi torri</translation>
    </message>
    <message>
        <source>open past their due time</source>
        <translation>ar agor wedi&apos;r amser dyledus</translation>
    </message>
    <message>
        <source>First-contact resolution</source>
        <translation>Datrys ar y cyswllt cyntaf</translation>
    </message>
    <message>
        <source>(%1 of %2)</source>
        <translation>(%1 o %2)</translation>
    </message>
    <message>
        <source>Median time to resolve</source>
        <translation>Amser canolrifol i ddatrys</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <source>England and Wales</source>
        <translation>Cymru a Lloegr</translation>
    </message>
    <message>
        <source>Scotland</source>
        <translation>Yr Alban</translation>
    </message>
    <message>
        <source>Northern Ireland</source>
        <translation>Gogledd Iwerddon</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Dydd Llun</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dydd Mawrth</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Dydd Mercher</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Dydd Iau</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Dydd Gwener</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Dydd Sadwrn</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Dydd Sul</translation>
    </message>
    <message>
        <source>Calendar problem</source>
        <translation>Problem gyda&apos;r calendr</translation>
    </message>
    <message>
        <source>Working week</source>
        <translation>Wythnos waith</translation>
    </message>
    <message>
        <source>Nat&amp;ion:</source>
        <translation>&amp;Gwlad:</translation>
    </message>
    <message>
        <source>Nation</source>
        <translation>Gwlad</translation>
    </message>
    <message>
        <source>Its bank holidays are not working days.</source>
        <translation>Nid yw ei gwyliau banc yn ddiwrnodau gwaith.</translation>
    </message>
    <message>
        <source>Not worked</source>
        <translation>Dim gwaith</translation>
    </message>
    <message>
        <source>Working hours, e.g. 09:00-17:00 or 08:30-12:30, 13:30-17:00. Empty: not worked.</source>
        <translation>Oriau gwaith, e.e. 09:00-17:00 neu 08:30-12:30, 13:30-17:00. Gwag: dim gwaith.</translation>
    </message>
    <message>
        <source>e.g. 09:00-17:00, or 08:30-12:30, 13:30-17:00. Empty: not worked.</source>
        <translation>e.e. 09:00-17:00, neu 08:30-12:30, 13:30-17:00. Gwag: dim gwaith.</translation>
    </message>
    <message>
        <source>Save the &amp;week</source>
        <translation>Cadw&apos;r &amp;wythnos</translation>
    </message>
    <message>
        <source>Save the week (Alt+W)</source>
        <translation>Cadw&apos;r wythnos (Alt+W)</translation>
    </message>
    <message>
        <source>Saves the nation and the working hours.</source>
        <translation>Yn cadw&apos;r wlad a&apos;r oriau gwaith.</translation>
    </message>
    <message>
        <source>Closure days</source>
        <translation>Diwrnodau cau</translation>
    </message>
    <message>
        <source>C&amp;losure days:</source>
        <translation>&amp;Diwrnodau cau:</translation>
    </message>
    <message>
        <source>Days the council is closed: not working days. Delete reopens one.</source>
        <translation>Diwrnodau pan fo&apos;r cyngor ar gau: nid ydynt yn ddiwrnodau gwaith. Mae Delete yn ailagor un.</translation>
    </message>
    <message>
        <source>&amp;Reopen the day</source>
        <translation>&amp;Ailagor y diwrnod</translation>
    </message>
    <message>
        <source>Reopen the day (Delete)</source>
        <translation>Ailagor y diwrnod (Delete)</translation>
    </message>
    <message>
        <source>The chosen day is a working day again.</source>
        <translation>Mae&apos;r diwrnod a ddewiswyd yn ddiwrnod gwaith eto.</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>Dydd&amp;iad:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dyddiad</translation>
    </message>
    <message>
        <source>A day the council is closed.</source>
        <translation>Diwrnod pan fo&apos;r cyngor ar gau.</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>&amp;Rheswm:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>Why, in a few words (optional).</source>
        <translation>Pam, mewn ychydig eiriau (dewisol).</translation>
    </message>
    <message>
        <source>Cl&amp;ose that day</source>
        <translation>&amp;Cau&apos;r diwrnod hwnnw</translation>
    </message>
    <message>
        <source>Close that day (Alt+O)</source>
        <translation>Cau&apos;r diwrnod hwnnw (Alt+C)</translation>
    </message>
    <message>
        <source>Adds the date as a closure day.</source>
        <translation>Yn ychwanegu&apos;r dyddiad fel diwrnod cau.</translation>
    </message>
    <message>
        <source>What the change moves</source>
        <translation>Beth mae&apos;r newid yn ei symud</translation>
    </message>
    <message>
        <source>Reco&amp;mpute their due times</source>
        <translation>Ailgyfri&amp;fo eu hamserau dyledus</translation>
    </message>
    <message>
        <source>Recompute their due times (Alt+M)</source>
        <translation>Ailgyfrifo eu hamserau dyledus (Alt+F)</translation>
    </message>
    <message>
        <source>Moves the due times of the open cases here to the calendar as it is now.</source>
        <translation>Yn symud amserau dyledus yr achosion agored yma i&apos;r calendr fel y mae nawr.</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Beth aeth o&apos;i le</translation>
    </message>
    <message>
        <source>The council&apos;s calendar held here cannot be used, so due times are counted on the default one shown (Monday to Friday, 09:00 to 17:00, England and Wales). A change here replaces it. (%1)</source>
        <translation>Ni ellir defnyddio calendr y cyngor sydd yma, felly mae amserau dyledus yn cael eu cyfrif ar y calendr diofyn a ddangosir (dydd Llun i ddydd Gwener, 09:00 i 17:00, Cymru a Lloegr). Mae newid yma yn cymryd ei le. (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Due times of %n open cases on this laptop moved.</source>
        <translation>
            <numerusform>Symudwyd amserau dyledus %n achos agored ar y gliniadur hwn.</numerusform>
            <numerusform>Symudwyd amserau dyledus %n achos agored ar y gliniadur hwn.</numerusform>
            <numerusform>Symudwyd amserau dyledus %n achos agored ar y gliniadur hwn.</numerusform>
            <numerusform>Symudwyd amserau dyledus %n achos agored ar y gliniadur hwn.</numerusform>
            <numerusform>Symudwyd amserau dyledus %n achos agored ar y gliniadur hwn.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved. It moves the due times of %n open cases on this laptop.</source>
        <translation>
            <numerusform>Wedi&apos;i gadw. Mae&apos;n symud amserau dyledus %n achos agored ar y gliniadur hwn.</numerusform>
            <numerusform>Wedi&apos;i gadw. Mae&apos;n symud amserau dyledus %n achos agored ar y gliniadur hwn.</numerusform>
            <numerusform>Wedi&apos;i gadw. Mae&apos;n symud amserau dyledus %n achos agored ar y gliniadur hwn.</numerusform>
            <numerusform>Wedi&apos;i gadw. Mae&apos;n symud amserau dyledus %n achos agored ar y gliniadur hwn.</numerusform>
            <numerusform>Wedi&apos;i gadw. Mae&apos;n symud amserau dyledus %n achos agored ar y gliniadur hwn.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Callers</name>
    <message>
        <source>Anonymous contact logged.</source>
        <translation>Cysylltiad dienw wedi&apos;i gofnodi.</translation>
    </message>
</context>
<context>
    <name>CaseActivity</name>
    <message>
        <source>History</source>
        <translation>Hanes</translation>
    </message>
    <message>
        <source>Who changed what, and when; newest first.</source>
        <translation>Pwy newidiodd beth, a phryd; y diweddaraf yn gyntaf.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
    <message>
        <source>Internal notes on the case; newest first.</source>
        <translation>Nodiadau mewnol ar yr achos; y diweddaraf yn gyntaf.</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Cysylltiadau</translation>
    </message>
    <message>
        <source>Contacts with the citizen about this case; newest first.</source>
        <translation>Cysylltiadau â&apos;r dinesydd am yr achos hwn; y diweddaraf yn gyntaf.</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>Hanes (%1)</translation>
    </message>
    <message>
        <source>Notes (%1)</source>
        <translation>Nodiadau (%1)</translation>
    </message>
    <message>
        <source>Contacts (%1)</source>
        <translation>Cysylltiadau (%1)</translation>
    </message>
</context>
<context>
    <name>CaseDetails</name>
    <message>
        <source>Move to status (Alt+M)</source>
        <translation>Symud i statws (Alt+M)</translation>
    </message>
    <message>
        <source>Only the statuses this case may move to next are offered.</source>
        <translation>Dim ond y statwsau y caiff yr achos hwn symud iddyn nhw nesaf sy&apos;n cael eu cynnig.</translation>
    </message>
    <message>
        <source>Moves the case to the status chosen in Move to.</source>
        <translation>Yn symud yr achos i&apos;r statws a ddewiswyd yn Symud i.</translation>
    </message>
    <message>
        <source>Priority (Alt+R)</source>
        <translation>Blaenoriaeth (Alt+R)</translation>
    </message>
    <message>
        <source>Queue (Alt+Q)</source>
        <translation>Ciw (Alt+C)</translation>
    </message>
    <message>
        <source>The team&apos;s queue the case is in. Only supervisors can move it to another queue.</source>
        <translation>Ciw&apos;r tîm y mae&apos;r achos ynddo. Dim ond goruchwylwyr all ei symud i giw arall.</translation>
    </message>
    <message>
        <source>Take (Ctrl+T)</source>
        <translation>Cymryd (Ctrl+T)</translation>
    </message>
    <message>
        <source>Take this case (Ctrl+T)</source>
        <translation>Cymryd yr achos hwn (Ctrl+T)</translation>
    </message>
    <message>
        <source>Assigns the case to you.</source>
        <translation>Yn aseinio&apos;r achos i chi.</translation>
    </message>
    <message>
        <source>Supervisors can assign the case to anyone, or to nobody.</source>
        <translation>Gall goruchwylwyr aseinio&apos;r achos i unrhyw un, neu i neb.</translation>
    </message>
    <message>
        <source>Change &amp;status</source>
        <translation>Newid y &amp;statws</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Where the case has got to.</source>
        <translation>Pa mor bell mae&apos;r achos wedi mynd.</translation>
    </message>
    <message>
        <source>Change status (Alt+S)</source>
        <translation>Newid y statws (Alt+S)</translation>
    </message>
    <message>
        <source>How urgent the case is. Choosing another saves it.</source>
        <translation>Pa mor frys yw&apos;r achos. Mae dewis un arall yn ei gadw.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Gwasanaeth</translation>
    </message>
    <message>
        <source>The council service the case is for.</source>
        <translation>Gwasanaeth y cyngor y mae&apos;r achos ar ei gyfer.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>How the case was resolved or closed.</source>
        <translation>Sut cafodd yr achos ei ddatrys neu ei gau.</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Wedi&apos;i aseinio i</translation>
    </message>
    <message>
        <source>Who is working on the case.</source>
        <translation>Pwy sy&apos;n gweithio ar yr achos.</translation>
    </message>
    <message>
        <source>Assign to (Alt+O)</source>
        <translation>Aseinio i (Alt+I)</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Aseinio</translation>
    </message>
    <message>
        <source>Assign (Alt+A)</source>
        <translation>Aseinio (Alt+A)</translation>
    </message>
    <message>
        <source>Assigns the case to the person chosen in Assign to.</source>
        <translation>Yn aseinio&apos;r achos i&apos;r person a ddewiswyd yn Aseinio i.</translation>
    </message>
    <message>
        <source>Assign t&amp;o:</source>
        <translation>Aseinio &amp;i:</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Dyledus</translation>
    </message>
    <message>
        <source>Clock paused</source>
        <translation>Cloc wedi’i oedi</translation>
    </message>
    <message>
        <source>How long the case&apos;s clock has stood still while waiting for the citizen.</source>
        <translation>Am ba hyd y mae cloc yr achos wedi aros yn llonydd wrth aros am y dinesydd.</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Agorwyd</translation>
    </message>
    <message>
        <source>When the case was opened, and how.</source>
        <translation>Pryd yr agorwyd yr achos, a sut.</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lleoliad</translation>
    </message>
    <message>
        <source>Where the problem is.</source>
        <translation>Ble mae&apos;r broblem.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Manylion</translation>
    </message>
    <message>
        <source>What the citizen told us.</source>
        <translation>Yr hyn a ddywedodd y dinesydd wrthym.</translation>
    </message>
    <message>
        <source>&amp;Move to:</source>
        <translation>Sy&amp;mud i:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statws:</translation>
    </message>
    <message>
        <source>P&amp;riority:</source>
        <translation>Blaeno&amp;riaeth:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Gwasanaeth:</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>&amp;Ciw:</translation>
    </message>
    <message>
        <source>Assigned to:</source>
        <translation>Wedi&apos;i aseinio i:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Dyledus:</translation>
    </message>
    <message>
        <source>Opened:</source>
        <translation>Agorwyd:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Lleoliad:</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Manylion:</translation>
    </message>
    <message>
        <source>Reopen the ca&amp;se…</source>
        <translation>Ailagor yr achos (&amp;s)…</translation>
    </message>
    <message>
        <source>Reopen the case (Alt+S)</source>
        <translation>Ailagor yr achos (Alt+S)</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Canlyniad: %1</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Neb</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1, gan %2</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Heb ei roi</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Dim</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (due %2)</source>
        <translation>%1 (dyledus %2)</translation>
    </message>
    <message>
        <source>%1 — breaches today</source>
        <translation>%1 — yn hwyr cyn diwedd heddiw</translation>
    </message>
    <message>
        <source>%1; first response %2</source>
        <translation>%1; ymateb cyntaf %2</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 diwrnod</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 diwrnod</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 awr</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 munud</translation>
    </message>
    <message>
        <source>Clock paused now: %1 in all</source>
        <translation>Cloc wedi’i oedi nawr: %1 i gyd</translation>
    </message>
    <message>
        <source>Clock paused %1</source>
        <translation>Cloc wedi’i oedi %1</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>%1, has conflicting changes</source>
        <translation>%1, mae newidiadau sy&apos;n gwrthdaro</translation>
    </message>
    <message>
        <source>%1, escalated</source>
        <translation>%1, wedi&apos;i uwchgyfeirio</translation>
    </message>
    <message>
        <source>Due %1 (%2)</source>
        <translation>Dyledus %1 (%2)</translation>
    </message>
    <message>
        <source>This case has conflicting changes; open it to resolve them.</source>
        <translation>Mae newidiadau sy&apos;n gwrthdaro ar yr achos hwn; agorwch ef i&apos;w datrys.</translation>
    </message>
    <message>
        <source>Escalated: its history says by which rule and what was done.</source>
        <translation>Wedi&apos;i uwchgyfeirio: mae ei hanes yn dweud gan ba reol a beth a wnaed.</translation>
    </message>
    <message>
        <source>Sort by this column: click here, or choose it in &quot;Sort by&quot; (Alt+O)</source>
        <translation>Trefnu yn ôl y golofn hon: cliciwch yma, neu dewiswch hi yn &quot;Trefnu yn ôl&quot; (Alt+T)</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Dyledus</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Dinesydd</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Gwasanaeth</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Blaenoriaeth</translation>
    </message>
</context>
<context>
    <name>CaseSnapshot</name>
    <message>
        <source>Automatic assignment</source>
        <translation>Neilltuo awtomatig</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Loading the case…</source>
        <translation>Yn llwytho&apos;r achos…</translation>
    </message>
    <message>
        <source>Open the citizen</source>
        <translation>Agor y dinesydd</translation>
    </message>
    <message>
        <source>Open the citizen&apos;s view.</source>
        <translation>Agor golwg y dinesydd.</translation>
    </message>
    <message>
        <source>Log a contact</source>
        <translation>Cofnodi cysylltiad</translation>
    </message>
    <message>
        <source>Record a contact about this case.</source>
        <translation>Cofnodi cysylltiad am yr achos hwn.</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>Ychwanegu nodyn</translation>
    </message>
    <message>
        <source>Write an internal note.</source>
        <translation>Ysgrifennu nodyn mewnol.</translation>
    </message>
    <message>
        <source>Reply to the citizen</source>
        <translation>Ateb y dinesydd</translation>
    </message>
    <message>
        <source>Send the citizen an email or text message from a prepared reply.</source>
        <translation>Anfon e-bost neu neges destun at y dinesydd o ateb parod.</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>Cymryd</translation>
    </message>
    <message>
        <source>Assign the case to yourself.</source>
        <translation>Aseinio&apos;r achos i chi eich hun.</translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation>Datrys gwrthdaro</translation>
    </message>
    <message>
        <source>Resolve conflicting changes.</source>
        <translation>Datrys newidiadau sy&apos;n gwrthdaro.</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Dadwneud y newid diwethaf</translation>
    </message>
    <message>
        <source>show this case</source>
        <translation>dangos yr achos hwn</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Link to a citizen… (Ctrl+Shift+C)</source>
        <translation>Cysylltu â dinesydd… (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Citizen: %1 (Ctrl+Shift+C)</source>
        <translation>Dinesydd: %1 (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>undo the change</source>
        <translation>dadwneud y newid</translation>
    </message>
    <message>
        <source>change the status</source>
        <translation>newid y statws</translation>
    </message>
    <message>
        <source>change the priority</source>
        <translation>newid y flaenoriaeth</translation>
    </message>
    <message>
        <source>move the case to another queue</source>
        <translation>symud yr achos i giw arall</translation>
    </message>
    <message>
        <source>assign the case</source>
        <translation>aseinio&apos;r achos</translation>
    </message>
</context>
<context>
    <name>CentralDialog</name>
    <message>
        <source>Central service</source>
        <translation>Gwasanaeth canolog</translation>
    </message>
    <message>
        <source>Caseworker keeps working without a connection and sends your changes when the central service answers. Ask your system administrator for its address.</source>
        <translation>Mae Caseworker yn dal i weithio heb gysylltiad ac yn anfon eich newidiadau pan fydd y gwasanaeth canolog yn ateb. Gofynnwch i weinyddwr eich system am ei gyfeiriad.</translation>
    </message>
    <message>
        <source>Central service address (Alt+A)</source>
        <translation>Cyfeiriad y gwasanaeth canolog (Alt+A)</translation>
    </message>
    <message>
        <source>The address of the council&apos;s case database, starting https://</source>
        <translation>Cyfeiriad cronfa ddata achosion y cyngor, yn dechrau https://</translation>
    </message>
    <message>
        <source>User name on the central service</source>
        <translation>Enw defnyddiwr ar y gwasanaeth canolog</translation>
    </message>
    <message>
        <source>Password (Alt+P)</source>
        <translation>Cyfrinair (Alt+P)</translation>
    </message>
    <message>
        <source>Leave empty to use the password remembered in this computer&apos;s keyring.</source>
        <translation>Gadewch yn wag i ddefnyddio&apos;r cyfrinair a gofiwyd yng nghylch allweddi&apos;r cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>Connection message</source>
        <translation>Neges cysylltu</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>C&amp;yfeiriad:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Defnyddiwr:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>C&amp;yfrinair:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Cysylltu</translation>
    </message>
    <message>
        <source>Connect (Enter)</source>
        <translation>Cysylltu (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Canslo (Esc)</translation>
    </message>
    <message>
        <source>Type the whole address of the central database, e.g. https://couch.council.example/caseworker</source>
        <translation>Teipiwch gyfeiriad llawn y gronfa ddata ganolog, e.e. https://couch.council.example/caseworker</translation>
    </message>
    <message>
        <source>Checking with the central service…</source>
        <translation>Yn gwirio gyda&apos;r gwasanaeth canolog…</translation>
    </message>
    <message>
        <source>The central service did not answer; changes will be sent later.</source>
        <translation>Ni atebodd y gwasanaeth canolog; caiff newidiadau eu hanfon yn nes ymlaen.</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Methu cysylltu: %1</translation>
    </message>
</context>
<context>
    <name>ChangeIdentifierDialog</name>
    <message>
        <source>Change an identifier</source>
        <translation>Newid dynodydd</translation>
    </message>
    <message>
        <source>Correct this identifier (%1). The old value is not kept on the record.</source>
        <translation>Cywirwch y dynodydd hwn (%1). Nid yw&apos;r hen werth yn cael ei gadw ar y cofnod.</translation>
    </message>
    <message>
        <source>&amp;New value:</source>
        <translation>Gwerth &amp;newydd:</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Gwerth newydd</translation>
    </message>
    <message>
        <source>The corrected number, address or handle.</source>
        <translation>Y rhif, cyfeiriad neu enw cyfryngau cymdeithasol wedi&apos;i gywiro.</translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation>Cod &amp;post:</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Cod post</translation>
    </message>
    <message>
        <source>The postcode of the address, e.g. CF10 4UW.</source>
        <translation>Cod post y cyfeiriad, e.e. CF10 4UW.</translation>
    </message>
    <message>
        <source>Verified &amp;by:</source>
        <translation>Wedi&apos;i &amp;wirio drwy:</translation>
    </message>
    <message>
        <source>How the new value was verified</source>
        <translation>Sut y gwiriwyd y gwerth newydd</translation>
    </message>
    <message>
        <source>How you checked the new value belongs to the citizen, or Not verified.</source>
        <translation>Sut y gwnaethoch wirio bod y gwerth newydd yn perthyn i&apos;r dinesydd, neu Heb ei wirio.</translation>
    </message>
</context>
<context>
    <name>CitizenCasesModel</name>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Gwasanaeth</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Blaenoriaeth</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>Lefel gwasanaeth</translation>
    </message>
    <message>
        <source>%1, has conflicting changes</source>
        <translation>%1, mae newidiadau sy&apos;n gwrthdaro</translation>
    </message>
    <message>
        <source>%1. Due %2</source>
        <translation>%1. Dyledus %2</translation>
    </message>
    <message>
        <source>This case has conflicting changes; open it to resolve them.</source>
        <translation>Mae newidiadau sy&apos;n gwrthdaro ar yr achos hwn; agorwch ef i&apos;w datrys.</translation>
    </message>
</context>
<context>
    <name>CitizenHeader</name>
    <message>
        <source>About the citizen</source>
        <translation>Am y dinesydd</translation>
    </message>
    <message>
        <source>Loading the citizen…</source>
        <translation>Yn llwytho&apos;r dinesydd…</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Dewis iaith</translation>
    </message>
    <message>
        <source>age %1</source>
        <translation>oed %1</translation>
    </message>
    <message>
        <source>born %1</source>
        <translation>ganwyd %1</translation>
    </message>
    <message>
        <source>usually gets in touch by %1</source>
        <translation>fel arfer yn cysylltu drwy %1</translation>
    </message>
    <message>
        <source>merged into %1</source>
        <translation>wedi&apos;i gyfuno â %1</translation>
    </message>
    <message>
        <source>Prefers Welsh: offer a Welsh speaker</source>
        <translation>Yn dewis y Gymraeg: cynigiwch siaradwr Cymraeg</translation>
    </message>
    <message>
        <source>Prefers %1</source>
        <translation>Yn dewis %1</translation>
    </message>
    <message>
        <source>No contact recorded yet</source>
        <translation>Dim cyswllt wedi&apos;i gofnodi eto</translation>
    </message>
    <message>
        <source>Last contact: %1, %2, %3</source>
        <translation>Cyswllt diwethaf: %1, %2, %3</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>and %n more in Identifiers</source>
        <translation>
            <numerusform>a %n arall yn Dynodyddion</numerusform>
            <numerusform>a %n arall yn Dynodyddion</numerusform>
            <numerusform>a %n arall yn Dynodyddion</numerusform>
            <numerusform>a %n arall yn Dynodyddion</numerusform>
            <numerusform>a %n arall yn Dynodyddion</numerusform>
        </translation>
    </message>
    <message>
        <source>Verified: %1</source>
        <translation>Wedi&apos;u gwirio: %1</translation>
    </message>
    <message>
        <source>Nothing verified yet: check who you are speaking to</source>
        <translation>Dim wedi&apos;i wirio eto: gwiriwch â phwy rydych chi&apos;n siarad</translation>
    </message>
    <message numerus="yes">
        <source>Open cases: %n</source>
        <translation>
            <numerusform>Achosion agored: %n</numerusform>
            <numerusform>Achosion agored: %n</numerusform>
            <numerusform>Achosion agored: %n</numerusform>
            <numerusform>Achosion agored: %n</numerusform>
            <numerusform>Achosion agored: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (the %n next due; the rest in Open cases)</source>
        <translation>
            <numerusform>%1 (y %n sy&apos;n ddyledus nesaf; y gweddill yn y tab Agored)</numerusform>
            <numerusform>%1 (y %n sy&apos;n ddyledus nesaf; y gweddill yn y tab Agored)</numerusform>
            <numerusform>%1 (y %n sy&apos;n ddyledus nesaf; y gweddill yn y tab Agored)</numerusform>
            <numerusform>%1 (y %n sy&apos;n ddyledus nesaf; y gweddill yn y tab Agored)</numerusform>
            <numerusform>%1 (y %n sy&apos;n ddyledus nesaf; y gweddill yn y tab Agored)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1, %2: %3 priority, %4, %5</source>
        <translation>%1, %2: blaenoriaeth %3, %4, %5</translation>
    </message>
</context>
<context>
    <name>CitizenView</name>
    <message>
        <source>Citizen</source>
        <translation>Dinesydd</translation>
    </message>
    <message>
        <source>Log a contact</source>
        <translation>Cofnodi cysylltiad</translation>
    </message>
    <message>
        <source>Record a call, visit or message.</source>
        <translation>Cofnodi galwad, ymweliad neu neges.</translation>
    </message>
    <message>
        <source>Open a case</source>
        <translation>Agor achos</translation>
    </message>
    <message>
        <source>Open a new case for this citizen.</source>
        <translation>Agor achos newydd i&apos;r dinesydd hwn.</translation>
    </message>
    <message>
        <source>Add an identifier</source>
        <translation>Ychwanegu dynodydd</translation>
    </message>
    <message>
        <source>Add a phone, email, address or handle.</source>
        <translation>Ychwanegu ffôn, e-bost, cyfeiriad neu enw ar y cyfryngau cymdeithasol.</translation>
    </message>
    <message>
        <source>Start a note</source>
        <translation>Dechrau nodyn</translation>
    </message>
    <message>
        <source>Write an internal note.</source>
        <translation>Ysgrifennu nodyn mewnol.</translation>
    </message>
    <message>
        <source>Set a warning</source>
        <translation>Gosod rhybudd</translation>
    </message>
    <message>
        <source>Warn colleagues: vulnerability, safeguarding, access, officer safety.</source>
        <translation>Rhybuddio cydweithwyr: bregusrwydd, diogelu, mynediad, diogelwch swyddogion.</translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation>Datrys gwrthdaro</translation>
    </message>
    <message>
        <source>Resolve conflicting changes.</source>
        <translation>Datrys newidiadau sy&apos;n gwrthdaro.</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Dyblygion posibl</translation>
    </message>
    <message>
        <source>Compare with records that may be the same person (supervisors).</source>
        <translation>Cymharu â chofnodion a all fod yr un person (goruchwylwyr).</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>Dadwneud cyfuno</translation>
    </message>
    <message>
        <source>Separate a record merged into this one again (supervisors).</source>
        <translation>Gwahanu eto gofnod a gyfunwyd â hwn (goruchwylwyr).</translation>
    </message>
    <message>
        <source>Subject access export</source>
        <translation>Allforio data&apos;r unigolyn</translation>
    </message>
    <message>
        <source>Write everything held about this person, redacted, to a folder.</source>
        <translation>Ysgrifennu popeth sydd gennym am yr unigolyn hwn, wedi&apos;i olygu, i ffolder.</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>Dileu…</translation>
    </message>
    <message>
        <source>Erase or anonymise this citizen everywhere (asks first).</source>
        <translation>Dileu&apos;r dinesydd hwn, neu ei wneud yn ddienw, ym mhobman (yn gofyn yn gyntaf).</translation>
    </message>
    <message>
        <source>Check identity</source>
        <translation>Gwirio hunaniaeth</translation>
    </message>
    <message>
        <source>Record how you checked who you are dealing with.</source>
        <translation>Cofnodwch sut y gwnaethoch wirio gyda phwy rydych chi&apos;n delio.</translation>
    </message>
    <message>
        <source>Add consent</source>
        <translation>Ychwanegu caniatâd</translation>
    </message>
    <message>
        <source>Record what the citizen agreed to.</source>
        <translation>Cofnodwch yr hyn y cytunodd y dinesydd iddo.</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Tynnu&apos;n ôl</translation>
    </message>
    <message>
        <source>End a consent the citizen withdraws.</source>
        <translation>Dod â chaniatâd y mae&apos;r dinesydd yn ei dynnu&apos;n ôl i ben.</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Rhannu</translation>
    </message>
    <message>
        <source>Share with a partner the citizen agreed to.</source>
        <translation>Rhannu â phartner y cytunodd y dinesydd iddo.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Newid</translation>
    </message>
    <message>
        <source>Correct the selected phone, email, address or handle.</source>
        <translation>Cywiro&apos;r ffôn, e-bost, cyfeiriad neu enw cyfryngau cymdeithasol a ddewiswyd.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Dileu</translation>
    </message>
    <message>
        <source>Take the selected identifier off the record (asks).</source>
        <translation>Tynnu&apos;r dynodydd a ddewiswyd oddi ar y cofnod (yn gofyn yn gyntaf).</translation>
    </message>
    <message>
        <source>Save the quick note or contact</source>
        <translation>Cadw&apos;r nodyn neu&apos;r cyswllt cyflym</translation>
    </message>
    <message>
        <source>show this citizen</source>
        <translation>dangos y dinesydd hwn</translation>
    </message>
    <message>
        <source>check this citizen&apos;s record</source>
        <translation>gwirio cofnod y dinesydd hwn</translation>
    </message>
    <message>
        <source>End this warning?</source>
        <translation>Dod â&apos;r rhybudd hwn i ben?</translation>
    </message>
    <message>
        <source>End this warning? It stays on the record as ended, with your name.</source>
        <translation>Dod â&apos;r rhybudd hwn i ben? Bydd yn aros ar y cofnod fel un a ddaeth i ben, gyda&apos;ch enw chi.</translation>
    </message>
    <message>
        <source>&amp;End warning</source>
        <translation>&amp;Dod â&apos;r rhybudd i ben</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Cadw</translation>
    </message>
    <message>
        <source>End warning</source>
        <translation>Dod â&apos;r rhybudd i ben</translation>
    </message>
    <message>
        <source>Ends the warning; it stays on the record.</source>
        <translation>Yn dod â&apos;r rhybudd i ben; mae&apos;n aros ar y cofnod.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Cadw</translation>
    </message>
    <message>
        <source>Leaves the warning as it is.</source>
        <translation>Yn gadael y rhybudd fel y mae.</translation>
    </message>
    <message>
        <source>end the warning</source>
        <translation>dod â&apos;r rhybudd i ben</translation>
    </message>
    <message>
        <source>No record was merged into this one.</source>
        <translation>Does dim cofnod wedi&apos;i gyfuno â hwn.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Quick note or contact</source>
        <translation>Nodyn neu gysylltiad cyflym</translation>
    </message>
    <message>
        <source>Write a note, or what was said… (Ctrl+Enter saves)</source>
        <translation>Ysgrifennwch nodyn, neu beth a ddywedwyd… (mae Ctrl+Enter yn cadw)</translation>
    </message>
    <message>
        <source>Text of the note or contact</source>
        <translation>Testun y nodyn neu&apos;r cysylltiad</translation>
    </message>
    <message>
        <source>What to add to the timeline. Tab moves on; Ctrl+Enter saves.</source>
        <translation>Beth i&apos;w ychwanegu at y llinell amser. Mae Tab yn symud ymlaen; mae Ctrl+Enter yn cadw.</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Nodyn mewnol</translation>
    </message>
    <message>
        <source>Contact with the citizen</source>
        <translation>Cysylltiad â&apos;r dinesydd</translation>
    </message>
    <message>
        <source>Note or contact</source>
        <translation>Nodyn neu gysylltiad</translation>
    </message>
    <message>
        <source>An internal note for staff, or a contact with the citizen on a channel.</source>
        <translation>Nodyn mewnol i staff, neu gysylltiad â&apos;r dinesydd ar sianel.</translation>
    </message>
    <message>
        <source>Channel of the contact</source>
        <translation>Sianel y cysylltiad</translation>
    </message>
    <message>
        <source>How the contact happened: phone, email, web form, app, walk-in, letter…</source>
        <translation>Sut y digwyddodd y cysylltiad: ffôn, e-bost, ffurflen we, ap, galw heibio, llythyr…</translation>
    </message>
    <message>
        <source>Direction of the contact</source>
        <translation>Cyfeiriad y cysylltiad</translation>
    </message>
    <message>
        <source>Whether the citizen contacted the council, or the council contacted them.</source>
        <translation>Ai&apos;r dinesydd a gysylltodd â&apos;r cyngor, neu&apos;r cyngor a gysylltodd â&apos;r dinesydd.</translation>
    </message>
    <message>
        <source>Not about a case</source>
        <translation>Ddim am achos</translation>
    </message>
    <message>
        <source>Case the entry is about</source>
        <translation>Yr achos y mae&apos;r cofnod yn ymwneud ag ef</translation>
    </message>
    <message>
        <source>The case this note or contact is about, if any.</source>
        <translation>Yr achos y mae&apos;r nodyn neu&apos;r cysylltiad hwn yn ymwneud ag ef, os oes un.</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Cadw (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Adds the entry to the timeline.</source>
        <translation>Yn ychwanegu&apos;r cofnod at y llinell amser.</translation>
    </message>
    <message>
        <source>Why this could not be saved yet</source>
        <translation>Pam nad oedd modd cadw hyn eto</translation>
    </message>
    <message>
        <source>Everything typed is kept: correct and save again.</source>
        <translation>Mae popeth a deipiwyd yn cael ei gadw: cywirwch a chadw eto.</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Math:</translation>
    </message>
    <message>
        <source>Channe&amp;l:</source>
        <translation>S&amp;ianel:</translation>
    </message>
    <message>
        <source>Ca&amp;se:</source>
        <translation>A&amp;chos:</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>Cyf&amp;eiriad:</translation>
    </message>
    <message>
        <source>&amp;Write:</source>
        <translation>Ysg&amp;rifennu:</translation>
    </message>
    <message>
        <source>Write something first.</source>
        <translation>Ysgrifennwch rywbeth yn gyntaf.</translation>
    </message>
</context>
<context>
    <name>ConflictBadge</name>
    <message>
        <source>Conflicting changes</source>
        <translation>Newidiadau sy&apos;n gwrthdaro</translation>
    </message>
    <message>
        <source>This record has conflicting changes</source>
        <translation>Mae newidiadau sy&apos;n gwrthdaro ar y cofnod hwn</translation>
    </message>
    <message>
        <source>Resolve conflict… (Ctrl+Shift+R)</source>
        <translation>Datrys y gwrthdaro… (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Resolve conflict (Ctrl+Shift+R)</source>
        <translation>Datrys y gwrthdaro (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Two people changed this record at the same time, at least one of them offline. Compare the versions field by field and choose what to keep.</source>
        <translation>Newidiodd dau berson y cofnod hwn ar yr un pryd, ac o leiaf un ohonyn nhw all-lein. Cymharwch y fersiynau fesul maes a dewiswch beth i&apos;w gadw.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Blaenoriaeth</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Manylion</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Ciw</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Wedi&apos;i aseinio i</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Dyledus</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lleoliad</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Enw cyntaf</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Cyfenw</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Enw dewisol</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Dynodyddion</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Cydsyniadau</translation>
    </message>
    <message>
        <source>Routing rules</source>
        <translation>Rheolau llwybro</translation>
    </message>
    <message>
        <source>Saved by</source>
        <translation>Cadwyd gan</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(gwag)</translation>
    </message>
    <message>
        <source>Resolve conflicting changes</source>
        <translation>Datrys newidiadau sy&apos;n gwrthdaro</translation>
    </message>
    <message>
        <source>This record was changed in two places at once, at least one of them offline. Keep one version whole, or choose for each field which value to keep.</source>
        <translation>Newidiwyd y cofnod hwn mewn dau le ar unwaith, ac o leiaf un ohonyn nhw all-lein. Cadwch un fersiwn yn gyfan, neu dewiswch ar gyfer pob maes pa werth i&apos;w gadw.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Cadw</translation>
    </message>
    <message>
        <source>The versions hold the same values: saving keeps them.</source>
        <translation>Mae&apos;r un gwerthoedd yn y fersiynau: mae cadw yn eu cadw.</translation>
    </message>
    <message>
        <source>Chooses that version&apos;s value for every field below.</source>
        <translation>Yn dewis gwerth y fersiwn honno ar gyfer pob maes isod.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Maes</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Cadw&apos;r ddau</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>saved by %1 on %2</source>
        <translation>cadwyd gan %1 ar %2</translation>
    </message>
    <message>
        <source>saved on %1 (by whom is not recorded here)</source>
        <translation>cadwyd ar %1 (ni chofnodir yma gan bwy)</translation>
    </message>
    <message>
        <source>when and by whom is not recorded here</source>
        <translation>ni chofnodir yma pryd na chan bwy</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>fersiwn %1</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation>Cadw %1</translation>
    </message>
    <message>
        <source>the version shown &amp;now</source>
        <translation>y fersiwn a ddangosir &amp;nawr</translation>
    </message>
    <message>
        <source>the &amp;other version</source>
        <translation>y fersiwn &amp;arall</translation>
    </message>
    <message>
        <source>compare the versions</source>
        <translation>cymharu&apos;r fersiynau</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Email</source>
        <translation>E-bost</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Neges destun</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Ffôn</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Cyfryngau cymdeithasol</translation>
    </message>
    <message>
        <source>Record a consent</source>
        <translation>Cofnodi caniatâd</translation>
    </message>
    <message>
        <source>It starts now and runs until it is withdrawn.</source>
        <translation>Mae&apos;n dechrau nawr ac yn para nes iddo gael ei dynnu&apos;n ôl.</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Diben:</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Diben</translation>
    </message>
    <message>
        <source>What the citizen agreed to, in their words.</source>
        <translation>Yr hyn y cytunodd y dinesydd iddo, yn eu geiriau nhw.</translation>
    </message>
    <message>
        <source>&amp;Lawful basis:</source>
        <translation>Sail &amp;gyfreithlon:</translation>
    </message>
    <message>
        <source>Lawful basis</source>
        <translation>Sail gyfreithlon</translation>
    </message>
    <message>
        <source>The UK GDPR basis for using their data this way.</source>
        <translation>Y sail dan GDPR y DU dros ddefnyddio eu data fel hyn.</translation>
    </message>
    <message>
        <source>Contact by %1</source>
        <translation>Cysylltu drwy %1</translation>
    </message>
    <message>
        <source>Sharing with a partner</source>
        <translation>Rhannu â phartner</translation>
    </message>
    <message>
        <source>&amp;Allows:</source>
        <translation>&amp;Yn caniatáu:</translation>
    </message>
    <message>
        <source>Allows</source>
        <translation>Yn caniatáu</translation>
    </message>
    <message>
        <source>The one channel, or the sharing, it covers.</source>
        <translation>Yr un sianel, neu&apos;r rhannu, y mae&apos;n ei gwmpasu.</translation>
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
        <translation>Y sefydliad partner y mae&apos;n caniatáu rhannu ag ef.</translation>
    </message>
    <message>
        <source>&amp;Given by:</source>
        <translation>&amp;Rhoddwyd drwy:</translation>
    </message>
    <message>
        <source>Given by</source>
        <translation>Rhoddwyd drwy</translation>
    </message>
    <message>
        <source>How the citizen gave it: a call, a form, a letter.</source>
        <translation>Sut y rhoddodd y dinesydd ef: galwad, ffurflen, llythyr.</translation>
    </message>
    <message>
        <source>Say what the citizen agreed to.</source>
        <translation>Dywedwch beth y cytunodd y dinesydd iddo.</translation>
    </message>
    <message>
        <source>Say how the citizen gave it.</source>
        <translation>Dywedwch sut y rhoddodd y dinesydd ef.</translation>
    </message>
    <message>
        <source>Name the partner organisation.</source>
        <translation>Enwch y sefydliad partner.</translation>
    </message>
</context>
<context>
    <name>ConsentsModel</name>
    <message>
        <source>Purpose</source>
        <translation>Diben</translation>
    </message>
    <message>
        <source>Lawful basis</source>
        <translation>Sail gyfreithlon</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Cyfnod</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Ffynhonnell</translation>
    </message>
    <message>
        <source>%1 (shared with %2)</source>
        <translation>%1 (wedi&apos;i rannu â %2)</translation>
    </message>
    <message>
        <source>%1 (by %2)</source>
        <translation>%1 (drwy %2)</translation>
    </message>
    <message>
        <source>%1 to %2, withdrawn</source>
        <translation>%1 i %2, wedi&apos;i dynnu&apos;n ôl</translation>
    </message>
    <message>
        <source>from %1, until withdrawn</source>
        <translation>o %1, nes ei dynnu&apos;n ôl</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 i %2</translation>
    </message>
</context>
<context>
    <name>ContactEdit</name>
    <message>
        <source>That identifier is on a record merged into this one.</source>
        <translation>Mae&apos;r dynodydd hwnnw ar gofnod a gyfunwyd â&apos;r un hwn.</translation>
    </message>
    <message>
        <source>Choose an identifier in the list first, then ask again.</source>
        <translation>Dewiswch ddynodydd yn y rhestr yn gyntaf, yna gofynnwch eto.</translation>
    </message>
    <message>
        <source>Remove this identifier?</source>
        <translation>Dileu&apos;r dynodydd hwn?</translation>
    </message>
    <message>
        <source>Remove %1 from the record? It is not kept.</source>
        <translation>Dileu %1 o&apos;r cofnod? Ni chaiff ei gadw.</translation>
    </message>
    <message>
        <source>It is the last way to reach them: the record will hold no phone, email, address or handle.</source>
        <translation>Dyma&apos;r ffordd olaf i gysylltu â nhw: ni fydd ffôn, e-bost, cyfeiriad nac enw cyfryngau cymdeithasol ar y cofnod.</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Dileu</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Cadw</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Dileu</translation>
    </message>
    <message>
        <source>Takes the identifier off the record.</source>
        <translation>Yn tynnu&apos;r dynodydd oddi ar y cofnod.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Cadw</translation>
    </message>
    <message>
        <source>Leaves the identifier as it is.</source>
        <translation>Yn gadael y dynodydd fel y mae.</translation>
    </message>
    <message>
        <source>Removed. No way to reach them is left on the record.</source>
        <translation>Wedi&apos;i ddileu. Nid oes ffordd o gysylltu â nhw ar ôl ar y cofnod.</translation>
    </message>
    <message>
        <source>remove the identifier</source>
        <translation>dileu&apos;r dynodydd</translation>
    </message>
    <message>
        <source>check this citizen&apos;s record</source>
        <translation>gwirio cofnod y dinesydd hwn</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Sianel</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Beth a ddywedwyd</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Cofnodwyd gan</translation>
    </message>
</context>
<context>
    <name>DirectorySummaryPanel</name>
    <message>
        <source>Directory summary</source>
        <translation>Crynodeb o&apos;r cyfeiriadur</translation>
    </message>
    <message>
        <source>Only a summary from the citizen directory: this person&apos;s full record is not on this laptop.</source>
        <translation>Crynodeb o gyfeiriadur y dinasyddion yn unig: nid yw cofnod llawn y person hwn ar y gliniadur hwn.</translation>
    </message>
    <message>
        <source>About this summary</source>
        <translation>Am y crynodeb hwn</translation>
    </message>
    <message>
        <source>Read only, from the citizen directory.</source>
        <translation>Darllen yn unig, o gyfeiriadur y dinasyddion.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Postcodes</source>
        <translation>Codau post</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>Wedi&apos;i gyfuno â</translation>
    </message>
    <message>
        <source>Open full record…</source>
        <translation>Agor y cofnod llawn…</translation>
    </message>
    <message>
        <source>Open full record</source>
        <translation>Agor y cofnod llawn</translation>
    </message>
    <message>
        <source>Fetch this person&apos;s full record from the central service, with a reason that is recorded. It is shown read only and not kept on this laptop.</source>
        <translation>Nôl cofnod llawn y person hwn o&apos;r gwasanaeth canolog, gyda rheswm a gofnodir. Fe&apos;i dangosir i&apos;w ddarllen yn unig ac ni chaiff ei gadw ar y gliniadur hwn.</translation>
    </message>
    <message>
        <source>Why the full record cannot be opened now</source>
        <translation>Pam na ellir agor y cofnod llawn nawr</translation>
    </message>
    <message>
        <source>Opening a full record needs a connection to the central service.</source>
        <translation>Mae angen cysylltiad â&apos;r gwasanaeth canolog i agor cofnod llawn.</translation>
    </message>
    <message>
        <source>Why the full record could not be opened</source>
        <translation>Pam na ellid agor y cofnod llawn</translation>
    </message>
    <message>
        <source>What went wrong the last time the full record was asked for.</source>
        <translation>Beth aeth o&apos;i le y tro diwethaf y gofynnwyd am y cofnod llawn.</translation>
    </message>
    <message>
        <source>Opening the full record…</source>
        <translation>Yn agor y cofnod llawn…</translation>
    </message>
    <message>
        <source>Opening the full record needs the central service: %1</source>
        <translation>Mae angen y gwasanaeth canolog i agor y cofnod llawn: %1</translation>
    </message>
    <message>
        <source>The full record could not be opened: %1</source>
        <translation>Nid oedd modd agor y cofnod llawn: %1</translation>
    </message>
    <message>
        <source>This directory entry is no longer on this laptop.</source>
        <translation>Nid yw&apos;r cofnod hwn o&apos;r cyfeiriadur ar y gliniadur hwn mwyach.</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>dim wedi&apos;i gofnodi</translation>
    </message>
</context>
<context>
    <name>DraftReplyDialog</name>
    <message>
        <source>Draft a public reply</source>
        <translation>Drafftio ateb cyhoeddus</translation>
    </message>
    <message>
        <source>Posted publicly on Mastodon by the council&apos;s central service, once, when this laptop next syncs. %1 is named first if you do not name them.</source>
        <translation>Caiff ei bostio&apos;n gyhoeddus ar Mastodon gan wasanaeth canolog y cyngor, unwaith, pan fydd y gliniadur hwn yn cysoni nesaf. Caiff %1 ei enwi gyntaf os nad ydych chi&apos;n ei enwi.</translation>
    </message>
    <message>
        <source>&amp;Reply:</source>
        <translation>&amp;Ateb:</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Ateb</translation>
    </message>
    <message>
        <source>The public reply, at most %1 characters.</source>
        <translation>Yr ateb cyhoeddus, %1 nod ar y mwyaf.</translation>
    </message>
    <message>
        <source>Characters used</source>
        <translation>Nodau a ddefnyddiwyd</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 o %2 nod</translation>
    </message>
    <message>
        <source>Write the reply first.</source>
        <translation>Ysgrifennwch yr ateb yn gyntaf.</translation>
    </message>
</context>
<context>
    <name>DrillModel</name>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Dyledus</translation>
    </message>
</context>
<context>
    <name>DuplicateReasons</name>
    <message>
        <source>given name</source>
        <translation>enw cyntaf</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>cyfenw</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>dyddiad geni</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>cod post</translation>
    </message>
    <message>
        <source>address</source>
        <translation>cyfeiriad</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>rhif ffôn</translation>
    </message>
    <message>
        <source>email address</source>
        <translation>cyfeiriad e-bost</translation>
    </message>
    <message>
        <source>social handle</source>
        <translation>enw cyfrif cymdeithasol</translation>
    </message>
    <message>
        <source>same %1</source>
        <translation>yr un %1</translation>
    </message>
    <message>
        <source>same property (UPRN)</source>
        <translation>yr un eiddo (UPRN)</translation>
    </message>
    <message>
        <source>same first line of address</source>
        <translation>yr un llinell gyntaf o&apos;r cyfeiriad</translation>
    </message>
    <message>
        <source>different %1</source>
        <translation>%1 gwahanol</translation>
    </message>
    <message>
        <source>%1 differs: a nickname or Welsh form</source>
        <translation>%1 yn wahanol: llysenw neu ffurf Gymraeg</translation>
    </message>
    <message>
        <source>%1 differs: spelling</source>
        <translation>%1 yn wahanol: sillafu</translation>
    </message>
    <message>
        <source>%1 differs: similar</source>
        <translation>%1 yn wahanol: tebyg</translation>
    </message>
    <message>
        <source>%1 differs: one digit, or day and month</source>
        <translation>%1 yn wahanol: un digid, neu&apos;r dydd a&apos;r mis</translation>
    </message>
    <message>
        <source>%1 differs: same year</source>
        <translation>%1 yn wahanol: yr un flwyddyn</translation>
    </message>
    <message>
        <source>%1 differs: same sector</source>
        <translation>%1 yn wahanol: yr un sector</translation>
    </message>
    <message>
        <source>%1 differs: same district</source>
        <translation>%1 yn wahanol: yr un ardal</translation>
    </message>
</context>
<context>
    <name>DuplicateReviewDialog</name>
    <message>
        <source>Are these the same person?</source>
        <translation>Ai&apos;r un person yw&apos;r rhain?</translation>
    </message>
    <message>
        <source>Reading both records…</source>
        <translation>Wrthi&apos;n darllen y ddau gofnod…</translation>
    </message>
    <message>
        <source>Score and reasons</source>
        <translation>Sgôr a rhesymau</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Beth aeth o&apos;i le</translation>
    </message>
    <message>
        <source>Keep the &amp;left record</source>
        <translation>Cadw&apos;r cofnod ar y &amp;chwith</translation>
    </message>
    <message>
        <source>Keep the ri&amp;ght record</source>
        <translation>Cadw&apos;r cofnod ar y &amp;dde</translation>
    </message>
    <message>
        <source>Keep the left record</source>
        <translation>Cadw&apos;r cofnod ar y chwith</translation>
    </message>
    <message>
        <source>Keep the right record</source>
        <translation>Cadw&apos;r cofnod ar y dde</translation>
    </message>
    <message>
        <source>The record that remains; the other is merged into it.</source>
        <translation>Y cofnod sy&apos;n aros; caiff y llall ei gyfuno ag ef.</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <source>Why they are, or are not, the same person: kept with the decision.</source>
        <translation>Pam eu bod, neu nad ydyn nhw, yr un person: yn cael ei gadw gyda&apos;r penderfyniad.</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Pam:</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>C&amp;yfuno</translation>
    </message>
    <message>
        <source>&amp;Not the same person</source>
        <translation>&amp;Nid yr un person</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;Hepgor</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Cyfuno</translation>
    </message>
    <message>
        <source>Merge the other record into the one kept.</source>
        <translation>Cyfuno&apos;r cofnod arall â&apos;r un sy&apos;n cael ei gadw.</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>Nid yr un person</translation>
    </message>
    <message>
        <source>Records that they are different people: not offered again.</source>
        <translation>Yn cofnodi eu bod yn bobl wahanol: ni chânt eu cynnig eto.</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Hepgor</translation>
    </message>
    <message>
        <source>Decide later: nothing is recorded.</source>
        <translation>Penderfynu wedyn: does dim yn cael ei gofnodi.</translation>
    </message>
    <message>
        <source>%1 likely the same person: %2</source>
        <translation>%1 yn debygol o fod yr un person: %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>Known as</source>
        <translation>Yn cael ei adnabod fel</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Dyddiad geni</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Achosion</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Cysylltiadau</translation>
    </message>
    <message>
        <source>Left record</source>
        <translation>Cofnod ar y chwith</translation>
    </message>
    <message>
        <source>Right record</source>
        <translation>Cofnod ar y dde</translation>
    </message>
    <message>
        <source>Left: %1</source>
        <translation>Chwith: %1</translation>
    </message>
    <message>
        <source>Right: %1</source>
        <translation>De: %1</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Reading…</source>
        <translation>Wrthi&apos;n darllen…</translation>
    </message>
    <message>
        <source>How many to review</source>
        <translation>Faint i&apos;w hadolygu</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>Dyblygion tebygol</translation>
    </message>
    <message>
        <source>Pairs of records that may be one person. Enter: compare them side by side.</source>
        <translation>Parau o gofnodion a all fod yn un person. Enter: eu cymharu ochr yn ochr.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cau</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) to review. Enter: compare side by side.</source>
        <translation>
            <numerusform>%n pâr i&apos;w adolygu. Enter: cymharu ochr yn ochr.</numerusform>
            <numerusform>%n pâr i&apos;w adolygu. Enter: cymharu ochr yn ochr.</numerusform>
            <numerusform>%n pâr i&apos;w adolygu. Enter: cymharu ochr yn ochr.</numerusform>
            <numerusform>%n pâr i&apos;w adolygu. Enter: cymharu ochr yn ochr.</numerusform>
            <numerusform>%n pâr i&apos;w adolygu. Enter: cymharu ochr yn ochr.</numerusform>
        </translation>
    </message>
    <message>
        <source>No likely duplicates to review.</source>
        <translation>Dim dyblygion tebygol i&apos;w hadolygu.</translation>
    </message>
</context>
<context>
    <name>DuplicatesModel</name>
    <message>
        <source>Likely</source>
        <translation>Tebygol</translation>
    </message>
    <message>
        <source>One record</source>
        <translation>Un cofnod</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Y llall</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 diwrnod %2 awr</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 awr %2 munud</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 munud</translation>
    </message>
    <message>
        <source>1 day overdue</source>
        <translation>1 diwrnod yn hwyr</translation>
    </message>
    <message>
        <source>%1 days overdue</source>
        <translation>%1 diwrnod yn hwyr</translation>
    </message>
    <message>
        <source>1 hour overdue</source>
        <translation>1 awr yn hwyr</translation>
    </message>
    <message>
        <source>%1 hours overdue</source>
        <translation>%1 awr yn hwyr</translation>
    </message>
    <message>
        <source>1 min overdue</source>
        <translation>1 munud yn hwyr</translation>
    </message>
    <message>
        <source>%1 min overdue</source>
        <translation>%1 munud yn hwyr</translation>
    </message>
    <message>
        <source>due in 1 day</source>
        <translation>ymhen 1 diwrnod</translation>
    </message>
    <message>
        <source>due in %1 days</source>
        <translation>ymhen %1 diwrnod</translation>
    </message>
    <message>
        <source>due in 1 hour</source>
        <translation>ymhen 1 awr</translation>
    </message>
    <message>
        <source>due in %1 hours</source>
        <translation>ymhen %1 awr</translation>
    </message>
    <message>
        <source>due in 1 min</source>
        <translation>ymhen 1 munud</translation>
    </message>
    <message>
        <source>due in %1 min</source>
        <translation>ymhen %1 munud</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>eiliadau yn ôl</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>%1 yn ôl</translation>
    </message>
</context>
<context>
    <name>EndCaseDialog</name>
    <message>
        <source>Close case %1</source>
        <translation>Cau achos %1</translation>
    </message>
    <message>
        <source>Resolve case %1</source>
        <translation>Datrys achos %1</translation>
    </message>
    <message>
        <source>Closing ends the case: nothing on it can be changed until someone reopens it.</source>
        <translation>Mae cau yn dod â&apos;r achos i ben: does dim modd newid dim arno nes i rywun ei ailagor.</translation>
    </message>
    <message>
        <source>Resolving says the work is done. The case can still be closed later.</source>
        <translation>Mae datrys yn dweud bod y gwaith wedi&apos;i wneud. Mae modd cau&apos;r achos wedyn o hyd.</translation>
    </message>
    <message>
        <source>Choose how it ended</source>
        <translation>Dewiswch sut daeth i ben</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Canlyniad:</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Canlyniad</translation>
    </message>
    <message>
        <source>How the case ended, from this service&apos;s list.</source>
        <translation>Sut daeth yr achos i ben, o restr y gwasanaeth hwn.</translation>
    </message>
    <message>
        <source>What was done, and what the citizen was told</source>
        <translation>Beth a wnaed, a beth a ddywedwyd wrth y dinesydd</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>S&amp;ylw:</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Sylw</translation>
    </message>
    <message>
        <source>Kept in the case&apos;s history. Tab moves on; Ctrl+Enter saves.</source>
        <translation>Caiff ei gadw yn hanes yr achos. Mae Tab yn symud ymlaen; mae Ctrl+Enter yn cadw.</translation>
    </message>
    <message>
        <source>C&amp;lose the case</source>
        <translation>Ca&amp;u&apos;r achos</translation>
    </message>
    <message>
        <source>&amp;Resolve the case</source>
        <translation>&amp;Datrys yr achos</translation>
    </message>
    <message>
        <source>Choose the outcome.</source>
        <translation>Dewiswch y canlyniad.</translation>
    </message>
    <message>
        <source>Say what was done, for the case&apos;s history.</source>
        <translation>Dywedwch beth a wnaed, ar gyfer hanes yr achos.</translation>
    </message>
</context>
<context>
    <name>EntryReader</name>
    <message>
        <source>Selected entry</source>
        <translation>Y cofnod a ddewiswyd</translation>
    </message>
    <message>
        <source>The whole of the entry chosen in the timeline: who, when, how and what.</source>
        <translation>Y cofnod cyfan a ddewiswyd yn y llinell amser: pwy, pryd, sut a beth.</translation>
    </message>
    <message>
        <source>Choose an entry in the timeline to read it here.</source>
        <translation>Dewiswch gofnod yn y llinell amser i&apos;w ddarllen yma.</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>anhysbys</translation>
    </message>
    <message>
        <source>Not about a case</source>
        <translation>Ddim am achos</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Sut</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Cofnodwyd gan</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase the whole record</source>
        <translation>Dileu&apos;r cofnod cyfan</translation>
    </message>
    <message>
        <source>Anonymise: keep it for statistics, without any personal detail</source>
        <translation>Gwneud yn ddienw: ei gadw ar gyfer ystadegau, heb unrhyw fanylion personol</translation>
    </message>
    <message>
        <source>No longer needed</source>
        <translation>Nid oes ei angen mwyach</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Caniatâd wedi&apos;i dynnu&apos;n ôl</translation>
    </message>
    <message>
        <source>The citizen objects</source>
        <translation>Mae&apos;r dinesydd yn gwrthwynebu</translation>
    </message>
    <message>
        <source>Held unlawfully</source>
        <translation>Wedi&apos;i gadw&apos;n anghyfreithlon</translation>
    </message>
    <message>
        <source>Required by law</source>
        <translation>Yn ofynnol yn ôl y gyfraith</translation>
    </message>
    <message>
        <source>The citizen asked</source>
        <translation>Gofynnodd y dinesydd</translation>
    </message>
    <message>
        <source>Retention schedule</source>
        <translation>Amserlen gadw</translation>
    </message>
    <message>
        <source>Council decision</source>
        <translation>Penderfyniad y cyngor</translation>
    </message>
    <message>
        <source>Court order</source>
        <translation>Gorchymyn llys</translation>
    </message>
    <message>
        <source>Erase this citizen</source>
        <translation>Dileu&apos;r dinesydd hwn</translation>
    </message>
    <message>
        <source>This removes %1&apos;s record, %2 cases, %3 contacts and notes, identifiers and consents from this laptop, every other laptop and the council&apos;s central database. It cannot be undone. A record of the erasure stays, without their details.</source>
        <translation>Mae hyn yn dileu cofnod %1, %2 achos, %3 cyswllt a nodyn, dynodwyr a chaniatâd o&apos;r gliniadur hwn, o bob gliniadur arall ac o gronfa ddata ganolog y cyngor. Ni ellir ei ddadwneud. Mae cofnod o&apos;r dileu yn aros, heb eu manylion.</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Beth:</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Beth</translation>
    </message>
    <message>
        <source>Erase or anonymise.</source>
        <translation>Dileu neu wneud yn ddienw.</translation>
    </message>
    <message>
        <source>Legal &amp;basis:</source>
        <translation>&amp;Sail gyfreithiol:</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Sail gyfreithiol</translation>
    </message>
    <message>
        <source>The ground for erasure in UK GDPR Article 17.</source>
        <translation>Y sail dros ddileu yn Erthygl 17 GDPR y DU.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Rheswm:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>Why, in short.</source>
        <translation>Pam, yn fyr.</translation>
    </message>
    <message>
        <source>&amp;Erase everywhere</source>
        <translation>&amp;Dileu ym mhobman</translation>
    </message>
    <message>
        <source>Erase everywhere (Ctrl+Enter)</source>
        <translation>Dileu ym mhobman (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Erases the citizen from every copy. It cannot be undone.</source>
        <translation>Yn dileu&apos;r dinesydd o bob copi. Ni ellir ei ddadwneud.</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>What went wrong</source>
        <translation>Beth aeth o&apos;i le</translation>
    </message>
    <message>
        <source>The last thing that could not be done, and why.</source>
        <translation>Y peth diwethaf nad oedd modd ei wneud, a pham.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Something unexpected went wrong (%1: %2). Nothing was saved.</source>
        <translation>Aeth rhywbeth annisgwyl o&apos;i le (%1: %2). Ni chadwyd dim.</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>Doedd dim modd %1: %2</translation>
    </message>
</context>
<context>
    <name>EscalationPanel</name>
    <message>
        <source>Escalation rules</source>
        <translation>Rheolau uwchgyfeirio</translation>
    </message>
    <message>
        <source>What the council&apos;s central service does when a case is late, or nearly: tell the queue&apos;s supervisors, raise the priority, or move it to another queue. Insert adds a rule; Enter changes the chosen one; Space turns it off or on.</source>
        <translation>Beth mae gwasanaeth canolog y cyngor yn ei wneud pan fo achos yn hwyr, neu bron: dweud wrth oruchwylwyr y ciw, codi&apos;r flaenoriaeth, neu ei symud i giw arall. Mae Insert yn ychwanegu rheol; mae Enter yn newid yr un a ddewiswyd; mae Space yn ei diffodd neu&apos;n ei throi ymlaen.</translation>
    </message>
    <message>
        <source>Insert adds a rule, Enter changes the chosen one, Space turns it off or on.</source>
        <translation>Mae Insert yn ychwanegu rheol, mae Enter yn newid yr un a ddewiswyd, mae Space yn ei diffodd neu&apos;n ei throi ymlaen.</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Beth aeth o&apos;i le</translation>
    </message>
    <message>
        <source>&amp;Add a rule…</source>
        <translation>&amp;Ychwanegu rheol…</translation>
    </message>
    <message>
        <source>Add a rule (Insert)</source>
        <translation>Ychwanegu rheol (Insert)</translation>
    </message>
    <message>
        <source>Adds an escalation rule.</source>
        <translation>Yn ychwanegu rheol uwchgyfeirio.</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>&amp;Golygu…</translation>
    </message>
    <message>
        <source>Change the rule (Enter)</source>
        <translation>Newid y rheol (Enter)</translation>
    </message>
    <message>
        <source>Changes the chosen rule&apos;s name, what it watches, when it fires or what it does.</source>
        <translation>Yn newid enw&apos;r rheol a ddewiswyd, beth mae&apos;n ei wylio, pryd mae&apos;n gweithredu neu beth mae&apos;n ei wneud.</translation>
    </message>
    <message>
        <source>&amp;Turn off</source>
        <translation>&amp;Diffodd</translation>
    </message>
    <message>
        <source>Turn the rule off or on (Space)</source>
        <translation>Diffodd neu droi&apos;r rheol ymlaen (Space)</translation>
    </message>
    <message>
        <source>A rule turned off fires no more; turned on again, it fires as before.</source>
        <translation>Nid yw rheol wedi&apos;i diffodd yn gweithredu mwyach; o&apos;i throi ymlaen eto, mae&apos;n gweithredu fel o&apos;r blaen.</translation>
    </message>
    <message>
        <source>&amp;Turn on</source>
        <translation>&amp;Troi ymlaen</translation>
    </message>
</context>
<context>
    <name>EscalationRuleDialog</name>
    <message>
        <source>Add an escalation rule</source>
        <translation>Ychwanegu rheol uwchgyfeirio</translation>
    </message>
    <message>
        <source>Change an escalation rule</source>
        <translation>Newid rheol uwchgyfeirio</translation>
    </message>
    <message>
        <source>The council&apos;s central service applies the rule once to each open case it watches: at the due time, or a number of working hours before it.</source>
        <translation>Mae gwasanaeth canolog y cyngor yn defnyddio&apos;r rheol unwaith ar bob achos agored y mae&apos;n ei wylio: ar yr amser dyledus, neu nifer o oriau gwaith cyn hynny.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Enw:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>What the rule is for, in words colleagues will recognise.</source>
        <translation>Beth yw pwrpas y rheol, mewn geiriau y bydd cydweithwyr yn eu hadnabod.</translation>
    </message>
    <message>
        <source>&amp;Welsh name:</source>
        <translation>Enw Cymrae&amp;g:</translation>
    </message>
    <message>
        <source>Welsh name</source>
        <translation>Enw Cymraeg</translation>
    </message>
    <message>
        <source>Optional: shown instead when the window is in Welsh.</source>
        <translation>Dewisol: yn cael ei ddangos yn lle&apos;r enw Saesneg pan fo&apos;r ffenestr yn Gymraeg.</translation>
    </message>
    <message>
        <source>Any service</source>
        <translation>Unrhyw wasanaeth</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>Gwasa&amp;naeth:</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Gwasanaeth</translation>
    </message>
    <message>
        <source>The service whose cases the rule watches.</source>
        <translation>Y gwasanaeth y mae&apos;r rheol yn gwylio ei achosion.</translation>
    </message>
    <message>
        <source>Any queue</source>
        <translation>Unrhyw giw</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>C&amp;iw:</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Ciw</translation>
    </message>
    <message>
        <source>The queue whose cases the rule watches.</source>
        <translation>Y ciw y mae&apos;r rheol yn gwylio ei achosion.</translation>
    </message>
    <message>
        <source>The first response</source>
        <translation>Yr ymateb cyntaf</translation>
    </message>
    <message>
        <source>The resolution</source>
        <translation>Y datrys</translation>
    </message>
    <message>
        <source>Due &amp;time:</source>
        <translation>&amp;Amser dyledus:</translation>
    </message>
    <message>
        <source>Due time</source>
        <translation>Amser dyledus</translation>
    </message>
    <message>
        <source>Which due time the rule watches.</source>
        <translation>Pa amser dyledus y mae&apos;r rheol yn ei wylio.</translation>
    </message>
    <message>
        <source>When it is late</source>
        <translation>Pan fydd yn hwyr</translation>
    </message>
    <message>
        <source> working hours before</source>
        <translation> awr waith cyn hynny</translation>
    </message>
    <message>
        <source>&amp;Fires:</source>
        <translation>&amp;Pryd:</translation>
    </message>
    <message>
        <source>Fires</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>0: when the case is late; otherwise this many working hours before it is due.</source>
        <translation>0: pan fo&apos;r achos yn hwyr; fel arall, hyn o oriau gwaith cyn ei fod yn ddyledus.</translation>
    </message>
    <message>
        <source>Tell the queue&apos;s supervisors</source>
        <translation>Dweud wrth oruchwylwyr y ciw</translation>
    </message>
    <message>
        <source>Raise the priority</source>
        <translation>Codi&apos;r flaenoriaeth</translation>
    </message>
    <message>
        <source>Move to another queue</source>
        <translation>Symud i giw arall</translation>
    </message>
    <message>
        <source>&amp;Does:</source>
        <translation>&amp;Beth sy&apos;n digwydd:</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Beth sy&apos;n digwydd</translation>
    </message>
    <message>
        <source>What happens to a case the rule fires for.</source>
        <translation>Beth sy&apos;n digwydd i achos y mae&apos;r rheol yn gweithredu arno.</translation>
    </message>
    <message>
        <source>Choose a queue</source>
        <translation>Dewiswch giw</translation>
    </message>
    <message>
        <source>&amp;Move to:</source>
        <translation>&amp;Symud i:</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>Symud i</translation>
    </message>
    <message>
        <source>The queue the cases move to.</source>
        <translation>Y ciw y mae&apos;r achosion yn symud iddo.</translation>
    </message>
    <message>
        <source>Why this rule cannot be used</source>
        <translation>Pam na ellir defnyddio&apos;r rheol hon</translation>
    </message>
    <message>
        <source>What is wrong with the rule as it was read.</source>
        <translation>Beth sydd o&apos;i le ar y rheol fel y&apos;i darllenwyd.</translation>
    </message>
    <message>
        <source>This rule cannot be used as it is (%1). Put it right here and save, or cancel to leave it.</source>
        <translation>Ni ellir defnyddio&apos;r rheol hon fel y mae (%1). Cywirwch hi yma a&apos;i chadw, neu canslwch i&apos;w gadael.</translation>
    </message>
    <message>
        <source>%1 (no longer open)</source>
        <translation>%1 (nid yw ar agor mwyach)</translation>
    </message>
    <message>
        <source>Give the rule a name colleagues will recognise.</source>
        <translation>Rhowch enw i&apos;r rheol y bydd cydweithwyr yn ei adnabod.</translation>
    </message>
    <message>
        <source>Choose a service or a queue (or both): a rule watching every case would escalate them all.</source>
        <translation>Dewiswch wasanaeth neu giw (neu&apos;r ddau): byddai rheol sy&apos;n gwylio pob achos yn uwchgyfeirio pob un.</translation>
    </message>
    <message>
        <source>Choose the queue the cases move to.</source>
        <translation>Dewiswch y ciw y mae&apos;r achosion yn symud iddo.</translation>
    </message>
</context>
<context>
    <name>EscalationRulesModel</name>
    <message>
        <source>Rule</source>
        <translation>Rheol</translation>
    </message>
    <message>
        <source>Watches</source>
        <translation>Yn gwylio</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Beth sy&apos;n digwydd</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Cyflwr</translation>
    </message>
    <message>
        <source>Cannot be used</source>
        <translation>Ni ellir ei defnyddio</translation>
    </message>
    <message>
        <source>Cannot be used: %1</source>
        <translation>Ni ellir ei defnyddio: %1</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ymlaen</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Wedi&apos;i diffodd</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Gwasanaeth: %1</translation>
    </message>
    <message>
        <source>Queue: %1</source>
        <translation>Ciw: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n working hours before the first response is due</source>
        <translation>
            <numerusform>%n awr waith cyn bod yr ymateb cyntaf yn ddyledus</numerusform>
            <numerusform>%n awr waith cyn bod yr ymateb cyntaf yn ddyledus</numerusform>
            <numerusform>%n awr waith cyn bod yr ymateb cyntaf yn ddyledus</numerusform>
            <numerusform>%n awr waith cyn bod yr ymateb cyntaf yn ddyledus</numerusform>
            <numerusform>%n awr waith cyn bod yr ymateb cyntaf yn ddyledus</numerusform>
        </translation>
    </message>
    <message>
        <source>When the first response is late</source>
        <translation>Pan fo&apos;r ymateb cyntaf yn hwyr</translation>
    </message>
    <message numerus="yes">
        <source>%n working hours before the resolution is due</source>
        <translation>
            <numerusform>%n awr waith cyn bod y datrys yn ddyledus</numerusform>
            <numerusform>%n awr waith cyn bod y datrys yn ddyledus</numerusform>
            <numerusform>%n awr waith cyn bod y datrys yn ddyledus</numerusform>
            <numerusform>%n awr waith cyn bod y datrys yn ddyledus</numerusform>
            <numerusform>%n awr waith cyn bod y datrys yn ddyledus</numerusform>
        </translation>
    </message>
    <message>
        <source>When the resolution is late</source>
        <translation>Pan fo&apos;r datrys yn hwyr</translation>
    </message>
    <message>
        <source>Tell the queue&apos;s supervisors</source>
        <translation>Dweud wrth oruchwylwyr y ciw</translation>
    </message>
    <message>
        <source>Raise the priority</source>
        <translation>Codi&apos;r flaenoriaeth</translation>
    </message>
    <message>
        <source>Move to %1 (missing: cases stay)</source>
        <translation>Symud i %1 (ar goll: yr achosion yn aros)</translation>
    </message>
    <message>
        <source>Move to %1 (closed: cases stay)</source>
        <translation>Symud i %1 (ar gau: yr achosion yn aros)</translation>
    </message>
    <message>
        <source>Move to %1</source>
        <translation>Symud i %1</translation>
    </message>
</context>
<context>
    <name>FigureCard</name>
    <message>
        <source>Enter lists the cases behind the chosen cell.</source>
        <translation>Mae Enter yn rhestru&apos;r achosion y tu ôl i&apos;r gell a ddewiswyd.</translation>
    </message>
    <message>
        <source>%1 (Enter lists these cases)</source>
        <translation>%1 (mae Enter yn rhestru&apos;r achosion hyn)</translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation>Dim i&apos;w ddangos.</translation>
    </message>
</context>
<context>
    <name>FirstConnectDialog</name>
    <message>
        <source>Connect to your council&apos;s service</source>
        <translation>Cysylltu â gwasanaeth eich cyngor</translation>
    </message>
    <message>
        <source>This computer holds no records yet. Connect to your council&apos;s central service to bring down your share of its cases and citizens; you can then work with or without a connection. Ask your system administrator for the address.</source>
        <translation>Nid oes cofnodion ar y cyfrifiadur hwn eto. Cysylltwch â gwasanaeth canolog eich cyngor i lawrlwytho eich cyfran chi o&apos;i achosion a&apos;i ddinasyddion; yna gallwch weithio gyda chysylltiad neu hebddo. Gofynnwch i weinyddwr eich system am y cyfeiriad.</translation>
    </message>
    <message>
        <source>Central service address (Alt+A)</source>
        <translation>Cyfeiriad y gwasanaeth canolog (Alt+A)</translation>
    </message>
    <message>
        <source>The address of the council&apos;s case database, starting https://</source>
        <translation>Cyfeiriad cronfa ddata achosion y cyngor, yn dechrau https://</translation>
    </message>
    <message>
        <source>Your user name (Alt+U)</source>
        <translation>Eich enw defnyddiwr (Alt+E)</translation>
    </message>
    <message>
        <source>Your user name on the central service.</source>
        <translation>Eich enw defnyddiwr ar y gwasanaeth canolog.</translation>
    </message>
    <message>
        <source>Password (Alt+P)</source>
        <translation>Cyfrinair (Alt+P)</translation>
    </message>
    <message>
        <source>Your password on the central service.</source>
        <translation>Eich cyfrinair ar y gwasanaeth canolog.</translation>
    </message>
    <message>
        <source>Records brought down</source>
        <translation>Cofnodion wedi&apos;u lawrlwytho</translation>
    </message>
    <message>
        <source>Connection message</source>
        <translation>Neges cysylltu</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Cyfeiriad:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Enw defnyddiwr:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>C&amp;yfrinair:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Cysylltu</translation>
    </message>
    <message>
        <source>Connect (Enter)</source>
        <translation>Cysylltu (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Canslo (Esc)</translation>
    </message>
    <message>
        <source>Type your user name and password.</source>
        <translation>Teipiwch eich enw defnyddiwr a&apos;ch cyfrinair.</translation>
    </message>
    <message>
        <source>The central service did not answer. Check the address and the network, then try again.</source>
        <translation>Ni atebodd y gwasanaeth canolog. Gwiriwch y cyfeiriad a&apos;r rhwydwaith, yna rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>Checking with the central service…</source>
        <translation>Yn gwirio gyda&apos;r gwasanaeth canolog…</translation>
    </message>
    <message>
        <source>Bringing down your records: %1 so far…</source>
        <translation>Yn lawrlwytho eich cofnodion: %1 hyd yma…</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>Methu cysylltu: %1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Yn stopio…</translation>
    </message>
</context>
<context>
    <name>FirstSyncGate</name>
    <message>
        <source>first sync not started: Sync now (F5) starts it when you are ready</source>
        <translation>cysoni cyntaf heb ddechrau: mae Cysoni nawr (F5) yn ei ddechrau pan fyddwch yn barod</translation>
    </message>
</context>
<context>
    <name>FirstSyncQuestion</name>
    <message>
        <source>First sync</source>
        <translation>Cysoni cyntaf</translation>
    </message>
    <message>
        <source>This laptop&apos;s first sync will bring about %1 documents (more than %2). It can take a while and is best done on a good connection.</source>
        <translation>Bydd cysoni cyntaf y gliniadur hwn yn dod â thua %1 o ddogfennau (mwy na %2). Gall gymryd amser, ac mae&apos;n well ei wneud ar gysylltiad da.</translation>
    </message>
    <message>
        <source>What the first sync will bring</source>
        <translation>Beth fydd y cysoni cyntaf yn ei ddod</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Parhau</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Parhau</translation>
    </message>
    <message>
        <source>Starts the sync now; you will not be asked again for this service.</source>
        <translation>Yn dechrau cysoni nawr; ni ofynnir i chi eto am y gwasanaeth hwn.</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Nid nawr</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nid nawr</translation>
    </message>
    <message>
        <source>Leaves the sync unstarted; Sync now (F5) asks again.</source>
        <translation>Yn gadael y cysoni heb ddechrau; mae Cysoni nawr (F5) yn gofyn eto.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Why this could not be saved yet.</source>
        <translation>Pam nad oedd modd cadw hyn eto.</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Beth aeth o&apos;i le</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Cadw</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Cadw (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Saves and closes this dialog.</source>
        <translation>Yn cadw ac yn cau&apos;r blwch deialog hwn.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Canslo (Esc)</translation>
    </message>
    <message>
        <source>Closes this dialog without saving anything.</source>
        <translation>Yn cau&apos;r blwch deialog hwn heb gadw dim.</translation>
    </message>
    <message>
        <source>Problem with %1</source>
        <translation>Problem gyda %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Yn cadw…</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Beth newidiodd</translation>
    </message>
    <message>
        <source>%1 — “%2”</source>
        <translation>%1 — “%2”</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>neb</translation>
    </message>
    <message>
        <source>none</source>
        <translation>dim</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Wedi&apos;i aseinio i</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Blaenoriaeth</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Ciw</translation>
    </message>
    <message>
        <source>Opened the case (%1)</source>
        <translation>Agorodd yr achos (%1)</translation>
    </message>
    <message>
        <source>Resolved conflicting changes</source>
        <translation>Datrysodd newidiadau a oedd yn gwrthdaro</translation>
    </message>
    <message>
        <source>Deadline extended to three months</source>
        <translation>Estynnwyd y dyddiad cau i dri mis</translation>
    </message>
    <message>
        <source>Complaint moved to stage %1</source>
        <translation>Symudwyd y gŵyn i gam %1</translation>
    </message>
    <message>
        <source>Linked to the citizen %1</source>
        <translation>Wedi cysylltu â&apos;r dinesydd %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1, from %2 to %3</source>
        <translation>%1, o %2 i %3</translation>
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
        <translation>Ychwanegu dynodydd</translation>
    </message>
    <message>
        <source>A way to reach or recognise the citizen. Ask only for what the task needs.</source>
        <translation>Ffordd o gysylltu â&apos;r dinesydd neu o&apos;i adnabod. Gofynnwch am ddim ond yr hyn sydd ei angen ar gyfer y dasg.</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Math:</translation>
    </message>
    <message>
        <source>Kind of identifier</source>
        <translation>Math o ddynodydd</translation>
    </message>
    <message>
        <source>Phone, email, address, social media handle or app account.</source>
        <translation>Ffôn, e-bost, cyfeiriad, enw ar y cyfryngau cymdeithasol neu gyfrif ap.</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Gwerth:</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Gwerth</translation>
    </message>
    <message>
        <source>The number, address or handle itself, e.g. 029 2087 2087.</source>
        <translation>Y rhif, y cyfeiriad neu&apos;r enw ei hun, e.e. 029 2087 2087.</translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation>Cod &amp;post:</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Cod post</translation>
    </message>
    <message>
        <source>The postcode of the address, e.g. CF10 4UW.</source>
        <translation>Cod post y cyfeiriad, e.e. CF10 4UW.</translation>
    </message>
    <message>
        <source>optional, e.g. mobile, work, home</source>
        <translation>dewisol, e.e. symudol, gwaith, cartref</translation>
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
        <translation>Dewisol: pa ffôn neu gyfeiriad yw hwn, e.e. symudol neu waith.</translation>
    </message>
    <message>
        <source>Verified &amp;by:</source>
        <translation>Wedi&apos;i &amp;wirio drwy:</translation>
    </message>
    <message>
        <source>How it was verified</source>
        <translation>Sut y cafodd ei wirio</translation>
    </message>
    <message>
        <source>How you checked that it belongs to the citizen, or Not verified.</source>
        <translation>Sut y gwnaethoch wirio ei fod yn perthyn i&apos;r dinesydd, neu Heb ei wirio.</translation>
    </message>
    <message>
        <source>e.g. 029 2087 2087 or 07700 900123</source>
        <translation>e.e. 029 2087 2087 neu 07700 900123</translation>
    </message>
    <message>
        <source>e.g. name@example.org</source>
        <translation>e.e. enw@example.org</translation>
    </message>
    <message>
        <source>e.g. 1 Castle Street, Cardiff</source>
        <translation>e.e. 1 Heol y Castell, Caerdydd</translation>
    </message>
    <message>
        <source>e.g. @name@instance.social</source>
        <translation>e.e. @enw@instance.social</translation>
    </message>
    <message>
        <source>the account id shown in the citizen app</source>
        <translation>dynodydd y cyfrif a ddangosir yn ap y dinesydd</translation>
    </message>
</context>
<context>
    <name>IdentifiersModel</name>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Gwerth</translation>
    </message>
    <message>
        <source>How it was verified</source>
        <translation>Sut y cafodd ei wirio</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ychwanegwyd</translation>
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
        <translation>Yn creu cyngor enghreifftiol gyda %1 o ddinasyddion. Dim ond unwaith y mae hyn yn digwydd, ac mae&apos;n cymryd tua munud…</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <source>Seeding progress</source>
        <translation>Cynnydd creu&apos;r data enghreifftiol</translation>
    </message>
</context>
<context>
    <name>LinkCitizenDialog</name>
    <message>
        <source>Link to a citizen</source>
        <translation>Cysylltu â dinesydd</translation>
    </message>
    <message>
        <source>Find the person this case is about: a name, phone number, postcode or email. Up and Down choose.</source>
        <translation>Chwiliwch am y person y mae&apos;r achos hwn yn ei gylch: enw, rhif ffôn, cod post neu e-bost. Mae Fyny ac I Lawr yn dewis.</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>C&amp;hwilio:</translation>
    </message>
    <message>
        <source>Find a citizen</source>
        <translation>Chwilio am ddinesydd</translation>
    </message>
    <message>
        <source>Type a name, phone number, postcode or email.</source>
        <translation>Teipiwch enw, rhif ffôn, cod post neu e-bost.</translation>
    </message>
    <message>
        <source>&amp;Citizen:</source>
        <translation>&amp;Dinesydd:</translation>
    </message>
    <message>
        <source>Citizens found</source>
        <translation>Dinasyddion a gafwyd</translation>
    </message>
    <message>
        <source>The citizen to link this case to. Up and Down choose.</source>
        <translation>Y dinesydd i gysylltu&apos;r achos hwn ag ef. Mae Fyny ac I Lawr yn dewis.</translation>
    </message>
    <message>
        <source>No citizen on this laptop matches “%1”.</source>
        <translation>Does dim dinesydd ar y gliniadur hwn yn cyfateb i “%1”.</translation>
    </message>
    <message>
        <source>Find and choose the citizen to link the case to.</source>
        <translation>Chwiliwch am y dinesydd a&apos;i ddewis i gysylltu&apos;r achos ag ef.</translation>
    </message>
</context>
<context>
    <name>LinkMentionDialog</name>
    <message>
        <source>Link the mention to a citizen</source>
        <translation>Cysylltu&apos;r crybwylliad â dinesydd</translation>
    </message>
    <message>
        <source>Find the person who posted this: a name, phone number, postcode or email. Up and Down choose.</source>
        <translation>Dewch o hyd i&apos;r person a bostiodd hwn: enw, rhif ffôn, cod post neu e-bost. Mae I Fyny ac I Lawr yn dewis.</translation>
    </message>
    <message>
        <source>Find and choose the citizen who posted this.</source>
        <translation>Dewch o hyd i&apos;r dinesydd a bostiodd hwn a&apos;i ddewis.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Caseworker (locked)</source>
        <translation>Caseworker (wedi&apos;i gloi)</translation>
    </message>
    <message>
        <source>Caseworker is locked</source>
        <translation>Mae Caseworker wedi&apos;i gloi</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>Wedi mewngofnodi fel %1.</translation>
    </message>
    <message>
        <source>Password (Alt+P)</source>
        <translation>Cyfrinair (Alt+C)</translation>
    </message>
    <message>
        <source>The password you signed in with (with no central service, the records&apos; passphrase); Enter unlocks.</source>
        <translation>Y cyfrinair y gwnaethoch fewngofnodi ag ef (heb wasanaeth canolog, cyfrinymadrodd y cofnodion); mae Enter yn datgloi.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Cyfrinair:</translation>
    </message>
    <message>
        <source>Lock message</source>
        <translation>Neges y clo</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Datgloi</translation>
    </message>
    <message>
        <source>Unlock (Enter)</source>
        <translation>Datgloi (Enter)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Allgofnodi</translation>
    </message>
    <message>
        <source>Sign out (Alt+O)</source>
        <translation>Allgofnodi (Alt+A)</translation>
    </message>
    <message>
        <source>Ends your session; unsaved typing in open forms is lost.</source>
        <translation>Yn dod â&apos;ch sesiwn i ben; bydd teipio heb ei gadw mewn ffurflenni agored yn cael ei golli.</translation>
    </message>
    <message>
        <source>No password is kept for this computer&apos;s Caseworker (it has no central service), so it cannot check who you are: sign out, then sign in again.</source>
        <translation>Nid oes cyfrinair yn cael ei gadw ar gyfer Caseworker ar y cyfrifiadur hwn (nid oes ganddo wasanaeth canolog), felly ni all wirio pwy ydych chi: allgofnodwch, yna mewngofnodwch eto.</translation>
    </message>
    <message>
        <source>That is not your password. Try again.</source>
        <translation>Nid dyna&apos;ch cyfrinair. Rhowch gynnig arall arni.</translation>
    </message>
    <message>
        <source>That is not your password. Wait a moment, then try again.</source>
        <translation>Nid dyna&apos;ch cyfrinair. Arhoswch eiliad, yna rhowch gynnig arall arni.</translation>
    </message>
</context>
<context>
    <name>LogContactDialog</name>
    <message>
        <source>Log a contact</source>
        <translation>Cofnodi cysylltiad</translation>
    </message>
    <message>
        <source>Record a call, visit, message or letter so everyone sees it in the timeline.</source>
        <translation>Cofnodwch alwad, ymweliad, neges neu lythyr fel bod pawb yn ei weld yn y llinell amser.</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Sianel:</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Sianel</translation>
    </message>
    <message>
        <source>How the contact happened: phone, email, web form, app, walk-in, letter…</source>
        <translation>Sut y digwyddodd y cysylltiad: ffôn, e-bost, ffurflen we, ap, galw heibio, llythyr…</translation>
    </message>
    <message>
        <source>&amp;Direction:</source>
        <translation>Cyf&amp;eiriad:</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>Whether the citizen contacted the council, or the council contacted them.</source>
        <translation>Ai&apos;r dinesydd a gysylltodd â&apos;r cyngor, neu&apos;r cyngor a gysylltodd â&apos;r dinesydd.</translation>
    </message>
    <message>
        <source>What was it about? What was promised?</source>
        <translation>Am beth oedd e? Beth a addawyd?</translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation>C&amp;rynodeb:</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>A few words on what was said and anything promised. Tab moves on.</source>
        <translation>Ychydig eiriau am yr hyn a ddywedwyd ac unrhyw addewid. Mae Tab yn symud ymlaen.</translation>
    </message>
    <message>
        <source>Not about a particular case</source>
        <translation>Ddim am achos penodol</translation>
    </message>
    <message>
        <source>Ca&amp;se:</source>
        <translation>&amp;Achos:</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>The case this contact is about, if any.</source>
        <translation>Yr achos y mae&apos;r cysylltiad hwn yn ei gylch, os oes un.</translation>
    </message>
    <message>
        <source>Say briefly what the contact was about.</source>
        <translation>Dywedwch yn fyr beth oedd y cysylltiad.</translation>
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
        <translation>Chwilio (Ctrl+K):</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Bar dewislen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Cysoni &amp;nawr</translation>
    </message>
    <message>
        <source>Central &amp;service…</source>
        <translation>&amp;Gwasanaeth canolog…</translation>
    </message>
    <message>
        <source>Sync &amp;problems…</source>
        <translation>&amp;Problemau cysoni…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Allgofnodi</translation>
    </message>
    <message>
        <source>Sign out and &amp;forget this computer</source>
        <translation>Allgofnodi ac &amp;anghofio&apos;r cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Gadael</translation>
    </message>
    <message>
        <source>&amp;Caller</source>
        <translation>Gal&amp;wr</translation>
    </message>
    <message>
        <source>&amp;New citizen…</source>
        <translation>Dinesydd &amp;newydd…</translation>
    </message>
    <message>
        <source>Log an &amp;anonymous contact…</source>
        <translation>Cofnodi cysylltiad &amp;dienw…</translation>
    </message>
    <message>
        <source>Open a case for &amp;no one…</source>
        <translation>Agor achos i n&amp;eb…</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Dinesydd</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>M&amp;ynd</translation>
    </message>
    <message>
        <source>&amp;Find a citizen or case</source>
        <translation>&amp;Dod o hyd i ddinesydd neu achos</translation>
    </message>
    <message>
        <source>Likely &amp;duplicates</source>
        <translation>&amp;Dyblygion tebygol</translation>
    </message>
    <message>
        <source>&amp;Next tab</source>
        <translation>Tab &amp;nesaf</translation>
    </message>
    <message>
        <source>&amp;Previous tab</source>
        <translation>Tab &amp;blaenorol</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>C&amp;au&apos;r tab</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Golwg</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>Testun &amp;mwy</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>Testun &amp;llai</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>Maint testun &amp;arferol</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Cymort&amp;h</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Llwybrau byr y &amp;bysellfwrdd</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>Dyblygion tebygol</translation>
    </message>
    <message>
        <source>Open a citizen&apos;s record to act on it</source>
        <translation>Agorwch gofnod dinesydd i weithredu arno</translation>
    </message>
    <message>
        <source>Open a case to act on it</source>
        <translation>Agorwch achos i weithredu arno</translation>
    </message>
    <message>
        <source>In a case</source>
        <translation>Mewn achos</translation>
    </message>
    <message>
        <source>In a citizen&apos;s record</source>
        <translation>Yng nghofnod dinesydd</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Llwybrau byr y bysellfwrdd</translation>
    </message>
    <message>
        <source>Every action of the window and its keys.</source>
        <translation>Pob gweithred yn y ffenestr a&apos;i bysellau.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Gweithred</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Bysellau</translation>
    </message>
    <message>
        <source>Open the highlighted result or case</source>
        <translation>Agor y canlyniad neu&apos;r achos sydd wedi&apos;i amlygu</translation>
    </message>
    <message>
        <source>Move through search results</source>
        <translation>Symud drwy ganlyniadau&apos;r chwilio</translation>
    </message>
    <message>
        <source>Filter the case list</source>
        <translation>Hidlo&apos;r rhestr achosion</translation>
    </message>
    <message>
        <source>Anywhere in the window</source>
        <translation>Unrhyw le yn y ffenestr</translation>
    </message>
    <message>
        <source>In the mentions inbox</source>
        <translation>Yn y blwch crybwylliadau</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cau (Esc)</translation>
    </message>
    <message>
        <source>Closes this list.</source>
        <translation>Yn cau&apos;r rhestr hon.</translation>
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
        <translation>Diogelu</translation>
    </message>
    <message>
        <source>Officer safety</source>
        <translation>Diogelwch swyddogion</translation>
    </message>
    <message>
        <source>Vulnerability</source>
        <translation>Bregusrwydd</translation>
    </message>
    <message>
        <source>Accessibility need</source>
        <translation>Angen hygyrchedd</translation>
    </message>
    <message>
        <source>review overdue since %1</source>
        <translation>adolygiad yn hwyr ers %1</translation>
    </message>
    <message>
        <source>review by %1</source>
        <translation>adolygu erbyn %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Set by %1 on %2, %3</source>
        <translation>Gosodwyd gan %1 ar %2, %3</translation>
    </message>
    <message>
        <source>At %1.</source>
        <translation>Yn %1.</translation>
    </message>
    <message>
        <source>Warning marker. Enter reviews or ends it.</source>
        <translation>Rhybudd. Mae Enter yn ei adolygu neu&apos;n dod ag ef i ben.</translation>
    </message>
    <message>
        <source>Warning marker</source>
        <translation>Rhybudd</translation>
    </message>
</context>
<context>
    <name>MarkerDialog</name>
    <message>
        <source>Set a warning marker</source>
        <translation>Gosod rhybudd</translation>
    </message>
    <message>
        <source>Everyone who opens this citizen sees the warning first; an officer-safety warning also shows on every case at its address.</source>
        <translation>Mae pawb sy&apos;n agor y dinesydd hwn yn gweld y rhybudd yn gyntaf; mae rhybudd diogelwch swyddogion hefyd yn ymddangos ar bob achos yn ei gyfeiriad.</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Math:</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>What sort of warning.</source>
        <translation>Pa fath o rybudd.</translation>
    </message>
    <message>
        <source>for example: visit in pairs</source>
        <translation>er enghraifft: ymweld mewn parau</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Pam:</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <source>What colleagues need to know, in a line.</source>
        <translation>Beth sydd angen i gydweithwyr ei wybod, mewn llinell.</translation>
    </message>
    <message>
        <source>&amp;Review by:</source>
        <translation>&amp;Adolygu erbyn:</translation>
    </message>
    <message>
        <source>Review by</source>
        <translation>Adolygu erbyn</translation>
    </message>
    <message>
        <source>When someone should check the warning is still needed.</source>
        <translation>Pryd y dylai rhywun wirio bod angen y rhybudd o hyd.</translation>
    </message>
    <message>
        <source>the citizen&apos;s address</source>
        <translation>cyfeiriad y dinesydd</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>C&amp;yfeiriad:</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>Officer safety: the address it applies to. Empty: the citizen&apos;s own.</source>
        <translation>Diogelwch swyddogion: y cyfeiriad y mae&apos;n berthnasol iddo. Gwag: cyfeiriad y dinesydd ei hun.</translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation>C&amp;od post:</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Cod post</translation>
    </message>
    <message>
        <source>The postcode of that address.</source>
        <translation>Cod post y cyfeiriad hwnnw.</translation>
    </message>
    <message>
        <source>Say why the warning is needed.</source>
        <translation>Dywedwch pam mae angen y rhybudd.</translation>
    </message>
</context>
<context>
    <name>MarkerReviewDialog</name>
    <message>
        <source>Review a warning</source>
        <translation>Adolygu rhybudd</translation>
    </message>
    <message>
        <source>%1, set by %2 on %3. Still needed? Set when to review it next, or end it.</source>
        <translation>%1, wedi&apos;i osod gan %2 ar %3. Oes ei angen o hyd? Dewiswch pryd i&apos;w adolygu nesaf, neu dewch ag ef i ben.</translation>
    </message>
    <message>
        <source>Next &amp;review by:</source>
        <translation>Adolygu &amp;nesaf erbyn:</translation>
    </message>
    <message>
        <source>Next review by</source>
        <translation>Adolygu nesaf erbyn</translation>
    </message>
    <message>
        <source>When someone should check again that the warning is still needed.</source>
        <translation>Pryd y dylai rhywun wirio eto bod angen y rhybudd o hyd.</translation>
    </message>
    <message>
        <source>&amp;End warning…</source>
        <translation>&amp;Dod â&apos;r rhybudd i ben…</translation>
    </message>
    <message>
        <source>End warning</source>
        <translation>Dod â&apos;r rhybudd i ben</translation>
    </message>
    <message>
        <source>No longer needed: asks before ending it. It stays on the record as ended.</source>
        <translation>Dim angen mwyach: mae&apos;n gofyn cyn dod ag ef i ben. Mae&apos;n aros ar y cofnod fel un a ddaeth i ben.</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <source>Queue members</source>
        <translation>Aelodau ciw</translation>
    </message>
    <message>
        <source>Queue (Alt+Q)</source>
        <translation>Ciw (Alt+C)</translation>
    </message>
    <message>
        <source>The queue whose members are listed.</source>
        <translation>Y ciw y rhestrir ei aelodau.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Aelodau</translation>
    </message>
    <message>
        <source>Who works this queue. Delete takes the chosen one off it.</source>
        <translation>Pwy sy&apos;n gweithio&apos;r ciw hwn. Mae Delete yn tynnu&apos;r un a ddewiswyd oddi arno.</translation>
    </message>
    <message>
        <source>Ta&amp;ke off queue</source>
        <translation>&amp;Tynnu o&apos;r ciw</translation>
    </message>
    <message>
        <source>Take off queue (Alt+K)</source>
        <translation>Tynnu o&apos;r ciw (Alt+T)</translation>
    </message>
    <message>
        <source>Takes the chosen member off this queue.</source>
        <translation>Yn tynnu&apos;r aelod a ddewiswyd o&apos;r ciw hwn.</translation>
    </message>
    <message>
        <source>Member of staff to add</source>
        <translation>Aelod o staff i&apos;w ychwanegu</translation>
    </message>
    <message>
        <source>Someone who does not work this queue.</source>
        <translation>Rhywun nad yw&apos;n gweithio&apos;r ciw hwn.</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>Ychwan&amp;egu</translation>
    </message>
    <message>
        <source>Add to queue (Alt+D)</source>
        <translation>Ychwanegu at y ciw (Alt+E)</translation>
    </message>
    <message>
        <source>Adds the chosen member of staff to the queue.</source>
        <translation>Yn ychwanegu&apos;r aelod o staff a ddewiswyd at y ciw.</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Beth aeth o&apos;i le</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>&amp;Ciw:</translation>
    </message>
</context>
<context>
    <name>MentionDetail</name>
    <message>
        <source>The chosen mention</source>
        <translation>Y crybwylliad a ddewiswyd</translation>
    </message>
    <message>
        <source>Posted by</source>
        <translation>Postiwyd gan</translation>
    </message>
    <message>
        <source>Posted at</source>
        <translation>Postiwyd am</translation>
    </message>
    <message>
        <source>Deleted at its source: its words are gone.</source>
        <translation>Wedi&apos;i ddileu yn ei ffynhonnell: mae ei eiriau wedi mynd.</translation>
    </message>
    <message>
        <source>Deleted at its source</source>
        <translation>Wedi&apos;i ddileu yn ei ffynhonnell</translation>
    </message>
    <message>
        <source>The post</source>
        <translation>Y neges</translation>
    </message>
    <message>
        <source>The post&apos;s words. Nothing in it loads or opens by itself.</source>
        <translation>Geiriau&apos;r neges. Nid oes dim ynddi&apos;n llwytho nac yn agor ar ei ben ei hun.</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Atodiadau</translation>
    </message>
    <message>
        <source>Links to the post&apos;s photos or videos. Enter opens one in your web browser.</source>
        <translation>Dolenni i luniau neu fideos y neges. Mae Enter yn agor un yn eich porwr gwe.</translation>
    </message>
    <message>
        <source>Attachments (links, not opened):</source>
        <translation>Atodiadau (dolenni, heb eu hagor):</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Brysbennu</translation>
    </message>
    <message>
        <source>Suggested citizen</source>
        <translation>Dinesydd a awgrymir</translation>
    </message>
    <message>
        <source>Suggested service</source>
        <translation>Gwasanaeth a awgrymir</translation>
    </message>
    <message>
        <source>Triage:</source>
        <translation>Brysbennu:</translation>
    </message>
    <message>
        <source>Suggested citizen:</source>
        <translation>Dinesydd a awgrymir:</translation>
    </message>
    <message>
        <source>Suggested service:</source>
        <translation>Gwasanaeth a awgrymir:</translation>
    </message>
    <message>
        <source>No mention chosen</source>
        <translation>Dim crybwylliad wedi&apos;i ddewis</translation>
    </message>
    <message>
        <source>citizen: %1</source>
        <translation>dinesydd: %1</translation>
    </message>
    <message>
        <source>case %1</source>
        <translation>achos %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>gan %1</translation>
    </message>
    <message>
        <source>Linked already.</source>
        <translation>Wedi&apos;i gysylltu eisoes.</translation>
    </message>
    <message>
        <source>None: nobody on this laptop is likely enough. Choose one (C).</source>
        <translation>Dim: does neb ar y gliniadur hwn yn ddigon tebygol. Dewiswch un (C).</translation>
    </message>
    <message>
        <source>%1, %2% likely: %3</source>
        <translation>%1, %2% yn debygol: %3</translation>
    </message>
    <message>
        <source>%1 (words: %2)</source>
        <translation>%1 (geiriau: %2)</translation>
    </message>
    <message>
        <source>None: these fit alike, choose one: %1</source>
        <translation>Dim: mae&apos;r rhain yn gweddu&apos;n gyfartal, dewiswch un: %1</translation>
    </message>
    <message>
        <source>None: no service&apos;s words are in the post.</source>
        <translation>Dim: nid oes geiriau unrhyw wasanaeth yn y neges.</translation>
    </message>
</context>
<context>
    <name>MentionListModel</name>
    <message>
        <source>(deleted at its source)</source>
        <translation>(wedi&apos;i ddileu yn ei ffynhonnell)</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Postiwyd</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Oddi wrth</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Neges</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Cyflwr</translation>
    </message>
</context>
<context>
    <name>MentionReply</name>
    <message>
        <source>waiting to be posted</source>
        <translation>yn aros i gael ei bostio</translation>
    </message>
    <message>
        <source>being posted</source>
        <translation>yn cael ei bostio</translation>
    </message>
    <message>
        <source>posted</source>
        <translation>wedi ei bostio</translation>
    </message>
    <message>
        <source>not posted</source>
        <translation>heb ei bostio</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>wedi ei ganslo</translation>
    </message>
    <message>
        <source>Public reply on Mastodon: %1</source>
        <translation>Ateb cyhoeddus ar Mastodon: %1</translation>
    </message>
</context>
<context>
    <name>MentionStates</name>
    <message>
        <source>New</source>
        <translation>Newydd</translation>
    </message>
    <message>
        <source>Linked to a citizen</source>
        <translation>Wedi&apos;i gysylltu â dinesydd</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>Achos wedi&apos;i agor</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Wedi&apos;i ateb</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Wedi&apos;i wrthod</translation>
    </message>
</context>
<context>
    <name>MentionsPage</name>
    <message>
        <source>Mentions</source>
        <translation>Crybwylliadau</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Y cyfan</translation>
    </message>
    <message>
        <source>Show (Alt+S)</source>
        <translation>Dangos (Alt+N)</translation>
    </message>
    <message>
        <source>Which mentions are listed, by triage.</source>
        <translation>Pa grybwylliadau a restrir, yn ôl brysbennu.</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Da&amp;ngos:</translation>
    </message>
    <message>
        <source>Number of mentions</source>
        <translation>Nifer y crybwylliadau</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Beth ddigwyddodd</translation>
    </message>
    <message>
        <source>Posts that mention the council, newest first. L links, C chooses a citizen, O opens a case, R drafts a reply, D dismisses, N puts back to new.</source>
        <translation>Negeseuon sy&apos;n crybwyll y cyngor, y mwyaf newydd yn gyntaf. Mae L yn cysylltu, C yn dewis dinesydd, O yn agor achos, R yn drafftio ateb, D yn gwrthod, N yn rhoi&apos;n ôl i&apos;r rhai newydd.</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Cysylltu</translation>
    </message>
    <message>
        <source>Link to the suggested citizen</source>
        <translation>Cysylltu â&apos;r dinesydd a awgrymir</translation>
    </message>
    <message>
        <source>&amp;Choose citizen…</source>
        <translation>&amp;Dewis dinesydd…</translation>
    </message>
    <message>
        <source>Find the citizen who posted it</source>
        <translation>Dod o hyd i&apos;r dinesydd a&apos;i postiodd</translation>
    </message>
    <message>
        <source>&amp;Open case…</source>
        <translation>&amp;Agor achos…</translation>
    </message>
    <message>
        <source>Open a case, the suggested service first</source>
        <translation>Agor achos, y gwasanaeth a awgrymir yn gyntaf</translation>
    </message>
    <message>
        <source>&amp;Reply…</source>
        <translation>At&amp;eb…</translation>
    </message>
    <message>
        <source>Draft a public reply, kept with its case</source>
        <translation>Drafftio ateb cyhoeddus, a gedwir gyda&apos;i achos</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>Gwr&amp;thod</translation>
    </message>
    <message>
        <source>Dismiss as not actionable</source>
        <translation>Gwrthod gan nad oes angen gweithredu</translation>
    </message>
    <message>
        <source>Back to &amp;new</source>
        <translation>Yn ôl i&apos;r rhai &amp;newydd</translation>
    </message>
    <message>
        <source>Put it back with the new ones</source>
        <translation>Ei roi&apos;n ôl gyda&apos;r rhai newydd</translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>%n crybwylliad</numerusform>
            <numerusform>%n crybwylliad</numerusform>
            <numerusform>%n crybwylliad</numerusform>
            <numerusform>%n crybwylliad</numerusform>
            <numerusform>%n crybwylliad</numerusform>
        </translation>
    </message>
    <message>
        <source>Linked to %1.</source>
        <translation>Wedi&apos;i gysylltu â %1.</translation>
    </message>
    <message>
        <source>Dismissed as not actionable.</source>
        <translation>Wedi&apos;i wrthod gan nad oes angen gweithredu.</translation>
    </message>
    <message>
        <source>Back with the new mentions.</source>
        <translation>Yn ôl gyda&apos;r crybwylliadau newydd.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Wedi&apos;i gadw.</translation>
    </message>
</context>
<context>
    <name>NavigationRail</name>
    <message>
        <source>Navigation</source>
        <translation>Llywio</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <source>Your open cases, soonest due first.</source>
        <translation>Eich achosion agored, y rhai dyledus gyntaf ar y brig.</translation>
    </message>
    <message>
        <source>The open cases waiting in a queue.</source>
        <translation>Yr achosion agored sy&apos;n aros mewn ciw.</translation>
    </message>
    <message>
        <source>Everyone and every case the search box found.</source>
        <translation>Pawb a phob achos a ganfu&apos;r blwch chwilio.</translation>
    </message>
    <message>
        <source>Workload, breaches and trends of the cases on this laptop.</source>
        <translation>Llwyth gwaith, achosion wedi torri a thueddiadau&apos;r achosion ar y gliniadur hwn.</translation>
    </message>
    <message>
        <source>Which queue new cases go to, and who works each queue.</source>
        <translation>I ba giw mae achosion newydd yn mynd, a phwy sy&apos;n gweithio pob ciw.</translation>
    </message>
    <message>
        <source>Social-media posts that mention the council, to triage.</source>
        <translation>Negeseuon cyfryngau cymdeithasol sy&apos;n crybwyll y cyngor, i&apos;w brysbennu.</translation>
    </message>
    <message>
        <source>Escalation rules, and the council calendar due times are counted on.</source>
        <translation>Rheolau uwchgyfeirio, a chalendr y cyngor y mae amserau dyledus yn cael eu cyfrif arno.</translation>
    </message>
</context>
<context>
    <name>NewCitizenDialog</name>
    <message>
        <source>New citizen</source>
        <translation>Dinesydd newydd</translation>
    </message>
    <message>
        <source>Only a name is needed. Ask for a phone number or email if the council will need to reach them. The details are held to deal with their enquiry.</source>
        <translation>Dim ond enw sydd ei angen. Gofynnwch am rif ffôn neu e-bost os bydd angen i&apos;r cyngor gysylltu â nhw. Cedwir y manylion i ddelio â&apos;u hymholiad.</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Enw cyntaf:</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Enw cyntaf</translation>
    </message>
    <message>
        <source>Required: the caller&apos;s first name.</source>
        <translation>Gofynnol: enw cyntaf y galwr.</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>C&amp;yfenw:</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Cyfenw</translation>
    </message>
    <message>
        <source>Required: the caller&apos;s surname.</source>
        <translation>Gofynnol: cyfenw&apos;r galwr.</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>&amp;Dyddiad geni:</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Dyddiad geni</translation>
    </message>
    <message>
        <source>Optional: day/month/year. Helps tell people with the same name apart.</source>
        <translation>Dewisol: diwrnod/mis/blwyddyn. Mae&apos;n helpu i wahaniaethu rhwng pobl â&apos;r un enw.</translation>
    </message>
    <message>
        <source>e.g. 02/04/1980</source>
        <translation>e.e. 02/04/1980</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Ffôn:</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Rhif ffôn</translation>
    </message>
    <message>
        <source>Optional: a UK phone number to reach them on.</source>
        <translation>Dewisol: rhif ffôn yn y DU i gysylltu â nhw arno.</translation>
    </message>
    <message>
        <source>e.g. 07700 900123</source>
        <translation>e.e. 07700 900123</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>E-&amp;bost:</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Cyfeiriad e-bost</translation>
    </message>
    <message>
        <source>Optional: an email address to reach them at.</source>
        <translation>Dewisol: cyfeiriad e-bost i gysylltu â nhw arno.</translation>
    </message>
    <message>
        <source>P&amp;ostcode:</source>
        <translation>Cod &amp;post:</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Cod post</translation>
    </message>
    <message>
        <source>Optional: the postcode of their home.</source>
        <translation>Dewisol: cod post eu cartref.</translation>
    </message>
    <message>
        <source>e.g. CF10 1AB</source>
        <translation>e.e. CF10 1AB</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Iaith:</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>Dewis iaith</translation>
    </message>
    <message>
        <source>The language the caller would like the council to use.</source>
        <translation>Yr iaith yr hoffai&apos;r galwr i&apos;r cyngor ei defnyddio.</translation>
    </message>
    <message>
        <source>&amp;Already on file?</source>
        <translation>&amp;Ar gofnod yn barod?</translation>
    </message>
    <message>
        <source>Likely matches already on file</source>
        <translation>Cyfatebiaethau tebygol sydd ar gofnod yn barod</translation>
    </message>
    <message>
        <source>People on file with the same phone, email, or name and date of birth. Enter opens one instead of making a new record.</source>
        <translation>Pobl ar gofnod gyda&apos;r un ffôn, e-bost, neu enw a dyddiad geni. Mae Enter yn agor un yn lle creu cofnod newydd.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Already on file? %n likely match(es): Enter opens one.</source>
        <translation>
            <numerusform>&amp;Ar gofnod yn barod? %n cyfatebiaeth debygol: mae Enter yn agor un.</numerusform>
            <numerusform>&amp;Ar gofnod yn barod? %n cyfatebiaeth debygol: mae Enter yn agor un.</numerusform>
            <numerusform>&amp;Ar gofnod yn barod? %n cyfatebiaeth debygol: mae Enter yn agor un.</numerusform>
            <numerusform>&amp;Ar gofnod yn barod? %n cyfatebiaeth debygol: mae Enter yn agor un.</numerusform>
            <numerusform>&amp;Ar gofnod yn barod? %n cyfatebiaeth debygol: mae Enter yn agor un.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Save as new anyway</source>
        <translation>&amp;Cadw fel un newydd beth bynnag</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Cadw</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>yr un rhif ffôn</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>yr un e-bost</translation>
    </message>
    <message>
        <source>same name and date of birth</source>
        <translation>yr un enw a dyddiad geni</translation>
    </message>
    <message>
        <source>%1% likely</source>
        <translation>%1% yn debygol</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>(directory summary)</source>
        <translation>(crynodeb o&apos;r cyfeiriadur)</translation>
    </message>
    <message>
        <source>Enter the caller&apos;s given name.</source>
        <translation>Rhowch enw cyntaf y galwr.</translation>
    </message>
    <message>
        <source>Enter the caller&apos;s family name.</source>
        <translation>Rhowch gyfenw&apos;r galwr.</translation>
    </message>
    <message>
        <source>Enter the date of birth as day/month/year.</source>
        <translation>Rhowch y dyddiad geni fel diwrnod/mis/blwyddyn.</translation>
    </message>
    <message>
        <source>%1 is not a whole UK phone number (10 or 11 digits from 0).</source>
        <translation>Nid yw %1 yn rhif ffôn cyfan yn y DU (10 neu 11 digid yn dechrau â 0).</translation>
    </message>
    <message>
        <source>%1 is not an email address.</source>
        <translation>Nid yw %1 yn gyfeiriad e-bost.</translation>
    </message>
    <message>
        <source>%1 is not a UK postcode (e.g. CF10 1AB).</source>
        <translation>Nid yw %1 yn god post yn y DU (e.e. CF10 1AB).</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Add a note</source>
        <translation>Ychwanegu nodyn</translation>
    </message>
    <message>
        <source>Notes are for staff: the citizen does not see them.</source>
        <translation>I staff y mae nodiadau: dydy&apos;r dinesydd ddim yn eu gweld.</translation>
    </message>
    <message>
        <source>Write the note here</source>
        <translation>Ysgrifennwch y nodyn yma</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Nodyn:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>The text of the note. Tab moves on; Ctrl+Enter saves.</source>
        <translation>Testun y nodyn. Mae Tab yn symud ymlaen; mae Ctrl+Enter yn cadw.</translation>
    </message>
    <message>
        <source>About the citizen in general</source>
        <translation>Am y dinesydd yn gyffredinol</translation>
    </message>
    <message>
        <source>Ca&amp;se:</source>
        <translation>&amp;Achos:</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>The case the note is about, if any.</source>
        <translation>Yr achos y mae&apos;r nodyn yn ei gylch, os oes un.</translation>
    </message>
    <message>
        <source>A note cannot be empty.</source>
        <translation>Ni all nodyn fod yn wag.</translation>
    </message>
</context>
<context>
    <name>NotesModel</name>
    <message>
        <source>When</source>
        <translation>Pryd</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Pwy</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
</context>
<context>
    <name>OfficersPanel</name>
    <message>
        <source>Officers (drop cases here)</source>
        <translation>Swyddogion (gollyngwch achosion yma)</translation>
    </message>
    <message>
        <source>Drag cases onto an officer, or choose one and press Enter, to give them the selected cases.</source>
        <translation>Llusgwch achosion at swyddog, neu dewiswch un a phwyso Enter, i roi&apos;r achosion a ddewiswyd iddynt.</translation>
    </message>
    <message>
        <source>on leave until %1</source>
        <translation>ar wyliau tan %1</translation>
    </message>
    <message numerus="yes">
        <source>%n open</source>
        <translation>
            <numerusform>ar agor: %n</numerusform>
            <numerusform>ar agor: %n</numerusform>
            <numerusform>ar agor: %n</numerusform>
            <numerusform>ar agor: %n</numerusform>
            <numerusform>ar agor: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>at capacity %1</source>
        <translation>yn llawn %1</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 ar agor</translation>
    </message>
    <message>
        <source>Assign anyway?</source>
        <translation>Neilltuo beth bynnag?</translation>
    </message>
    <message numerus="yes">
        <source>%1 is %2. Give them %n case(s) anyway?</source>
        <translation>
            <numerusform>%1: %2. Rhoi&apos;r achosion (%n) iddynt beth bynnag?</numerusform>
            <numerusform>%1: %2. Rhoi&apos;r achosion (%n) iddynt beth bynnag?</numerusform>
            <numerusform>%1: %2. Rhoi&apos;r achosion (%n) iddynt beth bynnag?</numerusform>
            <numerusform>%1: %2. Rhoi&apos;r achosion (%n) iddynt beth bynnag?</numerusform>
            <numerusform>%1: %2. Rhoi&apos;r achosion (%n) iddynt beth bynnag?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Omnibox</name>
    <message>
        <source>Find a citizen or case: name, phone, email, postcode, reference… (Ctrl+K)</source>
        <translation>Dod o hyd i ddinesydd neu achos: enw, ffôn, e-bost, cod post, cyfeirnod… (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search citizens and cases (Ctrl+K)</source>
        <translation>Chwilio dinasyddion ac achosion (Ctrl+K)</translation>
    </message>
    <message>
        <source>Type part of a name, phone number, email, postcode, case reference or social media handle; add a postcode or date of birth (06/05/1978) to a name to narrow it. Results appear as you type, best match first; use the arrow keys to choose one and Enter to open it.</source>
        <translation>Teipiwch ran o enw, rhif ffôn, e-bost, cod post, cyfeirnod achos neu enw ar y cyfryngau cymdeithasol; ychwanegwch god post neu ddyddiad geni (06/05/1978) at enw i gyfyngu’r chwilio. Daw&apos;r canlyniadau wrth i chi deipio, y rhai sy’n cyfateb orau gyntaf; defnyddiwch y bysellau saeth i ddewis un ac Enter i&apos;w agor.</translation>
    </message>
</context>
<context>
    <name>OpenCaseDialog</name>
    <message>
        <source>Open a case</source>
        <translation>Agor achos</translation>
    </message>
    <message>
        <source>A case for no one, e.g. a fly-tip reported by a passer-by. Link it to a citizen later with “Link to a citizen…” on the case (Ctrl+Shift+C).</source>
        <translation>Achos i neb, e.e. tipio anghyfreithlon a adroddwyd gan rywun oedd yn pasio. Cysylltwch ef â dinesydd yn nes ymlaen gyda “Cysylltu â dinesydd…” ar yr achos (Ctrl+Shift+C).</translation>
    </message>
    <message>
        <source>Loading the council&apos;s services…</source>
        <translation>Yn llwytho gwasanaethau&apos;r cyngor…</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>&amp;Gwasanaeth:</translation>
    </message>
    <message>
        <source>Council service</source>
        <translation>Gwasanaeth y cyngor</translation>
    </message>
    <message>
        <source>What kind of problem this is. Type the first letters to pick one.</source>
        <translation>Pa fath o broblem yw hon. Teipiwch y llythrennau cyntaf i ddewis un.</translation>
    </message>
    <message>
        <source>e.g. Green bin not collected on Tuesday</source>
        <translation>e.e. Bin gwyrdd heb ei gasglu ddydd Mawrth</translation>
    </message>
    <message>
        <source>Su&amp;mmary:</source>
        <translation>C&amp;rynodeb:</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>One line on what is wrong, in the citizen&apos;s words if possible.</source>
        <translation>Un llinell am beth sydd o&apos;i le, yng ngeiriau&apos;r dinesydd os oes modd.</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Manylion:</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Manylion</translation>
    </message>
    <message>
        <source>Optional: anything else the person working the case should know.</source>
        <translation>Dewisol: unrhyw beth arall y dylai&apos;r sawl sy&apos;n gweithio ar yr achos ei wybod.</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Blaenoriaeth:</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Blaenoriaeth</translation>
    </message>
    <message>
        <source>How urgent the case is: low, normal, high or urgent.</source>
        <translation>Pa mor frys yw&apos;r achos: isel, arferol, uchel neu frys.</translation>
    </message>
    <message>
        <source>Reported &amp;by:</source>
        <translation>Adroddwyd &amp;drwy:</translation>
    </message>
    <message>
        <source>Reported by channel</source>
        <translation>Y sianel yr adroddwyd drwyddi</translation>
    </message>
    <message>
        <source>The channel the problem was reported through.</source>
        <translation>Y sianel yr adroddwyd y broblem drwyddi.</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>&amp;Lleoliad:</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lleoliad</translation>
    </message>
    <message>
        <source>Optional: where the problem is, e.g. outside 12 Park Road.</source>
        <translation>Dewisol: ble mae&apos;r broblem, e.e. y tu allan i 12 Heol y Parc.</translation>
    </message>
    <message>
        <source>P&amp;ostcode:</source>
        <translation>Cod &amp;post:</translation>
    </message>
    <message>
        <source>Postcode of the location</source>
        <translation>Cod post y lleoliad</translation>
    </message>
    <message>
        <source>Optional: the postcode of the location, e.g. CF10 4UW.</source>
        <translation>Dewisol: cod post y lleoliad, e.e. CF10 4UW.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>There are no active council services to open a case for.</source>
        <translation>Does dim gwasanaethau gweithredol gan y cyngor i agor achos ar eu cyfer.</translation>
    </message>
    <message>
        <source>load the council&apos;s services</source>
        <translation>llwytho gwasanaethau&apos;r cyngor</translation>
    </message>
    <message>
        <source>Choose the council service this case is for.</source>
        <translation>Dewiswch wasanaeth y cyngor y mae&apos;r achos hwn ar ei gyfer.</translation>
    </message>
    <message>
        <source>Say in a few words what is wrong.</source>
        <translation>Dywedwch mewn ychydig eiriau beth sydd o&apos;i le.</translation>
    </message>
    <message>
        <source>%1 is not a UK postcode (e.g. CF10 1AB).</source>
        <translation>Nid yw %1 yn god post yn y DU (e.e. CF10 1AB).</translation>
    </message>
</context>
<context>
    <name>OpenCaseFromMentionDialog</name>
    <message>
        <source>Open a case from this mention</source>
        <translation>Agor achos o&apos;r crybwylliad hwn</translation>
    </message>
    <message>
        <source>The case goes to the chosen service&apos;s queue, for the mention&apos;s citizen when it is linked to one. The post&apos;s words become its summary.</source>
        <translation>Mae&apos;r achos yn mynd i giw&apos;r gwasanaeth a ddewiswyd, ar gyfer dinesydd y crybwylliad os yw wedi&apos;i gysylltu ag un. Geiriau&apos;r neges yw ei grynodeb.</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>&amp;Gwasanaeth:</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Gwasanaeth</translation>
    </message>
    <message>
        <source>The council service the case is for. The suggested one is chosen first.</source>
        <translation>Gwasanaeth y cyngor y mae&apos;r achos ar ei gyfer. Dewisir yr un a awgrymir yn gyntaf.</translation>
    </message>
    <message>
        <source>Choose the service the case is for.</source>
        <translation>Dewiswch y gwasanaeth y mae&apos;r achos ar ei gyfer.</translation>
    </message>
</context>
<context>
    <name>OpenedRecord</name>
    <message>
        <source>This laptop is not connected to a central service.</source>
        <translation>Nid yw&apos;r gliniadur hwn wedi&apos;i gysylltu â gwasanaeth canolog.</translation>
    </message>
    <message>
        <source>Not signed in to the central service.</source>
        <translation>Heb fewngofnodi i&apos;r gwasanaeth canolog.</translation>
    </message>
    <message>
        <source>%1 (on demand)</source>
        <translation>%1 (ar gais)</translation>
    </message>
</context>
<context>
    <name>OpenedRecordView</name>
    <message>
        <source>Citizen, opened on demand</source>
        <translation>Dinesydd, wedi&apos;i agor ar gais</translation>
    </message>
    <message>
        <source>Opened on demand — not kept on this laptop</source>
        <translation>Wedi&apos;i agor ar gais — heb ei gadw ar y gliniadur hwn</translation>
    </message>
    <message>
        <source>Read only. This record was fetched from the central service for this tab and is discarded when the tab closes.</source>
        <translation>Darllen yn unig. Cafodd y cofnod hwn ei nôl o&apos;r gwasanaeth canolog ar gyfer y tab hwn, a chaiff ei waredu pan fydd y tab yn cau.</translation>
    </message>
    <message>
        <source>About this record</source>
        <translation>Am y cofnod hwn</translation>
    </message>
    <message>
        <source>What was left out, if any.</source>
        <translation>Beth a adawyd allan, os oes unrhyw beth.</translation>
    </message>
    <message>
        <source>The record is longer than can be opened at once: part is shown.</source>
        <translation>Mae&apos;r cofnod yn rhy hir i&apos;w agor i gyd ar unwaith: dangosir rhan ohono.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) the central service sent were malformed and left out.</source>
        <translation>
            <numerusform>Roedd %n dogfen a anfonwyd gan y gwasanaeth canolog yn ddiffygiol, ac fe&apos;u gadawyd allan.</numerusform>
            <numerusform>Roedd %n dogfen a anfonwyd gan y gwasanaeth canolog yn ddiffygiol, ac fe&apos;u gadawyd allan.</numerusform>
            <numerusform>Roedd %n dogfen a anfonwyd gan y gwasanaeth canolog yn ddiffygiol, ac fe&apos;u gadawyd allan.</numerusform>
            <numerusform>Roedd %n dogfen a anfonwyd gan y gwasanaeth canolog yn ddiffygiol, ac fe&apos;u gadawyd allan.</numerusform>
            <numerusform>Roedd %n dogfen a anfonwyd gan y gwasanaeth canolog yn ddiffygiol, ac fe&apos;u gadawyd allan.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Open this computer&apos;s records</source>
        <translation>Agor cofnodion y cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>Store passphrase</source>
        <translation>Cyfrinymadrodd y storfa</translation>
    </message>
    <message>
        <source>This computer&apos;s records are encrypted.</source>
        <translation>Mae cofnodion y cyfrifiadur hwn wedi&apos;u hamgryptio.</translation>
    </message>
    <message>
        <source>Why the passphrase is asked for</source>
        <translation>Pam mae angen y cyfrinymadrodd</translation>
    </message>
    <message>
        <source>Passphrase (Alt+P)</source>
        <translation>Cyfrinymadrodd (Alt+C)</translation>
    </message>
    <message>
        <source>The passphrase the records were encrypted with; Enter opens them.</source>
        <translation>Y cyfrinymadrodd a ddefnyddiwyd i amgryptio&apos;r cofnodion; mae Enter yn eu hagor.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Cyfrinymadrodd:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Agor</translation>
    </message>
    <message>
        <source>Open (Enter)</source>
        <translation>Agor (Enter)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Gadael</translation>
    </message>
    <message>
        <source>Quit (Esc)</source>
        <translation>Gadael (Esc)</translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message>
        <source>Cases, identifiers and consents</source>
        <translation>Achosion, dynodyddion a chydsyniadau</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Dynodyddion</translation>
    </message>
    <message>
        <source>Ways to reach and recognise the citizen, and how each was verified.</source>
        <translation>Ffyrdd o gysylltu â&apos;r dinesydd a&apos;i adnabod, a sut y cafodd pob un ei wirio.</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Cydsyniadau</translation>
    </message>
    <message>
        <source>Why the council holds the citizen&apos;s data: purpose, lawful basis, period.</source>
        <translation>Pam mae&apos;r cyngor yn cadw data&apos;r dinesydd: diben, sail gyfreithlon, cyfnod.</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Achosion agored</translation>
    </message>
    <message>
        <source>Assurance</source>
        <translation>Sicrwydd</translation>
    </message>
    <message>
        <source>How sure the council is that it deals with the citizen, and how.</source>
        <translation>Pa mor sicr yw&apos;r cyngor ei fod yn delio â&apos;r dinesydd, a sut.</translation>
    </message>
    <message>
        <source>Social media handles</source>
        <translation>Enwau defnyddiwr cyfryngau cymdeithasol</translation>
    </message>
    <message>
        <source>The citizen&apos;s handles on their record and those they posted to us from.</source>
        <translation>Enwau defnyddiwr y dinesydd ar ei gofnod a&apos;r rhai y postiodd atom ohonynt.</translation>
    </message>
    <message>
        <source>The citizen&apos;s open cases. Enter opens the selected case.</source>
        <translation>Achosion agored y dinesydd. Mae Enter yn agor yr achos a ddewiswyd.</translation>
    </message>
    <message>
        <source>Closed cases</source>
        <translation>Achosion wedi&apos;u cau</translation>
    </message>
    <message>
        <source>Resolved and closed cases. Enter opens the selected case.</source>
        <translation>Achosion wedi&apos;u datrys a&apos;u cau. Mae Enter yn agor yr achos a ddewiswyd.</translation>
    </message>
    <message>
        <source>Ctrl+Tab or the arrow keys on the tabs move between them.</source>
        <translation>Mae Ctrl+Tab neu&apos;r saethau ar y tabiau yn symud rhyngddynt.</translation>
    </message>
    <message>
        <source>Choose what to show: the arrow keys move between tabs.</source>
        <translation>Dewiswch beth i&apos;w ddangos: mae&apos;r saethau&apos;n symud rhwng y tabiau.</translation>
    </message>
    <message>
        <source>Social media: %1</source>
        <translation>Cyfryngau cymdeithasol: %1</translation>
    </message>
    <message>
        <source>Open (%1)</source>
        <translation>Agored (%1)</translation>
    </message>
    <message>
        <source>Closed (%1)</source>
        <translation>Wedi cau (%1)</translation>
    </message>
    <message>
        <source>Identifiers (%1)</source>
        <translation>Dynodyddion (%1)</translation>
    </message>
    <message>
        <source>Consents (%1)</source>
        <translation>Cydsyniadau (%1)</translation>
    </message>
</context>
<context>
    <name>QueuesPage</name>
    <message>
        <source>Queue (Alt+Q)</source>
        <translation>Ciw (Alt+I)</translation>
    </message>
    <message>
        <source>The queue whose open cases are listed.</source>
        <translation>Y ciw y rhestrir ei achosion agored.</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>C&amp;iw:</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Ciwiau</translation>
    </message>
    <message>
        <source>No open cases in this queue.</source>
        <translation>Does dim achosion agored yn y ciw hwn.</translation>
    </message>
    <message>
        <source>%1 (yours)</source>
        <translation>%1 (eich un chi)</translation>
    </message>
</context>
<context>
    <name>Rail</name>
    <message>
        <source>My work</source>
        <translation>Fy ngwaith</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Ciwiau</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Chwilio</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>Bwrdd</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Llwybro</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Crybwyll</translation>
    </message>
    <message>
        <source>Service levels</source>
        <translation>Safonau</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Open full record</source>
        <translation>Agor y cofnod llawn</translation>
    </message>
    <message>
        <source>Opening %1&apos;s full record is recorded in the council&apos;s access log with your name and the reason you give. It is shown once and not kept on this laptop.</source>
        <translation>Caiff agor cofnod llawn %1 ei gofnodi yng nghofnod mynediad y cyngor gyda&apos;ch enw a&apos;r rheswm a roddwch. Fe&apos;i dangosir unwaith ac ni chaiff ei gadw ar y gliniadur hwn.</translation>
    </message>
    <message>
        <source>&amp;Reason for opening it:</source>
        <translation>&amp;Rheswm dros ei agor:</translation>
    </message>
    <message>
        <source>for example: caller on the phone</source>
        <translation>er enghraifft: galwr ar y ffôn</translation>
    </message>
    <message>
        <source>Reason for opening the record</source>
        <translation>Rheswm dros agor y cofnod</translation>
    </message>
    <message>
        <source>Required. One short line, kept in the access log.</source>
        <translation>Gofynnol. Un llinell fer, a gedwir yn y cofnod mynediad.</translation>
    </message>
    <message>
        <source>Open record</source>
        <translation>Agor y cofnod</translation>
    </message>
    <message>
        <source>Opens the full record and records the opening with your reason.</source>
        <translation>Yn agor y cofnod llawn ac yn cofnodi&apos;r agor gyda&apos;ch rheswm.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Canslo</translation>
    </message>
    <message>
        <source>Closes this without opening the record.</source>
        <translation>Yn cau hwn heb agor y cofnod.</translation>
    </message>
</context>
<context>
    <name>RecordTabs</name>
    <message>
        <source>Open records</source>
        <translation>Cofnodion ar agor</translation>
    </message>
    <message>
        <source>Ctrl+Tab and Ctrl+Shift+Tab move between tabs; Ctrl+W closes one.</source>
        <translation>Mae Ctrl+Tab a Ctrl+Shift+Tab yn symud rhwng tabiau; mae Ctrl+W yn cau un.</translation>
    </message>
    <message>
        <source>Tabs</source>
        <translation>Tabiau</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Dinesydd</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Close this tab (Ctrl+W)</source>
        <translation>Cau&apos;r tab hwn (Ctrl+W)</translation>
    </message>
    <message>
        <source>Closes the tab of this record.</source>
        <translation>Yn cau tab y cofnod hwn.</translation>
    </message>
    <message>
        <source>No longer here</source>
        <translation>Dim yma mwyach</translation>
    </message>
</context>
<context>
    <name>RefusalBanner</name>
    <message>
        <source>the deletion</source>
        <translation>y dileu</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nodyn</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>cyswllt</translation>
    </message>
    <message>
        <source>history entry</source>
        <translation>cofnod hanes</translation>
    </message>
    <message>
        <source>audit record</source>
        <translation>cofnod archwilio</translation>
    </message>
    <message>
        <source>Refused by the central service</source>
        <translation>Gwrthodwyd gan y gwasanaeth canolog</translation>
    </message>
    <message>
        <source>Why the central service refused the change</source>
        <translation>Pam y gwrthododd y gwasanaeth canolog y newid</translation>
    </message>
    <message>
        <source>What the last way out did</source>
        <translation>Beth wnaeth y dewis olaf</translation>
    </message>
    <message>
        <source>Take the server&apos;s version</source>
        <translation>Cymryd fersiwn y gweinydd</translation>
    </message>
    <message>
        <source>Show what the central service holds: your refused change is set aside and the next sync agrees with the server.</source>
        <translation>Dangos beth sydd gan y gwasanaeth canolog: rhoddir eich newid a wrthodwyd o&apos;r neilltu ac mae&apos;r cysoni nesaf yn cytuno â&apos;r gweinydd.</translation>
    </message>
    <message>
        <source>Re-apply what is still allowed</source>
        <translation>Ailgymhwyso&apos;r hyn a ganiateir o hyd</translation>
    </message>
    <message>
        <source>Start from the central service&apos;s version and apply again the parts of your change that you may still make; the rest is dropped and listed.</source>
        <translation>Dechrau o fersiwn y gwasanaeth canolog a chymhwyso eto&apos;r rhannau o&apos;ch newid y cewch eu gwneud o hyd; caiff y gweddill ei hepgor a&apos;i restru.</translation>
    </message>
    <message>
        <source>Keep as a draft</source>
        <translation>Cadw fel drafft</translation>
    </message>
    <message>
        <source>Keep it on this laptop, shown as refused; it is not sent again.</source>
        <translation>Ei gadw ar y gliniadur hwn, wedi&apos;i ddangos fel un a wrthodwyd; nid yw&apos;n cael ei anfon eto.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Taflu</translation>
    </message>
    <message>
        <source>Remove it from this laptop. Nothing is sent to the central service.</source>
        <translation>Ei dynnu o&apos;r gliniadur hwn. Nid oes dim yn cael ei anfon i&apos;r gwasanaeth canolog.</translation>
    </message>
    <message>
        <source>A %1 on this record was refused by the central service: %2</source>
        <translation>Gwrthododd y gwasanaeth canolog %1 ar y cofnod hwn: %2</translation>
    </message>
    <message>
        <source>(kept here as a draft)</source>
        <translation>(wedi&apos;i gadw yma fel drafft)</translation>
    </message>
    <message>
        <source>Refused by the central service: %1</source>
        <translation>Gwrthodwyd gan y gwasanaeth canolog: %1</translation>
    </message>
    <message>
        <source>(and %1 more)</source>
        <translation>(a %1 arall)</translation>
    </message>
    <message>
        <source>take the server&apos;s version</source>
        <translation>cymryd fersiwn y gweinydd</translation>
    </message>
    <message>
        <source>The central service&apos;s version is kept.</source>
        <translation>Cedwir fersiwn y gwasanaeth canolog.</translation>
    </message>
    <message>
        <source>re-apply the change</source>
        <translation>ailgymhwyso&apos;r newid</translation>
    </message>
    <message>
        <source>Re-applied: %1.</source>
        <translation>Ailgymhwyswyd: %1.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>dim byd</translation>
    </message>
    <message>
        <source>Dropped %1: %2</source>
        <translation>Hepgorwyd %1: %2</translation>
    </message>
    <message>
        <source>Kept here as a draft; it is not sent again.</source>
        <translation>Wedi&apos;i gadw yma fel drafft; nid yw&apos;n cael ei anfon eto.</translation>
    </message>
    <message>
        <source>keep it as a draft</source>
        <translation>ei gadw fel drafft</translation>
    </message>
    <message>
        <source>Removed from this laptop; nothing was sent.</source>
        <translation>Wedi&apos;i dynnu o&apos;r gliniadur hwn; ni anfonwyd dim.</translation>
    </message>
    <message>
        <source>discard it</source>
        <translation>ei daflu</translation>
    </message>
</context>
<context>
    <name>RememberBox</name>
    <message>
        <source>&amp;Remember it in this computer&apos;s keyring</source>
        <translation>C&amp;ofio yng nghylch allweddi&apos;r cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>Remember the password (Alt+R)</source>
        <translation>Cofio&apos;r cyfrinair (Alt+O)</translation>
    </message>
    <message>
        <source>Keeps the password in the operating system&apos;s keyring, never in a file.</source>
        <translation>Yn cadw&apos;r cyfrinair yng nghylch allweddi&apos;r system weithredu, byth mewn ffeil.</translation>
    </message>
    <message>
        <source>Remember it: not possible, this computer has no keyring</source>
        <translation>Ei gofio: dim modd, nid oes cylch allweddi ar y cyfrifiadur hwn</translation>
    </message>
    <message>
        <source>This computer has no keyring, so the password is asked for each time.</source>
        <translation>Nid oes cylch allweddi ar y cyfrifiadur hwn, felly gofynnir am y cyfrinair bob tro.</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen case %1</source>
        <translation>Ailagor achos %1</translation>
    </message>
    <message>
        <source>The case becomes open again, and can then be changed.</source>
        <translation>Mae&apos;r achos yn agor eto, a gellir ei newid wedyn.</translation>
    </message>
    <message>
        <source>Why it is reopened</source>
        <translation>Pam mae&apos;n cael ei ailagor</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Rheswm:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <source>Kept in the case&apos;s history. Tab moves on; Ctrl+Enter saves.</source>
        <translation>Caiff ei gadw yn hanes yr achos. Mae Tab yn symud ymlaen; mae Ctrl+Enter yn cadw.</translation>
    </message>
    <message>
        <source>&amp;Reopen the case</source>
        <translation>&amp;Ailagor yr achos</translation>
    </message>
    <message>
        <source>Reopen the case (Ctrl+Enter)</source>
        <translation>Ailagor yr achos (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Say why the case is reopened.</source>
        <translation>Dywedwch pam mae&apos;r achos yn cael ei ailagor.</translation>
    </message>
</context>
<context>
    <name>Reply</name>
    <message>
        <source>waiting to be sent</source>
        <translation>yn aros i gael ei anfon</translation>
    </message>
    <message>
        <source>being sent</source>
        <translation>wrthi&apos;n cael ei anfon</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>wedi&apos;i anfon</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>wedi cyrraedd</translation>
    </message>
    <message>
        <source>not delivered</source>
        <translation>heb gyrraedd</translation>
    </message>
    <message>
        <source>Reply by text message to %1: %2</source>
        <translation>Ateb drwy neges destun at %1: %2</translation>
    </message>
    <message>
        <source>Reply by email to %1: %2</source>
        <translation>Ateb drwy e-bost at %1: %2</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Reply to the citizen</source>
        <translation>Ateb y dinesydd</translation>
    </message>
    <message>
        <source>The council sends the reply through GOV.UK Notify once this laptop syncs. It cannot be changed after it is sent.</source>
        <translation>Mae&apos;r cyngor yn anfon yr ateb drwy GOV.UK Notify pan fydd y gliniadur hwn yn cysoni. Does dim modd ei newid ar ôl ei anfon.</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>A&amp;nfon</translation>
    </message>
    <message>
        <source>Send (Ctrl+Enter)</source>
        <translation>Anfon (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Queues the reply and closes.</source>
        <translation>Yn rhoi&apos;r ateb yn y ciw ac yn cau.</translation>
    </message>
    <message>
        <source>&amp;Reply:</source>
        <translation>&amp;Ateb:</translation>
    </message>
    <message>
        <source>Reply template</source>
        <translation>Templed ateb</translation>
    </message>
    <message>
        <source>The council&apos;s prepared replies for this case&apos;s service.</source>
        <translation>Atebion parod y cyngor ar gyfer gwasanaeth yr achos hwn.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Iaith:</translation>
    </message>
    <message>
        <source>Language of the reply</source>
        <translation>Iaith yr ateb</translation>
    </message>
    <message>
        <source>The language the citizen reads the reply in: their preference at first.</source>
        <translation>Yr iaith y bydd y dinesydd yn darllen yr ateb ynddi: ei ddewis ef neu hi i ddechrau.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-bost</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Neges destun</translation>
    </message>
    <message>
        <source>&amp;By:</source>
        <translation>&amp;Drwy:</translation>
    </message>
    <message>
        <source>Send by</source>
        <translation>Anfon drwy</translation>
    </message>
    <message>
        <source>Email or text message.</source>
        <translation>E-bost neu neges destun.</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>A&amp;t:</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>Anfon at</translation>
    </message>
    <message>
        <source>One of the citizen&apos;s own email addresses or mobile numbers.</source>
        <translation>Un o gyfeiriadau e-bost neu rifau ffôn symudol y dinesydd ei hun.</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Pwnc:</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Pwnc</translation>
    </message>
    <message>
        <source>The subject line of the email.</source>
        <translation>Llinell pwnc yr e-bost.</translation>
    </message>
    <message>
        <source>&amp;Preview:</source>
        <translation>&amp;Rhagolwg:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Rhagolwg</translation>
    </message>
    <message>
        <source>The reply as the citizen will read it.</source>
        <translation>Yr ateb fel y bydd y dinesydd yn ei ddarllen.</translation>
    </message>
    <message>
        <source>This service has no replies prepared yet.</source>
        <translation>Does gan y gwasanaeth hwn ddim atebion parod eto.</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Pwnc: %1</translation>
    </message>
    <message>
        <source>This case has nothing to fill %1 with: choose another reply.</source>
        <translation>Does gan yr achos hwn ddim i&apos;w roi yn %1: dewiswch ateb arall.</translation>
    </message>
    <message>
        <source>Choose a reply.</source>
        <translation>Dewiswch ateb.</translation>
    </message>
    <message>
        <source>The citizen has no mobile number on their record.</source>
        <translation>Does dim rhif ffôn symudol ar gofnod y dinesydd.</translation>
    </message>
    <message>
        <source>The citizen has no email address on their record.</source>
        <translation>Does dim cyfeiriad e-bost ar gofnod y dinesydd.</translation>
    </message>
    <message>
        <source>Wait for the preview before sending.</source>
        <translation>Arhoswch am y rhagolwg cyn anfon.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wrthi&apos;n anfon…</translation>
    </message>
</context>
<context>
    <name>RoutingPage</name>
    <message>
        <source>Routing rules</source>
        <translation>Rheolau llwybro</translation>
    </message>
    <message>
        <source>A new case goes to the queue of the first rule it matches, top to bottom; if none matches, to its service&apos;s default queue. Insert adds a rule, Enter changes it, Delete deletes it, Ctrl+Up and Ctrl+Down move it.</source>
        <translation>Mae achos newydd yn mynd i giw&apos;r rheol gyntaf y mae&apos;n ei chyfateb, o&apos;r brig i lawr; os nad oes un yn cyfateb, i giw arferol ei wasanaeth. Mae Insert yn ychwanegu rheol, Enter yn ei newid, Delete yn ei dileu, Ctrl+Up a Ctrl+Down yn ei symud.</translation>
    </message>
    <message>
        <source>Routing problem</source>
        <translation>Problem llwybro</translation>
    </message>
    <message>
        <source>&amp;Resolve the conflict…</source>
        <translation>Datrys y gwrthd&amp;aro…</translation>
    </message>
    <message>
        <source>Resolve the conflict (Alt+R)</source>
        <translation>Datrys y gwrthdaro (Alt+A)</translation>
    </message>
    <message>
        <source>Choose which of the two versions of the rules to keep.</source>
        <translation>Dewiswch pa un o ddwy fersiwn y rheolau i&apos;w chadw.</translation>
    </message>
    <message>
        <source>Tried top to bottom. Insert adds, Enter changes, Delete deletes.</source>
        <translation>Yn cael eu profi o&apos;r brig i lawr. Mae Insert yn ychwanegu, Enter yn newid, Delete yn dileu.</translation>
    </message>
    <message>
        <source>What went wrong</source>
        <translation>Beth aeth o&apos;i le</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Ychwaneg&amp;u</translation>
    </message>
    <message>
        <source>Add a rule (Insert)</source>
        <translation>Ychwanegu rheol (Insert)</translation>
    </message>
    <message>
        <source>Adds a rule below the chosen one.</source>
        <translation>Yn ychwanegu rheol o dan yr un a ddewiswyd.</translation>
    </message>
    <message>
        <source>Chang&amp;e</source>
        <translation>&amp;Newid</translation>
    </message>
    <message>
        <source>Change the rule (Enter)</source>
        <translation>Newid y rheol (Enter)</translation>
    </message>
    <message>
        <source>Changes the chosen rule&apos;s name, what it matches or its queue.</source>
        <translation>Yn newid enw&apos;r rheol a ddewiswyd, beth mae&apos;n ei gyfateb neu ei chiw.</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Dileu</translation>
    </message>
    <message>
        <source>Delete the rule (Delete)</source>
        <translation>Dileu&apos;r rheol (Delete)</translation>
    </message>
    <message>
        <source>Deletes the chosen rule.</source>
        <translation>Yn dileu&apos;r rheol a ddewiswyd.</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Sy&amp;mud i fyny</translation>
    </message>
    <message>
        <source>Move the rule up (Ctrl+Up)</source>
        <translation>Symud y rheol i fyny (Ctrl+Up)</translation>
    </message>
    <message>
        <source>Tries the chosen rule one place sooner.</source>
        <translation>Yn profi&apos;r rheol a ddewiswyd un lle yn gynt.</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Symud i &amp;lawr</translation>
    </message>
    <message>
        <source>Move the rule down (Ctrl+Down)</source>
        <translation>Symud y rheol i lawr (Ctrl+Down)</translation>
    </message>
    <message>
        <source>Tries the chosen rule one place later.</source>
        <translation>Yn profi&apos;r rheol a ddewiswyd un lle yn hwyrach.</translation>
    </message>
    <message>
        <source>These routing rules cannot be used, so every new case goes to its service&apos;s default queue. Adding a rule here replaces them. (%1)</source>
        <translation>Does dim modd defnyddio&apos;r rheolau llwybro hyn, felly mae pob achos newydd yn mynd i giw arferol ei wasanaeth. Mae ychwanegu rheol yma yn eu disodli. (%1)</translation>
    </message>
    <message>
        <source>Two edits of the routing rules were made at once, at least one offline. The rules shown are one of them until the conflict is resolved.</source>
        <translation>Gwnaed dau newid i&apos;r rheolau llwybro ar yr un pryd, o leiaf un all-lein. Un ohonynt yw&apos;r rheolau a ddangosir nes datrys y gwrthdaro.</translation>
    </message>
</context>
<context>
    <name>RoutingTester</name>
    <message>
        <source>Try a case</source>
        <translation>Rhoi cynnig ar achos</translation>
    </message>
    <message>
        <source>Service (Alt+S)</source>
        <translation>Gwasanaeth (Alt+S)</translation>
    </message>
    <message>
        <source>The service the case would be for.</source>
        <translation>Y gwasanaeth y byddai&apos;r achos ar ei gyfer.</translation>
    </message>
    <message>
        <source>Postcode (Alt+P)</source>
        <translation>Cod post (Alt+P)</translation>
    </message>
    <message>
        <source>Where the case is, or its citizen&apos;s postcode.</source>
        <translation>Lle mae&apos;r achos, neu god post ei ddinesydd.</translation>
    </message>
    <message>
        <source>e.g. CF37 1AB</source>
        <translation>e.e. CF37 1AB</translation>
    </message>
    <message>
        <source>Channel (Alt+N)</source>
        <translation>Sianel (Alt+I)</translation>
    </message>
    <message>
        <source>How the case would be reported.</source>
        <translation>Sut y byddai&apos;r achos yn cael ei adrodd.</translation>
    </message>
    <message>
        <source>Where the case would go</source>
        <translation>I ble byddai&apos;r achos yn mynd</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>Gwa&amp;sanaeth:</translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation>Cod &amp;post:</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>S&amp;ianel:</translation>
    </message>
    <message>
        <source>There are no services to try.</source>
        <translation>Does dim gwasanaethau i roi cynnig arnynt.</translation>
    </message>
    <message>
        <source>no queue</source>
        <translation>dim ciw</translation>
    </message>
    <message>
        <source>its service&apos;s default queue</source>
        <translation>ciw arferol ei wasanaeth</translation>
    </message>
    <message>
        <source>rule “%1”</source>
        <translation>y rheol “%1”</translation>
    </message>
    <message>
        <source>Goes to %1, by %2.</source>
        <translation>Yn mynd i %1, drwy %2.</translation>
    </message>
    <message>
        <source>Passed over “%1”: its queue is closed or missing.</source>
        <translation>Wedi hepgor “%1”: mae ei giw wedi cau neu ar goll.</translation>
    </message>
    <message>
        <source>The routing rules cannot be used: see above.</source>
        <translation>Does dim modd defnyddio&apos;r rheolau llwybro: gweler uchod.</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>Add a routing rule</source>
        <translation>Ychwanegu rheol llwybro</translation>
    </message>
    <message>
        <source>Change a routing rule</source>
        <translation>Newid rheol llwybro</translation>
    </message>
    <message>
        <source>A new case goes to the queue of the first rule it matches. A rule matches a case that fits everything it names; leave a part empty to match any.</source>
        <translation>Mae achos newydd yn mynd i giw&apos;r rheol gyntaf y mae&apos;n ei chyfateb. Mae rheol yn cyfateb i achos sy&apos;n cyd-fynd â phopeth y mae&apos;n ei enwi; gadewch ran yn wag i gyfateb i unrhyw beth.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Enw:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Enw</translation>
    </message>
    <message>
        <source>What the rule does, in a few words colleagues will read.</source>
        <translation>Beth mae&apos;r rheol yn ei wneud, mewn ychydig eiriau y bydd cydweithwyr yn eu darllen.</translation>
    </message>
    <message>
        <source>Welsh na&amp;me:</source>
        <translation>Enw Cymrae&amp;g:</translation>
    </message>
    <message>
        <source>Welsh name</source>
        <translation>Enw Cymraeg</translation>
    </message>
    <message>
        <source>Optional: shown instead when the window is in Welsh.</source>
        <translation>Dewisol: yn cael ei ddangos yn lle&apos;r enw Saesneg pan fo&apos;r ffenestr yn Gymraeg.</translation>
    </message>
    <message>
        <source>Ser&amp;vices:</source>
        <translation>Gwasanaetha&amp;u:</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Gwasanaethau</translation>
    </message>
    <message>
        <source>Space ticks a service. None ticked: any service.</source>
        <translation>Mae Space yn ticio gwasanaeth. Dim un wedi&apos;i dicio: unrhyw wasanaeth.</translation>
    </message>
    <message>
        <source>e.g. CF37, CF38, SA1 4</source>
        <translation>e.e. CF37, CF38, SA1 4</translation>
    </message>
    <message>
        <source>&amp;Areas:</source>
        <translation>&amp;Ardaloedd:</translation>
    </message>
    <message>
        <source>Postcode areas</source>
        <translation>Ardaloedd cod post</translation>
    </message>
    <message>
        <source>Postcode areas (CF), districts (CF10) or sectors (SA1 4), separated by commas. Empty: anywhere.</source>
        <translation>Ardaloedd cod post (CF), dosbarthau (CF10) neu sectorau (SA1 4), wedi&apos;u gwahanu gan atalnodau. Gwag: unrhyw le.</translation>
    </message>
    <message>
        <source>Ticked: the rule takes cases reported this way.</source>
        <translation>Wedi&apos;i thicio: mae&apos;r rheol yn cymryd achosion a adroddwyd fel hyn.</translation>
    </message>
    <message>
        <source>C&amp;hannels:</source>
        <translation>S&amp;ianeli:</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Sianeli</translation>
    </message>
    <message>
        <source>How the case was reported. None ticked: any channel.</source>
        <translation>Sut yr adroddwyd yr achos. Dim un wedi&apos;i dicio: unrhyw sianel.</translation>
    </message>
    <message>
        <source>%1 (closed)</source>
        <translation>%1 (wedi cau)</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>Ci&amp;w:</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Ciw</translation>
    </message>
    <message>
        <source>The queue that cases matching this rule go to.</source>
        <translation>Y ciw y mae achosion sy&apos;n cyfateb i&apos;r rheol hon yn mynd iddo.</translation>
    </message>
    <message>
        <source>Give the rule a name.</source>
        <translation>Rhowch enw i&apos;r rheol.</translation>
    </message>
    <message>
        <source>Not a postcode area, district or sector: %1</source>
        <translation>Nid yw&apos;n ardal, dosbarth na sector cod post: %1</translation>
    </message>
    <message>
        <source>Choose a service, an area or a channel: a rule that matches everything would take every case.</source>
        <translation>Dewiswch wasanaeth, ardal neu sianel: byddai rheol sy&apos;n cyfateb i bopeth yn cymryd pob achos.</translation>
    </message>
    <message>
        <source>Choose a queue.</source>
        <translation>Dewiswch giw.</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>Order</source>
        <translation>Trefn</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rheol</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Yn cyfateb</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Ciw</translation>
    </message>
    <message>
        <source>%1 (missing: passed over)</source>
        <translation>%1 (ar goll: wedi&apos;i hepgor)</translation>
    </message>
    <message>
        <source>%1 (closed: passed over)</source>
        <translation>%1 (wedi cau: wedi&apos;i hepgor)</translation>
    </message>
    <message>
        <source>Service: %1</source>
        <translation>Gwasanaeth: %1</translation>
    </message>
    <message>
        <source>Area: %1</source>
        <translation>Ardal: %1</translation>
    </message>
    <message>
        <source>Channel: %1</source>
        <translation>Sianel: %1</translation>
    </message>
</context>
<context>
    <name>SafetyBanner</name>
    <message>
        <source>Officer safety at this address</source>
        <translation>Diogelwch swyddogion yn y cyfeiriad hwn</translation>
    </message>
    <message>
        <source>Warnings for anyone visiting this case&apos;s address</source>
        <translation>Rhybuddion i unrhyw un sy&apos;n ymweld â chyfeiriad yr achos hwn</translation>
    </message>
</context>
<context>
    <name>SarExportDialog</name>
    <message>
        <source>Subject access export</source>
        <translation>Allforio data&apos;r unigolyn</translation>
    </message>
    <message>
        <source>Everything held about this person, other people&apos;s details removed.</source>
        <translation>Popeth sydd gennym am yr unigolyn hwn, heb fanylion pobl eraill.</translation>
    </message>
    <message>
        <source>A JSON file and a report in English and Welsh.</source>
        <translation>Ffeil JSON ac adroddiad yn Gymraeg ac yn Saesneg.</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ffolder:</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ffolder</translation>
    </message>
    <message>
        <source>The folder the export is written in (made if missing).</source>
        <translation>Y ffolder lle caiff yr allforio ei ysgrifennu (caiff ei greu os nad yw yno).</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Allforio</translation>
    </message>
    <message>
        <source>Export (Ctrl+Enter)</source>
        <translation>Allforio (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Writes the export to the folder.</source>
        <translation>Yn ysgrifennu&apos;r allforio i&apos;r ffolder.</translation>
    </message>
    <message>
        <source>Say which folder to write the export in.</source>
        <translation>Dywedwch ym mha ffolder i ysgrifennu&apos;r allforio.</translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>Wedi&apos;i ysgrifennu i %1.</translation>
    </message>
    <message>
        <source>The access log and records this laptop does not hold are completed centrally.</source>
        <translation>Caiff y log mynediad a&apos;r cofnodion nad ydynt ar y gliniadur hwn eu cwblhau&apos;n ganolog.</translation>
    </message>
    <message>
        <source>This laptop holds only part of the record: the export lists what may be missing.</source>
        <translation>Dim ond rhan o&apos;r cofnod sydd ar y gliniadur hwn: mae&apos;r allforio yn rhestru beth allai fod ar goll.</translation>
    </message>
    <message>
        <source>Where the export was written</source>
        <translation>Lle ysgrifennwyd yr allforio</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cau (Esc)</translation>
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
        <translation>%1 o %2 ar gyfer “%3”: ychwanegwch god post neu ddyddiad geni i’w gyfyngu. Mae&apos;r saethau i fyny ac i lawr yn dewis, Enter yn agor.</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search</source>
        <translation>Chwilio</translation>
    </message>
    <message>
        <source>Search status</source>
        <translation>Statws y chwilio</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Canlyniadau&apos;r chwilio</translation>
    </message>
    <message>
        <source>Citizens and cases matching the search, then summaries from the citizen directory. Press Enter to open one.</source>
        <translation>Dinasyddion ac achosion sy&apos;n cyfateb i&apos;r chwilio, yna crynodebau o gyfeiriadur y dinasyddion. Pwyswch Enter i agor un.</translation>
    </message>
    <message>
        <source>A new or unknown caller</source>
        <translation>Galwr newydd neu anhysbys</translation>
    </message>
    <message>
        <source>&amp;New citizen (Ctrl+Shift+N)</source>
        <translation>Dinesydd &amp;newydd (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Record a new citizen, filled in from what you typed.</source>
        <translation>Cofnodi dinesydd newydd, wedi&apos;i lenwi o&apos;r hyn a deipiwyd gennych.</translation>
    </message>
    <message>
        <source>Log an &amp;anonymous contact (Ctrl+Shift+L)</source>
        <translation>Cofnodi cysylltiad &amp;dienw (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Log a contact from a caller who will not give their details.</source>
        <translation>Cofnodi cysylltiad gan alwr na fydd yn rhoi ei fanylion.</translation>
    </message>
    <message>
        <source>Open a case for no &amp;one (Ctrl+Shift+O)</source>
        <translation>Agor achos i n&amp;eb (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Open a case that is about no citizen yet, e.g. a fly-tip.</source>
        <translation>Agor achos nad yw&apos;n ymwneud â dinesydd eto, e.e. tipio anghyfreithlon.</translation>
    </message>
    <message>
        <source>%n result(s) for “%1”. Up and Down choose, Enter opens.</source>
        <translation>%n canlyniad ar gyfer “%1”. Mae&apos;r saethau i fyny ac i lawr yn dewis, Enter yn agor.</translation>
    </message>
    <message>
        <source>Nobody and no case matches “%1”. Check the spelling, or try part of a phone number (7700 900), the start of a postcode (CF10), an email, a social media handle or a case reference.</source>
        <translation>Does neb a dim achos yn cyfateb i “%1”. Gwiriwch y sillafu, neu rhowch gynnig ar ran o rif ffôn (7700 900), dechrau cod post (CF10), e-bost, enw ar y cyfryngau cymdeithasol neu gyfeirnod achos.</translation>
    </message>
    <message>
        <source>If the caller is not on file, record them:</source>
        <translation>Os nad yw&apos;r galwr ar gofnod, cofnodwch nhw:</translation>
    </message>
    <message>
        <source>Type in the search box (Ctrl+K) to find a citizen or a case: a name, part of a phone number or postcode, an email, a social media handle or a case reference.</source>
        <translation>Teipiwch yn y blwch chwilio (Ctrl+K) i ddod o hyd i ddinesydd neu achos: enw, rhan o rif ffôn neu god post, e-bost, enw ar y cyfryngau cymdeithasol neu gyfeirnod achos.</translation>
    </message>
    <message>
        <source>The search could not be run: %1</source>
        <translation>Doedd dim modd chwilio: %1</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Born %1</source>
        <translation>Ganwyd %1</translation>
    </message>
    <message>
        <source>Last contact %1</source>
        <translation>Cyswllt diwethaf %1</translation>
    </message>
    <message>
        <source>1 open case</source>
        <translation>1 achos agored</translation>
    </message>
    <message>
        <source>%1 open cases</source>
        <translation>%1 achos agored</translation>
    </message>
    <message>
        <source>Directory summary: %1. %2. The full record is not on this laptop.</source>
        <translation>Crynodeb o&apos;r cyfeiriadur: %1. %2. Nid yw&apos;r cofnod llawn ar y gliniadur hwn.</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Dinesydd</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>A summary from the citizen directory: this person&apos;s full record is not on this laptop. Enter shows the summary.</source>
        <translation>Crynodeb o gyfeiriadur y dinasyddion: nid yw cofnod llawn y person hwn ar y gliniadur hwn. Mae Enter yn dangos y crynodeb.</translation>
    </message>
    <message>
        <source>Directory summary</source>
        <translation>Crynodeb o&apos;r cyfeiriadur</translation>
    </message>
</context>
<context>
    <name>ServiceLevelsPage</name>
    <message>
        <source>Service levels</source>
        <translation>Safonau gwasanaeth</translation>
    </message>
    <message>
        <source>Escalation rules (Alt+E) and the council calendar (Alt+C).</source>
        <translation>Rheolau uwchgyfeirio (Alt+U) a chalendr y cyngor (Alt+O).</translation>
    </message>
    <message>
        <source>Service levels tabs</source>
        <translation>Tabiau safonau gwasanaeth</translation>
    </message>
    <message>
        <source>&amp;Escalation rules</source>
        <translation>Rheolau &amp;uwchgyfeirio</translation>
    </message>
    <message>
        <source>Council &amp;calendar</source>
        <translation>Calendr y cyng&amp;or</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share with a partner</source>
        <translation>Rhannu â phartner</translation>
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
        <translation>Y sefydliad partner y mae&apos;r data&apos;n mynd iddo.</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Beth:</translation>
    </message>
    <message>
        <source>What is shared</source>
        <translation>Beth sy&apos;n cael ei rannu</translation>
    </message>
    <message>
        <source>What is shared, in a few words (recorded in the audit trail).</source>
        <translation>Beth sy&apos;n cael ei rannu, mewn ychydig eiriau (wedi&apos;i gofnodi yn y trywydd archwilio).</translation>
    </message>
    <message>
        <source>S&amp;hare</source>
        <translation>R&amp;hannu</translation>
    </message>
    <message>
        <source>Name the partner organisation.</source>
        <translation>Enwch y sefydliad partner.</translation>
    </message>
    <message>
        <source>Say what is shared.</source>
        <translation>Dywedwch beth sy&apos;n cael ei rannu.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Caseworker</source>
        <translation>Mewngofnodi i Caseworker</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Mewngofnodi</translation>
    </message>
    <message>
        <source>&amp;Connect to your council&apos;s service…</source>
        <translation>&amp;Cysylltu â gwasanaeth eich cyngor…</translation>
    </message>
    <message>
        <source>Connect to your council&apos;s service (Alt+C)</source>
        <translation>Cysylltu â gwasanaeth eich cyngor (Alt+C)</translation>
    </message>
    <message>
        <source>Brings down your share of the council&apos;s records, then you sign in.</source>
        <translation>Yn lawrlwytho eich cyfran chi o gofnodion y cyngor, yna rydych yn mewngofnodi.</translation>
    </message>
    <message>
        <source>Who is signing in?</source>
        <translation>Pwy sy&apos;n mewngofnodi?</translation>
    </message>
    <message>
        <source>Staff (Alt+S)</source>
        <translation>Staff (Alt+S)</translation>
    </message>
    <message>
        <source>Active members of staff in this store; type to jump to a name.</source>
        <translation>Aelodau staff gweithredol yn y storfa hon; teipiwch i neidio at enw.</translation>
    </message>
    <message>
        <source>&amp;Staff:</source>
        <translation>&amp;Staff:</translation>
    </message>
    <message>
        <source>Password for the central service (Alt+P)</source>
        <translation>Cyfrinair y gwasanaeth canolog (Alt+C)</translation>
    </message>
    <message>
        <source>Leave empty to use the password remembered in this computer&apos;s keyring.</source>
        <translation>Gadewch yn wag i ddefnyddio&apos;r cyfrinair a gofiwyd yng nghylch allweddi&apos;r cyfrifiadur hwn.</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Cyfrinair:</translation>
    </message>
    <message>
        <source>This computer holds no records yet. Connect to your council&apos;s service to bring down your share of its cases and citizens, then sign in.</source>
        <translation>Nid oes cofnodion ar y cyfrifiadur hwn eto. Cysylltwch â gwasanaeth eich cyngor i lawrlwytho eich cyfran chi o&apos;i achosion a&apos;i ddinasyddion, yna mewngofnodwch.</translation>
    </message>
    <message>
        <source>This store has no active staff yet: connect it to your council&apos;s central service first.</source>
        <translation>Nid oes staff gweithredol yn y storfa hon eto: cysylltwch hi â gwasanaeth canolog eich cyngor yn gyntaf.</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Neges mewngofnodi</translation>
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation>Mewngofnodi (Enter)</translation>
    </message>
    <message>
        <source>Signs in as the chosen person.</source>
        <translation>Yn mewngofnodi fel y person a ddewiswyd.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Gadael</translation>
    </message>
    <message>
        <source>Quit (Esc)</source>
        <translation>Gadael (Esc)</translation>
    </message>
    <message>
        <source>Closes Caseworker without signing in.</source>
        <translation>Yn cau Caseworker heb fewngofnodi.</translation>
    </message>
    <message>
        <source>Central service: %1</source>
        <translation>Gwasanaeth canolog: %1</translation>
    </message>
    <message>
        <source>Loading staff…</source>
        <translation>Yn llwytho&apos;r staff…</translation>
    </message>
    <message>
        <source>Checking with the central service…</source>
        <translation>Yn gwirio gyda&apos;r gwasanaeth canolog…</translation>
    </message>
    <message>
        <source>Could not sign in: %1</source>
        <translation>Doedd dim modd mewngofnodi: %1</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Signed in</source>
        <translation>Wedi mewngofnodi</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Cysylltiad</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Cysoni diwethaf</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>Newidiadau sy&apos;n aros i&apos;w hanfon</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Gweithgarwch</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Cynnydd cysoni</translation>
    </message>
    <message>
        <source>receiving</source>
        <translation>yn derbyn</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>yn anfon</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) refused by the central service</source>
        <translation>
            <numerusform>%n cofnod wedi&apos;u gwrthod gan y gwasanaeth canolog</numerusform>
            <numerusform>%n cofnod wedi&apos;u gwrthod gan y gwasanaeth canolog</numerusform>
            <numerusform>%n cofnod wedi&apos;u gwrthod gan y gwasanaeth canolog</numerusform>
            <numerusform>%n cofnod wedi&apos;u gwrthod gan y gwasanaeth canolog</numerusform>
            <numerusform>%n cofnod wedi&apos;u gwrthod gan y gwasanaeth canolog</numerusform>
        </translation>
    </message>
    <message>
        <source>Local only</source>
        <translation>Lleol yn unig</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>All-lein</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Yn cysylltu…</translation>
    </message>
    <message>
        <source>Online · syncing</source>
        <translation>Ar-lein · yn cysoni</translation>
    </message>
    <message>
        <source>Online · up to date</source>
        <translation>Ar-lein · yn gyfredol</translation>
    </message>
    <message>
        <source>Sign in to the central service to sync</source>
        <translation>Mewngofnodwch i&apos;r gwasanaeth canolog i gysoni</translation>
    </message>
    <message>
        <source>Sync problem: %1</source>
        <translation>Problem cysoni: %1</translation>
    </message>
    <message numerus="yes">
        <source>Online · %n change(s) still to send</source>
        <translation>
            <numerusform>Ar-lein · %n newid i&apos;w anfon o hyd</numerusform>
            <numerusform>Ar-lein · %n newid i&apos;w anfon o hyd</numerusform>
            <numerusform>Ar-lein · %n newid i&apos;w anfon o hyd</numerusform>
            <numerusform>Ar-lein · %n newid i&apos;w anfon o hyd</numerusform>
            <numerusform>Ar-lein · %n newid i&apos;w anfon o hyd</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · unencrypted connection</source>
        <translation>%1 · cysylltiad heb ei amgryptio</translation>
    </message>
    <message>
        <source>Last sync: never (no central service configured)</source>
        <translation>Cysoni diwethaf: byth (dim gwasanaeth canolog wedi&apos;i osod)</translation>
    </message>
    <message>
        <source>Last sync: not yet</source>
        <translation>Cysoni diwethaf: dim eto</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Cysoni diwethaf: %1</translation>
    </message>
    <message>
        <source>No central service configured</source>
        <translation>Dim gwasanaeth canolog wedi&apos;i osod</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n newid yn aros i&apos;w anfon</numerusform>
            <numerusform>%n newid yn aros i&apos;w anfon</numerusform>
            <numerusform>%n newid yn aros i&apos;w anfon</numerusform>
            <numerusform>%n newid yn aros i&apos;w anfon</numerusform>
            <numerusform>%n newid yn aros i&apos;w anfon</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting to be sent</source>
        <translation>Dim byd yn aros i&apos;w anfon</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Wrthi&apos;n gweithio…</translation>
    </message>
</context>
<context>
    <name>SyncLink</name>
    <message>
        <source>the sync process ended unexpectedly (exit code %1)</source>
        <translation>daeth y broses gysoni i ben yn annisgwyl (cod ymadael %1)</translation>
    </message>
    <message>
        <source>the sync process could not start</source>
        <translation>methodd y broses gysoni â dechrau</translation>
    </message>
</context>
<context>
    <name>SyncProblemsDialog</name>
    <message>
        <source>Sync problems</source>
        <translation>Problemau cysoni</translation>
    </message>
    <message>
        <source>Looking for records with sync problems…</source>
        <translation>Yn chwilio am gofnodion â phroblemau cysoni…</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <source>Records with sync problems</source>
        <translation>Cofnodion â phroblemau cysoni</translation>
    </message>
    <message>
        <source>Press Enter to open a case or a citizen; its next edit is sent again.</source>
        <translation>Pwyswch Enter i agor achos neu ddinesydd; caiff ei olygiad nesaf ei anfon eto.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Cofnod</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Math</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cau (Esc)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(dim)</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to look at. Records are kept here unchanged: editing one sends it again, and changing one of two that clash resolves the clash.</source>
        <translation>
            <numerusform>%n problem i edrych arni. Cedwir cofnodion yma heb eu newid: mae golygu un yn ei anfon eto, ac mae newid un o ddau sy&apos;n gwrthdaro yn datrys y gwrthdaro.</numerusform>
            <numerusform>%n problem i edrych arni. Cedwir cofnodion yma heb eu newid: mae golygu un yn ei anfon eto, ac mae newid un o ddau sy&apos;n gwrthdaro yn datrys y gwrthdaro.</numerusform>
            <numerusform>%n problem i edrych arni. Cedwir cofnodion yma heb eu newid: mae golygu un yn ei anfon eto, ac mae newid un o ddau sy&apos;n gwrthdaro yn datrys y gwrthdaro.</numerusform>
            <numerusform>%n problem i edrych arni. Cedwir cofnodion yma heb eu newid: mae golygu un yn ei anfon eto, ac mae newid un o ddau sy&apos;n gwrthdaro yn datrys y gwrthdaro.</numerusform>
            <numerusform>%n problem i edrych arni. Cedwir cofnodion yma heb eu newid: mae golygu un yn ei anfon eto, ac mae newid un o ddau sy&apos;n gwrthdaro yn datrys y gwrthdaro.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every record synced: there are no problems.</source>
        <translation>Mae pob cofnod wedi&apos;i gysoni: does dim problemau.</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Internal note</source>
        <translation>Nodyn mewnol</translation>
    </message>
    <message>
        <source>with attachments</source>
        <translation>gydag atodiadau</translation>
    </message>
    <message>
        <source>someone unknown</source>
        <translation>rhywun anhysbys</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>am %1</translation>
    </message>
    <message>
        <source>not about a case</source>
        <translation>ddim am achos</translation>
    </message>
    <message>
        <source>%1, %2, by %3, %4: %5</source>
        <translation>%1, %2, gan %3, %4: %5</translation>
    </message>
    <message>
        <source>%1 (with attachments)</source>
        <translation>%1 (gydag atodiadau)</translation>
    </message>
</context>
<context>
    <name>TimelineMention</name>
    <message>
        <source>Not triaged yet</source>
        <translation>Heb ei frysbennu eto</translation>
    </message>
    <message>
        <source>Linked to a citizen</source>
        <translation>Wedi&apos;i gysylltu â dinesydd</translation>
    </message>
    <message>
        <source>Turned into a case</source>
        <translation>Wedi&apos;i droi&apos;n achos</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Wedi&apos;i ateb</translation>
    </message>
    <message>
        <source>Dismissed as not actionable</source>
        <translation>Wedi&apos;i wrthod: dim angen gweithredu</translation>
    </message>
    <message>
        <source>Automatically, %1% sure</source>
        <translation>Yn awtomatig, %1% yn siŵr</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Timeline</source>
        <translation>Llinell amser</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Pob sianel</translation>
    </message>
    <message>
        <source>Internal notes</source>
        <translation>Nodiadau mewnol</translation>
    </message>
    <message>
        <source>Show channel (Alt+N)</source>
        <translation>Dangos sianel (Alt+N)</translation>
    </message>
    <message>
        <source>Every contact with the citizen and every note, newest first. Up and Down move; the reading pane shows the whole entry. Enter opens its case.</source>
        <translation>Pob cysylltiad â&apos;r dinesydd a phob nodyn, y diweddaraf yn gyntaf. Mae I Fyny ac I Lawr yn symud; mae&apos;r paen darllen yn dangos y cofnod cyfan. Mae Enter yn agor ei achos.</translation>
    </message>
    <message>
        <source>Show only the contacts of one channel, or only internal notes.</source>
        <translation>Dangos cysylltiadau un sianel yn unig, neu nodiadau mewnol yn unig.</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Pob achos</translation>
    </message>
    <message>
        <source>Show case (Alt+A)</source>
        <translation>Dangos achos (Alt+A)</translation>
    </message>
    <message>
        <source>Show only what is about one case, or what is about no case.</source>
        <translation>Dangos dim ond yr hyn sydd am un achos, neu&apos;r hyn nad yw am unrhyw achos.</translation>
    </message>
    <message>
        <source>Entries shown</source>
        <translation>Cofnodion a ddangosir</translation>
    </message>
    <message>
        <source>How many timeline entries the filters let through.</source>
        <translation>Faint o gofnodion y llinell amser y mae&apos;r hidlyddion yn eu dangos.</translation>
    </message>
    <message>
        <source>Cha&amp;nnel:</source>
        <translation>Sia&amp;nel:</translation>
    </message>
    <message>
        <source>C&amp;ase:</source>
        <translation>&amp;Achos:</translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation>L&amp;linell amser</translation>
    </message>
    <message>
        <source>Not about a case</source>
        <translation>Ddim am achos</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 o %2 yn cael eu dangos</translation>
    </message>
    <message>
        <source>%1 (only the latest contacts)</source>
        <translation>%1 (y cysylltiadau diweddaraf yn unig)</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo the last change</source>
        <translation>Dadwneud y newid diwethaf</translation>
    </message>
    <message>
        <source>&amp;Undo (Ctrl+Z)</source>
        <translation>&amp;Dadwneud (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z)</source>
        <translation>Dadwneud (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Puts back what the last change changed, as a new change.</source>
        <translation>Yn rhoi&apos;n ôl yr hyn a newidiodd y newid diwethaf, fel newid newydd.</translation>
    </message>
    <message>
        <source>Case closed.</source>
        <translation>Achos wedi&apos;i gau.</translation>
    </message>
    <message>
        <source>Case resolved.</source>
        <translation>Achos wedi&apos;i ddatrys.</translation>
    </message>
    <message>
        <source>Status changed to %1.</source>
        <translation>Statws wedi&apos;i newid i %1.</translation>
    </message>
    <message>
        <source>Priority changed to %1.</source>
        <translation>Blaenoriaeth wedi&apos;i newid i %1.</translation>
    </message>
    <message>
        <source>Case moved to another queue.</source>
        <translation>Achos wedi&apos;i symud i giw arall.</translation>
    </message>
    <message>
        <source>Assignment changed.</source>
        <translation>Newidiwyd pwy sydd â&apos;r achos.</translation>
    </message>
</context>
<context>
    <name>UndoMergeDialog</name>
    <message>
        <source>Undo a merge</source>
        <translation>Dadwneud cyfuno</translation>
    </message>
    <message>
        <source>The merged record stands apart again, with its own contacts, cases and identifiers, including anything added since.</source>
        <translation>Mae&apos;r cofnod a gyfunwyd yn sefyll ar wahân eto, gyda&apos;i gysylltiadau, ei achosion a&apos;i ddynodwyr ei hun, gan gynnwys unrhyw beth a ychwanegwyd ers hynny.</translation>
    </message>
    <message>
        <source>&amp;Undo merge</source>
        <translation>&amp;Dadwneud cyfuno</translation>
    </message>
    <message>
        <source>Undo merge (Ctrl+Enter)</source>
        <translation>Dadwneud cyfuno (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Why:</source>
        <translation>&amp;Pam:</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pam</translation>
    </message>
    <message>
        <source>Why these are two people: kept with the merge&apos;s history.</source>
        <translation>Pam mai dau berson yw&apos;r rhain: yn cael ei gadw yn hanes y cyfuno.</translation>
    </message>
    <message>
        <source>Say why.</source>
        <translation>Dywedwch pam.</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <source>Phone</source>
        <translation>Ffôn</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-bost</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>Ffurflen we</translation>
    </message>
    <message>
        <source>Citizen app</source>
        <translation>Ap y dinesydd</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Galw heibio</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Llythyr</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Cyfryngau cymdeithasol</translation>
    </message>
    <message>
        <source>From the citizen</source>
        <translation>Gan y dinesydd</translation>
    </message>
    <message>
        <source>To the citizen</source>
        <translation>At y dinesydd</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Newydd</translation>
    </message>
    <message>
        <source>Triaged</source>
        <translation>Wedi&apos;i frysbennu</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Wedi&apos;i aseinio</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Ar y gweill</translation>
    </message>
    <message>
        <source>Awaiting citizen</source>
        <translation>Yn aros am y dinesydd</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Wedi&apos;i ddatrys</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Wedi&apos;i gau</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Wedi&apos;i ailagor</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Isel</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Arferol</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Uchel</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Brys</translation>
    </message>
    <message>
        <source>Contact-centre agent</source>
        <translation>Asiant y ganolfan gyswllt</translation>
    </message>
    <message>
        <source>Field officer</source>
        <translation>Swyddog maes</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Goruchwyliwr</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Gweinyddwr</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <source>Social media handle</source>
        <translation>Enw ar y cyfryngau cymdeithasol</translation>
    </message>
    <message>
        <source>App account</source>
        <translation>Cyfrif ap</translation>
    </message>
    <message>
        <source>given and family names swapped</source>
        <translation>enw cyntaf a chyfenw wedi&apos;u cyfnewid</translation>
    </message>
    <message>
        <source>same given name</source>
        <translation>yr un enw cyntaf</translation>
    </message>
    <message>
        <source>given name differs (nickname or Welsh form)</source>
        <translation>enw cyntaf yn wahanol (llysenw neu ffurf Gymraeg)</translation>
    </message>
    <message>
        <source>given name spelt differently</source>
        <translation>enw cyntaf wedi&apos;i sillafu&apos;n wahanol</translation>
    </message>
    <message>
        <source>given name similar</source>
        <translation>enw cyntaf tebyg</translation>
    </message>
    <message>
        <source>different given name</source>
        <translation>enw cyntaf gwahanol</translation>
    </message>
    <message>
        <source>same family name</source>
        <translation>yr un cyfenw</translation>
    </message>
    <message>
        <source>family name spelt differently</source>
        <translation>cyfenw wedi&apos;i sillafu&apos;n wahanol</translation>
    </message>
    <message>
        <source>family name similar</source>
        <translation>cyfenw tebyg</translation>
    </message>
    <message>
        <source>different family name</source>
        <translation>cyfenw gwahanol</translation>
    </message>
    <message>
        <source>same date of birth</source>
        <translation>yr un dyddiad geni</translation>
    </message>
    <message>
        <source>date of birth one slip apart</source>
        <translation>dyddiad geni un llithriad yn wahanol</translation>
    </message>
    <message>
        <source>born the same year</source>
        <translation>wedi&apos;u geni yn yr un flwyddyn</translation>
    </message>
    <message>
        <source>different date of birth</source>
        <translation>dyddiad geni gwahanol</translation>
    </message>
    <message>
        <source>same address</source>
        <translation>yr un cyfeiriad</translation>
    </message>
    <message>
        <source>same postcode</source>
        <translation>yr un cod post</translation>
    </message>
    <message>
        <source>nearby postcode</source>
        <translation>cod post cyfagos</translation>
    </message>
    <message>
        <source>same postcode district</source>
        <translation>yr un ardal cod post</translation>
    </message>
    <message>
        <source>different postcode</source>
        <translation>cod post gwahanol</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>yr un rhif ffôn</translation>
    </message>
    <message>
        <source>different phone number</source>
        <translation>rhif ffôn gwahanol</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>yr un e-bost</translation>
    </message>
    <message>
        <source>different email</source>
        <translation>e-bost gwahanol</translation>
    </message>
    <message>
        <source>same social media handle</source>
        <translation>yr un enw cyfryngau cymdeithasol</translation>
    </message>
    <message>
        <source>different social media handle</source>
        <translation>enw cyfryngau cymdeithasol gwahanol</translation>
    </message>
    <message>
        <source>home</source>
        <translation>cartref</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>symudol</translation>
    </message>
    <message>
        <source>work</source>
        <translation>gwaith</translation>
    </message>
    <message>
        <source>landline</source>
        <translation>llinell dir</translation>
    </message>
    <message>
        <source>personal</source>
        <translation>personol</translation>
    </message>
    <message>
        <source>previous</source>
        <translation>blaenorol</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Heb ei wirio</translation>
    </message>
    <message>
        <source>Code sent by text message</source>
        <translation>Cod wedi&apos;i anfon mewn neges destun</translation>
    </message>
    <message>
        <source>Link sent by email</source>
        <translation>Dolen wedi&apos;i hanfon drwy e-bost</translation>
    </message>
    <message>
        <source>Called back</source>
        <translation>Wedi ffonio&apos;n ôl</translation>
    </message>
    <message>
        <source>Document seen</source>
        <translation>Wedi gweld dogfen</translation>
    </message>
    <message>
        <source>Seen in person</source>
        <translation>Wedi&apos;i weld wyneb yn wyneb</translation>
    </message>
    <message>
        <source>Security questions</source>
        <translation>Cwestiynau diogelwch</translation>
    </message>
    <message>
        <source>Signed in to the app</source>
        <translation>Wedi mewngofnodi i&apos;r ap</translation>
    </message>
    <message>
        <source>Council record</source>
        <translation>Cofnod y cyngor</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Cydsyniad</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>Legal obligation</source>
        <translation>Rhwymedigaeth gyfreithiol</translation>
    </message>
    <message>
        <source>Vital interests</source>
        <translation>Buddiannau hanfodol</translation>
    </message>
    <message>
        <source>Public task</source>
        <translation>Tasg gyhoeddus</translation>
    </message>
    <message>
        <source>Legitimate interests</source>
        <translation>Buddiannau dilys</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Saesneg</translation>
    </message>
    <message>
        <source>Welsh</source>
        <translation>Cymraeg</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Ar amser</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Dyledus cyn bo hir</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Yn hwyr</translation>
    </message>
    <message>
        <source>Service level met</source>
        <translation>Lefel gwasanaeth wedi&apos;i bodloni</translation>
    </message>
    <message>
        <source>Service level missed</source>
        <translation>Lefel gwasanaeth heb ei bodloni</translation>
    </message>
    <message>
        <source>First response overdue</source>
        <translation>Ymateb cyntaf yn hwyr</translation>
    </message>
    <message>
        <source>Resolution overdue</source>
        <translation>Datrys yn hwyr</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Wedi&apos;i uwchgyfeirio</translation>
    </message>
    <message>
        <source>supervisors told: %1</source>
        <translation>rhoddwyd gwybod i&apos;r goruchwylwyr: %1</translation>
    </message>
    <message>
        <source>priority raised from %1 to %2</source>
        <translation>codwyd y flaenoriaeth o %1 i %2</translation>
    </message>
    <message>
        <source>already %1: priority kept</source>
        <translation>eisoes yn %1: cadwyd y flaenoriaeth</translation>
    </message>
    <message>
        <source>moved from %1 to %2</source>
        <translation>symudwyd o %1 i %2</translation>
    </message>
    <message>
        <source>not moved: the queue no longer exists</source>
        <translation>heb ei symud: nid yw&apos;r ciw yn bodoli mwyach</translation>
    </message>
    <message>
        <source>Council&apos;s central service</source>
        <translation>Gwasanaeth canolog y cyngor</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Dinesydd</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Gwasanaeth</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Ciw</translation>
    </message>
    <message>
        <source>Member of staff</source>
        <translation>Aelod o staff</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Achos</translation>
    </message>
    <message>
        <source>Case history entry</source>
        <translation>Cofnod yn hanes yr achos</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nodyn</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Cyswllt</translation>
    </message>
    <message>
        <source>Social-media mention</source>
        <translation>Sôn ar y cyfryngau cymdeithasol</translation>
    </message>
    <message>
        <source>Audit entry</source>
        <translation>Cofnod archwilio</translation>
    </message>
    <message>
        <source>Directory entry</source>
        <translation>Cofnod cyfeiriadur</translation>
    </message>
</context>
<context>
    <name>WindowLock</name>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Cloi nawr</translation>
    </message>
    <message>
        <source>Caseworker (locked)</source>
        <translation>Caseworker (wedi&apos;i gloi)</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Withdraw a consent</source>
        <translation>Tynnu caniatâd yn ôl</translation>
    </message>
    <message>
        <source>It stays on the record, ended now, in your name.</source>
        <translation>Mae&apos;n aros ar y cofnod, wedi&apos;i ddod i ben nawr, yn eich enw chi.</translation>
    </message>
    <message>
        <source>&amp;Consent:</source>
        <translation>&amp;Caniatâd:</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Caniatâd</translation>
    </message>
    <message>
        <source>The consent the citizen withdraws.</source>
        <translation>Y caniatâd y mae&apos;r dinesydd yn ei dynnu&apos;n ôl.</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>&amp;Tynnu&apos;n ôl</translation>
    </message>
    <message>
        <source>No consent is in force.</source>
        <translation>Nid oes caniatâd mewn grym.</translation>
    </message>
</context>
<context>
    <name>WorkListView</name>
    <message>
        <source>Filter by reference, summary or service</source>
        <translation>Hidlo yn ôl cyfeirnod, crynodeb neu wasanaeth</translation>
    </message>
    <message>
        <source>Filter cases (Ctrl+F)</source>
        <translation>Hidlo achosion (Ctrl+F)</translation>
    </message>
    <message>
        <source>Shows only cases whose reference, summary or service contains these words.</source>
        <translation>Yn dangos dim ond yr achosion y mae eu cyfeirnod, eu crynodeb neu eu gwasanaeth yn cynnwys y geiriau hyn.</translation>
    </message>
    <message>
        <source>F&amp;ilter (Ctrl+F):</source>
        <translation>Hid&amp;lo (Ctrl+F):</translation>
    </message>
    <message>
        <source>Sort by (Alt+O)</source>
        <translation>Trefnu yn ôl (Alt+T)</translation>
    </message>
    <message>
        <source>The order the cases are listed in.</source>
        <translation>Y drefn y rhestrir yr achosion ynddi.</translation>
    </message>
    <message>
        <source>S&amp;ort by:</source>
        <translation>&amp;Trefnu yn ôl:</translation>
    </message>
    <message>
        <source>&amp;Reverse</source>
        <translation>T&amp;refn o chwith</translation>
    </message>
    <message>
        <source>Reverse the order (Alt+R)</source>
        <translation>Trefn o chwith (Alt+R)</translation>
    </message>
    <message>
        <source>Lists the latest due, least urgent or last first.</source>
        <translation>Yn rhestru&apos;r diweddaraf, y lleiaf brys neu&apos;r olaf yn gyntaf.</translation>
    </message>
    <message>
        <source>At risk today (Alt+T)</source>
        <translation>Mewn perygl heddiw (Alt+T)</translation>
    </message>
    <message>
        <source>Shows only the open cases due by midnight tonight or already late.</source>
        <translation>Yn dangos dim ond yr achosion agored sy&apos;n ddyledus erbyn hanner nos heno neu sydd eisoes yn hwyr.</translation>
    </message>
    <message>
        <source>Number of cases</source>
        <translation>Nifer yr achosion</translation>
    </message>
    <message>
        <source>Cases, soonest due first. Press Enter to open the selected case.</source>
        <translation>Achosion, y rhai dyledus gyntaf ar y brig. Pwyswch Enter i agor yr achos a ddewiswyd.</translation>
    </message>
    <message numerus="yes">
        <source>At risk &amp;today (%n)</source>
        <translation>
            <numerusform>Mewn perygl &amp;heddiw (%n)</numerusform>
            <numerusform>Mewn perygl &amp;heddiw (%n)</numerusform>
            <numerusform>Mewn perygl &amp;heddiw (%n)</numerusform>
            <numerusform>Mewn perygl &amp;heddiw (%n)</numerusform>
            <numerusform>Mewn perygl &amp;heddiw (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yn llwytho…</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n achos</numerusform>
            <numerusform>%n achos</numerusform>
            <numerusform>%n achos</numerusform>
            <numerusform>%n achos</numerusform>
            <numerusform>%n achos</numerusform>
        </translation>
    </message>
    <message>
        <source>No case matches “%1”. Press Esc in the filter to see them all.</source>
        <translation>Does dim achos yn cyfateb i “%1”. Pwyswch Esc yn yr hidlydd i weld y cyfan.</translation>
    </message>
    <message>
        <source>The cases could not be loaded: %1</source>
        <translation>Doedd dim modd llwytho&apos;r achosion: %1</translation>
    </message>
    <message>
        <source>Due time</source>
        <translation>Amser dyledus</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Blaenoriaeth</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Gwasanaeth</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
</context>
<context>
    <name>WorkPages</name>
    <message>
        <source>My work</source>
        <translation>Fy ngwaith</translation>
    </message>
    <message>
        <source>You have no open cases. Cases assigned to you appear here as soon as they are; find more in Queues (Ctrl+2).</source>
        <translation>Does gennych chi ddim achosion agored. Mae achosion a aseinir i chi yn ymddangos yma cyn gynted ag y maen nhw&apos;n cael eu haseinio; cewch ragor yn y Ciwiau (Ctrl+2).</translation>
    </message>
</context>
<context>
    <name>_Gone</name>
    <message>
        <source>This record is no longer on this laptop: it was reassigned or left your work.</source>
        <translation>Nid yw&apos;r cofnod hwn ar y gliniadur hwn mwyach: cafodd ei ailbennu neu gadawodd eich gwaith.</translation>
    </message>
    <message>
        <source>&amp;Close this tab</source>
        <translation>&amp;Cau&apos;r tab hwn</translation>
    </message>
    <message>
        <source>Close this tab</source>
        <translation>Cau&apos;r tab hwn</translation>
    </message>
    <message>
        <source>Closes the tab of a record that is no longer on this laptop.</source>
        <translation>Yn cau tab cofnod nad yw ar y gliniadur hwn mwyach.</translation>
    </message>
</context>
<context>
    <name>_Unavailable</name>
    <message>
        <source>This build of Caseworker cannot show %1 yet (%2).</source>
        <translation>Ni all y fersiwn hwn o Caseworker ddangos %1 eto (%2).</translation>
    </message>
    <message>
        <source>citizens</source>
        <translation>dinasyddion</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>achosion</translation>
    </message>
</context>
</TS>
