"""Service-level and statutory clocks: a business calendar with working-time arithmetic
(``calendar``), UK bank holidays in GOV.UK's format (``bank_holidays``), the council's own
calendar (``council``), statutory deadlines (``statutory``), pauses (``pauses``), and a case's
due times (``due``; in the store: ``cases``). No Qt, no HTTP: refreshing the bank holidays from
GOV.UK is ``sync.bank_holidays``."""
