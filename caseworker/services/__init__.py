"""Use cases of the domain. Each takes a Session; the caller owns the transaction."""
