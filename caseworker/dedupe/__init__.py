"""Finding duplicate citizens across the store (the scan) and reviewing them."""
