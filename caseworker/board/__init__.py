"""The supervisor's board: live workload, backlog, channel mix, first-contact resolution and the
weekly trend, computed in SQL on the local store; each figure carries the filter of its cases."""

from caseworker.board.figures import Board, compute_board
from caseworker.board.filters import CaseFilter, count_cases, list_cases

__all__ = ["Board", "CaseFilter", "compute_board", "count_cases", "list_cases"]
