-- error at 4:8
-- PostgreSQL prints 0, 0.5, 1.0: the start keeps its own scale, the sums have the step's; one
-- column scale cannot say that, so the text is refused (the values themselves are exact)
SELECT g::text AS t FROM generate_series(0, 2, 0.5) AS g;
