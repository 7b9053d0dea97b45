"""Grid duties besides the reception day: the kinds (网格巡查, 护学岗…), the posts and their pools,
a fair rota (the reception rota's Rotation), shifts marked done (activities) or missed, clashes
with reception duty, and the printed rota."""
