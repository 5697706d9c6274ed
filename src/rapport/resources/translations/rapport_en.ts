<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionWords</name>
    <message numerus="yes">
        <source>{reason}; not resolved since despite %n later contact(s).</source>
        <translation>
            <numerusform>{reason}; not resolved since despite %n later contact.</numerusform>
            <numerusform>{reason}; not resolved since despite %n later contacts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{product} and %n more</source>
        <translation>
            <numerusform>{product} and %n more</numerusform>
            <numerusform>{product} and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left a cart of {amount} with the {product} {when} after %n view(s)</source>
        <translation>
            <numerusform>Left a cart of {amount} with the {product} {when} after %n view</numerusform>
            <numerusform>Left a cart of {amount} with the {product} {when} after %n views</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{tier} customer with no contact for %n day(s).</source>
        <translation>
            <numerusform>{tier} customer with no contact for %n day.</numerusform>
            <numerusform>{tier} customer with no contact for %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityChart</name>
    <message numerus="yes">
        <source>Last %n month(s): {spend} spent, {contacts}</source>
        <translation>
            <numerusform>Last %n month: {spend} spent, {contacts}</numerusform>
            <numerusform>Last %n months: {spend} spent, {contacts}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <comment>the top of the contacts axis</comment>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last %n month(s)</source>
        <translation>
            <numerusform>Last %n month</numerusform>
            <numerusform>Last %n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BasketDialog</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BasketWords</name>
    <message numerus="yes">
        <source>{stores} and %n more</source>
        <translation>
            <numerusform>{stores} and %n more</numerusform>
            <numerusform>{stores} and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallerChooser</name>
    <message numerus="yes">
        <source>%n customer(s) have the number {number}. Who is calling?</source>
        <translation>
            <numerusform>%n customer has the number {number}. Who is calling?</numerusform>
            <numerusform>%n customers have the number {number}. Who is calling?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Customer360</name>
    <message numerus="yes">
        <source>&amp;Offers (%n active)</source>
        <translation>
            <numerusform>&amp;Offers (%n active)</numerusform>
            <numerusform>&amp;Offers (%n active)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HubAnswers</name>
    <message numerus="yes">
        <source>The hub refused %n change(s) and kept newer values for {kept} ({keys} to review)</source>
        <translation>
            <numerusform>The hub refused %n change and kept newer values for {kept} ({keys} to review)</numerusform>
            <numerusform>The hub refused %n changes and kept newer values for {kept} ({keys} to review)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The hub refused %n change(s) ({keys} to review)</source>
        <translation>
            <numerusform>The hub refused %n change ({keys} to review)</numerusform>
            <numerusform>The hub refused %n changes ({keys} to review)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The hub kept newer values for %n change(s) ({keys} to review)</source>
        <translation>
            <numerusform>The hub kept a newer value for %n change ({keys} to review)</numerusform>
            <numerusform>The hub kept newer values for %n changes ({keys} to review)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntentWords</name>
    <message numerus="yes">
        <source>%n view(s)</source>
        <translation>
            <numerusform>%n view</numerusform>
            <numerusform>%n views</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{views} over %n day(s)</source>
        <translation>
            <numerusform>{views} over %n day</numerusform>
            <numerusform>{views} over %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{views} on %n device(s)</source>
        <translation>
            <numerusform>{views} on %n device</numerusform>
            <numerusform>{views} on %n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{product} and %n other item(s)</source>
        <translation>
            <numerusform>{product} and %n other item</numerusform>
            <numerusform>{product} and %n other items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No web activity in the last %n day(s)</source>
        <translation>
            <numerusform>No web activity in the last day</numerusform>
            <numerusform>No web activity in the last %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>over %n day(s)</source>
        <translation>
            <numerusform>over %n day</numerusform>
            <numerusform>over %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Searched for {terms} (%n searches) {when}</source>
        <translation>
            <numerusform>Searched for {terms} (%n search) {when}</numerusform>
            <numerusform>Searched for {terms} (%n searches) {when}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Visited the site {when} (%n page view(s))</source>
        <translation>
            <numerusform>Visited the site {when} (%n page view)</numerusform>
            <numerusform>Visited the site {when} (%n page views)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IssuesBand</name>
    <message numerus="yes">
        <source>%n change(s) refused by the hub</source>
        <translation>
            <numerusform>%n change refused by the hub</numerusform>
            <numerusform>%n changes refused by the hub</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message numerus="yes">
        <source>%n returned</source>
        <translation>
            <numerusform>%n returned</numerusform>
            <numerusform>%n returned</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message numerus="yes">
        <source>%n entries selected.</source>
        <translation>
            <numerusform>%n entry selected.</numerusform>
            <numerusform>%n entries selected.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxWords</name>
    <message numerus="yes">
        <source>Basket saved: %n item(s)</source>
        <translation>
            <numerusform>Basket saved: %n item</numerusform>
            <numerusform>Basket saved: %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RepairWords</name>
    <message numerus="yes">
        <source>%n change(s) not yet sent were recovered and will be sent.</source>
        <translation>
            <numerusform>%n change not yet sent was recovered and will be sent.</numerusform>
            <numerusform>%n changes not yet sent were recovered and will be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent could not be recovered: please enter them again.</source>
        <translation>
            <numerusform>%n change not yet sent could not be recovered: please enter it again.</numerusform>
            <numerusform>%n changes not yet sent could not be recovered: please enter them again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusWords</name>
    <message numerus="yes">
        <source>Offline for %n day(s)</source>
        <translation>
            <numerusform>Offline for %n day</numerusform>
            <numerusform>Offline for %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} pending</source>
        <translation>
            <numerusform>{count} pending</numerusform>
            <numerusform>{count} pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} rejected</source>
        <translation>
            <numerusform>{count} rejected</numerusform>
            <numerusform>{count} rejected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} notice(s)</source>
        <translation>
            <numerusform>{count} notice</numerusform>
            <numerusform>{count} notices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} change(s) saved on this computer, waiting for the hub.</source>
        <translation>
            <numerusform>{count} change saved on this computer, waiting for the hub.</numerusform>
            <numerusform>{count} changes saved on this computer, waiting for the hub.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} change(s) refused by the hub: redo or dismiss them.</source>
        <translation>
            <numerusform>{count} change refused by the hub: redo or dismiss it.</numerusform>
            <numerusform>{count} changes refused by the hub: redo or dismiss them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} change(s) applied, but the hub kept a newer value.</source>
        <translation>
            <numerusform>{count} change applied, but the hub kept a newer value.</numerusform>
            <numerusform>{count} changes applied, but the hub kept a newer value.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskWords</name>
    <message numerus="yes">
        <source>%n task(s) due</source>
        <translation>
            <numerusform>%n task due</numerusform>
            <numerusform>%n tasks due</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tasks are due now ({names})</source>
        <translation>
            <numerusform>%n task is due now ({names})</numerusform>
            <numerusform>%n tasks are due now ({names})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineWords</name>
    <message numerus="yes">
        <source>%n product view(s)</source>
        <translation>
            <numerusform>%n product view</numerusform>
            <numerusform>%n product views</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page view(s)</source>
        <translation>
            <numerusform>%n page view</numerusform>
            <numerusform>%n page views</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{first} and %n more</source>
        <translation>
            <numerusform>{first} and %n more</numerusform>
            <numerusform>{first} and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n items: {items}</source>
        <translation>
            <numerusform>%n item: {items}</numerusform>
            <numerusform>%n items: {items}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{items} (%n returned)</source>
        <translation>
            <numerusform>{items} (%n returned)</numerusform>
            <numerusform>{items} (%n returned)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
</TS>
