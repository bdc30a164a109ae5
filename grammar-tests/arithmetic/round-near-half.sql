-- values just below a half must round down: no fudge factor may push them over
SELECT round(2.4999999999999), round(-2.4999999999999), round(0.4999999999999, 0), round(1.2349999999999, 2), round(2.4999999999999::float8);
