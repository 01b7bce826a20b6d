"""Published performance: monthly figures per service as open data (``caseworker publish-kpis``).

``figures`` counts cases per service, month (Europe/London) and channel; ``suppress`` hides the
small counts and whatever would give them away; ``scope`` says whether the store holds the whole
council; ``tables`` and ``page`` turn the figures into CSV, JSON and HTML; ``publication`` writes
them all at once. Only service codes and names, months, channels and numbers ever leave here.
"""
