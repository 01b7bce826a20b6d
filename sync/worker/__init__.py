"""The central worker (``caseworker central worker``): what must happen once for the whole
council and must not sit on laptops, each job in one place at a time however many workers run.

- ``lease``: the ``_local`` lease document that decides where a job runs;
- ``runner``: takes leases, renews them, runs each job's steps with a back-off on failure;
- ``jobs``: what a job is, and the one list of them (later issues add theirs there);
- ``feed``: the central database's ``_changes`` in batches of bounded size;
- ``directory``: the first job, the citizen directory's entries;
- ``command``: the command line.
"""
