"""Subject access requests (UK GDPR art. 15): recording one starts its statutory clock
(``requests``), and an export gathers everything held about the person (``collect``, ``local``),
redacts other people's data (``redact``) and writes it as JSON and a bilingual HTML report
(``render_json``, ``render_html``, ``write``). See docs/subject-access.md."""
