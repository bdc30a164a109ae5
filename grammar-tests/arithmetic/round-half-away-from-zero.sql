-- ROUND rounds half away from zero on numeric (MongoDB's $round rounds half to even)
SELECT round(2.5), round(-2.5), round(0.5), round(1.5), round(-0.5), round(3.4), round(-3.6);
