"""Replies to citizens: bilingual templates rendered on the laptop, sent centrally through
GOV.UK Notify (``sync.notify``)."""
