"""Who may read and write what: the one place that decides, for the window, the gateway and tests.

- ``people``: the person acting (role, staff id, queues, patch), from the server's ``_users``
  roles and their staff document.
- ``channels``: which root each document hangs off, and which roots a person may hold.
- ``writes``: whether a person may turn the server's current winning revision into a new one
  (``judge``, ``judge_batch``), and the window's questions (``may_assign``...); ``rules``
  holds each record type's rules.
- ``views``: the same routing, rendered as the central database's map functions.
- ``local``: the same questions on a laptop, for the person signed in there.
"""
