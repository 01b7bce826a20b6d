"""Erasure and anonymisation of one citizen, everywhere a copy is held (issue 12).

An ``erasure`` document (``caseworker.documents.types.ERASURE``) names the citizen by id only.
``scope`` says which documents are the citizen's (generically: everything whose root is the
citizen or one of their cases, or that names them in a field, so record types added later are
covered) and what an anonymised copy keeps; ``local`` carries it out in a laptop's store;
``request`` makes the document; ``retention`` decides what a schedule disposes of. The central
side (``sync.worker.erasure``) purges the central database and compacts it.
"""
