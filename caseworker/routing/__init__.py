"""Routing: which queue a new case goes to, by the council's ordered rules (``evaluate``),
kept in one document (``store``), with the queues' members (``members``)."""
