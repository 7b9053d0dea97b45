"""履职成果: 代表建议, 为民办实事, meetings, 述职评议会, campaigns, follow-up calls, mediation, and the
figures the statistics tab and the yearly report count from them.

Functions a view or a command calls take the `Database` first and open their own transaction;
functions taking a session are building blocks for the other modules of this package.
"""
