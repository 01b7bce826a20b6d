"""Social-media mentions as shared documents: what a post said, made safe to show
(``sanitise``), and how a collected post becomes, and stays, a mention document (``note``)."""
