"""履职成果 tab: 代表建议, 为民办实事, meetings, 述职评议, campaigns and mediation, each a list with its form."""
