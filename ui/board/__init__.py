"""The supervisor's board page: charts of the board's figures, each drilling down to its cases."""
