"""The supervisors' Routing page: the ordered rules, a tester, and the queues' members."""
